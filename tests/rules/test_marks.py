from quotes.rules.marks import pair_marks


def inner(text, lexicon):
    quoted, strays = pair_marks(text, lexicon.quote_pairs)
    return [text[q.inner_start:q.inner_end] for q in quoted], [text[i] for i in strays]


def test_guillemets_and_straight_quotes_pair(lexicon):
    text = 'قال «نحن هنا» ثم قال "سنبقى"'
    assert inner(text, lexicon) == (["نحن هنا", "سنبقى"], [])


def test_mirrored_curly_quotes_pair_as_arabic_text_writes_them(lexicon):
    assert inner("قال ”نحن هنا“ أمس", lexicon)[0] == ["نحن هنا"]


def test_spaced_straight_quotes_pair_and_the_spaces_are_not_quoted(lexicon):
    assert inner('وقالت : " نعتقد أن الأمر تغير . "', lexicon)[0] == ["نعتقد أن الأمر تغير"]


def test_a_stray_mark_with_space_on_both_sides_is_dropped(lexicon):
    text = 'التقى القائد "العميد علي"، بعدما التقى الوزير محمد، " في مقر الوزارة.'
    quoted, strays = inner(text, lexicon)
    assert quoted == ["العميد علي"]
    assert strays == ['"']


def test_a_stray_mark_before_a_real_pair_does_not_swallow_it(lexicon):
    text = 'قال الوزير، " في المقر "نحن مستعدون" للحوار'
    assert inner(text, lexicon) == (["نحن مستعدون"], ['"'])


def test_a_clear_opener_never_closed_quotes_to_the_line_end(lexicon):
    text = 'وأكد الوزير "لم أستقل من منصبي\nسطر آخر'
    assert inner(text, lexicon)[0] == ["لم أستقل من منصبي"]


def test_quotes_inside_quotes_belong_to_the_outer_one(lexicon):
    text = 'قال: «وصفوا الخطة بأنها "مستحيلة" ولم يتراجعوا»'
    quoted, _ = pair_marks(text, lexicon.quote_pairs)
    outer = [q for q in quoted if q.depth == 0]
    assert [text[q.inner_start:q.inner_end] for q in outer] == ['وصفوا الخطة بأنها "مستحيلة" ولم يتراجعوا']
    assert [q.depth for q in quoted] == [0, 1]


def test_a_title_whose_closing_mark_was_forgotten_does_not_swallow_the_quote_after_it(lexicon):
    # the same straight mark cannot open inside itself: the first one is the stray
    text = 'عرض مسلسل "سيلفي من بطولة الفنان ناصر القصبي، وقال المخرج: "نريد أن نضحك الناس." ثم غادر'
    assert inner(text, lexicon) == (["نريد أن نضحك الناس"], ['"'])


def test_a_straight_quote_opening_inside_an_unclosed_one_without_a_colon_nests(lexicon):
    text = 'وأكد الوزير "لم أقل ذلك. استقلت لأسباب "شخصية".'
    assert inner(text, lexicon)[0] == ['لم أقل ذلك. استقلت لأسباب "شخصية"', "شخصية"]


def test_guillemets_still_nest_a_straight_quote_that_opens_twice_inside_them(lexicon):
    text = 'قال: «وصفها "بالمستحيلة" و"الخطيرة" معا»'
    assert inner(text, lexicon)[0] == ['وصفها "بالمستحيلة" و"الخطيرة" معا', "بالمستحيلة", "الخطيرة"]
