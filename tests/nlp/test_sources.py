"""The resolution order: explicit dir, then official Stanza models, then shipped models."""
import json

import pytest

from quotes.nlp.sources import PROCESSORS, SHIPPED_DIR, ModelNotFoundError, resolve_model

# What the official resources.json says about Arabic, reduced to what resolution reads.
OFFICIAL_AR = {
    "lang_name": "Arabic",
    "packages": {"default": {"tokenize": "padt", "mwt": "padt", "pos": "padt_charlm",
                             "lemma": "padt_nocharlm", "depparse": "padt_charlm", "ner": "aqmar_charlm"}},
    "tokenize": {"padt": {}}, "mwt": {"padt": {}},
    "pos": {"padt_charlm": {"dependencies": [{"model": "pretrain", "package": "conll17"},
                                             {"model": "forward_charlm", "package": "ccwiki"}]}},
    "lemma": {"padt_nocharlm": {}},
    "depparse": {"padt_charlm": {"dependencies": [{"model": "pretrain", "package": "conll17"}]}},
    "ner": {"aqmar_charlm": {"dependencies": [{"model": "forward_charlm", "package": "ccwiki"}]}},
}
OFFICIAL_FILES = ["tokenize/padt.pt", "mwt/padt.pt", "pos/padt_charlm.pt", "lemma/padt_nocharlm.pt",
                  "depparse/padt_charlm.pt", "ner/aqmar_charlm.pt", "pretrain/conll17.pt",
                  "forward_charlm/ccwiki.pt"]


def make_official(root, skip=()):
    (root / "resources.json").parent.mkdir(parents=True, exist_ok=True)
    (root / "resources.json").write_text(json.dumps({"ar": OFFICIAL_AR}))
    for name in OFFICIAL_FILES:
        if name not in skip:
            (root / "ar" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "ar" / name).write_bytes(b"x")
    return root


def make_model_dir(root, processors=PROCESSORS):
    root.mkdir(parents=True)
    for p in processors:
        (root / f"{p}.pt").write_bytes(b"x")
    return root


@pytest.fixture
def no_env(monkeypatch, tmp_path):
    monkeypatch.delenv("QUOTES_MODEL_DIR", raising=False)
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "no_stanza_resources"))


def test_shipped_models_when_nothing_else(no_env):
    source = resolve_model()
    assert source.kind == "shipped"
    assert source.path == SHIPPED_DIR
    assert set(source.files) == set(PROCESSORS)


def test_official_models_come_before_shipped(no_env, monkeypatch, tmp_path):
    root = make_official(tmp_path / "stanza_resources")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(root))
    source = resolve_model()
    assert (source.kind, source.name) == ("official", "stanza-ar-official")
    assert source.files["pos"] == root / "ar" / "pos" / "padt_charlm.pt"
    assert source.files["pos_pretrain"] == root / "ar" / "pretrain" / "conll17.pt"


def test_incomplete_official_models_are_skipped(no_env, monkeypatch, tmp_path):
    root = make_official(tmp_path / "stanza_resources", skip=["forward_charlm/ccwiki.pt"])
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(root))
    assert resolve_model().kind == "shipped"
    assert resolve_model(processors="tokenize,mwt,lemma").kind == "official"


def test_explicit_dir_comes_first(no_env, monkeypatch, tmp_path):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(make_official(tmp_path / "stanza_resources")))
    mine = make_model_dir(tmp_path / "mine")
    assert resolve_model(mine).kind == "dir"
    monkeypatch.setenv("QUOTES_MODEL_DIR", str(mine))
    source = resolve_model()
    assert (source.kind, source.path, source.files["ner"]) == ("dir", mine, mine / "ner.pt")


def test_explicit_dir_missing_a_model_says_which_and_how_to_fix(no_env, tmp_path):
    mine = make_model_dir(tmp_path / "mine", processors=PROCESSORS[:-2])
    with pytest.raises(ModelNotFoundError) as error:
        resolve_model(mine)
    message = str(error.value)
    assert "depparse.pt" in message and "ner.pt" in message
    assert "quotes models train" in message
    assert resolve_model(mine, processors="tokenize,mwt").kind == "dir"


def test_missing_explicit_dir_and_unknown_processor(no_env, tmp_path):
    with pytest.raises(ModelNotFoundError, match="does not exist"):
        resolve_model(tmp_path / "nowhere")
    with pytest.raises(ValueError, match="unknown processor"):
        resolve_model(processors="tokenize,sentiment")
