"""Prediction lines read for the archive: texts found by inputs, folder or path; bad lines refused."""
import json

from quotes.archive import Entry
from quotes.archive.loading import Refusal, predictions


def write_lines(path, lines):
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return str(path)


def texts(entries):
    return {e.id: e.text for e in entries}


def test_texts_and_metadata_from_the_jsonl_input(tmp_path, entries):
    inputs = write_lines(tmp_path / "in.jsonl", [json.dumps({"id": e.id, "text": e.text, **e.meta}, ensure_ascii=False)
                                                for e in entries])
    preds = write_lines(tmp_path / "pred.jsonl", [e.document.to_json(explain=True) for e in entries])
    got = list(predictions([preds], inputs=[inputs]))
    assert got == entries


def test_texts_from_a_folder_or_the_path_itself(tmp_path, extractor, entries):
    text_of = texts(entries)
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "b1.txt").write_text(text_of["a3"], encoding="utf-8")
    by_path = tmp_path / "b2.txt"
    by_path.write_text("\ufeff" + text_of["a4"], encoding="utf-8")  # offsets count after the byte-order mark
    preds = write_lines(tmp_path / "pred.jsonl", [extractor.extract(text_of["a3"], document="b1.txt").to_json(),
                                                  extractor.extract(text_of["a4"], document=str(by_path)).to_json(),
                                                  extractor.extract(text_of["a4"], document="b2.txt").to_json()])
    first, second, third = predictions([preds], texts=str(tmp_path / "texts"))
    assert isinstance(first, Entry) and first.text == text_of["a3"]
    assert isinstance(second, Entry) and second.meta == {"source": str(by_path)}  # an absolute id is its own path
    assert isinstance(third, Refusal) and "is not a file" in third.why  # a relative one is looked for in the folder
    [_, by_itself, _] = predictions([preds])
    assert isinstance(by_itself, Entry) and by_itself.text == text_of["a4"]


def test_bad_lines_are_refused_with_their_place_and_reason(tmp_path, entries, extractor):
    text_of = texts(entries)
    inputs = write_lines(tmp_path / "in.jsonl", [json.dumps({"id": "a1", "text": text_of["a1"]}, ensure_ascii=False),
                                                json.dumps({"id": "a2", "text": text_of["a3"]}, ensure_ascii=False),
                                                json.dumps({"id": "d1", "text": text_of["a4"], "date": "May 2018"},
                                                           ensure_ascii=False),
                                                json.dumps({"id": "d2", "text": text_of["a4"], "outlet": 7},
                                                           ensure_ascii=False)])
    lines = [entries[0].document.to_json(),
             "{not json",
             json.dumps({"document": "a1", "quotes": "none"}),
             extractor.extract(text_of["a2"], document="a2").to_json(),  # the input has another text under a2
             extractor.extract(text_of["a2"], document="zz").to_json(),  # no text anywhere
             extractor.extract(text_of["a2"]).to_json(),  # no id
             extractor.extract(text_of["a4"], document="d1").to_json(),
             extractor.extract(text_of["a4"], document="d2").to_json()]
    got = list(predictions([write_lines(tmp_path / "p.jsonl", lines)], inputs=[inputs]))
    assert isinstance(got[0], Entry)
    reasons = [(r.where.rsplit(":", 1)[1], r.why) for r in got[1:]]
    assert reasons[0][0] == "2" and reasons[0][1].startswith("not JSON")
    assert reasons[1][1].startswith("not a quotes document")
    assert "of the text of a2" in reasons[2][1] and "is '" in reasons[2][1]  # a span that is other words there
    assert "no text for document zz" in reasons[3][1] and "--inputs" in reasons[3][1]
    assert "no id" in reasons[4][1]
    assert "'May 2018' is not a date" in reasons[5][1] and "outlet 7 is not a string" in reasons[6][1]


def test_an_input_record_without_an_id_is_known_by_its_line(tmp_path, extractor, entries):
    inputs = write_lines(tmp_path / "in.jsonl", [json.dumps({"text": entries[2].text}, ensure_ascii=False)])
    preds = write_lines(tmp_path / "p.jsonl", [extractor.extract(entries[2].text, document=f"{inputs}:1").to_json()])
    [entry] = predictions([preds], inputs=[inputs])
    assert isinstance(entry, Entry) and entry.text == entries[2].text
