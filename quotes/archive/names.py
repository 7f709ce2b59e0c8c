"""Speakers' names as the archive compares them across documents.

Two documents rarely write a name the same way: diacritics or none (أَحْمَدُ الطَّيِّبِ),
hamza seats (إسرائيل / اسرائيل), عبد الله or عبدالله, a hashtag (#صندوق_النقد_الدولي), a
transliteration spelt with or without a long vowel (بومبيو / بومبيوا, ترامب / ترمب), the
surname alone (ظريف for محمد جواد ظريف).

    key("عبدُ الله الغامدي")                 # 'عبدالله غامدي': one form for all the ways of writing it
    spelling_variants("مايك بومبيو", "مايك بومبيوا")   # True
    shorter_form("جواد ظريف", "محمد جواد ظريف")       # True: the same person, named shorter

A key is what the archive stores and looks names up by; the two tests say when two
different keys may be one speaker (quotes.archive.merging decides with them).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from quotes.lexicon import Lexicon
from quotes.text import normalize

_SEAT = str.maketrans({"ة": "ه", "ؤ": "ء", "ئ": "ء"})
_NOT_A_LETTER = regex.compile(r"[^\p{L}\p{N}]+")
_LONG_VOWELS = "اوي"
_ARTICLE = "ال"
_SHORTEST_STEM = 3  # ال is dropped only where three letters remain (الله stays)
_SHORTEST_SURNAME = 3  # a surname alone has three letters at least (سي of بي سي is none)


def key(name: str | None) -> str | None:
    """The form two spellings of one name share: letters normalised (no diacritics, one alef,
    ي for ى, ه for ة, ء for the hamza on و or ي), punctuation, hashtags and underscores as spaces, عبد joined to the word
    after it, ابن inside a name as بن, and the article ال dropped from each word."""
    if not name:
        return None
    words = _NOT_A_LETTER.sub(" ", normalize(name).translate(_SEAT)).split()
    joined: list[str] = []
    for i, word in enumerate(words):
        if joined and joined[-1] == "عبد":
            joined[-1] += word
            continue
        joined.append("بن" if word == "ابن" and i else word)
    return " ".join(_without_article(w) for w in joined) or None


def _without_article(word: str) -> str:
    return word[2:] if word.startswith(_ARTICLE) and len(word) - 2 >= _SHORTEST_STEM else word


@dataclass(frozen=True)
class NameRules:
    """The lexicon's closed classes the tests need: given names that differ by a long vowel
    and are not one name (محمد / محمود), words that are no surname alone (محمد، بن), and the
    heads that make a name an organisation's (وزارة، وكالة)."""

    vowel_distinct: frozenset[str]
    not_a_surname: frozenset[str]
    organisation_heads: frozenset[str]

    @classmethod
    def of(cls, lexicon: Lexicon) -> NameRules:
        def keys(words):
            return frozenset(k for w in words if (k := key(w)))

        return cls(keys(lexicon.name_class("nw.vowel-distinct")), keys(lexicon.name_class("nw.not-a-surname")),
                   frozenset(k.split()[0] for h in lexicon.roles if h.kind == "organisation"
                             for f in h.forms if (k := key(f))))

    def spelling_variants(self, a: str, b: str) -> bool:
        """Two keys of as many words, each pair the same or the same transliteration: a letter
        written twice or once, a final ا after و, one long vowel more (in a word of four
        letters or more that is not one of two distinct given names)."""
        wa, wb = a.split(), b.split()
        return a != b and len(wa) == len(wb) and all(x == y or self._word_variant(x, y) for x, y in zip(wa, wb))

    def _word_variant(self, x: str, y: str) -> bool:
        if x in self.vowel_distinct or y in self.vowel_distinct:
            return False
        x, y = _spelt(x), _spelt(y)
        if x == y:
            return True
        short, long_ = sorted((x, y), key=len)
        if len(long_) != len(short) + 1 or len(short) < 4:
            return False
        return any(long_[i] in _LONG_VOWELS and long_[:i] + long_[i + 1:] == short for i in range(1, len(long_) - 1))

    def shorter_form(self, short: str, full: str) -> bool:
        """`short` names whom `full` names. A person: its words end `full` (جواد ظريف، ظريف), or
        keep its first and last words and drop some between (جمعان الغامدي for جمعان بن دايس
        الغامدي), never with a word that is no surname alone (محمد، بن) or of two letters. An organisation: its
        words begin `full`, two at least (صندوق النقد for صندوق النقد الدولي). A person's name
        never shortens an organisation's (السعودية is not وزارة الداخلية السعودية)."""
        ws, wf = short.split(), full.split()
        if len(ws) >= len(wf) or self.is_organisation(short) != self.is_organisation(full):
            return False
        if self.is_organisation(full):
            return len(ws) > 1 and wf[:len(ws)] == ws
        if len(ws) == 1 and (ws[0] in self.not_a_surname or len(ws[0]) < _SHORTEST_SURNAME):
            return False
        if wf[-len(ws):] == ws:
            return True
        return len(ws) > 1 and ws[0] == wf[0] and ws[-1] == wf[-1] and _subsequence(ws, wf)

    def is_organisation(self, name_key: str) -> bool:
        """A name that opens with an organisation's head noun: وزارة الخارجية، شركة سيمنز."""
        return name_key.split()[0] in self.organisation_heads


def skeleton(name_key: str) -> str:
    """The form spelling variants share (letters once, no long vowel inside a word, no final
    ا after و): keys with one skeleton are the only pairs `spelling_variants` can accept."""
    def word(w: str) -> str:
        w = _spelt(w)
        return w[0] + "".join(c for c in w[1:-1] if c not in _LONG_VOWELS) + w[-1] if len(w) > 2 else w
    return " ".join(word(w) for w in name_key.split())


def _spelt(word: str) -> str:
    """A word with each letter once (a doubled letter is a transliteration's choice) and no ا
    after a final و (بومبيوا)."""
    word = regex.sub(r"(.)\1+", r"\1", word)
    return word[:-1] if word.endswith("وا") else word


def _subsequence(short: list[str], full: list[str]) -> bool:
    it = iter(full)
    return all(w in it for w in short)
