"""Where the Stanza models come from.

Order: an explicit model directory (argument or QUOTES_MODEL_DIR), then the official Stanza
Arabic models under STANZA_RESOURCES_DIR (or Stanza's default directory) when every needed
processor is there, then the compact models shipped in this package.

A model directory holds one file per processor, named after it: tokenize.pt, mwt.pt, pos.pt,
lemma.pt, depparse.pt, ner.pt (what `quotes models train` writes), pretrain.pt when its
models were trained with word vectors, and forward_charlm.pt and backward_charlm.pt when its NER
reads character language models. A Stanza resources
directory (resources.json + ar/...) is accepted as a model directory too.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Mapping

PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
DEFAULT_PROCESSORS = ",".join(PROCESSORS)
LANG = "ar"

#: Word vectors in a model directory (Stanza's pretrain format), read by pos, depparse and ner.
PRETRAIN_FILE = "pretrain.pt"
#: Character language models in a model directory (`quotes models charlm`), read by ner.
CHARLM_FILES = {"ner_forward_charlm": "forward_charlm.pt", "ner_backward_charlm": "backward_charlm.pt"}

SHIPPED_DIR = Path(__file__).resolve().parent.parent / "models" / "ar-compact"
OFFICIAL_NAME = "stanza-ar-official"
MODEL_DIR_ENV = "QUOTES_MODEL_DIR"
STANZA_DIR_ENV = "STANZA_RESOURCES_DIR"


class ModelNotFoundError(FileNotFoundError):
    """No usable model for the requested processors; the message says how to get one."""


class ModelLoadError(RuntimeError):
    """A model file (or model card) that is there but cannot be read; the message names it."""


@dataclass(frozen=True)
class ModelSource:
    """A resolved set of models: where they are and, per processor, the model file."""

    kind: Literal["dir", "official", "shipped"]
    path: Path
    name: str
    files: Mapping[str, Path] = field(compare=False, repr=False)

    @property
    def stanza_layout(self) -> bool:
        """True for a Stanza resources directory (resources.json + ar/...)."""
        return is_stanza_layout(self.path)


def is_stanza_layout(path: Path) -> bool:
    return (path / "resources.json").is_file() and (path / LANG).is_dir()


def processor_list(processors: str | tuple[str, ...]) -> tuple[str, ...]:
    names = tuple(p.strip() for p in processors.split(",")) if isinstance(processors, str) else processors
    unknown = [p for p in names if p not in PROCESSORS]
    if unknown:
        raise ValueError(f"unknown processor(s) {', '.join(unknown)}; choose from {DEFAULT_PROCESSORS}")
    return names


def stanza_resources_dir() -> Path:
    """STANZA_RESOURCES_DIR if set, else Stanza's default (~/stanza_resources)."""
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return Path(os.environ.get(STANZA_DIR_ENV) or DEFAULT_MODEL_DIR)


def resolve_model(model_dir: str | os.PathLike | None = None,
                  processors: str | tuple[str, ...] = DEFAULT_PROCESSORS) -> ModelSource:
    """Find the models for `processors`: explicit dir, official Stanza models, shipped models."""
    needed = processor_list(processors)
    explicit = model_dir or os.environ.get(MODEL_DIR_ENV)
    if explicit:
        return model_dir_source(Path(explicit), needed, kind="dir")
    official = find_official(stanza_resources_dir(), needed)
    if not official.missing:
        return ModelSource(kind="official", path=official.path, name=OFFICIAL_NAME, files=official.files)
    return shipped_source(needed)


def shipped_source(processors: str | tuple[str, ...] = DEFAULT_PROCESSORS) -> ModelSource:
    """The compact models shipped in the package."""
    return model_dir_source(SHIPPED_DIR, processor_list(processors), kind="shipped")


def model_dir_source(path: Path, needed: tuple[str, ...], kind: Literal["dir", "shipped"]) -> ModelSource:
    """The models in `path`; raise ModelNotFoundError naming what is missing and the fix."""
    if not path.is_dir():
        raise ModelNotFoundError(f"model directory {path} does not exist; check --model-dir / "
                                 f"{MODEL_DIR_ENV}, or unset it to use the shipped models")
    found = find_models(path, needed)
    if found.missing:
        fix = ("reinstall the package (pip install --force-reinstall quotes)" if kind == "shipped" else
               f"train them with `quotes models train --output {path} --processors ...`, "
               f"or run without --model-dir / {MODEL_DIR_ENV} to use the shipped models")
        raise ModelNotFoundError(f"{path} lacks {', '.join(found.missing)}; {fix}")
    name = _card_name(path) or (OFFICIAL_NAME if is_stanza_layout(path) else path.name)
    return ModelSource(kind=kind, path=path, name=name, files=found.files)


@dataclass(frozen=True)
class FoundModels:
    """What a directory holds for the needed processors: the files, and what is missing."""

    path: Path
    files: dict[str, Path]
    missing: list[str]


def find_models(path: Path, needed: tuple[str, ...]) -> FoundModels:
    """The model files `path` holds for `needed`, as a model directory (<processor>.pt) or as a
    Stanza resources directory (resources.json + ar/...)."""
    if not path.is_dir():
        return FoundModels(path, {}, [f"the directory {path}"])
    if not is_stanza_layout(path):
        files = {p: path / f"{p}.pt" for p in needed}
        if (path / PRETRAIN_FILE).is_file():  # word vectors the pos, depparse and ner models read
            files["pretrain"] = path / PRETRAIN_FILE
        if "ner" in needed:
            files.update({key: path / name for key, name in CHARLM_FILES.items() if (path / name).is_file()})
    else:
        try:
            files = stanza_model_files(path, needed)
        except KeyError:
            return FoundModels(path, {}, [f"an {LANG} entry in resources.json"])
    return FoundModels(path, files, [str(f.relative_to(path)) for f in files.values() if not f.is_file()])


def find_official(root: Path, needed: tuple[str, ...]) -> FoundModels:
    """The official Stanza Arabic models in the resources directory `root`."""
    if not is_stanza_layout(root):
        return FoundModels(root, {}, [f"resources.json and {LANG}/ (quotes models download)"])
    return find_models(root, needed)


def stanza_model_files(root: Path, needed: tuple[str, ...]) -> dict[str, Path]:
    """Every file a Stanza Pipeline would load for `needed` from the resources directory
    `root`, as Stanza itself works them out: the processors' models (keyed by processor) and
    their dependencies (keyed like pos_pretrain, ner_forward_charlm)."""
    from stanza.pipeline.core import build_default_config
    from stanza.resources.common import (add_dependencies, load_resources_json,
                                         maintain_processor_list, process_pipeline_parameters)

    resources = load_resources_json(str(root))
    if LANG not in resources:
        raise KeyError(f"no {LANG} entry in {root / 'resources.json'}")
    _, _, package, processors = process_pipeline_parameters(LANG, str(root), "default", ",".join(needed))
    load_list = maintain_processor_list(resources, LANG, package, processors)
    load_list = add_dependencies(resources, LANG, load_list)
    config = build_default_config(resources, LANG, str(root), load_list)
    files: dict[str, Path] = {}
    for key, value in config.items():
        if key == "ner_dependencies":
            files.update({f"ner_{k.removesuffix('_path')}": Path(v) for deps in value for k, v in deps.items()})
        elif key.endswith("_path"):
            name = key.removesuffix("_model_path").removesuffix("_path")
            files.update({name: Path(v) for v in (value if isinstance(value, list) else [value])})
    return files


def _card_name(path: Path) -> str | None:
    card = path / "model.json"
    if not card.is_file():
        return None
    try:
        return json.loads(card.read_text(encoding="utf-8")).get("name")
    except (json.JSONDecodeError, UnicodeDecodeError, AttributeError) as error:
        raise ModelLoadError(f"{card}: not a model card ({error}); restore it or delete it "
                             f"(it only gives the models their name)") from None
