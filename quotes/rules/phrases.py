"""Where a speaker phrase begins and ends among the words around a cue.

وقال [لبي بي سي] [أمس] رئيس الوزراء سامي علي [في مؤتمر صحفي] [للصحفيين] إن ...: the
phrase is what is left when the addressee and the time before it and the occasion,
place and addressee after it are set aside. A phrase that begins with a preposition
(فيها، على موقعه) or a circumstantial clause (وهو محاط ...) names nobody.
"""
from __future__ import annotations

from quotes.lexicon import Lexicon
from quotes.rules.cues import withholds_name
from quotes.rules.document import RuleDoc, conjunction_off


def speaker_bounds(doc: RuleDoc, first: int, last: int, lead: bool = True) -> tuple[int, int] | None:
    """The tokens of the speaker phrase within first..last, or None if none is there.
    With `lead`, an addressee or time word may stand before the phrase."""
    if lead:
        first = _skip_leading(doc, first, last)
    if first > last or not can_start(doc, first):
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
        elif doc.is_adjunct(j) or _pronoun_preposition(doc, j):
            j += 1  # أمس، فيها (التي يعلن فيها الجيش ...)
        elif tok.text.startswith("ل") and not doc.is_preposition(j):  # لـ، لرويترز، لمجلة "..."
            construct = not tok.text.startswith("لل")
            j = (_outlet_end(doc, j) or j) + 1  # لبي بي سي: the outlet's every word
            quote = doc.opens_quote(j) if j <= last else None
            if quote:
                j = doc.after_quote(quote, j)
            while construct and j <= last and _genitive(doc, j):
                j += 1  # لشبكات التلفزيون الإيطالية: the addressee's genitive and adjectives
        else:
            return j
    return j


def _genitive(doc: RuleDoc, j: int) -> bool:
    """A definite word after a noun in construct that names no person: not a person's role
    or title (لشبكات التلفزيون الإيطالية; but لوكالة الأنباء الوزير: the minister speaks)."""
    word = doc.tokens[j].text
    head = doc.lexicon.role_phrases.get((word,))
    return (doc.tokens[j].is_word and word.startswith("ال") and (word,) not in doc.lexicon.title_phrases
            and (head is None or head.kind == "organisation"))


def can_start(doc: RuleDoc, j: int) -> bool:
    """A speaker phrase does not begin with a preposition (فيها، على موقعه، ففي), a
    complementizer, an occasion, وهو, or a verb of saying (وقالوا إنهم: a clause, no name)."""
    word = doc.tokens[j].text
    if doc.opens_quote(j):
        return True
    cue = doc.cue_at(j)
    if cue is not None and cue.is_verb:
        return False
    bare = conjunction_off(word) or word
    if (doc.is_preposition(j) or bare in doc.lexicon.words("mk.preposition") or doc.is_complementizer(j)
            or word in doc.lexicon.name_class("nw.circumstantial") or doc.is_word(j, "mk.adjunct-preposition")):
        return False  # وأضاف خلال كلمة ...: an occasion, and no speaker before the content
    return not _pronoun_preposition(doc, j)


def _pronoun_preposition(doc: RuleDoc, j: int) -> bool:
    """فيها، له، عنه: a preposition with a pronoun, never a speaker."""
    word = doc.tokens[j].text
    prepositions = doc.lexicon.words("mk.preposition") | {"ل", "ب"}
    pronouns = doc.lexicon.name_class("nw.preposition-pronoun")
    return any(word.endswith(p) and word[: -len(p)] in prepositions for p in pronouns)


def _before_adjuncts(doc: RuleDoc, first: int, last: int) -> int:
    """The last token before the first adjunct: time, occasion, addressee, a preposition
    after a name, a relative clause's verb."""
    for j in range(first + 1, last + 1):
        if (doc.tokens[j].is_word or doc.opens_quote(j)) and ends_phrase(doc, j, first):
            return j - 1
    return last


def ends_phrase(doc: RuleDoc, j: int, first: int) -> bool:
    """Token j does not belong to the speaker phrase begun at `first`: an adjunct, a
    relative clause (الذي), the clause of a source that withholds its name (طلب عدم ذكر
    اسمه), a hal cue (محذرة), an occasion, medium or time (في بيان، على صفحتها، في عام
    2015), من جانبه, an addressee, or after a name a preposition or a quote (كاميرون "صراع
    جيلنا")."""
    tok = doc.tokens[j]
    if doc.opens_quote(j):
        return _after_name(doc, j, first)
    if doc.is_adjunct(j) or doc.is_word(j, "mk.adjunct-preposition") or doc.is_word(j, "mk.relative"):
        return True
    if withholds_name(doc.tokens, j, doc.lexicon):
        return True  # مسؤول أوروبي، طلب عدم ذكر اسمه
    cue = doc.cue_at(j)
    if cue is not None and cue.kind == "participle":
        return True
    nxt = doc.next_word(j)
    if tok.text in ("في", "منذ", "علي", "عبر") and nxt is not None and (is_event(doc, nxt) or _is_number(doc, nxt)):
        return True  # في بيان، على صفحتها، في عام 2015
    if tok.text == "من" and nxt is not None and doc.tokens[nxt].text.startswith(doc.lexicon.name_class("nw.side")):
        return True  # الأمم المتحدة من جانبها
    return _addressee(doc, j) or told_an_outlet(doc, j) or (doc.is_preposition(j) and _after_name(doc, j, first))


def is_event(doc: RuleDoc, j: int) -> bool:
    """An occasion, medium or time of speaking after في/خلال (بيان، مؤتمر، عام، أبريل), also
    with the article or a possessive pronoun (تقريره، كلمتها)."""
    word = doc.tokens[j].text
    events = doc.lexicon.words("mk.event") | doc.lexicon.words("mk.month")
    stems = [word, word[2:] if word.startswith("ال") else ""]
    for suffix in doc.lexicon.name_class("nw.possessive-suffix"):
        stem = word[:-len(suffix)] if word.endswith(suffix) and len(word) - len(suffix) >= 3 else ""
        stems += [stem, stem[:-1] + "ة" if stem.endswith("ت") else ""]
    return any(s in events for s in stems if s)


def _is_number(doc: RuleDoc, j: int) -> bool:
    return doc.tokens[j].kind == "number" or (j + 1 < len(doc.tokens) and doc.tokens[j + 1].kind == "number")


def _addressee(doc: RuleDoc, j: int) -> bool:
    """لـ«عكاظ»، للصحفيين، لوكالة الأنباء، لبي بي سي, رويترز after a name: to whom it was
    said, not who said it. After a role word a ل-word is its genitive (الرئيس التنفيذي
    للمهرجان)؛ a ل-word that is none of these may be a name (لوك، ليلى)."""
    word = doc.tokens[j].text
    if word == "ل":
        return True
    if not word.startswith("ل") or doc.is_preposition(j) or not _name_like(doc, j - 1):
        return False
    rest = word[2:] if word.startswith("لل") else word[1:]
    return word.startswith("لل") or (rest, ) in doc.lexicon.role_phrases or _outlet_after_l(doc, j)


def _outlet_after_l(doc: RuleDoc, j: int) -> bool:
    """Word j is ل and a news outlet (لرويترز، لبي بي سي)."""
    return _outlet_end(doc, j) is not None


def _outlet_end(doc: RuleDoc, j: int) -> int | None:
    """The last token of the news outlet that word j begins with ل (لبي بي سي: سي), or None."""
    word = doc.tokens[j].text
    if not word.startswith("ل"):
        return None
    following = [t for t in doc.tokens[j + 1:j + 3] if t.is_word]
    width = outlet_width(doc.lexicon, [word[1:], *(t.text for t in following)], 0)
    return None if not width else following[width - 2].index if width > 1 else j


def outlet_width(lexicon: Lexicon, words: list[str], i: int) -> int:
    """Number of words of the news outlet written at words[i] (بي بي سي، فرانس برس), the
    longest first, 0 if none."""
    media = lexicon.words("mk.media")
    return next((n for n in (3, 2, 1) if i + n <= len(words) and " ".join(words[i:i + n]) in media), 0)


def short_of_an_outlet(doc: RuleDoc, span: tuple[int, int]) -> tuple[int, int]:
    """A speaker phrase or name ends before the outlet spoken to (الصياد لبي بي سي)."""
    first, last = doc.token_range(*span)
    for token in doc.words_in(first + 1, last):
        if told_an_outlet(doc, token.index):
            return span[0], doc.tokens[doc.previous_word(token.index)].end
    return span


def told_an_outlet(doc: RuleDoc, j: int) -> bool:
    """Word j names the outlet the speaker spoke to (وأضاف الصياد لبي بي سي): ل and an
    outlet, after any word but a role head (مراسل لبي بي سي works for it)."""
    before = doc.previous_word(j)
    return _outlet_after_l(doc, j) and before is not None \
        and (doc.tokens[before].text,) not in doc.lexicon.role_phrases


def _after_name(doc: RuleDoc, j: int, first: int) -> bool:
    """Token j comes right after a name (أوليانوف على زيارة), not after a role word
    (الدائم لدى المنظمات، متحدث باسم الجيش)."""
    return j - 1 >= first and _name_like(doc, j - 1)


def _name_like(doc: RuleDoc, j: int) -> bool:
    """Word j reads as part of a name: a word, not definite, not a role or title head,
    not a common noun in -ة (هيئة، وزارة)."""
    if j < 0 or not doc.tokens[j].is_word:
        return False
    word = doc.tokens[j].text
    lexicon = doc.lexicon
    return not (word.startswith("ال") or word.endswith(("ة", "ات")) or (word,) in lexicon.role_phrases
                or (word,) in lexicon.title_phrases or doc.is_preposition(j))
