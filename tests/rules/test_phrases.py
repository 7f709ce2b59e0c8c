"""Where a speaker phrase may begin (quotes.rules.phrases)."""
import pytest

from quotes.rules.phrases import can_start


@pytest.mark.parametrize("text, word, starts", [
    ("وقال الوزير إن الوضع مستقر.", "الوزير", True),
    # a verb of saying opens a clause: no speaker begins with it
    ("واتهموا البلدية بالتقصير وقالوا إنهم ينتظرون.", "وقالوا", False),
    ("وقال إن الوضع مستقر.", "وقال", False),
    # nor does a preposition with its pronoun
    ("التي يعلن فيها الجيش النتائج.", "فيها", False),
])
def test_a_speaker_phrase_begins_with_a_word_that_can_name_one(ruledoc, text, word, starts):
    doc = ruledoc(text)
    (j,) = [t.index for t in doc.tokens if doc.norm.original_text(t.start, t.end) == word]
    assert can_start(doc, j) is starts
