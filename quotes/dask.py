"""Extraction on Dask: a bag of documents in, a bag of QuoteDocuments out (extra `dask`).

    import dask.bag as db
    from dask.distributed import Client
    from quotes.dask import extract_bag, extract_sources

    client = Client("tcp://scheduler:8786")
    docs = extract_bag(db.from_sequence([{"id": "a", "text": "..."}], npartitions=8)).compute()
    for doc in extract_sources(client, ["archive/2018/"], backend="stanza"):   # in input order
        print(doc.to_json())

Each worker process loads its extractor (lexicons, Stanza pipeline) once, on first use,
and keeps it; a worker runs one document at a time through it. Files named by paths
must be readable by the workers.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from typing import Iterable, Iterator

import dask.bag as db
from dask.distributed import Client

from quotes.extractor import MAX_CHARS, Backend, Extractor
from quotes.inputs import Document, InputFormat, documents, expand
from quotes.schema import QuoteDocument

DEFAULT_PARTITION = 16  # documents a task


@lru_cache(maxsize=None)
def _extractor(backend: Backend, model_dir: str | None, speaker_model: str | None = None,
               max_chars: int = MAX_CHARS) -> tuple[Extractor, threading.Lock]:
    """This worker's extractor, loaded once, and the lock that keeps its pipeline to one
    document at a time when the worker runs several threads."""
    return Extractor(backend, model_dir, speaker_model, max_chars), threading.Lock()


def _as_document(record) -> Document:
    if isinstance(record, Document):
        return record
    return Document(str(record["id"]), record["text"])


def _extract_partition(records: Iterable, backend: Backend, model_dir: str | None,
                       speaker_model: str | None = None, max_chars: int = MAX_CHARS) -> list[QuoteDocument]:
    extractor, lock = _extractor(backend, model_dir, speaker_model, max_chars)
    with lock:
        return extractor.extract_documents([_as_document(r) for r in records])


def extract_bag(bag: db.Bag, backend: Backend = "stanza", model_dir: str | None = None,
                speaker_model: str | None = None, max_chars: int = MAX_CHARS) -> db.Bag:
    """A bag of QuoteDocuments, one per document of `bag` (Documents or {"id", "text"} dicts),
    partition by partition, in order."""
    return bag.map_partitions(_extract_partition, backend, model_dir, speaker_model, max_chars)


def _read_partition(sources: Iterable[str], input_format: InputFormat, encoding: str | None) -> list[Document]:
    return list(documents(sources, input_format, encoding))


def extract_sources(client: Client, sources: Iterable[str], input_format: InputFormat = "text",
                    backend: Backend = "stanza", model_dir: str | None = None,
                    partition_size: int = DEFAULT_PARTITION, speaker_model: str | None = None,
                    max_chars: int = MAX_CHARS, encoding: str | None = None) -> Iterator[QuoteDocument]:
    """QuoteDocuments for files and folders (text) or JSON Lines files (one partition
    each), read and extracted on the cluster of `client`, yielded in input order as their
    partitions finish."""
    paths = expand(sources) if input_format == "text" else list(sources)
    size = partition_size if input_format == "text" else 1
    parts = [paths[i:i + size] for i in range(0, len(paths), size)]
    if not parts:
        return
    bag = db.from_sequence(parts, npartitions=len(parts)).map_partitions(
        lambda groups: [d for group in groups for d in _read_partition(group, input_format, encoding)])
    futures = client.compute(extract_bag(bag, backend, model_dir, speaker_model, max_chars).to_delayed())
    for future in futures:
        yield from future.result()
