"""Writers for extraction results: JSON, JSON Lines, CSV. Each writes a document whole
and flushes, so an interrupted run leaves only complete lines behind."""
from __future__ import annotations

import csv
from typing import Literal, TextIO

from quotes.schema import QuoteDocument

OutputFormat = Literal["json", "jsonl", "csv"]
CSV_COLUMNS = ("document", "quote", "type", "text", "start", "end", "cue", "cue_start", "speaker", "role", "titles",
               "entity", "mention", "mention_start", "confidence", "explain", "error")


class Writer:
    def __init__(self, stream: TextIO, explain: bool = False, pretty: bool = False):
        self.stream = stream
        self.explain = explain
        self.pretty = pretty

    def write(self, doc: QuoteDocument) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """After the last document (or an interruption): end what the format needs ended."""

    def _json(self, doc: QuoteDocument) -> str:
        return doc.to_json(explain=self.explain, indent=2 if self.pretty else None)

    def _emit(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()


class JsonWriter(Writer):
    """One JSON document (a single input)."""

    def write(self, doc: QuoteDocument) -> None:
        self._emit(self._json(doc) + "\n")


class JsonListWriter(Writer):
    """One JSON list of documents (several inputs); closed after an interruption too."""

    def __init__(self, stream: TextIO, explain: bool = False, pretty: bool = False):
        super().__init__(stream, explain, pretty)
        self.count = 0

    def write(self, doc: QuoteDocument) -> None:
        self._emit(("[\n" if not self.count else ",\n") + self._json(doc))
        self.count += 1

    def close(self) -> None:
        self._emit("\n]\n" if self.count else "[]\n")


class JsonLinesWriter(Writer):
    """One JSON document a line, in input order."""

    def write(self, doc: QuoteDocument) -> None:
        self._emit(doc.to_json(explain=self.explain) + "\n")


class CsvWriter(Writer):
    """One row a quote, with its cue, speaker, role, titles (joined by |), entity id and mention;
    a document with no quote gets one row with only its name, a failed one a row with its
    error, so that a spreadsheet sees every document."""

    def __init__(self, stream: TextIO, explain: bool = False, pretty: bool = False):
        super().__init__(stream, explain, pretty)
        self.rows = csv.DictWriter(stream, CSV_COLUMNS, lineterminator="\n")
        self.rows.writeheader()

    def write(self, doc: QuoteDocument) -> None:
        if doc.errors or not doc.quotes:
            self.rows.writerow({"document": doc.document, "error": " | ".join(doc.errors)})
        for q in doc.quotes:
            s = q.speaker
            self.rows.writerow({
                "document": doc.document, "quote": q.id, "type": q.type, "text": q.text, "start": q.start,
                "end": q.end, "cue": q.cue.text if q.cue else "", "cue_start": q.cue.start if q.cue else "",
                "speaker": s.name or "", "role": s.role or "", "titles": " | ".join(s.titles),
                "entity": s.entity or "", "mention": s.mention.text if s.mention else "",
                "mention_start": s.mention.start if s.mention else "", "confidence": q.confidence,
                "explain": " ".join(q.explain or []) if self.explain else "", "error": ""})
        self.stream.flush()


WRITERS: dict[str, type[Writer]] = {"json": JsonWriter, "jsonl": JsonLinesWriter, "csv": CsvWriter}


def writer_for(output_format: OutputFormat, single: bool, stream: TextIO, explain: bool = False,
               pretty: bool = False) -> Writer:
    """The writer of `output_format`: json is one document for a single input, a list for several."""
    if output_format == "json" and not single:
        return JsonListWriter(stream, explain, pretty)
    return WRITERS[output_format](stream, explain, pretty)
