"""`quotes extract --db`: results stored in an archive as they come, by batches."""
from __future__ import annotations

from typing import Iterable, Iterator

import click

from quotes.archive.store import Archive, ArchiveError, Entry
from quotes.inputs import Document
from quotes.output import Writer
from quotes.schema import QuoteDocument


class Remembered:
    """The input documents, passed on as they are read and kept by id until their result is
    stored: the text and metadata the archive needs, never the whole corpus."""

    def __init__(self, docs: Iterable[Document]):
        self.docs = docs
        self.waiting: dict[str, Document] = {}

    def __iter__(self) -> Iterator[Document]:
        for doc in self.docs:
            self.waiting[doc.id] = doc
            yield doc

    def take(self, doc_id: str | None) -> Document | None:
        return self.waiting.pop(doc_id, None)


class ArchiveWriter(Writer):
    """Stores each extracted document with its text and metadata in the archive it owns, `batch`
    to a transaction;
    passes it on to `inner` (the stdout writer) when there is one. A document that failed is
    not stored: it has no text, and stderr names it."""

    def __init__(self, archive: Archive, inputs: Remembered, inner: Writer | None = None, batch: int = 200):
        self.archive = archive
        self.inputs = inputs
        self.inner = inner
        self.batch = batch
        self.pending: list[Entry] = []
        self.refused = 0  # documents extracted but not stored

    def write(self, doc: QuoteDocument) -> None:
        if self.inner is not None:
            self.inner.write(doc)
        source = self.inputs.take(doc.document)
        if source is not None and source.text is not None and not doc.errors:
            meta = dict(source.meta) if source.meta else {"source": source.id}  # a text file: its path
            try:
                self.pending.append(Entry(doc, source.text, meta))
            except ArchiveError as err:
                self.refused += 1
                click.echo(f"quotes: {doc.document}: {err}; not stored in the archive", err=True)
        if len(self.pending) >= self.batch:
            self._store()

    def close(self) -> None:
        """After the last document, or an interruption: the documents written so far are
        stored, and the archive closed."""
        self._store()
        self.archive.close()
        if self.inner is not None:
            self.inner.close()

    def _store(self) -> None:
        if self.pending:
            self.archive.add(self.pending, self.batch)
            self.pending = []
