"""`quotes models train`: Stanza's own trainers on the project's data, then compact models and a card.

Steps: prepare the 80/10/10 splits (datasets.py); run `python -m stanza.models.<trainer>` once
per processor in the work directory (fixed seed, dev split for early stopping); compact each
checkpoint into the output directory (float16 weights, nothing but what inference loads);
score on dev (float32 and float16) and test (float16); measure speed; write the card.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

import torch

from quotes.nlp import card
from quotes.training import datasets
from quotes.nlp.sources import CHARLM_FILES, PROCESSORS, ModelSource

UD_PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")

#: Malloc settings for training on few cores: without them the tagger spends most of its
#: time in page faults (2.3x slower).
GLIBC_TUNABLES = ("glibc.malloc.trim_threshold=4000000000:glibc.malloc.top_pad=536870912:"
                  "glibc.malloc.mmap_threshold=4000000000")


@dataclass(frozen=True)
class Trainer:
    """One Stanza trainer: its module, the flag that bounds training (steps or epochs), its
    dev-evaluation interval flag (set to the budget with --quick: some trainers fail when they
    never evaluated), and compact-model flags."""

    module: str
    budget_flag: str
    budget: int
    quick_budget: int
    eval_flag: str | None = None
    options: tuple[str, ...] = ()


TRAINERS: Mapping[str, Trainer] = {
    "tokenize": Trainer("stanza.models.tokenizer", "--steps", 3000, 10, "--eval_steps", ("--max_seqlen", "300")),
    "mwt": Trainer("stanza.models.mwt_expander", "--num_epoch", 30, 1),
    "pos": Trainer("stanza.models.tagger", "--max_steps", 1500, 10, "--eval_interval",
                   ("--no_pretrain", "--batch_size", "50", "--char_hidden_dim", "200",
                    "--deep_biaff_hidden_dim", "200")),
    "lemma": Trainer("stanza.models.lemmatizer", "--num_epoch", 30, 1),
    "depparse": Trainer("stanza.models.parser", "--max_steps", 2400, 10, "--eval_interval",
                        ("--no_pretrain", "--hidden_dim", "200", "--char_hidden_dim", "200",
                         "--deep_biaff_hidden_dim", "200", "--num_layers", "2",
                         "--batch_size", "1000", "--no_checkpoint")),
    "ner": Trainer("stanza.models.ner_tagger", "--max_steps", 5000, 10, "--eval_interval",
                   ("--no_pretrain", "--word_emb_dim", "50", "--hidden_dim", "128", "--char_hidden_dim", "200",
                    "--word_dropout", "0.15")),
}

#: Trainers that read pretrained word vectors when `TrainOptions.pretrain` is given.
PRETRAIN_PROCESSORS = ("pos", "depparse", "ner")
#: The pretrain's file name in a model directory (what the pipeline looks for).
PRETRAIN_NAME = "pretrain.pt"

#: Sentences kept per split with --quick (train; dev and test get a quarter).
QUICK_LIMIT = 40


@dataclass(frozen=True)
class TrainOptions:
    output: Path
    work_dir: Path
    treebank: Path | None = None
    ner_file: Path | None = None
    processors: tuple[str, ...] = PROCESSORS
    budgets: Mapping[str, int] = field(default_factory=dict)
    quick: bool = False
    seed: int = 1234
    speed_texts: tuple[Path, ...] = ()
    #: The name on the card; None: the name already on the output's card (else the default).
    name: str | None = None
    #: Stanza pretrain file (`quotes models vectors`) for pos, depparse and ner; None: no vectors.
    pretrain: Path | None = None
    #: A directory with forward_charlm.pt and backward_charlm.pt (`quotes models charlm`) for ner,
    #: in place of its own character model; None: no charlms.
    charlm: Path | None = None
    #: Trainers run at once, each with 2 // jobs torch threads (at least 1).
    jobs: int = 1

    def charlm_files(self) -> list[Path]:
        return [self.charlm / name for name in CHARLM_FILES.values()] if self.charlm else []

    def budget(self, processor: str) -> int:
        trainer = TRAINERS[processor]
        return self.budgets.get(processor, trainer.quick_budget if self.quick else trainer.budget)


def train_models(opts: TrainOptions, log: Callable[[str], None] = print) -> dict:
    """Train `opts.processors` into `opts.output`; return the card's data (also written there)."""
    _check_inputs(opts)
    work = opts.work_dir.resolve()
    (work / "raw").mkdir(parents=True, exist_ok=True)
    (work / "logs").mkdir(exist_ok=True)
    opts.output.mkdir(parents=True, exist_ok=True)
    info = card.load(opts.output)
    info.update(name=opts.name or info.get("name") or card.DEFAULT_NAME, versions=card.versions())
    info.pop("speed", None)  # measured on the models being replaced
    limit = QUICK_LIMIT if opts.quick else None

    ud_files = ner_files = None
    if set(opts.processors) & set(UD_PROCESSORS):
        split = datasets.ud_training_splits(opts.treebank, opts.seed, limit)
        ud_files = datasets.write_ud_files(split, work / "ud")
        info["data"]["ud"] = card.data_entry(opts.treebank, split, "sentences", opts.seed, block=1)
    if "ner" in opts.processors:
        ner_split = datasets.ner_training_splits(opts.ner_file, opts.seed, limit)
        ner_files = datasets.write_ner_files(ner_split, work / "ner")
        info["data"]["ner"] = card.data_entry(opts.ner_file, ner_split, "sentences", opts.seed, block=20)

    if opts.pretrain and set(opts.processors) & set(PRETRAIN_PROCESSORS):
        for folder in (work / "raw", opts.output):  # the float32 and the shipped models read it
            if folder.resolve() / PRETRAIN_NAME != opts.pretrain.resolve():
                shutil.copyfile(opts.pretrain, folder / PRETRAIN_NAME)
        info["pretrain"] = _pretrain_entry(opts.pretrain, opts.output / PRETRAIN_NAME)
        card.write(opts.output, info)

    if opts.charlm and "ner" in opts.processors:
        for folder in (work / "raw", opts.output):
            for source in opts.charlm_files():
                if (folder / source.name).resolve() != source.resolve():
                    shutil.copyfile(source, folder / source.name)
        info["charlm"] = _charlm_entry(opts.charlm, opts.output)
        card.write(opts.output, info)

    threads = _threads(opts)

    def train_one(processor: str) -> tuple[str, list[str], float]:
        command = trainer_command(processor, opts)
        log(f"training {processor}: {' '.join(command)}")
        return processor, command, run_trainer(command, work, work / "logs" / f"{processor}.log", threads)

    with ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as pool:
        for processor, command, seconds in pool.map(train_one, opts.processors):
            raw, shipped = work / "raw" / f"{processor}.pt", opts.output / f"{processor}.pt"
            compact_checkpoint(raw, shipped)
            info["processors"][processor] = {
                "file": shipped.name, "bytes": shipped.stat().st_size, "float32_bytes": raw.stat().st_size,
                "train_seconds": round(seconds, 1), "command": "python -m " + " ".join(command[2:]),
                "trained_by": card.train_command_line(opts),
                "torch_threads": threads or "torch default",
            }
            log(f"  {processor}: {seconds:.0f} s, {shipped.stat().st_size / 1e6:.1f} MB")
            card.write(opts.output, info)  # after each model, so an interrupted run keeps its records

    (opts.output / "resources.json").write_text("{}\n", encoding="utf-8")
    _score(info, opts, work, ud_files, ner_files, log)
    if opts.speed_texts:
        log("measuring speed")
        info["speed"] = measure_speed_in_subprocess(opts.output, opts.speed_texts)
    card.write(opts.output, info)
    return info


def _threads(opts: TrainOptions) -> str | None:
    """OMP_NUM_THREADS for each trainer: the environment's, or split between the jobs."""
    if os.environ.get("OMP_NUM_THREADS"):
        return os.environ["OMP_NUM_THREADS"]
    return str(max(1, 2 // opts.jobs)) if opts.jobs > 1 else None


def _pretrain_entry(source: Path, shipped: Path) -> dict:
    entry = {"file": shipped.name, "bytes": shipped.stat().st_size, "from": str(source)}
    vectors_info = source.parent / "vectors.json"
    if vectors_info.is_file():
        entry["vectors"] = json.loads(vectors_info.read_text(encoding="utf-8"))
    return entry


def _charlm_entry(source: Path, shipped: Path) -> dict:
    entry = {"files": {name: (shipped / name).stat().st_size for name in CHARLM_FILES.values()},
             "from": str(source)}
    charlm_info = source / "charlm.json"
    if charlm_info.is_file():
        entry["charlm"] = json.loads(charlm_info.read_text(encoding="utf-8"))
    return entry


def _check_inputs(opts: TrainOptions) -> None:
    for p in [*opts.processors, *opts.budgets]:
        if p not in TRAINERS:
            raise ValueError(f"unknown processor {p!r}; choose from {', '.join(TRAINERS)}")
    if set(opts.processors) & set(UD_PROCESSORS) and not (opts.treebank and opts.treebank.is_file()):
        raise FileNotFoundError(f"UD treebank not found: {opts.treebank}; pass --treebank FILE.conllu")
    if "ner" in opts.processors and not (opts.ner_file and opts.ner_file.is_file()):
        raise FileNotFoundError(f"NER file not found: {opts.ner_file}; pass --ner FILE (token<TAB>BIO tag lines)")
    if opts.pretrain and not opts.pretrain.is_file():
        raise FileNotFoundError(f"pretrain not found: {opts.pretrain}; write one with `quotes models vectors`")
    lacking = [str(f) for f in opts.charlm_files() if not f.is_file()]
    if lacking:
        raise FileNotFoundError(f"charlm not found: {', '.join(lacking)}; write them with `quotes models charlm`")


def trainer_command(processor: str, opts: TrainOptions) -> list[str]:
    """The exact trainer command, with paths relative to the work directory it runs in."""
    trainer = TRAINERS[processor]
    ud, ner = datasets.UDFiles(Path("ud")), datasets.NERFiles(Path("ner"))
    data = {
        "tokenize": ["--label_file", ud.labels("train"), "--txt_file", ud.txt("train"),
                     "--dev_txt_file", ud.txt("dev"), "--dev_label_file", ud.labels("dev"),
                     "--dev_conll_gold", ud.gold("dev"), "--mwt_json_file", ud.mwt_json("dev"),
                     "--lang", "ar", "--shorthand", ud.shorthand],
        "mwt": ["--train_file", ud.gold("train"), "--eval_file", ud.mwt_input("dev"),
                "--gold_file", ud.gold("dev"), "--output_file", ud.pred("mwt.dev"),
                "--lang", "ar", "--shorthand", ud.shorthand],
        "pos": ["--train_file", ud.gold("train"), "--eval_file", ud.gold("dev"),
                "--output_file", ud.pred("pos.dev"), "--lang", "ar", "--shorthand", ud.shorthand],
        "lemma": ["--train_file", ud.gold("train"), "--eval_file", ud.gold("dev"),
                  "--output_file", ud.pred("lemma.dev"), "--shorthand", ud.shorthand],
        "depparse": ["--train_file", ud.gold("train"), "--eval_file", ud.gold("dev"),
                     "--output_file", ud.pred("depparse.dev"), "--lang", "ar", "--shorthand", ud.shorthand],
        "ner": ["--train_file", ner.json("train"), "--eval_file", ner.json("dev"),
                "--shorthand", ner.shorthand],
    }[processor]
    budget = str(opts.budget(processor))
    quick_eval = [trainer.eval_flag, budget] if opts.quick and trainer.eval_flag else []
    options = list(trainer.options)
    if opts.pretrain and processor in PRETRAIN_PROCESSORS:
        options = _with_pretrain(options, Path("raw") / PRETRAIN_NAME)
    if opts.charlm and processor == "ner":
        forward, backward = (Path("raw") / f.name for f in opts.charlm_files())
        options += ["--charlm", "--charlm_shorthand", "ar_news",
                    "--charlm_forward_file", str(forward), "--charlm_backward_file", str(backward)]
    return [sys.executable, "-m", trainer.module, "--mode", "train", *map(str, data), *options,
            trainer.budget_flag, budget, *quick_eval, "--seed", str(opts.seed),
            "--save_dir", "raw", "--save_name", f"{processor}.pt"]


def _with_pretrain(options: list[str], pretrain: Path) -> list[str]:
    """A trainer's options reading `pretrain` instead of --no_pretrain; the word embedding then
    has the pretrain's dimension, so a --word_emb_dim of its own goes."""
    out: list[str] = []
    skip = False
    for option in options:
        if skip:
            skip = False
        elif option == "--word_emb_dim":
            skip = True
        elif option != "--no_pretrain":
            out.append(option)
    return [*out, "--wordvec_pretrain_file", str(pretrain)]


def run_trainer(command: list[str], cwd: Path, log_file: Path, threads: str | None = None) -> float:
    """Run one trainer, its output to `log_file`; return the wall time in seconds."""
    env = {**os.environ, "GLIBC_TUNABLES": GLIBC_TUNABLES}
    if threads:
        env["OMP_NUM_THREADS"] = threads
    start = time.perf_counter()
    with log_file.open("w", encoding="utf-8") as out:
        result = subprocess.run(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        tail = log_file.read_text(encoding="utf-8").splitlines()[-15:]
        raise RuntimeError(f"{command[2]} failed (exit {result.returncode}); see {log_file}:\n" + "\n".join(tail))
    return time.perf_counter() - start


def compact_checkpoint(raw: Path, dest: Path) -> None:
    """Keep only what inference loads, with float16 weights (Stanza casts them back on load)."""
    checkpoint = torch.load(raw, map_location="cpu", weights_only=True)
    for key in [k for k in checkpoint if "optim" in k or "scheduler" in k]:
        del checkpoint[key]
    if checkpoint.get("model") is not None:
        checkpoint["model"] = {k: v.half() if v.is_floating_point() else v for k, v in checkpoint["model"].items()}
    torch.save(checkpoint, dest)


def _score(info: dict, opts: TrainOptions, work: Path, ud_files, ner_files, log) -> None:
    """Dev scores of the float32 and float16 models (what compaction costs); test scores of
    the shipped float16 models, the only use of the test split."""
    from udtools.udeval import UDError

    from quotes.training.evaluate import score_ner, score_ud

    sources = {"float32": _dir_source(work / "raw"), "float16": _dir_source(opts.output)}
    scores = info.setdefault("scores", {})
    runs = [("dev", "float32"), ("dev", "float16"), ("test", "float16")]
    if ud_files and all((work / "raw" / f"{p}.pt").is_file() for p in UD_PROCESSORS):
        for shard, kind in runs:
            log(f"scoring tokenize..depparse on {shard} ({kind})")
            try:
                scores.setdefault(f"{shard}_{kind}", {}).update(score_ud(sources[kind], ud_files, shard))
            except UDError as error:  # an undertrained tokenizer can emit <UNK> for giant tokens
                log(f"  not scored: {str(error).splitlines()[0]}")
    if ner_files:
        for shard, kind in runs:
            log(f"scoring ner on {shard} ({kind})")
            scores.setdefault(f"{shard}_{kind}", {}).update(score_ner(sources[kind], ner_files, shard))


def _dir_source(path: Path) -> ModelSource:
    names = {**{p: f"{p}.pt" for p in PROCESSORS}, "pretrain": PRETRAIN_NAME, **CHARLM_FILES}
    return ModelSource(kind="dir", path=path, name=path.name,
                       files={key: path / name for key, name in names.items() if (path / name).is_file()})


def measure_speed_in_subprocess(model_dir: Path, texts: tuple[Path, ...]) -> dict:
    """Speed in a fresh process, so that load time and peak memory are the pipeline's alone."""
    command = [sys.executable, "-m", "quotes", "models", "speed", "--model-dir", str(model_dir), "--json",
               *map(str, texts)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)
