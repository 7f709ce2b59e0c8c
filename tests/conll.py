"""Parses written out in CoNLL-U (fixtures/parses) as Stanza Documents, with NER tags
set by the test: resolver tests name exactly the tree they handle, no model needed."""
from pathlib import Path

from stanza.utils.conll import CoNLL

PARSES = Path(__file__).resolve().parents[1] / "fixtures" / "parses"


def parse(name: str, persons: tuple[str, ...] = (), places: tuple[str, ...] = (), bodies: tuple[str, ...] = ()):
    """The CoNLL-U fixture as a Stanza Document, with NER PER (LOC, ORG) tags on the given tokens."""
    doc = CoNLL.conll2doc(input_file=str(PARSES / name), reconstruct_text=True)
    tokens = [t for s in doc.sentences for t in s.tokens]
    for token in tokens:
        token.ner = "O"
    for kind, names in (("PER", persons), ("LOC", places), ("ORG", bodies)):
        for entity in names:
            words = entity.split()
            for i in range(len(tokens) - len(words) + 1):
                if [t.text for t in tokens[i:i + len(words)]] == words:
                    tags = [f"S-{kind}"] if len(words) == 1 else \
                        [f"B-{kind}"] + [f"I-{kind}"] * (len(words) - 2) + [f"E-{kind}"]
                    for token, tag in zip(tokens[i:i + len(words)], tags):
                        token.ner = tag
    doc.build_ents()
    return doc
