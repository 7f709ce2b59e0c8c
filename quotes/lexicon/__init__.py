"""The lexicons: JSON data files in this folder, validated once into a `Lexicon`.

Every entry has an id, unique across the files, that `--explain` output shows. Lookups
go through normalised forms (quotes.text.normalize), so the files are written as text
is written, with hamza and ى.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Literal

from pydantic import BaseModel, ConfigDict, TypeAdapter

from quotes.lexicon.inflect import VerbForm, verb_forms
from quotes.text import normalize


class Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str


class SpeechVerb(Entry):
    lemma: str
    gloss: str
    perfect: tuple[str] | tuple[str, str]
    imperfect: str
    participle: str | None = None
    takes: frozenset[Literal["that", "speech", "object", "quoted"]]
    prepositions: tuple[str, ...] = ()
    source_after: str | None = None
    needs_source: bool = False
    object_first: bool = False  # وصف X بأنه: one phrase before the preposition is the object
    not_forms: tuple[str, ...] = ()


class Attribution(Entry):
    phrase: str
    kind: Literal["according", "noun"]
    source: Literal["after", "verb_after", "subject"]


class QuotePair(Entry):
    open: str
    close: str
    symmetric: bool


class Title(Entry):
    title: str


class RoleHead(Entry):
    kind: Literal["office", "anonymous", "relation", "profession", "organisation", "document"]
    forms: tuple[str, ...]


class MarkerGroup(Entry):
    words: tuple[str, ...]
    note: str = ""


Phrase = tuple[str, ...]  # a normalised multi-word entry, one word an item


def phrase(text: str) -> Phrase:
    return tuple(normalize(text).split())


@dataclass(frozen=True)
class Lexicon:
    verbs: tuple[SpeechVerb, ...]
    attributions: tuple[Attribution, ...]
    quote_pairs: tuple[QuotePair, ...]
    titles: tuple[Title, ...]
    roles: tuple[RoleHead, ...]
    markers: dict[str, frozenset[str]]
    name_words: dict[str, tuple[str, ...]]  # closed classes of the mention reader, in file order
    verb_forms: dict[str, tuple[VerbForm, ...]] = field(repr=False)
    role_phrases: dict[Phrase, RoleHead] = field(repr=False)
    title_phrases: dict[Phrase, Title] = field(repr=False)
    attribution_phrases: dict[Phrase, Attribution] = field(repr=False)
    prepositions: dict[str, tuple[str, ...]] = field(repr=False)  # verb id -> normalised
    quote_marks: frozenset[str] = field(repr=False)


    def verb_prepositions(self, verb: SpeechVerb) -> tuple[str, ...]:
        """The verb's prepositions, normalised (إلى -> الي)."""
        return self.prepositions[verb.id]

    def words(self, group: str) -> frozenset[str]:
        """The normalised words of a marker group, e.g. words('mk.complementizer')."""
        return self.markers[group]

    def name_class(self, group: str) -> tuple[str, ...]:
        """The normalised words of a closed class of name_words.json, e.g. name_class('nw.quantifier')."""
        return self.name_words[group]


def _read(name: str, key: str, model):
    raw = json.loads(files(__package__).joinpath(name).read_text(encoding="utf-8"))
    return TypeAdapter(tuple[model, ...]).validate_python(raw[key])


def _unique_ids(*groups) -> None:
    seen: set[str] = set()
    for entry in (e for group in groups for e in group):
        if entry.id in seen:
            raise ValueError(f"lexicon id {entry.id!r} is used twice; ids must be unique")
        seen.add(entry.id)


def _index_verbs(verbs) -> dict[str, tuple[VerbForm, ...]]:
    forms: dict[str, list[VerbForm]] = defaultdict(list)
    for verb in verbs:
        excluded = {normalize(f) for f in verb.not_forms}
        for surface, reading in verb_forms(verb, normalize):
            if surface not in excluded:
                forms[surface].append(reading)
    return {surface: tuple(readings) for surface, readings in forms.items()}


def _with_construct_plurals(forms: tuple[str, ...]) -> list[str]:
    """The forms, and each sound masculine plural of a singular among them as it is
    written before a genitive (مسؤولون -> مسؤولو، مسؤولي: أحد مسؤولي الشركة)."""
    out = list(forms)
    for form in forms:
        if form.endswith(("ون", "ين")) and form[:-2] in forms:
            out += [form[:-2] + "و", form[:-2] + "ي"]
        elif form.endswith("و") and form[:-1] in forms:  # ممثلو -> ممثلي
            out.append(form[:-1] + "ي")
    return list(dict.fromkeys(out))


@cache
def load_lexicon() -> Lexicon:
    """Read and validate every lexicon file once per process."""
    verbs = _read("speech_verbs.json", "verbs", SpeechVerb)
    attributions = _read("attribution.json", "phrases", Attribution)
    pairs = _read("quote_marks.json", "pairs", QuotePair)
    titles = _read("titles.json", "titles", Title)
    roles = _read("roles.json", "heads", RoleHead)
    markers = _read("markers.json", "groups", MarkerGroup)
    name_words = _read("name_words.json", "groups", MarkerGroup)
    _unique_ids(verbs, attributions, pairs, titles, roles, markers, name_words)
    return Lexicon(
        verbs=verbs,
        attributions=attributions,
        quote_pairs=pairs,
        titles=titles,
        roles=roles,
        markers={g.id: frozenset(normalize(w) for w in g.words) for g in markers},
        name_words={g.id: tuple(dict.fromkeys(normalize(w) for w in g.words)) for g in name_words},
        verb_forms=_index_verbs(verbs),
        role_phrases={phrase(f): head for head in roles for f in _with_construct_plurals(head.forms)},
        title_phrases={phrase(t.title): t for t in titles},
        attribution_phrases={phrase(a.phrase): a for a in attributions},
        prepositions={v.id: tuple(normalize(p) for p in v.prepositions) for v in verbs},
        quote_marks=frozenset(m for p in pairs for m in (p.open, p.close)),
    )
