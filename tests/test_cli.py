import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from quotes.cli import main

SENTENCE = 'وقال المتحدث باسم الوزارة أحمد فريد: "سنعلن النتائج غدا".'


def run(*args, input=None):
    """`quotes ARGS` with the rules backend (the Stanza backend has tests of its own)."""
    if args and args[0] == "extract":
        args = ("extract", "--backend", "rules", *args[1:])
    return CliRunner().invoke(main, list(args), input=input)


def test_extract_one_file_gives_one_json_document(seed):
    result = run("extract", str(seed))
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["document"] == str(seed) and doc["backend"] == "rules"
    text = seed.read_text(encoding="utf-8")
    assert all(text[q["start"]:q["end"]] == q["text"] for q in doc["quotes"])


def test_extract_several_files_gives_json_lines(tmp_path, seed):
    other = tmp_path / "b.txt"
    other.write_text(SENTENCE, encoding="utf-8")
    result = run("extract", str(seed), str(other))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["document"] for d in lines] == [str(seed), str(other)]
    assert lines[1]["quotes"][0]["speaker"]["name"] == "أحمد فريد"


def test_jsonl_is_forced_and_pretty_indents(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(SENTENCE, encoding="utf-8")
    assert len(run("extract", "--jsonl", str(f)).output.splitlines()) == 1
    pretty = run("extract", "--pretty", str(f)).output
    assert pretty.startswith("{\n  ") and json.loads(pretty)["quotes"]


def test_json_with_several_inputs_is_a_list_and_pretty_indents_it(tmp_path, seed):
    other = tmp_path / "b.txt"
    other.write_text(SENTENCE, encoding="utf-8")
    for args in (("--format", "json"), ("--pretty",)):
        result = run("extract", *args, str(seed), str(other))
        assert result.exit_code == 0
        docs = json.loads(result.stdout)
        assert [d["document"] for d in docs] == [str(seed), str(other)]
        assert result.stdout.startswith("[\n{\n  ") == ("--pretty" in args)


def test_options_that_cannot_apply_are_refused(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(SENTENCE, encoding="utf-8")
    for args in (("--pretty", "--format", "csv"), ("--pretty", "--jsonl"), ("--jsonl", "--format", "csv"),
                 ("--workers", "2", "--scheduler", "tcp://127.0.0.1:1")):
        result = run("extract", *args, str(f))
        assert result.exit_code == 2 and result.stdout == "", args


def test_a_folder_with_no_text_files_is_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.md").write_text(SENTENCE, encoding="utf-8")
    result = run("extract", str(tmp_path / "empty"), str(tmp_path / "notes"))
    assert result.exit_code == 1
    assert [json.loads(line)["errors"] for line in result.stdout.splitlines()] == [
        [f"{tmp_path / 'empty'}: a folder with no .txt files in it"],
        [f"{tmp_path / 'notes'}: a folder with no .txt files in it"]]


def test_stdin_and_explain():
    result = run("extract", "--explain", "-", input=SENTENCE.encode("utf-8"))
    doc = json.loads(result.stdout)
    assert doc["document"] == "-"
    explain = doc["quotes"][0]["explain"]
    assert explain[:3] == ["say.qaal", "direct.colon-quote", "rules.after_cue"]
    assert explain[3:] and all(step.startswith("model: ") for step in explain[3:])  # what decided the speaker


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


def test_eval_scores_with_a_breakdown(tmp_path, seed, seed_gold):
    pred = tmp_path / "pred.json"
    pred.write_text(run("extract", str(seed)).output, encoding="utf-8")
    result = run("eval", "--json", str(seed_gold), str(pred))
    report = json.loads(result.stdout)
    assert report["gold"] == 16
    assert set(report["by_type"]) == {"direct", "indirect", "mixed", "headline"}
    assert set(report["coverage"]) == {"0.3", "0.5", "0.8"}
    text = run("eval", str(seed_gold), str(pred)).output
    assert text.startswith("precision=") and "coverage 0.8" in text


def test_eval_says_where_the_texts_are_missing_and_what_is_not_json(tmp_path, seed, seed_gold):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(seed_gold.read_text(encoding="utf-8"), encoding="utf-8")  # its text is not beside it
    pred = tmp_path / "pred.json"
    pred.write_text(run("extract", str(seed)).output, encoding="utf-8")
    result = run("eval", str(gold), str(pred))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "no text for gold document" in result.output and "pass --texts DIR" in result.output
    assert run("eval", "--texts", str(seed.parent), str(gold), str(pred)).exit_code == 0

    pred.write_text('{"document": "a.txt", "quotes": []}\nnot json\n', encoding="utf-8")
    result = run("eval", str(seed_gold), str(pred))
    assert result.exit_code == 1 and f"{pred}:2: not JSON" in result.output


def test_eval_warns_of_gold_documents_no_prediction_names(tmp_path, seed_gold):
    from quotes.evaluate import load_many

    gold = load_many(seed_gold)[0]
    golds = tmp_path / "gold.jsonl"
    golds.write_text("\n".join(json.dumps({**gold, "document": name, "text": Path(seed_gold.parent / gold["document"])
                                           .read_text(encoding="utf-8")}) for name in ("a.txt", "b.txt")) + "\n",
                     encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"document": "a.txt", "quotes": []}) + "\n", encoding="utf-8")
    result = run("eval", "--json", str(golds), str(pred))
    assert result.exit_code == 0
    assert "warning: 1 of 2 gold documents have no prediction (scored as missed): b.txt" in result.stderr
    assert json.loads(result.stdout)["gold"] == 32


def test_schema_prints_json_schema():
    schema = json.loads(run("schema").output)
    assert schema["title"] == "QuoteDocument"


def test_folders_are_read_recursively_in_order_and_csv_parses(tmp_path):
    import csv
    import io

    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("وقالت الوزيرة هدى سالم إن الامتحانات ستبدأ غدا.", encoding="utf-8")
    (tmp_path / "b" / "notes.md").write_text("not a text document", encoding="utf-8")
    result = run("extract", "--format", "csv", str(tmp_path))
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["document"] for r in rows] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.txt")]
    assert rows[1]["speaker"] == "هدى سالم" and rows[1]["role"] == "الوزيرة"
    assert list(rows[0]) == ["document", "quote", "type", "text", "start", "end", "cue", "cue_start", "speaker",
                             "role", "titles", "entity", "mention", "mention_start", "confidence", "explain", "error"]
    assert rows[1]["mention"] == "الوزيرة هدى سالم" and rows[1]["entity"] == "e1"


def test_csv_has_a_row_for_every_document_and_the_speakers_titles(tmp_path):
    import csv
    import io

    (tmp_path / "a.txt").write_text("وقال سمو الأمير فيصل بن فرحان إن المحادثات مثمرة.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("انعقد الاجتماع في الرياض أمس.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\xff\xfe\x00")
    result = run("extract", "--format", "csv", "--explain", str(tmp_path))
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(Path(r["document"]).name, r["quote"], bool(r["error"])) for r in rows] == [
        ("a.txt", "q1", False), ("b.txt", "", False), ("c.txt", "", True)]
    assert rows[0]["titles"] == "سمو الأمير" and rows[0]["explain"].startswith("say.qaal ")


def test_jsonl_input_round_trips_ids_and_reports_bad_lines(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join([
        json.dumps({"id": "first", "text": SENTENCE}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "third", "text": "   "}),
        json.dumps({"id": 4, "text": "وأكد المدير أن العمل مستمر."}, ensure_ascii=False),
    ]), encoding="utf-8")
    result = run("extract", "--input-format", "jsonl", str(source))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["document"] for d in lines] == ["first", f"{source}:2", "third", "4"]
    assert [bool(d["errors"]) for d in lines] == [False, True, True, False]
    assert result.exit_code == 1


def test_jsonl_from_stdin():
    line = json.dumps({"id": "x1", "text": SENTENCE}, ensure_ascii=False)
    result = run("extract", "--input-format", "jsonl", "-", input=(line + "\n").encode("utf-8"))
    assert json.loads(result.stdout)["document"] == "x1"


def test_workers_give_the_same_lines_in_the_same_order(tmp_path):
    texts = [SENTENCE, "وأكد المدير أن العمل مستمر.", "خبر بلا اقتباس.", 'وقال: "سنعود قريبا".']
    for i, text in enumerate(texts):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    one = run("extract", str(tmp_path))
    two = run("extract", "--workers", "2", "--batch-size", "1", str(tmp_path))
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout


# --- quotes resolver: gold articles of our own in fixtures/gold --------------------------
GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "gold"
SCORE_KEYS = {"precision", "recall", "f1", "exact_span", "type_acc", "speaker_strict", "speaker_lenient", "role",
              "end_to_end", "names_as_quotes", "gold", "pred", "match"}


def resolver(*args):
    return run("resolver", args[0], str(GOLD / "gold.jsonl"), str(GOLD / "texts"), "--backend", "rules", *args[1:])


def test_resolver_cv_prints_one_json_line_with_the_scorers_keys():
    result = resolver("cv", "--folds", "2", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == SCORE_KEYS and report["gold"] == 8 and report["match"] == 8


def test_resolver_cv_writes_the_out_of_fold_predictions(tmp_path):
    preds = tmp_path / "oof.jsonl"
    assert resolver("cv", "--folds", "2", "--no-model", "--predictions", str(preds)).exit_code == 0
    docs = [json.loads(line) for line in preds.read_text(encoding="utf-8").splitlines()]
    assert [d["document"] for d in docs] == ["a.txt", "b.txt", "c.txt", "d.txt"]


def test_resolver_train_writes_the_same_model_twice_with_its_card(tmp_path):
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    for path in (first, second):
        result = resolver("train", "--folds", "2", "--learner", "linear", "--output", str(path))
        assert result.exit_code == 0, result.output
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    assert json.loads(first.read_text(encoding="utf-8"))["format"] == "quotes-speaker-ranker/1"
    card = (tmp_path / "ONE.md").read_text(encoding="utf-8")
    assert "| model |" in card and "quotes resolver train" in card


def test_resolver_train_writes_the_same_trees_twice(tmp_path):
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    for path in (first, second):
        result = resolver("train", "--folds", "0", "--learner", "trees", "--output", str(path))
        assert result.exit_code == 0, result.output
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    assert json.loads(first.read_text(encoding="utf-8"))["format"] == "quotes-speaker-trees/1"
    assert "--learner trees" in (tmp_path / "ONE.md").read_text(encoding="utf-8")


def test_extract_with_a_trained_speaker_model_explains_its_choice(tmp_path):
    model = tmp_path / "m.json"
    resolver("train", "--folds", "0", "--output", str(model))
    text = tmp_path / "a.txt"
    text.write_text(SENTENCE, encoding="utf-8")
    doc = json.loads(run("extract", "--explain", "--speaker-model", str(model), str(text)).stdout)
    assert doc["quotes"][0]["speaker"]["name"] == "أحمد فريد"
    assert any(step.startswith("model: ") for step in doc["quotes"][0]["explain"])
    plain = json.loads(run("extract", "--explain", "--speaker-model", "none", str(text)).stdout)
    assert not any(step.startswith("model: ") for step in plain["quotes"][0]["explain"])


def test_extract_names_a_speaker_model_that_is_not_one(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "other"}', encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text(SENTENCE, encoding="utf-8")
    result = run("extract", "--speaker-model", str(bad), str(text))
    assert result.exit_code != 0 and "quotes resolver train" in str(result.exception or result.output)


def test_model_errors_are_one_line_not_a_traceback(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["extract", "--model-dir", str(tmp_path / "empty"), str(f)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"Error: {tmp_path / 'empty'} lacks tokenize.pt" in result.output
    result = run("extract", "--model-dir", str(tmp_path / "empty"), str(f))  # the rules backend
    assert result.exit_code == 2 and "--model-dir is for the stanza backend" in result.output
    result = CliRunner().invoke(main, ["extract", "--backend", "rules", str(f)],
                                env={"QUOTES_MODEL_DIR": str(tmp_path / "empty")})
    assert result.exit_code == 0  # from the environment it is no mistake of this command's


def test_a_broken_model_on_worker_processes_is_one_line_too(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    result = subprocess.run([sys.executable, "-m", "quotes", "extract", "--workers", "2", "--model-dir",
                             str(tmp_path / "empty"), str(tmp_path / "a.txt"), str(tmp_path / "b.txt")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and result.stdout == ""
    error, = result.stderr.splitlines()
    assert error.startswith(f"Error: {tmp_path / 'empty'} lacks tokenize.pt")


def test_max_chars_refuses_a_longer_document_and_runs_the_rest(tmp_path):
    short, long_ = tmp_path / "a.txt", tmp_path / "b.txt"
    short.write_text(SENTENCE, encoding="utf-8")
    long_.write_text(SENTENCE * 20, encoding="utf-8")
    result = run("extract", "--max-chars", "500", str(short), str(long_))
    assert result.exit_code == 1
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert docs[0]["quotes"] and docs[1]["errors"] == [
        f"{long_}: not extracted: {len(SENTENCE) * 20:,} characters, more than the limit of 500 "
        "(raise it with --max-chars or Extractor(max_chars=...))"]


def test_encoding_and_a_byte_order_mark_for_spreadsheets(tmp_path):
    import csv
    import io

    f = tmp_path / "a.txt"
    f.write_bytes(SENTENCE.encode("cp1256"))
    assert run("extract", str(f)).exit_code == 1  # not UTF-8
    result = run("extract", "--encoding", "cp1256", "--format", "csv", "--bom", str(f))
    assert result.exit_code == 0 and result.stdout.startswith("\ufeffdocument,")
    assert next(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))["speaker"] == "أحمد فريد"
    assert run("extract", "--encoding", "no-such", str(f)).exit_code == 2
    assert run("extract", "--bom", str(f)).exit_code == 2  # not csv
    assert run("extract", "--input-format", "jsonl", "--encoding", "cp1256", str(f)).exit_code == 2


def test_a_text_with_no_arabic_gets_a_note_not_an_error(tmp_path):
    f = tmp_path / "en.txt"
    f.write_text('The minister said: "We are ready."', encoding="utf-8")
    result = run("extract", str(f))
    assert result.exit_code == 0 and json.loads(result.stdout)["quotes"] == []
    assert f"quotes: note: {f} has no Arabic letters" in result.stderr
    assert "note" not in run("extract", "-", input=SENTENCE.encode("utf-8")).stderr
