"""Speed of the pipeline: load time, peak memory, seconds and words/s per processor.

Meant to run in a fresh process (`quotes models speed`), on a quiet machine: under CPU
contention the same run is many times slower.
"""
from __future__ import annotations

import os
import resource
import time
from collections import Counter
from pathlib import Path

from quotes.nlp.resolve import ModelSource

#: A short first call, not timed: Stanza and torch initialise lazily on the first text.
WARM_UP = "قال الوزير إن المحادثات كانت مفيدة."


def measure_speed(source: ModelSource, texts: list[Path]) -> dict:
    """Parse `texts` (as `quotes.nlp.parse` does) one processor at a time, timing each."""
    load_average = os.getloadavg()[0]  # how busy the machine was before this run
    start = time.perf_counter()
    from quotes.nlp.parsing import tokenize
    from quotes.nlp.pipeline import load_pipeline
    from quotes.nlp.prepare import to_parse_text

    imported = time.perf_counter()
    pipeline = load_pipeline(source)
    loaded = time.perf_counter()

    seconds: Counter[str] = Counter()
    words = 0
    for i, text in enumerate([WARM_UP] + [t.read_text(encoding="utf-8") for t in texts]):
        timings, doc = _parse_timed(pipeline, to_parse_text(text), tokenize)
        if i:
            seconds.update(timings)
            words += doc.num_words
    total = sum(seconds.values())
    return {
        "model": source.name, "texts": len(texts), "words": words,
        "import_seconds": round(imported - start, 3), "load_seconds": round(loaded - imported, 3),
        "seconds": {p: round(s, 3) for p, s in seconds.items()},
        "words_per_second": round(words / total),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "machine": f"{os.cpu_count()} CPU cores", "load_average_before": round(load_average, 2),
    }


def _parse_timed(pipeline, prepared, tokenize):
    timings = {}
    start = time.perf_counter()
    doc = tokenize(pipeline, prepared)
    timings["tokenize"] = time.perf_counter() - start
    for name in [p for p in pipeline.processors if p != "tokenize"]:
        start = time.perf_counter()
        doc = pipeline.process(doc, processors=name)
        timings[name] = time.perf_counter() - start
    return timings, doc
