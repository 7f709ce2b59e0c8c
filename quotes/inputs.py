"""Reading documents: files, folders, JSON Lines, stdin; one clear error per bad input.

A document that cannot be read still comes out, with `error` set, so that a batch keeps
one output line per input, in input order.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
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


def decode(data: bytes, name: str) -> str:
    """UTF-8 text of `data`, or an InputError that says what is wrong with it."""
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})") from None
    if not text.strip():
        raise InputError(f"{name}: empty document")
    return text


def read_path(path: str | Path) -> Document:
    """A document from a file; its id is the path as given."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, not a text file")
    try:
        data = p.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    return Document(str(path), decode(data, str(path)))


def read_stream(stream: BinaryIO, name: str = "-") -> Document:
    return Document(name, decode(stream.read(), name))


def expand(sources: Iterable[str]) -> list[str]:
    """The files the sources name, in order: a folder gives its *.txt, recursively, sorted."""
    paths: list[str] = []
    for source in sources:
        if source != "-" and Path(source).is_dir():
            paths.extend(str(p) for p in sorted(Path(source).rglob("*.txt")))
        else:
            paths.append(source)
    return paths


def documents(sources: Iterable[str], input_format: InputFormat = "text") -> Iterator[Document]:
    """Every document the sources hold, in order, read one at a time: with `text` each
    file is one (- is standard input); with `jsonl` each source holds one
    {"id": ..., "text": ...} a line. Unreadable ones come out with `error` set."""
    for source in sources:
        if input_format == "jsonl":
            yield from _jsonl(source)
        elif source == "-":
            yield _guarded(read_stream, sys.stdin.buffer, name="-")
        else:
            yield _guarded(read_path, source)


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
    with stream:
        for number, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            name = f"{source}:{number}"
            try:
                yield _record(raw, name)
            except InputError as err:
                yield Document(name, None, str(err))


def _record(raw: bytes, name: str) -> Document:
    try:
        record = json.loads(decode(raw, name))
    except json.JSONDecodeError as err:
        raise InputError(f"{name}: not a JSON object ({err.msg})") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f'{name}: expected {{"id": ..., "text": "..."}}')
    doc_id = str(record.get("id", name))
    if not record["text"].strip():
        return Document(doc_id, None, f"{doc_id} ({name}): empty document")
    return Document(doc_id, record["text"])
