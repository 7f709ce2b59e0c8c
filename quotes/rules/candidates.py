"""Candidate quotes: the reported content around each cue, and where its speaker stands.

A cue becomes a quote only when its content is there: the verb's own kind of content
(an أن clause, a colon or quote marks, a preposition's object, a noun phrase) within
its sentence. A speech verb without it is used in another sense (تابع زيارته) and yields
nothing. Verbs come first, in text order; a cue inside content already claimed is part
of that quote (قال إن الوزير أكد أن ...). Attribution phrases and headlines follow.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterator, Literal

import regex

from quotes.rules.content import (MIN_SPEECH_WORDS, TRIM, Opener, clause, content_at, scan_for_content, speech_like,
                                  trimmed, typed, verbatim)
from quotes.rules.cues import Cue
from quotes.rules.document import RuleDoc
from quotes.rules.phrases import is_event
from quotes.rules.speakers import SpeakerHint, skip_openers, speaker_after, speaker_when_unsaid, verb_speaker

MAX_HEADLINE_SPEAKER = 4  # words before a headline's colon
MAX_NOUN_SOURCE = 6  # tokens between a noun of saying (قول، اتهامات) and its أن
RELATIVE_SUBJECTS = frozenset({"ما", "مما", "من"})  # before a verb: which, whoever
MEDIA = "org.media"  # the role head of an outlet: صحيفة، وكالة الأنباء، قناة
MAX_OBJECT_TOKENS = 4  # tokens of the object between a view verb's subject and its quoted predicate

WORDLIKE = regex.compile(r"[\p{L}\p{N}]")

QuoteType = Literal["direct", "indirect", "mixed", "headline"]


@dataclass(frozen=True)
class Candidate:
    type: QuoteType
    start: int  # content span in the normalised text
    end: int
    cue: Cue | None
    speaker: SpeakerHint
    rule: str


def find_candidates(doc: RuleDoc) -> list[Candidate]:
    """Every candidate quote of the document, sorted by start."""
    found: list[Candidate] = []
    sentence_speaker: dict[int, SpeakerHint] = {}
    embedded: set[int] = set()  # cues inside a relative clause of a speaker phrase
    for cue in doc.cues:
        if cue.is_verb and cue.first not in embedded and not _claimed(found, cue.start):
            candidate, speaker = _from_verb(doc, cue, sentence_speaker, embedded)
            if speaker is not None:
                sentence_speaker[doc.sentence_of[cue.last]] = speaker
            if candidate and _says_something(doc, candidate) and not _overlaps(found, candidate):
                found.append(_relayed(doc, candidate))  # not «» and not a quote an earlier cue reported
    for cue in doc.cues:
        if not cue.is_verb and not _claimed(found, cue.start):
            candidate = _from_phrase(doc, cue, sentence_speaker)
            if candidate and _says_something(doc, candidate) and not _overlaps(found, candidate):
                found.append(candidate)
    found.extend(h for h in _headlines(doc) if not _overlaps(found, h))
    return sorted(found, key=lambda c: c.start)


def _says_something(doc: RuleDoc, candidate: Candidate) -> bool:
    """Content with a word or number in it (an empty «» or a lone mark reports nothing)."""
    return WORDLIKE.search(doc.text, candidate.start, candidate.end) is not None


def _claimed(found: list[Candidate], at: int) -> bool:
    return any(c.start <= at < c.end for c in found)


def _overlaps(found: list[Candidate], new: Candidate) -> bool:
    return any(c.start < new.end and new.start < c.end for c in found)


def _from_verb(doc: RuleDoc, cue: Cue, sentence_speaker: dict[int, SpeakerHint], embedded: set[int]):
    """(candidate or None, the cue's speaker hint or None)."""
    verb = cue.reading.verb
    if _subject_is_relative(doc, cue):
        return None, None
    opener, stop = scan_for_content(doc, cue, embedded)
    if verb.needs_source and not any(doc.tokens[j].text == verb.source_after for j in range(cue.last + 1, stop)):
        return None, None  # نقل without عن is "moved"
    speaker = verb_speaker(doc, cue, stop, sentence_speaker)
    if opener is None:
        return _without_opener(doc, cue, speaker), speaker
    if opener.kind == "quote" and "speech" not in verb.takes and speaker is not None:
        return _quoted_predicate(doc, cue, speaker), speaker  # اعتبره مكتب التحقيقات "عملية ..."
    if opener.kind in ("quote", "colon") and "speech" not in verb.takes:
        after = doc.next_token(opener.at)
        if not (opener.kind == "colon" and after is not None and doc.is_complementizer(after)):
            return None, speaker  # this verb does not introduce speech: another sense
    if opener.kind == "that" and "that" not in verb.takes:
        return None, speaker
    content = content_at(doc, opener)
    if content is None or speaker is None:
        return None, speaker
    kind, start, end, rule = content
    return Candidate(kind, start, end, cue, speaker, rule), speaker


def _subject_is_relative(doc: RuleDoc, cue: Cue) -> bool:
    """ما يشير إلى، مما يعني أن، كل من يلمح إلى: the verb's subject is ما or من, the thing
    said before or anyone at all, not a source (but ما اعتبره المكتب: what the office called)."""
    before = doc.previous_word(cue.first)
    return before is not None and doc.tokens[before].text in RELATIVE_SUBJECTS and not cue.pronoun


def _without_opener(doc: RuleDoc, cue: Cue, speaker: SpeakerHint | None) -> Candidate | None:
    """No content after the cue: a quote before it (".." قال الوزير), or a bare object."""
    verb = cue.reading.verb
    if speaker is None:
        return None
    predicate = _quoted_predicate(doc, cue, speaker)
    if predicate is not None:
        return predicate
    before = doc.previous_token(cue.first, skip=",،")
    quote = doc.closes_quote(before) if before is not None else None
    if quote and cue.kind == "verb" and "speech" in verb.takes and len(doc.quote_tokens(quote)) >= MIN_SPEECH_WORDS:
        return Candidate("direct", quote.inner_start, quote.inner_end, cue, speaker, "direct.before-cue")
    if "object" not in verb.takes or cue.pronoun:
        return None  # تعلنه: the object is the pronoun, what follows is not reported
    pronoun_subject = cue.kind == "participle" or cue.reading.number != "sg"
    if pronoun_subject or speaker.how != "after_cue":
        first = cue.last + 1  # أكدوا، مؤكدًا، طهران نفت: the object follows the cue
    else:
        first = _past_adjuncts(doc, speaker.last + 1)  # أعلنت الوزارة، أمس، القبض على ...
    if first is None or first >= len(doc.tokens) or doc.cue_at(first) is not None:
        return None  # the text ends at the cue (... أكد), or ...، ودعت إلى: a new report, not an object
    content = clause(doc, first, "indirect.object")
    if content and len(doc.words_in(first, _token_at(doc, content[2]))) >= 2:
        kind, start, end, rule = content
        return Candidate(kind, start, end, cue, speaker, rule)
    return None


def _quoted_predicate(doc: RuleDoc, cue: Cue, speaker: SpeakerHint) -> Candidate | None:
    """A view verb's quoted predicate that ends the clause, with the object before it
    (اعتبرها كاميرون "صراع جيلنا"، وصف ظريف تصريحات نتانياهو "بالسيرك الهزلي")."""
    if "quoted" not in cue.reading.verb.takes:
        return None
    first = speaker.last + 1 if speaker.how == "after_cue" else cue.last + 1
    _, last = doc.sentence_span(cue.last)
    at = next((j for j in range(first, min(last, first + MAX_OBJECT_TOKENS) + 1) if doc.opens_quote(j)), None)
    if at is None:
        return None
    quote = doc.opens_quote(at)
    after = doc.next_token(doc.after_quote(quote, at) - 1)
    if after is not None and doc.tokens[after].text not in TRIM and not doc.tokens[after].text.startswith("و"):
        return None  # اعتبر اللاعب نادي "الهلال" بيته: a name in quote marks, the clause goes on
    start = quote.inner_start if at == first else doc.tokens[first].start
    return Candidate("mixed", start, quote.inner_end, cue, speaker, "mixed.quoted-predicate")


def _past_adjuncts(doc: RuleDoc, j: int) -> int | None:
    """The first word after the time, occasion and commas that end a speaker phrase at j
    (، أمس، / يوم السبت / عبر بيان); None when none stands there: then the phrase runs
    into the object and they cannot be told apart."""
    start = j
    while j < len(doc.tokens):
        tok = doc.tokens[j]
        nxt = doc.next_word(j)
        if tok.text in ",،" or doc.is_adjunct(j):
            j += 1
        elif tok.is_word and (doc.is_preposition(j) or doc.is_word(j, "mk.adjunct-preposition")) \
                and nxt is not None and is_event(doc, nxt):
            j = nxt + 1
        else:
            break
    return j if j > start and j < len(doc.tokens) and doc.tokens[j].is_word else None


def _from_phrase(doc: RuleDoc, cue: Cue, sentence_speaker) -> Candidate | None:
    if cue.kind == "noun":
        return _from_noun(doc, cue, sentence_speaker)
    return _from_according(doc, cue)


def _relayed(doc: RuleDoc, candidate: Candidate) -> Candidate:
    """What an outlet reports with its source after the content (ذكرت صحيفة "ديلي ميل" أن
    ...، وفق مصدر عسكري) is that source's: relayed speech belongs to the one who said it."""
    if not _an_outlet(doc, candidate.speaker):
        return candidate
    last = doc.token_range(candidate.start, candidate.end)[1]
    j = doc.next_word(last)
    cue = doc.cue_at(j) if j is not None and doc.sentence_of[j] == doc.sentence_of[last] else None
    if cue is None or cue.kind != "according" or cue.first != j:
        return candidate
    found = _according_source(doc, cue)
    return candidate if found is None else replace(candidate, speaker=found[0])


def _an_outlet(doc: RuleDoc, hint: SpeakerHint) -> bool:
    """The speaker phrase opens with an outlet's head (صحيفة، وكالة الأنباء، قناة)."""
    if hint.first is None:
        return False
    words = tuple(t.text for t in doc.words_in(hint.first, hint.last)[:2])
    heads = (doc.lexicon.role_phrases.get(words[:width]) for width in (2, 1))
    return any(head is not None and head.id == MEDIA for head in heads)


def _according_source(doc: RuleDoc, cue: Cue) -> tuple[SpeakerHint, int] | None:
    """The source an attribution phrase names (بحسب الوزير، وفق ما أفاد مصدر) and its last
    token, or None where no source follows it in its sentence."""
    _, last = doc.sentence_span(cue.first)
    first = cue.last + 1
    if cue.attribution.source == "verb_after" and first <= last and doc.cue_at(first):
        first = doc.cue_at(first).last + 1
    if first > last:
        return None  # the cue ends the sentence (... بحسب، وفق ما أفاد): no source follows it
    source_last = first
    while source_last + 1 <= last and not _ends_source(doc, source_last + 1):
        source_last += 1
    speaker = speaker_after(doc, cue, first, source_last, cue.skip)
    return None if speaker is None else (speaker, source_last)


def _from_according(doc: RuleDoc, cue: Cue) -> Candidate | None:
    """بحسب الوزير، فإن ... / ... ، وفق الوزير / حسبما ذكرت الوكالة."""
    start, last = doc.sentence_span(cue.first)
    found = _according_source(doc, cue)
    if found is None:
        return None
    speaker, source_last = found
    before = skip_openers(doc, start, cue.first - 1)
    if not doc.words_in(before, cue.first - 1):
        after = doc.next_token(source_last)
        while after is not None and doc.tokens[after].text in ",،":
            after = doc.next_token(after)
        if after is not None and doc.is_complementizer(after):
            after = doc.next_token(after)
        if after is not None:
            after = skip_openers(doc, after, last)  # وحسب الوزارة فقد ...
        content = clause(doc, after, "indirect.according-before")
    elif not doc.words_in(source_last + 1, last):
        span = trimmed(doc, before, cue.first - 1)
        content = span and typed(doc, *span, "indirect.according-after")
    else:
        span = trimmed(doc, before, last)
        content = span and typed(doc, *span, "indirect.according-inside")
    if not content:
        return None
    kind, s, e, rule = content
    return Candidate(kind, s, e, cue, speaker, rule)


def _ends_source(doc: RuleDoc, j: int) -> bool:
    tok = doc.tokens[j]
    quote = doc.opens_quote(j)
    return (tok.text in ",،:؛" or doc.is_complementizer(j) or (quote is not None and speech_like(doc, quote, j, None))
            or doc.is_adjunct(j) or doc.is_word(j, "mk.adjunct-preposition") or doc.is_word(j, "mk.clause-break")
            or (doc.cue_at(j) is not None and doc.cue_at(j).is_verb))


def _from_noun(doc: RuleDoc, cue: Cue, sentence_speaker) -> Candidate | None:
    """Nouns of saying. بالقول، بقوله: the content follows at once, the clause's subject
    speaks (ختم حديثه بالقول: "..."). قول، اتهامات: the source follows in the genitive, then
    an أن/إن clause (رغم قول علماء إن ...، اتهامات منتقديه من أن ...)."""
    if cue.attribution.source == "subject":
        after = doc.next_token(cue.last)
        if after is None:
            return None
        if doc.tokens[after].text == ":" or doc.opens_quote(after) or doc.is_complementizer(after):
            content = content_at(doc, Opener("colon" if doc.tokens[after].text == ":" else
                                             "quote" if doc.opens_quote(after) else "that", after))
        else:
            content = verbatim(doc, after)
        speaker = speaker_when_unsaid(doc, cue, sentence_speaker)
    else:
        _, last = doc.sentence_span(cue.last)
        opener = next((j for j in range(cue.last + 1, min(last, cue.last + MAX_NOUN_SOURCE) + 1)
                       if doc.is_complementizer(j)), None)
        if opener is None:
            return None
        content = content_at(doc, Opener("that", opener))
        speaker = speaker_after(doc, cue, cue.last + 1, opener - 1)
    if not content or speaker is None:
        return None
    kind, start, end, rule = content
    return Candidate(kind, start, end, cue, speaker, rule)


def _headlines(doc: RuleDoc) -> Iterator[Candidate]:
    """A title line `NAME: statement` without final punctuation, the name used in the text too."""
    line: list[int] = []
    for tok in doc.tokens + [None]:
        if tok is None or tok.kind == "newline":
            headline = _headline(doc, line)
            if headline:
                yield headline
            line = []
        else:
            line.append(tok.index)


def _headline(doc: RuleDoc, line: list[int]) -> Candidate | None:
    colon = next((j for j in line if doc.tokens[j].text == ":"), None)
    if colon is None or doc.tokens[line[-1]].text in ".!؟?:":
        return None
    speaker = [j for j in line if j < colon]
    words = [j for j in speaker if doc.tokens[j].is_word]
    if not 1 <= len(words) <= MAX_HEADLINE_SPEAKER or any(doc.cue_at(j) for j in speaker):
        return None
    if len(doc.words_in(colon + 1, line[-1])) < 2 or not _named_elsewhere(doc, words[-1], line):
        return None
    span = trimmed(doc, colon + 1, line[-1])
    if span is None:
        return None
    return Candidate("headline", *span, None, SpeakerHint("headline", words[0], words[-1]), "headline.colon")


def _named_elsewhere(doc: RuleDoc, j: int, line: list[int]) -> bool:
    """The headline's speaker word (شويغو) is a speaker's elsewhere in the text: right
    after a cue, a title or a role (وأضاف شويغو، الوزير شويغو) or right before a cue. A
    place (إيران: ...) or a section label is not."""
    word = doc.tokens[j].text
    for t in doc.tokens:
        if not t.is_word or t.text != word or t.index in line:
            continue
        before, after = doc.previous_word(t.index), doc.next_word(t.index)
        if (before is not None and (doc.cue_at(before) or _titles_or_roles(doc, before))) or \
                (after is not None and doc.cue_at(after) is not None):
            return True
    return False


def _titles_or_roles(doc: RuleDoc, j: int) -> bool:
    word = doc.tokens[j].text
    bare = word[2:] if word.startswith("ال") else word
    return any((w,) in doc.lexicon.title_phrases or (w,) in doc.lexicon.role_phrases for w in (word, bare))


def _token_at(doc: RuleDoc, offset: int) -> int:
    """Index of the last token that starts before `offset`."""
    return max(t.index for t in doc.tokens if t.start < offset)
