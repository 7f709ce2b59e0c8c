"""The archive's tables, their versioned migrations, and what each engine does its own way.

Every statement goes through SQLAlchemy Core on these tables, the same for SQLite and
PostgreSQL, except two things each engine does natively and `Engine` holds: the full-text
index of quote words (SQLite's FTS5; PostgreSQL's tsvector with a GIN index) and the lock
that lets one writer at a time change the archive (PostgreSQL's advisory lock; SQLite's
BEGIN IMMEDIATE).

A new schema version is one more `Migration` at the end of MIGRATIONS; the tables below
are always the latest version's.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from sqlalchemy import (JSON, Boolean, Column, Connection, Float, ForeignKey, Index, Integer, MetaData, String,
                        Table, Text, UniqueConstraint, bindparam, inspect, select, text)
from sqlalchemy.sql.elements import ColumnElement

metadata = MetaData()

info = Table(
    "archive_info", metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False))

documents = Table(
    "documents", metadata,
    Column("id", Text, primary_key=True),
    Column("source", Text),  # where the text came from: a path or an address
    Column("date", String(10)),  # YYYY-MM-DD
    Column("outlet", Text),
    Column("meta", JSON),  # every field of the input record besides id and text
    Column("text", Text, nullable=False),
    Column("backend", String(16), nullable=False),
    Column("model", Text),
    Column("errors", JSON, nullable=False),
    Column("quote_count", Integer, nullable=False),  # what a whole document holds: a check on every read
    Column("added", String(32), nullable=False),
    Index("documents_date", "date"),
    Index("documents_outlet", "outlet"))

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document", Text, ForeignKey("documents.id"), nullable=False),
    Column("quote", Text, nullable=False),  # its id in the document
    Column("type", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("cue", JSON),  # the schema's Cue, or null
    Column("speaker_name", Text),
    Column("speaker_key", Text),  # names.key of the name: the alias it belongs to
    Column("speaker_role", Text),
    Column("role_key", Text),  # the role normalised, for --role
    Column("titles", JSON, nullable=False),
    Column("mention", JSON),  # the schema's Span, or null
    Column("entity", Text),
    Column("confidence", Float, nullable=False),
    Column("explain", JSON),
    UniqueConstraint("document", "quote"),
    Index("quotes_speaker_key", "speaker_key"),
    Index("quotes_document", "document"))

entities = Table(
    "entities", metadata,
    Column("document", Text, ForeignKey("documents.id"), primary_key=True),
    Column("id", Text, primary_key=True),
    Column("name", Text),
    Column("key", Text),
    Column("roles", JSON, nullable=False),
    Column("titles", JSON, nullable=False),
    Column("mentions", JSON, nullable=False))

spellings = Table(
    "spellings", metadata,  # how many quotes write each name each way: what regrouping reads, kept as quotes come and go
    Column("key", Text, primary_key=True),
    Column("name", Text, primary_key=True),
    Column("quotes", Integer, nullable=False))

speakers = Table(
    "speakers", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),  # the head key's spelling most written
    Column("key", Text, nullable=False))  # its head key

aliases = Table(
    "aliases", metadata,
    Column("key", Text, primary_key=True),
    Column("speaker", Integer, ForeignKey("speakers.id"), nullable=False),
    Column("name", Text, nullable=False),  # the spelling most written under this key
    Column("rule", String(16), nullable=False),  # merging.Link.rule
    Column("via", Text),  # the key it was matched with
    Column("pinned", Boolean, nullable=False),  # split off by hand: out of the rules
    Index("aliases_speaker", "speaker"))


class Engine:
    """What one engine does natively: the full-text index, the writers' lock."""

    name: str

    @staticmethod
    def of(dialect: str) -> Engine:
        engines = {"sqlite": SQLite, "postgresql": PostgreSQL}
        if dialect not in engines:
            raise ValueError(f"the archive runs on SQLite or PostgreSQL, not {dialect}")
        return engines[dialect]()

    def create_index(self, conn: Connection) -> None:
        raise NotImplementedError

    def index(self, conn: Connection, rows: list[dict]) -> None:
        """Index each {"id": quote id, "words": Words.index_text of its text}."""
        raise NotImplementedError

    def unindex(self, conn: Connection, quote_ids: list[int]) -> None:
        raise NotImplementedError

    def matching(self, words: Iterable[tuple[str, ...]]) -> ColumnElement:
        """A condition on quotes.c.id: the quote holds one form of each word (Words.query).
        The forms are letters and digits only, so no syntax of the engine's can be in them."""
        raise NotImplementedError

    def lock(self, conn: Connection) -> None:
        """Until the transaction ends, no other writer changes the archive; the first statement
        of every writing transaction."""


class SQLite(Engine):
    name = "sqlite"

    def create_index(self, conn):
        conn.execute(text("CREATE VIRTUAL TABLE quote_words USING fts5(words, tokenize = 'unicode61 remove_diacritics 0')"))

    def index(self, conn, rows):
        if rows:
            conn.execute(text("INSERT INTO quote_words (rowid, words) VALUES (:id, :words)"), rows)

    def unindex(self, conn, quote_ids):
        if quote_ids:
            conn.execute(text("DELETE FROM quote_words WHERE rowid IN :ids").bindparams(bindparam("ids", expanding=True)),
                         {"ids": quote_ids})

    def lock(self, conn):
        """Take the file's write lock at once: two writers that each read first and then both
        wanted to write would deadlock, and SQLite would fail one of them."""
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    def matching(self, words):
        phrase = " AND ".join("(" + " OR ".join(f'"{f}"' for f in forms) + ")" for forms in words)
        return quotes.c.id.in_(text("SELECT rowid FROM quote_words WHERE quote_words MATCH :phrase")
                               .bindparams(phrase=phrase).columns(rowid=Integer))


class PostgreSQL(Engine):
    name = "postgresql"

    def create_index(self, conn):
        conn.execute(text("CREATE TABLE quote_words (quote integer PRIMARY KEY REFERENCES quotes (id), "
                          "words tsvector NOT NULL)"))
        conn.execute(text("CREATE INDEX quote_words_gin ON quote_words USING gin (words)"))

    def index(self, conn, rows):
        if rows:  # the words are already normalised: lexemes as they are, no parser of PostgreSQL's own
            conn.execute(text("INSERT INTO quote_words (quote, words) "
                              "VALUES (:id, array_to_tsvector(string_to_array(:words, ' ')))"), rows)

    def unindex(self, conn, quote_ids):
        if quote_ids:
            conn.execute(text("DELETE FROM quote_words WHERE quote = ANY(:ids)"), {"ids": quote_ids})

    def matching(self, words):
        query = " & ".join("(" + " | ".join(f"'{f}'" for f in forms) + ")" for forms in words)
        return quotes.c.id.in_(text("SELECT quote FROM quote_words WHERE words @@ CAST(:query AS tsquery)")
                               .bindparams(query=query).columns(quote=Integer))

    def lock(self, conn):
        conn.execute(text("SELECT pg_advisory_xact_lock(7201)"))  # one number for the archive's writers


@dataclass(frozen=True)
class Migration:
    version: int
    about: str
    apply: Callable[[Connection, Engine], None]


def _first(conn: Connection, engine: Engine) -> None:
    metadata.create_all(conn, tables=[documents, quotes, entities, spellings, speakers, aliases])
    engine.create_index(conn)


MIGRATIONS = (
    Migration(1, "documents, quotes, entities, spellings, speakers and their aliases; the full-text index", _first),
)
LATEST = MIGRATIONS[-1].version


class SchemaError(Exception):
    """The database is not an archive this version of quotes can read."""


def migrate(conn: Connection, engine: Engine) -> int:
    """Bring the archive to the latest version; the version it was at."""
    tables = set(inspect(conn).get_table_names())
    if "archive_info" not in tables:
        if tables - {"sqlite_sequence"}:
            raise SchemaError(f"it holds tables ({', '.join(sorted(tables)[:3])}, ...) but is no quotes archive")
        info.create(conn)
        version = 0
    else:
        version = int(conn.execute(select(info.c.value).where(info.c.name == "schema_version")).scalar_one())
    if version > LATEST:
        raise SchemaError(f"it is at schema version {version}, made by a newer quotes (this one reads up to "
                          f"{LATEST}): upgrade quotes")
    for migration in MIGRATIONS[version:]:
        migration.apply(conn, engine)
    if version < LATEST:
        row = {"name": "schema_version", "value": str(LATEST)}
        conn.execute(info.delete().where(info.c.name == "schema_version"))
        conn.execute(info.insert(), row)
    return version
