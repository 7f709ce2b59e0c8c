"""Speed of the pipeline: load time, peak memory, seconds and words/s per processor.

Meant to run in a fresh process (`quotes models speed`), on a quiet machine: under CPU
contention the same run is many times slower.
"""
from __future__ import annotations

import os
import resource
import time
from pathlib import Path

from quotes.nlp.sources import ModelSource

#: A short first call, not timed: Stanza and torch initialise lazily on the first text.
WARM_UP = "قال الوزير إن المحادثات كانت مفيدة."


def measure_speed(source: ModelSource, texts: list[Path]) -> dict:
    """Parse `texts` together (as `quotes.nlp.parse_many` does) one processor at a time, timing each."""
    load_average = os.getloadavg()[0]  # how busy the machine was before this run
    from quotes.nlp.parsing import tokenize
    from quotes.nlp.pipeline import load_pipeline
    from quotes.nlp.prepare import to_parse_text

    start = time.perf_counter()
    pipeline = load_pipeline(source)
    loaded = time.perf_counter()

    _parse_timed(pipeline, [to_parse_text(WARM_UP)], tokenize)
    seconds, docs = _parse_timed(pipeline, [to_parse_text(t.read_text(encoding="utf-8")) for t in texts], tokenize)
    words = sum(doc.num_words for doc in docs)
    total = sum(seconds.values())
    return {
        "model": source.name, "texts": len(texts), "words": words,
        "load_seconds": round(loaded - start, 3),
        "seconds": {p: round(s, 3) for p, s in seconds.items()},
        "words_per_second": round(words / total),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "machine": f"{os.cpu_count()} CPU cores", "load_average_before": round(load_average, 2),
    }


def _parse_timed(pipeline, prepared: list, tokenize) -> tuple[dict[str, float], list]:
    """Parse as `quotes.nlp.parse_many` does (the tokenizer, then each processor, once
    over all the texts), timing each processor."""
    import torch

    start = time.perf_counter()
    docs = tokenize(pipeline, prepared)
    timings = {"tokenize": time.perf_counter() - start}
    with torch.inference_mode():  # as parse_many runs them
        for name in [p for p in pipeline.processors if p != "tokenize"]:
            start = time.perf_counter()
            docs = pipeline.process(docs, processors=name)
            timings[name] = time.perf_counter() - start
    return timings, docs
