import pytest

from quotes.archive.words import Words


@pytest.fixture(scope="module")
def words(lexicon):
    return Words.of(lexicon)


def found(words, query: str, text: str) -> bool:
    """What the engines do: every query word has one of its forms among the text's."""
    held = set(words.index_text(text).split())
    return all(any(f in held for f in forms) for forms in words.query(query))


@pytest.mark.parametrize("query, text", [
    ("حكومة", "وقالت إن الحكومة ملتزمة"),
    ("حكومة", "وحكومتها لم ترد"),
    ("حكومة", "رسالة للحكومة"),
    ("الحكومة", "حكومة جديدة"),
    ("سد", "تحدث عن بناء السد"),
    ("السد", "وبالسد تنتهي الأزمة"),
    ("التزام", "أكد الالتزام بالاتفاق"),
    ("مسؤول", "قال مسئول رفيع"),
    ("عبّرت", "عبرت الوزارة"),  # diacritics in the query
    ("عبرت", "عبّرت الوزارة عن قلقها"),  # and in the text
    ("وزير", "قال وزيره"),
])
def test_a_word_finds_its_clitic_forms(words, query, text):
    assert found(words, query, text)


@pytest.mark.parametrize("query, text", [
    ("بيان", "كيان جديد"),  # ب of بيان is no preposition to take off a search
    ("الله", "قال له"),  # ال of الله is no article
    ("الآن", "أكد أن الاتفاق قائم"),
    ("سد", "سدد الدين"),
])
def test_traps(words, query, text):
    assert not found(words, query, text)


def test_nothing_to_look_up_in_marks_and_tatweel(words):
    assert words.query("ـ « » ،") == ()
    assert words.index_text("ـــ") == ""
