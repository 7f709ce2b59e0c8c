"""`quotes models train --quick`: the whole command on a small slice with few steps."""
import json
import time

from click.testing import CliRunner

from quotes.cli import main
from quotes.nlp.parsing import parse
from quotes.nlp.pipeline import load_pipeline
from quotes.nlp.resolve import PROCESSORS, resolve_model


def test_quick_training_end_to_end(shared_data, tmp_path):
    treebank, ner_file = shared_data
    output = tmp_path / "model"
    start = time.perf_counter()
    result = CliRunner().invoke(main, ["models", "train", "--treebank", str(treebank), "--ner", str(ner_file),
                                       "--output", str(output), "--work-dir", str(tmp_path / "work"), "--quick"])
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - start < 120

    info = json.loads((output / "model.json").read_text(encoding="utf-8"))
    assert set(info["processors"]) == set(PROCESSORS)
    assert info["data"]["ud"]["train"] == 40 and info["data"]["ner"]["train"] == 40
    assert all(p["command"].startswith("python -m stanza.models.") for p in info["processors"].values())
    assert "ner_f1" in info["scores"]["test_float16"]
    card = (output / "MODEL.md").read_text(encoding="utf-8")
    assert "CC BY-SA 3.0" in card and "--quick" in card

    doc = parse("وقال الوزير إن المحادثات مفيدة.", load_pipeline(resolve_model(output)))
    assert doc.num_tokens > 0
