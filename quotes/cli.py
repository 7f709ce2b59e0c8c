"""The `quotes` command line: one click group."""
from __future__ import annotations

import json
import signal
import sys

import click

from quotes.batch import run
from quotes.evaluate import load_many, score, text_loader
from quotes.inputs import documents, expand
from quotes.models import QuoteDocument
from quotes.output import WRITERS
from quotes.progress import Progress


@click.group()
@click.version_option(package_name="quotes")
def main():
    """Arabic quotation attribution: who said what, in what capacity."""


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--input-format", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
              help='text: each file (or -) is one document, folders give their *.txt; '
                   'jsonl: one {"id": ..., "text": ...} a line.')
@click.option("--format", "output_format", type=click.Choice(["json", "jsonl", "csv"]),
              help="Output format (default: json for one text document, jsonl otherwise).")
@click.option("--jsonl", is_flag=True, help="Same as --format jsonl.")
@click.option("--pretty", is_flag=True, help="Indent the JSON (single-document json only).")
@click.option("--explain", is_flag=True, help="Add the ids of the rules behind each quote.")
@click.option("--backend", type=click.Choice(["stanza", "rules"]), default="stanza", show_default=True,
              help="Who decides the speaker: the Stanza parse (rules as fallback) or the rules alone.")
@click.option("--model-dir", type=click.Path(file_okay=False), envvar="QUOTES_MODEL_DIR",
              help="A Stanza model directory (default: official Arabic models if present, else the shipped ones).")
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes, each with its own pipeline.")
@click.option("--batch-size", type=click.IntRange(1), default=16, show_default=True,
              help="Documents per batch handed to a worker and to the pipeline.")
@click.option("--quiet", is_flag=True, help="No progress line on stderr.")
def extract(sources, input_format, output_format, jsonl, pretty, explain, backend, model_dir, workers,
            batch_size, quiet):
    """Extract quotes from SOURCES: files, folders, or - for standard input.

    Output goes to stdout, one document per input in input order. A document that cannot
    be read is named on stderr, its output carries the error, the rest still run, and
    the exit code is 1; Ctrl-C stops after a whole line (exit code 130).
    """
    paths = expand(sources) if input_format == "text" else list(sources)
    single = input_format == "text" and len(paths) == 1
    output_format = output_format or ("jsonl" if jsonl or not single else "json")
    writer = WRITERS[output_format](sys.stdout, explain=explain, pretty=pretty)
    progress = Progress(len(paths) if input_format == "text" else None, enabled=not quiet)
    results = run(documents(paths, input_format), backend, model_dir, workers, batch_size)
    sys.exit(_write_all(results, writer, progress))


def _write_all(results, writer, progress) -> int:
    """Write every result; the exit code: 0, 1 if a document failed, 130 if interrupted.
    Ctrl-C is honoured between documents, never inside a line."""
    state = {"writing": False, "stop": False}

    def on_interrupt(signum, frame):
        if not state["writing"]:
            raise KeyboardInterrupt
        state["stop"] = True

    previous = signal.signal(signal.SIGINT, on_interrupt)
    failed = False
    try:
        for doc in results:
            state["writing"] = True
            writer.write(doc)
            state["writing"] = False
            for error in doc.errors:
                click.echo(f"quotes: {error}", err=True)
            failed |= bool(doc.errors)
            progress.advance()
            if state["stop"]:
                raise KeyboardInterrupt
    except KeyboardInterrupt:
        progress.close()
        click.echo(f"quotes: interrupted after {progress.done} documents; every line written is whole", err=True)
        return 130
    finally:
        signal.signal(signal.SIGINT, previous)
    progress.close()
    return 1 if failed else 0


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("pred", type=click.Path(exists=True, dir_okay=False))
@click.option("--texts", type=click.Path(exists=True, file_okay=False),
              help="Folder of the documents the gold names (default: the gold's folder).")
@click.option("--min-overlap", default=0.5, show_default=True, help="Share of a gold span a match covers.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("-v", "verbose", is_flag=True, help="List every miss first.")
def evaluate(gold, pred, texts, min_overlap, as_json, verbose):
    """Score PRED (the output of `quotes extract`) against GOLD, as score.py does, with a
    breakdown by quote type and F1 at coverage thresholds 0.3, 0.5 and 0.8."""
    report, misses = score(load_many(gold), load_many(pred), text_loader(gold, texts), min_overlap)
    if verbose:
        for line in misses:
            click.echo(line)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
        return
    flat = {k: v for k, v in report.items() if not isinstance(v, dict)}
    click.echo(" ".join(f"{k}={v}" for k, v in flat.items()))
    for ty, row in report["by_type"].items():
        click.echo(f"  {ty:9} " + " ".join(f"{k}={v}" for k, v in row.items()))
    for cov, row in report["coverage"].items():
        click.echo(f"  coverage {cov}: " + " ".join(f"{k}={v}" for k, v in row.items()))


@main.command()
def schema():
    """Print the JSON Schema of the output (schema version 1)."""
    click.echo(json.dumps(QuoteDocument.model_json_schema(), ensure_ascii=False, indent=2))
