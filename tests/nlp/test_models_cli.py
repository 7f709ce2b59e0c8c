import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from quotes.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_status_lists_the_shipped_models(monkeypatch, tmp_path):
    monkeypatch.delenv("QUOTES_MODEL_DIR", raising=False)
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    result = CliRunner().invoke(main, ["models", "status"])
    assert result.exit_code == 0, result.output
    assert "in use: quotes-ar-compact-1 (shipped)" in result.output
    assert "official (STANZA_RESOURCES_DIR)" in result.output and "missing resources.json" in result.output
    for processor in ("tokenize", "mwt", "pos", "lemma", "depparse", "ner"):
        assert f"\n  {processor} " in result.output


def test_status_reports_a_broken_model_dir(tmp_path):
    (tmp_path / "tokenize.pt").write_bytes(b"x")
    result = CliRunner().invoke(main, ["models", "status", "--model-dir", str(tmp_path)])
    assert result.exit_code == 0
    assert "in use: none." in result.output and "lacks mwt.pt" in result.output


def test_download_offline_fails_with_one_clear_line(tmp_path):
    # an unreachable proxy makes every request fail at once, as on a machine without network
    env = {**os.environ, "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9",
           "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-m", "quotes", "models", "download", "--dir", str(tmp_path)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("Error: cannot download the official Stanza Arabic models")
