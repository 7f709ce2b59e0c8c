"""The learned choice of each quote's source, over the resolver's attributions.

The resolver (rules or Stanza) proposes an attribution for every quote; the chooser
gathers that quote's options (quotes.choice.options), describes them
(quotes.choice.features) and lets the ranker pick one. Quotes are taken in text order, so
an implied subject is offered the sources the chooser gave the quotes before it. The
chosen option becomes the quote's attribution: its name is written where the option
names it, its entity is the document's entity of that name, or a new one that keeps the
role and titles of the mention it was cut from.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from quotes.choice.features import describe
from quotes.choice.options import Option, Scene, options
from quotes.choice.ranker import FORMAT as LINEAR_FORMAT, Ranker
from quotes.choice.trees import FORMAT as TREES_FORMAT, Trees
from quotes.resolve.entities import Entity, EntityTable
from quotes.resolve.mentions import Mention
from quotes.resolve.rules import Attribution
from quotes.resolve.tree import Tree
from quotes.rules.document import RuleDoc

Model = Ranker | Trees
LEARNERS = {"linear": Ranker, "trees": Trees}
FORMATS = {LINEAR_FORMAT: Ranker, TREES_FORMAT: Trees}
SHIPPED_DIR = Path(__file__).resolve().parent.parent / "models" / "speaker"


def shipped_path(backend: str) -> Path:
    """Where the speaker model for a backend ("stanza" or "rules") is shipped."""
    return SHIPPED_DIR / f"speaker-{backend}.json"


def shipped_ranker(backend: str) -> Model:
    """The speaker model shipped for a backend."""
    path = shipped_path(backend)
    if not path.is_file():
        raise FileNotFoundError(f"no shipped speaker model for the {backend} backend at {path}; "
                                f"train one with `quotes resolver train --backend {backend}`")
    return read_model(path.read_text(encoding="utf-8"))


def load_ranker(path: str | Path) -> Model:
    return read_model(Path(path).read_text(encoding="utf-8"))


def read_model(text: str) -> Model:
    """A speaker model from its JSON, of whichever learner its format names."""
    kind = FORMATS.get(json.loads(text).get("format"), Ranker)
    return kind.from_json(text)  # Ranker refuses an unknown format, naming the fix


class Chooser:
    """Re-chooses each attribution's source with a trained ranker."""

    def __init__(self, ranker: Model):
        self.ranker = ranker

    def choose(self, doc: RuleDoc, tree: Tree | None, done: list[Attribution],
               table: EntityTable) -> list[Attribution]:
        chosen: list[Attribution] = []
        classes: dict[int, str] = {}
        for a in done:
            scene = Scene(doc, tree, table, a, tuple(chosen), word_classes=classes)
            found = options(scene)
            features = [describe(scene, group) for group in found]
            best = self.ranker.choose(features)
            if "gender_clashes" in features[best]:
                best = 0  # وأضافت is never the man who spoke last: agreement is grammar, not evidence
            reasons = tuple(f"model: {k} {w:+.2f}" for k, w in self.ranker.explain(features[best]))
            chosen.append(replace(apply(scene, found[best][0]), reasons=reasons))
        speaking = {id(a.entity) for a in chosen if a.entity is not None}
        for entity in table.entities:
            entity.speaks = id(entity) in speaking
            if entity.speaks and not entity.roles:
                entity.roles = roles_elsewhere(table, entity)
        return chosen


def apply(scene: Scene, option: Option) -> Attribution:
    """The attribution the option makes of the scene's quote."""
    a = scene.attribution
    if option.origin == "choice":
        return a
    method = f"{a.method}>model.{option.origin}{option.edit}"
    if option.name is None:
        return replace(a, entity=option.entity, method=method)
    entity = option.entity if option.entity is not None and option.entity.name_span == option.name \
        else named(scene, option)
    if not entity.roles and written_near(scene, option):
        entity.roles = list(a.entity.roles)  # the role the resolver read with the words near it
    mention = a.mention
    if option.at is not None and (mention is None or not _overlaps(option.at, mention.span)):
        mention = Mention(option.at, entity.kind, name=option.name)
    return replace(a, mention=mention, entity=entity, method=method)


def roles_elsewhere(table: EntityTable, entity: Entity) -> list:
    """The roles the document gives a named person under another entity of the same
    name (سيرغي شويغو, وزير الدفاع الروسي, where the quote names only شويغو)."""
    if entity.kind != "person" or not entity.name:
        return []
    same = [e for e in table.entities
            if e is not entity and e.name and e.roles and table.same_source(entity.name, e.name)]
    return list(same[0].roles) if same else []


def written_near(scene: Scene, option: Option) -> bool:
    """The option is written near the mention the resolver read (within its reach)."""
    return scene.attribution.entity is not None and scene.attribution.mention is not None and option.at is not None


def _cut_from(scene: Scene, option: Option) -> bool:
    """The option's words overlap the mention the resolver read for the quote."""
    a = scene.attribution
    return a.entity is not None and a.mention is not None and option.at is not None \
        and _overlaps(option.at, a.mention.span)


def named(scene: Scene, option: Option) -> Entity:
    """The document's entity of the option's name, or a new one; a name cut from the
    resolver's mention keeps that mention's role, titles and kind."""
    table = scene.table
    name = table.words(option.name)
    found = next((e for e in table.entities if e.name == name), None)
    if found is not None:
        return found
    source = scene.attribution.entity
    cut_from = _cut_from(scene, option)
    kind = "organisation" if option.origin in ("ner:ORG", "ner:LOC") else "person"
    entity = table.new_entity(source.kind if cut_from and source.kind in ("person", "organisation") else kind)
    entity.name, entity.name_span = name, option.name
    entity.mentions.append(option.at or option.name)
    if cut_from:
        entity.roles = list(source.roles)
        entity.titles = list(source.titles)
        entity.feminine = source.feminine
    return entity


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
