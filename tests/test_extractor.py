"""The extractor: the batch path (one result per input, in order, nothing lost to a bad one),
wrong types, generated text and hostile text."""
import pytest

from quotes import Extractor
from quotes.inputs import Document


def test_a_document_that_fails_is_isolated_from_its_batch(monkeypatch):
    extractor = Extractor(backend="rules")
    real = extractor.resolver.resolve_batch

    def resolve_batch(docs, candidates):
        if any("انفجار" in d.text for d in docs):
            raise RuntimeError("parser crashed")
        return real(docs, candidates)

    monkeypatch.setattr(extractor.resolver, "resolve_batch", resolve_batch)
    docs = [Document("a", "وقال الوزير إن الطقس معتدل."),
            Document("b", "وقال الشاهد إن انفجار وقع قرب السوق."),
            Document("c", None, "c: empty document"),
            Document("d", 'وأضاف المدير: "العمل مستمر".')]
    results = extractor.extract_documents(docs)
    assert [r.document for r in results] == ["a", "b", "c", "d"]
    assert [bool(r.errors) for r in results] == [False, True, True, False]
    assert results[1].errors == ["b: extraction failed (RuntimeError: parser crashed)"]
    assert results[0].quotes[0].text == "الطقس معتدل" and results[3].quotes[0].text == "العمل مستمر"


def test_batch_and_single_extraction_agree():
    extractor = Extractor(backend="rules")
    texts = ["وقال الوزير إن الطقس معتدل.", 'وأضاف المدير: "العمل مستمر".']
    batch = extractor.extract_documents([Document(str(i), t) for i, t in enumerate(texts)])
    single = [extractor.extract(t, str(i)) for i, t in enumerate(texts)]
    assert batch == single


def test_a_batch_of_plain_strings_is_named_by_place():
    extractor = Extractor(backend="rules")
    results = extractor.extract_documents(["وقال الوزير إن الطقس معتدل.", 'وأضاف المدير: "العمل مستمر".'])
    assert [r.document for r in results] == ["0", "1"]
    assert results[1].quotes[0].text == "العمل مستمر"


def test_what_is_not_text_is_a_type_error_that_says_so():
    extractor = Extractor(backend="rules")
    with pytest.raises(TypeError, match="the text must be a str .*not NoneType"):
        extractor.extract(None)
    with pytest.raises(TypeError, match="item 1 of the batch must be a str .*not bytes"):
        extractor.extract_documents(["وقال الوزير إن الطقس معتدل.", "نص".encode()])


PIECES = ["قال", "وقال", "أكد", "مؤكدا", "وأضاف", "بحسب", "حسب", "وفقا لـ", "وفق ما", "حسبما", "نقلا عن", "إن", "أن",
          "الوزير", "سامح شكري", "المتحدث باسم الوزارة", "لرويترز", "مصدر", "الأخير", "وهو", "ما", "قد", "في", "3",
          "عاما", ":", "،", ".", "«", "»", '"', "(", ")", "-", "\n", "\n\n", " ", "ً", "\ufeff", "x"]


#: What archives hold besides words: diacritics, tatweel, bidi and zero-width marks, Latin,
#: Arabic-Indic digits, emoji, NUL, CRLF, a very long word.
ODDITIES = ["\u064e", "\u0651", "ـ", "\u200f", "\u202b", "\u202c", "\u200b", "\u200c", "\u200d", "\ufeff",
            "Reuters", "said:", "٢٠٢٤", "😀", "\x00", "\r\n", "\t", "ب" * 300, "“", "”", "‹", "›", "'"]


def fuzz_texts():
    from hypothesis import strategies as st

    piece = st.sampled_from(PIECES) | st.sampled_from(ODDITIES)
    joined = st.lists(piece, max_size=30).map(" ".join)
    glued = st.lists(piece, max_size=30).map("".join)  # marks and clitics with no space between
    return joined | glued | st.text(max_size=40)


def test_any_text_is_read_without_error_the_same_every_time():
    from hypothesis import given, settings

    extractor = Extractor(backend="rules")

    @settings(max_examples=500, deadline=None)
    @given(fuzz_texts())
    def read(text):
        doc = extractor.extract(text)  # every span is checked against the text as it is built
        assert all(q.text.strip() for q in doc.quotes)
        assert [q.start for q in doc.quotes] == sorted(q.start for q in doc.quotes)
        assert extractor.extract(text) == doc
        assert type(doc).model_validate_json(doc.to_json(explain=True)) == doc

    read()


HOSTILE = {
    "20,000 quote marks on one line": '"' * 20_000,
    "10,000 quoted words in one sentence": "وقال الوزير: «" + " ".join(["نعم"] * 10_000) + "».",
    "100,000 cue words in a row": " ".join(["قال"] * 100_000),
    "a 200 KB word": "ب" * 200_000,
}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_text_finishes_in_seconds_with_sane_output(case):
    import time

    text = HOSTILE[case]
    start = time.perf_counter()
    doc = Extractor(backend="rules").extract(text)
    assert time.perf_counter() - start < 30
    assert len(doc.quotes) <= 2 and all(text[q.start:q.end] == q.text for q in doc.quotes)
