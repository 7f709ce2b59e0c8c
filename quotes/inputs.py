"""Reading documents: one clear error per bad input, naming it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO


class InputError(Exception):
    """A document that cannot be read; the message names it and says why."""


@dataclass(frozen=True)
class Document:
    id: str
    text: str


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
