"""The linear ranker: fitted to which option is right, deterministic, stored as JSON."""
import json

import pytest

from quotes.choice.ranker import Ranker


def toy():
    """Quotes whose right option is the parse's subject, whatever else is near."""
    groups, labels = [], []
    for i in range(30):
        near = {"bias": 1.0, "ner_exact=PER": 1.0, f"words={i % 3 + 1}": 1.0}
        subject = {"bias": 1.0, "path=nsubj": 1.0, f"words={(i + 1) % 3 + 1}": 1.0}
        order = [near, subject] if i % 2 else [subject, near]
        groups.append(order)
        labels.append([o is subject for o in order])
    return groups, labels


def test_it_learns_which_option_is_right():
    ranker = Ranker.fit(*toy())
    assert ranker.weights["path=nsubj"] > ranker.weights.get("ner_exact=PER", 0.0)
    assert ranker.choose([{"ner_exact=PER": 1.0}, {"path=nsubj": 1.0}]) == 1


def test_training_twice_gives_the_same_model():
    assert Ranker.fit(*toy()).to_json() == Ranker.fit(*toy()).to_json()


def test_the_model_round_trips_through_json():
    ranker = Ranker.fit(*toy(), lead=0.5)
    again = Ranker.from_json(ranker.to_json())
    assert again == ranker and json.loads(ranker.to_json())["meta"]["lead"] == 0.5


def test_the_resolvers_own_option_stands_unless_another_leads_by_the_margin():
    ranker = Ranker({"path=nsubj": 1.0}, {"lead": 2.0})
    assert ranker.choose([{}, {"path=nsubj": 1.0}]) == 0
    assert Ranker({"path=nsubj": 3.0}, {"lead": 2.0}).choose([{}, {"path=nsubj": 1.0}]) == 1


def test_explain_gives_the_weightiest_features():
    ranker = Ranker({"a": 0.1, "b": -2.0, "c": 1.0})
    assert ranker.explain({"a": 1.0, "b": 1.0, "c": 1.0}, top=2) == [("b", -2.0), ("c", 1.0)]


def test_a_file_that_is_not_a_speaker_model_is_refused_with_the_fix():
    with pytest.raises(ValueError, match="quotes resolver train"):
        Ranker.from_json('{"format": "something-else"}')
