"""The words a quote is found by: Arabic letters normalised, clitics off.

    words = Words.of(load_lexicon())
    words.forms("وبحكومتها")    # ('وبحكومتها', 'بحكومتها', 'حكومتها', ...): each finds it
    words.index_text("قال: «والحكومة ملتزمة»")   # every form of every word, for the full-text index
    words.query("والحكومة")     # (('والحكومة', 'حكومة'),): what a search for والحكومة looks for

A document word is indexed under itself and every form its clitics can be taken off to (a
conjunction و/ف, a preposition ب/ل/ك, the article ال or لل, a pronoun suffix, and ت back to
ة before it); a search word is looked up as typed, or less an article and what stands
before it. So حكومة finds الحكومة، وحكومتها and للحكومة, a search for الحكومة finds حكومة, and سد
finds بالسد. A stem keeps three letters at least, two after the article (السد), and the
lexicon's words whose ال is no article (الله، الآن، الذي) are left whole.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from quotes.lexicon import Lexicon
from quotes.text import normalize

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")  # diacritics inside a word (عبّرت) are of it
_SEAT = str.maketrans({"ؤ": "ء", "ئ": "ء"})  # مسؤول and مسئول meet
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "ها", "نا", "ه")  # longest first
_STEM = 3
_STEM_AFTER_ARTICLE = 2
_REMEMBERED = 500_000  # words whose forms are kept
_ARTICLE = regex.compile(r"^[وف]?(?:[بك]?ال|لل)(?=..)")  # what a search word may carry: وبالسد، للحكومة


@dataclass(frozen=True)
class Words:
    not_an_article: frozenset[str]
    _seen: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)  # forms by word

    @classmethod
    def of(cls, lexicon: Lexicon) -> Words:
        return cls(frozenset(normalize(w) for w in lexicon.words("mk.not-an-article")))

    def forms(self, word: str) -> tuple[str, ...]:
        """The word (normalised) and every form its clitics can be taken off to: a
        conjunction, then a preposition, then the article, then a pronoun suffix."""
        forms = [normalize(word).translate(_SEAT)]
        if not forms[0]:  # a tatweel or a diacritic alone
            return ()
        for peel in (_conjunction, _preposition, _article, _suffix):
            forms += [p for f in forms if f not in self.not_an_article for p in peel(f)]
        return tuple(dict.fromkeys(forms))

    def index_text(self, text: str) -> str:
        """Every form of every word of `text`, space-separated: what the full-text index holds."""
        return " ".join(f for w in _WORD.findall(text) for f in self._forms(w))

    def _forms(self, word: str) -> tuple[str, ...]:
        """forms(), worked out once a word: news repeats its words."""
        if word not in self._seen:
            if len(self._seen) >= _REMEMBERED:
                self._seen.clear()
            self._seen[word] = self.forms(word)
        return self._seen[word]

    def query(self, text: str) -> tuple[tuple[str, ...], ...]:
        """What a search looks up: for each word (a quote must hold all), the forms any of
        which will do: as typed, normalised, and without an article and what comes before it
        (والحكومة -> حكومة; التزام -> تزام too, as its ال may be the article of الالتزام). Nothing
        else is taken off, so بيان does not find كيان."""
        words = [w for w in (normalize(w).translate(_SEAT) for w in _WORD.findall(text)) if w]
        return tuple(dict.fromkeys(_either(w, self.not_an_article) for w in words))


def _either(word: str, whole: frozenset[str]) -> tuple[str, ...]:
    bare = word if word in whole else _ARTICLE.sub("", word)
    return (word, bare) if bare != word else (word,)


def _conjunction(word: str) -> list[str]:
    return [word[1:]] if word[:1] in _CONJUNCTIONS and len(word) > _STEM else []


def _preposition(word: str) -> list[str]:
    return [word[1:]] if word[:1] in _PREPOSITIONS and len(word) > _STEM else []


def _article(word: str) -> list[str]:
    """السد -> سد, and للحكومة (ل with ال) -> حكومة."""
    for article in ("ال", "لل"):
        if word.startswith(article) and len(word) - 2 >= _STEM_AFTER_ARTICLE:
            return [word[2:]]
    return []


def _suffix(word: str) -> list[str]:
    """حكومتها -> حكومت and حكومة (ة is written ت before a pronoun); وزيره -> وزير."""
    for s in _SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= _STEM:
            stem = word[:-len(s)]
            return [stem, stem[:-1] + "ة"] if stem.endswith("ت") else [stem]
    return []
