"""`quotes models charlm`: the text the charlms read, a tiny training of both, and NER reading them."""
import gzip
import json

import pytest
import torch
from click.testing import CliRunner

from quotes.cli import main
from quotes.training.charlm import CharlmOptions, charlm_line, train_charlms, write_charlm_text
from quotes.nlp.sources import PROCESSORS, resolve_model
from quotes.training.models import TrainOptions, trainer_command

SENTENCES = [
    "قال الوزير إن المحادثات مفيدة، وأضاف أن الوفد سيعود غدا.",
    "وأكدت المتحدثة «نحن مستعدون للحوار» في بيان نشرته الوزارة.",
    "وذكرت وكالة رويترز أن 3.5 مليون شخص يحتاجون إلى المساعدة...",
]
TINY = CharlmOptions(hidden=16, char_emb=8, batch_size=4, bptt=20, cutoff=1, eval_steps=10,
                     shard_lines=40, dev_every=10, seed=5)


@pytest.fixture()
def corpus(tmp_path):
    path = tmp_path / "news.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(SENTENCES[i % 3] for i in range(100)) + "\n")
    return path


def test_a_line_as_ner_reads_it():
    # parse forms (no diacritics, ، -> ,, « -> "), one space between tokens, case kept
    assert charlm_line("قالَ الوزيرُ، «نعم» لـBBC.") == 'قال الوزير , " نعم " لـBBC .'


def test_text_is_sharded_with_every_nth_line_for_dev(tmp_path):
    counts = write_charlm_text(SENTENCES * 30, tmp_path, TINY)
    assert counts["dev_lines"] == 9 and counts["train_lines"] == 81
    assert sorted(p.name for p in (tmp_path / "train").iterdir()) == ["0000.txt", "0001.txt", "0002.txt"]
    assert len((tmp_path / "train" / "0002.txt").read_text(encoding="utf-8").splitlines()) == 1
    assert counts["train_chars"] == sum(len(p.read_text(encoding="utf-8")) for p in (tmp_path / "train").iterdir())
    halved = write_charlm_text(SENTENCES * 30, tmp_path / "half", CharlmOptions(**{**TINY.__dict__, "stride": 2}))
    assert halved["dev_lines"] == 9 and halved["train_lines"] == 45  # the even lines (dev lines are odd)


def test_a_restarted_run_reuses_its_text_unless_the_options_changed(corpus, tmp_path):
    from quotes.training.charlm import _prepared_text

    first = _prepared_text(corpus, tmp_path / "text", TINY)
    (tmp_path / "text" / "train" / "0000.txt").write_text("kept\n", encoding="utf-8")
    assert _prepared_text(corpus, tmp_path / "text", TINY) == first
    assert (tmp_path / "text" / "train" / "0000.txt").read_text(encoding="utf-8") == "kept\n"
    halved = _prepared_text(corpus, tmp_path / "text", CharlmOptions(**{**TINY.__dict__, "stride": 2}))
    assert halved["train_lines"] < first["train_lines"]
    assert (tmp_path / "text" / "train" / "0000.txt").read_text(encoding="utf-8") != "kept\n"


def test_both_directions_train_into_float16_models_stanza_loads(corpus, tmp_path):
    from stanza.models.common.char_model import CharacterLanguageModel

    info = train_charlms(corpus, tmp_path / "out", tmp_path / "work", TINY, log=lambda _: None)
    assert set(info["models"]) == {"forward", "backward"}
    for direction in ("forward", "backward"):
        path = tmp_path / "out" / f"{direction}_charlm.pt"
        saved = torch.load(path, weights_only=True)
        assert "optimizer" not in saved and {v.dtype for v in saved["state_dict"].values()} == {torch.float16}
        model = CharacterLanguageModel.load(str(path))
        assert model.is_forward_lm == (direction == "forward") and model.hidden_dim() == 16
        assert next(model.parameters()).dtype == torch.float32
        assert info["models"][direction]["dev"]["ppl"] > 1
    assert json.loads((tmp_path / "out" / "charlm.json").read_text(encoding="utf-8"))["options"]["seed"] == 5


def test_ner_trainer_reads_the_charlms(tmp_path):
    (tmp_path / "lm").mkdir()
    for name in ("forward_charlm.pt", "backward_charlm.pt"):
        (tmp_path / "lm" / name).write_bytes(b"")
    opts = TrainOptions(output=tmp_path / "out", work_dir=tmp_path / "work", charlm=tmp_path / "lm")
    command = trainer_command("ner", opts)
    assert "--charlm" in command and command[command.index("--charlm_forward_file") + 1] == "raw/forward_charlm.pt"
    assert "--charlm" not in trainer_command("pos", opts)
    assert "--charlm" not in trainer_command("ner", TrainOptions(output=tmp_path / "out", work_dir=tmp_path))


def test_a_model_dir_with_charlms_lists_them_for_ner(tmp_path):
    for p in PROCESSORS:
        (tmp_path / f"{p}.pt").write_bytes(b"")
    assert "ner_forward_charlm" not in resolve_model(tmp_path).files
    (tmp_path / "forward_charlm.pt").write_bytes(b"")
    (tmp_path / "backward_charlm.pt").write_bytes(b"")
    assert resolve_model(tmp_path).files["ner_backward_charlm"] == tmp_path / "backward_charlm.pt"
    assert "ner_forward_charlm" not in resolve_model(tmp_path, processors=("tokenize", "mwt")).files


def test_quick_ner_training_with_charlms_tags_text(shared_data, corpus, tmp_path):
    from quotes.nlp.parsing import parse
    from quotes.nlp.pipeline import load_pipeline

    _, ner_file = shared_data
    train_charlms(corpus, tmp_path / "lm", tmp_path / "lm-work", TINY, log=lambda _: None)
    output = tmp_path / "model"
    for folder in (output, tmp_path / "work" / "raw"):  # scoring NER tokenizes with the shipped models
        folder.mkdir(parents=True)
        for p in ("tokenize", "mwt"):
            (folder / f"{p}.pt").write_bytes(resolve_model().files[p].read_bytes())
    result = CliRunner().invoke(main, ["models", "train", "--ner", str(ner_file), "--processors", "ner",
                                       "--output", str(output), "--work-dir", str(tmp_path / "work"), "--quick",
                                       "--charlm", str(tmp_path / "lm")])
    assert result.exit_code == 0, result.output
    assert (output / "forward_charlm.pt").is_file() and (output / "backward_charlm.pt").is_file()
    assert "Character language models" in (output / "MODEL.md").read_text(encoding="utf-8")
    pipeline = load_pipeline(resolve_model(output, processors=("tokenize", "mwt", "ner")), "tokenize,mwt,ner")
    assert parse("وقال الوزير سامح شكري إن المحادثات مفيدة.", pipeline).num_tokens > 0
