from hypothesis import given
from hypothesis import strategies as st

from quotes.nlp.prepare import parse_form, prepare_for_parse, to_parse_text


def test_prepare_for_parse_maps_one_for_one():
    text = "تابع وزیر الدفاع، «الجنرال» في ٢٠٢٣"
    mapped = prepare_for_parse(text)
    assert mapped == 'تابع وزير الدفاع, "الجنرال" في 2023'
    assert len(mapped) == len(text)


def test_parse_text_drops_diacritics_and_maps_spans_back():
    original = "قَالَ الوزيرُ: نعم"
    prepared = to_parse_text(original)
    assert prepared.text == "قال الوزير: نعم"
    start = prepared.text.index("الوزير")
    s, e = prepared.to_original(start, start + len("الوزير"))
    assert original[s:e] == "الوزير"


def test_each_line_is_its_own_paragraph():
    original = "شويغو: التعاون وصل إلى مستويات عالية\n\n  \nوقال اللواء باقري"
    prepared = to_parse_text(original)
    assert prepared.text == "شويغو: التعاون وصل إلى مستويات عالية\n\nوقال اللواء باقري"
    start = prepared.text.index("وقال")
    assert prepared.to_original(start, start + 4) == (original.index("وقال"), original.index("وقال") + 4)


def test_seed_parse_text_points_into_the_original(seed_text):
    prepared = to_parse_text(seed_text)
    for i, char in enumerate(prepared.text):
        if char != "\n":
            assert parse_form(seed_text[prepared.origin[i]]) == char


@given(st.text(alphabet="قال وزیر،«» ًٌُ\n٣x", max_size=60))
def test_every_parse_character_comes_from_the_original(original):
    prepared = to_parse_text(original)
    assert len(prepared.origin) == len(prepared.text)
    assert list(prepared.origin) == sorted(prepared.origin)
    for i, char in enumerate(prepared.text):
        if char != "\n":
            assert prepare_for_parse(original[prepared.origin[i]]) == char
