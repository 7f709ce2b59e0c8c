"""The model card: model.json (data) and MODEL.md (the same, for people), in the model directory."""
from __future__ import annotations

import json
import os
import platform
from pathlib import Path

from quotes.training.datasets import Split

DEFAULT_NAME = "quotes-ar-compact-1"
CARD_JSON = "model.json"
CARD_MD = "MODEL.md"

SOURCES = {
    "ud": ("UD Arabic-PUD (Parallel Universal Dependencies): 1,000 sentences of news and Wikipedia "
           "translated into Arabic, with clitics, UPOS, features, lemmas and dependency trees. "
           "Text CC BY-SA 3.0; annotation under the UD licence."),
    "ner": ("NewsFANE Gold (Alotaibi and Lee, COLING 2014): about 168,000 tokens of Arabic newswire "
            "(the ANERcorp text) with 50 fine-grained entity classes. CC BY-SA 3.0."),
}

PREPARATION = """\
- Word forms are written as the parse text writes them (`quotes.nlp.prepare.parse_form`: no
  diacritics, ، -> , and the like), so training and inference see the same characters.
- UD: PUD writes clitics as separate words glued by SpaceAfter=No; each glued run (punctuation
  excluded) becomes a multi-word token, as in UD Arabic-PADT (ل + أوباما -> لأوباما), so the
  tokenizer learns words and the MWT expander learns clitics. A paragraph break every 4
  sentences; every second training sentence writes the Arabic comma ، for PUD's Latin one.
- NER: U+200E marks stripped; classes mapped to PER (politicians, athletes, artists, other and
  religious persons, scientists, business people, lawyers, engineers), ORG (government, NGOs,
  media, companies, sports teams, education, police, religious, medical, entertainment), LOC
  (nations, cities, regions, continents, water, natural land, facilities, roads, airports) and
  MISC (groups of people such as العرب, vehicles, weapons, books, films, software, products);
  split clitics glued back to their host token (و باقري -> وباقري) because the pipeline's NER
  reads whole tokens.
- Split: a seeded shuffle (random.Random(seed)); 10% test, 10% dev, 80% train. NER shuffles
  blocks of 20 consecutive sentences so that one article's names mostly stay on one side.
  Trainers use dev for early stopping; test is used once, for the scores below."""

CHOICES = """\
How the defaults in `quotes/training/models.py` were chosen, on the dev split only (float32 models,
gold tokens for NER; two cores):
- tagger: char LSTM and biaffine layers 200 instead of 400 (half the size, faster): dev UPOS
  91.2 at 1,000 steps, still rising, hence 1,500 steps.
- lemmatizer: dev accuracy peaked at epoch 27 of 60, hence 30 epochs.
- parser: hidden sizes 200, two layers, batch 1,000 words (a first trial here: LAS 82.8 on gold
  tags after 1,800 steps, still rising), hence 2,400 steps.
- NER (F1 / PER F1): SGD, 3,000 steps 68.8 / 63.5; 8,000 steps, best at 5,000: 71.5 / 64.8;
  Adam (lr 0.002) plateaued at 65.3; word dropout 0.15: 71.5 / 64.2; word dropout 0.15 and a
  char LSTM of 200: 73.8 / 67.3, kept. Tried after it, both behind the kept model at its best
  checkpoint (4,000 steps; dev PER F1): word dropout 0.3, 66.1; every training sentence with a
  person also once more with its names swapped for random training names (1,582 sentences,
  seeded), 65.2. Missed person names are mostly names unseen in training (dev PER recall 0.59,
  most misses single surnames in sports reports, often with a clitic: وشهابات، للحفناوي):
  without pretrained vectors or a character language model the tagger generalises little."""

LIMITATIONS = """\
- 800 training sentences of translated text: clitics are split wrongly on words the treebank
  never showed, mostly و- and ب-initial nouns and names (وثيقة -> و + ثيقة, باقري -> ب + اقري).
- NER learned from newswire of the 2000s with partly normalised hamza (الى, ان): recent names
  are often missed, and the F1 above is on text of the same kind as the training data.
- Sentences are split from punctuation; `quotes.nlp.parse` gives each input line its own
  paragraph, so a headline without a full stop stays one sentence."""

SCORE_ROWS = [
    ("tokens_f1", "Tokens F1"), ("sentences_f1", "Sentences F1"), ("words_f1", "Words F1 (after MWT)"),
    ("upos", "UPOS"), ("lemma", "Lemma"), ("uas", "UAS"), ("las", "LAS"),
    ("ner_f1", "NER F1 (entity, exact span)"), ("per_f1", "PER F1"), ("org_f1", "ORG F1"),
    ("loc_f1", "LOC F1"), ("misc_f1", "MISC F1"),
]


def load(model_dir: Path) -> dict:
    """The card's data in `model_dir`, or an empty card."""
    path = model_dir / CARD_JSON
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    return {"name": DEFAULT_NAME, "data": {}, "processors": {}, "scores": {}}


def data_entry(path: Path, split: Split, unit: str, seed: int, block: int) -> dict:
    return {"file": path.name, "unit": unit, "seed": seed, "block": block,
            **{shard: len(items) for shard, items in split.items()}}


def versions() -> dict:
    import stanza
    import torch

    return {"stanza": stanza.__version__, "torch": torch.__version__.split("+")[0],
            "python": platform.python_version()}


def train_command_line(opts) -> str:
    parts = ["quotes models train"]
    if opts.treebank:
        parts += ["--treebank", _shown(opts.treebank)]
    if opts.ner_file:
        parts += ["--ner", _shown(opts.ner_file)]
    parts += ["--output", _shown(opts.output), "--work-dir", _shown(opts.work_dir),
              "--processors", ",".join(opts.processors), "--seed", str(opts.seed)]
    parts += [f"--steps {p}={n}" for p, n in sorted(opts.budgets.items())]
    if getattr(opts, "pretrain", None):
        parts += ["--pretrain", _shown(opts.pretrain)]
    if getattr(opts, "charlm", None):
        parts += ["--charlm", _shown(opts.charlm)]
    if getattr(opts, "jobs", 1) > 1:
        parts += ["--jobs", str(opts.jobs)]
    if getattr(opts, "name", None):
        parts += ["--name", opts.name]
    if opts.speed_texts:
        parts += ["--speed-texts", _shown(Path(os.path.commonpath(opts.speed_texts)))]
    if opts.quick:
        parts.append("--quick")
    return " ".join(parts)


def _shown(path: Path) -> str:
    """A path as typed from the current directory, without the machine's absolute prefix."""
    return os.path.relpath(path) if path.is_absolute() else str(path)


#: What the card says of word vectors trained on a corpus (`quotes models vectors`), by corpus file.
CORPORA = {
    "news-ar.txt.gz": ("Arabic news, 15.7M words (2018: the ANT corpus v2.1 from BBC, CNN, France24, "
                       "Sky News and Al Arabiya Arabic, research use, cite the ANT papers; 2015: "
                       "SaudiNewsNet, CC BY-NC-SA 4.0, research use only), every article of the "
                       "project's dev, train and hidden evaluation sets removed. The text belongs to "
                       "its publishers."),
}


def write(model_dir: Path, info: dict) -> None:
    (model_dir / CARD_JSON).write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (model_dir / CARD_MD).write_text(render(info), encoding="utf-8")


def render(info: dict) -> str:
    procs = info.get("processors", {})
    pretrain = info.get("pretrain")
    notes = info.get("notes", {})
    charlm = info.get("charlm")
    files = {**procs, **({"pretrain (word vectors)": {**pretrain, "float32_bytes": pretrain["bytes"]}}
                         if pretrain else {}), **_charlm_files(charlm)}
    total = sum(p["bytes"] for p in files.values())
    total32 = sum(p["float32_bytes"] for p in files.values())
    vectors = "with the word vectors in pretrain.pt (below)" if pretrain else "without pretrained word vectors"
    lines = [
        f"# {info['name']}: compact Arabic Stanza models for `quotes`",
        "",
        "Stanza models (tokenize, mwt, pos, lemma, depparse, ner) trained by this project with "
        f"Stanza's own trainers, {vectors}, small enough to ship inside the "
        "package. `quotes` uses them when no model directory is given and the official Stanza "
        "Arabic models are not installed (`quotes models status`).",
        "",
        "## Data and licence",
        "",
        *[f"- {SOURCES[k]} File `{v['file']}`: train {v['train']}, dev {v['dev']}, test {v['test']} "
          f"{v['unit']} (seed {v['seed']}{', blocks of ' + str(v['block']) if v['block'] > 1 else ''})."
          for k, v in info.get("data", {}).items()],
        *_corpus_lines(pretrain),
        "",
        notes.get("licence") or
        ("The models are derived from CC BY-SA 3.0 data and are distributed under **CC BY-SA 3.0** "
         "(attribution as above; share alike). The code of `quotes` is MIT."),
        "",
        "## Preparation",
        "",
        PREPARATION,
        "",
        *_vectors_section(pretrain),
        *_charlm_section(charlm),
        "## Choices",
        "",
        notes.get("choices") or CHOICES,
        "",
        "## Training",
        "",
        f"Stanza {info['versions']['stanza']}, torch {info['versions']['torch']} (CPU), "
        f"Python {info['versions']['python']}; from the repository root:",
        "",
        *[f"    {c}" for c in dict.fromkeys(p["trained_by"] for p in procs.values())],
        "",
        "Each trainer ran in the work directory (paths below are relative to it), with "
        "GLIBC_TUNABLES set for malloc (see `quotes/training/models.py`):",
        "",
        "| processor | wall time | threads | command |",
        "|---|---|---|---|",
        *[f"| {name} | {p['train_seconds'] / 60:.1f} min | {p.get('torch_threads', '-')} | `{p['command']}` |"
          for name, p in procs.items()],
        "",
        f"Total training time: {sum(p['train_seconds'] for p in procs.values()) / 60:.1f} min.",
        "",
        "## Scores",
        "",
        "End to end from raw text for tokenize..depparse (CoNLL 2018 evaluation, predicted tokens, "
        "tags and lemmas); NER on gold tokens, entity level. Test: the shipped float16 models. "
        "Dev: float32 checkpoints against the float16 copies, the cost of compaction.",
        "",
        *_score_table(info.get("scores", {}), info.get("baseline")),
        "",
        "## Sizes",
        "",
        "Checkpoints keep only the weights, vocabularies and configuration that inference loads; "
        "weights are stored as float16 (Stanza casts them back to float32 on load).",
        "",
        "| processor | shipped | float32 |",
        "|---|---|---|",
        *[f"| {name} | {p['bytes'] / 1e6:.2f} MB | {p['float32_bytes'] / 1e6:.2f} MB |" for name, p in files.items()],
        f"| total | {total / 1e6:.2f} MB | {total32 / 1e6:.2f} MB |",
        "",
        *_speed_section(info.get("speed")),
        "",
        "## Known limitations",
        "",
        notes.get("limitations") or LIMITATIONS,
    ]
    return "\n".join(lines) + "\n"


def _corpus_lines(pretrain: dict | None) -> list[str]:
    vectors = (pretrain or {}).get("vectors")
    if not vectors:
        return []
    about = CORPORA.get(vectors["corpus"], "")
    return [f"- Word vectors only: {about} File `{vectors['corpus']}`: {vectors['tokens']:,} tokens in "
            f"{vectors['lines']:,} lines."]


def _vectors_section(pretrain: dict | None) -> list[str]:
    vectors = (pretrain or {}).get("vectors")
    if not vectors:
        return []
    o = vectors["options"]
    return [
        "## Word vectors",
        "",
        f"`quotes models vectors` (`quotes/training/vectors.py`): the corpus tokenised as the pipeline's "
        f"tokenizer writes tokens (parse forms, punctuation split off, lowercased), then gensim "
        f"{vectors['versions']['gensim']} FastText: skip-gram, dimension {o['dim']}, window {o['window']}, "
        f"character n-grams {o['min_n']}-{o['max_n']} ({o['bucket']:,} buckets), min count {o['min_count']}, "
        f"{o['epochs']} epochs, seed {o['seed']}, {o['workers']} worker(s)"
        f"{' (exactly reproducible)' if o['workers'] == 1 else ' (not exactly reproducible: threads update shared weights)'}. "
        f"{vectors['trained_vocab']:,} words trained; the {vectors['vocab']:,} most frequent kept in "
        f"`pretrain.pt` (Stanza's pretrain format: float32, {vectors['bytes'] / 1e6:.1f} MB). Tokenising took "
        f"{vectors['tokenize_seconds'] / 60:.1f} min, training {vectors['train_seconds'] / 60:.1f} min. "
        f"pos, depparse and ner read these vectors (frozen); tokenize, mwt and lemma do not.",
        "",
    ]


def _charlm_files(charlm: dict | None) -> dict:
    """Size rows of the charlms: shipped float16; float32 twice that (its weights are all float)."""
    if not charlm:
        return {}
    return {f"ner {name.removesuffix('.pt')}": {"bytes": size, "float32_bytes": 2 * size}
            for name, size in charlm["files"].items()}


def _charlm_section(charlm: dict | None) -> list[str]:
    trained = (charlm or {}).get("charlm")
    if not trained:
        return []
    o = trained["options"]
    models = trained["models"]
    return [
        "## Character language models",
        "",
        f"`quotes models charlm` (`quotes/training/charlm.py`): Stanza's character language model, one "
        f"forward and one backward, on the corpus `{trained['corpus']}` in parse forms with its tokens apart "
        f"({trained['train_chars']:,} training characters; every {o['dev_every']}th line, "
        f"{trained['dev_chars']:,} characters, for dev): one LSTM layer of {o['hidden']} units, "
        f"character embeddings of {o['char_emb']}, batches of {o['batch_size']} x {o['bptt']} characters, "
        f"{o['epochs']} epoch(s), seed {o['seed']}, one torch thread each. "
        + " ".join(f"{d}: best dev perplexity {m['dev']['ppl']:.2f} at step {m['dev']['step']:,}, "
                   f"{m['train_seconds'] / 60:.0f} min." for d, m in models.items() if m.get("dev"))
        + " NER reads both in place of its own character model; the others do not.",
        "",
        *[f"    {m['command']}" for m in models.values()],
        "",
    ]


def _score_table(scores: dict, baseline: dict | None = None) -> list[str]:
    columns = [c for c in ("test_float16", "dev_float16", "dev_float32") if c in scores]
    if not columns:
        return ["Not scored yet."]
    base = baseline["scores"] if baseline else {}
    heads = [c.replace('_', ' ') for c in columns] + ([f"{baseline['name']} test"] if baseline else [])
    rows = [f"| | {' | '.join(heads)} |", "|---" * (len(heads) + 1) + "|"]
    for key, label in SCORE_ROWS:
        if any(key in scores[c] for c in columns):
            cells = [_pct(scores[c].get(key)) for c in columns] + ([_pct(base.get(key))] if baseline else [])
            rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return rows


def _pct(value) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _speed_section(speed: dict | None) -> list[str]:
    if not speed:
        return ["## Speed", "", "Not measured (`quotes models speed TEXTS...`)."]
    per = speed["seconds"]
    return [
        "## Speed",
        "",
        f"{speed['words']:,} words in {speed['texts']} texts on {speed['machine']} (1-minute load "
        f"average {speed['load_average_before']} before the run), one process, "
        f"`quotes.nlp.parse_many` (the texts parsed together, each line its own paragraph, under "
        f"torch.inference_mode; Stanza's tree decoder and lemmatizer with the exact speed-ups of "
        f"`quotes.nlp.decoding`). Load {speed['load_seconds']:.2f} s "
        f"(the models; importing torch and Stanza comes before); peak RSS {speed['peak_rss_mb']:.0f} MB.",
        "",
        "| processor | seconds | words/s |",
        "|---|---|---|",
        *[f"| {p} | {s:.2f} | {speed['words'] / s:,.0f} |" if s else f"| {p} | {s:.2f} | - |" for p, s in per.items()],
        f"| whole pipeline | {sum(per.values()):.2f} | {speed['words_per_second']:,.0f} |",
    ]
