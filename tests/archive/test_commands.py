"""`quotes db` through click's runner, on the JSON, JSON Lines and CSV it prints."""
import csv
import io
import json

import pytest
from click.testing import CliRunner

from quotes.cli import main


@pytest.fixture
def files(tmp_path, entries):
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("".join(json.dumps({"id": e.id, "text": e.text, **e.meta}, ensure_ascii=False) + "\n"
                              for e in entries), encoding="utf-8")
    preds = tmp_path / "pred.jsonl"
    preds.write_text("".join(e.document.to_json(explain=True) + "\n" for e in entries), encoding="utf-8")
    return str(inputs), str(preds)


@pytest.fixture
def stored(location, files):
    inputs, preds = files
    result = CliRunner().invoke(main, ["db", "add", location, preds, "--inputs", inputs])
    assert result.exit_code == 0, result.output
    assert "5 documents stored (0 replaced), 0 lines refused" in result.stderr
    return location


def db(*args):
    result = CliRunner().invoke(main, ["db", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_search_prints_json(stored):
    found = json.loads(db("search", stored, "الحكومة", "--format", "json"))
    assert {f["document"] for f in found} == {"a1", "a3"}
    assert all("explain" not in f["quote"] for f in found)
    assert "explain" in json.loads(db("search", stored, "الحكومة", "--format", "json", "--explain"))[0]["quote"]


def test_search_prints_jsonl_and_csv(stored):
    lines = [json.loads(line) for line in db("search", stored, "--speaker", "بومبيو", "--format", "jsonl").splitlines()]
    assert [f["document"] for f in lines] == ["a3", "a2", "a1", "a1"]
    rows = list(csv.DictReader(io.StringIO(db("search", stored, "--outlet", "beta", "--format", "csv"))))
    assert {r["document"] for r in rows} == {"a2", "a4"}
    assert {r["speaker"] for r in rows} == {"مايك بومبيو", ""}
    empty = db("search", stored, "كيان", "--format", "csv")
    assert empty.splitlines() == [",".join(next(csv.reader(io.StringIO(empty))))] and empty.startswith("document,date")


def test_search_table_is_for_reading(stored):
    out = db("search", stored, "السد", "--since", "2018-05-01")
    assert "2018-05-20  Beta  a4  indirect" in out and "مصدر أمني" in out and "« الهجوم" in out


def test_speakers_and_unnamed(stored):
    top = json.loads(db("speakers", stored, "--format", "json"))
    assert top[0]["name"] == "مايك بومبيو" and top[0]["quotes"] == 4
    assert "مايك بومبيو" in db("speakers", stored, "--limit", "1")
    unnamed = [json.loads(line) for line in db("speakers", stored, "--unnamed", "--format", "jsonl").splitlines()]
    assert [u["description"] for u in unnamed] == ["مصدر أمني"]


def test_show_split_and_join(stored):
    record = json.loads(db("show", stored, "بومبيوا", "--format", "json"))[0]
    assert record["name"] == "مايك بومبيو" and len(record["aliases"]) == 3
    table = db("show", stored, "مايك بومبيو")
    assert "بومبيو (1): a shorter form of مايك بومبيو" in table and "وزير الخارجية الأمريكي" in table
    result = CliRunner().invoke(main, ["db", "split", stored, "بومبيو"])
    assert result.exit_code == 0 and "is now under speaker" in result.stderr
    assert len(json.loads(db("show", stored, "مايك بومبيو", "--format", "json"))[0]["aliases"]) == 2
    result = CliRunner().invoke(main, ["db", "join", stored, "بومبيو", "مايك بومبيو"])
    assert result.exit_code == 0 and "is now under speaker" in result.stderr
    assert "بومبيو (1): joined by hand to" in db("show", stored, "مايك بومبيو")


def test_errors_are_one_line(stored, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["db", "show", stored, "علي"])
    assert result.exit_code == 1 and "names 2 speakers" in result.stderr
    result = runner.invoke(main, ["db", "search", str(tmp_path / "none.db"), "سد"])
    assert result.exit_code == 1 and "no archive at" in result.stderr
    result = runner.invoke(main, ["db", "search", stored, "--since", "yesterday"])
    assert result.exit_code == 1 and "not a date" in result.stderr
    result = runner.invoke(main, ["db", "search", stored, "--speaker", "لا أحد"])
    assert result.exit_code == 1 and "no speaker named" in result.stderr


def test_add_reports_a_bad_line_and_stores_the_rest(location, files, tmp_path):
    inputs, preds = files
    lines = open(preds, encoding="utf-8").read().splitlines()
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines[:2] + ["{oops"] + lines[2:]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["db", "add", location, str(bad), "--inputs", inputs, "--batch-size", "2"])
    assert result.exit_code == 1
    assert f"{bad}:3: not JSON" in result.stderr and "5 documents stored" in result.stderr
    assert json.loads(db("info", location))["documents"] == 5


def test_extract_stores_in_an_archive(tmp_path, entries):
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("".join(json.dumps({"id": e.id, "text": e.text, **e.meta}, ensure_ascii=False) + "\n"
                              for e in entries), encoding="utf-8")
    archive = str(tmp_path / "x.db")
    result = CliRunner().invoke(main, ["extract", "--backend", "rules", "--quiet", "--input-format", "jsonl",
                                       str(inputs), "--db", archive])
    assert result.exit_code == 0 and result.stdout == ""  # stored, not printed
    assert json.loads(db("info", archive))["documents"] == 5
    found = json.loads(db("search", archive, "العقوبات", "--format", "json"))
    assert found[0]["outlet"] == "Beta" and found[0]["date"] == "2018-04-10"
    result = CliRunner().invoke(main, ["extract", "--backend", "rules", "--quiet", "--input-format", "jsonl",
                                       str(inputs), "--db", archive, "--jsonl"])
    assert len(result.stdout.splitlines()) == 5  # and printed, when asked
    assert json.loads(db("info", archive))["documents"] == 5  # the same documents, replaced


def test_extract_db_names_a_document_whose_date_is_none_and_stores_the_rest(tmp_path, entries):
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("".join(json.dumps({"id": e.id, "text": e.text, **e.meta, "date": "soon" if e.id == "a2"
                                          else e.meta.get("date")}, ensure_ascii=False) + "\n" for e in entries),
                      encoding="utf-8")
    archive = str(tmp_path / "x.db")
    result = CliRunner().invoke(main, ["extract", "--backend", "rules", "--quiet", "--input-format", "jsonl",
                                       str(inputs), "--db", archive])
    assert result.exit_code == 1 and "a2: 'soon' is not a date (YYYY-MM-DD); not stored" in result.stderr
    assert json.loads(db("info", archive))["documents"] == 4


def test_extract_db_and_scheduler_do_not_mix(tmp_path):
    result = CliRunner().invoke(main, ["extract", "x.txt", "--db", str(tmp_path / "a.db"), "--scheduler", "tcp://h:1"])
    assert result.exit_code == 2 and "--db" in result.output
