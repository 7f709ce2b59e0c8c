"""Reading `quotes extract` output for the archive: each line a document with its text, or
the reason it is refused.

    for item in predictions(["pred.jsonl"], inputs=["inputs.jsonl"]):
        ...   # an Entry, or a Refusal("pred.jsonl:7", "spans do not fit the text ...")

A prediction's text is found, in this order, in the JSON Lines input it was extracted from
(`inputs`: {"id", "text", and metadata such as "date", "outlet", "source"}), in a folder
of texts (`texts`: DIR/ID; an absolute id is its own path), or at its id when the id is a
file's path (as `quotes extract` names text files). The spans must index that text, as the schema says.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pydantic import ValidationError

from quotes.archive.store import ArchiveError, Entry
from quotes.inputs import InputError, read_path
from quotes.schema import QuoteDocument


@dataclass(frozen=True)
class Refusal:
    where: str  # FILE:LINE
    why: str


class _Inputs:
    """The records of JSON Lines inputs by id, read when asked for (the file is indexed, not
    held). A record without an id is known by FILE:LINE, as `quotes extract` names it."""

    def __init__(self, paths: list[str]):
        self.where: dict[str, tuple[str, int]] = {}
        for path in paths:
            with open(path, "rb") as stream:
                offset = 0
                for number, raw in enumerate(stream, 1):
                    record = _record(raw)
                    if record is not None:
                        self.where[str(record.get("id", f"{path}:{number}"))] = (path, offset)
                    offset += len(raw)

    def get(self, doc_id: str) -> dict | None:
        if doc_id not in self.where:
            return None
        path, offset = self.where[doc_id]
        with open(path, "rb") as stream:
            stream.seek(offset)
            return _record(stream.readline())


def _record(raw: bytes) -> dict | None:
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    return record if isinstance(record, dict) else None


def predictions(paths: list[str], texts: str | None = None, inputs: list[str] = ()) -> Iterator[Entry | Refusal]:
    """Every line of the prediction files, as an Entry or a Refusal, in order."""
    records = _Inputs(list(inputs))
    for path in paths:
        try:
            stream = open(path, "rb")
        except OSError as err:
            yield Refusal(path, f"cannot read ({err.strerror})")
            continue
        with stream:
            for number, raw in enumerate(stream, 1):
                if raw.strip():
                    yield _entry(raw, f"{path}:{number}", records, texts)


def _entry(raw: bytes, where: str, records: _Inputs, texts: str | None) -> Entry | Refusal:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        return Refusal(where, f"not JSON ({err})")
    doc_id = data.get("document") if isinstance(data, dict) else None
    found = _text(doc_id, records, texts) if isinstance(doc_id, str) else None
    if not isinstance(found, tuple):  # no text to check the spans against: say what else is wrong first
        try:
            QuoteDocument.model_validate(data)
        except ValidationError as err:
            return Refusal(where, f"not a quotes document: {_first_error(err)}")
        return Refusal(where, found or "the document has no id (it was read from standard input)")
    text, meta = found
    try:
        doc = QuoteDocument.model_validate(data, context={"source": text})
    except ValidationError as err:
        return Refusal(where, f"not a quotes document of the text of {doc_id}: {_first_error(err)}")
    try:
        return Entry(doc, text, meta)
    except ArchiveError as err:
        return Refusal(where, str(err))


def _text(doc_id: str, records: _Inputs, texts: str | None) -> tuple[str, dict] | str:
    """The document's text and metadata, or why there is none."""
    record = records.get(doc_id)
    if record is not None:
        if not isinstance(record.get("text"), str):
            return f"the input record of {doc_id} has no text"
        return record["text"], {k: v for k, v in record.items() if k not in ("id", "text")}
    path = Path(texts) / doc_id if texts else Path(doc_id)
    if path.is_file():
        try:
            return read_path(path).text, {"source": str(path)}
        except InputError as err:
            return str(err)
    where = f"{path} is not a file" if texts else "pass --inputs FILE.jsonl or --texts DIR"
    return f"no text for document {doc_id}: {where}"


def _first_error(err: ValidationError) -> str:
    first = err.errors()[0]
    at = ".".join(str(p) for p in first["loc"])
    return f"{at}: {first['msg']}" if at else first["msg"]
