"""The boosted trees: they learn what a linear ranker cannot, deterministically, stored as JSON."""
import json

import pytest

from quotes.choice.chooser import read_model
from quotes.choice.ranker import Ranker
from quotes.choice.trees import Trees


def interaction():
    """A written subject is the name near the cue, an implied one the last speaker: which
    option is right depends on the quote, and the quote's way is the same for all its
    options, so one weight a feature cannot tell (written quotes are 3 in 4)."""
    groups, labels = [], []
    for i in range(40):
        way = "written" if i % 4 else "implied"
        near = {"bias": 1.0, f"say={way}": 1.0, "near": 1.0}
        speaker = {"bias": 1.0, f"say={way}": 1.0, "spoke_before=1": 1.0}
        order = [near, speaker] if i % 3 else [speaker, near]
        groups.append(order)
        right = near if way == "written" else speaker
        labels.append([o is right for o in order])
    return groups, labels


def accuracy(model, groups, labels):
    return sum(ys[model.choose(g)] for g, ys in zip(groups, labels)) / len(groups)


def test_trees_learn_an_interaction_a_linear_ranker_cannot():
    groups, labels = interaction()
    assert accuracy(Trees.fit(groups, labels, rounds=30, depth=2), groups, labels) == 1.0
    assert accuracy(Ranker.fit(groups, labels), groups, labels) == 0.75


def test_a_threshold_splits_a_feature_of_several_values():
    """More than two earlier quotes back the speaker is no longer the one (values 1-4)."""
    groups, labels = [], []
    for back in (1, 2, 3, 4) * 5:
        near, speaker = {"near": 1.0}, {"spoke_before": float(back)}
        groups.append([near, speaker])
        labels.append([back > 2, back <= 2])
    trees = Trees.fit(groups, labels, rounds=30, depth=1, min_hessian=0.5)
    assert accuracy(trees, groups, labels) == 1.0
    assert trees.trees[0][0]["split"] == ("spoke_before", 2.0)


def test_training_twice_gives_the_same_trees():
    assert Trees.fit(*interaction(), rounds=20).to_json() == Trees.fit(*interaction(), rounds=20).to_json()


def test_the_trees_round_trip_through_json_and_are_read_as_a_speaker_model():
    trees = Trees.fit(*interaction(), rounds=20, lead=0.5)
    again = read_model(trees.to_json())
    assert isinstance(again, Trees) and again == trees and json.loads(trees.to_json())["meta"]["lead"] == 0.5


def test_a_linear_model_is_still_read_as_one():
    ranker = Ranker({"near": 1.0}, {"lead": 2.0})
    assert read_model(ranker.to_json()) == ranker


def test_a_leaf_needs_the_hessian_of_enough_options():
    """With min_hessian above what any side could hold, no tree splits, and boosting stops
    at the first: every later round would grow the same stump."""
    assert Trees.fit(*interaction(), rounds=5, min_hessian=1000.0).trees == []


def test_the_resolvers_own_option_stands_unless_another_leads_by_the_margin():
    tree = [{"split": ("near", 0.0), "yes": 1, "no": 2, "value": 0.0}, {"value": 1.0}, {"value": -1.0}]
    assert Trees([tree], {"lead": 3.0}).choose([{}, {"near": 1.0}]) == 0
    assert Trees([tree], {"lead": 2.0}).choose([{}, {"near": 1.0}]) == 1


def test_explain_gives_the_splits_on_the_path_with_what_each_added():
    tree = [{"split": ("near", 0.0), "yes": 1, "no": 2, "value": 0.0},
            {"split": ("say=implied", 0.0), "yes": 3, "no": 4, "value": 0.5}, {"value": -0.5},
            {"value": -0.25}, {"value": 1.5}]
    trees = Trees([tree, tree])
    assert trees.explain({"near": 1.0}) == [("no say=implied", 2.0), ("near", 1.0)]
    assert trees.explain({"near": 1.0, "say=implied": 1.0}, top=1) == [("say=implied", -1.5)]
    assert trees.explain({}) == [("no near", -1.0)]


def test_a_file_that_is_not_a_speaker_model_is_refused_with_the_fix():
    with pytest.raises(ValueError, match="quotes resolver train"):
        Trees.from_json('{"format": "something-else"}')
    with pytest.raises(ValueError, match="quotes resolver train"):
        read_model('{"format": "something-else"}')


def test_a_feature_of_many_values_is_split_at_a_few_of_them():
    """A score (say a linear model's) takes a value an option: splits are tried at
    MAX_THRESHOLDS of them in order, not at every one."""
    from quotes.choice.trees import MAX_THRESHOLDS, _thresholds

    found = _thresholds({i / 10 for i in range(1, 200)})
    assert len(found) == MAX_THRESHOLDS and found[0] == 0.0 and found == sorted(found)
    assert _thresholds({1.0}) == [0.0] and _thresholds({1.0, 3.0}) == [0.0, 1.0]


@pytest.fixture(scope="module")
def fixture_trees(tmp_path_factory):
    """Trees trained on the gold articles of our own (fixtures/gold), the rules backend."""
    from pathlib import Path

    from quotes.choice.training import load_cases, train

    gold = Path(__file__).resolve().parents[2] / "fixtures" / "gold"
    trees = train(load_cases(gold / "gold.jsonl", gold / "texts", "rules"), "trees", rounds=30, lead=0.0)
    path = tmp_path_factory.mktemp("trees") / "trees.json"
    path.write_text(trees.to_json(), encoding="utf-8")
    return path


def test_the_extractor_chooses_with_trees_and_says_why(fixture_trees):
    from quotes import Extractor

    text = 'وقال المتحدث باسم وزارة الصحة خالد عبد الغفار إن "الوضع تحت السيطرة".'
    quote, = Extractor(backend="rules", speaker_model=str(fixture_trees)).extract(text).quotes
    assert quote.speaker.name == "خالد عبد الغفار"
    steps = [s for s in quote.explain if s.startswith("model: ")]
    assert steps and len(steps) <= 5
