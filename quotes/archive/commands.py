"""`quotes db`: the archive on the command line; each command one call of quotes.archive.Archive."""
from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager

import click
from pydantic import BaseModel

from quotes.archive.loading import Refusal, predictions
from quotes.archive.results import FoundQuote, SpeakerRecord, SpeakerSummary, UnnamedSource
from quotes.archive.store import Archive, ArchiveError

FORMATS = ("table", "json", "jsonl", "csv")
TYPES = ("direct", "indirect", "mixed", "headline")
QUOTE_WIDTH = 160  # characters of a quote a table shows
_RELATION = {"spelling": "a spelling of", "shorter": "a shorter form of", "fuller": "a fuller form of",
             "joined": "joined by hand to"}


@click.group()
def db():
    """The quote archive: store extraction output, merge speakers across documents, search.

    ARCHIVE is a file (SQLite, made on first `add`) or postgresql://USER@HOST/DB
    (extra `postgresql`)."""


def _output_option(command):
    return click.option("--format", "output_format", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table: for reading; json: one JSON value; jsonl: one object a line; csv: one row each.")(
        command)


@contextmanager
def reported():
    """An ArchiveError is the command's one-line error."""
    try:
        yield
    except ArchiveError as err:
        raise click.ClickException(str(err)) from None


def opened_archive(location: str, create: bool = False) -> Archive:
    with reported():
        return Archive.open(location, create=create)


@db.command()
@click.argument("archive")
@click.argument("predictions_files", metavar="PRED.jsonl...", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False))
@click.option("--inputs", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help='The JSON Lines input of the extraction ({"id", "text", "date", "outlet", "source", ...}): '
                   "texts and metadata by id. Repeatable.")
@click.option("--texts", type=click.Path(exists=True, file_okay=False),
              help="A folder holding each document's text as DIR/ID (default: the id as a path).")
@click.option("--batch-size", type=click.IntRange(1), default=200, show_default=True,
              help="Documents to a transaction.")
def add(archive, predictions_files, inputs, texts, batch_size):
    """Store the output of `quotes extract` (JSON Lines) in ARCHIVE, with each document's text.

    A document already there is replaced. A line that is not a document, or whose text
    cannot be found or does not fit its spans, is named on stderr and skipped (exit code 1);
    the rest go in, one transaction a batch, so a stopped run leaves whole documents only."""
    refused = 0

    def entries():
        nonlocal refused
        for item in predictions(list(predictions_files), texts, list(inputs)):
            if isinstance(item, Refusal):
                refused += 1
                click.echo(f"quotes: {item.where}: {item.why}; skipped", err=True)
            else:
                yield item

    with opened_archive(archive, create=True) as opened:
        try:
            done = opened.add(entries(), batch_size)
        except KeyboardInterrupt:
            click.echo(f"quotes: interrupted; the batches before it are stored, whole (`quotes db info {archive}` "
                       "counts them), the one under way is not", err=True)
            sys.exit(130)
        counts = opened.counts()
        label = opened.label
    click.echo(f"quotes: {done.added} documents stored ({done.replaced} replaced), {refused} lines refused; "
               f"{label} holds {counts['documents']} documents, {counts['quotes']} quotes, "
               f"{counts['speakers']} speakers", err=True)
    sys.exit(1 if refused else 0)


@db.command()
@click.argument("archive")
@click.argument("words", nargs=-1)
@click.option("--speaker", metavar="NAME", help="A speaker's name, any of its spellings, part of it, or an id.")
@click.option("--role", metavar="WORDS", help="Words of the role they were quoted in (وزير الخارجية).")
@click.option("--type", "quote_type", type=click.Choice(TYPES))
@click.option("--since", metavar="DATE", help="Documents dated on or after DATE (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Documents dated on or before DATE.")
@click.option("--outlet", help="Documents of this outlet (as the input metadata names it; any case).")
@click.option("--limit", type=click.IntRange(0), default=50, show_default=True, help="At most this many (0: all).")
@click.option("--explain", is_flag=True, help="Keep each quote's rule ids (JSON and JSONL).")
@_output_option
def search(archive, words, speaker, role, quote_type, since, until, outlet, limit, explain, output_format):
    """Quotes holding all WORDS (letters normalised, clitics off: حكومة finds وللحكومة), newest first."""
    with opened_archive(archive) as opened, reported():
        found = opened.search(" ".join(words) if words else None, speaker, role, quote_type, since, until, outlet,
                              limit or None)
    _write(found, FoundQuote, output_format, _quote_block, explain)


@db.command()
@click.argument("archive")
@click.option("--limit", type=click.IntRange(0), default=20, show_default=True, help="At most this many (0: all).")
@click.option("--unnamed", is_flag=True, help="Unnamed sources instead, by the description they are quoted under.")
@_output_option
def speakers(archive, limit, unnamed, output_format):
    """The most quoted speakers: quotes, documents, roles, first and last date."""
    with opened_archive(archive) as opened:
        rows = opened.unnamed(limit or None) if unnamed else opened.speakers(limit or None)
    if unnamed:
        _write(rows, UnnamedSource, output_format, _unnamed_line)
    else:
        _write(rows, SpeakerSummary, output_format, _speaker_line)


@db.command()
@click.argument("archive")
@click.argument("speaker")
@click.option("--recent", type=click.IntRange(0), default=10, show_default=True, help="Quotes to show.")
@_output_option
def show(archive, speaker, recent, output_format):
    """One SPEAKER (a name, any spelling of it, or an id): roles over time, titles, the names
    merged into it and why, recent quotes."""
    with opened_archive(archive) as opened, reported():
        record = opened.show(speaker, recent)
    _write([record], SpeakerRecord, output_format, _record_block)


@db.command()
@click.argument("archive")
@click.argument("name")
@click.option("--undo", is_flag=True, help="Put a name split off or joined by hand back under the merging rules.")
def split(archive, name, undo):
    """Set NAME (one of a speaker's names, as `show` lists them) apart as a speaker of its own."""
    with opened_archive(archive) as opened, reported():
        speaker = opened.split(name, undo)
    click.echo(f"quotes: {name} is now under speaker {speaker}", err=True)


@db.command()
@click.argument("archive")
@click.argument("name")
@click.argument("into")
def join(archive, name, into):
    """Make NAME (one of a speaker's names) one speaker with INTO (a name or an id): a merge the
    rules missed. `split --undo NAME` undoes it."""
    with opened_archive(archive) as opened, reported():
        speaker = opened.join(name, into)
    click.echo(f"quotes: {name} is now under speaker {speaker}", err=True)


@db.command()
@click.argument("archive")
def info(archive):
    """What the archive holds: documents, quotes, speakers, names."""
    with opened_archive(archive) as opened:
        click.echo(json.dumps(opened.counts()))


# --- output ---------------------------------------------------------------------------
def _write(rows: list[BaseModel], model: type[BaseModel], output_format: str, readable, explain: bool = False) -> None:
    """The rows (of `model`) in the format asked for; CSV has its header with no rows too."""
    def dump(r: BaseModel) -> dict:
        hidden = {"quote": {"explain"}} if isinstance(r, FoundQuote) and not explain else None
        return r.model_dump(mode="json", exclude=hidden)

    if output_format == "json":
        click.echo(json.dumps([dump(r) for r in rows], ensure_ascii=False, indent=2))
    elif output_format == "jsonl":
        for r in rows:
            click.echo(json.dumps(dump(r), ensure_ascii=False))
    elif output_format == "csv":
        out = csv.DictWriter(sys.stdout, _columns(model), lineterminator="\n")
        out.writeheader()
        out.writerows(_flat(r) for r in rows)
    else:
        for r in rows:
            click.echo(readable(r))


QUOTE_COLUMNS = ("document", "date", "outlet", "speaker_id", "speaker", "name", "role", "titles", "type", "text",
                 "start", "end", "cue", "mention")


def _columns(model: type[BaseModel]) -> tuple[str, ...]:
    return QUOTE_COLUMNS if model is FoundQuote else tuple(k for k in model.model_fields if k != "recent")


def _flat(row: BaseModel) -> dict:
    """One CSV row: a found quote's fields side by side; lists joined by ' | '."""
    if isinstance(row, FoundQuote):
        q, s = row.quote, row.quote.speaker
        return {"document": row.document, "date": row.date or "", "outlet": row.outlet or "",
                "speaker_id": row.speaker_id or "", "speaker": row.speaker or "", "name": s.name or "",
                "role": s.role or "", "titles": " | ".join(s.titles), "type": q.type, "text": q.text,
                "start": q.start, "end": q.end, "cue": q.cue.text if q.cue else "",
                "mention": s.mention.text if s.mention else ""}
    out = {}
    for name, value in row.model_dump(mode="json").items():
        if name == "recent":
            continue
        if name == "roles":
            value = " | ".join(f"{r['role']} ({r['quotes']})" for r in value)
        elif name == "aliases":
            value = " | ".join(f"{a['name']} ({a['rule']})" for a in value)
        elif isinstance(value, list):
            value = " | ".join(map(str, value))
        out[name] = "" if value is None else value
    return out


def _dates(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    return first if first == last else f"{first} .. {last}"


def _quote_block(f: FoundQuote) -> str:
    q, s = f.quote, f.quote.speaker
    who = f"{f.speaker} (#{f.speaker_id})" if f.speaker_id else (s.role or "unnamed source")
    if f.speaker_id and s.role:
        who += f", {s.role}"
    text = q.text if len(q.text) <= QUOTE_WIDTH else q.text[:QUOTE_WIDTH] + " ..."
    return f"{f.date or 'undated'}  {f.outlet or '-'}  {f.document}  {q.type}\n  {who}\n  « {text} »\n"


def _speaker_line(s: SpeakerSummary) -> str:
    roles = "; ".join(f"{r.role} ({r.quotes})" for r in s.roles)
    return f"#{s.id:<5} {s.quotes:>5} quotes {s.documents:>4} docs  {_dates(s.first, s.last):24}  {s.name}" + \
        (f"  — {roles}" if roles else "")


def _unnamed_line(u: UnnamedSource) -> str:
    return f"{u.quotes:>5} quotes {u.documents:>4} docs  {_dates(u.first, u.last):24}  {u.description}"


def _record_block(r: SpeakerRecord) -> str:
    lines = [f"#{r.id} {r.name}: {r.quotes} quotes in {r.documents} documents, {_dates(r.first, r.last)}"]
    if r.titles:
        lines.append("titles: " + "، ".join(r.titles))
    lines.append("roles:")
    lines += [f"  {u.role} ({u.quotes}, {_dates(u.first, u.last)})" for u in r.roles] or ["  none written"]
    lines.append("names:")
    lines += [f"  {a.name} ({a.quotes}): " + (a.rule if not a.via else f"{_RELATION[a.rule]} {a.via}")
              for a in r.aliases]
    lines.append("recent quotes:")
    lines += ["  " + _quote_block(f).replace("\n", "\n  ").rstrip() for f in r.recent]
    return "\n".join(lines)
