"""A long fuzz run: the test suite's property over many more generated texts, for one backend.

    python benchmarks/fuzz.py --backend rules --cases 100000
    python benchmarks/fuzz.py --backend stanza --cases 1000

Texts come from the strategy of tests/test_extractor.py (cue words, names, particles, every
quote mark, diacritics, tatweel, bidi and zero-width marks, Latin, digits, emoji, NUL, CRLF, a
300-letter word, and any text). Each must extract without error, with every span equal to the
text at its offsets (checked as the output is built), quotes sorted, the same output twice and
a JSON that validates. Prints one JSON line: cases, crashes, invariant violations, seconds.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes import Extractor  # noqa: E402
from tests.test_extractor import fuzz_texts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["rules", "stanza"], default="rules")
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()
    extractor = Extractor(backend=args.backend)
    tally = {"backend": args.backend, "cases": 0, "crashes": 0, "violations": 0, "first_failures": []}

    @settings(max_examples=args.cases, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(fuzz_texts())
    def read(text: str) -> None:
        tally["cases"] += 1
        try:
            doc = extractor.extract(text)
        except Exception as error:  # a crash, or a span that does not fit the text
            tally["crashes"] += 1
            _keep(tally, text, f"{type(error).__name__}: {error}")
            return
        starts = [q.start for q in doc.quotes]
        ok = (all(q.text.strip() for q in doc.quotes) and starts == sorted(starts) and extractor.extract(text) == doc
              and type(doc).model_validate_json(doc.to_json(explain=True)) == doc)
        if not ok:
            tally["violations"] += 1
            _keep(tally, text, "invariant")

    start = time.perf_counter()
    read()
    tally["seconds"] = round(time.perf_counter() - start, 1)
    print(json.dumps(tally, ensure_ascii=False))


def _keep(tally: dict, text: str, what: str) -> None:
    if len(tally["first_failures"]) < 5:
        tally["first_failures"].append({"text": text, "error": what[:200]})


if __name__ == "__main__":
    main()
