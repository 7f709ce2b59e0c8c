"""Every person, gender and number of a speech verb, built from the stems in its entry.

The lexicon lists stems (قال / قل, يقول, قائل); these paradigms add the suffixes and
prefixes of Modern Standard Arabic. Forms are normalised (see quotes.text), so hamza
seats on alef and final ى are already plain.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Literal

if TYPE_CHECKING:
    from quotes.lexicon import SpeechVerb

Aspect = Literal["perfect", "imperfect", "participle"]
Gender = Literal["m", "f"] | None
Number = Literal["sg", "du", "pl"]


@dataclass(frozen=True)
class VerbForm:
    """One reading of a surface form: which verb, and its person, gender and number."""

    verb: SpeechVerb
    aspect: Aspect
    person: int
    gender: Gender
    number: Number


# (suffix, stem, person, gender, number). Stems: "third" as listed (قال، دعا), "bare"
# without a final long vowel (دعـ in دعت), "first" the 1st/2nd-person stem (قل، دعو),
# "dual" the stem the dual takes (قالا but دعوا، نفيا).
_PERFECT = (
    ("", "third", 3, "m", "sg"),
    ("ت", "bare", 3, "f", "sg"),
    ("وا", "bare", 3, "m", "pl"),
    ("ا", "dual", 3, "m", "du"),
    ("تا", "bare", 3, "f", "du"),
    ("ن", "first", 3, "f", "pl"),
    ("ت", "first", 1, None, "sg"),
    ("نا", "first", 1, None, "pl"),
    ("تم", "first", 2, "m", "pl"),
    ("تما", "first", 2, None, "du"),
    ("تن", "first", 2, "f", "pl"),
)

# (prefix, suffix, drops the final weak letter, person, gender, number)
_IMPERFECT = (
    ("ي", "", False, 3, "m", "sg"),
    ("ت", "", False, 3, "f", "sg"),
    ("ا", "", False, 1, None, "sg"),
    ("ن", "", False, 1, None, "pl"),
    ("ي", "ون", True, 3, "m", "pl"),
    ("ي", "وا", True, 3, "m", "pl"),
    ("ت", "ون", True, 2, "m", "pl"),
    ("ي", "ان", False, 3, "m", "du"),
    ("ت", "ان", False, 3, "f", "du"),
    ("ي", "ن", False, 3, "f", "pl"),
    ("ت", "ين", True, 2, "f", "sg"),
)

# Accusative forms: the participle as a hal (قائلًا، قائلةً، قائلين).
_PARTICIPLE = (
    ("ا", False, "m", "sg"),
    ("ة", False, "f", "sg"),
    ("ين", True, "m", "pl"),
    ("ات", False, "f", "pl"),
    ("تين", False, "f", "du"),
)


def _is_weak(perfect: str) -> bool:
    """Verbs whose perfect ends in a long vowel (دعا، نفى، رأى) drop it before -t, -uu."""
    return perfect[-1] in "اي"


def verb_forms(verb: SpeechVerb, normalize) -> Iterator[tuple[str, VerbForm]]:
    """(surface form, reading) for every inflection of `verb`, normalised by `normalize`."""
    third = normalize(verb.perfect[0])
    first = normalize(verb.perfect[-1])
    weak = _is_weak(third)
    stems = {"third": third, "bare": third[:-1] if weak else third, "first": first,
             "dual": first if weak else third}
    for suffix, stem, person, gender, number in _PERFECT:
        yield stems[stem] + suffix, VerbForm(verb, "perfect", person, gender, number)

    stem = normalize(verb.imperfect)[1:]
    for prefix, suffix, drops, person, gender, number in _IMPERFECT:
        body = stem[:-1] if drops and weak and stem[-1] in "اوي" else stem
        yield prefix + body + suffix, VerbForm(verb, "imperfect", person, gender, number)

    if verb.participle:
        participle = normalize(verb.participle)
        for suffix, drops, gender, number in _PARTICIPLE:
            body = participle[:-1] if drops and weak and participle.endswith("ي") else participle
            yield body + suffix, VerbForm(verb, "participle", 3, gender, number)
