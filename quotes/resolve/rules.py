"""The rules resolver: the speaker phrase the rule engine found, read and linked.

It is the fallback of the Stanza resolver and the whole of the `rules` backend: each
candidate's speaker hint is read into a mention (role, titles, name) and linked to an
entity of the document. An implied subject (وأضاف، مؤكدًا) is, in this order, someone
named earlier in the same sentence (اعتذر المرشد ... مشيرًا), the latest speaker who
agrees with the cue in gender and number, or whoever opened the sentence before.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from quotes.rules.candidates import Candidate
from quotes.rules.document import RuleDoc
from quotes.resolve.entities import Entity, EntityTable
from quotes.resolve.mentions import PROCLITICS, Mention, people, phrase_end, read_phrase, written_in_full
from quotes.rules.phrases import told_an_outlet
from quotes.resolve.roles import settle_roles

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
    "indirect.according-inside": 0.7, "mixed.quoted-predicate": 0.75, "headline.colon": 0.85,
}


@dataclass(frozen=True)
class Attribution:
    """A candidate quote with its speaker: the mention read, the entity, and how."""

    candidate: Candidate
    mention: Mention | None
    entity: Entity | None
    method: str
    confidence: float
    reasons: tuple[str, ...] = ()  # the speaker model's weightiest features, for --explain


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


def confidence(candidate: Candidate, how: str) -> float:
    return round(SPEAKER_CONFIDENCE[how] * QUOTE_CONFIDENCE[candidate.rule], 3)


class RulesResolver:
    """Speakers by rules alone."""

    name = "rules"

    def __init__(self, chooser=None):
        """`chooser` (quotes.choice.Chooser) re-chooses each source with a trained model."""
        self.chooser = chooser

    def resolve_batch(self, docs: list[RuleDoc], candidates: list[list[Candidate]]):
        return [self.resolve(d, c) for d, c in zip(docs, candidates)]

    def resolve(self, doc: RuleDoc, candidates: list[Candidate]) -> tuple[list[Attribution], EntityTable]:
        table = EntityTable.of(doc)
        around = people(doc)
        for mention in around:
            if mention.kind == "organisation" or (mention.name is not None and (mention.role or mention.titles)):
                table.add(mention)  # the text says who holds what, and names its bodies
        said = [self._said(doc, table, c) for c in candidates]
        implied = Implied(doc, table, around, candidates)
        done: list[Attribution] = []
        for candidate, (mention, entity) in zip(candidates, said):
            how = candidate.speaker.how
            if mention is None:
                entity = implied.speaker(candidate, done)
                how = "implied"
            elif mention.kind == "document":
                entity = issuer(doc, table, mention, done) or entity
            done.append(Attribution(candidate, mention, entity, f"rules.{how}", confidence(candidate, how)))
        table.complete_names(lambda surname: written_in_full(doc, surname))
        if self.chooser is not None:
            done = self.chooser.choose(doc, None, done, table)
        done = settle_roles(doc, table, done)
        return done, table

    @staticmethod
    def _said(doc: RuleDoc, table: EntityTable, candidate: Candidate) -> tuple[Mention | None, Entity | None]:
        """The speaker the text names for this quote, read and linked; (None, None) if implied."""
        hint = candidate.speaker
        if hint.first is None:
            return None, None
        mention = read_phrase(doc, hint.first, hint.last, hint.skip)
        entity = table.add(mention, speaks=True)
        note_agreement(entity, candidate)
        return mention, entity


MAX_ISSUER_GAP = 2  # words between a document head and its issuer (تقرير سابق لبيلد)


def issuer(doc: RuleDoc, table: EntityTable, mention: Mention, done: list[Attribution]) -> Entity | None:
    """Whose words a document's are: the issuer the text names with it (بيان لدار الإفتاء،
    تقرير صادر عن الشركة، دراسة أجراها مركز بيو), else, for البيان alone, the speaker who
    gave a statement before."""
    return _named_issuer(doc, table, mention) or _earlier_issuer(doc, mention, done)


def _named_issuer(doc: RuleDoc, table: EntityTable, mention: Mention) -> Entity | None:
    first, _ = doc.token_range(*mention.span)
    start = _issuer_start(doc, first)
    if start is None:
        return None
    j, skip = start
    found = read_phrase(doc, j, phrase_end(doc, j), skip)
    body = found.head is not None and found.head.kind == "organisation"
    if found.name is None and not body:
        return None  # تقرير لخبراء: no one the text names or a body that can speak
    return table.add(found, speaks=True)


def _issuer_start(doc: RuleDoc, head: int) -> tuple[int, int] | None:
    """(first token, letters to skip) of the issuer after the document head at `head`: a
    word with ل (not an article's لل, not an outlet one speaks to) after the head and at
    most MAX_ISSUER_GAP words, the ل left out; or the word after صادر عن / أصدرته."""
    j = doc.next_word(head)
    for _ in range(MAX_ISSUER_GAP + 1):
        if j is None or doc.cue_at(j) or doc.is_complementizer(j):
            return None
        word = doc.tokens[j].text
        if doc.is_word(j, "mk.issued"):
            nxt = doc.next_word(j)
            if nxt is not None and doc.tokens[nxt].text in ("عن", "من"):
                nxt = doc.next_word(nxt)
            return (nxt, 0) if nxt is not None else None
        if word[:1] == "ل" and not word.startswith("لل") and len(word) > 3 and not doc.is_preposition(j) \
                and not told_an_outlet(doc, j):
            return j, 1
        if doc.is_preposition(j):
            return None
        j = doc.next_word(j)
    return None


def _earlier_issuer(doc: RuleDoc, mention: Mention, done: list[Attribution]) -> Entity | None:
    """البيان، التقرير alone: the statement a speaker gave before (وقال شنايدمان في بيان ...
    وأضاف البيان; أصدر بيانا، في بيانه): its words are that speaker's, not an earlier
    quote's of the statement itself."""
    words = doc.text[mention.span[0]:mention.span[1]].split()
    if len(words) != 1 or not words[0].startswith("ال"):
        return None
    forms = _forms(words[0][2:], doc.lexicon.name_class("nw.possessive-suffix"))
    for a in reversed(done):
        if a.entity is None or a.entity.kind == "document" or a.candidate.cue is None:
            continue
        first, last = doc.sentence_span(a.candidate.cue.first)
        if any(t.text in forms or (t.text[:1] in PROCLITICS and t.text[1:] in forms) for t in doc.words_in(first, last)):
            return a.entity
    return None


def _forms(noun: str, pronouns: tuple[str, ...]) -> set[str]:
    """A noun as a sentence may write it: with the article, the accusative alif or a
    possessive pronoun (بيان، البيان، بيانا، بيانه)."""
    return {noun, "ال" + noun, noun + "ا", *(noun + p for p in pronouns)}


class Implied:
    """Who an implied subject is: someone named earlier in the sentence, the latest
    speaker who agrees, or the subject of the sentence before."""

    def __init__(self, doc: RuleDoc, table: EntityTable, around: list[Mention], candidates: list[Candidate],
                 subject: Callable[[tuple[int, int]], bool] = lambda span: True):
        """`subject` says whether a mention may be a clause's subject (the Stanza
        resolver asks the parse; the rules cannot tell)."""
        self.doc = doc
        self.table = table
        self.subject = subject
        claimed = [(c.start, c.end) for c in candidates]
        self.mentions = sorted(
            (m for m in around + self._names(table) if not any(s <= m.span[0] < e for s, e in claimed)),
            key=lambda m: m.span[0])

    def _names(self, table: EntityTable) -> list[Mention]:
        """Every place a known name's last word is written (نتنياهو), outside quotes."""
        surnames = {e.name.split()[-1] for e in table.entities if e.name and e.kind == "person"}
        return [Mention((t.start, t.end), "person", name=(t.start, t.end)) for t in self.doc.tokens
                if t.is_word and t.text in surnames and not self.doc.inside_quote(t.index)]

    def _sentence(self, offset: int) -> int:
        return self.doc.sentence_of[self.doc.token_range(offset, offset + 1)[0]]

    def speaker(self, candidate: Candidate, done: list[Attribution]) -> Entity | None:
        feminine, plural = agreement(candidate)
        at = candidate.cue.start if candidate.cue else candidate.start
        sentence = self._sentence(at)
        here = [m for m in self.mentions if m.span[0] < at and self._sentence(m.span[0]) == sentence
                and self.subject(m.span)]
        for mention in here:
            entity = self.table.find(mention)
            if entity is None or entity.agrees(feminine, plural):
                return self._speaks(mention)
        speakers = [a.entity for a in reversed(done) if a.entity is not None]
        agreeing = next((e for e in speakers if e.agrees(feminine, plural)), speakers[0] if speakers else None)
        if agreeing is not None:
            agreeing.speaks = True
            return agreeing
        end = self.doc.last_word_before_sentence(self.doc.token_range(at, at + 1)[0])
        previous = self.doc.sentence_of[end] if end is not None else None
        before = [m for m in self.mentions if self._sentence(m.span[0]) == previous]
        return self._speaks(before[0]) if before else None

    def _speaks(self, mention: Mention) -> Entity:
        return self.table.add(mention, speaks=True)
