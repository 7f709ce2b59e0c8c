"""Long texts in windows: breaks between paragraphs, spans into the whole text, one entity a name."""
import pytest

from quotes import Extractor
from quotes.extractor import TextTooLong
from quotes.inputs import Document
from quotes.windows import windows

ARTICLE = ("وقال وزير الخارجية سامح شكري للصحفيين: «لن نقبل بأي تدخل في شؤوننا».\n"
           "وأضاف شكري أن الوفد سيعود إلى القاهرة غدا.\n\n"
           "وأكدت الوزيرة هدى سالم أن الامتحانات ستبدأ في موعدها، مشيرة إلى أن الاستعدادات اكتملت.\n\n")


def test_windows_end_at_paragraph_breaks_and_cover_the_text():
    text = ARTICLE * 40
    spans = windows(text, size=1_000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))  # no gap, no overlap
    assert all(end - start <= 1_000 for start, end in spans)
    assert all(text[end - 2:end] == "\n\n" for _, end in spans[:-1])
    assert windows("قصير.", size=1_000) == [(0, 5)]


def test_a_text_with_no_break_is_cut_at_the_size():
    assert windows("ب" * 2_500, size=1_000) == [(0, 1_000), (1_000, 2_000), (2_000, 2_500)]


@pytest.fixture(scope="module")
def extractor():
    return Extractor(backend="rules")


def test_a_long_text_is_extracted_in_windows_as_its_articles_are(extractor):
    one = extractor.extract(ARTICLE)
    text = ARTICLE * 120  # about 25,000 characters: two windows
    assert len(windows(text)) == 2
    doc = extractor.extract(text, "archive.txt")  # every span is checked against the whole text
    assert len(doc.quotes) == 120 * len(one.quotes)
    assert [q.id for q in doc.quotes[:3]] == ["q1", "q2", "q3"]
    assert [q.speaker.name for q in doc.quotes[-len(one.quotes):]] == [q.speaker.name for q in one.quotes]
    shoukry = [e for e in doc.entities if e.name == "سامح شكري"]
    assert len(shoukry) == 1 and len(shoukry[0].mentions) == 120 * len(one.entities[0].mentions)
    assert {q.speaker.entity for q in doc.quotes if q.speaker.name == "سامح شكري"} == {shoukry[0].id}
    assert extractor.extract_documents([Document("a", text)])[0] == doc.model_copy(update={"document": "a"})


def test_a_text_over_the_limit_is_refused_by_name():
    small = Extractor(backend="rules", max_chars=1_000)
    with pytest.raises(TextTooLong, match="more than the limit of 1,000"):
        small.extract(ARTICLE * 10)
    for n in (10, 100):  # parsed in one piece, and in windows
        failed, = small.extract_documents([Document("big", ARTICLE * n)])
        assert failed.quotes == [] and failed.errors[0].startswith(f"big: not extracted: {len(ARTICLE) * n:,} ")
