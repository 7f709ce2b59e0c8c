"""`quotes models train --quick`: the whole command on a small slice with few steps."""
import json
import time

from click.testing import CliRunner

from quotes.cli import main
from quotes.nlp.parsing import parse
from quotes.nlp.pipeline import load_pipeline
from quotes.nlp.sources import PROCESSORS, resolve_model


def test_quick_training_end_to_end(shared_data, tmp_path):
    treebank, ner_file = shared_data
    output = tmp_path / "model"
    start = time.perf_counter()
    result = CliRunner().invoke(main, ["models", "train", "--treebank", str(treebank), "--ner", str(ner_file),
                                       "--output", str(output), "--work-dir", str(tmp_path / "work"), "--quick"])
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - start < 600  # a smoke run, not a training: minutes even on a loaded machine

    info = json.loads((output / "model.json").read_text(encoding="utf-8"))
    assert set(info["processors"]) == set(PROCESSORS)
    assert info["data"]["ud"]["train"] == 40 and info["data"]["ner"]["train"] == 40
    assert all(p["command"].startswith("python -m stanza.models.") for p in info["processors"].values())
    assert "ner_f1" in info["scores"]["test_float16"]
    card = (output / "MODEL.md").read_text(encoding="utf-8")
    assert "CC BY-SA 3.0" in card and "--quick" in card

    doc = parse("وقال الوزير إن المحادثات مفيدة.", load_pipeline(resolve_model(output)))
    assert doc.num_tokens > 0


def test_trainer_commands_read_a_pretrain_instead_of_none(tmp_path):
    from pathlib import Path

    from quotes.training.models import TrainOptions, trainer_command

    pretrain = tmp_path / "pretrain.pt"
    pretrain.write_bytes(b"")
    with_vectors = TrainOptions(output=tmp_path / "out", work_dir=tmp_path / "work", pretrain=pretrain)
    without = TrainOptions(output=tmp_path / "out", work_dir=tmp_path / "work")
    for processor in ("pos", "depparse", "ner"):
        command = trainer_command(processor, with_vectors)
        assert "--no_pretrain" not in command
        assert command[command.index("--wordvec_pretrain_file") + 1] == str(Path("raw") / "pretrain.pt")
        assert "--no_pretrain" in trainer_command(processor, without)
    assert "--word_emb_dim" not in trainer_command("ner", with_vectors)  # the pretrain's dimension
    assert "--word_emb_dim" in trainer_command("ner", without)
    assert "--wordvec_pretrain_file" not in trainer_command("lemma", with_vectors)


def test_a_model_dir_with_a_pretrain_lists_it(tmp_path):
    from quotes.nlp.sources import PROCESSORS, resolve_model

    for p in PROCESSORS:
        (tmp_path / f"{p}.pt").write_bytes(b"")
    assert "pretrain" not in resolve_model(tmp_path).files
    (tmp_path / "pretrain.pt").write_bytes(b"")
    assert resolve_model(tmp_path).files["pretrain"] == tmp_path / "pretrain.pt"
