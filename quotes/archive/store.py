"""The archive: documents, their quotes, and one speaker for each person or body across them.

    from quotes.archive import Archive
    with Archive.open("news.db", create=True) as archive:     # or "postgresql://user@host/db"
        archive.add(entries)                                    # Entry: a QuoteDocument, its text, its metadata
        archive.search("السد", speaker="سامح شكري", since="2018-01-01")
        archive.speakers(limit=20)
        archive.show("بومبيو")

Documents go in by batches, one transaction each, so a stopped run leaves whole documents
only; a document added again replaces the one before. After each batch the speakers are
grouped again from all the archive's names (quotes.archive.merging), in the same
transaction.
"""
from __future__ import annotations

import datetime
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from sqlalchemy import Connection, bindparam, create_engine, distinct, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from quotes.archive import tables as t
from quotes.archive.merging import Group, group
from quotes.archive.names import NameRules, key
from quotes.archive.results import Added, Alias, FoundQuote, RoleUse, SpeakerRecord, SpeakerSummary, UnnamedSource
from quotes.archive.words import Words
from quotes.batch import batches
from quotes.lexicon import load_lexicon
from quotes.schema import Quote, QuoteDocument, Speaker
from quotes.text import normalize

BATCH = 200
RECENT = 10
ROLES_IN_SUMMARY = 3


class ArchiveError(Exception):
    """An archive that cannot be opened or a request it cannot answer; the message says why."""


@dataclass(frozen=True)
class Entry:
    """One document to store: the extraction, the text its offsets index, its metadata
    (`date` YYYY-MM-DD, `outlet`, `source`, and whatever else the input record held)."""

    document: QuoteDocument
    text: str
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        """An ArchiveError for metadata the archive cannot file: a date that is none, an
        outlet or source that is not a string."""
        for name in ("date", "outlet", "source"):
            value = self.meta.get(name)
            if value is not None and not isinstance(value, str):
                raise ArchiveError(f"its {name} {json.dumps(value)} is not a string")
        if self.meta.get("date"):
            _date(self.meta["date"])

    @property
    def id(self) -> str:
        return self.document.document


def location_url(location: str) -> str:
    """The SQLAlchemy URL of an archive: a file path is SQLite; postgresql:// goes through psycopg."""
    if "://" not in location:
        return f"sqlite:///{Path(location).resolve()}"
    for scheme in ("postgresql://", "postgres://"):
        if location.startswith(scheme):
            return "postgresql+psycopg://" + location[len(scheme):]
    return location


class Archive:
    def __init__(self, engine, label: str):
        lexicon = load_lexicon()
        self.db = engine
        self.label = label
        self.engine = t.Engine.of(engine.dialect.name)
        self.rules = NameRules.of(lexicon)
        self.words = Words.of(lexicon)

    @classmethod
    def open(cls, location: str, create: bool = False) -> Archive:
        """Open the archive at a file path or database URL, made (`create`) or brought to the
        latest schema version as needed."""
        url = location_url(location)
        label = _label(location)
        if url.startswith("sqlite:///") and not create and not Path(url[len("sqlite:///"):]).exists():
            raise ArchiveError(f"no archive at {label}: `quotes db add {location} PRED.jsonl` makes one")
        try:
            engine = create_engine(url)
        except NoSuchModuleError:
            raise ArchiveError(f"{label}: no SQLAlchemy engine for it; the archive is a file (SQLite) "
                               "or postgresql://...") from None
        except (ArgumentError, ValueError) as err:
            raise ArchiveError(f"{label}: not a database address ({err})") from None
        except ImportError:
            raise ArchiveError("a PostgreSQL archive needs its driver: pip install 'quotes[postgresql]'") from None
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        archive = cls(engine, label)
        try:
            with engine.begin() as conn:
                archive.engine.lock(conn)
                t.migrate(conn, archive.engine)
        except t.SchemaError as err:
            engine.dispose()
            raise ArchiveError(f"{label}: {err}") from None
        except DBAPIError as err:
            engine.dispose()
            raise ArchiveError(f"cannot open the archive {label}: {_reason(err)}") from None
        return archive

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- storing ----------------------------------------------------------------------
    def add(self, entries: Iterable[Entry], batch_size: int = BATCH) -> Added:
        """Store the documents, `batch_size` to a transaction; one already there is replaced."""
        added = replaced = 0
        for batch in batches(entries, batch_size):
            batch = list({e.id: e for e in batch}.values())  # an id twice in a batch: the later stands
            with self.db.begin() as conn:
                self.engine.lock(conn)
                replaced += self._remove(conn, [e.id for e in batch])
                self._insert(conn, batch)
                self._regroup(conn)
            added += len(batch)
        return Added(added=added, replaced=replaced)

    def _remove(self, conn: Connection, ids: list[str]) -> int:
        """Delete these documents with their quotes and entities; how many were there."""
        there = conn.execute(select(func.count()).where(t.documents.c.id.in_(ids))).scalar_one()
        if there:
            quote_ids = list(conn.execute(select(t.quotes.c.id).where(t.quotes.c.document.in_(ids))).scalars())
            self.engine.unindex(conn, quote_ids)
            written = conn.execute(select(t.quotes.c.speaker_key, t.quotes.c.speaker_name, func.count())
                                   .where(t.quotes.c.document.in_(ids), t.quotes.c.speaker_key.is_not(None))
                                   .group_by(t.quotes.c.speaker_key, t.quotes.c.speaker_name))
            _count_spellings(conn, {(k, n): -c for k, n, c in written})
            conn.execute(t.quotes.delete().where(t.quotes.c.document.in_(ids)))
            conn.execute(t.entities.delete().where(t.entities.c.document.in_(ids)))
            conn.execute(t.documents.delete().where(t.documents.c.id.in_(ids)))
        return there

    def _insert(self, conn: Connection, batch: list[Entry]) -> None:
        added = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        conn.execute(t.documents.insert(), [_document_row(e, added) for e in batch])
        rows = [_quote_row(e.id, q) for e in batch for q in e.document.quotes]
        _count_spellings(conn, Counter((r["speaker_key"], r["speaker_name"]) for r in rows if r["speaker_key"]))
        if rows:
            conn.execute(t.quotes.insert(), rows)
            ids = {(d, q): i for i, d, q in conn.execute(select(t.quotes.c.id, t.quotes.c.document, t.quotes.c.quote)
                                                         .where(t.quotes.c.document.in_([e.id for e in batch])))}
            self.engine.index(conn, [{"id": ids[r["document"], r["quote"]], "words": self.words.index_text(r["text"])}
                                     for r in rows])
        entity_rows = [_entity_row(e.id, x) for e in batch for x in e.document.entities]
        if entity_rows:
            conn.execute(t.entities.insert(), entity_rows)

    # --- speakers -----------------------------------------------------------------------
    def _regroup(self, conn: Connection) -> None:
        """Group all the archive's names into speakers again and write what changed: a
        speaker keeps its id while any of its names keeps it."""
        spellings = _spellings(conn)
        counts = {k: sum(n for _, n in names) for k, names in spellings.items()}
        current = {r.key: r for r in conn.execute(select(t.aliases))}
        pinned = {k: r.speaker for k, r in current.items() if r.pinned and r.rule == "split" and k in counts}
        joined = {k: r.via for k, r in current.items() if r.pinned and r.rule == "joined" and k in counts}
        groups = group(counts, self.rules, pinned, joined)
        ids = _speaker_ids(groups, {k: r.speaker for k, r in current.items()}, pinned,
                           conn.execute(select(func.max(t.speakers.c.id))).scalar() or 0)
        want_speakers = {ids[g.head]: {"id": ids[g.head], "name": _spelling(spellings[g.head]), "key": g.head}
                         for g in groups}
        want_aliases = {k: {"key": k, "speaker": ids[g.head], "name": _spelling(spellings[k]), "rule": link.rule,
                            "via": link.via, "pinned": k in pinned or k in joined}
                        for g in groups for k, link in g.links.items()}
        have_speakers = {r.id: r._asdict() for r in conn.execute(select(t.speakers))}
        _sync(conn, t.speakers, t.speakers.c.id, have_speakers, want_speakers, delete=False)
        _sync(conn, t.aliases, t.aliases.c.key, {k: r._asdict() for k, r in current.items()}, want_aliases)
        gone = set(have_speakers) - set(want_speakers)
        if gone:
            conn.execute(t.speakers.delete().where(t.speakers.c.id.in_(sorted(gone))))

    def split(self, name: str, undo: bool = False) -> int:
        """Set the name apart as a speaker of its own, out of every merging rule (`undo`: a name
        split or joined by hand back under the rules); the id of the speaker it is under now."""
        with self.db.begin() as conn:
            self.engine.lock(conn)
            alias = self._alias(conn, name)
            if undo:
                if not alias.pinned:
                    raise ArchiveError(f"{name!r} is under the merging rules already")
                values = {"pinned": False}
            else:
                if alias.pinned and alias.rule == "split":
                    raise ArchiveError(f"{name!r} is already split off")
                if conn.execute(select(func.count()).where(t.aliases.c.speaker == alias.speaker)).scalar_one() == 1:
                    raise ArchiveError(f"{name!r} is the only name of speaker {alias.speaker}: nothing to split")
                new = (conn.execute(select(func.max(t.speakers.c.id))).scalar() or 0) + 1
                conn.execute(t.speakers.insert(), {"id": new, "name": alias.name, "key": alias.key})
                values = {"pinned": True, "rule": "split", "via": None, "speaker": new}
            return self._decided(conn, alias.key, values)

    def join(self, name: str, into: str) -> int:
        """Make the name one speaker with the speaker INTO names (a merge the rules missed),
        out of every merging rule; the id of that speaker. `split(name, undo=True)` undoes it."""
        with self.db.begin() as conn:
            self.engine.lock(conn)
            alias = self._alias(conn, name)
            ids = self._speakers_named(conn, into)
            if len(ids) != 1:
                raise ArchiveError(f"{into!r} names {len(ids) or 'no'} speaker{'s' if len(ids) != 1 else ''}; "
                                   "give one speaker's name or id")
            if ids[0] == alias.speaker:
                raise ArchiveError(f"{name!r} is already a name of speaker {ids[0]}")
            head = conn.execute(select(t.speakers.c.key).where(t.speakers.c.id == ids[0])).scalar_one()
            return self._decided(conn, alias.key, {"pinned": True, "rule": "joined", "via": head})

    def _alias(self, conn: Connection, name: str):
        k = key(name)
        alias = conn.execute(select(t.aliases).where(t.aliases.c.key == k)).one_or_none() if k else None
        if alias is None:
            raise ArchiveError(f"no speaker is written {name!r} in {self.label}; "
                               "`quotes db show ARCHIVE SPEAKER` lists a speaker's names")
        return alias

    def _decided(self, conn: Connection, k: str, values: dict) -> int:
        """Record a decision by hand on a name, regroup, and say which speaker it is under."""
        conn.execute(t.aliases.update().where(t.aliases.c.key == k).values(**values))
        self._regroup(conn)
        return conn.execute(select(t.aliases.c.speaker).where(t.aliases.c.key == k)).scalar_one()

    # --- reading ------------------------------------------------------------------------
    def search(self, words: str | None = None, speaker: str | None = None, role: str | None = None,
               type: str | None = None, since: str | None = None, until: str | None = None,
               outlet: str | None = None, limit: int | None = None) -> list[FoundQuote]:
        """Quotes that hold all the words (Arabic-aware: Words), by the speaker (any speaker
        one of whose names is or contains NAME; an ArchiveError if none), in a role, of a type,
        from dated documents in [since, until], from an outlet; the newest first."""
        with self.db.connect() as conn:
            query = _found()
            if words is not None:
                looked_up = self.words.query(words)
                if not looked_up:
                    raise ArchiveError(f"no word to search for in {words!r}")
                query = query.where(self.engine.matching(looked_up))
            if speaker is not None:
                ids = self._speakers_named(conn, speaker)
                if not ids:
                    raise ArchiveError(f"no speaker named {speaker!r} in {self.label}; "
                                       "`quotes db speakers` lists them")
                query = query.where(t.aliases.c.speaker.in_(ids))
            if role is not None:
                query = query.where(t.quotes.c.role_key.contains(_role_key(role), autoescape=True))
            if type is not None:
                query = query.where(t.quotes.c.type == type)
            if since is not None:
                query = query.where(t.documents.c.date >= _date(since))
            if until is not None:
                query = query.where(t.documents.c.date <= _date(until))
            if outlet is not None:
                query = query.where(func.lower(t.documents.c.outlet) == outlet.lower())
            query = query.order_by(t.documents.c.date.desc().nulls_last(), t.documents.c.id, t.quotes.c.start)
            return [_found_quote(r) for r in conn.execute(query.limit(limit))]

    def speakers(self, limit: int | None = None) -> list[SpeakerSummary]:
        """The most quoted speakers first, with their counts, main roles and first and last dates."""
        with self.db.connect() as conn:
            rows = list(conn.execute(_summaries().limit(limit)))
            roles = _roles(conn, [r.id for r in rows])
            return [_summary(r, roles.get(r.id, [])[:ROLES_IN_SUMMARY]) for r in rows]

    def unnamed(self, limit: int | None = None) -> list[UnnamedSource]:
        """Unnamed sources by their description (مصدر أمني، شهود عيان), the most quoted first."""
        with self.db.connect() as conn:
            count = func.count(t.quotes.c.id)
            query = (select(func.min(t.quotes.c.speaker_role).label("description"), count.label("quotes"),
                            func.count(distinct(t.quotes.c.document)).label("documents"),
                            func.min(t.documents.c.date).label("first"), func.max(t.documents.c.date).label("last"))
                     .select_from(t.quotes.join(t.documents))
                     .where(t.quotes.c.speaker_key.is_(None), t.quotes.c.role_key.is_not(None))
                     .group_by(t.quotes.c.role_key).order_by(count.desc(), t.quotes.c.role_key).limit(limit))
            return [UnnamedSource(**r._asdict()) for r in conn.execute(query)]

    def show(self, name: str, recent: int = RECENT) -> SpeakerRecord:
        """One speaker: every role over time, titles, names and why each is theirs, recent quotes.
        NAME may be a speaker's id."""
        with self.db.connect() as conn:
            ids = self._speakers_named(conn, name)
            if not ids:
                raise ArchiveError(f"no speaker named {name!r} in {self.label}; `quotes db speakers` lists them")
            if len(ids) > 1:
                names = conn.execute(select(t.speakers.c.id, t.speakers.c.name).where(t.speakers.c.id.in_(ids))
                                     .order_by(t.speakers.c.id))
                raise ArchiveError(f"{name!r} names {len(ids)} speakers: "
                                   + "; ".join(f"{i} {n}" for i, n in names) + ". Give the id.")
            row = conn.execute(_summaries().where(t.speakers.c.id == ids[0])).one()
            roles = _roles(conn, [row.id]).get(row.id, [])
            titles = conn.execute(select(t.quotes.c.titles).join(t.aliases, t.quotes.c.speaker_key == t.aliases.c.key)
                                  .where(t.aliases.c.speaker == row.id)).scalars().all()
            aliases = conn.execute(
                select(t.aliases, func.count(t.quotes.c.id).label("quotes"))
                .join(t.quotes, t.quotes.c.speaker_key == t.aliases.c.key).where(t.aliases.c.speaker == row.id)
                .group_by(*t.aliases.c).order_by(func.count(t.quotes.c.id).desc(), t.aliases.c.key)).all()
            quotes = [_found_quote(r) for r in conn.execute(
                _found().where(t.aliases.c.speaker == row.id)
                .order_by(t.documents.c.date.desc().nulls_last(), t.documents.c.id, t.quotes.c.start).limit(recent))]
        summary = _summary(row, roles)
        return SpeakerRecord(**summary.model_dump(), titles=sorted({x for ts in titles for x in ts}),
                             aliases=[Alias(name=a.name, key=a.key, rule=a.rule, via=a.via, quotes=a.quotes)
                                      for a in aliases],
                             recent=quotes)

    def _speakers_named(self, conn: Connection, name: str) -> list[int]:
        """The speakers NAME means: an id; the one with NAME as one of its names; else every
        speaker one of whose names holds all of NAME's words."""
        if name.strip().lstrip("#").isdigit():
            wanted = int(name.strip().lstrip("#"))
            return [i for i in conn.execute(select(t.speakers.c.id).where(t.speakers.c.id == wanted)).scalars()]
        k = key(name)
        if not k:
            return []
        exact = conn.execute(select(t.aliases.c.speaker).where(t.aliases.c.key == k)).scalars().all()
        if exact:
            return list(exact)
        padded = " " + t.aliases.c.key + " "
        query = select(t.aliases.c.speaker).distinct()
        for word in k.split():
            query = query.where(padded.contains(f" {word} ", autoescape=True))
        return sorted(conn.execute(query).scalars())

    def counts(self) -> dict[str, int]:
        """Documents, quotes, speakers and names in the archive."""
        with self.db.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                    for name, table in (("documents", t.documents), ("quotes", t.quotes),
                                        ("speakers", t.speakers), ("names", t.aliases))}


def _label(location: str) -> str:
    """The location as it may be printed: a URL without its password."""
    if "://" not in location:
        return location
    try:
        return make_url(location).render_as_string(hide_password=True)
    except ArgumentError:
        return location


def _reason(err: DBAPIError) -> str:
    return str(err.orig).strip().splitlines()[0] if err.orig else str(err)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 30000")  # another writer holds the file: wait for it
    cursor.close()


def _date(value: str) -> str:
    """YYYY-MM-DD (a time after it is dropped), or an ArchiveError that says what is wrong."""
    try:
        return datetime.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise ArchiveError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _role_key(role: str) -> str:
    return " ".join(normalize(role).replace("ة", "ه").split())


def _document_row(e: Entry, added: str) -> dict:
    meta = {k: v for k, v in e.meta.items() if k not in ("date", "outlet", "source")}
    date = e.meta.get("date")
    return {"id": e.id, "source": e.meta.get("source"), "date": _date(date) if date else None,
            "outlet": e.meta.get("outlet"), "meta": meta or None, "text": e.text, "backend": e.document.backend,
            "model": e.document.model, "errors": list(e.document.errors), "quote_count": len(e.document.quotes),
            "added": added}


def _quote_row(document: str, q: Quote) -> dict:
    s = q.speaker
    return {"document": document, "quote": q.id, "type": q.type, "text": q.text, "start": q.start, "end": q.end,
            "cue": q.cue.model_dump() if q.cue else None, "speaker_name": s.name, "speaker_key": key(s.name),
            "speaker_role": s.role, "role_key": _role_key(s.role) if s.role else None, "titles": list(s.titles),
            "mention": s.mention.model_dump() if s.mention else None, "entity": s.entity,
            "confidence": q.confidence, "explain": q.explain}


def _entity_row(document: str, x) -> dict:
    return {"document": document, "id": x.id, "name": x.name, "key": key(x.name), "roles": list(x.roles),
            "titles": list(x.titles), "mentions": [m.model_dump() for m in x.mentions]}


def _spellings(conn: Connection) -> dict[str, list[tuple[str, int]]]:
    """Each key's spellings with how many quotes write each."""
    out: dict[str, list[tuple[str, int]]] = {}
    for k, name, n in conn.execute(select(t.spellings.c.key, t.spellings.c.name, t.spellings.c.quotes)):
        out.setdefault(k, []).append((name, n))
    return out


def _count_spellings(conn: Connection, change: dict[tuple[str, str], int]) -> None:
    """Add `change` (by key and spelling) to the spellings' counts; a count at 0 goes."""
    change = {kn: n for kn, n in change.items() if n}
    if not change:
        return
    keys = sorted({k for k, _ in change})
    have = {(k, n): c for k, n, c in conn.execute(select(t.spellings).where(t.spellings.c.key.in_(keys)))}
    new = [{"key": k, "name": n, "quotes": c} for (k, n), c in change.items() if (k, n) not in have]
    kept = [{"k": k, "n": n, "q": have[(k, n)] + c} for (k, n), c in change.items() if (k, n) in have]
    this = (t.spellings.c.key == bindparam("k")) & (t.spellings.c.name == bindparam("n"))
    if new:
        conn.execute(t.spellings.insert(), new)
    if changed := [row for row in kept if row["q"] > 0]:
        conn.execute(t.spellings.update().where(this).values(quotes=bindparam("q")), changed)
    if gone := [row for row in kept if row["q"] <= 0]:
        conn.execute(t.spellings.delete().where(this), gone)


def _spelling(names: list[tuple[str, int]]) -> str:
    """The spelling most written; of as many, the one with fewest diacritics, then the first."""
    return min(names, key=lambda nn: (-nn[1], len(nn[0]) - len(normalize(nn[0])), nn[0]))[0]


def _speaker_ids(groups: list[Group], current: dict[str, int], pinned: dict[str, int], top: int) -> dict[str, int]:
    """An id for each group's head: a split-off name keeps its own; else the oldest id one of
    its names had, if no group took it first; else a new one."""
    ids: dict[str, int] = {}
    taken = set(pinned.values())
    for g in groups:
        if set(g.links) & set(pinned):
            ids[g.head] = pinned[next(k for k in g.links if k in pinned)]
    free = [g for g in groups if g.head not in ids]
    free.sort(key=lambda g: min((current[k] for k in g.links if k in current), default=top + 1))
    for g in free:
        old = sorted(current[k] for k in g.links if k in current and current[k] not in taken)
        if old:
            ids[g.head] = old[0]
        else:
            top += 1
            ids[g.head] = top
        taken.add(ids[g.head])
    return ids


def _sync(conn: Connection, table, column, have: dict, want: dict, delete: bool = True) -> None:
    """Make the table's rows `want` (by `column`): insert, update, and (`delete`) remove."""
    new = [row for k, row in want.items() if k not in have]
    changed = [row for k, row in want.items() if k in have and have[k] != row]
    if delete and (gone := [k for k in have if k not in want]):
        conn.execute(table.delete().where(column.in_(gone)))
    if new:
        conn.execute(table.insert(), new)
    for row in changed:
        conn.execute(table.update().where(column == row[column.name]).values(**row))


def _found():
    """Quotes with their document's date and outlet and their archive speaker."""
    return (select(t.quotes, t.documents.c.date, t.documents.c.outlet,
                   t.speakers.c.id.label("speaker_id"), t.speakers.c.name.label("speaker_label"))
            .select_from(t.quotes.join(t.documents, t.quotes.c.document == t.documents.c.id)
                         .outerjoin(t.aliases, t.quotes.c.speaker_key == t.aliases.c.key)
                         .outerjoin(t.speakers, t.aliases.c.speaker == t.speakers.c.id)))


def _found_quote(r) -> FoundQuote:
    quote = Quote(id=r.quote, type=r.type, text=r.text, start=r.start, end=r.end, cue=r.cue,
                  speaker=Speaker(name=r.speaker_name, role=r.speaker_role, titles=r.titles, mention=r.mention,
                                  entity=r.entity),
                  confidence=r.confidence, explain=r.explain)
    return FoundQuote(document=r.document, date=r.date, outlet=r.outlet, speaker_id=r.speaker_id,
                      speaker=r.speaker_label, quote=quote)


def _summaries():
    count = func.count(t.quotes.c.id)
    return (select(t.speakers.c.id, t.speakers.c.name, count.label("quotes"),
                   func.count(distinct(t.quotes.c.document)).label("documents"),
                   func.min(t.documents.c.date).label("first"), func.max(t.documents.c.date).label("last"))
            .select_from(t.speakers.join(t.aliases, t.aliases.c.speaker == t.speakers.c.id)
                         .join(t.quotes, t.quotes.c.speaker_key == t.aliases.c.key)
                         .join(t.documents, t.quotes.c.document == t.documents.c.id))
            .group_by(t.speakers.c.id, t.speakers.c.name).order_by(count.desc(), t.speakers.c.id))


def _summary(r, roles: list[RoleUse]) -> SpeakerSummary:
    return SpeakerSummary(id=r.id, name=r.name, quotes=r.quotes, documents=r.documents, roles=roles,
                          first=r.first, last=r.last)


def _roles(conn: Connection, speaker_ids: list[int]) -> dict[int, list[RoleUse]]:
    """Each speaker's roles, the most quoted first, with first and last dates."""
    if not speaker_ids:
        return {}
    count = func.count(t.quotes.c.id)
    rows = conn.execute(
        select(t.aliases.c.speaker, func.min(t.quotes.c.speaker_role).label("role"), count.label("quotes"),
               func.min(t.documents.c.date).label("first"), func.max(t.documents.c.date).label("last"))
        .select_from(t.quotes.join(t.aliases, t.quotes.c.speaker_key == t.aliases.c.key).join(t.documents))
        .where(t.aliases.c.speaker.in_(speaker_ids), t.quotes.c.role_key.is_not(None))
        .group_by(t.aliases.c.speaker, t.quotes.c.role_key).order_by(count.desc(), t.quotes.c.role_key))
    out: dict[int, list[RoleUse]] = {}
    for r in rows:
        out.setdefault(r.speaker, []).append(RoleUse(role=r.role, quotes=r.quotes, first=r.first, last=r.last))
    return out
