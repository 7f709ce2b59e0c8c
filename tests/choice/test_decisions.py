"""The shipped speaker models' decisions on sentences of our own, one per error kind the
resolver alone makes on unseen news. Kinds the model does not mend yet are xfail, with
what it does instead: they are the next work, not hidden."""
import pytest

from quotes import Extractor


@pytest.fixture(scope="module", params=["stanza", "rules"])
def extractor(request):
    return Extractor(backend=request.param)


def speakers(extractor, text):
    return [(q.speaker.name, q.speaker.role) for q in extractor.extract(text).quotes]


def test_an_implied_subject_is_the_last_speaker_not_the_last_name(extractor):
    text = ("قال وزير الخارجية سامح شكري إن الحوار مستمر مع الشركاء. والتقى شكري السفير الأمريكي ديفيد "
            "ساترفيلد في القاهرة أمس. وأضاف أن المحادثات ستتواصل الأسبوع المقبل.")
    assert speakers(extractor, text) == [("سامح شكري", "وزير الخارجية")] * 2


def test_the_role_given_once_goes_with_every_quote_of_the_person(extractor):
    text = 'أكد وزير الدفاع الروسي سيرغي شويغو أن التدريبات ستستمر. وقال شويغو إن "الجيش مستعد لكل الاحتمالات".'
    assert speakers(extractor, text) == [("سيرغي شويغو", "وزير الدفاع الروسي")] * 2


def test_an_unnamed_source_stays_unnamed_and_is_not_the_outlet(extractor):
    text = "ونقلت وكالة رويترز عن مصدر أمني مصري قوله إن المعبر سيفتح غدا."
    (name, role), = speakers(extractor, text)
    assert name is None and role.startswith("مصدر أمني مصري")


def test_a_name_cut_short_after_a_title_gets_the_full_name_written_before(extractor):
    text = "وقال الأمير تركي الفيصل إن العلاقات متينة. وأضاف الأمير تركي أن الزيارة ناجحة."
    assert [name for name, _ in speakers(extractor, text)] == ["تركي الفيصل"] * 2  # the resolver alone: تركي


def test_an_implied_subject_does_not_go_to_a_man_named_in_between(extractor):
    text = ("قالت وزيرة الخارجية السويدية مارغوت فالستروم إن بلادها تدعم الحوار. والتقت فالستروم نظيرها "
            "الفنلندي تيمو سويني في ستوكهولم. وأوضحت أن اللقاء كان مثمرا.")
    if extractor.backend == "stanza":
        pytest.xfail("the Stanza model gives وأوضحت to تيمو سويني, the man named last: a clash of gender it "
                     "does not weigh enough (the resolver alone is right)")
    assert [name for name, _ in speakers(extractor, text)] == ["مارغوت فالستروم"] * 2


@pytest.mark.parametrize("text, name", [
    ("وأعلنت ألمانيا أنها ستفرض عقوبات جديدة على الشركات المخالفة.", "ألمانيا"),
    # أل with a hamza is no article, with or without its vowels
    ("وأكدت أَلْبانيا أنها لن تتراجع عن قرارها.", "أَلْبانيا"),
])
def test_a_country_that_speaks_is_named(extractor, text, name):
    assert speakers(extractor, text)[0][0] == name


def test_the_article_still_opens_a_description(extractor):
    assert speakers(extractor, "وقالت الْوِزارة إن الحل قريب.")[0] == (None, "الْوِزارة")


NAMES = [
    pytest.param("وأعلنت مفوضة التجارة سيسيليا مالستروم هذا الأسبوع أن الرسوم الإضافية ستفرض على المنتجات.",
                 "سيسيليا مالستروم", id="a name run on into the next word"),
    pytest.param("وكان رئيس الوزراء الدنماركي لارس راسموسن قد قال في وقت سابق إن بلاده لن تتراجع عن قرارها.",
                 "لارس راسموسن", id="a particle after the name"),
    pytest.param("وقال المحلل السياسي أيمن الصياد لبي بي سي إن الانتخابات لن تغير شيئا في المشهد.",
                 "أيمن الصياد", id="the addressee after the name"),
    pytest.param('وقال اللاعب البالغ من العمر 27 عاما: "أريد أن ألعب في فريق يفوز بالألقاب".',
                 None, id="a number word"),
]


@pytest.mark.parametrize("text, name", NAMES)
def test_the_name_is_the_name_and_no_more(extractor, text, name):
    assert speakers(extractor, text)[0][0] == name


def test_no_ranker_gives_a_feminine_verb_to_a_man():
    """Agreement is grammar: even a ranker that always prefers the latest speaker leaves
    وقال with the man and وأضافت with the woman who spoke before him."""
    from quotes.choice.chooser import Chooser
    from quotes.choice.ranker import Ranker
    from quotes.lexicon import load_lexicon
    from quotes.resolve.rules import RulesResolver
    from quotes.rules.candidates import find_candidates
    from quotes.rules.document import RuleDoc
    from quotes.text import Normalized

    text = ('وقالت مديرة المدرسة هدى سالم إن الامتحانات ستبدأ غدا. وقال المدير العام سمير نبيل إن القاعات جاهزة.\n'
            'وأضافت: "الطلاب مستعدون جيدا لهذه الامتحانات".')
    doc = RuleDoc.of(Normalized.of(text), load_lexicon())
    latest = Chooser(Ranker({"speaker_rank=1": 10.0}, {"lead": 0.0}))
    done, _ = RulesResolver(latest).resolve(doc, find_candidates(doc))
    assert [a.entity.name for a in done] == ["هدي سالم", "سمير نبيل", "هدي سالم"]  # normalised: ى as ي
