"""The text Stanza reads, and the way back to the original text.

The compact models learned from undiacritised text with Latin punctuation (UD Arabic-PUD), so
before parsing:
- characters are mapped one for one (، -> ,  ی -> ي  « -> "  Arabic-Indic digits -> 0-9);
- diacritics are dropped (fully vocalised text would otherwise be unknown words);
- each non-blank input line becomes its own paragraph, so that a headline without final
  punctuation is never glued to the next sentence;
- a line longer than MAX_PIECE_TOKENS tokens is cut into paragraphs at sentence ends, and a
  sentence longer than that at a comma, else a space, else between two marks: the parser's
  memory grows with the square of a sentence's length (a line of 10,000 quoted words asked
  for 60 GB).
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
MAX_PIECE_TOKENS = 200  # tokens a paragraph handed to Stanza holds at most
PIECE_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}_]+|\S")  # a word or one mark, as the tokenizer cuts them
SENTENCE_ENDS = ".!?"
CLAUSE_ENDS = ",;:،؛"


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
        for start, end in pieces(mapped, line.start(), line.end()):
            if chars:
                chars.append(PARAGRAPH_BREAK)
                origin.extend([start - 1] * len(PARAGRAPH_BREAK))
            for i in range(start, end):
                if not DIACRITICS.match(mapped[i]):
                    chars.append(mapped[i])
                    origin.append(i)
    return ParseText(original=original, text="".join(chars), origin=tuple(origin))


def pieces(text: str, start: int, end: int, max_tokens: int = MAX_PIECE_TOKENS) -> list[tuple[int, int]]:
    """text[start:end] (one line) cut into spans of at most `max_tokens` tokens: after the last
    sentence end that fits, else the last comma, else the last space, else between two marks
    (a run of 20,000 quote marks has no space to cut at)."""
    tokens = [(m.start(), m.end()) for m in PIECE_TOKEN.finditer(text, start, end)]
    if len(tokens) <= max_tokens:
        return [(start, end)]

    def last(window: range, marks: str | None) -> int | None:
        """The last token of `window` (one of `marks`, if given) that a space follows."""
        return next((k for k in window if (marks is None or text[tokens[k][0]:tokens[k][1]] in marks)
                     and (tokens[k][1] == end or text[tokens[k][1]].isspace())), None)

    spans: list[tuple[int, int]] = []
    first = 0
    while len(tokens) - first > max_tokens:
        window = range(first + max_tokens - 1, first, -1)
        cut = next((k for k in (last(window, SENTENCE_ENDS), last(window, CLAUSE_ENDS), last(window, None))
                    if k is not None), first + max_tokens - 1)
        spans.append((tokens[first][0], tokens[cut][1]))
        first = cut + 1
    spans.append((tokens[first][0], end))
    return spans
