"""Stanza for `quotes`: find the models, load the pipeline once, parse with original offsets.

    from quotes.nlp import parse, resolve_model
    resolve_model()            # ModelSource(kind="shipped", name="quotes-ar-compact-1", ...)
    doc = parse(text)          # tokens and words carry start_char/end_char into `text`

Names are imported on first use, so that `import quotes` does not load torch and Stanza.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "ModelSource": "quotes.nlp.sources",
    "ModelNotFoundError": "quotes.nlp.sources",
    "ModelLoadError": "quotes.nlp.sources",
    "resolve_model": "quotes.nlp.sources",
    "load_pipeline": "quotes.nlp.pipeline",
    "parse": "quotes.nlp.parsing",
    "parse_many": "quotes.nlp.parsing",
    "prepare_for_parse": "quotes.nlp.prepare",
    "to_parse_text": "quotes.nlp.prepare",
    "ParseText": "quotes.nlp.prepare",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
