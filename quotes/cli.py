"""The `quotes` command line: one click group."""
import click


@click.group()
@click.version_option(package_name="quotes")
def main():
    """Arabic quotation attribution: who said what, in what capacity."""


# --- quotes models: find, download, train and time the Stanza models (logic in quotes.nlp) ---
from pathlib import Path  # noqa: E402  (kept in this block so that it merges cleanly)

@main.group()
def models():
    """The Stanza models: status, download (official), train (compact), speed."""


@models.command()
@click.option("--model-dir", type=click.Path(file_okay=False, path_type=Path),
              help="A model directory to check first (else $QUOTES_MODEL_DIR).")
def status(model_dir):
    """What is found where, what is in use, sizes and the card's test scores."""
    from quotes.nlp.status import format_status, model_status

    click.echo(format_status(model_status(model_dir)))


@models.command()
@click.option("--dir", "resources_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Stanza resources directory (default: $STANZA_RESOURCES_DIR or ~/stanza_resources).")
def download(resources_dir):
    """Download the official Stanza Arabic models (needs the network)."""
    from quotes.nlp.download import DownloadError, download_official

    try:
        root = download_official(resources_dir)
    except DownloadError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"official Stanza Arabic models in {root}")


@models.command()
@click.option("--treebank", type=click.Path(dir_okay=False, path_type=Path),
              help="UD treebank (CoNLL-U) for tokenize, mwt, pos, lemma, depparse.")
@click.option("--ner", "ner_file", type=click.Path(dir_okay=False, path_type=Path),
              help="NER data: token<TAB>BIO-tag lines, blank lines between sentences.")
@click.option("--output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Model directory to write: <processor>.pt, MODEL.md, model.json.")
@click.option("--work-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("runs/train"),
              show_default=True, help="Splits, float32 checkpoints and trainer logs.")
@click.option("--processors", default="tokenize,mwt,pos,lemma,depparse,ner", show_default=True)
@click.option("--steps", multiple=True, metavar="PROCESSOR=N",
              help="Training budget for one trainer (steps; epochs for mwt and lemma). Repeatable.")
@click.option("--quick", is_flag=True, help="A tiny slice and tiny budgets: a smoke test, not a model.")
@click.option("--seed", default=1234, show_default=True)
@click.option("--speed-texts", type=click.Path(exists=True, path_type=Path),
              help="A .txt file or a directory of them: measure speed for the card.")
def train(treebank, ner_file, output, work_dir, processors, steps, quick, seed, speed_texts):
    """Train compact Arabic models with Stanza's trainers and write a model card."""
    from quotes.nlp.resolve import processor_list
    from quotes.nlp.train import TrainOptions, train_models

    budgets = {}
    for item in steps:
        name, _, value = item.partition("=")
        if not value.isdigit():
            raise click.BadParameter(f"{item!r}: expected PROCESSOR=N, e.g. pos=1000", param_hint="--steps")
        budgets[name] = int(value)
    try:
        opts = TrainOptions(output=output, work_dir=work_dir, treebank=treebank, ner_file=ner_file,
                            processors=processor_list(processors), budgets=budgets, quick=quick, seed=seed,
                            speed_texts=_text_files(speed_texts) if speed_texts else ())
        train_models(opts, log=click.echo)
    except (FileNotFoundError, ValueError, RuntimeError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"models and card written to {output}")


@models.command()
@click.argument("texts", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--model-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Time this model directory instead of the resolved models.")
@click.option("--json", "as_json", is_flag=True, help="Print the measurements as JSON.")
@click.option("--update-card", is_flag=True, help="Write the measurements into the model directory's card.")
def speed(texts, model_dir, as_json, update_card):
    """Load time, peak memory and words/s per processor over TEXTS (files or directories).

    Run it on a quiet machine: under CPU contention Stanza is many times slower."""
    import json

    from quotes.nlp import card
    from quotes.nlp.resolve import resolve_model
    from quotes.nlp.speed import measure_speed

    source = resolve_model(model_dir)
    report = measure_speed(source, [f for t in texts for f in _text_files(t)])
    if update_card:
        if source.kind == "official":
            raise click.ClickException("the official models have no card to update")
        card.write(source.path, {**card.load(source.path), "speed": report})
    if as_json:
        click.echo(json.dumps(report))
        return
    click.echo(f"{report['model']}: {report['words']} words in {report['texts']} texts, "
               f"load {report['load_seconds']:.2f} s (+ imports {report['import_seconds']:.2f} s), "
               f"peak RSS {report['peak_rss_mb']} MB, load average before {report['load_average_before']}")
    for name, seconds in report["seconds"].items():
        rate = f"{report['words'] / seconds:8,.0f}" if seconds else "       -"
        click.echo(f"  {name:<9} {seconds:6.2f} s  {rate} words/s")
    click.echo(f"  {'all':<9} {sum(report['seconds'].values()):6.2f} s  {report['words_per_second']:8,} words/s")


def _text_files(path: Path) -> list[Path]:
    return sorted(path.glob("*.txt")) if path.is_dir() else [path]
