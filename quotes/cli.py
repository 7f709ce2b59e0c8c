"""The `quotes` command line: one click group."""
from __future__ import annotations

import json
import sys

import click

from quotes.evaluate import load_many, score, text_loader
from quotes.extractor import Extractor
from quotes.inputs import InputError, read_path, read_stream
from quotes.models import QuoteDocument


@click.group()
@click.version_option(package_name="quotes")
def main():
    """Arabic quotation attribution: who said what, in what capacity."""


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--jsonl", is_flag=True, help="One JSON document a line, even for a single input.")
@click.option("--pretty", is_flag=True, help="Indent the JSON (not with JSON Lines).")
@click.option("--explain", is_flag=True, help="Add the ids of the rules behind each quote.")
@click.option("--backend", type=click.Choice(["stanza", "rules"]), default="stanza", show_default=True,
              help="Who decides the speaker: the Stanza parse (rules as fallback) or the rules alone.")
@click.option("--model-dir", type=click.Path(file_okay=False), envvar="QUOTES_MODEL_DIR",
              help="A Stanza model directory (default: official Arabic models if present, else the shipped ones).")
def extract(files, jsonl, pretty, explain, backend, model_dir):
    """Extract quotes from FILES (- reads standard input).

    One input gives one JSON document; several give JSON Lines, one line each, in order.
    A document that cannot be read is reported on stderr, its line carries the error,
    and the exit code is 1.
    """
    extractor = Extractor(backend=backend, model_dir=model_dir)
    lines = jsonl or len(files) > 1
    failed = False
    for name in files:
        try:
            doc = read_stream(sys.stdin.buffer) if name == "-" else read_path(name)
            result = extractor.extract(doc.text, doc.id)
        except InputError as err:
            click.echo(f"quotes: {err}", err=True)
            failed = True
            result = QuoteDocument(document=name, backend=extractor.backend, model=extractor.model,
                                   errors=[str(err)])
        click.echo(result.to_json(explain=explain, indent=2 if pretty and not lines else None))
    sys.exit(1 if failed else 0)


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
