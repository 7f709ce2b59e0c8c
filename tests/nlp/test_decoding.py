"""The cycle finder put into Stanza's decoder finds the cycles Stanza's own finds, and the
decoder then builds the same trees."""
import importlib.util

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from stanza.models.common import chuliu_edmonds

from quotes.nlp.decoding import find_cycles


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
