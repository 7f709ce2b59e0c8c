import pytest

from quotes.rules.cues import complementizer, find_cues, verb_reading
from quotes.rules.tokens import tokenize
from quotes.text import normalize


@pytest.mark.parametrize("word, lemma, conjoined, pronoun", [
    ("وقال", "قال", True, ""),
    ("فأكدت", "أكد", True, ""),
    ("وسيقول", "قال", True, ""),
    ("اعتبرها", "اعتبر", False, "ها"),
    ("ووصفها", "وصف", True, "ها"),
    ("وصف", "وصف", False, ""),  # a whole form wins over و + صف
])
def test_clitics_are_stripped_once_in_code(lexicon, word, lemma, conjoined, pronoun):
    reading, conj, pron = verb_reading(normalize(word), lexicon)
    assert (reading.verb.lemma, conj, pron) == (lemma, conjoined, pronoun)


@pytest.mark.parametrize("word", ["الوزير", "قائد", "بيان", "بين", "وزارة"])
def test_words_that_are_not_speech_verbs(lexicon, word):
    assert verb_reading(normalize(word), lexicon) is None


@pytest.mark.parametrize("word, expected", [("أن", True), ("إنه", True), ("بأنهم", True), ("فإن", True),
                                            ("لأن", False), ("أنف", False)])
def test_complementizers_with_pronouns(lexicon, word, expected):
    assert complementizer(normalize(word), lexicon) is expected


def test_attribution_phrases_span_words_and_clitics(lexicon):
    text = normalize("ووفقاً للوزارة فإن الوضع صعب، بحسب ما ذكرت الوكالة")
    cues = find_cues(tokenize(text), lexicon)
    found = [(c.rule, text[c.start:c.end], c.conjoined, c.skip) for c in cues]
    assert found[0] == ("attr.wifqan-li", "ووفقا", True, 1)
    assert found[1] == ("attr.bihasab-ma", "بحسب ما", False, 0)


def test_a_name_written_with_hamza_below_is_not_an_imperfect(ruledoc):
    # إريك reads as أريك (I show you) once إ and أ are normalised alike; an imperfect's أ
    # is never written إ
    doc = ruledoc("وقال المدعي العام لنيويورك إريك شنايدمان إنه رفع دعوى قضائية ضد الشركة.")
    assert [c.reading.verb.lemma for c in doc.cues] == ["قال"]


@pytest.mark.parametrize("text, said", [
    # ذكر and الكشف after عدم or دون are verbal nouns, and طلب opens the clause of the withheld name
    ("وقال مسؤول، طلب عدم ذكر اسمه، إن الوفد وصل.", ["وقال"]),
    ("وقال مصدر، دون ذكر اسمه، إن الوفد وصل.", ["وقال"]),
    # ذكر alone is the verb
    ("وذكر مصدر أن الوفد وصل.", ["وذكر"]),
])
def test_words_of_a_withheld_name_are_no_cues(lexicon, text, said):
    tokens = tokenize(normalize(text))
    assert [tokens[c.first].text for c in find_cues(tokens, lexicon)] == [normalize(w) for w in said]
