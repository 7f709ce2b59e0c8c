"""Shared fixtures for the quotes.nlp tests."""
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("QUOTES_SHARED", REPO / ".." / "shared")).resolve()


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article, kept in the repository."""
    return (REPO / "seeds" / "000_9befece1280a0b89.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_data() -> tuple[Path, Path]:
    """The training data (UD treebank, NER file) in ../shared or $QUOTES_SHARED; skip without it."""
    treebank = SHARED / "ud" / "ar_pud-ud-test.conllu"
    ner_file = SHARED / "ner" / "NewsFANE_Gold_2014_170K.txt"
    if not (treebank.is_file() and ner_file.is_file()):
        pytest.skip(f"training data not found under {SHARED} (set QUOTES_SHARED)")
    return treebank, ner_file
