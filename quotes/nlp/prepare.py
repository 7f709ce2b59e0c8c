"""The text Stanza reads, and the way back to the original text.

The compact models learned from undiacritised text with Latin punctuation (UD Arabic-PUD), so
before parsing:
- characters are mapped one for one (، -> ,  ی -> ي  « -> "  Arabic-Indic digits -> 0-9);
- diacritics are dropped (fully vocalised text would otherwise be unknown words);
- each non-blank input line becomes its own paragraph, so that a headline without final
  punctuation is never glued to the next sentence.
`ParseText.origin` maps every character Stanza reads back to its index in the original.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

#: One-for-one replacements; `prepare_for_parse` keeps the length of the text.
CHAR_MAP = str.maketrans({
    "،": ",", "؛": ";",
    "ی": "ي", "ک": "ك",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'",
    "\u00a0": " ",
    **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
})

#: Harakat, tanween, shadda, sukun, dagger alef: dropped from the parse text.
DIACRITICS = regex.compile(r"[\u064B-\u065F\u0670]")

PARAGRAPH_BREAK = "\n\n"


def prepare_for_parse(text: str) -> str:
    """Map characters one for one to the forms the models learned; the length never changes."""
    return text.translate(CHAR_MAP)


def parse_form(token: str) -> str:
    """A token as it appears in the parse text: mapped and without diacritics."""
    return DIACRITICS.sub("", prepare_for_parse(token))


@dataclass(frozen=True)
class ParseText:
    """The text handed to Stanza and, for each of its characters, the index in the original."""

    original: str
    text: str
    origin: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span [start, end) of the parse text to a span of the original text."""
        return self.origin[start], self.origin[end - 1] + 1


def to_parse_text(original: str) -> ParseText:
    """Build the parse text: mapped characters, no diacritics, one paragraph per line."""
    mapped = prepare_for_parse(original)
    chars: list[str] = []
    origin: list[int] = []
    for line in regex.finditer(r"[^\n]*[^\s][^\n]*", mapped):
        if chars:
            chars.append(PARAGRAPH_BREAK)
            origin.extend([line.start() - 1] * len(PARAGRAPH_BREAK))
        for i in range(line.start(), line.end()):
            if not DIACRITICS.match(mapped[i]):
                chars.append(mapped[i])
                origin.append(i)
    return ParseText(original=original, text="".join(chars), origin=tuple(origin))
