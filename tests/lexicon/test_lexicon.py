import pytest

from quotes.lexicon import load_lexicon
from quotes.text import normalize


def readings(lexicon, word):
    return [(r.verb.lemma, r.aspect, r.person, r.gender, r.number) for r in lexicon.verb_forms.get(normalize(word), ())]


def test_at_least_sixty_speech_verbs_with_unique_ids(lexicon):
    assert len(lexicon.verbs) >= 60
    ids = [e.id for group in (lexicon.verbs, lexicon.attributions, lexicon.quote_pairs, lexicon.titles,
                              lexicon.roles) for e in group]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("word, expected", [
    ("قال", ("قال", "perfect", 3, "m", "sg")),
    ("قالت", ("قال", "perfect", 3, "f", "sg")),
    ("قالوا", ("قال", "perfect", 3, "m", "pl")),
    ("قالا", ("قال", "perfect", 3, "m", "du")),
    ("قلنا", ("قال", "perfect", 1, None, "pl")),
    ("يقولون", ("قال", "imperfect", 3, "m", "pl")),
    ("تقول", ("قال", "imperfect", 3, "f", "sg")),
    ("قائلًا", ("قال", "participle", 3, "m", "sg")),
    ("قائلةً", ("قال", "participle", 3, "f", "sg")),
    ("مؤكدين", ("أكد", "participle", 3, "m", "pl")),
    ("دعت", ("دعا", "perfect", 3, "f", "sg")),
    ("يدعو", ("دعا", "imperfect", 3, "m", "sg")),
    ("نفوا", ("نفى", "perfect", 3, "m", "pl")),
    ("ينفون", ("نفى", "imperfect", 3, "m", "pl")),
    ("أقررت", ("أقر", "perfect", 1, None, "sg")),
])
def test_inflections_are_built_from_stems(lexicon, word, expected):
    assert expected in readings(lexicon, word)


def test_forms_too_ambiguous_to_be_cues_are_left_out(lexicon):
    assert readings(lexicon, "بين") == []  # between, far more often than "he made clear"
    assert readings(lexicon, "بينت")


def test_lexicon_is_loaded_once():
    assert load_lexicon() is load_lexicon()


def test_role_and_title_phrases_are_normalised(lexicon):
    assert ("مندوب",) in lexicon.role_phrases
    assert ("المتحدث", "باسم") in lexicon.role_phrases
    assert ("اية", "الله") in lexicon.title_phrases


def test_the_mention_readers_closed_classes_are_data_normalised_in_file_order(lexicon):
    assert "احد" in lexicon.name_class("nw.quantifier")  # written أحد in the file
    assert lexicon.name_class("nw.name-link").count("ال") == 1  # ال and آل are one form
    assert lexicon.name_class("nw.possessive-suffix") == ("ها", "هم", "ه")


def test_a_quantifier_opens_an_unnamed_source_and_a_name_link_keeps_the_name_going(ruledoc):
    from quotes.resolve.mentions import analyse

    doc = ruledoc("بعض الخبراء")
    assert analyse(doc, 0, 1).name is None
    doc = ruledoc("محمد بن سلمان")
    mention = analyse(doc, 0, 2)
    assert doc.text[mention.name[0]:mention.name[1]] == "محمد بن سلمان"


def test_plural_role_heads_are_also_read_before_a_genitive(lexicon):
    for word in ("مسؤولي", "مسؤولو", "ممثلي", "محللي"):
        assert (word,) in lexicon.role_phrases, word
    # only plurals of a singular in the entry: أمين، الكرملين are no plurals
    for word in ("امي", "الكرملي", "مدي"):
        assert (word,) not in lexicon.role_phrases, word
