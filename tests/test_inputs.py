"""Reading documents: encodings, byte-order marks, JSON Lines ids, one clear error per bad input."""
import codecs
import json

import pytest

from quotes.inputs import InputError, decode, documents

TEXT = "وقال الوزير: «نحن مستعدون للحوار» (2024)."


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),  # the mark is dropped: offsets index the text after it
    TEXT.encode("utf-16"),  # with its byte-order mark
    TEXT.encode("utf-16-le"),
    TEXT.encode("utf-16-be"),
    TEXT.encode("utf-32"),  # by its byte-order mark
])
def test_utf8_and_utf16_with_or_without_a_byte_order_mark(data):
    assert decode(data, "a.txt") == TEXT


@pytest.mark.parametrize("data, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("نص".encode("utf-8") + b"\xff", "not valid UTF-8 (byte 0xff at offset 4)"),
    (" \n ".encode("utf-16"), "empty document"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid UTF-16"),  # a lone surrogate
])
def test_what_is_not_text_says_why(data, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        decode(data, "a.txt")


def _jsonl(tmp_path, lines, bom=False):
    path = tmp_path / "in.jsonl"
    data = "\n".join(json.dumps(r, ensure_ascii=False) if isinstance(r, dict) else r for r in lines) + "\n"
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + data.encode("utf-8"))
    return [(d.id, d.text, d.error) for d in documents([str(path)], "jsonl")]


def test_a_jsonl_file_saved_with_a_byte_order_mark_keeps_its_first_record(tmp_path):
    assert _jsonl(tmp_path, [{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT}], bom=True) == [
        ("a", TEXT, None), ("b", TEXT, None)]


def test_a_second_record_with_the_same_id_is_an_error_that_names_the_first(tmp_path):
    docs = _jsonl(tmp_path, [{"id": "a", "text": TEXT}, {"id": "a", "text": "نص آخر."}])
    assert docs[0] == ("a", TEXT, None)
    assert docs[1][1] is None and "id 'a' already used on" in docs[1][2] and docs[1][2].endswith("in.jsonl:1; ids must be unique")


def test_ids_are_strings_or_integers(tmp_path):
    docs = _jsonl(tmp_path, [{"id": 7, "text": TEXT}, {"id": [1], "text": TEXT}, {"id": True, "text": TEXT},
                             {"text": TEXT}])
    assert docs[0] == ("7", TEXT, None)
    assert docs[1][2].endswith("in.jsonl:2: the id must be a string or an integer, not [1]")
    assert docs[2][2].endswith("not true")
    assert docs[3][0].endswith("in.jsonl:4") and docs[3][2] is None  # no id: the line names it


def test_a_named_encoding_and_crlf_kept_as_read():
    text = "وقال الوزير:\r\n«نعم»."
    assert decode(text.encode("cp1256"), "a.txt", "cp1256") == text  # \r\n stays two characters
    with pytest.raises(InputError, match="not valid utf-8"):
        decode("نص".encode("cp1256"), "a.txt", "utf-8")


def test_a_jsonl_file_with_no_records_says_so(tmp_path):
    (tmp_path / "in.jsonl").write_text("\n  \n", encoding="utf-8")
    assert _jsonl(tmp_path, [""]) == [(str(tmp_path / "in.jsonl"), None, f"{tmp_path / 'in.jsonl'}: no JSON Lines records in it")]
