import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from quotes import Extractor
from quotes.schema import QuoteDocument, Span

RULES = Extractor(backend="rules")

SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "schema-v1.json"


def test_serialises_to_schema_v1_with_arabic_as_is():
    doc = RULES.extract('وقال الوزير سامر علوان: "نحن مستعدون للحوار".', "d1")
    data = json.loads(doc.to_json())
    assert list(data) == ["schema_version", "document", "backend", "model", "quotes", "entities", "errors"]
    q = data["quotes"][0]
    assert list(q) == ["id", "type", "text", "start", "end", "cue", "speaker", "confidence"]
    assert list(q["speaker"]) == ["name", "role", "titles", "mention", "entity"]
    assert q["cue"] == {"text": "وقال", "lemma": "قال", "start": 0, "end": 4}
    assert "\\u" not in doc.to_json()


def test_explain_adds_rule_ids():
    doc = RULES.extract('وقال الوزير: "نحن مستعدون للحوار".')
    explain = json.loads(doc.to_json(explain=True))["quotes"][0]["explain"]
    assert explain[:3] == ["say.qaal", "direct.colon-quote", "rules.after_cue"]
    assert all(step.startswith("model: ") for step in explain[3:])  # the speaker model's deciding features


def test_offsets_are_checked_against_the_source():
    with pytest.raises(ValidationError, match="is 'xy', not 'ab'"):
        Span.model_validate({"text": "ab", "start": 0, "end": 2}, context={"source": "xy"})
    with pytest.raises(ValidationError, match="does not fit"):
        Span(text="abc", start=0, end=2)


def test_models_are_frozen_and_strict():
    span = Span(text="a", start=0, end=1)
    with pytest.raises(ValidationError):
        span.start = 3
    with pytest.raises(ValidationError):
        Span(text="a", start=0, end=1, extra=1)


def test_quotes_must_name_listed_entities():
    quote = {"id": "q1", "type": "headline", "text": "x", "start": 0, "end": 1, "cue": None, "confidence": 1,
             "speaker": {"name": None, "role": None, "mention": None, "entity": "e9"}}
    with pytest.raises(ValidationError, match="not listed"):
        QuoteDocument(backend="rules", quotes=[quote])


def test_committed_schema_is_the_models_schema():
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == QuoteDocument.model_json_schema()
