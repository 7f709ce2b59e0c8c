"""Loading the Stanza pipeline: offline always, once per process per (source, processors)."""
from __future__ import annotations

import functools
import traceback
from pathlib import Path

import stanza

from quotes.nlp import decoding
from quotes.nlp.sources import (CHARLM_FILES, DEFAULT_PROCESSORS, LANG, PROCESSORS, SHIPPED_DIR, ModelLoadError,
                                ModelNotFoundError, ModelSource, processor_list, resolve_model)

#: An empty resources.json: Stanza reads one even when every model path is given.
EMPTY_RESOURCES = SHIPPED_DIR / "resources.json"


def load_pipeline(source: ModelSource | None = None, processors: str = DEFAULT_PROCESSORS) -> stanza.Pipeline:
    """The Stanza pipeline for `source` (resolved with `resolve_model` when None).

    Never downloads anything (download_method=None). Cached: the models load once per process.
    """
    names = processor_list(processors)
    if source is None:
        source = resolve_model(processors=names)
    lacking = [p for p in names if p not in source.files]
    if lacking:
        raise ModelNotFoundError(f"{source.name} was resolved without {', '.join(lacking)}; "
                                 f"resolve it with processors={','.join(names)!r}")
    return _load(source, ",".join(names))


@functools.lru_cache(maxsize=None)
def _load(source: ModelSource, processors: str) -> stanza.Pipeline:
    decoding.install()
    if source.stanza_layout:
        options = {}
    else:
        options = {f"{p}_model_path": str(source.files[p]) for p in processor_list(processors)}
        # the directory's word vectors (pretrain.pt) and charlms if any, else tell Stanza there are none
        pretrain = source.files.get("pretrain")
        charlms = {f"{key}_path": str(source.files.get(key, "")) for key in CHARLM_FILES}
        options.update(pos_pretrain_path=str(pretrain) if pretrain else None,
                       depparse_pretrain_path=str(pretrain) if pretrain else None,
                       ner_pretrain_path=str(pretrain) if pretrain else "",
                       **charlms,
                       resources_filepath=str(EMPTY_RESOURCES), allow_unknown_language=True)
    try:
        pipeline = stanza.Pipeline(lang=LANG, dir=str(source.path), processors=processors,
                                   download_method=None, logging_level="CRITICAL", **options)
    except Exception as error:  # Stanza's own errors name neither the file nor the fix
        raise ModelLoadError(_why_not_loaded(source, error)) from error
    if "lemma" in pipeline.processors:
        decoding.lemmatize_once(pipeline.processors["lemma"].trainer)
    return pipeline


def _why_not_loaded(source: ModelSource, error: Exception) -> str:
    """Which file Stanza could not load and why: the first that torch cannot read (truncated,
    empty), else the processor whose loading failed (a file written for another processor)."""
    import torch

    for key, path in source.files.items():
        try:
            torch.load(path, map_location="cpu", weights_only=True)
        except Exception as bad:
            reason = "an empty file" if path.stat().st_size == 0 else f"{type(bad).__name__}: {str(bad).split('. ')[0]}"
            return (f"{path}: the {key} model cannot be read ({reason}); it is truncated or corrupt: "
                    f"copy it again or retrain it")
    processor = _failing_processor(error)
    where = f"the {processor} model {source.files.get(processor)}" if processor else f"the models in {source.path}"
    return (f"Stanza could not load {where} ({type(error).__name__}: {error}); is it a {processor or 'Stanza'} "
            f"model, trained for this processor by `quotes models train`?")


def _failing_processor(error: Exception) -> str | None:
    """The processor whose Stanza module raised `error` (from the traceback's last Stanza frame)."""
    found = None
    for frame in traceback.extract_tb(error.__traceback__):
        parts = Path(frame.filename).parts
        if "stanza" in parts and parts[-1].endswith("_processor.py"):
            found = parts[-1].removesuffix("_processor.py")
    return found if found in PROCESSORS else None
