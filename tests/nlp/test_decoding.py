"""The speed-ups put into Stanza's decoders give what Stanza's own give: the same cycles, the
same trees, the same lemmas."""
import importlib.util

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from stanza.models.common import chuliu_edmonds

from quotes.nlp.decoding import find_cycles, lemmatize_once, one_root_tree
from quotes.nlp.parsing import tokenize
from quotes.nlp.pipeline import load_pipeline
from quotes.nlp.prepare import to_parse_text
from quotes.nlp.sources import shipped_source


def stanza_decoder():
    """A fresh copy of Stanza's decoder module, untouched by install()."""
    spec = importlib.util.spec_from_file_location("stanza_cle", chuliu_edmonds.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


STANZA = stanza_decoder()


def as_sets(cycles):
    return sorted(sorted(np.flatnonzero(c).tolist()) for c in cycles)


@given(st.integers(2, 60).flatmap(lambda n: st.lists(st.integers(0, n - 1), min_size=n - 1, max_size=n - 1)))
def test_same_cycles_as_stanza(heads):
    tree = np.array([0] + heads)
    assert as_sets(find_cycles(tree)) == as_sets(STANZA.tarjan(tree))


def test_a_cycle_and_no_cycle():
    assert as_sets(find_cycles(np.array([0, 3, 1, 2]))) == [[1, 2, 3]]
    assert find_cycles(np.array([0, 2, 0, 4, 2, 2])) == []


@settings(max_examples=200)
@given(st.integers(2, 40), st.integers(0, 2**32 - 1))
def test_same_trees_as_stanza(n, seed):
    scores = np.random.default_rng(seed).normal(size=(n, n))
    patched = stanza_decoder()
    patched.tarjan = find_cycles
    assert patched.chuliu_edmonds_one_root(scores).tolist() == STANZA.chuliu_edmonds_one_root(scores).tolist()


@settings(max_examples=300)
@given(st.integers(2, 40), st.integers(0, 2**32 - 1), st.floats(-3, 3))
def test_one_root_tree_is_stanzas_tree(n, seed, root_bias):
    """Whether the unconstrained best tree has one root or many (a root bias makes either
    likely), the tree is Stanza's single-rooted one. Scores are log-probabilities, as the
    parser's are: Stanza's root penalty assumes they are not positive."""
    scores = np.random.default_rng(seed).normal(size=(n, n))
    scores[:, 0] += root_bias
    scores -= np.log(np.exp(scores).sum(axis=1, keepdims=True))
    assert one_root_tree(scores).tolist() == STANZA.chuliu_edmonds_one_root(scores).tolist()


def test_one_root_tree_takes_the_best_tree_when_it_has_one_root():
    # word 2 heads the sentence; 1 and 3 hang on it
    scores = np.full((4, 4), -5.0)
    scores[1, 2] = scores[3, 2] = scores[2, 0] = 0.0
    assert one_root_tree(scores).tolist() == [0, 2, 0, 2]


class Counting:
    """A stand-in for Stanza's lemma trainer that knows one word and counts what it is asked."""

    def __init__(self):
        self.asked = []

    def skip_seq2seq(self, pairs):
        return [tuple(p) == ("قال", "VERB") for p in pairs]

    def ensemble(self, pairs, predictions):
        self.asked = predictions
        return ["قال" if tuple(p) == ("قال", "VERB") else pred for p, pred in zip(pairs, predictions)]


def test_lemmatize_once_skips_repeats_and_copies_their_lemma():
    trainer = Counting()
    lemmatize_once(trainer)
    pairs = [("قال", "VERB"), ("شنايدمان", "PROPN"), ("شنايدمان", "PROPN"), ("شنايدمان", "X")]
    assert trainer.skip_seq2seq(pairs) == [True, False, True, False]
    # the seq2seq model ran on the two unskipped words; skipped ones come as ''
    assert trainer.ensemble(pairs, ["", "شنايدمان", "", "شنايدمانX"]) == ["قال", "شنايدمان", "شنايدمان", "شنايدمانX"]


def test_shipped_lemmas_are_the_same_as_stanzas():
    """The shipped lemmatizer, run once per distinct word, gives every word the lemma it gets
    when Stanza runs it on every occurrence, and runs on fewer words."""
    pipeline = load_pipeline(shipped_source())
    text = ("وقالت المتحدثة باسم البنتاغون سابرينا سينغ إن الضربات استهدفت مستودعات. "
            "وأضافت سينغ أن المستودعات كانت تخزن صواريخ، وأن الضربات ستستمر.")
    tagged = pipeline.process(tokenize(pipeline, [to_parse_text(text)]), processors="mwt,pos")[0]
    pairs = [(w.text, w.upos) for w in tagged.iter_words()]
    lemma, trainer = pipeline.processors["lemma"], pipeline.processors["lemma"].trainer

    def lemmatized():
        return [w.lemma for w in lemma.process(tagged).iter_words()], sum(not s for s in trainer.skip_seq2seq(pairs))

    once, runs_once = lemmatized()
    patched = trainer.skip_seq2seq, trainer.ensemble
    del trainer.skip_seq2seq, trainer.ensemble  # back to Stanza's own methods
    try:
        every, runs_every = lemmatized()
    finally:
        trainer.skip_seq2seq, trainer.ensemble = patched
    assert once == every
    assert runs_once < runs_every
