import random

import pytest

from quotes.archive.merging import Link, group
from quotes.archive.names import NameRules, key


@pytest.fixture(scope="module")
def rules(lexicon):
    return NameRules.of(lexicon)


def names(*pairs):
    return {key(n): c for n, c in pairs}


def test_spellings_and_the_surname_are_one_speaker(rules):
    groups = group(names(("مايك بومبيو", 12), ("مايك بومبيوا", 1), ("بومبيو", 3)), rules)
    assert len(groups) == 1
    g = groups[0]
    assert g.head == key("مايك بومبيو")
    assert g.links[key("بومبيو")] == Link("shorter", key("مايك بومبيو"))
    assert g.links[key("مايك بومبيوا")] == Link("spelling", key("مايك بومبيو"))
    assert g.links[g.head] == Link("name")


def test_a_surname_shared_by_several_full_names_stays_apart(rules):
    groups = group(names(("الغامدي", 2), ("جمعان الغامدي", 1), ("علي الغامدي", 1)), rules)
    assert sorted(g.head for g in groups) == sorted([key("الغامدي"), key("جمعان الغامدي"), key("علي الغامدي")])


def test_a_shorter_name_joins_through_its_longer_forms(rules):
    groups = group(names(("محمد جواد ظريف", 2), ("جواد ظريف", 1), ("ظريف", 4)), rules)
    assert len(groups) == 1 and groups[0].head == key("محمد جواد ظريف")


def test_an_organisation_shortened_joins_its_one_full_name(rules):
    groups = group(names(("صندوق النقد الدولي", 3), ("صندوق النقد", 2), ("وزارة الخارجية", 1),
                         ("وزارة الخارجية الأميركية", 2), ("وزارة الخارجية الروسية", 1)), rules)
    heads = {g.head: sorted(g.links) for g in groups}
    assert heads[key("صندوق النقد الدولي")] == sorted([key("صندوق النقد الدولي"), key("صندوق النقد")])
    assert key("وزارة الخارجية") in heads  # two ministries it may be: neither


def test_the_speaker_is_listed_by_its_fullest_name_unless_that_is_a_one_off(rules):
    [zarif] = group(names(("محمد جواد ظريف", 2), ("ظريف", 4)), rules)
    assert zarif.head == key("محمد جواد ظريف")
    [russia] = group(names(("ولاتزال روسيا", 1), ("روسيا", 5)), rules)
    assert russia.head == key("روسيا") and russia.links[key("ولاتزال روسيا")] == Link("fuller", key("روسيا"))


def test_two_given_names_a_vowel_apart_are_two_people(rules):
    assert len(group(names(("محمد علي", 3), ("محمود علي", 2)), rules)) == 2


def test_grouping_does_not_depend_on_the_order_names_came_in(rules):
    pairs = [("مايك بومبيو", 5), ("بومبيو", 2), ("دونالد ترامب", 9), ("دونالد ترمب", 1), ("ترامب", 4),
             ("جواد ظريف", 1), ("محمد جواد ظريف", 2), ("الغامدي", 1), ("علي الغامدي", 1), ("سعد الغامدي", 1)]
    expected = group(names(*pairs), rules)
    for seed in range(5):
        random.Random(seed).shuffle(pairs)
        assert group(names(*pairs), rules) == expected


def test_a_pinned_name_stays_a_speaker_of_its_own(rules):
    pinned = {key("بومبيو"): 7}
    groups = group(names(("مايك بومبيو", 12), ("بومبيو", 3)), rules, pinned)
    assert len(groups) == 2
    alone = next(g for g in groups if g.head == key("بومبيو"))
    assert alone.links == {key("بومبيو"): Link("split")}


def test_a_joined_name_is_one_speaker_with_its_target_and_out_of_the_rules(rules):
    joined = {key("بنيامين نتياهو"): key("بنيامين نتانياهو"), key("نتياهو"): key("بنيامين نتياهو")}
    groups = group(names(("بنيامين نتانياهو", 5), ("بنيامين نتياهو", 9), ("نتياهو", 1)), rules, joined=joined)
    [netanyahu] = groups
    assert netanyahu.head == key("بنيامين نتانياهو")  # a joined name never heads its speaker
    assert netanyahu.links[key("نتياهو")] == Link("joined", key("بنيامين نتياهو"))  # through a chain


def test_a_name_joined_to_one_not_in_the_archive_stands_alone(rules):
    groups = group(names(("دار الإفتاء", 2)), rules, joined={key("دار الإفتاء"): key("دار الإفتاء المصرية")})
    assert [g.links for g in groups] == [{key("دار الإفتاء"): Link("joined", key("دار الإفتاء المصرية"))}]
