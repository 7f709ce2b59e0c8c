"""Options and their features on a parse of our own (fixtures/parses/speaker-then-implied):
a commissioner announces, NER runs her name on into هذا, then وأضافت has no written subject."""
import pytest
from conll import parse

from quotes.choice.features import describe
from quotes.choice.options import Scene, options
from quotes.resolve.rules import RulesResolver
from quotes.resolve.syntax import StanzaResolver
from quotes.resolve.tree import Tree
from quotes.rules.candidates import find_candidates
from quotes.rules.document import RuleDoc
from quotes.text import Normalized


@pytest.fixture
def scenes(lexicon):
    doc = parse("speaker-then-implied.conllu", persons=("سيسيليا مالستروم هذا",))
    rules = RuleDoc.of(Normalized.of(doc.text), lexicon)
    tree = Tree(doc)
    done, table = StanzaResolver(None).resolve_parsed(rules, find_candidates(rules), tree)
    return [Scene(rules, tree, table, a, tuple(done[:i])) for i, a in enumerate(done)]


def named(scene):
    """name -> (origins and edits, features) of each option group."""
    out = {}
    for group in options(scene):
        first = group[0]
        name = scene.table.words(first.name) if first.name else None
        out[name] = ({o.origin + o.edit for o in group}, describe(scene, group))
    return out


def test_the_resolvers_own_choice_comes_first(scenes):
    first = options(scenes[0])[0][0]
    assert first.origin == "choice" and first.entity is scenes[0].attribution.entity


def test_a_name_ner_ran_on_is_offered_one_word_shorter(scenes):
    found = named(scenes[0])
    assert "سيسيليا مالستروم هذا" in found
    ways, features = found["سيسيليا مالستروم"]
    assert "ner:PER-last" in ways
    assert features["-last:upos=DET"] == 1.0  # what the edit took off: هذا


def test_the_parse_path_to_the_cue_is_a_feature(scenes):
    _, features = named(scenes[0])["سيسيليا مالستروم هذا"]
    assert features["path=flat>nsubj"] == 1.0  # NER's name hangs on المفوضة, the subject
    assert features["side=after"] == 1.0 and features["sentences_back=0"] == 1.0


def test_every_feature_is_also_paired_with_how_the_quote_names_its_source(scenes):
    _, features = named(scenes[0])["سيسيليا مالستروم"]
    assert features["after_cue/verb|side=after"] == 1.0


def test_an_implied_subject_is_offered_the_latest_speaker(scenes):
    implied = scenes[1]
    assert implied.attribution.candidate.speaker.how == "implied"
    speakers = [o for group in options(implied) for o in group if o.origin == "speaker"]
    assert speakers and speakers[0].rank == 1
    assert speakers[0].entity is scenes[0].attribution.entity


def test_the_source_is_never_inside_its_own_words(scenes):
    for scene in scenes:
        content = (scene.attribution.candidate.start, scene.attribution.candidate.end)
        for group in options(scene):
            for o in group:
                assert o.at is None or not (content[0] <= o.at[0] < content[1]) or o.origin in ("choice", "mention")


def test_an_implied_subject_is_offered_the_names_of_the_sentence_before_a_line_break(lexicon):
    rules = RuleDoc.of(Normalized.of("ودافعت رئيسة الوزراء سلمى الراشد عن الزيارة أمام النواب.\n"
                                     "وقالت أمام البرلمان إن العلاقات بين البلدين تاريخية."), lexicon)
    done, table = RulesResolver().resolve(rules, find_candidates(rules))
    (implied,) = [Scene(rules, None, table, a, ()) for a in done]
    written = {(o.origin, rules.text[o.name[0]:o.name[1]]) for group in options(implied) for o in group if o.name}
    assert ("entity", "سلمي الراشد") in written
