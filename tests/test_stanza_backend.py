"""The default backend end to end: the shipped Stanza models, offline."""
import json

import pytest

from quotes import Extractor
from quotes.evaluate import load_many, score, text_loader
from test_extractor import HOSTILE


@pytest.fixture(scope="module")
def stanza_extractor():
    return Extractor()  # the default: Stanza, the models resolved as a user's would be


def test_the_output_names_the_backend_and_the_model(stanza_extractor):
    doc = stanza_extractor.extract('وقال الوزير سامر علوان: "نحن مستعدون للحوار".')
    assert (doc.backend, doc.model) == ("stanza", "quotes-ar-compact-1")
    assert doc.quotes[0].speaker.name == "سامر علوان"


def test_a_name_between_the_cue_and_the_quote_is_not_the_speaker(stanza_extractor):
    text = ('وعلق السفير الروسي في القاهرة ميخائيل بوريسوف على زيارة الوزير شويغو قائلا: '
            '"الزيارة مهمة للغاية للبلدين".')
    speaker = stanza_extractor.extract(text).quotes[0].speaker
    assert speaker.name == "ميخائيل بوريسوف"


def test_the_outlet_spoken_to_is_not_the_speakers_name(stanza_extractor):
    text = ("وقال المحلل السياسي، سامي الدباغ، إن الأزمة ستطول.\n"
            "وأضاف الدباغ لبي بي سي إن الحل سياسي في النهاية.")
    speakers = [(q.speaker.name, q.speaker.role) for q in stanza_extractor.extract(text).quotes]
    assert speakers == [("سامي الدباغ", "المحلل السياسي")] * 2


def test_seed_every_quote_with_its_canonical_name_and_role(stanza_extractor, seed, seed_gold):
    doc = stanza_extractor.extract(seed.read_text(encoding="utf-8"), seed.name)
    report, misses = score(load_many(seed_gold), [json.loads(doc.to_json())], text_loader(seed_gold, None))
    assert report["match"] == report["gold"] == 16, misses
    assert report["speaker_strict"] == 1.0, misses
    assert report["role"] == 1.0, misses
    assert report["names_as_quotes"] == 0


def test_dev_stanza_beats_the_rules_on_canonical_names(shared, stanza_extractor):
    gold = shared / "dev" / "gold.jsonl"
    texts = sorted((shared / "dev" / "texts").glob("*.txt"))
    runs = {}
    for name, extractor in (("stanza", stanza_extractor), ("rules", Extractor(backend="rules"))):
        preds = [json.loads(extractor.extract(t.read_text(encoding="utf-8"), t.name).to_json()) for t in texts]
        runs[name], _ = score(load_many(gold), preds, text_loader(gold, shared / "dev" / "texts"))
    assert runs["stanza"]["f1"] >= 0.85
    assert runs["stanza"]["speaker_strict"] > runs["rules"]["speaker_strict"]


def test_the_whole_pipeline_runs_with_the_network_blocked():
    import subprocess
    import sys

    script = (
        "import socket\n"
        "def blocked(*args, **kwargs):\n"
        "    raise OSError('network blocked by the test')\n"
        "socket.socket.connect = socket.socket.connect_ex = socket.socket.sendto = blocked\n"
        "socket.create_connection = socket.getaddrinfo = blocked\n"
        "import quotes\n"
        "doc = quotes.Extractor(backend='stanza').extract('وقال الوزير سامر علوان: \"نحن مستعدون للحوار\".')\n"
        "print(doc.quotes[0].speaker.name)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "سامر علوان"


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_text_parses_in_bounded_time_with_sane_output(stanza_extractor, case):
    import time

    text = HOSTILE[case]
    start = time.perf_counter()
    doc = stanza_extractor.extract(text)
    assert time.perf_counter() - start < 120  # the cue words: 600 KB of text, 40 s on two cores
    assert not doc.errors
    assert len(doc.quotes) <= 2 and all(text[q.start:q.end] == q.text for q in doc.quotes)
