"""`quotes models vectors`: tokenisation, deterministic vectors on a tiny corpus, a pretrain Stanza loads."""
import gzip
import hashlib
import json

import pytest
import torch
from click.testing import CliRunner

from quotes.cli import main
from quotes.training.vectors import VectorOptions, tokenize_line, train_vectors

pytest.importorskip("gensim")

SENTENCES = [
    "قال الوزير إن المحادثات مفيدة، وأضاف أن الوفد سيعود غدا.",
    "وأكد الرئيس أن الحكومة ستواصل العمل مع الشركاء في المنطقة.",
    "وقالت المتحدثة باسم الوزارة إن 3.5 مليون شخص يحتاجون إلى المساعدة...",
    "وذكرت الوكالة أن الاجتماع عقد في القاهرة بحضور وزير الخارجية.",
]


@pytest.fixture()
def corpus(tmp_path):
    path = tmp_path / "news.txt.gz"
    lines = [SENTENCES[(i * 7) % len(SENTENCES)] for i in range(200)]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(0, len(lines), 5):
            f.write("\n".join(lines[i:i + 5]) + "\n\n")  # blocks separated by a blank line
    return path


def test_tokens_as_the_pipeline_sees_them():
    assert tokenize_line("قالَ الوزيرُ، «نعم»... 3.5 مليون") == ["قال", "الوزير", ",", '"', "نعم", '"', "...",
                                                                  "3.5", "مليون"]
    assert tokenize_line("Hello BBC!") == ["hello", "bbc", "!"]


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_vectors_are_deterministic_and_load_in_stanza(corpus, tmp_path):
    from stanza.models.common.pretrain import Pretrain

    opts = VectorOptions(dim=16, min_count=2, max_vocab=20, epochs=2, bucket=2000, workers=1, seed=7)
    first = train_vectors(corpus, tmp_path / "a", opts, log=lambda _: None)
    train_vectors(corpus, tmp_path / "b", opts, log=lambda _: None)
    a, b = Pretrain(str(tmp_path / "a" / "pretrain.pt")), Pretrain(str(tmp_path / "b" / "pretrain.pt"))
    assert torch.equal(a.emb, b.emb) and list(a.vocab) == list(b.vocab)

    assert first["vocab"] == 20 and first["lines"] == 200
    assert a.emb.shape == (20 + 4, 16)  # Stanza's four special rows (pad, unk, empty, root) first
    assert a.emb.dtype == torch.float32
    assert a.vocab.unit2id(".") >= 4 and a.vocab.unit2id("أن") >= 4  # the most frequent words are in
    assert not (tmp_path / "a" / "work").exists()  # the tokenised corpus and text vectors are gone
    info = json.loads((tmp_path / "a" / "vectors.json").read_text(encoding="utf-8"))
    assert info["options"]["seed"] == 7 and info["bytes"] == (tmp_path / "a" / "pretrain.pt").stat().st_size

    other = train_vectors(corpus, tmp_path / "c", VectorOptions(**{**opts.__dict__, "seed": 8}), log=lambda _: None)
    assert other["vocab"] == 20
    assert not torch.equal(Pretrain(str(tmp_path / "c" / "pretrain.pt")).emb, a.emb)


def test_vectors_command(corpus, tmp_path):
    out = tmp_path / "vec"
    result = CliRunner().invoke(main, ["models", "vectors", str(corpus), "--output", str(out), "--dim", "8",
                                       "--min-count", "1", "--max-vocab", "10", "--epochs", "1", "--seed", "3"])
    assert result.exit_code == 0, result.output
    assert "10 words x 8" in result.output
    assert (out / "pretrain.pt").is_file()
