"""Candidate quotes: the reported content around each cue, and where its speaker stands.

A cue becomes a quote only when its content is there: the verb's own kind of content
(an أن clause, a colon or quote marks, a preposition's object, a noun phrase) within
its sentence. A speech verb without it is used in another sense (تابع زيارته) and yields
nothing. Verbs come first, in text order; a cue inside content already claimed is part
of that quote (قال إن الوزير أكد أن ...). Attribution phrases and headlines follow.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Literal

from quotes.rules.cues import Cue
from quotes.rules.document import RuleDoc
from quotes.rules.marks import Quoted
from quotes.rules.phrases import is_event, speaker_bounds

MAX_REGION = 30  # tokens a speaker phrase and its adjuncts may take between cue and content
MIN_SPEECH_WORDS = 4  # fewer words in quote marks, with no colon, is a name or a scare quote
MAX_HEADLINE_SPEAKER = 4  # words before a headline's colon
TRIM = " \t\n.,،:;؛!?؟-–—"

QuoteType = Literal["direct", "indirect", "mixed", "headline"]


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


@dataclass(frozen=True)
class Candidate:
    type: QuoteType
    start: int  # content span in the normalised text
    end: int
    cue: Cue | None
    speaker: SpeakerHint
    rule: str


@dataclass(frozen=True)
class _Opener:
    kind: Literal["quote", "colon", "that", "prep"]
    at: int  # token index of the quote mark, colon, complementizer or preposition


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
            if candidate:
                found.append(candidate)
    for cue in doc.cues:
        if not cue.is_verb and not _claimed(found, cue.start):
            candidate = _from_phrase(doc, cue, sentence_speaker)
            if candidate and not _overlaps(found, candidate):
                found.append(candidate)
    found.extend(h for h in _headlines(doc) if not _overlaps(found, h))
    return sorted(found, key=lambda c: c.start)


def _claimed(found: list[Candidate], at: int) -> bool:
    return any(c.start <= at < c.end for c in found)


def _overlaps(found: list[Candidate], new: Candidate) -> bool:
    return any(c.start < new.end and new.start < c.end for c in found)


# --- verbs --------------------------------------------------------------------------

def _from_verb(doc: RuleDoc, cue: Cue, sentence_speaker: dict[int, SpeakerHint], embedded: set[int]):
    """(candidate or None, the cue's speaker hint or None)."""
    verb = cue.reading.verb
    opener, stop = _scan_for_content(doc, cue, embedded)
    if verb.needs_source and not any(doc.tokens[j].text == verb.source_after for j in range(cue.last + 1, stop)):
        return None, None  # نقل without عن is "moved"
    speaker = _verb_speaker(doc, cue, stop, sentence_speaker)
    if opener is None:
        return _without_opener(doc, cue, speaker), speaker
    if opener.kind in ("quote", "colon") and "speech" not in verb.takes:
        after = doc.next_token(opener.at)
        if not (opener.kind == "colon" and after is not None and doc.is_complementizer(after)):
            return None, speaker  # this verb does not introduce speech: another sense
    if opener.kind == "that" and "that" not in verb.takes:
        return None, speaker
    content = _content(doc, opener)
    if content is None or speaker is None:
        return None, speaker
    kind, start, end, rule = content
    return Candidate(kind, start, end, cue, speaker, rule), speaker


def _verb_speaker(doc: RuleDoc, cue: Cue, stop: int, sentence_speaker) -> SpeakerHint | None:
    """Who speaks at a verb cue: the phrase after it (وقال الوزير), else one before or implied.
    The words after a hal (مؤكدًا الالتزام) are its object, never its subject; and a
    verb with an object or addressee (اتهم، دعا) whose subject stands before it
    (ممثلة تتهم المنتج بـ) has that subject, not the object after it."""
    if cue.kind == "participle":
        return _speaker_when_unsaid(doc, cue, sentence_speaker)
    region = _speaker_after(doc, cue, cue.last + 1, stop - 1)
    if region is None and _impersonal(doc, cue):
        return None
    verb = cue.reading.verb
    if region and not cue.conjoined and ("object" in verb.takes or verb.prepositions):
        region = _subject_before(doc, cue) or region
    return region or _speaker_when_unsaid(doc, cue, sentence_speaker)


def _impersonal(doc: RuleDoc, cue: Cue) -> bool:
    """يذكر أن، يشار إلى أن opening a sentence with no subject: the passive the writer uses
    for an aside (it is mentioned that), with no source to attribute."""
    r = cue.reading
    if cue.conjoined or r.aspect != "imperfect" or (r.person, r.gender, r.number) != (3, "m", "sg"):
        return False
    start, _ = doc.sentence_span(cue.first)
    return not doc.words_in(_skip_openers(doc, start, cue.first - 1), cue.first - 1)


def _scan_for_content(doc: RuleDoc, cue: Cue, embedded: set[int]) -> tuple[_Opener | None, int]:
    """The first token after the cue that opens the verb's content, within its sentence,
    and the token where the scan stopped. A cue met on the way ends the scan, unless a
    relative clause or an occasion holds it (المسؤول الذي طلب عدم نشر اسمه، في مؤتمر نقله
    التلفزيون): then it is theirs."""
    verb = cue.reading.verb
    _, last = doc.sentence_span(cue.last)
    relative = False
    j = cue.last + 1
    while j <= min(last, cue.last + MAX_REGION):
        tok = doc.tokens[j]
        quote = doc.opens_quote(j)
        if quote:
            if _speech_like(doc, quote, j, cue):
                return _Opener("quote", j), j
            j = doc.after_quote(quote, j)  # a name in quote marks is part of the speaker phrase
            continue
        if tok.text == ":":
            return _Opener("colon", j), j
        if tok.is_word:
            if doc.is_complementizer(j):
                return _Opener("that", j), j
            if _is_preposition_of(doc, doc.lexicon.verb_prepositions(verb), j) and not _that_follows(doc, j, last):
                return _Opener("prep", j), j
            nxt = doc.next_word(j)
            relative |= doc.is_word(j, "mk.relative") or (
                tok.text in ("في", "خلال", "عبر") and nxt is not None and is_event(doc, nxt))
            other = doc.cue_at(j)
            if other is not None and other.is_verb and relative and not _opens_at_once(doc, other):
                embedded.add(other.first)
            elif other is not None and other.is_verb or doc.is_word(j, "mk.clause-break"):
                return None, j
        elif tok.text in ",،":
            relative = False
        j += 1
    return None, j


def _opens_at_once(doc: RuleDoc, cue: Cue) -> bool:
    """The cue's content follows it directly (يقول: "...", قائلا إن): it is a live cue."""
    after = doc.next_token(cue.last)
    return after is not None and (doc.tokens[after].text == ":" or doc.opens_quote(after) is not None
                                  or doc.is_complementizer(after))


def _that_follows(doc: RuleDoc, j: int, last: int) -> bool:
    """An أن clause further on, before any other cue: the preposition at j is not the
    verb's (وتأمل فلانة، من مركز ... في شيكاغو، أن ...) unless أن follows it at once."""
    after = doc.next_word(j)
    if after is not None and doc.is_complementizer(after):
        return False
    for k in range(j + 1, last + 1):
        if doc.is_complementizer(k):
            return True
        if doc.cue_at(k) is not None or doc.opens_quote(k):
            return False
    return False


def _speech_like(doc: RuleDoc, quote: Quoted, at: int, cue: Cue | None) -> bool:
    """Quote marks that hold speech: enough words, or right after a colon, or right after
    the cue and ending the sentence (كما أضاف "...")؛ fewer words elsewhere are a name
    or a scare quote (وأوضح "حساب المواطن" أن ...)."""
    before = doc.previous_token(at)
    if len(doc.quote_tokens(quote)) >= MIN_SPEECH_WORDS or (before is not None and doc.tokens[before].text == ":"):
        return True
    after = doc.next_token(doc.after_quote(quote, at) - 1)
    ends = after is None or doc.tokens[after].text in TRIM
    return cue is not None and before == cue.last and ends


def _is_preposition_of(doc: RuleDoc, prepositions: tuple[str, ...], j: int) -> bool:
    """Token j is one of the verb's prepositions (إلى، على، or ب/ل written on the next word)."""
    word = doc.tokens[j].text
    for prep in prepositions:
        if word == prep or (len(prep) == 1 and word.startswith(prep) and len(word) > 3):
            previous = doc.previous_word(j)
            # القائم على، المسؤول عن: the preposition belongs to a role, not to the verb
            return previous is None or (doc.tokens[previous].text, word) not in doc.lexicon.role_phrases
    return False


def _content(doc: RuleDoc, opener: _Opener):
    """(type, start, end, rule) of the content an opener introduces, or None."""
    if opener.kind == "quote":
        quote = doc.opens_quote(opener.at)
        return "direct", quote.inner_start, quote.inner_end, "direct.quote"
    after = doc.next_token(opener.at, cross_line=opener.kind == "colon")
    if after is None:
        return None
    if opener.kind == "colon":
        quote = doc.opens_quote(after)
        if quote:
            return "direct", quote.inner_start, quote.inner_end, "direct.colon-quote"
        if doc.is_complementizer(after):
            return _clause(doc, doc.next_token(after), "indirect.colon-that")
        return _verbatim(doc, after)
    if opener.kind == "that":
        return _clause(doc, after, "indirect.that")
    if doc.is_complementizer(after):  # أشار إلى أن
        return _clause(doc, doc.next_token(after), "indirect.prep-that")
    prep = doc.tokens[opener.at]
    start_at = opener.at if len(prep.text) > 3 else after  # بوقف: the object starts at the word
    return _clause(doc, start_at, "indirect.prep-object")


def _verbatim(doc: RuleDoc, first: int):
    """Words after a colon without quote marks: direct, to the end of the sentence."""
    _, last = doc.sentence_span(first)
    span = _trimmed(doc, first, last)
    return ("direct", *span, "direct.colon-verbatim") if span else None


def _clause(doc: RuleDoc, first: int | None, rule: str):
    """A reported clause from token `first` to the next new-clause cue or the sentence end."""
    if first is None:
        return None
    _, last = doc.sentence_span(first)
    for j in range(first + 1, last + 1):
        if _opens_new_clause(doc, j):
            last = j - 2 if doc.is_word(j - 1, "mk.clause-break") else j - 1  # ... كما قال
            break
    span = _trimmed(doc, first, last)
    if span is None:
        return None
    start, end = span
    quotes = [q for q in doc.quotes if start <= q.start < end]
    if quotes and quotes[0].start == start and quotes[0].end <= end:
        # the clause opens with quoted words: it runs to the end of the quoted part, and a
        # whole-quoted clause drops its outer marks (ANNOTATION.md, mixed)
        after = doc.next_token(doc.after_quote(quotes[0], first) - 1)
        if quotes[0].end == end or (after is not None and doc.tokens[after].text in "،,"):
            start, end = quotes[0].inner_start, quotes[0].inner_end
    return ("mixed" if quotes else "indirect"), start, end, rule


def _opens_new_clause(doc: RuleDoc, j: int) -> bool:
    """Word j starts a new clause: a hal cue (مؤكدًا)؛ a verb cue with و/ف (وأضاف) or after
    كما، لكن (كما قال) that has content of its own; بحسب after a comma."""
    if doc.inside_quote(j):
        return False  # the quoted words are the speaker's, whatever they hold
    before = doc.previous_token(j)
    after_comma = before is not None and doc.tokens[before].text in "،,"
    cue = doc.cue_at(j)
    if cue is None or cue.first != j:
        return False
    if cue.kind == "participle":
        return True
    if cue.kind == "verb":
        opener, stop = _scan_for_content(doc, cue, set())
        if opener is None:
            return False
        joined = cue.conjoined or (before is not None and doc.is_word(before, "mk.clause-break"))
        # قالت القوات ... إنها: a verb before a subject the lexicon knows is a new sentence,
        # not the embedded الوزير أكد أن (after إن the subject comes first)
        return joined or _names_a_speaker(doc, cue.last + 1)
    return cue.kind == "according" and after_comma


def _names_a_speaker(doc: RuleDoc, j: int) -> bool:
    """Word j opens a speaker description: a role, body or title (القوات، الوزير، اللواء)."""
    if j >= len(doc.tokens) or not doc.tokens[j].is_word:
        return False
    word = doc.tokens[j].text
    bare = word[2:] if word.startswith("ال") else word
    lexicon = doc.lexicon
    return any(w in lexicon.role_phrases or w in lexicon.title_phrases for w in ((word,), (bare,)))


def _trimmed(doc: RuleDoc, first: int, last: int) -> tuple[int, int] | None:
    """The character span of tokens first..last without edge punctuation; None if empty."""
    while first <= last and doc.tokens[first].text in TRIM:
        first += 1
    while last >= first and doc.tokens[last].text in TRIM:
        last -= 1
    if first > last:
        return None
    return doc.tokens[first].start, doc.tokens[last].end


def _without_opener(doc: RuleDoc, cue: Cue, speaker: SpeakerHint | None) -> Candidate | None:
    """No content after the cue: a quote before it (".." قال الوزير), or a bare object."""
    verb = cue.reading.verb
    if speaker is None:
        return None
    before = doc.previous_token(cue.first, skip=",،")
    quote = doc.closes_quote(before) if before is not None else None
    if quote and cue.kind == "verb" and "speech" in verb.takes and len(doc.quote_tokens(quote)) >= MIN_SPEECH_WORDS:
        return Candidate("direct", quote.inner_start, quote.inner_end, cue, speaker, "direct.before-cue")
    pronoun_subject = cue.kind == "participle" or cue.reading.number != "sg" or cue.pronoun
    if "object" in verb.takes and pronoun_subject:
        content = _clause(doc, cue.last + 1, "indirect.object")
        if content and len(doc.words_in(cue.last + 1, _token_at(doc, content[2]))) >= 2:
            kind, start, end, rule = content
            return Candidate(kind, start, end, cue, speaker, rule)
    return None


# --- speakers -----------------------------------------------------------------------

def _speaker_after(doc: RuleDoc, cue: Cue, first: int, last: int, skip: int = 0) -> SpeakerHint | None:
    """The speaker phrase between a cue and its content, without adjuncts (خلال اللقاء)."""
    source = cue.reading.verb.source_after if cue.reading else None
    at = next((j for j in range(first, last + 1) if doc.tokens[j].text == source), None) if source else None
    if at is not None:  # نقلت الوكالة عن الوزير: the source follows عن
        first = at + 1
    bounds = speaker_bounds(doc, first, last, lead=not skip)  # وفقا لوزارة: its ل is the cue's
    if bounds is None:
        return None
    return SpeakerHint("after_cue" if cue.is_verb else "source", *bounds, skip)


def _speaker_when_unsaid(doc: RuleDoc, cue: Cue, sentence_speaker) -> SpeakerHint | None:
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
    first = _skip_openers(doc, first, cue.first - 1)
    last = cue.first - 1
    while last >= first and not doc.tokens[last].is_word:
        last -= 1
    words = doc.words_in(first, last)
    if not words or len(words) > MAX_REGION // 2:
        return None
    return SpeakerHint("before_cue", words[0].index, last)


def _clause_edge(doc: RuleDoc, j: int) -> bool:
    """Token j closes the clause before a subject: punctuation, a quote, a clause word
    (بعدما، حيث) or another cue. A relative clause belongs to the subject (الملصقات التي
    تنتشر في الشوارع تقول)."""
    tok = doc.tokens[j]
    return (tok.text in ",،:؛" or doc.closes_quote(j) is not None or doc.is_word(j, "mk.clause-break")
            or doc.cue_at(j) is not None)


def _skip_openers(doc: RuleDoc, first: int, last: int) -> int:
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
                if text in openers or (text[0] in "وف" and text[1:] in openers):
                    first += width
                    moved = True
                    break
    return first


# --- attribution phrases ------------------------------------------------------------

def _from_phrase(doc: RuleDoc, cue: Cue, sentence_speaker) -> Candidate | None:
    if cue.kind == "noun":
        return _from_noun(doc, cue, sentence_speaker)
    return _from_according(doc, cue)


def _from_according(doc: RuleDoc, cue: Cue) -> Candidate | None:
    """بحسب الوزير، فإن ... / ... ، وفق الوزير / حسبما ذكرت الوكالة."""
    start, last = doc.sentence_span(cue.first)
    first = cue.last + 1
    if cue.attribution.source == "verb_after" and first <= last and doc.cue_at(first):
        first = doc.cue_at(first).last + 1
    source_last = first
    while source_last + 1 <= last and not _ends_source(doc, source_last + 1):
        source_last += 1
    speaker = _speaker_after(doc, cue, first, source_last, cue.skip)
    if speaker is None:
        return None
    before = _skip_openers(doc, start, cue.first - 1)
    if not doc.words_in(before, cue.first - 1):
        after = doc.next_token(source_last)
        while after is not None and doc.tokens[after].text in ",،":
            after = doc.next_token(after)
        if after is not None and doc.is_complementizer(after):
            after = doc.next_token(after)
        if after is not None:
            after = _skip_openers(doc, after, last)  # وحسب الوزارة فقد ...
        content = _clause(doc, after, "indirect.according-before")
    elif not doc.words_in(source_last + 1, last):
        span = _trimmed(doc, before, cue.first - 1)
        content = span and _typed(doc, *span, "indirect.according-after")
    else:
        span = _trimmed(doc, before, last)
        content = span and _typed(doc, *span, "indirect.according-inside")
    if not content:
        return None
    kind, s, e, rule = content
    return Candidate(kind, s, e, cue, speaker, rule)


def _ends_source(doc: RuleDoc, j: int) -> bool:
    tok = doc.tokens[j]
    quote = doc.opens_quote(j)
    return (tok.text in ",،:؛" or doc.is_complementizer(j) or (quote is not None and _speech_like(doc, quote, j, None))
            or doc.is_word(j, "mk.adjunct") or doc.is_word(j, "mk.adjunct-preposition") or doc.is_word(j, "mk.clause-break")
            or (doc.cue_at(j) is not None and doc.cue_at(j).is_verb))


def _typed(doc: RuleDoc, start: int, end: int, rule: str):
    mixed = any(start <= q.start < end for q in doc.quotes)
    return ("mixed" if mixed else "indirect"), start, end, rule


def _from_noun(doc: RuleDoc, cue: Cue, sentence_speaker) -> Candidate | None:
    """ختم حديثه بالقول: "..." / بقوله إن ...: the clause's subject speaks."""
    after = doc.next_token(cue.last)
    if after is None:
        return None
    if doc.tokens[after].text == ":" or doc.opens_quote(after) or doc.is_complementizer(after):
        content = _content(doc, _Opener("colon" if doc.tokens[after].text == ":" else
                                        "quote" if doc.opens_quote(after) else "that", after))
    else:
        content = _verbatim(doc, after)
    speaker = _speaker_when_unsaid(doc, cue, sentence_speaker)
    if not content or speaker is None:
        return None
    kind, start, end, rule = content
    return Candidate(kind, start, end, cue, speaker, rule)


# --- headlines ----------------------------------------------------------------------

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
    span = _trimmed(doc, colon + 1, line[-1])
    if span is None:
        return None
    return Candidate("headline", *span, None, SpeakerHint("headline", words[0], words[-1]), "headline.colon")


def _named_elsewhere(doc: RuleDoc, j: int, line: list[int]) -> bool:
    """The headline's speaker word (شويغو) occurs outside the headline line."""
    word = doc.tokens[j].text
    return any(t.is_word and t.text.endswith(word) and t.index not in line for t in doc.tokens)


# --- token helpers ------------------------------------------------------------------

def _token_at(doc: RuleDoc, offset: int) -> int:
    """Index of the last token that starts before `offset`."""
    return max(t.index for t in doc.tokens if t.start < offset)
