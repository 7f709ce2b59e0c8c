"""Roles read where the text writes them with a name (quotes.resolve.roles)."""
import pytest

from quotes import Extractor
from quotes.resolve.roles import _word_places, written_roles
from quotes.text import normalize


def roles_of(ruledoc, text, name):
    doc = ruledoc(text)
    return [doc.text[start:end] for start, end in written_roles(doc, _word_places(doc), normalize(name))]


@pytest.mark.parametrize("text, name, roles", [
    # before the name, a comma between
    ("استقبل الرئيس الفنزويلي، نيكولاس مادورو، وفدا صينيا.", "نيكولاس مادورو", ["الرئيس الفنزويلي"]),
    # a title between the role and the name
    ("حضر ولي العهد السعودي الأمير محمد بن سلمان الحفل.", "محمد بن سلمان", ["ولي العهد السعودي"]),
    # after the name, with or without a comma
    ("وقال خالد السبيعي مدير مستشفى الأمل إن الحالات مستقرة.", "خالد السبيعي", ["مدير مستشفي الامل"]),
    ("وتقول ليلى حداد، الباحثة في علم الاجتماع، إن الظاهرة قديمة.", "ليلى حداد", ["الباحثة في علم الاجتماع"]),
    # the surname alone still carries a role written with it
    ("ورد الوزير شويغو على السؤال.", "سيرغي شويغو", ["الوزير"]),
    # the office of a relative clause that says what the person works as
    ("وتقول سلمى الراشد، التي تعمل مستشارة لوزير التعليم، إن المناهج تتغير.", "سلمى الراشد",
     ["مستشارة لوزير التعليم"]),
    ("ويرى كمال يوسف الذي يشغل منصب مدير المرصد أن الوضع خطير.", "كمال يوسف", ["مدير المرصد"]),
    # a conjunction or preposition on the article stays out of the role; والي is one word
    ("والتقى الوفد بالرئيس السابق خالد عمر في المطار.", "خالد عمر", ["الرئيس السابق"]),
    ("ووصل والي الخرطوم أحمد عباس إلى المدينة.", "أحمد عباس", ["والي الخرطوم"]),
    # وزير begins with و and is one word: the role reaches back over it to نائب
    ("وصل نائب وزير الخارجية سامي العلي إلى المدينة.", "سامي العلي", ["نائب وزير الخارجية"]),
])
def test_roles_written_with_a_name(ruledoc, text, name, roles):
    assert roles_of(ruledoc, text, name) == [normalize(r) for r in roles]


@pytest.mark.parametrize("text, name, roles", [
    # whom he spoke to is no role: لوكالة is a body after ل
    ("وقال سامر الخطيب لوكالة الأنباء الأردنية إن الحالات مستقرة.", "سامر الخطيب", []),
    # the delegate's role does not run over على زيارة to the minister's name
    ("وعلق المندوب الروسي على زيارة الوزير شويغو قائلا إنها مهمة.", "شويغو", ["الوزير"]),
    # words inside quote marks are the speaker's, not the writer's
    ('وقال: "التقيت الوزير سالم العلي أمس".', "سالم العلي", []),
    # a relative clause that says something else of the person gives no role
    ("وقال سامي نادر، الذي يعيش في باريس، إن الوضع صعب.", "سامي نادر", []),
    # a cue between ends the role: the minister speaks of someone else
    ("وقال وزير الخارجية إن سالم العلي سيزور المدينة.", "سالم العلي", []),
    # و before a title joins another person: the role before it is the first one's
    ("التقى الوفد رئيسة الوزراء تيريزا ماي، والأمير تشارلز.", "تشارلز", []),
])
def test_what_is_no_role_of_the_name(ruledoc, text, name, roles):
    assert roles_of(ruledoc, text, name) == roles


RESOLVER = Extractor(backend="rules", speaker_model="none")  # the resolver alone: no model re-chooses


def speakers(text):
    return [(q.speaker.name, q.speaker.role) for q in RESOLVER.extract(text).quotes]


def test_a_description_no_one_holds_is_the_one_speaker_named_without_a_role():
    text = ("عقد وزير الخارجية السعودي عادل الجبير مؤتمرا صحفيا مع ضيفه مايك بومبيو.\n"
            'وقال وزير الخارجية الأمريكي: "الوحدة في الخليج أمر مهم".\n'
            'وتابع بومبيو: "نحن نقف مع حلفائنا".')
    assert speakers(text) == [("مايك بومبيو", "وزير الخارجية الأمريكي")] * 2


@pytest.mark.parametrize("text", [
    # a source the text does not name: an indefinite description
    ("عقد الوزير عادل الجبير مؤتمرا صحفيا مع ضيفه مايك بومبيو.\n"
     'وقال مسؤول أمريكي: "الوحدة في الخليج أمر مهم".\n'
     'وتابع بومبيو: "نحن نقف مع حلفائنا".'),
    # two named speakers without a role: which one is not said
    ("استقبل سامي نادر ضيفه مايك بومبيو.\n"
     'وقال وزير الخارجية الأمريكي: "الوحدة في الخليج أمر مهم".\n'
     'وقال بومبيو: "نحن نقف مع حلفائنا".\n'
     'وقال نادر: "الزيارة ناجحة".'),
])
def test_a_description_stays_unnamed_when_no_one_named_alone_can_be_it(text):
    assert speakers(text)[0][0] is None
