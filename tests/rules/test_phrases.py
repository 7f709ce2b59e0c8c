"""Where a speaker phrase may begin (quotes.rules.phrases)."""
import pytest

from quotes.rules.phrases import can_start, speaker_bounds


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


@pytest.mark.parametrize("text, speaker", [
    # the outlet spoken to, of one word or three, stands before the speaker
    ("وقال لرويترز وزير الخارجية أحمد علي إن الحوار مستمر.", "وزير الخارجية أحمد علي"),
    ("وقال لبي بي سي وزير الخارجية أحمد علي إن الحوار مستمر.", "وزير الخارجية أحمد علي"),
    # with none after it, the subject is implied: no word of the outlet is its speaker
    ("وقال لبي بي سي إن الحوار مستمر.", None),
])
def test_an_addressee_before_the_speaker_is_passed_over_whole(ruledoc, text, speaker):
    doc = ruledoc(text)
    cue = next(t.index for t in doc.tokens if t.text == "وقال")
    bounds = speaker_bounds(doc, cue + 1, len(doc.tokens) - 1)
    found = None if bounds is None else doc.norm.original_text(doc.tokens[bounds[0]].start, doc.tokens[bounds[1]].end)
    assert found == speaker if speaker is None else found.startswith(speaker)


@pytest.mark.parametrize("text, speaker", [
    ("وقال مسؤول أوروبي، طلب عدم ذكر اسمه، لوكالة فرانس برس، إن التقدم غير متوقع.", "مسؤول أوروبي"),
    ("وقال دبلوماسي غربي فضل عدم الكشف عن هويته إن المحادثات متعثرة.", "دبلوماسي غربي"),
    ("وقال مصدر أمني، دون ذكر اسمه، إن الهجوم كان منسقا.", "مصدر أمني"),
])
def test_a_source_that_withholds_its_name_is_described_without_that_clause(ruledoc, text, speaker):
    doc = ruledoc(text)
    cue = next(t.index for t in doc.tokens if t.text == "وقال")
    first, last = speaker_bounds(doc, cue + 1, len(doc.tokens) - 1)
    assert doc.norm.original_text(doc.tokens[first].start, doc.tokens[last].end).rstrip("،") == speaker


@pytest.mark.parametrize("text, speaker", [
    # a time of day that is also a given name: a name before a name, a time before a time
    ("وأوضحت المطوفة صباح بوان أن الموسم ناجح.", "المطوفة صباح بوان"),
    ("وأوضحت المطوفة صباح اليوم أن الموسم ناجح.", "المطوفة"),
    ("وقال الوزير صباح يوم الأحد إن الموسم ناجح.", "الوزير"),
    ("وقال الوزير صباح 12 مايو إن الموسم ناجح.", "الوزير"),
    ("وقال الوزير مساء أمس إن الموسم ناجح.", "الوزير"),
])
def test_a_time_of_day_ends_the_phrase_unless_it_is_a_name(ruledoc, text, speaker):
    doc = ruledoc(text)
    cue = next(t.index for t in doc.tokens if t.text in ("واوضحت", "وقال"))
    that = next(t.index for t in doc.tokens if t.text in ("ان", "إن"))
    first, last = speaker_bounds(doc, cue + 1, that - 1)
    assert doc.norm.original_text(doc.tokens[first].start, doc.tokens[last].end) == speaker


@pytest.mark.parametrize("text, speaker", [
    # before the speaker too: a time of day is passed over, a given name is the speaker
    ("وقالت صباح بوان إن الموسم ناجح.", "صباح بوان"),
    ("وقال صباح اليوم الوزير سامي علي إن الموسم ناجح.", "الوزير سامي علي"),
])
def test_a_time_of_day_before_the_speaker_is_passed_over_unless_it_is_a_name(ruledoc, text, speaker):
    doc = ruledoc(text)
    that = next(t.index for t in doc.tokens if t.text == "إن" or t.text == "ان")
    first, last = speaker_bounds(doc, 1, that - 1)
    assert doc.norm.original_text(doc.tokens[first].start, doc.tokens[last].end) == speaker
