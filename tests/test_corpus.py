"""The extractor on real text: the seed (in the repo) and the dev articles (../shared)."""
import json
import subprocess
import sys

import pytest

from quotes import Extractor
from quotes.evaluate import load_many, score, text_loader


@pytest.fixture(scope="module")
def extractor():
    return Extractor(backend="rules")


def check_offsets(doc, text):
    spans = [q for q in doc.quotes] + [q.cue for q in doc.quotes if q.cue]
    spans += [q.speaker.mention for q in doc.quotes if q.speaker.mention]
    spans += [m for e in doc.entities for m in e.mentions]
    for span in spans:
        assert text[span.start:span.end] == span.text


def test_seed_offsets_and_score(extractor, seed, seed_gold):
    text = seed.read_text(encoding="utf-8")
    doc = extractor.extract(text, seed.name)
    check_offsets(doc, text)
    report, _ = score(load_many(seed_gold), [json.loads(doc.to_json())], text_loader(seed_gold, None))
    assert report["f1"] >= 0.9
    assert report["names_as_quotes"] == 0
    assert report["speaker_lenient"] >= 0.85


@pytest.fixture(scope="module")
def dev_predictions(shared, extractor, tmp_path_factory):
    texts = sorted((shared / "dev" / "texts").glob("*.txt"))
    out = tmp_path_factory.mktemp("dev") / "pred.jsonl"
    docs = [(t, t.read_text(encoding="utf-8")) for t in texts]
    results = [(text, extractor.extract(text, path.name)) for path, text in docs]
    out.write_text("\n".join(d.to_json() for _, d in results) + "\n", encoding="utf-8")
    return results, out


def test_dev_offsets(dev_predictions):
    for text, doc in dev_predictions[0]:
        check_offsets(doc, text)


def test_dev_score_does_not_fall_back(shared, dev_predictions):
    gold = shared / "dev" / "gold.jsonl"
    report, _ = score(load_many(gold), load_many(dev_predictions[1]), text_loader(gold, shared / "dev" / "texts"))
    assert report["f1"] >= 0.80
    assert report["names_as_quotes"] <= 2


def test_eval_agrees_with_the_project_scorer(shared, dev_predictions):
    gold = shared / "dev" / "gold.jsonl"
    texts = shared / "dev" / "texts"
    theirs = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), "--json", "--texts", str(texts),
                             str(gold), str(dev_predictions[1])], capture_output=True, text=True, check=True)
    ours, _ = score(load_many(gold), load_many(dev_predictions[1]), text_loader(gold, texts))
    expected = json.loads(theirs.stdout)
    assert {k: ours[k] for k in expected} == expected
