"""Words, punctuation and sentences of the normalised text.

Offsets here index the normalised copy (quotes.text.Normalized.text); the extractor maps
them back to the original when it reports.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

_TOKEN = regex.compile(
    r"(?P<word>#?[\p{L}\p{M}_]+(?:[-'][\p{L}\p{M}]+)*)"
    r"|(?P<number>\p{N}+(?:[.,/:]\p{N}+)*%?)"
    r"|(?P<newline>\n)"
    r"|(?P<punct>\S)"
)
SENTENCE_END = frozenset(".!?؟")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    kind: Literal["word", "number", "newline", "punct"]
    index: int

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


def tokenize(text: str) -> list[Token]:
    """Every word, number, punctuation mark and line break, in order."""
    return [
        Token(m.group(), m.start(), m.end(), m.lastgroup, i)
        for i, m in enumerate(_TOKEN.finditer(text))
    ]


def is_sentence_end(tokens: list[Token], i: int, abbreviations: frozenset[str]) -> bool:
    """A full stop, ! or ? ends a sentence, except in '..' and after an abbreviation (د.)."""
    tok = tokens[i]
    if tok.kind == "newline":
        return True
    if tok.text not in SENTENCE_END:
        return False
    if tok.text == ".":
        before = tokens[i - 1] if i else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if (before and before.text == ".") or (after and after.text == "."):
            return False  # an ellipsis does not end the sentence
        if before and before.end == tok.start and before.text in abbreviations:
            return False
    return True
