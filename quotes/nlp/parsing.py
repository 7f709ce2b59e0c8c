"""Parse a text with offsets into the ORIGINAL text.

    doc = parse(text)
    for token in doc.iter_tokens():
        text[token.start_char:token.end_char]   # the token as written in the original

Token and word `.text` are the parse forms the models read (no diacritics, ، as ,); slice the
original with start_char/end_char to report spans.
"""
from __future__ import annotations

import stanza
import torch
from stanza.models.common.doc import Document

from quotes.nlp.pipeline import load_pipeline
from quotes.nlp.prepare import ParseText, to_parse_text


def parse(text: str, pipeline: stanza.Pipeline | None = None) -> Document:
    """Run every processor of `pipeline` (default: `load_pipeline()`) over `text`."""
    return parse_many([text], pipeline)[0]


def parse_many(texts: list[str], pipeline: stanza.Pipeline | None = None) -> list[Document]:
    """Parse several texts at once: the tokenizer reads them in one pass and gives each
    its own offsets back, then every other processor runs once over all their sentences."""
    pipeline = pipeline or load_pipeline()
    docs = tokenize(pipeline, [to_parse_text(text) for text in texts])
    if not docs:
        return []
    with torch.inference_mode():  # no autograd bookkeeping: the same numbers, sooner
        return pipeline.process(docs, processors=[p for p in pipeline.processors if p != "tokenize"])


def tokenize(pipeline: stanza.Pipeline, prepared: list[ParseText]) -> list[Document]:
    """Tokenize parse texts together; return Documents over the original texts, with
    offsets into them."""
    if not prepared:
        return []
    with torch.inference_mode():
        tokenized = pipeline.processors["tokenize"].bulk_process([Document([], text=p.text) for p in prepared])
    return [_over_original(doc, p) for doc, p in zip(tokenized, prepared)]


def _over_original(doc: Document, prepared: ParseText) -> Document:
    """The tokenized parse text made a Document of the original text, in place: offsets
    mapped back (Stanza's Token keeps them in `_start_char`, with no setter)."""
    tokens = list(doc.iter_tokens())
    for token in tokens:
        start, end = prepared.to_original(token.start_char, token.end_char)
        token._start_char, token._end_char = start, end
        for word in token.words:
            if word.start_char is not None:
                word.start_char, word.end_char = start, end
    text = prepared.original
    for token, following in zip(tokens, tokens[1:] + [None]):
        token.spaces_after = text[token.end_char:following.start_char if following else len(text)]
    doc.text = text
    return doc
