"""Where the speaker of a cue stands: after it (وقال الوزير), before it (الوزير قال),
in an earlier cue of the sentence (كتب الوزير ... يقول), or nowhere (وأضاف: implied).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from quotes.rules.content import MAX_NAME_IN_MARKS, MAX_REGION
from quotes.rules.cues import Cue
from quotes.rules.document import RuleDoc, conjunction_off
from quotes.rules.phrases import can_start, speaker_bounds

MAX_OBJECT_WORDS = 3  # an object before the preposition (الرسوم الجديدة); a longer phrase holds the subject too


@dataclass(frozen=True)
class SpeakerHint:
    """Where the rules found the speaker: a token range [first, last] and how it stands.

    how: after_cue (وقال الوزير), before_cue (الوزير قال), headline (شويغو: ...),
    source (بحسب الوزير), previous_cue (كتب X ... يقول), implied (وأضاف، مؤكدًا).
    """

    how: Literal["after_cue", "before_cue", "headline", "source", "previous_cue", "implied"]
    first: int | None = None
    last: int | None = None
    skip: int = 0  # letters of the first token that are not the speaker's (the ل of لوزارة)


def verb_speaker(doc: RuleDoc, cue: Cue, stop: int, sentence_speaker) -> SpeakerHint | None:
    """Who speaks at a verb cue: the phrase after it (وقال الوزير), else one before or implied.
    The words after a hal (مؤكدًا الالتزام) are its object, never its subject; and a
    verb with an object or addressee (اتهم، دعا) whose subject stands before it
    (ممثلة تتهم المنتج بـ) has that subject, not the object after it. A plural or dual
    verb carries its subject (أكدوا): the words after it are not the speaker."""
    if cue.kind == "participle":
        return speaker_when_unsaid(doc, cue, sentence_speaker)
    region = speaker_after(doc, cue, cue.last + 1, stop - 1)
    if region is not None and cue.reading.number != "sg":
        region = None  # وطالبوا الجميع: a verb before its subject is singular; after a plural, its object
    if region is None and _impersonal(doc, cue):
        return None
    verb = cue.reading.verb
    if region and not cue.conjoined and ("object" in verb.takes or verb.prepositions):
        region = _subject_before(doc, cue) or region
    if region and region.how == "after_cue" and verb.object_first and _just_the_object(doc, region, stop):
        region = None  # ووصف ريال مدريد بأنه: the club is described; the subject is implied
    return region or speaker_when_unsaid(doc, cue, sentence_speaker)


def _just_the_object(doc: RuleDoc, region: SpeakerHint, stop: int) -> bool:
    """The words after an object-first verb run up to its preposition (ب: بأنه، بالخيانة)
    and are one short phrase, the object. Two phrases (الكرملين هذه الاتهامات بأنها، زعيم
    الحزب جيرمي كوربن حكومة ماي بـ) are the subject and the object."""
    after = doc.next_word(region.last)
    words = [t.text for t in doc.words_in(region.first, region.last)]
    demonstratives = doc.lexicon.name_class("nw.demonstrative")
    return (after is not None and after >= stop and doc.tokens[after].text.startswith("ب")
            and len(words) <= MAX_OBJECT_WORDS and not any(w in demonstratives for w in words))


def _impersonal(doc: RuleDoc, cue: Cue) -> bool:
    """يذكر أن، يشار إلى أن opening a sentence with no subject: the passive the writer uses
    for an aside (it is mentioned that), with no source to attribute."""
    r = cue.reading
    if cue.conjoined or r.aspect != "imperfect" or (r.person, r.gender, r.number) != (3, "m", "sg"):
        return False
    start, _ = doc.sentence_span(cue.first)
    return not doc.words_in(skip_openers(doc, start, cue.first - 1), cue.first - 1)


def speaker_after(doc: RuleDoc, cue: Cue, first: int, last: int, skip: int = 0) -> SpeakerHint | None:
    """The speaker phrase between a cue and its content, without adjuncts (خلال اللقاء)."""
    source = cue.reading.verb.source_after if cue.reading else None
    at = next((j for j in range(first, last + 1) if doc.tokens[j].text == source), None) if source else None
    if at is not None:  # نقلت الوكالة عن الوزير: the source follows عن
        first = at + 1
    bounds = speaker_bounds(doc, first, last, lead=not skip)  # وفقا لوزارة: its ل is the cue's
    if bounds is None:
        return None
    return SpeakerHint("after_cue" if cue.is_verb else "source", *bounds, skip)


def speaker_when_unsaid(doc: RuleDoc, cue: Cue, sentence_speaker) -> SpeakerHint | None:
    """No speaker after the cue: an earlier cue's in the sentence, the subject before it, or implied."""
    if cue.reading and cue.kind == "verb" and cue.reading.person != 3:
        return None  # I/we/you in narrative text: not a report
    earlier = sentence_speaker.get(doc.sentence_of[cue.first])
    if earlier is not None:
        return earlier if earlier.first is None else SpeakerHint("previous_cue", earlier.first, earlier.last, earlier.skip)
    if cue.kind == "verb" and not cue.conjoined:
        before = _subject_before(doc, cue)
        if before:
            return before
    return SpeakerHint("implied")


def _subject_before(doc: RuleDoc, cue: Cue) -> SpeakerHint | None:
    """The subject of a subject-first clause: والد الشهيد ... قال، دراسة طبية تؤكد."""
    start, _ = doc.sentence_span(cue.first)
    if doc.is_word(cue.first - 1, "mk.relative"):
        return None  # التي قال فيها: the speaker is the relative's antecedent, left implied
    first = cue.first
    while first > start and not _clause_edge(doc, first - 1):
        first -= 1
    first = skip_openers(doc, first, cue.first - 1)
    while first < cue.first and (not doc.tokens[first].is_word or doc.is_adjunct(first)):
        first += 1  # والاثنين أعلن المكتب: the time, not the subject
    last = cue.first - 1
    while last >= first and not doc.tokens[last].is_word:
        last -= 1
    words = doc.words_in(first, last)
    if not words or len(words) > MAX_REGION // 2 or not can_start(doc, words[0].index):
        return None  # حيث في مبادرة ... أصر مشايخ القرى: a phrase that opens with في names nobody
    return SpeakerHint("before_cue", words[0].index, last, _conjunction(doc, words[0].index))


def _conjunction(doc: RuleDoc, j: int) -> int:
    """1 where word j is و written on a word the text also writes alone (وجواد يصف: and
    Javad; but وليد is a name): the letters of the conjunction to skip."""
    word = doc.tokens[j].text
    if not word.startswith("و") or len(word) < 4:
        return 0
    return int(any(t.is_word and t.text == word[1:] for t in doc.tokens))


def _clause_edge(doc: RuleDoc, j: int) -> bool:
    """Token j closes the clause before a subject: punctuation (the dash or bracket that
    ends a dateline: دبي، الإمارات (CNN)-- أكد), a quote but a name in marks, a clause word
    (بعدما، حيث), a complementizer (أن ميلفيل أوضح) or another cue. A relative clause
    belongs to the subject (الملصقات التي تنتشر في الشوارع تقول)."""
    tok = doc.tokens[j]
    return (tok.text in ",،:؛)-–—" or (doc.closes_quote(j) is not None and not _name_in_marks(doc, j))
            or doc.is_word(j, "mk.clause-break") or doc.cue_at(j) is not None or doc.is_complementizer(j))


def _name_in_marks(doc: RuleDoc, j: int) -> bool:
    """The quote closing at token j is a name the clause goes on after: a few words between
    words (تنظيم "الدولة الإسلامية" هناك أعلن)."""
    quote = doc.closes_quote(j)
    opening = doc.token_range(quote.start, quote.start + 1)[0]
    before, after = doc.previous_token(opening), doc.next_token(j)
    return (len(doc.quote_tokens(quote)) <= MAX_NAME_IN_MARKS and before is not None and doc.tokens[before].is_word
            and after is not None and doc.tokens[after].is_word)


def skip_openers(doc: RuleDoc, first: int, last: int) -> int:
    """Skip clause openers (من جهته، كما، وقد) that are not the subject."""
    openers = doc.lexicon.words("mk.opener")
    moved = True
    while moved and first <= last:
        moved = False
        while first <= last and not doc.tokens[first].is_word:
            first += 1
        for width in (3, 2, 1):
            words = doc.tokens[first:first + width]
            if len(words) == width and all(t.is_word for t in words):
                text = " ".join(t.text for t in words)
                if text in openers or conjunction_off(text) in openers:
                    first += width
                    moved = True
                    break
    return first
