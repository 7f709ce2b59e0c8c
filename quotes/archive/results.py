"""What the archive answers, as pydantic models: the JSON, JSONL and CSV of `quotes db`
and the values of the Python API are these."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from quotes.schema import Quote


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FoundQuote(_Model):
    """A quote, the document it is in, and the archive speaker it is credited to."""

    document: str
    date: str | None
    outlet: str | None
    speaker_id: int | None  # None for an unnamed source
    speaker: str | None  # the archive speaker's name, which may be fuller than the quote's own
    quote: Quote


class RoleUse(_Model):
    """A role a speaker was quoted in, how often, first and last."""

    role: str
    quotes: int
    first: str | None
    last: str | None


class Alias(_Model):
    """A name a speaker is written by, and why it is theirs: `name` (the speaker's own), a
    `spelling`, `shorter` or `fuller` form of `via`; by hand, `split` (set apart) or `joined`
    (to `via`)."""

    name: str
    key: str
    rule: str
    via: str | None
    quotes: int


class SpeakerSummary(_Model):
    id: int
    name: str
    quotes: int
    documents: int
    roles: list[RoleUse]
    first: str | None  # the date of the earliest dated document quoting them
    last: str | None


class SpeakerRecord(SpeakerSummary):
    titles: list[str]
    aliases: list[Alias]
    recent: list[FoundQuote]


class UnnamedSource(_Model):
    """An unnamed source (مصدر أمني، شهود عيان), by the description it is quoted under."""

    description: str
    quotes: int
    documents: int
    first: str | None
    last: str | None


class Added(_Model):
    """What `add` did: documents stored, and how many of them replaced one of the same id."""

    added: int
    replaced: int
