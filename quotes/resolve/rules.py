"""The rules resolver: the speaker phrase the rule engine found, read and linked.

It is the fallback of the Stanza resolver and the whole of the `rules` backend: each
candidate's speaker hint is read into a mention (role, titles, name), linked to an
entity of the document, or, when the subject is implied, given the latest speaker
that agrees with the cue in gender and number.
"""
from __future__ import annotations

from dataclasses import dataclass

from quotes.rules.candidates import Candidate
from quotes.rules.document import RuleDoc
from quotes.resolve.entities import Entity, EntityTable
from quotes.resolve.mentions import Mention, analyse, people

# How sure each way of finding a speaker is, before the quote's own rule is weighed.
SPEAKER_CONFIDENCE = {
    "after_cue": 0.9, "before_cue": 0.8, "headline": 0.85, "source": 0.85,
    "previous_cue": 0.8, "implied": 0.7,
}
QUOTE_CONFIDENCE = {
    "direct.quote": 1.0, "direct.colon-quote": 1.0, "direct.before-cue": 0.9,
    "direct.colon-verbatim": 0.85, "indirect.that": 0.95, "indirect.colon-that": 0.95,
    "indirect.prep-that": 0.95, "indirect.prep-object": 0.8, "indirect.object": 0.75,
    "indirect.according-before": 0.85, "indirect.according-after": 0.85,
    "indirect.according-inside": 0.7, "headline.colon": 0.85,
}


@dataclass(frozen=True)
class Attribution:
    """A candidate quote with its speaker: the mention read, the entity, and how."""

    candidate: Candidate
    mention: Mention | None
    entity: Entity | None
    method: str
    confidence: float


def agreement(candidate: Candidate) -> tuple[bool | None, bool]:
    """(feminine or None if unknown, plural) as the cue's inflection says."""
    reading = candidate.cue.reading if candidate.cue else None
    if reading is None:
        return None, False
    feminine = None if reading.gender is None else reading.gender == "f"
    return feminine, reading.number != "sg"


def note_agreement(entity: Entity, candidate: Candidate) -> None:
    """A cue inflected for its explicit subject tells that subject's gender and number."""
    feminine, plural = agreement(candidate)
    if feminine is not None and entity.feminine is None:
        entity.feminine = feminine
    if plural and candidate.speaker.how == "before_cue":
        entity.plural = True  # verb-first verbs stay singular before a plural subject


def implied_speaker(done: list[Attribution], candidate: Candidate) -> Entity | None:
    """The latest speaker that agrees with the cue (قالت -> a woman, أكدوا -> a group)."""
    feminine, plural = agreement(candidate)
    speakers = [a.entity for a in reversed(done) if a.entity is not None]
    return next((e for e in speakers if e.agrees(feminine, plural)), speakers[0] if speakers else None)


def confidence(candidate: Candidate, method_how: str) -> float:
    return round(SPEAKER_CONFIDENCE[method_how] * QUOTE_CONFIDENCE[candidate.rule], 3)


class RulesResolver:
    """Speakers by rules alone."""

    name = "rules"

    def resolve(self, doc: RuleDoc, candidates: list[Candidate]) -> tuple[list[Attribution], EntityTable]:
        table = EntityTable(doc.text)
        for mention in people(doc):
            table.add(mention)
        done: list[Attribution] = []
        for candidate in candidates:
            hint = candidate.speaker
            how = hint.how
            if hint.first is None:
                mention, entity = None, implied_speaker(done, candidate)
                if entity is not None:
                    entity.speaks = True
            else:
                mention = analyse(doc, hint.first, hint.last, hint.skip)
                entity = table.add(mention, speaks=True)
                note_agreement(entity, candidate)
            done.append(Attribution(candidate, mention, entity, f"rules.{how}", confidence(candidate, how)))
        return done, table
