"""The `quotes` command line: one click group."""
from __future__ import annotations

import json
import signal
import sys
from pathlib import Path

import click
import regex

from quotes.archive.commands import db, opened_archive
from quotes.archive.writer import ArchiveWriter, Remembered
from quotes.batch import run
from quotes.evaluate import documents_without_prediction, load_many, score, text_loader
from quotes.extractor import MAX_CHARS
from quotes.inputs import InputError, documents, expand, read_path
from quotes.nlp.sources import ModelLoadError, ModelNotFoundError
from quotes.output import writer_for
from quotes.progress import Progress
from quotes.render import checked, write_pages
from quotes.schema import QuoteDocument

ARABIC_LETTER = regex.compile(r"\p{Script=Arabic}")


@click.group()
@click.version_option(package_name="quotes")
def main():
    """Arabic quotation attribution: who said what, in what capacity."""


def _extractor_options(command):
    """The options that choose the extractor: backend, Stanza models, speaker model."""
    for option in reversed((
            click.option("--backend", type=click.Choice(["stanza", "rules"]), default="stanza", show_default=True,
                         help="Who decides the speaker: the Stanza parse (rules as fallback) or the rules alone."),
            click.option("--model-dir", type=click.Path(file_okay=False), envvar="QUOTES_MODEL_DIR",
                         help="A Stanza model directory (default: official Arabic models if present, "
                              "else the shipped ones)."),
            click.option("--speaker-model", envvar="QUOTES_SPEAKER_MODEL", metavar="PATH|none",
                         help="Speaker model (JSON from `quotes resolver train`); none: the resolver's own "
                              "choice. Default: the one shipped for the backend."))):
        command = option(command)
    return command


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--input-format", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
              help='text: each file (or -) is one document, folders give their *.txt; '
                   'jsonl: one {"id": ..., "text": ...} a line.')
@click.option("--encoding", metavar="NAME",
              help="Encoding of the text files (default: UTF-8, or UTF-16/32 by byte-order mark), e.g. cp1256.")
@click.option("--format", "output_format", type=click.Choice(["json", "jsonl", "csv"]),
              help="Output format (default: json for one text document, jsonl otherwise).")
@click.option("--jsonl", is_flag=True, help="Same as --format jsonl.")
@click.option("--bom", is_flag=True, help="Start the CSV with a UTF-8 byte-order mark (for spreadsheet programs).")
@click.option("--pretty", is_flag=True, help="Indent the JSON (with several inputs: a JSON list of documents).")
@click.option("--explain", is_flag=True, help="Add the ids of the rules behind each quote.")
@_extractor_options
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes, each with its own pipeline.")
@click.option("--batch-size", type=click.IntRange(1), default=16, show_default=True,
              help="Documents per batch handed to a worker and to the pipeline.")
@click.option("--quiet", is_flag=True, help="No progress line on stderr.")
@click.option("--max-chars", type=click.IntRange(1), default=MAX_CHARS, show_default=True,
              help="A longer document is not extracted: its output carries the error.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on this Dask distributed scheduler (extra `dask`); files must be readable by its workers.")
@click.option("--db", "archive", metavar="ARCHIVE",
              help="Store the documents in this quote archive (see `quotes db`); then nothing goes to stdout "
                   "unless --format or --jsonl asks for it.")
def extract(sources, input_format, encoding, output_format, jsonl, bom, pretty, explain, backend, model_dir,
            speaker_model, workers, batch_size, quiet, max_chars, scheduler, archive):
    """Extract quotes from SOURCES: files, folders, or - for standard input.

    Output goes to stdout, one document per input in input order. A document that cannot
    be read is named on stderr, its output carries the error, the rest still run, and
    the exit code is 1; Ctrl-C stops after a whole line (exit code 130).
    """
    paths = expand(sources) if input_format == "text" else list(sources)
    single = input_format == "text" and len(paths) == 1
    if jsonl and output_format not in (None, "jsonl"):
        raise click.UsageError(f"--jsonl and --format {output_format} ask for two formats")
    to_stdout = not archive or output_format is not None or jsonl
    output_format = output_format or ("jsonl" if jsonl or (not single and not pretty) else "json")
    _check_options(click.get_current_context(), output_format)
    if bom:
        sys.stdout.write("\ufeff")
    writer = writer_for(output_format, single, sys.stdout, explain=explain, pretty=pretty) if to_stdout else None
    progress = Progress(len(paths) if input_format == "text" else None, enabled=not quiet)
    if scheduler:
        results = _on_cluster(scheduler, paths, input_format, backend, model_dir, batch_size, speaker_model,
                              max_chars, encoding)
    else:
        docs = _noting_non_arabic(documents(paths, input_format, encoding))
        if archive:
            docs = Remembered(docs)
            writer = ArchiveWriter(opened_archive(archive, create=True), docs, writer)
        results = run(docs, backend, model_dir, workers, batch_size, speaker_model, max_chars)
    code = _write_all(results, writer, progress)
    sys.exit(1 if code == 0 and archive and writer.refused else code)


def _check_options(ctx: click.Context, output_format: str) -> None:
    """Options that do not apply to this run are refused, not ignored."""
    o = ctx.params
    _check_backend(ctx)
    if o["scheduler"] and o["workers"] > 1:
        raise click.UsageError("--workers is for this machine; on a Dask cluster its workers run the batches")
    if o["scheduler"] and o["archive"]:
        raise click.UsageError("--db stores what this machine reads; with --scheduler, write JSON Lines and "
                               "`quotes db add` them")
    if o["pretty"] and output_format != "json":
        raise click.UsageError(f"--pretty indents JSON; {output_format} has no indented form (use --format json)")
    if o["bom"] and output_format != "csv":
        raise click.UsageError("--bom is for --format csv")
    if o["encoding"] and o["input_format"] == "jsonl":
        raise click.UsageError("--encoding is for text files; JSON Lines are UTF-8")
    if o["encoding"]:
        _check_encoding(o["encoding"])


def _check_backend(ctx: click.Context) -> None:
    if ctx.params["backend"] == "rules" and ctx.params["model_dir"] and _given(ctx, "model_dir"):
        raise click.UsageError("--model-dir is for the stanza backend; the rules backend reads no model")


def _given(ctx: click.Context, name: str) -> bool:
    """True when the option was typed on the command line (not from its environment variable)."""
    return ctx.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE


def _noting_non_arabic(docs):
    """The documents, with a note on stderr for each that has no Arabic letter in it."""
    for doc in docs:
        if doc.text is not None and not ARABIC_LETTER.search(doc.text):
            click.echo(f"quotes: note: {doc.id} has no Arabic letters; quotes finds quotes in Arabic text only",
                       err=True)
        yield doc


def _check_encoding(name: str) -> None:
    import codecs

    try:
        codecs.lookup(name)
    except LookupError:
        raise click.BadParameter(f"unknown encoding {name!r}", param_hint="--encoding") from None


def _on_cluster(scheduler, paths, input_format, backend, model_dir, batch_size, speaker_model, max_chars, encoding):
    try:
        from dask.distributed import Client

        from quotes.dask import extract_sources
    except ImportError:
        raise click.ClickException("--scheduler needs Dask: pip install 'quotes[dask]'") from None
    try:
        client = Client(scheduler, timeout="10s")
    except OSError as error:
        raise click.ClickException(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    with client:
        yield from extract_sources(client, paths, input_format, backend, model_dir, batch_size, speaker_model,
                                   max_chars, encoding)


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
    except (ModelNotFoundError, ModelLoadError) as error:
        progress.close()
        raise click.ClickException(str(error)) from None
    except KeyboardInterrupt:
        writer.close()
        progress.close()
        click.echo(f"quotes: interrupted after {progress.done} documents; every line written is whole", err=True)
        return 130
    finally:
        signal.signal(signal.SIGINT, previous)
    writer.close()
    progress.close()
    return 1 if failed else 0


@main.command()
@click.argument("sources", nargs=-1)
@click.option("--html", "out", required=True, type=click.Path(path_type=Path),
              help="The page to write (one document), or a folder of pages and index.html (several).")
@click.option("--from", "predictions", type=click.Path(exists=True, dir_okay=False),
              help="Render this output of `quotes extract` (JSON or JSON Lines) instead of extracting.")
@click.option("--texts", type=click.Path(exists=True, file_okay=False),
              help="With --from: the folder of the documents' texts (default: the predictions' folder).")
@click.option("--explain", is_flag=True, help="Show the rule ids behind each quote.")
@_extractor_options
def render(sources, out, predictions, texts, explain, backend, model_dir, speaker_model):
    """Write a right-to-left HTML page of each document's quotes.

    FILE... are extracted now (files or folders of .txt); --from renders output made
    earlier, with its texts. Self-contained pages: open them offline in any browser.
    """
    ctx = click.get_current_context()
    if bool(sources) == bool(predictions):
        raise click.UsageError("give the documents to render: FILE... or --from PRED.jsonl, not both")
    if texts and not predictions:
        raise click.UsageError("--texts is for --from: the texts of output made earlier")
    _check_backend(ctx)
    if predictions:
        pairs = _earlier(predictions, texts)
    else:
        pairs = _extracted(expand(sources), backend, model_dir, speaker_model)
    failed = False
    for doc, _ in pairs:
        for error in doc.errors:
            click.echo(f"quotes: {error}", err=True)
        failed |= bool(doc.errors)
    written = write_pages(pairs, out, explain)
    click.echo(f"quotes: {len(written)} page(s) in {out}", err=True)
    sys.exit(1 if failed else 0)


def _extracted(paths, backend, model_dir, speaker_model) -> list[tuple[QuoteDocument, str]]:
    docs = list(documents(paths))
    try:
        results = list(run(docs, backend, model_dir, speaker_model=speaker_model))
    except (ModelNotFoundError, ModelLoadError) as error:
        raise click.ClickException(str(error)) from None
    return [(result, doc.text or "") for result, doc in zip(results, docs)]


def _earlier(predictions: str, texts: str | None) -> list[tuple[QuoteDocument, str]]:
    """The documents of an earlier output, each with its text (a document whose text is not
    found is kept, with the error, so that it is named and its page says so)."""
    folder = Path(texts) if texts else Path(predictions).resolve().parent
    try:
        raw = load_many(predictions)
        docs = [QuoteDocument.model_validate(d) for d in raw]
    except ValueError as error:  # not JSON, or not the output of quotes extract (pydantic's error is one)
        raise click.ClickException(f"{predictions}: {str(error).splitlines()[0]}") from None
    pairs = []
    for doc in docs:
        path = next((p for p in (folder / (doc.document or ""), folder / Path(doc.document or "").name)
                     if p.is_file()), None)
        if path is None:
            pairs.append((_without_quotes(doc, f"{doc.document}: no text in {folder}; "
                                               "pass --texts DIR, the folder of the texts"), ""))
            continue
        try:
            text = read_path(path).text
        except InputError as error:
            pairs.append((_without_quotes(doc, str(error)), ""))
            continue
        try:
            pairs.append((checked(doc, text), text))
        except ValueError as error:  # the text changed since it was extracted
            pairs.append((_without_quotes(doc, str(error)), text))
    return pairs


def _without_quotes(doc: QuoteDocument, error: str) -> QuoteDocument:
    """The document without its quotes, and the reason they cannot be drawn."""
    return doc.model_copy(update={"quotes": [], "entities": [], "errors": [error]})


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
    try:
        golds, preds = load_many(gold), load_many(pred)
        report, misses = score(golds, preds, text_loader(gold, texts), min_overlap)
    except (ValueError, FileNotFoundError) as error:
        raise click.ClickException(str(error)) from None
    missing = documents_without_prediction(golds, preds)
    if missing:
        click.echo(f"warning: {len(missing)} of {len(golds)} gold documents have no prediction "
                   f"(scored as missed): {', '.join(missing[:3])}{' ...' if len(missing) > 3 else ''}", err=True)
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


# --- quotes models: find, download, train and time the Stanza models (logic in quotes.nlp) ---
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
              help="A .txt file or a directory of them (recursively): measure speed for the card.")
@click.option("--pretrain", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Stanza pretrain (quotes models vectors) for pos, depparse and ner; shipped as pretrain.pt.")
@click.option("--charlm", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Directory with forward_charlm.pt and backward_charlm.pt (quotes models charlm) for ner.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1),
              help="Trainers run at once (the two cores split between them).")
@click.option("--name", default=None, help="The models' name on the card (default: the card's, else quotes-ar-compact-1).")
def train(treebank, ner_file, output, work_dir, processors, steps, quick, seed, speed_texts, pretrain, charlm, jobs,
          name):
    """Train compact Arabic models with Stanza's trainers and write a model card."""
    from quotes.nlp.sources import processor_list
    from quotes.training.models import TrainOptions, train_models

    budgets = {}
    for item in steps:
        processor, _, value = item.partition("=")
        if not value.isdigit():
            raise click.BadParameter(f"{item!r}: expected PROCESSOR=N, e.g. pos=1000", param_hint="--steps")
        budgets[processor] = int(value)
    try:
        opts = TrainOptions(output=output, work_dir=work_dir, treebank=treebank, ner_file=ner_file,
                            processors=processor_list(processors), budgets=budgets, quick=quick, seed=seed,
                            pretrain=pretrain, charlm=charlm, jobs=jobs, name=name,
                            speed_texts=tuple(Path(p) for p in expand([str(speed_texts)])) if speed_texts else ())
        train_models(opts, log=click.echo)
    except (FileNotFoundError, ValueError, RuntimeError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"models and card written to {output}")


@models.command()
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory to write: pretrain.pt (Stanza's pretrain format) and vectors.json.")
@click.option("--dim", default=100, show_default=True, help="Vector dimension.")
@click.option("--min-count", default=5, show_default=True, help="Ignore words seen fewer times.")
@click.option("--max-vocab", default=100_000, show_default=True, help="Most frequent words kept in the pretrain.")
@click.option("--epochs", default=5, show_default=True)
@click.option("--workers", default=1, show_default=True,
              help="Training threads; only 1 gives exactly the same vectors on every run.")
@click.option("--seed", default=1234, show_default=True)
def vectors(corpus, output, dim, min_count, max_vocab, epochs, workers, seed):
    """Word vectors (gensim FastText, subwords) from CORPUS (UTF-8 text, .gz or plain) for the trainers.

    Needs the `vectors` extra (pip install quotes[vectors])."""
    from quotes.training.vectors import VectorOptions, train_vectors

    try:
        import gensim  # noqa: F401
    except ImportError:
        raise click.ClickException("gensim is not installed: pip install 'quotes[vectors]'") from None
    opts = VectorOptions(dim=dim, min_count=min_count, max_vocab=max_vocab, epochs=epochs, workers=workers,
                         seed=seed)
    info = train_vectors(corpus, output, opts, log=click.echo)
    click.echo(f"{info['vocab']:,} words x {dim} in {output / info['file']} ({info['bytes'] / 1e6:.1f} MB)")


@models.command()
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory to write: forward_charlm.pt, backward_charlm.pt and charlm.json.")
@click.option("--work-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("runs/charlm"),
              show_default=True, help="The prepared text, checkpoints and trainer logs.")
@click.option("--hidden", default=128, show_default=True, help="LSTM units (NER reads them at every character).")
@click.option("--epochs", default=1, show_default=True)
@click.option("--stride", default=1, show_default=True, help="Train on one line in N of the corpus (2: half).")
@click.option("--seed", default=1234, show_default=True)
def charlm(corpus, output, work_dir, hidden, epochs, stride, seed):
    """Character language models (Stanza's, forward and backward) from CORPUS for NER.

    Both directions train at once, one core each; a restarted run resumes from its checkpoints."""
    from quotes.training.charlm import CharlmOptions, train_charlms

    try:
        info = train_charlms(corpus, output, work_dir, CharlmOptions(hidden=hidden, epochs=epochs, stride=stride,
                                                                       seed=seed),
                             log=click.echo)
    except RuntimeError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"charlms written to {output} ({sum(m['bytes'] for m in info['models'].values()) / 1e6:.1f} MB)")


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
    from quotes.nlp.sources import resolve_model
    from quotes.training.speed import measure_speed

    source = resolve_model(model_dir)
    report = measure_speed(source, [Path(p) for p in expand(map(str, texts))])
    if update_card:
        if source.kind == "official":
            raise click.ClickException("the official models have no card to update")
        card.write(source.path, {**card.load(source.path), "speed": report})
    if as_json:
        click.echo(json.dumps(report))
        return
    click.echo(f"{report['model']}: {report['words']} words in {report['texts']} texts, "
               f"load {report['load_seconds']:.2f} s (models; importing torch and Stanza comes before), "
               f"peak RSS {report['peak_rss_mb']} MB, load average before {report['load_average_before']}")
    for name, seconds in report["seconds"].items():
        rate = f"{report['words'] / seconds:8,.0f}" if seconds else "       -"
        click.echo(f"  {name:<9} {seconds:6.2f} s  {rate} words/s")
    click.echo(f"  {'all':<9} {sum(report['seconds'].values()):6.2f} s  {report['words_per_second']:8,} words/s")


# --- quotes resolver: train and cross-validate the speaker model (logic in quotes.choice) ---
@main.group()
def resolver():
    """The speaker model: train it on gold articles, cross-validate it."""


def _fit_options(func):
    """GOLD and TEXTS, and the options of the model's fit, shared by train and cv."""
    for option in reversed([
        click.argument("gold", type=click.Path(exists=True, dir_okay=False)),
        click.argument("texts", type=click.Path(exists=True, file_okay=False)),
        click.option("--backend", type=click.Choice(["stanza", "rules"]), default="stanza", show_default=True,
                     help="The resolver whose attributions the model re-chooses."),
        click.option("--model-dir", type=click.Path(file_okay=False), envvar="QUOTES_MODEL_DIR",
                     help="Stanza model directory (stanza backend)."),
        click.option("--learner", type=click.Choice(["linear", "trees"]),
                     help="A linear ranker or gradient-boosted trees. Default: the one chosen for the backend "
                          "(quotes.choice.training.BACKEND_LEARNER: trees for both)."),
        click.option("--l2", type=float, help="L2 penalty on the weights (linear) or on the leaf values (trees)."),
        click.option("--steps", type=int, help="Gradient steps (linear)."),
        click.option("--rounds", type=int, help="Trees, one a round (trees)."),
        click.option("--depth", type=int, help="Levels of splits of each tree (trees)."),
        click.option("--shrinkage", type=float, help="What each tree's leaves are scaled by (trees)."),
        click.option("--lead", type=float,
                     help="How far another source must outscore the resolver's own to replace it. "
                          "Unless given, the fit options are the learner's chosen ones "
                          "(quotes.choice.training.LEARNER_SETTINGS)."),
    ]):
        func = option(func)
    return func


def _fit_settings(backend: str, settings: dict) -> dict:
    """The fit options, checked before the articles are parsed."""
    from quotes.choice.training import fit_settings

    try:
        return fit_settings(backend, **settings)
    except ValueError as err:
        raise click.UsageError(str(err)) from None


@resolver.command("train")
@_fit_options
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the model (default: the one shipped for the backend, in the package).")
@click.option("--folds", default=5, show_default=True, help="Cross-validate first, for the card (0: no).")
def resolver_train(gold, texts, output, folds, backend, model_dir, **settings):
    """Fit the speaker model on GOLD (JSON Lines) with the articles in TEXTS; write it as JSON
    with its card (SPEAKER-<backend>.md beside it)."""
    from quotes.choice.card import write_card
    from quotes.choice.chooser import shipped_path
    from quotes.choice.training import cross_validate, load_cases, train as fit

    fit_options = _fit_settings(backend, settings)
    cases = load_cases(gold, texts, backend, model_dir)
    scores = {}
    if folds:
        scores["resolver"] = cross_validate(cases, folds, backend, learned=False)[0]
        scores["model"] = cross_validate(cases, folds, backend, **fit_options)[0]
    ranker = fit(cases, **fit_options)
    output = output or shipped_path(backend)
    output.write_text(ranker.to_json() + "\n", encoding="utf-8")
    card = write_card(output, ranker, backend, gold, len(cases), folds, scores)
    click.echo(f"speaker model written to {output} ({ranker.size()}), card {card}")


@resolver.command("cv")
@_fit_options
@click.option("--folds", default=5, show_default=True, help="Folds of whole articles.")
@click.option("--json", "as_json", is_flag=True, help="One JSON line with score.py's keys.")
@click.option("--no-model", is_flag=True, help="The resolver alone, on the same folds.")
@click.option("--predictions", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the out-of-fold predictions (JSON Lines) here.")
def resolver_cv(gold, texts, folds, as_json, no_model, predictions, backend, model_dir, **settings):
    """Train on all folds but one, predict that one, for each fold; score all articles
    predicted out of fold as ../shared/tools/score.py does."""
    from quotes.choice.training import cross_validate, load_cases

    fit_options = _fit_settings(backend, settings)
    cases = load_cases(gold, texts, backend, model_dir)
    report, preds = cross_validate(cases, folds, backend, learned=not no_model, **fit_options)
    if predictions:
        predictions.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
    flat = {k: v for k, v in report.items() if k not in ("by_type", "coverage")}
    click.echo(json.dumps(flat, ensure_ascii=False) if as_json else " ".join(f"{k}={v}" for k, v in flat.items()))


main.add_command(db)
