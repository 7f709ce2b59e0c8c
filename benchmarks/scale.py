"""Time and peak memory against document size: one document of 100k to 10M characters.

    python benchmarks/scale.py [--backend rules] [--sizes 100000,1000000,10000000] [--texts DIR]

The document is the texts of DIR (default ../shared/train/texts) joined by blank lines and
repeated to each size. Each size runs in a process of its own (its peak RSS is its own):
load the extractor, then time `Extractor.extract` on the one document. Prints a Markdown
table: characters, quotes, seconds, seconds per MB, peak RSS. Not a test: it times the
machine it runs on, so run it on a quiet one.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_TEXTS = Path(__file__).resolve().parents[1] / ".." / "shared" / "train" / "texts"


def document(texts: Path, size: int) -> str:
    """The texts joined by blank lines, repeated and cut to `size` characters."""
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(texts.glob("*.txt")))
    return ((base + "\n\n") * (size // (len(base) + 2) + 1))[:size]


def run_one(backend: str, texts: Path, size: int) -> dict:
    """Extract one document of `size` characters in this process."""
    from quotes import Extractor

    text = document(texts, size)
    extractor = Extractor(backend=backend)
    start = time.perf_counter()
    doc = extractor.extract(text)
    seconds = time.perf_counter() - start
    return {"backend": backend, "chars": size, "quotes": len(doc.quotes), "seconds": round(seconds, 2),
            "seconds_per_mb": round(seconds / (size / 1e6), 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["rules", "stanza"], default="rules")
    parser.add_argument("--sizes", default="100000,1000000,10000000")
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process: one size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.backend, args.texts, args.one)))
        return
    print("| backend | characters | quotes | seconds | s per MB | peak RSS |")
    print("|---|---|---|---|---|---|")
    for size in map(int, args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--backend", args.backend, "--texts", str(args.texts),
                              "--one", str(size)], capture_output=True, text=True, check=True).stdout
        r = json.loads(out.splitlines()[-1])
        print(f"| {r['backend']} | {r['chars']:,} | {r['quotes']:,} | {r['seconds']:.1f} | {r['seconds_per_mb']:.1f} "
              f"| {r['peak_rss_mb']:,} MB |", flush=True)


if __name__ == "__main__":
    main()
