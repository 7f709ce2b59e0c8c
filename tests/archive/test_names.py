import pytest

from quotes.archive.names import NameRules, key, skeleton


@pytest.fixture(scope="module")
def rules(lexicon):
    return NameRules.of(lexicon)


@pytest.mark.parametrize("a, b", [
    ("أَحْمَدُ الطَّيِّبِ", "أحمد الطيب"),  # diacritics
    ("إسرائيل", "اسرائيل"),  # hamza seat
    ("عبد الله الغامدي", "عبدالله الغامدي"),  # عبد joined
    ("#صندوق_النقد_الدولي", "صندوق النقد الدولي"),  # a hashtag
    ("محمد ابن سلمان", "محمد بن سلمان"),
    ("مسؤول", "مسئول"),
    ("البرادعي", "برادعي"),  # the article
])
def test_one_key_for_the_ways_of_writing_a_name(a, b):
    assert key(a) == key(b)


def test_the_article_stays_where_too_little_would_be_left():
    assert key("عبد الله") == "عبدالله" and key("الله") == "الله"
    assert key("") is None and key("،") is None


@pytest.mark.parametrize("a, b", [
    ("مايك بومبيو", "مايك بومبيوا"),  # a final ا after و
    ("دونالد ترامب", "دونالد ترمب"),  # one long vowel
    ("هيلاري كلينتون", "هيلارى كلنتون"),
    ("ريكس تيلرسون", "ريكس تيللرسون"),  # a letter written twice
])
def test_spelling_variants_of_a_transliteration(rules, a, b):
    assert rules.spelling_variants(key(a), key(b))
    assert skeleton(key(a)) == skeleton(key(b))


@pytest.mark.parametrize("a, b", [
    ("محمد علي", "محمود علي"),  # two given names, not two spellings
    ("سلمان العودة", "سليمان العودة"),
    ("سعد الحريري", "سعيد الحريري"),  # a three-letter word: too short to tell
    ("مايك بومبيو", "بومبيو"),  # not as many words: that is the shorter-form rule's
    ("حسن روحاني", "حسين روحاني"),
])
def test_not_spelling_variants(rules, a, b):
    assert not rules.spelling_variants(key(a), key(b))


@pytest.mark.parametrize("short, full", [
    ("ظريف", "محمد جواد ظريف"),
    ("جواد ظريف", "محمد جواد ظريف"),
    ("جمعان الغامدي", "جمعان بن دايس الغامدي"),  # first and last kept, the middle dropped
    ("صندوق النقد", "صندوق النقد الدولي"),  # an organisation, shortened at its end
    ("وكالة الأنباء اليمنية", "وكالة الأنباء اليمنية الرسمية"),
])
def test_shorter_forms_of_a_persons_name(rules, short, full):
    assert rules.shorter_form(key(short), key(full))


@pytest.mark.parametrize("short, full", [
    ("السعودية", "وزارة الداخلية السعودية"),  # a country is not its ministry
    ("محمد", "علي محمد"),  # a given name alone is no surname
    ("بن", "محمد بن"),
    ("سي", "بي سي"),  # two letters
    ("مايك بومبيو", "بومبيو"),  # longer, not shorter
    ("مايك ظريف", "محمد جواد ظريف"),  # a first name of its own
    ("وزارة", "وزارة الخارجية"),  # an organisation's head alone
    ("الخارجية الأميركية", "وزارة الخارجية الأميركية"),  # the end of an organisation's name
])
def test_not_shorter_forms(rules, short, full):
    assert not rules.shorter_form(key(short), key(full))


def test_organisations_are_known_by_their_head(rules):
    assert rules.is_organisation(key("وزارة الخارجية الأميركية"))
    assert not rules.is_organisation(key("سامح شكري"))
