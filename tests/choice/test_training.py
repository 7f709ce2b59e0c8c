"""Which learner and settings `quotes resolver train` and `cv` fit for a backend."""
import pytest
from click.testing import CliRunner

from quotes.choice.training import LEARNER_SETTINGS, fit_settings
from quotes.cli import main


def test_each_backend_gets_the_learner_cross_validation_chose():
    assert fit_settings("stanza") == {"learner": "trees", **LEARNER_SETTINGS["trees"]}
    assert fit_settings("rules") == {"learner": "trees", **LEARNER_SETTINGS["trees"]}


def test_given_options_override_the_chosen_ones():
    settings = fit_settings("rules", learner="linear", lead=1.0, steps=None)
    assert settings["learner"] == "linear" and settings["lead"] == 1.0
    assert settings["steps"] == LEARNER_SETTINGS["linear"]["steps"]


def test_an_option_of_the_other_learner_is_refused():
    with pytest.raises(ValueError, match="--steps is not an option of the trees learner"):
        fit_settings("stanza", steps=50)


def test_the_command_refuses_it_before_reading_any_article(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"document": "missing.txt", "quotes": []}\n', encoding="utf-8")  # never read
    result = CliRunner().invoke(main, ["resolver", "cv", str(gold), str(tmp_path), "--steps", "9"])
    assert result.exit_code == 2 and "--steps is not an option of the trees learner" in result.output
