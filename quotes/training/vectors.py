"""`quotes models vectors`: fastText-style subword vectors on a text corpus, in Stanza's pretrain format.

Steps:
1. tokenise the corpus as the pipeline sees it: each line through `prepare.parse_form` (no
   diacritics, ، -> , and the like), then split into tokens with `TOKEN` (words, numbers, one
   punctuation mark per token), the tokens the shipped tokenizer writes (NER reads these
   tokens; the tagger and parser read the words MWT splits from them, which are mostly tokens
   of their own elsewhere in the corpus). Lowercased, as Stanza looks words up in a pretrain;
2. train gensim's FastText (skip-gram, character n-grams 3-6) with a fixed seed;
3. keep the `max_vocab` most frequent words, write them as a text vectors file and let
   `stanza.models.common.pretrain.Pretrain` build its own .pt file from it (no pickle).

Reproducibility: with workers=1 the vectors are the same bit for bit on every run with the
same seed, corpus and gensim version. With several workers gensim updates the shared weights
from threads in whatever order they run (Hogwild): faster, but not exactly reproducible.
"""
from __future__ import annotations

import gzip
import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

import regex

from quotes.nlp.prepare import parse_form

#: A number (with inner . or , as in 3.5 or 1,200), a word (letters, marks, digits and
#: underscores), a run of dots (...), or any one other non-space character.
TOKEN = regex.compile(r"\p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{M}])"
                      r"|[\p{L}\p{M}\p{N}_]+"
                      r"|\.{2,}"
                      r"|[^\s]")

PRETRAIN_NAME = "pretrain.pt"
INFO_NAME = "vectors.json"


@dataclass(frozen=True)
class VectorOptions:
    dim: int = 100
    min_count: int = 5
    max_vocab: int = 100_000
    epochs: int = 5
    window: int = 5
    min_n: int = 3
    max_n: int = 6
    bucket: int = 1_000_000
    workers: int = 1
    seed: int = 1234


def tokenize_line(line: str) -> list[str]:
    """The tokens of one line of raw text, as the pipeline's tokenizer sees them (lowercased)."""
    return TOKEN.findall(parse_form(line).lower())


def read_lines(corpus: Path) -> Iterator[str]:
    """Non-blank lines of a UTF-8 text file, gzip or plain."""
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield line


def write_tokenized(lines: Iterable[str], dest: Path) -> tuple[int, int]:
    """One line of space-separated tokens per input line; return (lines, tokens)."""
    n_lines = n_tokens = 0
    with dest.open("w", encoding="utf-8") as out:
        for line in lines:
            tokens = tokenize_line(line)
            if tokens:
                out.write(" ".join(tokens) + "\n")
                n_lines += 1
                n_tokens += len(tokens)
    return n_lines, n_tokens


def train_vectors(corpus: Path, output: Path, opts: VectorOptions = VectorOptions(),
                  log: Callable[[str], None] = print) -> dict:
    """Tokenise `corpus`, train the vectors, write `output`/pretrain.pt and vectors.json."""
    from gensim.models import FastText

    output.mkdir(parents=True, exist_ok=True)
    work = output / "work"
    work.mkdir(exist_ok=True)
    tokenized = work / "corpus.tok.txt"
    start = time.perf_counter()
    n_lines, n_tokens = write_tokenized(read_lines(corpus), tokenized)
    tokenize_seconds = time.perf_counter() - start
    log(f"tokenised {n_tokens:,} tokens in {n_lines:,} lines ({tokenize_seconds:.0f} s)")

    start = time.perf_counter()
    model = FastText(corpus_file=str(tokenized), vector_size=opts.dim, window=opts.window,
                     min_count=opts.min_count, epochs=opts.epochs, sg=1, min_n=opts.min_n, max_n=opts.max_n,
                     bucket=opts.bucket, workers=opts.workers, seed=opts.seed)
    train_seconds = time.perf_counter() - start
    log(f"trained {len(model.wv):,} words x {opts.dim} ({train_seconds:.0f} s)")

    words = model.wv.index_to_key[:opts.max_vocab]  # most frequent first
    vec_file = work / "vectors.vec"
    write_text_vectors(words, (model.wv[w] for w in words), opts.dim, vec_file)
    pretrain_file = output / PRETRAIN_NAME
    pretrain_file.unlink(missing_ok=True)
    build_pretrain(vec_file, pretrain_file)
    vec_file.unlink()
    tokenized.unlink()
    work.rmdir()

    info = {
        "corpus": corpus.name, "lines": n_lines, "tokens": n_tokens,
        "trained_vocab": len(model.wv), "vocab": len(words), "options": asdict(opts),
        "tokenize_seconds": round(tokenize_seconds, 1), "train_seconds": round(train_seconds, 1),
        "file": pretrain_file.name, "bytes": pretrain_file.stat().st_size, "versions": _versions(),
    }
    (output / INFO_NAME).write_text(json.dumps(info, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return info


def write_text_vectors(words: list[str], vectors: Iterable, dim: int, dest: Path) -> None:
    """The word2vec text format: a header line, then a word and its values per line."""
    with dest.open("w", encoding="utf-8") as out:
        out.write(f"{len(words)} {dim}\n")
        for word, vector in zip(words, vectors):
            out.write(word + " " + " ".join(f"{x:.6f}" for x in vector) + "\n")


def build_pretrain(vec_file: Path, pretrain_file: Path) -> None:
    """Stanza's own pretrain file (torch.save of the vocabulary and a float32 tensor)."""
    from stanza.models.common.pretrain import Pretrain

    pretrain = Pretrain(str(pretrain_file), str(vec_file))
    pretrain.load()  # reads the text file and saves the .pt
    if not pretrain_file.is_file():
        raise RuntimeError(f"Stanza did not write {pretrain_file}")


def _versions() -> dict:
    import gensim
    import stanza

    return {"gensim": gensim.__version__, "stanza": stanza.__version__}
