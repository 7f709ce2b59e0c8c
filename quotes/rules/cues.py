"""Find cues: speech verbs in any inflection and clitic, and attribution phrases.

Clitics are handled here, once: the conjunctions و/ف before any cue, the particles
س/ل before an imperfect, and an object pronoun after a finite verb (اعتبرها، سأله).
A whole word that is itself a form (وصف، وعد) wins over a split one (و + صف).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Literal

from quotes.lexicon import Attribution, Lexicon, VerbForm
from quotes.rules.tokens import Token

CONJUNCTIONS = "وف"


@dataclass(frozen=True)
class Cue:
    """A cue: its tokens [first, last], what it is, and the lexicon entry that matched."""

    first: int
    last: int
    start: int  # offsets in the normalised text
    end: int
    kind: Literal["verb", "participle", "according", "noun"]
    rule: str
    reading: VerbForm | None = None
    attribution: Attribution | None = None
    conjoined: bool = False  # written with و/ف: it opens a new clause
    pronoun: str = ""  # an object pronoun on the verb
    skip: int = 0  # letters of the next token that belong to the cue (ل of وفقا للوزارة)

    @property
    def is_verb(self) -> bool:
        return self.kind in ("verb", "participle")


def _splits(word: str, object_pronouns: Iterable[str]) -> Iterator[tuple[str, bool, str, bool]]:
    """(stem, had a conjunction, object pronoun, had س/ل) for each way to read `word`."""
    yield word, False, "", False
    bodies = [(word, False)]
    if word[0] in CONJUNCTIONS and len(word) > 3:
        bodies.append((word[1:], True))
        yield word[1:], True, "", False
    for body, conj in bodies:
        if body[0] in "سل" and len(body) > 3:
            yield body[1:], conj, "", True
        for pronoun in object_pronouns:
            if body.endswith(pronoun) and len(body) - len(pronoun) >= 2:
                yield body[: -len(pronoun)], conj, pronoun, False


def verb_reading(word: str, lexicon: Lexicon) -> tuple[VerbForm, bool, str] | None:
    """The best reading of `word` as a speech verb: (reading, conjoined, object pronoun)."""
    for stem, conj, pronoun, particle in _splits(word, lexicon.name_class("nw.object-pronoun")):
        readings = lexicon.verb_forms.get(stem, ())
        if particle:
            readings = tuple(r for r in readings if r.aspect == "imperfect")
        if pronoun:
            readings = tuple(r for r in readings if r.aspect != "participle")
        if readings:
            # Prefer the third person: news reports others' words.
            return min(readings, key=lambda r: r.person != 3), conj, pronoun
    return None


def complementizer(word: str, lexicon: Lexicon) -> bool:
    """أن، إن، بأن and the same with a pronoun (أنه، إنها، بأنهم)."""
    words = lexicon.words("mk.complementizer")
    if word in words:
        return True
    return any(word.endswith(p) and word[: -len(p)] in words for p in lexicon.name_class("nw.complementizer-pronoun"))


@dataclass(frozen=True)
class _PhraseMatch:
    entry: Attribution
    last: int  # index of the phrase's last whole token
    conjoined: bool
    skip: int  # letters of the next token that belong to the phrase (the ل of وفقا للوزارة)


def _attribution_at(tokens: list[Token], i: int, lexicon: Lexicon) -> _PhraseMatch | None:
    """The longest attribution phrase starting at token i."""
    first = tokens[i].text
    heads = [(first, False)] + ([(first[1:], True)] if first[0] in CONJUNCTIONS else [])
    best: _PhraseMatch | None = None
    for head, conj in heads:
        for words, entry in lexicon.attribution_phrases.items():
            if words[0] != head or i + len(words) > len(tokens):
                continue
            following = [tokens[i + k] for k in range(1, len(words))]
            if not all(t.is_word for t in following):
                continue
            *middle, final = following or [None]
            if any(t.text != w for t, w in zip(middle, words[1:-1])):
                continue
            if final is None:
                match = _PhraseMatch(entry, i, conj, 0)
            elif final.text == words[-1]:
                match = _PhraseMatch(entry, i + len(words) - 1, conj, 0)
            elif len(words[-1]) == 1 and final.text.startswith(words[-1]):
                match = _PhraseMatch(entry, i + len(words) - 2, conj, 1)
            else:
                continue
            if best is None or (len(words), -match.skip) > (len(best.entry.phrase.split()), -best.skip):
                best = match  # longest, and whole words before a clitic (وفقا لما over وفقا لـ)
    return best


def find_cues(tokens: list[Token], lexicon: Lexicon) -> list[Cue]:
    """Every candidate cue in the text, in order. Whether it is used as one is decided later."""
    cues: list[Cue] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not tok.is_word:
            i += 1
            continue
        found = _attribution_at(tokens, i, lexicon)
        if found:
            cues.append(Cue(i, found.last, tok.start, tokens[found.last].end, found.entry.kind,
                            found.entry.id, attribution=found.entry, conjoined=found.conjoined,
                            skip=found.skip))
            i = found.last + 1
            continue
        reading = verb_reading(tok.text, lexicon)
        if reading and not _withheld_name(tokens, i, lexicon):
            form, conj, pronoun = reading
            kind = "participle" if form.aspect == "participle" else "verb"
            cues.append(Cue(i, i, tok.start, tok.end, kind, form.verb.id, reading=form,
                            conjoined=conj, pronoun=pronoun))
        i += 1
    return cues


def withholds_name(tokens: list[Token], i: int, lexicon: Lexicon) -> bool:
    """Tokens i and i + 1 open the clause of a source that withholds its name (طلب عدم ذكر
    اسمه، دون الكشف عن هويته)."""
    return i + 1 < len(tokens) and f"{tokens[i].text} {tokens[i + 1].text}" in lexicon.words("mk.anonymity")


def _withheld_name(tokens: list[Token], i: int, lexicon: Lexicon) -> bool:
    """Token i says nothing: it opens or follows that clause, where ذكر and الكشف after عدم
    or دون are verbal nouns."""
    after_verbal_noun = i > 0 and tokens[i - 1].text in lexicon.words("mk.verbal-noun-before")
    return withholds_name(tokens, i, lexicon) or after_verbal_noun


def in_hal_position(tokens: list[Token], cue: Cue, lexicon: Lexicon, after_cue: bool) -> bool:
    """A participle is a hal cue after a pause (، مؤكدًا / "..." موضحًا) or a verb (ويوضح
    قائلًا)، or right before its content (مشيرًا إلى أن، قائلًا:); elsewhere it is an
    adjective (لم يكن متوقعًا)."""
    before = tokens[cue.first - 1] if cue.first else None
    if before is None or before.kind == "newline" or not before.is_word or after_cue:
        return True
    after = tokens[cue.last + 1] if cue.last + 1 < len(tokens) else None
    if after is None or after.kind == "newline":
        return False
    if not after.is_word:
        return after.text == ":" or after.text in lexicon.quote_marks
    prepositions = lexicon.verb_prepositions(cue.reading.verb)
    return complementizer(after.text, lexicon) or after.text in prepositions \
        or any(len(p) == 1 and after.text.startswith(p) for p in prepositions)
