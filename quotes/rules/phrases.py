"""Where a speaker phrase begins and ends among the words around a cue.

وقال [لبي بي سي] [أمس] رئيس الوزراء سامي علي [في مؤتمر صحفي] [للصحفيين] إن ...: the
phrase is what is left when the addressee and the time before it and the occasion,
place and addressee after it are set aside. A phrase that begins with a preposition
(فيها، على موقعه) or a circumstantial clause (وهو محاط ...) names nobody.
"""
from __future__ import annotations

from quotes.rules.document import RuleDoc

PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "ي", "نا", "كم", "ك")
CIRCUMSTANTIAL = frozenset({"وهو", "وهي", "وهم", "وهما"})


def speaker_bounds(doc: RuleDoc, first: int, last: int, lead: bool = True) -> tuple[int, int] | None:
    """The tokens of the speaker phrase within first..last, or None if none is there.
    With `lead`, an addressee or time word may stand before the phrase."""
    if lead:
        first = _skip_leading(doc, first, last)
    if first > last or not _can_start(doc, first):
        return None
    last = _before_adjuncts(doc, first, last)
    while first <= last and not doc.tokens[first].is_word and not doc.opens_quote(first):
        first += 1
    while last >= first and not doc.tokens[last].is_word and not doc.closes_quote(last):
        last -= 1
    return (first, last) if first <= last else None


def _skip_leading(doc: RuleDoc, first: int, last: int) -> int:
    """Pass over an addressee (لـ«اليوم»، للصحفيين) or time (أمس، اليوم) before the speaker;
    a name in quote marks there is the speaker's (وأوضح "حساب المواطن")."""
    j = first
    while j <= last:
        tok = doc.tokens[j]
        if doc.opens_quote(j):
            return j  # a name in quote marks (وأوضح "حساب المواطن" أن)
        if not tok.is_word:
            j += 1
        elif doc.is_word(j, "mk.adjunct"):
            j += 1
        elif tok.text.startswith("ل") and not doc.is_preposition(j):  # لـ، لرويترز، لمجلة "..."
            j += 1
            quote = doc.opens_quote(j) if j <= last else None
            if quote:
                j = doc.after_quote(quote, j)
        else:
            return j
    return j


def _can_start(doc: RuleDoc, j: int) -> bool:
    """A speaker phrase does not begin with a preposition (فيها، على موقعه) or وهو."""
    word = doc.tokens[j].text
    if doc.opens_quote(j):
        return True
    if doc.is_preposition(j) or word in CIRCUMSTANTIAL or doc.is_word(j, "mk.adjunct-preposition"):
        return False  # وأضاف خلال كلمة ...: an occasion, and no speaker before the content
    prepositions = doc.lexicon.words("mk.preposition")
    with_pronoun = any(word.endswith(p) and word[: -len(p)] in prepositions | {"ل", "ب"} for p in PRONOUN_SUFFIXES)
    return not with_pronoun


def _before_adjuncts(doc: RuleDoc, first: int, last: int) -> int:
    """The last token before the first adjunct: time, occasion, addressee, a preposition
    after a name, a relative clause's verb."""
    for j in range(first + 1, last + 1):
        if doc.tokens[j].is_word and ends_phrase(doc, j, first):
            return j - 1
    return last


def ends_phrase(doc: RuleDoc, j: int, first: int) -> bool:
    """Word j does not belong to the speaker phrase begun at `first`."""
    tok = doc.tokens[j]
    if doc.is_word(j, "mk.adjunct") or doc.is_word(j, "mk.adjunct-preposition") or doc.is_word(j, "mk.relative"):
        return True
    nxt = doc.next_word(j)
    if tok.text in ("في", "منذ") and nxt is not None and (is_event(doc, nxt) or _is_number(doc, nxt)):
        return True
    return _addressee(doc, j) or _after_name(doc, j, first)


def is_event(doc: RuleDoc, j: int) -> bool:
    """An occasion or time of speaking (بيان، مؤتمر، عام) after في/خلال."""
    word = doc.tokens[j].text
    events = doc.lexicon.words("mk.event")
    return word in events or (word.startswith("ال") and word[2:] in events)


def _is_number(doc: RuleDoc, j: int) -> bool:
    return doc.tokens[j].kind == "number" or (j + 1 < len(doc.tokens) and doc.tokens[j + 1].kind == "number")


def _addressee(doc: RuleDoc, j: int) -> bool:
    """لـ«عكاظ»، للصحفيين، لوكالة الأنباء، لبي بي سي, رويترز: to whom it was said, not who
    said it. A ل-word that is none of these may be a name (لوك، ليلى)."""
    word = doc.tokens[j].text
    if word == "ل" or (word.startswith("لل") and len(word) > 3):
        return True
    if not word.startswith("ل") or doc.is_preposition(j):
        return False
    rest = word[1:]
    following = [t.text for t in doc.tokens[j + 1:j + 3] if t.is_word]
    media = doc.lexicon.words("mk.media")
    return (rest, ) in doc.lexicon.role_phrases or rest in media \
        or any(" ".join([rest, *following[:n]]) in media for n in (1, 2))


def _after_name(doc: RuleDoc, j: int, first: int) -> bool:
    """A preposition right after a name ends the phrase (أوليانوف على زيارة); after a
    role word it belongs to the role (الدائم لدى المنظمات، الهندسي في اللواء)."""
    if not doc.is_preposition(j) or not doc.tokens[j - 1].is_word:
        return False
    previous = j - 1
    return previous >= first and not doc.tokens[previous].text.startswith("ال")
