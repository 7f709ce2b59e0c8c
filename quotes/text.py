"""Arabic normalisation that keeps a map back to the original text.

Rules match on a normalised working copy; everything the package reports indexes the
original. `Normalized` holds both and maps a span of the copy back to the original:
a character removed by normalisation (a diacritic, a tatweel) belongs to the letter
before it, so a word's span in the original always carries its own diacritics.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import regex

# Harakat, tanwin, shadda, sukun, dagger alef, Quranic marks, tatweel, and the
# invisible direction marks that news sites paste into text.
_REMOVED = regex.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")

_REPLACED = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ک": "ك", "ڪ": "ك",
    "ە": "ه", "ھ": "ه",
    **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
})


def normalize_char(ch: str) -> str:
    """The normalised form of one character; '' when normalisation drops it."""
    return "" if _REMOVED.match(ch) else ch.translate(_REPLACED)


def normalize(text: str) -> str:
    """The normalised copy of `text`, without the offset map (for lexicon entries)."""
    return _REMOVED.sub("", text).translate(_REPLACED)


@dataclass(frozen=True)
class Normalized:
    """A normalised copy of `original` and the map from its offsets back."""

    original: str
    text: str
    _starts: tuple[int, ...]  # original index of each kept character
    _ends: tuple[int, ...]  # original index after it and the characters dropped behind it

    @classmethod
    def of(cls, original: str) -> Normalized:
        chars, starts, ends = [], [], []
        for i, ch in enumerate(original):
            norm = normalize_char(ch)
            if norm:
                chars.append(norm)
                starts.append(i)
                ends.append(i + 1)
            elif ends:
                ends[-1] = i + 1  # a dropped mark stays with the letter it sits on
        return cls(original, "".join(chars), tuple(starts), tuple(ends))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span [start, end)."""
        if start >= end:
            at = self._starts[start] if start < len(self._starts) else len(self.original)
            return at, at
        return self._starts[start], self._ends[end - 1]

    def from_original(self, start: int, end: int) -> tuple[int, int]:
        """The normalised span of the original span [start, end): the kept characters in it."""
        return bisect_left(self._starts, start), bisect_left(self._starts, end)

    def original_text(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]
