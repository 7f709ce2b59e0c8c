"""Text in, QuoteDocument out: normalise, find candidates by rules, resolve speakers."""
from __future__ import annotations

import os
from typing import Iterable, Iterator, Literal, NamedTuple

from quotes.choice.chooser import Chooser, load_ranker, shipped_ranker
from quotes.inputs import Document
from quotes.lexicon import Lexicon, load_lexicon
from quotes.schema import QuoteDocument
from quotes.resolve.entities import Entity as SourceEntity
from quotes.resolve.rules import Attribution, RulesResolver
from quotes.resolve.syntax import StanzaResolver
from quotes.rules.candidates import Candidate, find_candidates
from quotes.rules.document import RuleDoc
from quotes.text import Normalized
from quotes.windows import WINDOW_CHARS, join, windows

Backend = Literal["stanza", "rules"]
BACKENDS = ("stanza", "rules")
SPEAKER_MODEL_ENV = "QUOTES_SPEAKER_MODEL"
MAX_CHARS = 20_000_000  # a text longer than this is refused (about 4M words: a book, not a document)


class _Prepared(NamedTuple):
    index: int
    name: str
    rules: RuleDoc
    candidates: list[Candidate]


class Extractor:
    """A reusable extractor: load the lexicons and the Stanza pipeline once, extract many texts.

    backend "stanza" (default): speakers from the dependency parse and NER, the rules as
    fallback; "rules": the rule engine alone, no Stanza model. `model_dir` points at a
    model directory (else QUOTES_MODEL_DIR, the official Stanza models, the shipped ones).
    `speaker_model`: the speaker model that re-chooses each source, a JSON file written by
    `quotes resolver train` (else QUOTES_SPEAKER_MODEL, else the one shipped for the
    backend); "none" keeps the resolver's own choice. A text longer than `max_chars` is
    refused (an error for that document); a text longer than an article is extracted in
    windows of paragraphs (quotes.windows).
    """

    def __init__(self, backend: Backend = "stanza", model_dir: str | None = None,
                 speaker_model: str | None = None, max_chars: int = MAX_CHARS):
        if backend not in BACKENDS:
            raise ValueError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
        self.backend = backend
        self.max_chars = max_chars
        self.lexicon: Lexicon = load_lexicon()
        self.model: str | None = None
        chooser = _chooser(backend, speaker_model or os.environ.get(SPEAKER_MODEL_ENV))
        if backend == "stanza":
            from quotes.nlp import load_pipeline, resolve_model

            source = resolve_model(model_dir)
            self.model = source.name
            self.resolver = StanzaResolver(load_pipeline(source), chooser)
        else:
            self.resolver = RulesResolver(chooser)

    def extract_documents(self, docs: Iterable[Document | str]) -> list[QuoteDocument]:
        """One QuoteDocument per input, in order, the batch parsed in one pass. A plain
        string is a document named by its place in the batch ("0", "1", ...). An unreadable
        document, or one the extractor fails on, comes back with `errors` filled and no quotes."""
        docs = [_as_document(i, d) for i, d in enumerate(docs)]
        results: dict[int, QuoteDocument] = {}
        ready: list[_Prepared] = []
        for i, doc in enumerate(docs):
            if doc.error is not None:
                results[i] = self._failed(doc.id, doc.error)
                continue
            if len(doc.text) > WINDOW_CHARS:  # too long to parse in one piece: in windows, on its own
                try:
                    results[i] = self.extract(doc.text, doc.id)
                except Exception as err:
                    results[i] = self._failed(doc.id, _failure(doc.id, err))
                continue
            try:
                self._check_length(doc.text)
                rules = RuleDoc.of(Normalized.of(doc.text), self.lexicon)
                ready.append(_Prepared(i, doc.id, rules, find_candidates(rules)))
            except Exception as err:  # one bad document never stops a batch
                results[i] = self._failed(doc.id, _failure(doc.id, err))
        results.update(self._resolve(ready))
        return [results[i] for i in range(len(docs))]

    def _resolve(self, ready: list[_Prepared]) -> Iterator[tuple[int, QuoteDocument]]:
        """Resolve a batch in one pass; if it fails, one document at a time, so that only
        the bad one is lost."""
        if not ready:
            return
        try:
            resolved = self.resolver.resolve_batch([p.rules for p in ready], [p.candidates for p in ready])
        except Exception as err:
            if len(ready) == 1:
                yield ready[0].index, self._failed(ready[0].name, _failure(ready[0].name, err))
            else:
                for item in ready:
                    yield from self._resolve([item])
            return
        for p, (attributions, table) in zip(ready, resolved):
            yield p.index, self._document(p.rules, attributions, table, p.name)

    def _failed(self, name: str, error: str) -> QuoteDocument:
        return QuoteDocument(document=name, backend=self.backend, model=self.model, errors=[error])

    def _document(self, rules: RuleDoc, attributions, table, name: str | None) -> QuoteDocument:
        return write_document(rules, attributions, table, name, self.backend, self.model)

    def extract(self, text: str, document: str | None = None) -> QuoteDocument:
        """Every quote of `text` with its speaker; spans index `text` as given."""
        _check_text(text)
        self._check_length(text)
        spans = windows(text)
        if len(spans) > 1:
            parts = ((start, self._extract_window(text[start:end])) for start, end in spans)
            return join(parts, text, document, self.backend, self.model)
        return self._extract_window(text, document)

    def _check_length(self, text: str) -> None:
        if len(text) > self.max_chars:
            raise TextTooLong(f"{len(text):,} characters, more than the limit of {self.max_chars:,} "
                              f"(raise it with --max-chars or Extractor(max_chars=...))")

    def _extract_window(self, text: str, document: str | None = None) -> QuoteDocument:
        rules = RuleDoc.of(Normalized.of(text), self.lexicon)
        (attributions, table), = self.resolver.resolve_batch([rules], [find_candidates(rules)])
        return self._document(rules, attributions, table, document)


class TextTooLong(ValueError):
    """A text longer than the extractor's max_chars."""


def _as_document(i: int, doc: Document | str) -> Document:
    if isinstance(doc, Document):
        return doc
    _check_text(doc, f"item {i} of the batch")
    return Document(str(i), doc)


def _check_text(text, what: str = "the text") -> None:
    if not isinstance(text, str):
        raise TypeError(f"{what} must be a str (or a quotes.inputs.Document), not {type(text).__name__}")


def _chooser(backend: str, speaker_model: str | None) -> Chooser | None:
    if speaker_model == "none":
        return None
    return Chooser(load_ranker(speaker_model) if speaker_model else shipped_ranker(backend))


def write_document(rules: RuleDoc, attributions: list[Attribution], table, name: str | None,
                   backend: str, model: str | None) -> QuoteDocument:
    """The output schema of a resolved document, spans in the original text."""
    return _Writer(rules.norm).document(attributions, table.speakers(), name, backend, model)


def _failure(name: str, err: Exception) -> str:
    if isinstance(err, TextTooLong):
        return f"{name}: not extracted: {err}"
    return f"{name}: extraction failed ({type(err).__name__}: {err})"


def extract(text: str, document: str | None = None) -> QuoteDocument:
    """Extract with a default Extractor. Reuse an `Extractor` for many texts."""
    return Extractor().extract(text, document)


class _Writer:
    """Turns attributions into the output schema, with original offsets."""

    def __init__(self, norm: Normalized):
        self.norm = norm

    def span(self, span: tuple[int, int]) -> dict:
        start, end = self.norm.to_original(*span)
        return {"text": self.norm.original[start:end], "start": start, "end": end}

    def text(self, span: tuple[int, int] | None) -> str | None:
        return None if span is None else self.span(span)["text"]

    def document(self, attributions: list[Attribution], speakers: list[SourceEntity],
                 name: str | None, backend: str, model: str | None) -> QuoteDocument:
        ids = {e.id: f"e{i}" for i, e in enumerate(self._in_quote_order(attributions, speakers), 1)}
        quotes = [self.quote(f"q{i}", a, ids) for i, a in enumerate(attributions, 1)]
        entities = [self.entity(e, ids[e.id]) for e in sorted(speakers, key=lambda e: ids[e.id][1:].zfill(6))]
        data = {"document": name, "backend": backend, "model": model, "quotes": quotes, "entities": entities}
        return QuoteDocument.model_validate(data, context={"source": self.norm.original})

    @staticmethod
    def _in_quote_order(attributions: list[Attribution], speakers: list[SourceEntity]) -> list[SourceEntity]:
        order: list[SourceEntity] = []
        for a in attributions:
            if a.entity is not None and a.entity not in order:
                order.append(a.entity)
        return order + [e for e in speakers if e not in order]

    def quote(self, qid: str, a: Attribution, ids: dict[str, str]) -> dict:
        c = a.candidate
        cue = None
        if c.cue is not None:
            entry = c.cue.reading.verb.lemma if c.cue.reading else c.cue.attribution.phrase
            cue = {**self.span((c.cue.start, c.cue.end)), "lemma": entry}
        explain = [c.cue.rule] if c.cue else []
        explain += [c.rule, a.method, *a.reasons]
        return {"id": qid, "type": c.type, **self.span((c.start, c.end)), "cue": cue,
                "speaker": self.speaker(a, ids), "confidence": a.confidence, "explain": explain}

    def speaker(self, a: Attribution, ids: dict[str, str]) -> dict:
        e = a.entity
        mention = self.span(a.mention.span) if a.mention else None
        if e is None:
            return {"name": None, "role": None, "titles": [], "mention": mention, "entity": None}
        role = e.role
        if role is None and e.kind != "organisation" and e.name is None and a.mention:
            role = (None, a.mention.span)
        return {"name": self.name(e), "role": self.text(role[1]) if role and e.kind != "organisation" else None,
                "titles": [self.text(t) for _, t in e.titles], "mention": mention, "entity": ids[e.id]}

    def name(self, e: SourceEntity) -> str | None:
        if e.kind in ("anonymous", "document", "unknown") and e.name is None:
            return None
        return e.name_text or self.text(e.name_span)

    def entity(self, e: SourceEntity, eid: str) -> dict:
        return {"id": eid, "name": self.name(e), "roles": [self.text(s) for _, s in e.roles],
                "titles": [self.text(t) for _, t in e.titles], "mentions": [self.span(m) for m in e.mentions]}
