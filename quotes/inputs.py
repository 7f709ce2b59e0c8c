"""Reading documents: files, folders, JSON Lines, stdin; one clear error per bad input.

A document that cannot be read still comes out, with `error` set, so that a batch keeps
one output line per input, in input order.
"""
from __future__ import annotations

import codecs
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Literal

InputFormat = Literal["text", "jsonl"]


class InputError(Exception):
    """A document that cannot be read; the message names it and says why."""


@dataclass(frozen=True)
class Document:
    id: str
    text: str | None
    error: str | None = None
    meta: dict = field(default_factory=dict)  # a JSON Lines record's other fields: date, outlet, source, ...


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """The text of `data`: in `encoding` when one is given; else UTF-8 (a byte-order mark is
    dropped, so offsets index the text after it), UTF-32 or UTF-16 by their byte-order marks,
    UTF-16 without one when every other byte says so; else an InputError that says what is
    wrong with it. Line ends are kept as they are (\r\n stays two characters)."""
    if encoding is not None:
        text = _decode_as(data, encoding, name)
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text = _unicode(data, "utf-32", name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _unicode(data, "utf-16", name)
    elif b"\x00" in data:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise InputError(f"{name}: binary file (NUL bytes), not text")
        text = _unicode(data, encoding, name)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise InputError(f"{name}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})") from None
    if not text.strip():
        raise InputError(f"{name}: empty document")
    return text


def _decode_as(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: not valid {encoding} (byte 0x{data[err.start]:02x} at offset {err.start})") from None


def _unicode(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise InputError(f"{name}: starts like {encoding.upper()} but is not valid {encoding.upper()}") from None
    if "\x00" in text:
        raise InputError(f"{name}: binary file (NUL characters), not text")
    return text


def _bomless_utf16(data: bytes) -> str | None:
    """utf-16-le or utf-16-be when NUL bytes stand at every other place, as UTF-16 writes the
    spaces, digits and punctuation of any text (Arabic letters are 06xx, Latin 00xx)."""
    if len(data) % 2:
        return None
    evens, odds = data[0::2], data[1::2]
    for encoding, high, low in (("utf-16-le", odds, evens), ("utf-16-be", evens, odds)):
        if b"\x00" not in low and high.count(0) + high.count(6) >= 0.9 * len(high):
            return encoding
    return None


def read_path(path: str | Path, encoding: str | None = None) -> Document:
    """A document from a file; its id is the path as given."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():  # expand() passes a folder on only when it holds no .txt
        raise InputError(f"{path}: a folder with no .txt files in it")
    try:
        data = p.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    return Document(str(path), decode(data, str(path), encoding))


def read_stream(stream: BinaryIO, name: str = "-", encoding: str | None = None) -> Document:
    return Document(name, decode(stream.read(), name, encoding))


def expand(sources: Iterable[str]) -> list[str]:
    """The files the sources name, in order: a folder gives its *.txt, recursively, sorted
    (a folder with none stays, to be reported as such)."""
    paths: list[str] = []
    for source in sources:
        if source != "-" and Path(source).is_dir():
            paths.extend([str(p) for p in sorted(Path(source).rglob("*.txt"))] or [source])
        else:
            paths.append(source)
    return paths


def documents(sources: Iterable[str], input_format: InputFormat = "text",
              encoding: str | None = None) -> Iterator[Document]:
    """Every document the sources hold, in order, read one at a time: with `text` each
    file is one (- is standard input); with `jsonl` each source holds one
    {"id": ..., "text": ...} a line (always UTF-8, as JSON is). Unreadable ones come out with
    `error` set; `encoding` names the text files' encoding (default: UTF-8, or UTF-16/32 by
    byte-order mark)."""
    for source in sources:
        if input_format == "jsonl":
            yield from _jsonl(source)
        elif source == "-":
            yield _guarded(read_stream, sys.stdin.buffer, "-", encoding, name="-")
        else:
            yield _guarded(read_path, source, encoding)


def _guarded(read, *args, name: str | None = None) -> Document:
    try:
        return read(*args)
    except InputError as err:
        return Document(name or str(args[0]), None, str(err))


def _jsonl(source: str) -> Iterator[Document]:
    """One document a line; a bad line is a failed document named SOURCE:LINE."""
    if source == "-":
        stream = sys.stdin.buffer
    else:
        try:
            stream = open(source, "rb")
        except OSError as err:
            yield Document(source, None, f"{source}: cannot read ({err.strerror})")
            return
    seen: dict[str, str] = {}  # id -> the line that first used it
    empty = True
    with stream:
        for number, raw in enumerate(stream, 1):
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)  # a file saved with a byte-order mark
            if not raw.strip():
                continue
            empty = False
            name = f"{source}:{number}"
            try:
                doc = _record(raw, name)
            except InputError as err:
                yield Document(name, None, str(err))
                continue
            if doc.id in seen:
                yield Document(doc.id, None,
                               f"{name}: id {doc.id!r} already used on {seen[doc.id]}; ids must be unique")
                continue
            seen[doc.id] = name
            yield doc
    if empty:
        yield Document(source, None, f"{source}: no JSON Lines records in it")


def _record(raw: bytes, name: str) -> Document:
    try:
        record = json.loads(decode(raw, name))
    except json.JSONDecodeError as err:
        raise InputError(f"{name}: not a JSON object ({err.msg})") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f'{name}: expected {{"id": ..., "text": "..."}}')
    doc_id = record.get("id", name)
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
        raise InputError(f"{name}: the id must be a string or an integer, not {json.dumps(doc_id)}")
    doc_id = str(doc_id)
    if not record["text"].strip():
        return Document(doc_id, None, f"{doc_id} ({name}): empty document")
    return Document(doc_id, record["text"], meta={k: v for k, v in record.items() if k not in ("id", "text")})
