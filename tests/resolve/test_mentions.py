import pytest

from quotes.resolve.mentions import analyse, people


def read(ruledoc, phrase):
    doc = ruledoc(phrase)
    words = [t for t in doc.tokens if t.is_word or doc.quote_of(t.index)]
    m = analyse(doc, words[0].index, words[-1].index)
    text = lambda span: None if span is None else doc.text[span[0]:span[1]]
    return m.kind, text(m.role), [text(t) for t in m.titles], text(m.name)


@pytest.mark.parametrize("phrase, kind, role, titles, name", [
    ("وزير الدفاع الروسي الجنرال سيرغي شويغو", "person", "وزير الدفاع الروسي", ["الجنرال"], "سيرغي شويغو"),
    ("قائد هيئة أركان القوات المسلحة اللواء محمد باقري", "person", "قائد هيئة اركان القوات المسلحة",
     ["اللواء"], "محمد باقري"),
    ("المندوب الدائم لدى الأمم المتحدة في جنيف سامي علي", "person", "المندوب الدائم لدي الامم المتحدة في جنيف",
     [], "سامي علي"),
    ("الرئيس التنفيذي للشركة خالد المنصور", "person", "الرئيس التنفيذي للشركة", [], "خالد المنصور"),
    # a noun without -ة takes its genitive too: the place or matter is the role's, not the name's
    ("مدير ميناء عدن سعد العتيبي", "person", "مدير ميناء عدن", [], "سعد العتيبي"),
    ("كبير المفاوضين في ملف بريكسيت كلاوس ماير", "person", "كبير المفاوضين في ملف بريكسيت", [], "كلاوس ماير"),
    ("سارة الأحمد، القائمة على المعرض", "person", "القائمة علي المعرض", [], "سارة الاحمد"),
    ("مصدر عسكري", "anonymous", "مصدر عسكري", [], None),
    ("مسؤولون أفغان", "anonymous", "مسؤولون افغان", [], None),
    ("والد الطالب أحمد سالم", "anonymous", "والد الطالب احمد سالم", [], None),
    # with its pronoun the relation is the speaker's, and the name after it too (his father, Joe)
    ("والده جو", "person", "والده", [], "جو"),
    ("وزارة الخارجية الأمريكية", "organisation", "وزارة الخارجية الامريكية", [], None),
    # a body's name ends before the words that describe it
    ("وكالة الأنباء اليمنية الرسمية", "organisation", "وكالة الانباء اليمنية", [], None),
    ("صحيفة بيلد الواسعة الانتشار", "organisation", "صحيفة بيلد", [], None),
    ("تقرير طبي حديث", "document", "تقرير طبي حديث", [], None),
    ("الشيخ ناصر", "person", None, ["الشيخ"], "ناصر"),
    # a particle is no name: before the role, or after it
    ("أما أستاذ التفسير في الجامعة", "person", "استاذ التفسير في الجامعة", [], None),
    ("الرئيس الأمريكي قد", "person", "الرئيس الامريكي", [], None),
    # his saying follows the speaker and names no one
    ("الوزير قوله", "person", "الوزير", [], None),
    # what وهو opens describes the person: no name in it
    ("الرئيس الروسي، وهو ضابط مخابرات سابق", "person", "الرئيس الروسي", [], None),
    ("أردوغان قوله", "person", None, [], "اردوغان"),
    # الفريق and اللواء are a team and a brigade here, not titles
    ("رئيس الفريق الهندسي في اللواء الخامس، النقيب سالم راشد", "person",
     "رئيس الفريق الهندسي في اللواء الخامس", ["النقيب"], "سالم راشد"),
    ("المتحدث الرسمي للدفاع المدني عقيد جمعان بن دايس الغامدي", "person",
     "المتحدث الرسمي للدفاع المدني", ["عقيد"], "جمعان بن دايس الغامدي"),
    # a family name with the article after first and father's names is the name's; a common noun is not
    ("المتحدث باسم الهيئة بندر ناصر الشهري", "person", "المتحدث باسم الهيئة", [], "بندر ناصر الشهري"),
    ("رئيس البلدية سامر نبيل الحكومة", "person", "رئيس البلدية", [], "سامر نبيل"),
    ("مدربه زين الدين زيدان", "person", "مدربه", [], "زين الدين زيدان"),
    ("المحلل كامل عبد الله", "person", "المحلل", [], "كامل عبد الله"),
    ("أرقام وزارة الصحة", "organisation", "وزارة الصحة", [], None),
    ("أرقام متحف المحرقة التذكاري", "organisation", "متحف المحرقة التذكاري", [], None),
    # a body named after a person: بن goes on, and so does its field (لعلوم الفضاء)
    ("مركز محمد بن راشد لعلوم الفضاء", "organisation", "مركز محمد بن راشد لعلوم الفضاء", [], None),
    ("السلطات", "anonymous", "السلطات", [], None),
    ("المرصد السوري لحقوق الإنسان", "organisation", "المرصد السوري لحقوق الانسان", [], None),
    # a name that begins as ب and أخ would is a name
    ("رئيس اللجنة الأولمبية توماس باخ", "person", "رئيس اللجنة الاولمبية", [], "توماس باخ"),
    ("الجيش اليمني", "organisation", "الجيش اليمني", [], None),
    ("سارة علي، من مركز الدراسات، وهي إحدى الباحثات في المشروع", "person",
     "احدي الباحثات في المشروع", [], "سارة علي"),
    # a titled name after the comma: the untitled words before it end the role
    ("قائد الكتيبة الثالثة مشاة، النقيب سالم راشد", "person", "قائد الكتيبة الثالثة مشاة", ["النقيب"], "سالم راشد"),
    ("محمد الحجازي وهو متحدث باسم الشرطة", "person", "متحدث باسم الشرطة", [], "محمد الحجازي"),
    ("الرئيس التنفيذي للمهرجان عبدالعزيز المهوس", "person", "الرئيس التنفيذي للمهرجان", [], "عبدالعزيز المهوس"),
    ("المدير التنفيذي لشركة أبل تيم كوك", "person", "المدير التنفيذي لشركة ابل", [], "تيم كوك"),
    ("مستشارة أمراض الجلد بمعهد بحوث السرطان جوليا نيوتن", "person",
     "مستشارة امراض الجلد بمعهد بحوث السرطان", [], "جوليا نيوتن"),
    ("مدير عام منظمة الصحة العالمية مارغريت تشان", "person", "مدير عام منظمة الصحة العالمية", [], "مارغريت تشان"),
    # ل before a name is not ل before a body
    ("المتحدث باسم الحكومة لوران فابيوس", "person", "المتحدث باسم الحكومة", [], "لوران فابيوس"),
    # a named body ends before a participle phrase describing it; an unnamed one keeps it
    ("قناة آزال الفضائية الموالية للرئيس المخلوع", "organisation", "قناة ازال الفضائية", [], None),
    ("اللجنة المشرفة على فعاليات العيد", "organisation", "اللجنة المشرفة علي فعاليات العيد", [], None),
    ("صحيفة آس", "organisation", "صحيفة اس", [], None),
    ("محكمة بلجيكية", "anonymous", "محكمة بلجيكية", [], None),
    # an office whose first word is also a title: the office, then the titled name
    ("شيخ جامع الأزهر، الإمام أحمد الطيب", "person", "شيخ جامع الازهر", ["الامام"], "احمد الطيب"),
    ("عميد كلية الطب بالجامعة الدكتور علي الغامدي", "person", "عميد كلية الطب بالجامعة", ["الدكتور"], "علي الغامدي"),
    ("العميد سالم راشد", "person", None, ["العميد"], "سالم راشد"),
    # a name apposed after the comma: the ل-phrase before it is the office's, not a name
    ("وزير الدولة لشؤون الخليج، تامر السبهان", "person", "وزير الدولة لشؤون الخليج", [], "تامر السبهان"),
    ("الممثلة سنثيا نيكسون، بطلة مسلسل", "person", "الممثلة", [], "سنثيا نيكسون"),
    # authorities, the media, groups: described, never named (unlike الجيش اليمني)
    ("السلطات الأردنية", "anonymous", "السلطات الاردنية", [], None),
    ("وسائل الإعلام الفرنسية", "anonymous", "وسائل الاعلام الفرنسية", [], None),
    ("عدة شهود عيان", "anonymous", "عدة شهود عيان", [], None),
    # a demonstrative begins no name and ends a description
    ("ذلك المهندس سامر الخطيب", "person", None, ["المهندس"], "سامر الخطيب"),
    ("مصادر مطلعة هذه الخطوة", "anonymous", "مصادر مطلعة", [], None),
    ("المسؤول هناك", "anonymous", "المسؤول", [], None),  # of a place too
    # a name ends before a demonstrative with its proclitic, or a direction
    ("رئيس الوزراء ديفيد كاميرون لذلك", "person", "رئيس الوزراء", [], "ديفيد كاميرون"),
    ("الرئيس بشار الأسد شمال البلاد", "person", "الرئيس", [], "بشار الاسد"),
    # offices and professions of the news
    ("بابا الفاتيكان فرنسيس", "person", "بابا الفاتيكان", [], "فرنسيس"),
    ("كبير مفاوضي الاتحاد الأوروبي دان كوستا", "person", "كبير مفاوضي الاتحاد الاوروبي", [], "دان كوستا"),
    # a profession with the article after a first name is the family name; an office is not
    ("الإعلامية سوسن الشاعر", "person", "الاعلامية", [], "سوسن الشاعر"),
    ("المحامي هاني التاجر", "person", "المحامي", [], "هاني التاجر"),
    # a French name in -ier ends as a pronoun suffix does, and keeps its last word
    ("المدرب أوليفييه دوران", "person", "المدرب", [], "اوليفييه دوران"),
    ("الوزير جان غرانييه", "person", "الوزير", [], "جان غرانييه"),
    ("مصور صحفي في غزة", "person", "مصور صحفي في غزة", [], None),
    # an outlet after an office in construct is the office's, not a name
    ("مراسل بي بي سي في القاهرة سامي حداد", "person", "مراسل بي بي سي في القاهرة", [], "سامي حداد"),
])
def test_role_titles_and_name(ruledoc, phrase, kind, role, titles, name):
    assert read(ruledoc, phrase) == (kind, role, titles, name)


@pytest.mark.parametrize("phrase", ["شريطا مصورا", "عنصر جذب مهم", "طالب بالإفراج عنه"])
def test_words_more_often_something_else_open_no_role(ruledoc, phrase):
    """مصور "filmed", عنصر "element", طالب "demanded": no office."""
    assert read(ruledoc, phrase)[1] is None


def test_hashtag_source_reads_as_words(ruledoc):
    doc = ruledoc("#الجيش_اليمني")
    m = analyse(doc, 0, 0)
    assert (m.kind, m.text_override) == ("organisation", "الجيش اليمني")


def test_people_named_with_their_office_anywhere_in_the_text(ruledoc):
    doc = ruledoc('زار وزير الصحة الدكتور "هاني فؤاد" المستشفى، والتقى مديرة المستشفى سلمى عادل وأجرى جولة.')
    text = lambda span: span and doc.text[span[0]:span[1]]
    found = [(text(m.role), text(m.name)) for m in people(doc) if m.name]
    assert found == [("وزير الصحة", "هاني فؤاد"), ("مديرة المستشفي", "سلمي عادل")]


def test_people_include_roles_named_nowhere(ruledoc):
    doc = ruledoc("ورفع المدعي العام في ولاية نيويورك، أمس، دعوى قضائية ضد الشركة.")
    assert [(doc.text[m.role[0]:m.role[1]], m.name) for m in people(doc)][0] == ("المدعي العام في ولاية نيويورك", None)


@pytest.mark.parametrize("text, found", [
    ("وقال المتحدث باسم الجيش، العقيد تركي المالكي، إن القوات تقدمت.",
     ("المتحدث باسم الجيش", "تركي المالكي", ["العقيد"])),
    # what stands between the commas is an occasion, not a name
    ("وقال وزير الخارجية، في مؤتمر صحفي، إن بلاده ترفض القرار.", ("وزير الخارجية", None, [])),
])
def test_a_name_between_commas_after_an_office_is_its_holders(ruledoc, text, found):
    doc = ruledoc(text)
    text_of = lambda span: span and doc.text[span[0]:span[1]]
    first = people(doc)[0]
    assert (text_of(first.role), text_of(first.name), [text_of(t) for t in first.titles]) == found


def test_a_role_after_a_name_begins_another_persons_phrase(ruledoc):
    doc = ruledoc("استقبل الرئيس المصري عبد الفتاح السيسي رئيس الوزراء الإثيوبي آبي أحمد في القاهرة.")
    text = lambda span: doc.text[span[0]:span[1]]
    assert [(text(m.role), text(m.name)) for m in people(doc)] == [
        ("الرئيس المصري", "عبد الفتاح السيسي"), ("رئيس الوزراء الاثيوبي", "ابي احمد")]


def test_a_title_of_two_words_is_one_phrase(ruledoc):
    doc = ruledoc("وقال سمو الأمير فيصل بن فرحان إن المحادثات مثمرة.")
    text = lambda span: doc.text[span[0]:span[1]]
    assert [([text(t) for t in m.titles], text(m.name)) for m in people(doc)] == [(["سمو الامير"], "فيصل بن فرحان")]
