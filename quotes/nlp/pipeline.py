"""Loading the Stanza pipeline: offline always, once per process per (source, processors)."""
from __future__ import annotations

import functools

import stanza

from quotes.nlp import decoding
from quotes.nlp.resolve import (CHARLM_FILES, DEFAULT_PROCESSORS, LANG, SHIPPED_DIR, ModelNotFoundError,
                                ModelSource, processor_list, resolve_model)

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
    pipeline = stanza.Pipeline(lang=LANG, dir=str(source.path), processors=processors,
                               download_method=None, logging_level="ERROR", **options)
    if "lemma" in pipeline.processors:
        decoding.lemmatize_once(pipeline.processors["lemma"].trainer)
    return pipeline
