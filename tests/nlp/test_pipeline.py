"""The shipped models: load offline, once, and parse Arabic news the way the resolver needs."""
import pytest

from quotes.nlp.parsing import parse
from quotes.nlp.pipeline import load_pipeline
from quotes.nlp.prepare import parse_form
from quotes.nlp.sources import shipped_source
from quotes.training.speed import measure_speed


@pytest.fixture(scope="module")
def pipeline():
    return load_pipeline(shipped_source())


def words_of(doc):
    return [w for s in doc.sentences for w in s.words]


def test_loads_once_per_process(pipeline):
    assert load_pipeline(shipped_source()) is pipeline
    assert list(pipeline.processors) == ["tokenize", "mwt", "pos", "lemma", "depparse", "ner"]


def test_wa_qala_is_split_and_qala_is_a_verb(pipeline):
    doc = parse("وقال اللواء باقري إن التعاون بين البلدين مستمر.", pipeline)
    first = doc.sentences[0].tokens[0]
    assert first.text == "وقال"
    assert [w.text for w in first.words] == ["و", "قال"]
    assert first.words[1].upos == "VERB"


def test_subject_of_qala_contains_the_speaker(pipeline, seed_text):
    line = next(l for l in seed_text.splitlines() if l.startswith("وقال اللواء باقري"))
    doc = parse(line, pipeline)
    sentence = doc.sentences[0]
    qala = next(w for w in sentence.words if w.text == "قال")
    subject = [w for w in sentence.words if w.head == qala.id and w.deprel.startswith("nsubj")]
    assert subject, "قال has no subject"
    subtree = {subject[0].id}
    for _ in range(len(sentence.words)):
        subtree |= {w.id for w in sentence.words if w.head in subtree}
    assert "باقري" in [w.text for w in sentence.words if w.id in subtree]


def test_person_name_is_tagged_per(pipeline):
    doc = parse("وقال الرئيس الروسي فلاديمير بوتين إن بلاده لن تتراجع.", pipeline)
    people = [e.text for e in doc.ents if e.type == "PER"]
    assert any("بوتين" in name for name in people), [(e.text, e.type) for e in doc.ents]


def test_offsets_index_the_original_seed(pipeline, seed_text):
    doc = parse(seed_text, pipeline)
    assert doc.text == seed_text
    tokens = [t for s in doc.sentences for t in s.tokens]
    assert len(tokens) > 500
    for token in tokens:
        assert parse_form(seed_text[token.start_char:token.end_char]) == token.text
    assert doc.ents
    for entity in doc.ents:
        assert entity.text == seed_text[entity.start_char:entity.end_char]


def test_each_line_is_parsed_as_its_own_paragraph(pipeline, seed_text):
    doc = parse(seed_text, pipeline)
    for sentence in doc.sentences:
        span = seed_text[sentence.tokens[0].start_char:sentence.tokens[-1].end_char]
        assert "\n" not in span


def test_speed_report(tmp_path, seed_text):
    text = tmp_path / "seed.txt"
    text.write_text(seed_text, encoding="utf-8")
    report = measure_speed(shipped_source(), [text])
    assert report["words"] > 500
    assert list(report["seconds"]) == ["tokenize", "mwt", "pos", "lemma", "depparse", "ner"]
    assert report["peak_rss_mb"] > 0 and report["load_seconds"] >= 0


@pytest.fixture()
def model_copy(tmp_path):
    """A copy of the shipped models, to break."""
    import shutil

    from quotes.nlp.sources import SHIPPED_DIR

    shutil.copytree(SHIPPED_DIR, tmp_path / "models")
    return tmp_path / "models"


@pytest.mark.parametrize("damage, message", [
    (lambda d: (d / "pos.pt").write_bytes((d / "pos.pt").read_bytes()[:100_000]),
     "pos.pt: the pos model cannot be read (RuntimeError"),
    (lambda d: (d / "ner.pt").write_bytes(b""), "ner.pt: the ner model cannot be read (an empty file)"),
    (lambda d: (d / "lemma.pt").write_bytes((d / "pos.pt").read_bytes()),
     "Stanza could not load the lemma model"),
    (lambda d: (d / "model.json").write_text("{bad", encoding="utf-8"), "model.json: not a model card"),
])
def test_a_broken_model_directory_names_the_file(model_copy, damage, message):
    from quotes.nlp.sources import ModelLoadError, resolve_model

    damage(model_copy)
    with pytest.raises(ModelLoadError) as raised:
        load_pipeline(resolve_model(model_copy))
    assert message in str(raised.value) and str(model_copy) in str(raised.value)
