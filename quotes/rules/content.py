"""The content a cue introduces: where it opens and where the reported clause ends.

A cue's content opens at a colon, quote marks, a complementizer (أن، إن، بأن) or one of
the verb's prepositions (أشار إلى) within its sentence. An indirect clause runs to the
next cue that opens a clause of its own (مؤكدًا، وأضاف، كما قال، قالت القوات ...) or to
the sentence end; one that holds quoted words is mixed.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from quotes.rules.cues import Cue
from quotes.rules.document import RuleDoc
from quotes.rules.marks import Quoted
from quotes.rules.phrases import is_event

MAX_REGION = 30  # tokens a speaker phrase and its adjuncts may take between cue and content
MIN_SPEECH_WORDS = 4  # fewer words in quote marks, with no colon, is a name or a scare quote
MAX_NAME_IN_MARKS = 4  # words a name in quote marks may have (تنظيم "الدولة الإسلامية"، موقع "كوورة")
TRIM = " \t\n.,،:;؛!?؟-–—"


@dataclass(frozen=True)
class Opener:
    kind: Literal["quote", "colon", "that", "prep"]
    at: int  # token index of the quote mark, colon, complementizer or preposition


def scan_for_content(doc: RuleDoc, cue: Cue, embedded: set[int]) -> tuple[Opener | None, int]:
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
            if speech_like(doc, quote, j, cue):
                return Opener("quote", j), j
            j = doc.after_quote(quote, j)  # a name in quote marks is part of the speaker phrase
            continue
        if tok.text == ":":
            return Opener("colon", j), j
        if tok.is_word:
            if doc.is_complementizer(j):
                return Opener("that", j), j
            if _is_preposition_of(doc, doc.lexicon.verb_prepositions(verb), j) and not _that_follows(doc, j, last):
                return Opener("prep", j), j
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


def speech_like(doc: RuleDoc, quote: Quoted, at: int, cue: Cue | None) -> bool:
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


def content_at(doc: RuleDoc, opener: Opener):
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
            return clause(doc, doc.next_token(after), "indirect.colon-that")
        return verbatim(doc, after)
    if opener.kind == "that":
        return clause(doc, after, "indirect.that")
    if doc.is_complementizer(after):  # أشار إلى أن
        return clause(doc, doc.next_token(after), "indirect.prep-that")
    if len(doc.tokens[opener.at].text) > 3:  # بالتصدي: the object starts after the clitic ب
        found = clause(doc, opener.at, "indirect.prep-object")
        return found and (found[0], found[1] + 1, *found[2:])
    return clause(doc, after, "indirect.prep-object")


def verbatim(doc: RuleDoc, first: int):
    """Words after a colon without quote marks: direct, to the end of the sentence."""
    _, last = doc.sentence_span(first)
    span = trimmed(doc, first, last)
    return ("direct", *span, "direct.colon-verbatim") if span else None


def clause(doc: RuleDoc, first: int | None, rule: str):
    """A reported clause from token `first` to the next new-clause cue or the sentence end."""
    if first is None or first >= len(doc.tokens):
        return None  # nothing follows: the text ends there
    _, last = doc.sentence_span(first)
    for j in range(first + 1, last + 1):
        if _opens_new_clause(doc, j):
            last = j - 2 if doc.is_word(j - 1, "mk.clause-break") else j - 1  # ... كما قال
            break
    span = trimmed(doc, first, last)
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
        if cue.conjoined and after_comma and names_a_speaker(doc, cue.last + 1):
            return True  # ...، وأكد المخرج بعد ذلك عبر بيان هذا الخبر: a new report, content or not
        opener, stop = scan_for_content(doc, cue, set())
        if opener is None:
            return False
        joined = cue.conjoined or (before is not None and doc.is_word(before, "mk.clause-break"))
        # قالت القوات ... إنها: a verb before a subject the lexicon knows is a new sentence,
        # not the embedded الوزير أكد أن (after إن the subject comes first)
        return joined or names_a_speaker(doc, cue.last + 1)
    return cue.kind == "according" and after_comma


def names_a_speaker(doc: RuleDoc, j: int) -> bool:
    """Word j opens a speaker description: a role, body or title (القوات، الوزير، اللواء)."""
    if j >= len(doc.tokens) or not doc.tokens[j].is_word:
        return False
    word = doc.tokens[j].text
    bare = word[2:] if word.startswith("ال") else word
    lexicon = doc.lexicon
    return any(w in lexicon.role_phrases or w in lexicon.title_phrases for w in ((word,), (bare,)))


def trimmed(doc: RuleDoc, first: int, last: int) -> tuple[int, int] | None:
    """The character span of tokens first..last without edge punctuation; None if empty."""
    while first <= last and doc.tokens[first].text in TRIM:
        first += 1
    while last >= first and doc.tokens[last].text in TRIM:
        last -= 1
    if first > last:
        return None
    return doc.tokens[first].start, doc.tokens[last].end


def typed(doc: RuleDoc, start: int, end: int, rule: str):
    mixed = any(start <= q.start < end for q in doc.quotes)
    return ("mixed" if mixed else "indirect"), start, end, rule
