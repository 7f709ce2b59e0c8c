"""The Stanza resolver on parses written out in CoNLL-U (fixtures/parses): each test
names exactly the tree it handles, no model needed."""
from conll import parse

from quotes.resolve.syntax import StanzaResolver
from quotes.resolve.tree import Tree
from quotes.rules.candidates import find_candidates
from quotes.rules.document import RuleDoc
from quotes.text import Normalized


def resolve(doc, lexicon):
    norm = Normalized.of(doc.text)
    rules = RuleDoc.of(norm, lexicon)
    attributions, _ = StanzaResolver(pipeline=None).resolve_parsed(rules, find_candidates(rules), Tree(doc))
    text = lambda span: None if span is None else norm.text[span[0]:span[1]]
    return [(a.method, a.entity.name if a.entity else None, a.entity and a.entity.role and a.entity.role[0],
             text(a.mention.span) if a.mention else None) for a in attributions]


def test_hal_participle_takes_the_subject_of_its_verb_not_a_name_in_between(lexicon):
    found = resolve(parse("hal-participle.conllu", persons=("شويغو",)), lexicon)
    assert found == [("stanza.subject", None, "المندوب الروسي", "المندوب الروسي")]


def test_ner_decides_the_name_and_the_title_stays_out(lexicon):
    found = resolve(parse("title-name.conllu", persons=("محمد باقري",)), lexicon)
    assert found == [("stanza.subject", "محمد باقري", None, "اللواء محمد باقري")]


def test_a_verb_joined_to_another_takes_its_subject(lexicon):
    found = resolve(parse("conjoined-verb.conllu"), lexicon)
    assert found == [("stanza.subject", None, "زوجة المنتج", "زوجة المنتج")]


def test_relayed_speech_belongs_to_the_object_of_an(lexicon):
    found = resolve(parse("relayed.conllu"), lexicon)
    assert found == [("stanza.subject", None, "وزير النفط", "وزير النفط")]


def test_where_the_parse_disagrees_the_phrase_the_rules_bounded_stands(lexicon):
    # the parser took جهته for the subject and the minister for an object
    found = resolve(parse("parse-disagrees.conllu"), lexicon)
    assert found == [("rules.after_cue", None, "وزير الدفاع الروسي", "وزير الدفاع الروسي")]


def test_a_participle_keeps_its_preposition_where_the_parse_drops_it(lexicon):
    # the parse hangs على فعاليات on the verb; المشرفة على is the committee's own phrase,
    # and the name اللجنة refers to later
    doc = parse("participle-preposition.conllu")
    assert [r[1] for r in resolve(doc, lexicon)] == ["اللجنة المشرفة علي فعاليات العيد"]


def test_an_adjective_after_a_name_is_not_the_name(lexicon):
    # the parse takes المعارضة (the opposition, the verb's object) for an adjective of أوربان
    found = resolve(parse("adjective-after-name.conllu", persons=("أوربان",)), lexicon)
    assert [name for _, name, _, _ in found] == ["اوربان"]  # names compare normalised


def test_ner_edges_that_are_verbs_are_not_the_name(lexicon):
    # NER tags ورد مورافيتسكي (and Morawiecki replied) as one person
    found = resolve(parse("verb-in-ner-span.conllu", persons=("ورد مورافيتسكي",)), lexicon)
    assert [name for _, name, _, _ in found] == ["مورافيتسكي"]


def test_a_clause_the_rules_took_for_the_speaker_phrase_gives_way_to_the_subject(lexicon):
    # no أن before the first clause: the rules read حافظ توفر النقد ... as the phrase
    found = resolve(parse("clause-after-cue.conllu", persons=("حافظ",)), lexicon)
    assert found == [("stanza.subject", "حافظ", None, "حافظ")]


def test_the_subject_of_the_clause_before_a_relative_cue(lexicon):
    # أكد فيها hangs on كلمة and has no subject: the speaker is the one who gave the speech
    found = resolve(parse("clause-before-cue.conllu", persons=("سعيد",)), lexicon)
    assert found == [("stanza.subject", "سعيد", "الرئيس", "الرئيس سعيد")]


def test_with_no_person_tagged_a_name_stops_before_a_place(lexicon):
    # NER missed the person (the tokenizer split نتانياهو) but tagged طهران, the verb's object
    found = resolve(parse("place-after-name.conllu", places=("طهران",)), lexicon)
    assert [name for _, name, _, _ in found] == ["بنيامين نتانياهو"]


def test_a_body_named_after_a_person_stays_the_body(lexicon):
    found = resolve(parse("body-named-after-a-person.conllu", persons=("محمد بن راشد",)), lexicon)
    assert [name for _, name, _, _ in found] == ["مركز محمد بن راشد"]


def test_a_genitive_ner_took_into_the_name_stays_with_the_role(lexicon):
    # NER tags لتويتر جاك دورسي as one person; ل + تويتر completes المدير التنفيذي
    found = resolve(parse("genitive-in-ner-span.conllu", persons=("لتويتر جاك دورسي",)), lexicon)
    assert [(name, role) for _, name, role, _ in found] == [("جاك دورسي", "المدير التنفيذي لتويتر")]


def test_a_place_ner_tags_speaks_for_itself(lexicon):
    # the rules can only describe الصين; NER reads it as a place, which speaks by its name
    found = resolve(parse("place-speaking.conllu", places=("الصين",)), lexicon)
    assert [(method, name) for method, name, _, _ in found] == [("stanza.subject", "الصين")]
    # without the NER tag the phrase stays a description with no name
    assert [name for _, name, _, _ in resolve(parse("place-speaking.conllu"), lexicon)] == [None]


def test_a_clause_before_the_cue_is_not_its_speaker(lexicon):
    # the rules take رحل الشهر الماضي لأسباب for the subject of وصفها, and the parse gives
    # رحل a time word for subject: the coach who left is implied
    found = resolve(parse("clause-before-view-verb.conllu", persons=("سامي الجابر",)), lexicon)
    assert [(method, name) for method, name, _, _ in found] == [("rules.implied", "سامي الجابر")]


def test_the_subject_of_a_reported_an_clause_does_not_speak(lexicon):
    # the parse makes المصرف, after وأن, the subject of وشدد: the minister goes on speaking
    found = resolve(parse("subject-after-an.conllu"), lexicon)
    assert [role for _, _, role, _ in found] == ["الوزير", "الوزير"]


def test_a_body_ner_names_ends_before_the_noun_that_describes_it(lexicon):
    found = resolve(parse("body-apposition.conllu", bodies=("كتائب الأقصى",)), lexicon)
    assert [name for _, name, _, _ in found] == ["كتائب الاقصي"]  # names compare normalised
    # a relative adjective goes on with the name where NER's span stops short of it
    found = resolve(parse("body-adjective.conllu", bodies=("وزارة الخارجية",)), lexicon)
    assert [name for _, name, _, _ in found] == ["وزارة الخارجية الامريكية"]


def test_a_word_in_the_accusative_ends_the_speaker_phrase(lexicon):
    # the parse hangs the hal مبتسماً on the name; its tanween fatha says it is no part of the subject
    found = resolve(parse("accusative-after-subject.conllu"), lexicon)
    assert [mention for _, _, _, mention in found] == ["المدرب سامي الجابر"]


def test_a_verb_of_saying_the_parser_took_for_a_subject_speaks_for_no_one(lexicon):
    # the parse makes the first قالوا (tagged a noun) the subject of the second
    found = resolve(parse("verb-as-subject.conllu"), lexicon)
    assert [mention for _, _, _, mention in found] == [None, None]


def test_a_per_span_that_runs_back_into_the_role_starts_at_the_name(lexicon):
    # NER tags the country of the office with the name; the rules read رئيس رواندا as the role
    found = resolve(parse("ner-runs-back-into-role.conllu", persons=("رواندا بول كاغامي",)), lexicon)
    assert [(name, role) for _, name, role, _ in found] == [("بول كاغامي", "رئيس رواندا")]


def test_a_place_ner_tags_before_the_name_is_the_roles(lexicon):
    # the rules read عدن as the first word of the name; NER says it is a place
    found = resolve(parse("place-before-name.conllu", persons=("طارق عبده",), places=("عدن",)), lexicon)
    assert [(name, role) for _, name, role, _ in found] == [("طارق عبده", "مدير مطار عدن")]


def test_a_time_word_the_parser_took_for_the_subject_does_not_speak(lexicon):
    # والاثنين أعلن: the parse makes the day the subject and the office the object
    found = resolve(parse("time-word-as-subject.conllu", places=("الأمم المتحدة",)), lexicon)
    assert found[0][3] == "مكتب الامم المتحدة"


def test_an_adjective_ner_tags_as_a_person_stays_in_the_description(lexicon):
    # مسؤول أوروبي: an unnamed official, whatever NER says of أوروبي
    found = resolve(parse("adjective-as-person.conllu", persons=("أوروبي",)), lexicon)
    assert [(name, mention) for _, name, _, mention in found] == [(None, "مسؤول اوروبي")]


def test_a_preposition_on_the_article_does_not_begin_a_name(lexicon):
    # NER tags لليونسكو as a person; ل + (ا)ليونسكو is the office's genitive, and no one is named
    found = resolve(parse("article-preposition-in-ner-span.conllu", persons=("لليونسكو",)), lexicon)
    assert [(name, role) for _, name, role, _ in found] == [(None, "المديرة العامة لليونسكو")]
