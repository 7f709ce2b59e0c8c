"""Which learner and settings `quotes resolver train` and `cv` fit for a backend."""
from quotes.choice.training import LEARNER_SETTINGS, fit_settings


def test_each_backend_gets_the_learner_cross_validation_chose():
    assert fit_settings("stanza")["learner"] == "trees"
    assert fit_settings("rules") == {"learner": "linear", **LEARNER_SETTINGS["linear"]}


def test_given_options_override_the_chosen_ones_and_the_other_learners_are_left_out():
    settings = fit_settings("rules", learner="trees", lead=1.0, steps=50, depth=None)
    assert settings["learner"] == "trees" and settings["lead"] == 1.0
    assert settings["depth"] == LEARNER_SETTINGS["trees"]["depth"] and "steps" not in settings
