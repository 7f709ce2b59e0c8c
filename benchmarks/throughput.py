"""Throughput of quotes against the bare Stanza pipeline, in one run.

    python benchmarks/throughput.py [--texts ../shared/dev/texts] [--docs 200] [--json results.json]

The corpus: the dev texts, repeated to about --docs documents. Each configuration runs
in a process of its own, so that its peak RSS and its load time are its own:

    stanza-bare    the Stanza pipeline alone, same processors, same batches (parse_many)
    quotes-stanza  quotes with the Stanza backend
    quotes-rules   quotes with the rules alone
    dask-1, dask-2 quotes (Stanza) on a Dask LocalCluster of 1 and 2 worker processes

Load time (models and lexicons) is measured apart from the run. Prints a Markdown table:
documents/s, words/s, seconds, peak RSS, load seconds; and the ratios the project holds
itself to (full/bare <= 1.10, rules >= 20x the full pipeline, 2 workers >= 1.7x one).
Not a test: it times the machine it runs on, so run it on a quiet one.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

CONFIGS = ("stanza-bare", "quotes-stanza", "quotes-rules", "dask-1", "dask-2")
DEFAULT_TEXTS = Path(__file__).resolve().parents[1] / ".." / "shared" / "dev" / "texts"


def corpus(folder: Path, docs: int) -> list[tuple[str, str]]:
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt files in {folder}")
    return [(f"{i}-{name}", text) for i, (name, text) in
            ((i, texts[i % len(texts)]) for i in range(max(docs, len(texts))))]


def batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def measure(config: str, docs: list[tuple[str, str]], batch_size: int) -> dict:
    """Load, then run `config` over `docs`; seconds of each and peak RSS of this process."""
    from quotes.inputs import Document

    documents = [Document(name, text) for name, text in docs]
    start = time.perf_counter()
    if config == "stanza-bare":
        from quotes.nlp import load_pipeline, parse_many, resolve_model

        pipeline = load_pipeline(resolve_model())
        loaded = time.perf_counter()
        for batch in batches([d.text for d in documents], batch_size):
            parse_many(batch, pipeline)
    elif config.startswith("quotes-"):
        from quotes import Extractor

        extractor = Extractor(backend=config.split("-", 1)[1])
        loaded = time.perf_counter()
        for batch in batches(documents, batch_size):
            extractor.extract_documents(batch)
    else:
        return measure_dask(int(config.split("-")[1]), documents, batch_size)
    done = time.perf_counter()
    return {"load_seconds": round(loaded - start, 2), "seconds": round(done - loaded, 2), "peak_rss_mb": peak_rss_mb()}


def measure_dask(workers: int, documents: list, batch_size: int) -> dict:
    """The Stanza backend on a LocalCluster; each worker loads its model on a warm-up
    task first, so that the timed run is extraction only."""
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    from quotes.dask import extract_bag

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        start = time.perf_counter()
        warm = documents[:workers]
        extract_bag(db.from_sequence(warm, npartitions=len(warm))).compute()
        loaded = time.perf_counter()
        bag = db.from_sequence(documents, partition_size=batch_size)
        extract_bag(bag).compute()
        done = time.perf_counter()
        worker_rss = client.run(peak_rss_mb)
    return {"load_seconds": round(loaded - start, 2), "seconds": round(done - loaded, 2),
            "peak_rss_mb": max(worker_rss.values())}


def run_all(texts: Path, docs: int, batch_size: int) -> dict:
    data = corpus(texts, docs)
    words = sum(len(text.split()) for _, text in data)
    results = {}
    for config in CONFIGS:
        out = subprocess.run([sys.executable, __file__, "--one", config, "--texts", str(texts), "--docs", str(docs),
                              "--batch-size", str(batch_size)], capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit(f"{config} failed:\n{out.stderr[-2000:]}")
        result = json.loads(out.stdout.strip().splitlines()[-1])
        result["docs_per_second"] = round(len(data) / result["seconds"], 2)
        result["words_per_second"] = round(words / result["seconds"])
        results[config] = result
        print(f"{config}: {result}", file=sys.stderr)
    return {"documents": len(data), "words": words, "batch_size": batch_size, "results": results,
            "ratios": ratios(results)}


def ratios(r: dict) -> dict:
    return {
        "full_over_bare": round(r["quotes-stanza"]["seconds"] / r["stanza-bare"]["seconds"], 3),
        "rules_speedup": round(r["quotes-stanza"]["seconds"] / r["quotes-rules"]["seconds"], 1),
        "dask_2_over_1": round(r["dask-1"]["seconds"] / r["dask-2"]["seconds"], 2),
    }


def table(report: dict) -> str:
    lines = [f"{report['documents']} documents, {report['words']:,} words, batches of {report['batch_size']}",
             "", "| configuration | docs/s | words/s | seconds | peak RSS (MB) | load (s) |", "|---|---|---|---|---|---|"]
    for name, r in report["results"].items():
        lines.append(f"| {name} | {r['docs_per_second']} | {r['words_per_second']:,} | {r['seconds']} | "
                     f"{r['peak_rss_mb']} | {r['load_seconds']} |")
    q = report["ratios"]
    lines += ["", f"full / bare Stanza time: {q['full_over_bare']} (target <= 1.10); "
                  f"rules speed-up: {q['rules_speedup']}x (target >= 20); "
                  f"2 Dask workers over 1: {q['dask_2_over_1']}x (target >= 1.7)"]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--one", choices=CONFIGS, help=argparse.SUPPRESS)  # a child run
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, corpus(args.texts, args.docs), args.batch_size)))
        return
    report = run_all(args.texts, args.docs, args.batch_size)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(table(report))


if __name__ == "__main__":
    main()
