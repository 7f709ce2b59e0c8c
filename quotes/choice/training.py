"""Training and cross-validating the speaker model on gold articles.

    cases = load_cases(gold_path, texts_dir, backend)     # each article read, cued, parsed once
    ranker = train(cases, "trees")                        # a model fitted on all of them
    report = cross_validate(cases, folds=5)              # out-of-fold predictions, scored

An option is right when the speaker it would write passes the scorer's strict test against
the gold quote it is matched to (quotes.evaluate, the measures of ../shared/tools/score.py):
the gold name exactly, or for an unnamed source no name and its description. Folds are made of whole
articles, dealt in the order of their names, so no article is both learned and scored.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from quotes.choice.chooser import LEARNERS, Chooser, Model, written_near
from quotes.choice.features import describe
from quotes.choice.options import Option, Scene, options
from quotes.choice.ranker import Features
from quotes.evaluate import load_many, match_quotes, score, speaker_ok
from quotes.extractor import write_document
from quotes.lexicon import load_lexicon
from quotes.resolve.rules import RulesResolver
from quotes.resolve.syntax import StanzaResolver
from quotes.resolve.tree import Tree
from quotes.rules.candidates import Candidate, find_candidates
from quotes.rules.document import RuleDoc
from quotes.text import Normalized


# What `quotes resolver train` and `cv` fit unless told otherwise: for each learner its
# settings, for each backend its learner, as cross-validation on ../shared/train chose them.
# Since the resolvers learned the constructions the learned choice used to fix, no trees
# lead below 2.0 beats the Stanza resolver alone (0.705-0.710 against 0.713), and on the
# rules' options the trees at 2.0 now beat the linear ranker at any lead (0.724 against
# 0.711-0.719 at 0.5-3.0; the resolver alone 0.718).
LEARNER_SETTINGS = {"linear": {"l2": 1.0, "steps": 400, "lead": 0.5},
                    "trees": {"l2": 1.0, "rounds": 100, "depth": 3, "shrinkage": 0.1, "lead": 2.0}}
BACKEND_LEARNER = {"stanza": "trees", "rules": "trees"}


def fit_settings(backend: str, learner: str | None = None, **given) -> dict:
    """The learner and fit options for a backend: the chosen ones, but for those `given`
    (None: not given); a ValueError names an option given that is the other learner's."""
    learner = learner or BACKEND_LEARNER[backend]
    chosen = LEARNER_SETTINGS[learner]
    foreign = sorted(k for k, v in given.items() if v is not None and k not in chosen)
    if foreign:
        raise ValueError(f"--{foreign[0]} is not an option of the {learner} learner "
                         f"(its options: {', '.join('--' + k for k in chosen)})")
    return {"learner": learner, **{k: v if given.get(k) is None else given[k] for k, v in chosen.items()}}


@dataclass
class Case:
    """One gold article, read by the rules and, for the Stanza backend, parsed."""

    gold: dict
    doc: RuleDoc
    candidates: list[Candidate]
    tree: Tree | None


def load_cases(gold_path: str | Path, texts: str | Path, backend: str = "stanza", model_dir=None) -> list[Case]:
    """Every article of a gold file, with its text from `texts`, parsed in one pass."""
    golds = load_many(gold_path)
    lexicon = load_lexicon()
    docs = [RuleDoc.of(Normalized.of((Path(texts) / g["document"]).read_text(encoding="utf-8")), lexicon)
            for g in golds]
    trees: Sequence[Tree | None] = [None] * len(docs)
    if backend == "stanza":
        from quotes.nlp import load_pipeline, parse_many, resolve_model

        parsed = parse_many([d.norm.original for d in docs], load_pipeline(resolve_model(model_dir)))
        trees = [Tree(p, d.norm.from_original) for p, d in zip(parsed, docs)]
    return [Case(g, d, find_candidates(d), t) for g, d, t in zip(golds, docs, trees)]


def resolve(case: Case, chooser: Chooser | None = None):
    """The resolver's attributions and entities for a case, re-chosen by `chooser` if given."""
    if case.tree is not None:
        return StanzaResolver(None, chooser).resolve_parsed(case.doc, case.candidates, case.tree)
    return RulesResolver(chooser).resolve(case.doc, case.candidates)


def examples(case: Case) -> Iterator[tuple[list[Features], list[bool]]]:
    """For each quote matched to gold: its options' features and which are right."""
    done, table = resolve(case)
    text = case.doc.norm.original
    spans = [_original(case.doc, (a.candidate.start, a.candidate.end)) for a in done]
    matched = {p: g for g, p in match_quotes(text, case.gold["quotes"],
                                            [{"start": s, "end": e} for s, e in spans], 0.5) if p is not None}
    for i, a in enumerate(done):
        if i not in matched:
            continue
        scene = Scene(case.doc, case.tree, table, a, tuple(done[:i]))
        found = options(scene)
        gold = case.gold["quotes"][matched[i]]
        yield [describe(scene, group) for group in found], [_right(scene, group[0], gold, case.gold) for group in found]


def _right(scene: Scene, option: Option, gold: dict, gold_doc: dict) -> bool:
    """The option writes the gold speaker: its name, or for an unnamed source no name and
    the description (a name would leave the role unwritten)."""
    said = would_say(scene, option)
    if gold.get("speaker_name") is None and said["name"] is not None:
        return False
    return speaker_ok({"speaker": said}, gold, gold_doc, True)


def would_say(scene: Scene, option: Option) -> dict:
    """The speaker fields the option would write, without touching the document's entities."""
    doc, a = scene.doc, scene.attribution
    entity = option.entity if option.origin in ("choice", "speaker") else None
    role = entity.role if entity is not None else None
    if role is None and option.origin != "choice" and written_near(scene, option):
        role = a.entity.role  # as the chooser carries it (quotes.choice.chooser.apply)
    if option.origin == "choice" and entity is not None and entity.name is None and role is None and a.mention:
        role = (None, a.mention.span)
    if entity is not None and entity.name_text is not None:
        name = entity.name_text
    else:
        name = _text(doc, option.name)
    mention = option.at if option.at is not None else (a.mention.span if a.mention else None)
    return {"name": name, "role": _text(doc, role[1]) if role else None,
            "mention": {"text": _text(doc, mention)} if mention else None}


def _original(doc: RuleDoc, span: tuple[int, int]) -> tuple[int, int]:
    return doc.norm.to_original(*span)


def _text(doc: RuleDoc, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    start, end = _original(doc, span)
    return doc.norm.original[start:end]


def train(cases: Sequence[Case], learner: str = "linear", **options) -> Model:
    """A model of the learner ("linear" or "trees", quotes.choice.chooser.LEARNERS) fitted
    on every matched quote of the cases; `options` go to its fit."""
    groups, labels = [], []
    for case in cases:
        for features, right in examples(case):
            groups.append(features)
            labels.append(right)
    return LEARNERS[learner].fit(groups, labels, **options)


def folds_of(cases: Sequence[Case], folds: int) -> list[list[int]]:
    """Case indices per fold: articles sorted by name, dealt round."""
    order = sorted(range(len(cases)), key=lambda i: cases[i].gold["document"])
    return [order[k::folds] for k in range(folds)]


def predict(case: Case, ranker: Model | None, backend: str) -> dict:
    """The output JSON of a case, as `quotes extract` writes it."""
    done, table = resolve(case, Chooser(ranker) if ranker is not None else None)
    return write_document(case.doc, done, table, case.gold["document"], backend, None).model_dump(mode="json")


def cross_validate(cases: Sequence[Case], folds: int = 5, backend: str = "stanza",
                   learned: bool = True, learner: str = "linear", **options) -> tuple[dict, list[dict]]:
    """Out-of-fold predictions of every case, and the scorer's report over all of them.
    With learned=False, the resolver alone (no model), on the same cases."""
    preds: dict[int, dict] = {}
    for held in folds_of(cases, folds):
        rest = [c for i, c in enumerate(cases) if i not in set(held)]
        ranker = train(rest, learner, **options) if learned else None
        for i in held:
            preds[i] = predict(cases[i], ranker, backend)
    ordered = [preds[i] for i in range(len(cases))]
    texts = {c.gold["document"]: c.doc.norm.original for c in cases}
    report, _ = score([c.gold for c in cases], ordered, lambda g: texts[g["document"]])
    return report, ordered
