"""`quotes models charlm`: Stanza's character language models, forward and backward, for NER.

Steps:
1. write the corpus as NER's charlm will read it: each line in parse forms
   (`prepare.parse_form`), its tokens (`vectors.TOKEN`, the tokenizer's tokens) joined by single
   spaces, not lowercased (Stanza feeds a sentence's words to the charlm joined by spaces). Every
   `dev_every`-th line goes to dev.txt; of the rest, one line in `stride` goes to shards of
   `shard_lines` lines (Stanza reads each training file whole into memory);
2. run `python -m stanza.models.charlm` once per direction, both at once with one torch thread
   each, fixed seed; the trainer keeps the checkpoint with the best dev perplexity;
3. compact each model to float16 (Stanza casts the weights back on load).
"""
from __future__ import annotations

import json
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterable

import torch

from quotes.nlp.prepare import parse_form
from quotes.nlp.sources import CHARLM_FILES
from quotes.training.models import run_trainer
from quotes.training.vectors import TOKEN, read_lines

DIRECTIONS = ("forward", "backward")
INFO_NAME = "charlm.json"


def model_name(direction: str) -> str:
    """The file a model directory holds for one direction (what the pipeline looks for)."""
    return CHARLM_FILES[f"ner_{direction}_charlm"]


@dataclass(frozen=True)
class CharlmOptions:
    hidden: int = 128
    char_emb: int = 50
    epochs: int = 1
    batch_size: int = 100
    bptt: int = 250
    #: Characters seen fewer times in the corpus are unknown to the model.
    cutoff: int = 100
    #: Checkpoint and dev evaluation interval, in batches.
    eval_steps: int = 500
    shard_lines: int = 20_000
    dev_every: int = 200
    #: One training line in `stride` is kept (2: half the corpus, from all of it).
    stride: int = 1
    seed: int = 1234


def charlm_line(line: str) -> str:
    """One line of raw text as the charlm reads it: parse forms, tokens apart."""
    return " ".join(TOKEN.findall(parse_form(line)))


def write_charlm_text(lines: Iterable[str], dest: Path, opts: CharlmOptions) -> dict:
    """Shards of training text in dest/train and dev text in dest/dev.txt; return counts."""
    train_dir = dest / "train"
    train_dir.mkdir(parents=True, exist_ok=True)
    counts = {"train_lines": 0, "dev_lines": 0, "train_chars": 0, "dev_chars": 0}
    shard = None
    with (dest / "dev.txt").open("w", encoding="utf-8") as dev:
        for n, line in enumerate(lines):
            text = charlm_line(line)
            if not text:
                continue
            if n % opts.dev_every == opts.dev_every - 1:
                dev.write(text + "\n")
                counts["dev_lines"] += 1
                counts["dev_chars"] += len(text) + 1
                continue
            if n % opts.stride:
                continue
            if counts["train_lines"] % opts.shard_lines == 0:
                if shard:
                    shard.close()
                shard = (train_dir / f"{counts['train_lines'] // opts.shard_lines:04d}.txt").open("w", encoding="utf-8")
            shard.write(text + "\n")
            counts["train_lines"] += 1
            counts["train_chars"] += len(text) + 1
    if shard:
        shard.close()
    return counts


def _prepared_text(corpus: Path, text_dir: Path, opts: CharlmOptions) -> dict:
    """The counts of the text in `text_dir`, written unless a run with the same corpus and
    text options left it there (a restarted run reuses its text)."""
    key = {"corpus": str(corpus.resolve()), "stride": opts.stride, "dev_every": opts.dev_every,
           "shard_lines": opts.shard_lines}
    counts_file = text_dir / "counts.json"
    if counts_file.is_file():
        counts = json.loads(counts_file.read_text(encoding="utf-8"))
        if counts.pop("key", None) == key:
            return counts
    shutil.rmtree(text_dir, ignore_errors=True)
    counts = write_charlm_text(read_lines(corpus), text_dir, opts)
    counts_file.write_text(json.dumps({**counts, "key": key}) + "\n", encoding="utf-8")
    return counts


def trainer_command(direction: str, opts: CharlmOptions) -> list[str]:
    """The exact trainer command, with paths relative to the work directory it runs in."""
    return [sys.executable, "-m", "stanza.models.charlm", "--mode", "train", "--train_dir", "text/train",
            "--eval_file", "text/dev.txt", "--direction", direction, "--shorthand", "ar_news",
            "--char_hidden_dim", str(opts.hidden), "--char_emb_dim", str(opts.char_emb),
            "--batch_size", str(opts.batch_size), "--bptt_size", str(opts.bptt), "--epochs", str(opts.epochs),
            "--cutoff", str(opts.cutoff), "--eval_steps", str(opts.eval_steps), "--seed", str(opts.seed),
            "--save_dir", "raw", "--save_name", model_name(direction),
            "--checkpoint_save_name", f"{direction}_checkpoint.pt"]


def train_charlms(corpus: Path, output: Path, work: Path, opts: CharlmOptions = CharlmOptions(),
                  log: Callable[[str], None] = print) -> dict:
    """Both directions' models into `output`, with charlm.json; work files under `work`."""
    work = work.resolve()
    (work / "raw").mkdir(parents=True, exist_ok=True)
    (work / "logs").mkdir(exist_ok=True)
    output.mkdir(parents=True, exist_ok=True)
    counts = _prepared_text(corpus, work / "text", opts)
    log(f"charlm text: {counts['train_chars']:,} training characters, {counts['dev_chars']:,} dev")

    def train_one(direction: str) -> tuple[str, list[str], float]:
        command = trainer_command(direction, opts)
        log(f"training {direction} charlm: {' '.join(command)}")
        return direction, command, run_trainer(command, work, work / "logs" / f"{direction}.log", "1")

    info = {"corpus": corpus.name, **counts, "options": asdict(opts), "models": {}}
    with ThreadPoolExecutor(max_workers=len(DIRECTIONS)) as pool:
        for direction, command, seconds in pool.map(train_one, DIRECTIONS):
            shipped = output / model_name(direction)
            compact_charlm(work / "raw" / model_name(direction), shipped)
            info["models"][direction] = {
                "file": shipped.name, "bytes": shipped.stat().st_size, "train_seconds": round(seconds, 1),
                "command": "python -m " + " ".join(command[2:]), "dev": _best_dev(work / "logs" / f"{direction}.log"),
            }
            log(f"  {direction}: {seconds / 60:.0f} min, {shipped.stat().st_size / 1e6:.1f} MB")
    (output / INFO_NAME).write_text(json.dumps(info, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return info


def compact_charlm(raw: Path, dest: Path) -> None:
    """The model alone (no optimizer) with float16 weights."""
    state = torch.load(raw, map_location="cpu", weights_only=True)
    state = state.get("model", state)  # a trainer checkpoint holds the model's state under "model"
    state["state_dict"] = {k: v.half() if v.is_floating_point() else v for k, v in state["state_dict"].items()}
    torch.save(state, dest)


def _best_dev(log_file: Path) -> dict | None:
    """The lowest dev perplexity the trainer logged, and its step."""
    best = None
    for line in log_file.read_text(encoding="utf-8").splitlines():
        if "eval checkpoint @ global step" in line:
            step = int(line.split("global step")[1].split("|")[0])
            ppl = float(line.rsplit("ppl", 1)[1])
            if best is None or ppl < best["ppl"]:
                best = {"step": step, "ppl": ppl}
    return best
