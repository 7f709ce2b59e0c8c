"""Shared fixtures: the lexicon, a text's rule view, and ../shared when it is there."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from quotes.lexicon import load_lexicon
from quotes.rules.document import RuleDoc
from quotes.text import Normalized

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("QUOTES_SHARED", ROOT.parent / "shared"))
SEED = ROOT / "seeds" / "000_9befece1280a0b89.txt"
SEED_GOLD = ROOT / "seeds" / "000_9befece1280a0b89.gold.json"


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon()


@pytest.fixture
def ruledoc(lexicon):
    """RuleDoc of a text, built through the same normalisation the extractor uses."""
    def build(text: str) -> RuleDoc:
        return RuleDoc.of(Normalized.of(text), lexicon)
    return build


@pytest.fixture(scope="session")
def seed() -> Path:
    """The seed article, kept in the repository."""
    return SEED


@pytest.fixture(scope="session")
def seed_gold() -> Path:
    return SEED_GOLD


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (dev articles with gold, the scorer); tests needing it skip in a user's clone."""
    if not (SHARED / "dev" / "gold.jsonl").exists():
        pytest.skip(f"needs the project's shared data at {SHARED} (dev articles, gold, scorer, training "
                    "data); absent in a user's clone — set QUOTES_SHARED to point at it")
    return SHARED


@pytest.fixture
def candidates(lexicon):
    """The rule engine's candidates for a text, as (type, quote words, cue, speaker words)."""
    from quotes.rules.candidates import find_candidates

    def run(text: str) -> list[tuple]:
        n = Normalized.of(text)
        doc = RuleDoc.of(n, lexicon)
        out = []
        for c in find_candidates(doc):
            h = c.speaker
            speaker = None
            if h.first is not None:
                speaker = n.original_text(doc.tokens[h.first].start + h.skip, doc.tokens[h.last].end)
            cue = n.original_text(c.cue.start, c.cue.end) if c.cue else None
            out.append((c.type, n.original_text(c.start, c.end), cue, speaker))
        return out
    return run


@pytest.fixture(scope="session")
def shared_data(shared) -> tuple[Path, Path]:
    """The training data: the UD treebank and the NER file in ../shared."""
    return shared / "ud" / "ar_pud-ud-test.conllu", shared / "ner" / "NewsFANE_Gold_2014_170K.txt"
