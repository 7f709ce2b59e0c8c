"""The rules resolver's own readings (quotes.resolve.rules), without the speaker model."""
import pytest

from quotes import Extractor


@pytest.fixture(scope="module")
def resolver_alone():
    return Extractor(backend="rules", speaker_model="none")


def speakers(extractor, text):
    return [(q.speaker.name, q.speaker.role) for q in extractor.extract(text).quotes]


@pytest.mark.parametrize("text, speaker", [
    # a document's issuer, named with ل, after صادر عن, or after a verb that made it
    ("وقال بيان لهيئة الطيران المدني إن الرحلات ستعود غدا.", ("هيئة الطيران المدني", None)),
    ("وأكد تقرير صادر عن منظمة العفو الدولية أن السجناء تعرضوا للتعذيب.", ("منظمة العفو الدولية", None)),
    # after صادر عن an issuer that begins with ل keeps it (لجنة is no ل + جنة)
    ("وقال بيان صادر عن لجنة الانتخابات إن النتائج ستعلن غدا.", ("لجنة الانتخابات", None)),
    ("وذكر تقرير أعدته وزارة الصحة أن الإصابات تراجعت.", ("وزارة الصحة", None)),
    ("وبحسب تقرير سابق لصحيفة الغارديان، فإن الصفقة ألغيت.", ("صحيفة الغارديان", None)),
])
def test_the_issuer_the_text_names_speaks_for_its_document(resolver_alone, text, speaker):
    assert speakers(resolver_alone, text) == [speaker]


@pytest.mark.parametrize("text", [
    # a preposition before ل ends the search: the phrase is about something else
    "وقال البيان في لقاء الأمس إن الوزارة ستفتح تحقيقا.",
])
def test_no_issuer_where_the_text_names_none(resolver_alone, text):
    assert all(name is None for name, _ in speakers(resolver_alone, text))


@pytest.mark.parametrize("text, speaker", [
    # the latter is the one named last, though a role is written before both
    ("استقبل الرئيس المصري عبد الفتاح السيسي رئيس الوزراء الإثيوبي آبي أحمد في القاهرة. "
     "وأكد الأخير أن السد لن يضر بمصر.", ("آبي أحمد", "رئيس الوزراء الإثيوبي")),
    ("واتصل الرئيس الفرنسي إيمانويل ماكرون بالمستشارة الألمانية أنجيلا ميركل. "
     "وقالت الأخيرة إن الاتصال كان مثمرا.", ("أنجيلا ميركل", "المستشارة الألمانية")),
])
def test_the_latter_is_the_source_named_last(resolver_alone, text, speaker):
    assert speakers(resolver_alone, text) == [speaker]
