"""A Stanza parse seen from the resolver: words with offsets, their heads and children.

Offsets index the normalised text, as the rule engine's (the original is parsed, its
hamza and all, and its offsets mapped). A
multi-word token such as و+قال carries offsets on the token: its words share them unless
Stanza could place each word inside it.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from stanza.models.common.doc import Document

# Dependents that belong to a speaker mention: its name, modifiers and appositions.
MENTION_RELATIONS = frozenset({"flat", "flat:name", "flat:foreign", "nmod", "nmod:poss", "amod", "appos",
                               "compound", "det", "nummod", "case", "fixed", "punct"})

# Parts of speech that never begin or end a person's name.
NOT_IN_NAMES = frozenset({"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PART", "PRON", "PUNCT", "DET", "NUM"})


@dataclass(frozen=True)
class Word:
    sentence: int
    id: int
    text: str
    lemma: str
    upos: str
    feats: dict[str, str]
    head: int  # 0 for the root
    deprel: str
    start: int
    end: int
    token: tuple[int, int]  # the span of the token it is written in (و+قال: وقال)

    @property
    def relation(self) -> str:
        """The main relation, without its subtype (nsubj:pass -> nsubj)."""
        return self.deprel.split(":")[0]


def _preposition_on_the_article(words: list[Word]) -> bool:
    """A token of a preposition and a definite word (بالحكومة; لليونسكو, whose article's
    alif is not written): no name begins so. The parse also splits names (بوكوفا as ب +
    وكوفا), so a preposition alone is not enough."""
    return (len(words) == 2 and words[0].upos == "ADP"
            and (words[1].text.startswith("ال") or (words[0].text == "ل" and words[1].text.startswith("ل"))))


def _feats(raw: str | None) -> dict[str, str]:
    return dict(part.split("=", 1) for part in raw.split("|")) if raw else {}


class Tree:
    """Every word of a parsed document, indexed by sentence, id and character offset."""

    def __init__(self, doc: Document, offsets: Callable[[int, int], tuple[int, int]] | None = None):
        """`offsets` maps the parse's character spans to the spans the resolver uses
        (Normalized.from_original when the original text was parsed)."""
        offsets = offsets or (lambda start, end: (start, end))
        self.sentences: list[list[Word]] = []
        for s_index, sentence in enumerate(doc.sentences):
            words = []
            for token in sentence.tokens:
                written = offsets(token.start_char, token.end_char)
                for word in token.words:
                    placed = word.start_char is not None and word.end_char is not None
                    start, end = offsets(*((word.start_char, word.end_char) if placed
                                           else (token.start_char, token.end_char)))
                    words.append(Word(s_index, word.id, word.text, word.lemma or word.text, word.upos or "X",
                                      _feats(word.feats), word.head or 0, word.deprel or "dep", start, end, written))
            self.sentences.append(words)
        self._children = {(s, w.id): [c for c in words if c.head == w.id]
                          for s, words in enumerate(self.sentences) for w in words}
        self._all = [w for words in self.sentences for w in words]
        self._starts = [w.start for w in self._all]
        self.entities = [(*offsets(e.start_char, e.end_char), e.type) for e in doc.ents]
        self.persons = [span for start, end, kind in self.entities if kind == "PER"
                        if (span := self._name_words(start, end)) is not None]

    def words_at(self, start: int, end: int) -> list[Word]:
        """The words whose offsets fall within [start, end)."""
        i = bisect_right(self._starts, start) - 1
        found = []
        for w in self._all[max(i, 0):]:
            if w.start >= end:
                break
            if w.end > start:
                found.append(w)
        return found

    def _name_words(self, start: int, end: int) -> tuple[int, int] | None:
        """A PER span without the tokens NER took in at its edges that are all verb or
        function words (وردّ مورافيتسكي: and Morawiecki replied; but لوران, read ل + وران,
        stays); None when nothing is left (دان: condemned)."""
        tokens: dict[tuple[int, int], list[Word]] = {}
        for word in self.words_at(start, end):
            tokens.setdefault(word.token, []).append(word)
        kept = list(tokens)
        function = {span for span, words in tokens.items()
                    if not self.can_be_a_name(*span) or _preposition_on_the_article(words)}
        while kept and kept[0] in function:
            kept.pop(0)
        while kept and kept[-1] in function:
            kept.pop()
        return (max(start, kept[0][0]), min(end, kept[-1][1])) if kept else None

    def can_be_a_name(self, start: int, end: int) -> bool:
        """The words written in [start, end) are not all verbs or function words."""
        return any(w.upos not in NOT_IN_NAMES for w in self.words_at(start, end))

    def head_of(self, word: Word) -> Word | None:
        return self.sentences[word.sentence][word.head - 1] if word.head else None

    def children(self, word: Word, *relations: str) -> list[Word]:
        kids = self._children[(word.sentence, word.id)]
        return [c for c in kids if not relations or c.relation in relations or c.deprel in relations]

    def span(self, word: Word, relations: frozenset[str] = MENTION_RELATIONS) -> tuple[int, int]:
        """The character span of `word` and its dependents through `relations`, edge
        punctuation left out."""
        members = [word]
        stack = [word]
        while stack:
            parent = stack.pop()
            for child in self.children(parent):
                if parent is word and child.relation == "case":
                    continue  # عن الوزير: the preposition is the verb's, not the mention's
                if child.deprel in relations or child.relation in relations:
                    members.append(child)
                    stack.append(child)
        members.sort(key=lambda w: w.start)
        while len(members) > 1 and members[-1].upos == "PUNCT":
            members.pop()
        while len(members) > 1 and members[0].upos == "PUNCT":
            members.pop(0)
        return members[0].start, members[-1].end
