"""Training data for the compact models: read, split 80/10/10, convert to Stanza's formats.

Two sources:
- a UD treebank in CoNLL-U (Arabic-PUD here) for tokenize, mwt, pos, lemma and depparse;
- a BIO token/tag file (NewsFANE Gold here) for ner.

Every conversion that shapes what the models learn lives here, each in one small function.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Sequence, TypeVar

from quotes.nlp.prepare import parse_form

T = TypeVar("T")

UD_SHORTHAND = "ar_pud"
NER_SHORTHAND = "ar_newsfane"

#: A paragraph break every this many sentences: after shuffling, every PUD sentence would
#: otherwise be its own document and the tokenizer would never learn to split sentences.
SENTENCES_PER_PARAGRAPH = 4

#: NewsFANE's fine-grained classes -> CoNLL classes. People are PER; groups of people
#: (العرب, المسلمين) are MISC as in CoNLL; facilities and places are LOC; vehicles, weapons,
#: works and products are MISC.
NER_CLASSES = {
    **dict.fromkeys(
        ["Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist",
         "Businessperson", "Lawyer", "Engineer"], "PER"),
    **dict.fromkeys(
        ["Government", "Non-Governmental", "Media", "Commercial", "Sports", "Educational",
         "Police", "Religious_ORG", "Medical-Science", "Entertainment"], "ORG"),
    **dict.fromkeys(
        ["Nation", "Population-Center", "State-or-Province", "GPE-Cluster", "County-or-District",
         "Continent", "Water-Body", "Land-Region-Natural", "Celestial", "Building-Grounds",
         "Path", "Airport", "Subarea-Facility", "Plant"], "LOC"),
    **dict.fromkeys(
        ["Group", "Land", "Air", "Water", "Projectile", "Shooting", "Book", "Movie", "Software",
         "Hardware", "Food", "Drug"], "MISC"),
}

#: NewsFANE splits some clitics off as tokens; the pipeline's NER sees whole tokens
#: (وباقري, لأوباما, انه), so these are glued back: proclitics to the next token, the
#: unambiguous pronoun enclitics to the previous one.
PROCLITICS = frozenset("وفبلك")
ENCLITICS = frozenset(["ه", "ها", "نا"])


@dataclass(frozen=True)
class Split(Generic[T]):
    train: list[T]
    dev: list[T]
    test: list[T]

    def items(self):
        return {"train": self.train, "dev": self.dev, "test": self.test}.items()


def split_80_10_10(items: Sequence[T], seed: int, block: int = 1) -> Split[T]:
    """Shuffle blocks of `block` consecutive items with `seed`; 10% test, 10% dev, the rest train.

    Blocks keep neighbouring sentences (one article) on the same side of the split.
    """
    blocks = [list(items[i:i + block]) for i in range(0, len(items), block)]
    random.Random(seed).shuffle(blocks)
    n_held = max(1, len(blocks) // 10)
    test, dev, train = blocks[:n_held], blocks[n_held:2 * n_held], blocks[2 * n_held:]
    return Split(train=_flatten(train), dev=_flatten(dev), test=_flatten(test))


def _flatten(blocks: list[list[T]]) -> list[T]:
    return [item for block in blocks for item in block]


# --- UD treebank -------------------------------------------------------------------------

Sentence = list[str]  # the CoNLL-U lines of one sentence, comments included


def read_conllu(path: Path) -> list[Sentence]:
    sentences, lines = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            lines.append(line)
        elif lines:
            sentences.append(lines)
            lines = []
    if lines:
        sentences.append(lines)
    return sentences


def write_conllu(path: Path, sentences: Sequence[Sentence]) -> None:
    path.write_text("".join("\n".join(s) + "\n\n" for s in sentences), encoding="utf-8")


def _misc_items(misc: str) -> list[str]:
    return [] if misc == "_" else misc.split("|")


def _join_misc(items: list[str]) -> str:
    return "|".join(items) or "_"


def in_parse_forms(sentence: Sentence) -> Sentence:
    """Word forms as the parse text writes them (no diacritics: أيضاً -> أيضا)."""
    out = []
    for line in sentence:
        cols = line.split("\t")
        if not line.startswith("#"):
            cols[1] = parse_form(cols[1]) or cols[1]
        out.append("\t".join(cols))
    return out


def _glued_to_next(word: list[str]) -> bool:
    return "SpaceAfter=No" in _misc_items(word[9]) and word[3] != "PUNCT"


def clitics_as_multiword_tokens(sentence: Sentence) -> Sentence:
    """Rewrite each run of words joined by SpaceAfter=No (punctuation excluded) as a
    multi-word token, as UD Arabic-PADT writes clitics: ل + أوباما -> 7-8 لأوباما."""
    comments = [line for line in sentence if line.startswith("#")]
    words = [line.split("\t") for line in sentence if not line.startswith("#")]
    if any("-" in w[0] or "." in w[0] for w in words):
        return sentence  # already has multi-word tokens or empty nodes
    out, i = list(comments), 0
    while i < len(words):
        j = i
        while j + 1 < len(words) and _glued_to_next(words[j]) and words[j + 1][3] != "PUNCT":
            j += 1
        if j == i:
            out.append("\t".join(words[i]))
        else:
            run = words[i:j + 1]
            last_misc = _misc_items(run[-1][9])
            token_misc = ["SpaceAfter=No"] if "SpaceAfter=No" in last_misc else []
            form = "".join(w[1] for w in run)
            out.append("\t".join([f"{run[0][0]}-{run[-1][0]}", form] + ["_"] * 7 + [_join_misc(token_misc)]))
            for w in run:
                w = list(w)
                w[9] = _join_misc([m for m in _misc_items(w[9]) if m != "SpaceAfter=No"])
                out.append("\t".join(w))
        i = j + 1
    return out


def with_arabic_commas(sentence: Sentence) -> Sentence:
    """The same sentence with the Arabic comma ، where PUD writes the Latin one."""
    out = []
    for line in sentence:
        cols = line.split("\t")
        if not line.startswith("#") and cols[1] == ",":
            cols[1] = "،"
            cols[2] = "،" if cols[2] == "," else cols[2]
        out.append("\t".join(cols))
    return out


def as_headline(sentence: Sentence) -> Sentence:
    """The sentence without its final punctuation, as news headlines are written."""
    rows = [line.split("\t") for line in sentence if not line.startswith("#")]
    if len(rows) < 2 or rows[-1][3] != "PUNCT" or "-" in rows[-2][0]:
        return sentence
    last = rows[-2][0]  # the id of the new last word; its token may be a multi-word range
    out = []
    for line in sentence[:-1]:
        cols = line.split("\t")
        if not line.startswith("#") and (cols[0] == last or cols[0].endswith(f"-{last}")):
            cols[9] = _join_misc([m for m in _misc_items(cols[9]) if m != "SpaceAfter=No"])
        out.append("\t".join(cols))
    return out


def in_paragraphs(sentences: Sequence[Sentence], size: int = SENTENCES_PER_PARAGRAPH,
                  headline_every: int = 0) -> list[Sentence]:
    """Drop document/paragraph marks and start a new paragraph every `size` sentences. With
    `headline_every`, every so many paragraphs open with a headline: their first sentence
    without its final punctuation, as a paragraph of its own. (The parse text makes each line
    a paragraph; a headline must not lose its last letter to a guessed full stop.)"""
    clean = [[line for line in s if not line.startswith(("# newdoc", "# newpar"))] for s in sentences]
    paragraphs = [clean[i:i + size] for i in range(0, len(clean), size)]
    if headline_every:
        paragraphs = [part for n, p in enumerate(paragraphs)
                      for part in (_with_headline(p) if n % headline_every == headline_every - 1 else [p])]
    return [(["# newpar"] if j == 0 else []) + s for p in paragraphs for j, s in enumerate(p)]


def _with_headline(paragraph: list[Sentence]) -> list[list[Sentence]]:
    return [[as_headline(paragraph[0])], paragraph[1:]] if len(paragraph) > 1 else [paragraph]


def ud_training_splits(treebank: Path, seed: int, limit: int | None = None) -> Split[Sentence]:
    """The treebank in parse forms with clitics as multi-word tokens, split 80/10/10, in
    paragraphs; in training, every second sentence uses the Arabic comma and every other
    paragraph starts with a headline."""
    sentences = [clitics_as_multiword_tokens(in_parse_forms(s)) for s in read_conllu(treebank)]
    split = split_80_10_10(sentences, seed)
    if limit:
        split = Split(split.train[:limit], split.dev[:limit // 4], split.test[:limit // 4])
    train = [with_arabic_commas(s) if i % 2 else s for i, s in enumerate(split.train)]
    return Split(in_paragraphs(train, headline_every=2), in_paragraphs(split.dev), in_paragraphs(split.test))


@dataclass(frozen=True)
class UDFiles:
    """Stanza's file layout for one treebank: gold CoNLL-U, raw text, tokenizer labels, MWT lists."""

    root: Path
    shorthand: str = UD_SHORTHAND

    def gold(self, shard: str) -> Path:
        return self.root / f"{self.shorthand}.{shard}.gold.conllu"

    def mwt_input(self, shard: str) -> Path:
        return self.root / f"{self.shorthand}.{shard}.in.conllu"

    def txt(self, shard: str) -> Path:
        return self.root / f"{self.shorthand}.{shard}.txt"

    def labels(self, shard: str) -> Path:
        return self.root / f"{self.shorthand}-ud-{shard}.toklabels"

    def mwt_json(self, shard: str) -> Path:
        return self.root / f"{self.shorthand}-ud-{shard}-mwt.json"

    def pred(self, name: str) -> Path:
        return self.root / f"{self.shorthand}.{name}.pred.conllu"


def write_ud_files(split: Split[Sentence], root: Path) -> UDFiles:
    """Write the split in every format Stanza's UD trainers read, with Stanza's own converters."""
    from stanza.utils.datasets.common import convert_conllu_to_txt, prepare_tokenizer_treebank_labels
    from stanza.utils.datasets.contract_mwt import contract_mwt

    files = UDFiles(root)
    root.mkdir(parents=True, exist_ok=True)
    for shard, sentences in split.items():
        write_conllu(files.gold(shard), sentences)
    convert_conllu_to_txt(str(root), files.shorthand)
    prepare_tokenizer_treebank_labels(str(root), files.shorthand)
    for shard in ("dev", "test"):
        contract_mwt(str(files.gold(shard)), str(files.mwt_input(shard)))
    return files


# --- NER ---------------------------------------------------------------------------------

Tagged = list[tuple[str, str]]  # one sentence: (token, BIO tag)


def read_bio(path: Path) -> list[Tagged]:
    """Read `token<TAB>tag` lines, blank lines between sentences; strip U+200E marks."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.replace("\u200e", "").strip()
        if not line:
            if current:
                sentences.append(current)
                current = []
            continue
        token, tag = line.split("\t")
        current.append((token, tag))
    if current:
        sentences.append(current)
    return sentences


def coarse_tag(tag: str) -> str:
    """B-Politician -> B-PER; unknown classes fail loudly so that a new corpus gets mapped."""
    if tag == "O":
        return tag
    prefix, label = tag.split("-", 1)
    if label not in NER_CLASSES:
        raise ValueError(f"unknown NER class {label!r}: add it to NER_CLASSES in {__name__}")
    return f"{prefix}-{NER_CLASSES[label]}"


def glue_clitics(sentence: Tagged) -> Tagged:
    """Join split clitics to their host token, which keeps the host's tag: و باقري -> وباقري."""
    out: Tagged = []
    pending = ""  # proclitics waiting for their host
    for token, tag in sentence:
        if token in PROCLITICS:
            pending += token
        elif token in ENCLITICS and out and not pending and out[-1][0][-1:].isalpha():
            out[-1] = (out[-1][0] + token, out[-1][1])
        elif pending and token[:1].isalpha():
            out.append((pending + token, tag))
            pending = ""
        else:
            out.extend((p, "O") for p in pending)
            pending = ""
            out.append((token, tag))
    out.extend((p, "O") for p in pending)
    return out


def ner_sentence(sentence: Tagged) -> Tagged:
    """One NewsFANE sentence as the pipeline's NER will see it: coarse tags, clitics glued,
    characters as in the parse text (`parse_form`)."""
    return [(parse_form(token), coarse_tag(tag)) for token, tag in glue_clitics(sentence)]


def ner_training_splits(bio_file: Path, seed: int, limit: int | None = None) -> Split[Tagged]:
    """NewsFANE split 80/10/10 in blocks of 20 sentences, so an article's names mostly stay on
    one side (the file has no document marks)."""
    split = split_80_10_10([ner_sentence(s) for s in read_bio(bio_file)], seed, block=20)
    if limit:
        split = Split(split.train[:limit], split.dev[:limit // 4], split.test[:limit // 4])
    return split


@dataclass(frozen=True)
class NERFiles:
    root: Path
    shorthand: str = NER_SHORTHAND

    def json(self, shard: str) -> Path:
        return self.root / f"{self.shorthand}.{shard}.json"


def write_ner_files(split: Split[Tagged], root: Path) -> NERFiles:
    """Write each shard as the JSON the NER tagger reads: sentences of {"text", "ner"}."""
    files = NERFiles(root)
    root.mkdir(parents=True, exist_ok=True)
    for shard, sentences in split.items():
        doc = [[{"text": token, "ner": tag} for token, tag in s] for s in sentences]
        files.json(shard).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return files
