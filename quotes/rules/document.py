"""The rules' view of one text: tokens, paired quotes, sentences and cues."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from quotes.lexicon import Lexicon
from quotes.rules.cues import Cue, complementizer, find_cues, in_hal_position
from quotes.rules.marks import Quoted, outermost, pair_marks
from quotes.rules.tokens import Token, is_sentence_end, tokenize
from quotes.text import Normalized

DAMMA = "\u064f"
ACCUSATIVE_ENDINGS = ("\u064b", "\u064bا", "ا\u064b")  # tanween fatha, written on or before the alif


@dataclass
class RuleDoc:
    norm: Normalized
    lexicon: Lexicon
    tokens: list[Token]  # of the normalised text
    quotes: list[Quoted]  # outermost pairs only
    strays: list[int]

    @classmethod
    def of(cls, norm: Normalized, lexicon: Lexicon) -> RuleDoc:
        quoted, strays = pair_marks(norm.text, lexicon.quote_pairs)
        return cls(norm, lexicon, tokenize(norm.text), list(outermost(quoted)), strays)

    @property
    def text(self) -> str:
        """The normalised text, which every offset here indexes."""
        return self.norm.text

    # --- quotes -------------------------------------------------------------------
    @cached_property
    def _quote_by_token(self) -> dict[int, Quoted]:
        """token index -> the outermost quote it lies in (its marks included)."""
        spans, k = {}, 0
        for tok in self.tokens:
            while k < len(self.quotes) and self.quotes[k].end <= tok.start:
                k += 1
            if k < len(self.quotes) and self.quotes[k].start <= tok.start:
                spans[tok.index] = self.quotes[k]
        return spans

    def quote_of(self, i: int) -> Quoted | None:
        return self._quote_by_token.get(i)

    def opens_quote(self, i: int) -> Quoted | None:
        """The quote whose opening mark is token i."""
        q = self.quote_of(i)
        return q if q is not None and q.start == self.tokens[i].start else None

    def closes_quote(self, i: int) -> Quoted | None:
        """The quote whose closing mark is token i."""
        q = self.quote_of(i)
        return q if q is not None and q.end == self.tokens[i].end else None

    def inside_quote(self, i: int) -> bool:
        """Token i is a word between quote marks (not a mark itself)."""
        q = self.quote_of(i)
        return q is not None and q.start < self.tokens[i].start and self.tokens[i].end < q.end

    def after_quote(self, q: Quoted, at: int) -> int:
        """The index of the first token after quote q, whose opening mark is token `at`."""
        j = at + 1
        while j < len(self.tokens) and self.tokens[j].start < q.end:
            j += 1
        return j

    def quote_tokens(self, q: Quoted) -> list[Token]:
        """The tokens between the marks of an outermost quote (what quote_of gives)."""
        return self._inside_by_quote[q]

    @cached_property
    def _inside_by_quote(self) -> dict[Quoted, list[Token]]:
        """outermost quote -> the tokens between its marks, in one pass."""
        inside: dict[Quoted, list[Token]] = {q: [] for q in self.quotes}
        for tok in self.tokens:
            q = self._quote_by_token.get(tok.index)
            if q is not None and q.start < tok.start and tok.end < q.end:
                inside[q].append(tok)
        return inside

    # --- sentences ------------------------------------------------------------------
    @cached_property
    def sentence_of(self) -> list[int]:
        """Sentence number of every token; a sentence end inside quote marks does not count."""
        abbreviations = self.lexicon.words("mk.abbreviation")
        numbers, n = [], 0
        for i, tok in enumerate(self.tokens):
            numbers.append(n)
            if (tok.kind == "newline" or not self.inside_quote(i)) and is_sentence_end(self.tokens, i, abbreviations):
                n += 1
        return numbers

    @cached_property
    def _sentence_bounds(self) -> list[tuple[int, int]]:
        bounds: list[tuple[int, int]] = []
        for i, s in enumerate(self.sentence_of):
            if s == len(bounds):
                bounds.append((i, i))
            else:
                bounds[s] = (bounds[s][0], i)
        return bounds

    def sentence_span(self, i: int) -> tuple[int, int]:
        """First and last token index of the sentence holding token i."""
        return self._sentence_bounds[self.sentence_of[i]]

    def last_word_before_sentence(self, i: int) -> int | None:
        """The last word of the sentence before the one holding token i, over the line
        breaks between them (a line break is a sentence of its own: a paragraph's first
        sentence follows the last of the paragraph before); None in the first sentence."""
        j = self.sentence_span(i)[0] - 1
        while j >= 0 and not self.tokens[j].is_word:
            j -= 1
        return j if j >= 0 else None

    # --- words ------------------------------------------------------------------------
    @cached_property
    def cues(self) -> list[Cue]:
        """Cues outside quote marks (words inside a quote are the speaker's, not the
        writer's), participles only where they are hal cues."""
        found = [c for c in find_cues(self.tokens, self.lexicon)
                 if not self.inside_quote(c.first) and not self._hamza_below_imperfect(c)
                 and not self._bare_alef_imperfect(c)
                 and not self._written_passive(c)]
        verb_ends = {c.last for c in found if c.kind == "verb"}
        return [c for c in found if c.kind != "participle"
                or in_hal_position(self.tokens, c, self.lexicon, after_cue=c.first - 1 in verb_ends)]

    def _hamza_below_imperfect(self, cue: Cue) -> bool:
        """An imperfect's أ is never written إ: إريك is a name, not أُريك."""
        if cue.reading is None or cue.reading.aspect != "imperfect":
            return False
        return self._stem_letter(cue).startswith("إ")

    def _bare_alef_imperfect(self, cue: Cue) -> bool:
        """The imperfect of a verb whose root begins with hamza keeps it (تأمر، يأمر): written
        with a bare alef after the prefix it is a name (تامر السبهان)."""
        r = cue.reading
        if r is None or r.aspect != "imperfect" or not r.verb.lemma.startswith("أ"):
            return False
        at = cue.start + int(cue.conjoined) + 1  # after the person prefix (ت، ي، ن)
        return self.norm.original_text(at, at + 1) == "ا"

    def written_accusative(self, j: int) -> bool:
        """Token j is written with the accusative tanween (آسِفَةً، مبتسماً): a hal, an object
        or an adverb, never part of a subject."""
        return self.norm.original_text(self.tokens[j].start, self.tokens[j].end).endswith(ACCUSATIVE_ENDINGS)

    def _written_passive(self, cue: Cue) -> bool:
        """A perfect with a damma on its first letter is passive (وكُشفت التفاصيل، أُعلن أن):
        it names no one who said it (ANNOTATION.md: not a quote)."""
        if cue.reading is None or cue.reading.aspect != "perfect":
            return False
        return self._stem_letter(cue)[1:2] == DAMMA

    def _stem_letter(self, cue: Cue) -> str:
        """The first letter of the cue's verb as the original writes it, with its diacritics
        (after the و/ف of a conjoined cue, and whatever vowel that carries: وَكُشِفَت)."""
        at = cue.start + int(cue.conjoined)
        return self.norm.original_text(at, at + 1)

    @cached_property
    def _cue_by_token(self) -> dict[int, Cue]:
        return {i: c for c in self.cues for i in range(c.first, c.last + 1)}

    def cue_at(self, i: int) -> Cue | None:
        """The cue that token i is part of."""
        return self._cue_by_token.get(i)

    def is_word(self, i: int, group: str) -> bool:
        tok = self.tokens[i]
        return tok.is_word and tok.text in self.lexicon.words(group)

    def is_adjunct(self, i: int) -> bool:
        """A time word, alone or with و or ف (أمس، والاثنين): when, never who. A time of
        day that is also a given name is a name before an indefinite word that is no time
        word (المطوفة صباح بوان; but صباح اليوم، صباح يوم الأحد)."""
        tok, adjuncts = self.tokens[i], self.lexicon.words("mk.adjunct")
        if not tok.is_word or (tok.text not in adjuncts and conjunction_off(tok.text) not in adjuncts):
            return False
        return tok.text not in self.lexicon.words("mk.time-or-name") or not self._name_follows(i)

    def _name_follows(self, i: int) -> bool:
        """An indefinite word follows token i, and no time word or marker."""
        after = self.next_token(i)
        if after is None or not self.tokens[after].is_word:
            return False  # صباح، صباح 12 مايو
        word = self.tokens[after].text
        return not word.startswith("ال") and not self.is_adjunct(after) and not self.is_marker(word)

    @cached_property
    def _writes_alef_maqsura(self) -> bool:
        return "على" in self.norm.original

    def is_marker(self, word: str) -> bool:
        """A word of any marker group, with و or ف or without: a complementizer, conjunction,
        adjunct, time word ..."""
        bare = conjunction_off(word)
        return any(word in group or bare in group for group in self.lexicon.markers.values())

    def is_preposition(self, i: int) -> bool:
        """A preposition. Normalised علي is على or the name Ali: where the text writes على
        elsewhere, علي is the name; where it never does, علي before a definite noun
        (علي الفور) is the preposition."""
        tok = self.tokens[i]
        if not tok.is_word or tok.text not in self.lexicon.words("mk.preposition"):
            return False
        if tok.text != "علي" or self.norm.original_text(tok.start, tok.end).endswith("ى"):
            return True
        if self._writes_alef_maqsura:
            return False
        after = self.next_word(i)
        return after is not None and self.tokens[after].text.startswith("ال")

    def is_complementizer(self, i: int) -> bool:
        """أن، إن، بأن (and with a pronoun) opening a clause; not the أن of a conjunction
        (بعد أن، إلا أن، حيث إن)."""
        tok = self.tokens[i]
        if not tok.is_word or not complementizer(tok.text, self.lexicon):
            return False
        before = self.previous_word(i)
        return before is None or before != i - 1 or not self.is_word(before, "mk.conjunction-before-an")

    @cached_property
    def _starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """First and last token index of the tokens covering [start, end)."""
        first = max(bisect_right(self._starts, start) - 1, 0)
        last = max(bisect_left(self._starts, end) - 1, first)
        return first, last

    def words_in(self, first: int, last: int) -> list[Token]:
        return [t for t in self.tokens[first:last + 1] if t.is_word]

    # --- moving along the line ------------------------------------------------------------
    def next_token(self, j: int, cross_line: bool = False) -> int | None:
        """The token after j on its line (or on the next, with `cross_line`)."""
        j += 1
        while cross_line and j < len(self.tokens) and self.tokens[j].kind == "newline":
            j += 1
        return j if j < len(self.tokens) and self.tokens[j].kind != "newline" else None

    def previous_token(self, j: int, skip: str = "") -> int | None:
        """The token before j on its line, passing over punctuation in `skip`."""
        j -= 1
        while j >= 0 and skip and self.tokens[j].text in skip:
            j -= 1
        return j if j >= 0 and self.tokens[j].kind != "newline" else None

    def previous_word(self, j: int) -> int | None:
        """The word before j on its line."""
        j -= 1
        while j >= 0 and not self.tokens[j].is_word:
            if self.tokens[j].kind == "newline":
                return None
            j -= 1
        return j if j >= 0 else None

    def next_word(self, j: int) -> int | None:
        """The word after j on its line."""
        j += 1
        while j < len(self.tokens) and not self.tokens[j].is_word:
            if self.tokens[j].kind == "newline":
                return None
            j += 1
        return j if j < len(self.tokens) else None


def conjunction_off(word: str) -> str | None:
    """The word without the و or ف written on it (والاثنين -> الاثنين، ففي -> في), or None."""
    return word[1:] if word[:1] in "وف" and len(word) > 2 else None
