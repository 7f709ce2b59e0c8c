import json

from click.testing import CliRunner

from quotes.cli import main
from conftest import SEED, SEED_GOLD

SENTENCE = 'وقال المتحدث باسم الوزارة أحمد فريد: "سنعلن النتائج غدا".'


def run(*args, input=None):
    """`quotes ARGS` with the rules backend (the Stanza backend has tests of its own)."""
    if args and args[0] == "extract":
        args = ("extract", "--backend", "rules", *args[1:])
    return CliRunner().invoke(main, list(args), input=input)


def test_extract_one_file_gives_one_json_document():
    result = run("extract", str(SEED))
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["document"] == str(SEED) and doc["backend"] == "rules"
    text = SEED.read_text(encoding="utf-8")
    assert all(text[q["start"]:q["end"]] == q["text"] for q in doc["quotes"])


def test_extract_several_files_gives_json_lines(tmp_path):
    other = tmp_path / "b.txt"
    other.write_text(SENTENCE, encoding="utf-8")
    result = run("extract", str(SEED), str(other))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["document"] for d in lines] == [str(SEED), str(other)]
    assert lines[1]["quotes"][0]["speaker"]["name"] == "أحمد فريد"


def test_jsonl_is_forced_and_pretty_indents(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(SENTENCE, encoding="utf-8")
    assert len(run("extract", "--jsonl", str(f)).output.splitlines()) == 1
    pretty = run("extract", "--pretty", str(f)).output
    assert pretty.startswith("{\n  ") and json.loads(pretty)["quotes"]


def test_stdin_and_explain():
    result = run("extract", "--explain", "-", input=SENTENCE.encode("utf-8"))
    doc = json.loads(result.stdout)
    assert doc["document"] == "-"
    assert doc["quotes"][0]["explain"] == ["say.qaal", "direct.colon-quote", "rules.after_cue"]


def test_arabic_is_written_as_is(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(SENTENCE, encoding="utf-8")
    assert "سنعلن النتائج غدا" in run("extract", str(f)).output


def test_bad_inputs_are_named_on_stderr_and_the_rest_still_run(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("قال".encode("utf-8") + b"\xff")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = run("extract", str(missing), str(binary), str(good), str(latin), str(empty))
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [bool(d["errors"]) for d in lines] == [True, True, False, True, True]
    assert lines[2]["quotes"]
    stderr = result.stderr.splitlines()
    assert stderr == [f"quotes: {missing}: no such file", f"quotes: {binary}: binary file (NUL bytes), not text",
                      f"quotes: {latin}: not valid UTF-8 (byte 0xff at offset 6)", f"quotes: {empty}: empty document"]


def test_eval_scores_with_a_breakdown(tmp_path):
    pred = tmp_path / "pred.json"
    pred.write_text(run("extract", str(SEED)).output, encoding="utf-8")
    result = run("eval", "--json", str(SEED_GOLD), str(pred))
    report = json.loads(result.stdout)
    assert report["gold"] == 16
    assert set(report["by_type"]) == {"direct", "indirect", "mixed", "headline"}
    assert set(report["coverage"]) == {"0.3", "0.5", "0.8"}
    text = run("eval", str(SEED_GOLD), str(pred)).output
    assert text.startswith("precision=") and "coverage 0.8" in text


def test_schema_prints_json_schema():
    schema = json.loads(run("schema").output)
    assert schema["title"] == "QuoteDocument"
