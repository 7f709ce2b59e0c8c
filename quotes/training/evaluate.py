"""Scores of a model source on a split: UD end to end from raw text, NER on gold tokens."""
from __future__ import annotations

import json

from stanza.models.common.doc import Document
from stanza.models.ner.scorer import score_by_entity
from stanza.models.ner.utils import bio2_to_bioes, to_bio2
from stanza.utils.conll import CoNLL
from udtools import udeval

from quotes.training.datasets import NERFiles, UDFiles
from quotes.nlp.pipeline import load_pipeline
from quotes.nlp.sources import ModelSource

UD_METRICS = {"tokens_f1": "Tokens", "sentences_f1": "Sentences", "words_f1": "Words",
              "upos": "UPOS", "lemma": "Lemmas", "uas": "UAS", "las": "LAS"}
NER_TYPES = ("PER", "ORG", "LOC", "MISC")


def score_ud(source: ModelSource, files: UDFiles, shard: str) -> dict[str, float]:
    """Tokenize..depparse over the raw text of `shard`, scored with the CoNLL 2018 evaluation."""
    pipeline = load_pipeline(source, "tokenize,mwt,pos,lemma,depparse")
    doc = pipeline(files.txt(shard).read_text(encoding="utf-8"))
    predicted = files.pred(f"{shard}.{source.path.name}")
    CoNLL.write_doc2conll(doc, str(predicted))
    evaluation = udeval.evaluate(udeval.load_conllu_file(str(files.gold(shard))),
                                 udeval.load_conllu_file(str(predicted)))
    return {key: round(evaluation[name].f1, 4) for key, name in UD_METRICS.items()}


def score_ner(source: ModelSource, files: NERFiles, shard: str) -> dict[str, float]:
    """Entity-level F1 (exact spans) on the gold tokens of `shard`, overall and per type."""
    sentences = json.loads(files.json(shard).read_text(encoding="utf-8"))
    gold = [bio2_to_bioes(to_bio2([t["ner"] for t in s])) for s in sentences]
    doc = Document([[{"id": (i + 1,), "text": t["text"]} for i, t in enumerate(s)] for s in sentences])
    doc = load_pipeline(source, "tokenize,ner").process(doc, processors="ner")
    predicted = [[t.ner for t in s.tokens] for s in doc.sentences]
    _, _, f1, by_type = score_by_entity(predicted, gold, verbose=False)
    return {"ner_f1": round(f1, 4), **{f"{k.lower()}_f1": round(by_type.get(k, 0.0), 4) for k in NER_TYPES}}
