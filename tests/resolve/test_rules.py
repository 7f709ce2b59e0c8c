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


def test_the_statement_alone_is_its_speakers_not_an_earlier_quote_of_itself(resolver_alone):
    text = ('وقال المتحدث باسم الحركة ذبيح الله مجاهد في بيان إعلامي إن "اللقاء كان إيجابيا".\n'
            'وختم البيان بالتأكيد على أن "الحوار سيستمر".\n'
            'وأشار البيان إلى أن "الطرفين اتفقا على لقاء آخر".')
    assert speakers(resolver_alone, text)[2] == ("ذبيح الله مجاهد", "المتحدث باسم الحركة")


def test_the_statement_alone_finds_it_however_the_sentence_before_writes_it(resolver_alone):
    text = ('وكان رئيس الحزب مسعود البارزاني قد قال في تصريح إن "الآلية خاطئة" وأصدر بيانا بذلك.\n'
            'وأضاف البيان أن "الموقف سيعلن قريبا".')  # بيانا: the accusative
    assert speakers(resolver_alone, text) == [("مسعود البارزاني", "رئيس الحزب")] * 2


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
