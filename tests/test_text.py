from hypothesis import given, strategies as st

from quotes.text import Normalized, normalize


def test_normalises_hamza_alef_maqsura_persian_letters_and_digits():
    assert normalize("أكد إن آية ٱلله على ٣٤ یوم ک") == "اكد ان اية الله علي 34 يوم ك"


def test_drops_diacritics_and_tatweel_but_maps_back_to_the_original():
    original = "وَقَالَتْ الوزيـــرة"
    n = Normalized.of(original)
    assert n.text == "وقالت الوزيرة"
    start = n.text.index("الوزيرة")
    assert n.original_text(start, start + len("الوزيرة")) == "الوزيـــرة"
    # a word's span carries its own diacritics, to the last one
    assert n.original_text(0, len("وقالت")) == "وَقَالَتْ"


def test_empty_span_maps_to_a_point():
    n = Normalized.of("قال")
    assert n.to_original(3, 3) == (3, 3)


arabic = st.text(alphabet=st.sampled_from(list("قالتوزيرأإآىیکـ َُِّْ٣ًٌٍ\"«»،.\n")), max_size=60)


@given(arabic)
def test_every_normalised_span_maps_to_original_text_that_normalises_to_it(original):
    n = Normalized.of(original)
    for start in range(len(n.text) + 1):
        for end in range(start, len(n.text) + 1):
            s, e = n.to_original(start, end)
            assert normalize(original[s:e]) == n.text[start:end]
