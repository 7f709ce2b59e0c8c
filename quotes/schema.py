"""The output schema (version "1"): pydantic models, the one definition of the JSON.

Every span indexes the original text. Build a document with
`QuoteDocument.model_validate(data, context={"source": text})` and each span is
checked against the text: `text[start:end] == span.text`.
"""
from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

SCHEMA_VERSION = "1"
QuoteType = Literal["direct", "indirect", "mixed", "headline"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _check_offsets(span, info: ValidationInfo):
    """A span's text fits its offsets, and is the source's text there when it is known."""
    if span.end - span.start != len(span.text):
        raise ValueError(f"span [{span.start}, {span.end}) does not fit its text {span.text!r}")
    source = (info.context or {}).get("source")
    if source is not None and source[span.start:span.end] != span.text:
        raise ValueError(f"span [{span.start}, {span.end}) is {source[span.start:span.end]!r}, not {span.text!r}")
    return span


class Span(_Model):
    """Words of the original text and where they stand: `source[start:end] == text`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    _offsets = model_validator(mode="after")(_check_offsets)


class Cue(_Model):
    """The words that introduce a quote (وقال، مؤكدًا، بحسب) and their lexicon lemma."""

    text: str
    lemma: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    _offsets = model_validator(mode="after")(_check_offsets)


class Speaker(_Model):
    name: str | None = Field(description="the fullest proper name the document gives the source")
    role: str | None = Field(description="office or description, without honorific titles")
    titles: list[str] = Field(default_factory=list)
    mention: Span | None = Field(description="the words naming the source near the quote; null if implied")
    entity: str | None = Field(description="id of the source in `entities`")


class Quote(_Model):
    id: str
    type: QuoteType
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    cue: Cue | None
    speaker: Speaker
    confidence: float = Field(ge=0, le=1)
    explain: list[str] | None = Field(default=None, description="rule ids, with --explain only")

    _offsets = model_validator(mode="after")(_check_offsets)


class Entity(_Model):
    id: str
    name: str | None
    roles: list[str] = Field(default_factory=list)
    titles: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class QuoteDocument(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    document: str | None = None
    backend: Literal["stanza", "rules"]
    model: str | None = None
    quotes: list[Quote] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> QuoteDocument:
        starts = [q.start for q in self.quotes]
        if starts != sorted(starts):
            raise ValueError("quotes must be sorted by start")
        known = {e.id for e in self.entities}
        for q in self.quotes:
            if q.speaker.entity is not None and q.speaker.entity not in known:
                raise ValueError(f"quote {q.id} names entity {q.speaker.entity!r}, which is not listed")
        return self

    def to_json(self, *, explain: bool = False, indent: int | None = None) -> str:
        """The schema v1 JSON, Arabic as is; rule ids only when `explain`."""
        exclude = None if explain else {"quotes": {"__all__": {"explain"}}}
        return json.dumps(self.model_dump(mode="json", exclude=exclude), ensure_ascii=False, indent=indent)
