"""A `quotes db add` killed midway leaves the archive consistent: whole documents, every quote
indexed, every name under a speaker; adding again completes it."""
import json
import os
import signal
import subprocess
import sys
import time

from sqlalchemy import create_engine, func, select, text

from quotes.archive import Archive
from quotes.archive import tables as t
from quotes.archive.store import location_url

COPIES = 300  # of the five documents: 1,500, in batches of 20


def consistent(location: str) -> int:
    """The documents stored, after checking that each is whole and everything is linked."""
    engine = create_engine(location_url(location))
    with engine.connect() as conn:
        per_document = dict(conn.execute(select(t.quotes.c.document, func.count()).group_by(t.quotes.c.document)).all())
        for doc, expected in conn.execute(select(t.documents.c.id, t.documents.c.quote_count)):
            assert per_document.get(doc, 0) == expected, doc
        assert set(per_document) <= set(conn.execute(select(t.documents.c.id)).scalars())
        quotes = conn.execute(select(func.count()).select_from(t.quotes)).scalar_one()
        assert conn.execute(text("SELECT count(*) FROM quote_words")).scalar_one() == quotes
        written = conn.execute(select(t.quotes.c.speaker_key, t.quotes.c.speaker_name, func.count())
                               .where(t.quotes.c.speaker_key.is_not(None))
                               .group_by(t.quotes.c.speaker_key, t.quotes.c.speaker_name)).all()
        assert sorted(map(tuple, written)) == sorted(map(tuple, conn.execute(select(t.spellings)).all()))
        keys = set(conn.execute(select(t.quotes.c.speaker_key).where(t.quotes.c.speaker_key.is_not(None))).scalars())
        assert keys == set(conn.execute(select(t.aliases.c.key)).scalars())
        assert set(conn.execute(select(t.aliases.c.speaker)).scalars()) == set(
            conn.execute(select(t.speakers.c.id)).scalars())
        if engine.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        stored = conn.execute(select(func.count()).select_from(t.documents)).scalar_one()
    engine.dispose()
    return stored


def stored_so_far(location: str) -> int:
    engine = create_engine(location_url(location))
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.documents)).scalar_one()
    except Exception:  # not made yet, or its first transaction under way
        return 0
    finally:
        engine.dispose()


def copies(entries, tmp_path, copies: int, tag: str = "") -> list[str]:
    """`quotes db add` of the documents repeated under new ids, in batches of 20."""
    inputs, preds = tmp_path / f"in{tag}.jsonl", tmp_path / f"pred{tag}.jsonl"
    with open(inputs, "w", encoding="utf-8") as i, open(preds, "w", encoding="utf-8") as p:
        for n in range(copies):
            for e in entries:
                doc_id = f"{e.id}-{tag}{n}"
                i.write(json.dumps({"id": doc_id, "text": e.text, **e.meta}, ensure_ascii=False) + "\n")
                p.write(e.document.model_copy(update={"document": doc_id}).to_json() + "\n")
    return [str(preds), "--inputs", str(inputs), "--batch-size", "20"]


def test_killed_midway_the_archive_is_consistent(location, entries, tmp_path):
    command = [sys.executable, "-m", "quotes", "db", "add", location, *copies(entries, tmp_path, COPIES)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while stored_so_far(location) < 100 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "it finished before it could be killed: make COPIES larger"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored = consistent(location)
    assert 100 <= stored < COPIES * len(entries) and stored % 20 == 0  # whole batches only
    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"({stored} replaced)" in again.stderr
    assert consistent(location) == COPIES * len(entries)


def test_two_writers_at_once(location, entries, tmp_path):
    """Two `quotes db add` at the same time: each waits for the other's batch, neither fails."""
    Archive.open(location, create=True).close()
    runs = [subprocess.Popen([sys.executable, "-m", "quotes", "db", "add", location,
                              *copies(entries, tmp_path, 40, tag)], stderr=subprocess.PIPE, text=True)
            for tag in ("x", "y")]
    for run in runs:
        assert run.wait(timeout=300) == 0, run.stderr.read()
    assert consistent(location) == 2 * 40 * len(entries)
