"""Each rule of the engine on sentences of our own, the traps included."""
import pytest



def test_verb_first_colon_and_quote_marks_is_direct(candidates):
    text = 'وقال وزير الخارجية سامح شكري خلال المؤتمر: "لن نقبل بأي تدخل في شؤوننا".'
    assert candidates(text) == [("direct", "لن نقبل بأي تدخل في شؤوننا", "وقال", "وزير الخارجية سامح شكري")]


def test_colon_without_quote_marks_is_direct_to_the_end_of_the_sentence(candidates):
    text = "والد الطالب قال: نحن فخورون بما حققه ابننا.. ولن ننسى دعم المدرسة. وانتهى الحفل."
    assert candidates(text) == [
        ("direct", "نحن فخورون بما حققه ابننا.. ولن ننسى دعم المدرسة", "قال", "والد الطالب")]


def test_colon_then_inna_stays_indirect(candidates):
    text = "وقالت الشركة في بيان: إن الأرباح ارتفعت بنسبة عشرة في المئة."
    assert candidates(text) == [("indirect", "الأرباح ارتفعت بنسبة عشرة في المئة", "وقالت", "الشركة")]


def test_indirect_clause_stops_before_a_following_hal_cue(candidates):
    text = "وأكد المتحدث باسم الجيش أن القوات تقدمت نحو المدينة، مشيرا إلى أن المعارك مستمرة."
    assert candidates(text) == [
        ("indirect", "القوات تقدمت نحو المدينة", "وأكد", "المتحدث باسم الجيش"),
        ("indirect", "المعارك مستمرة", "مشيرا", "المتحدث باسم الجيش"),
    ]


def test_an_indirect_clause_with_quoted_words_is_mixed(candidates):
    text = 'وقال مصدر أمني إن القوات «تتقدم ببطء شديد» في الجنوب.'
    assert candidates(text) == [("mixed", "القوات «تتقدم ببطء شديد» في الجنوب", "وقال", "مصدر أمني")]


def test_a_clause_that_is_all_quoted_drops_the_outer_marks(candidates):
    text = 'وشدد الرئيس على أن "الحوار هو الطريق الوحيد للحل".'
    assert candidates(text) == [("mixed", "الحوار هو الطريق الوحيد للحل", "وشدد", "الرئيس")]


def test_hal_participle_with_a_noun_phrase_takes_the_previous_speaker(candidates):
    text = 'وأضاف الوزير: "الوضع مستقر تماما في كل المناطق"، مؤكدا استمرار الدعم للمزارعين.'
    found = candidates(text)
    assert found[1] == ("indirect", "استمرار الدعم للمزارعين", "مؤكدا", "الوزير")


def test_a_speech_verb_in_another_sense_is_not_a_cue(candidates):
    # تابع: "continued (his visit)", no reported content follows
    assert candidates("تابع الوزير زيارته إلى المدينة، حيث التقى بالمسؤولين المحليين.") == []
    # أضاف: "added (a floor)" with a noun, not speech
    assert candidates("وأضاف المهندس طابقا جديدا إلى المبنى القديم.") == []


def test_a_name_in_quote_marks_is_not_a_quote(candidates):
    text = 'استقبل الرئيس الجنرال "أحمد سالم" في القصر، وتحدث معه عن منصة "إكس".'
    assert candidates(text) == []


def test_a_name_in_quote_marks_inside_the_speaker_phrase(candidates):
    text = 'وقال الجنرال "أحمد سالم" إن الجيش مستعد للدفاع عن البلاد.'
    assert candidates(text) == [("indirect", "الجيش مستعد للدفاع عن البلاد", "وقال", 'الجنرال "أحمد سالم"')]


def test_a_stray_quote_mark_does_not_break_the_next_quote(candidates):
    text = 'التقى الوزير نظيره محمد، " في مقر الوزارة.\nوقال الوزير: "العلاقات بين البلدين ممتازة جدا".'
    assert candidates(text) == [("direct", "العلاقات بين البلدين ممتازة جدا", "وقال", "الوزير")]


def test_subject_first(candidates):
    text = "دراسة حديثة تؤكد أن النوم المبكر يحسن الذاكرة"
    assert candidates(text) == [("indirect", "النوم المبكر يحسن الذاكرة", "تؤكد", "دراسة حديثة")]


def test_quote_first_then_the_cue(candidates):
    text = '"سنعيد بناء كل ما دمرته الحرب"، قال رئيس البلدية للصحفيين.'
    assert candidates(text) == [("direct", "سنعيد بناء كل ما دمرته الحرب", "قال", "رئيس البلدية")]


def test_a_cue_inside_a_reported_clause_belongs_to_it(candidates):
    text = "وقال النائب إن الوزير أكد أن المشروع سيكتمل قريبا."
    assert candidates(text) == [("indirect", "الوزير أكد أن المشروع سيكتمل قريبا", "وقال", "النائب")]


def test_according_to_before_the_clause(candidates):
    text = "وبحسب وزارة الصحة، فإن عدد الإصابات تراجع خلال الأسبوع الماضي."
    assert candidates(text) == [("indirect", "عدد الإصابات تراجع خلال الأسبوع الماضي", "وبحسب", "وزارة الصحة")]


def test_according_to_after_the_clause(candidates):
    text = "وارتفعت الأسعار بشكل كبير في الأسواق، وفقا لوزارة التجارة."
    assert candidates(text) == [("indirect", "وارتفعت الأسعار بشكل كبير في الأسواق", "وفقا", "وزارة التجارة")]


def test_relayed_speech_belongs_to_the_original_speaker(candidates):
    text = "ونقلت الوكالة عن وزير النفط أنه يتوقع استقرار الإنتاج."
    assert candidates(text) == [("indirect", "يتوقع استقرار الإنتاج", "ونقلت", "وزير النفط")]


@pytest.mark.parametrize("text, speaker", [
    # an outlet that reports with the source after the content relays that source
    ('وذكرت صحيفة "الغد" أن الحكومة ستستقيل قريبا، وفق مصدر حكومي.', "مصدر حكومي"),
    ("وذكرت وكالة الأنباء الرسمية أن الحدود ستفتح غدا، بحسب ما أفاد مسؤول في الجمارك.", "مسؤول في الجمارك"),
    # a person who speaks keeps the quote: the outlet after it only reported it
    ("وقال الوزير إن الحدود ستفتح غدا، بحسب صحيفة الغد.", "الوزير"),
])
def test_what_an_outlet_reports_from_a_source_is_the_sources(candidates, text, speaker):
    assert candidates(text)[0][3] == speaker


def test_headline_name_colon_statement(candidates):
    text = "الوزير سالم: الاقتصاد يتعافى ببطء\nوقال سالم في حديث للتلفزيون إن النمو سيعود."
    found = candidates(text)
    assert found[0] == ("headline", "الاقتصاد يتعافى ببطء", None, "الوزير سالم")


def test_a_label_line_is_not_a_headline(candidates):
    assert candidates("المصدر: وكالات الأنباء\nوصل الوفد إلى العاصمة.") == []


def test_a_second_cue_takes_the_speaker_of_the_first(candidates):
    text = 'وكتب الوزير عبر حسابه على منصة "إكس" يقول: "سنواصل العمل من أجل السلام".'
    assert candidates(text) == [("direct", "سنواصل العمل من أجل السلام", "يقول", "الوزير")]


def test_addressee_and_occasion_are_not_the_speaker(candidates):
    text = "وقالت الباحثة ليلى حسن لبي بي سي إن النتائج مشجعة."
    assert candidates(text)[0][3] == "الباحثة ليلى حسن"
    text = "وقال رئيس الوزراء في مؤتمر صحفي إن الحكومة ستخفض الضرائب."
    assert candidates(text)[0][3] == "رئيس الوزراء"


def test_a_participle_used_as_an_adjective_is_not_a_cue(candidates):
    text = "وقال الوزير إن حجم الضرر لم يكن متوقعا، خاصة في القرى الجنوبية."
    assert candidates(text) == [("indirect", "حجم الضرر لم يكن متوقعا، خاصة في القرى الجنوبية", "وقال", "الوزير")]


def test_kama_qala_opens_a_second_quote(candidates):
    text = "وأكد الوزير أن المشروع سينتهي قريبا كما قال إن التمويل متوفر."
    assert [c[1] for c in candidates(text)] == ["المشروع سينتهي قريبا", "التمويل متوفر"]


def test_the_an_of_a_conjunction_opens_no_clause(candidates):
    # بعد أن: "after", not "that"
    assert candidates("وقضى الرئيس في الحكم عشرين عاما قبل أن يتنحى العام الماضي.") == []


def test_an_impersonal_passive_has_no_source(candidates):
    assert candidates("يذكر أن المدينة شهدت فيضانات مماثلة قبل عامين.") == []
    assert candidates("ويقول إن المدينة شهدت فيضانات مماثلة قبل عامين.")[0][3] is None  # implied, not impersonal


def test_a_cue_inside_an_occasion_belongs_to_it(candidates):
    text = "وقال وزير الصحة في مؤتمر صحفي نقله التلفزيون: إن الإصابات تراجعت."
    assert candidates(text) == [("indirect", "الإصابات تراجعت", "وقال", "وزير الصحة")]


def test_relay_verb_without_its_source_is_not_a_cue(candidates):
    # نقل without عن: "moved (the wounded)"
    assert candidates("ونقل المسعفون الجرحى إلى المستشفى وأنه لا توجد وفيات.") == []


def test_a_clause_opening_with_quoted_words_ends_with_them(candidates):
    text = 'وقال المتحدث إن "جماعة مجهولة تبنت الهجوم"، في إشارة إلى تنظيم محلي.'
    assert candidates(text) == [("mixed", "جماعة مجهولة تبنت الهجوم", "وقال", "المتحدث")]


def test_a_quoted_name_right_after_the_cue_is_the_speaker(candidates):
    text = 'وأوضح "صندوق التنمية" أن القروض ستصرف الشهر المقبل.'
    assert candidates(text) == [("indirect", "القروض ستصرف الشهر المقبل", "وأوضح", '"صندوق التنمية"')]


def test_speaker_phrase_bounds(candidates):
    speaker = lambda text: candidates(text)[0][3]
    assert speaker("وقال المتحدث باسم الجيش إن الهدنة صامدة.") == "المتحدث باسم الجيش"
    assert speaker("وقالت الأمم المتحدة من جانبها إن المساعدات وصلت.") == "الأمم المتحدة"
    assert speaker("وقالت الوزيرة سلمى حداد على صفحتها الرسمية إن القرار نهائي.") == "الوزيرة سلمى حداد"
    assert speaker("وقال المدير سامي عادل للصحفيين إن المصنع سيفتح.") == "المدير سامي عادل"
    assert speaker("وقالت منظمة العفو الدولية محذرة إن الوضع خطير.") == "منظمة العفو الدولية"


def test_an_object_after_the_speaker_and_a_time_word_is_the_content(candidates):
    text = "وأعلنت وزارة الداخلية، أمس، القبض على خلية تضم عشرة أشخاص."
    assert candidates(text) == [("indirect", "القبض على خلية تضم عشرة أشخاص", "وأعلنت", "وزارة الداخلية")]


def test_an_object_after_a_subject_first_verb(candidates):
    assert candidates("لكن الحكومة نفت هذه الأنباء جملة وتفصيلا.") == [
        ("indirect", "هذه الأنباء جملة وتفصيلا", "نفت", "الحكومة")]


def test_an_object_the_rules_cannot_split_from_the_subject_is_left(candidates):
    # أكد + subject + object with nothing between: no quote rather than a wrong one
    assert candidates("وأكد المتحدث الأمني إحباط هجمات عديدة.") == []
    # تعلنه: the object is the pronoun
    assert candidates("لكن الوزارة لم تعلنه رسميا بعد.") == []


def test_nouns_of_saying_with_their_source_and_an_an_clause(candidates):
    text = "وتراجعت الأسهم رغم قول محللين إن السوق ستتعافى قريبا."
    assert candidates(text) == [("indirect", "السوق ستتعافى قريبا", "قول", "محللين")]
    assert candidates("ورفضت الوزارة اتهامات المعارضة بالفساد.") == []  # no أن clause: not reported content


def test_a_place_before_a_colon_is_not_a_headline_speaker(candidates):
    text = "إيران: مسيرات مؤيدة للحكومة في عدة مدن\nوخرج آلاف في إيران إلى الشوارع."
    assert candidates(text) == []


def test_a_quote_after_the_name_ends_the_speaker_phrase(candidates):
    # "صراع جيلنا" is what اعتبرها calls the matter, and not part of the name
    text = 'وهي مسألة اعتبرها كاميرون "صراع جيلنا"، متعهدا بالتصدي لمن ينشرون التطرف.'
    assert candidates(text) == [("mixed", "صراع جيلنا", "اعتبرها", "كاميرون"),
                                ("indirect", "التصدي لمن ينشرون التطرف", "متعهدا", "كاميرون")]


def test_the_words_after_a_plural_verb_are_not_its_subject(candidates):
    # a verb before its subject is singular: after وطالبوا comes the object (المواطنين)
    text = "وأكدت أسر الشهداء أن الأمن مسؤولية الجميع. وطالبوا المواطنين بالتعاون مع الأجهزة الأمنية."
    assert candidates(text)[1] == ("indirect", "التعاون مع الأجهزة الأمنية", "وطالبوا", None)


def test_an_addressee_in_construct_is_passed_over_whole(candidates):
    # لشبكات التلفزيون الإيطالية is who he spoke to; the speaker is implied
    text = 'وقال الوزير إن المنطقة خطرة. وأضاف لشبكات التلفزيون الإيطالية "ما زال من الصعب التأكد من ذلك".'
    assert candidates(text)[1] == ("direct", "ما زال من الصعب التأكد من ذلك", "وأضاف", None)


def test_a_view_verbs_quoted_predicate_is_mixed(candidates):
    # the object is the pronoun on the verb: the quoted words are the whole predicate,
    # however many they are
    text = 'وهي خطوة اعتبرها مكتب التحقيقات "مساعدة مالية غير قانونية على الإطلاق".'
    assert candidates(text) == [("mixed", "مساعدة مالية غير قانونية على الإطلاق", "اعتبرها", "مكتب التحقيقات")]
    # the object stands between the subject and the quoted words, which end the clause
    text = 'واتهموا الحكومة "بالتقصير"، ثم غادروا القاعة.'
    assert candidates(text) == [("mixed", 'الحكومة "بالتقصير', "واتهموا", None)]


def test_a_name_in_quote_marks_after_a_view_verb_is_not_its_predicate(candidates):
    # "الهلال" names a club, and the clause goes on past it
    assert candidates('واعتبر اللاعب نادي "الهلال" بيته الثاني.') == []


def test_and_written_on_a_subject_before_the_cue_is_not_the_speakers(candidates):
    # جواد is written alone elsewhere: وجواد is "and Javad"; وليد is never ليد
    text = 'التقى جواد ظريف نظيره الروسي. وجواد يؤكد أن العلاقات قوية.'
    assert candidates(text)[0][3] == "جواد"
    assert candidates('وليد يؤكد أن الفريق جاهز.')[0][3] == "وليد"


def test_a_phrase_opening_with_a_preposition_before_the_cue_is_not_its_subject(candidates):
    # في مبادرة طيبة is where, not who: the subject follows the verb
    text = "وفي مبادرة طيبة أصر أهالي القرية على معايدة الجنود المرابطين."
    assert candidates(text)[0][3] == "أهالي القرية"


def test_a_time_word_before_the_cue_is_not_its_subject(candidates):
    # والاثنين is when, with its و: the subject follows the verb
    text = 'والاثنين أعلن مكتب تنسيق الشؤون الإنسانية أن "آلاف العائلات فرت".'
    assert candidates(text)[0][3] == "مكتب تنسيق الشؤون الإنسانية"


@pytest.mark.parametrize("text", ["ولا تزال روسيا تنفي أي تورط في الحادث.", "ولاتزال روسيا تنفي أي تورط في الحادث."])
def test_the_auxiliary_of_still_before_the_subject_is_not_its_words(candidates, text):
    assert candidates(text)[0][3] == "روسيا"


def test_a_manner_word_after_the_speaker_is_not_part_of_the_phrase(candidates):
    assert candidates("وقال الوزير سامي الجابر بوضوح إن الاتفاق انتهى.")[0][3] == "الوزير سامي الجابر"


def test_a_verb_whose_subject_is_ma_or_man_reports_nobody(candidates):
    # ما (which) and من (whoever) are the subjects here: an inference, a law's reach
    assert candidates("وارتفع سعر النفط مجددا، ما يشير إلى أن الطلب يتعافى.") == []
    assert candidates("ويعاقب القانون كل من يلمح إلى تورط الجيش في الجرائم.") == []
    # with an object pronoun ما is the object, and the speaker follows the verb
    assert candidates('وهو ما اعتبره كاميرون "خطوة مهمة".') == [("mixed", "خطوة مهمة", "اعتبره", "كاميرون")]


def test_a_perfect_written_passive_names_no_speaker(candidates):
    # كُشفت (was revealed): the damma marks the passive; كشفت (she revealed) is a cue
    assert candidates("وقد كُشفت التفاصيل عن وجود لوحة أخرى تحت اللوحة.") == []
    assert candidates("وكشفت الشرطة عن وجود أدلة جديدة في القضية.")[0][2:] == ("وكشفت", "الشرطة")


def test_a_reported_clause_ends_before_a_new_report(candidates):
    # ، وأكد الوزير: a new report by a named speaker, whatever content follows it
    found = candidates("وقال المخرج إن الخبر صحيح، وأكد الوزير بعد ذلك عبر بيان هذا الخبر.")
    assert found[0] == ("indirect", "الخبر صحيح", "وقال", "المخرج")


def test_a_new_report_after_the_speaker_is_not_the_verbs_object(candidates):
    # ودعت opens a report of its own, not the object of اتهمت
    found = candidates('واتهمت المعارضة الحكومة "بالفشل الذريع"، ودعت إلى الاستقالة.')
    assert not any(words.startswith("ودعت") for _, words, _, _ in found)
    assert found[-1][:3] == ("indirect", "الاستقالة", "ودعت")


def test_a_fully_vowelled_passive_after_wa_names_no_speaker(candidates):
    # the fatha on و stands between the conjunction and the damma of the passive
    assert candidates("وَكُشِفَتْ التَّفَاصِيلُ عَنْ وُجُودِ لَوْحَةٍ أُخْرَى تَحْتَ اللَّوْحَةِ.") == []


def test_a_dateline_is_not_the_subject_before_a_verb_that_takes_an_object(candidates):
    text = "عمّان، الأردن (CNN)-- أكد وزير الداخلية سالم الحمود، الخميس، أن الحدود آمنة تماما."
    assert candidates(text) == [("indirect", "الحدود آمنة تماما", "أكد", "وزير الداخلية سالم الحمود")]


@pytest.mark.parametrize("text, cue, source", [
    ("ارتفع عدد الضحايا إلى 60 قتيلا، وفقا لما أعلنته وزارة الصحة.", "وفقا لما", "وزارة الصحة"),
    ("ارتفع عدد الضحايا إلى 60 قتيلا، وفق ما ذكره مصدر طبي.", "وفق ما", "مصدر طبي"),
    ("ارتفع عدد الضحايا إلى 60 قتيلا، حسب ما نقلت وكالة الأنباء.", "حسب ما", "وكالة الأنباء"),
])
def test_according_to_what_someone_said_is_theirs_not_ma(candidates, text, cue, source):
    assert candidates(text) == [("indirect", "ارتفع عدد الضحايا إلى 60 قتيلا", cue, source)]


def test_according_to_what_a_report_states_is_the_reports(candidates):
    text = "وتدفع الشركة 4 مليارات دولار نقدا، حسب ما جاء في التقرير الذي قدمته للجنة."
    assert candidates(text)[0][2:] == ("حسب ما جاء في", "التقرير")


@pytest.mark.parametrize("text", [
    "بحسب", "وفقا لـ", "مؤكدا", "أكد", "وقال",
    "ارتفع عدد الضحايا إلى 60 قتيلا، وفق ما أفاد",  # an according-to verb with nothing after it
    "ارتفع عدد الضحايا إلى 60 قتيلا، حسب",
    "وقال الوزير: «نعم». أكد",
])
def test_a_text_that_ends_at_a_cue_has_no_quote_there(candidates, text):
    assert [c for c in candidates(text) if c[2] != "وقال" or "نعم" not in c[1]] == []


def test_every_prefix_and_suffix_of_a_report_is_read_without_error(candidates):
    text = ('وقال وزير الخارجية سامح شكري للصحفيين: «لن نقبل بأي تدخل». وأضاف، وفقا لما أعلنته الوزارة، '
            'أن الوفد سيعود غدا، بحسب مصدر مطلع. مؤكدا أن "الحوار مستمر"، حسب ما جاء في البيان.')
    for k in range(1, len(text)):
        candidates(text[:k])
        candidates(text[k:])


@pytest.mark.parametrize("text", ["وقال الوزير: «»", "وقال الوزير: « . »", 'وأكدت الوزارة "" في بيانها.'])
def test_empty_quote_marks_report_nothing(candidates, text):
    assert candidates(text) == []


def test_a_quote_is_reported_once_when_a_second_cue_follows_it(candidates):
    text = "وأوضح «نحن مستعدون. للحوار» وأضاف الوزير أن الوفد جاهز."
    found = candidates(text)
    assert [c[1] for c in found].count("نحن مستعدون. للحوار") == 1
    assert found[0][2] == "وأوضح"


@pytest.mark.parametrize("text, speaker", [
    ('وقال كومو الأسبوع الماضي "لا أشعر بالقلق عمن سترشح".', "كومو"),
    ("وأكد الوزير سالم الحمود رسميا أن الحدود آمنة.", "الوزير سالم الحمود"),
])
def test_a_time_or_manner_word_ends_the_speaker_phrase(candidates, text, speaker):
    assert candidates(text)[0][3] == speaker


def test_a_name_spelt_like_an_imperfect_without_its_hamza_is_no_cue(candidates):
    # تامر is the name; the imperfect of أمر keeps its hamza (وتأمر الوزارة بأن ...)
    text = "أكد وزير الدولة لشؤون الخليج، تامر السبهان، أن السعودية تتعرض لحملة."
    assert [c[2] for c in candidates(text)] == ["أكد"]
    assert [c[2] for c in candidates("وتأمر الوزارة بأن تغلق المحلات.")] == ["وتأمر"]


@pytest.mark.parametrize("text, speaker", [
    # a month or a document with its pronoun after في is when or where it spoke, not its name
    ("وتوقع الصندوق في أبريل أن يتراجع التضخم.", "الصندوق"),
    ("وأشار المركز الوطني للأرصاد في تقريره إلى أن الأمطار ستستمر.", "المركز الوطني للأرصاد"),
    ("وقالت الوزيرة في كلمتها أمام البرلمان إن الإصلاح ضروري.", "الوزيرة"),
])
def test_the_time_or_medium_after_fi_ends_the_speaker_phrase(candidates, text, speaker):
    ((_, _, _, found),) = candidates(text)
    assert found == speaker


@pytest.mark.parametrize("text, speaker", [
    # one short phrase between وصف/اتهم and its ب is the object: the subject is implied
    ('ووصف ريال مدريد بأنه "أحسن فريق في العالم".', None),
    ('واتهم المعارضة بـ"الخيانة".', None),
    # two phrases, or a long one, hold the subject first
    ('ووصف الكرملين هذه الاتهامات بأنها "غير مقبولة".', "الكرملين هذه الاتهامات"),
    ('واتهم زعيم حزب العمال المعارض جيرمي كوربن حكومة ماي بـ"الخيانة".',
     "زعيم حزب العمال المعارض جيرمي كوربن حكومة ماي"),
    # a verb whose ب follows its subject keeps it (طالب المتظاهرون بـ)
    ('وطالب المتظاهرون بـ"إسقاط الحكومة".', "المتظاهرون"),
])
def test_the_object_of_an_object_first_verb_is_no_speaker(candidates, text, speaker):
    assert candidates(text)[0][3] == speaker


@pytest.mark.parametrize("text, speaker", [
    # a name in quote marks does not end the clause before the cue
    ('وكان تنظيم "الدولة الإسلامية" أعلن أنه "قتلهم في العام 2015".', 'تنظيم "الدولة الإسلامية'),
    # a complementizer does: the subject of the reported clause is after it
    ('ونقلت مجلة "فورين بوليسي" أن ميلفيل أوضح عبر فيسبوك أن تصريحات ترامب عجلت بقراره.', "ميلفيل"),
])
def test_the_subject_before_the_cue_runs_back_to_the_clause_edge(candidates, text, speaker):
    assert candidates(text)[-1][3] == speaker  # the closing mark trimmed off the phrase


def test_but_they_carries_its_subject(candidates):
    # لكنهم: but they, the clause's subject is a pronoun, not a phrase that names anyone
    text = "ورحب المحققون بالتقدم في القضية، لكنهم أكدوا أن النتائج ليست قريبة."
    assert [c[3] for c in candidates(text)] == [None]
