"""Loading and searching an archive of 10,000 documents, on SQLite and on PostgreSQL.

    python benchmarks/archive_scale.py PRED.jsonl INPUTS.jsonl [--documents 10000]
        [--postgresql postgresql://USER@HOST/DB]   # its database is emptied first

PRED.jsonl is `quotes extract` output over INPUTS.jsonl (ids, texts, dates, outlets: e.g. the
170 articles of ../shared/train and ../shared/dev); both are repeated with new ids up to
--documents. For each engine: the time of `quotes db add` (one process, batches of 200), the
archive's size, and the median of five runs of each search. Prints a Markdown table. Not a
test: it times the machine it runs on.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from quotes.archive import Archive
from quotes.archive.store import location_url

SEARCHES = {
    "words: الحكومة": {"words": "الحكومة"},
    "words: وزير الخارجية": {"words": "وزير الخارجية"},
    "speaker: دونالد ترامب": {"speaker": "دونالد ترامب"},
    "speaker + words: ترامب, السعودية": {"speaker": "ترامب", "words": "السعودية"},
    "role + since: وزير, 2018-06-01": {"role": "وزير", "since": "2018-06-01"},
}


def repeated(preds: Path, inputs: Path, documents: int, out: Path) -> tuple[Path, Path]:
    """The predictions and inputs repeated with new ids (`ID#N`) up to `documents`."""
    pred_lines = preds.read_text(encoding="utf-8").splitlines()
    input_by_id = {json.loads(line)["id"]: json.loads(line) for line in inputs.read_text(encoding="utf-8").splitlines()}
    p_out, i_out = out / "pred.jsonl", out / "inputs.jsonl"
    with open(p_out, "w", encoding="utf-8") as p, open(i_out, "w", encoding="utf-8") as i:
        for n in range(documents):
            doc = json.loads(pred_lines[n % len(pred_lines)])
            record = dict(input_by_id[doc["document"]])
            doc["document"] = record["id"] = f"{record['id']}#{n // len(pred_lines)}"
            p.write(json.dumps(doc, ensure_ascii=False) + "\n")
            i.write(json.dumps(record, ensure_ascii=False) + "\n")
    return p_out, i_out


def size(location: str) -> float:
    """The archive's size in MB."""
    if "://" not in location:
        return Path(location).stat().st_size / 1e6
    engine = create_engine(location_url(location))
    with engine.connect() as conn:
        value = conn.execute(text("SELECT pg_database_size(current_database())")).scalar()
    engine.dispose()
    return value / 1e6


def empty(location: str) -> None:
    engine = create_engine(location_url(location))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def measure(location: str, preds: Path, inputs: Path) -> dict:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "quotes", "db", "add", location, str(preds), "--inputs", str(inputs)],
                   check=True, capture_output=True)
    row = {"load": time.perf_counter() - start, "size": size(location)}
    with Archive.open(location) as archive:
        row["counts"] = archive.counts()
        for name, query in SEARCHES.items():
            times = []
            for _ in range(5):
                start = time.perf_counter()
                hits = len(archive.search(**query))
                times.append(time.perf_counter() - start)
            row[name] = (statistics.median(times) * 1000, hits)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("predictions", type=Path)
    ap.add_argument("inputs", type=Path)
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--postgresql", metavar="URL")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        preds, inputs = repeated(args.predictions, args.inputs, args.documents, Path(tmp))
        engines = {"SQLite": str(Path(tmp) / "archive.db")}
        if args.postgresql:
            empty(args.postgresql)
            engines["PostgreSQL"] = args.postgresql
        rows = {name: measure(location, preds, inputs) for name, location in engines.items()}
    counts = next(iter(rows.values()))["counts"]
    print(f"{counts['documents']:,} documents, {counts['quotes']:,} quotes, {counts['speakers']:,} speakers\n")
    print("| | " + " | ".join(rows) + " |")
    print("|---|" + "---|" * len(rows))
    print("| load (`quotes db add`) | " + " | ".join(f"{r['load']:.1f} s ({args.documents / r['load']:.0f} documents/s)"
                                              for r in rows.values()) + " |")
    print("| size | " + " | ".join(f"{r['size']:.0f} MB" for r in rows.values()) + " |")
    for name in SEARCHES:
        print(f"| search {name} (every hit) | "
              + " | ".join(f"{r[name][0]:.0f} ms ({r[name][1]} quotes)" for r in rows.values()) + " |")


if __name__ == "__main__":
    main()
