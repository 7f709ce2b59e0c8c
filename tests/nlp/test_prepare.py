import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.nlp.prepare import parse_form, pieces, prepare_for_parse, to_parse_text


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


def test_a_long_line_is_cut_at_sentence_ends_then_commas_then_spaces_then_marks():
    sentence = "وقال الوزير إن المحادثات مفيدة للبلدين."  # 7 tokens
    line = " ".join([sentence] * 5)
    assert pieces(line, 0, len(line), max_tokens=8) == [
        (m * (len(sentence) + 1), m * (len(sentence) + 1) + len(sentence)) for m in range(5)]
    clauses = "أولا، ثانيا، ثالثا، رابعا، خامسا"
    assert [clauses[a:b] for a, b in pieces(clauses, 0, len(clauses), max_tokens=4)] == [
        "أولا، ثانيا،", "ثالثا، رابعا،", "خامسا"]
    words = " ".join(["كلمة"] * 7)
    assert [len(words[a:b].split()) for a, b in pieces(words, 0, len(words), max_tokens=3)] == [3, 3, 1]
    marks = '"' * 7
    assert pieces(marks, 0, 7, max_tokens=3) == [(0, 3), (3, 6), (6, 7)]


@pytest.mark.parametrize("original", [
    "وقال: «" + " ".join(["نعم"] * 1_000) + "».",  # 1,000 quoted words
    '"' * 20_000,  # 20,000 quote marks, no space
    "ب" * 5_000 + " " + "ت" * 5_000,  # two huge words: one token each
])
def test_no_paragraph_stanza_reads_holds_more_tokens_than_the_bound(original):
    from quotes.nlp.prepare import MAX_PIECE_TOKENS, PIECE_TOKEN

    prepared = to_parse_text(original)
    assert max(len(PIECE_TOKEN.findall(p)) for p in prepared.text.split("\n\n")) <= MAX_PIECE_TOKENS
    assert "".join(prepared.text.split("\n\n")).replace(" ", "") == original.translate(
        str.maketrans("«»", '""')).replace(" ", "")  # nothing lost
