"""Extraction over many documents: batches, worker processes, input order kept.

Each worker process loads its extractor (and the Stanza pipeline) once; batches go to
the workers in order and come back in order, with a bounded number in flight, so a
stream of millions of documents never sits in memory.
"""
from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Iterable, Iterator

from quotes.extractor import MAX_CHARS, Backend, Extractor
from quotes.inputs import Document
from quotes.nlp.sources import ModelLoadError, ModelNotFoundError
from quotes.schema import QuoteDocument

IN_FLIGHT_PER_WORKER = 2

_worker: Extractor | Exception | None = None  # this worker process's extractor, or why it could not load


def batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(islice(it, size)):
        yield chunk


def run(docs: Iterable[Document], backend: Backend = "stanza", model_dir: str | None = None,
        workers: int = 1, batch_size: int = 16, speaker_model: str | None = None,
        max_chars: int = MAX_CHARS) -> Iterator[QuoteDocument]:
    """One QuoteDocument per input document, in input order."""
    if workers <= 1:
        extractor = Extractor(backend, model_dir, speaker_model, max_chars)
        for chunk in batches(docs, batch_size):
            yield from extractor.extract_documents(chunk)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(backend, model_dir, speaker_model, max_chars)) as pool:
        pending: deque = deque()
        for chunk in batches(docs, batch_size):
            pending.append(pool.submit(_extract, chunk))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _start_worker(backend: Backend, model_dir: str | None, speaker_model: str | None, max_chars: int) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C stops
    try:
        _worker = Extractor(backend, model_dir, speaker_model, max_chars)
    except (ModelNotFoundError, ModelLoadError) as error:  # raised in the parent by the first batch, as one line
        _worker = error


def _extract(chunk: list[Document]) -> list[QuoteDocument]:
    if isinstance(_worker, Exception):
        raise _worker
    return _worker.extract_documents(chunk)
