"""Every plausible source of one quote, as options for the speaker model to choose from.

The resolver's own answer is one option. The others are spans written near the quote (the
mention the resolver read, the words the rules bounded as the speaker, and the NER spans
and entity names within REACH words of them, or before the cue for an implied subject),
each also one word shorter or longer at either edge and without a proclitic (names cut
short or run on), each also completed to the fullest name the document writes it with
(كلود يونكر -> جان كلود يونكر); names written elsewhere that share a word with the mention
(المرصد -> المرصد السوري لحقوق الإنسان); and the sources that spoke before (وأضاف، مؤكدًا).
An option names its source by a span of the normalised text, or stands for an unnamed
source (the resolver's description).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator

from quotes.resolve.entities import Entity, EntityTable
from quotes.resolve.mentions import PROCLITICS, Span
from quotes.resolve.rules import Attribution
from quotes.resolve.tree import Tree
from quotes.rules.document import RuleDoc
from quotes.rules.phrases import short_of_an_outlet

REACH = 4  # words either side of a written source where other spans may name it
MAX_WORDS = 6  # longer spans are phrases, not names
MAX_SPEAKERS = 4  # earlier sources offered to an implied subject, the latest first


@dataclass(frozen=True)
class Option:
    """One possible source of a quote.

    origin: where it comes from ("choice", "ner:PER", "mention", "hint", "speaker");
    edit: how its span differs from the origin's ("" none, "-first", "-last", "+before",
    "+after", "-clitic", "full" completed to the fullest name); `at` is where it is written
    nearest the quote (None for an earlier speaker not written there); `name` is the span
    of its name (None for an unnamed source); `entity` the document entity it is.
    """

    origin: str
    edit: str
    name: Span | None
    at: Span | None
    entity: Entity | None = None
    rank: int = 0  # for an earlier speaker: 1 is the latest
    edited: int | None = None  # the token the edit took off or added


@dataclass(frozen=True)
class Scene:
    """What the options of one quote are found in: the document, its parse (None for the
    rules backend), its entities, the quote's attribution and the ones before it."""

    doc: RuleDoc
    tree: Tree | None
    table: EntityTable
    attribution: Attribution
    earlier: tuple[Attribution, ...]
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # features computed once a scene
    word_classes: dict = field(default_factory=dict, compare=False, repr=False)  # once a document: share it

    @cached_property
    def names_written(self) -> list[tuple[Span, str]]:
        """Every entity name and NER span of the document, with its words, each once."""
        spans = [e.name_span for e in self.table.entities if e.name_span is not None and e.name]
        if self.tree is not None:
            spans += [(s, e) for s, e, _ in self.tree.entities]
        return [(span, self.table.words(span)) for span in dict.fromkeys(spans)]

    @property
    def anchor(self) -> int:
        """Where the quote is introduced: its cue, else its start."""
        cue = self.attribution.candidate.cue
        return cue.start if cue is not None else self.attribution.candidate.start


def options(scene: Scene) -> list[list[Option]]:
    """Every option of a quote, grouped by the name it would write (the resolver's own
    group first): the model chooses a name, on the evidence of all the ways it was found."""
    groups: dict[object, list[Option]] = {}
    seen: set[tuple] = set()
    for option in _all(scene):
        same = (option.origin, option.edit, option.name, option.at, option.rank, option.edited, id(option.entity))
        if same not in seen:
            seen.add(same)
            groups.setdefault(_key(scene, option), []).append(option)
    return list(groups.values())


def _all(scene: Scene) -> Iterator[Option]:
    yield Option("choice", "", _choice_name(scene.attribution), _mention_span(scene.attribution),
                 scene.attribution.entity)
    for option in _written(scene):
        yield option
        yield from _completed(scene, option)
    yield from _named_elsewhere(scene)
    yield from _earlier_speakers(scene)


def _key(scene: Scene, option: Option) -> object:
    """What the option would write as the name; an unnamed source is its entity."""
    if option.name is not None:
        return scene.table.words(option.name).replace("ة", "ه")  # as the scorer compares names
    return ("unnamed", id(option.entity))


def _choice_name(a: Attribution) -> Span | None:
    return a.entity.name_span if a.entity is not None and a.entity.name is not None else None


def _mention_span(a: Attribution) -> Span | None:
    return a.mention.span if a.mention is not None else None


def _written(scene: Scene) -> Iterator[Option]:
    """Spans near the quote that may name its source, with their edits."""
    for origin, span in _base_spans(scene):
        yield Option(origin, "", span, span)
        for edit, variant, token in _edits(scene.doc, span):
            yield Option(origin, edit, variant, variant, edited=token)


def _base_spans(scene: Scene) -> Iterator[tuple[str, Span]]:
    """The resolver's name, mention and the rules' speaker words, and the NER spans and
    entity names in reach: around a written source, or before the cue for an implied one."""
    a = scene.attribution
    lo, hi = _reach(scene)
    content = (a.candidate.start, a.candidate.end)

    def near(span: Span) -> bool:  # the source is never inside its own words
        return lo <= span[0] < hi and not (content[0] <= span[0] < content[1])

    if _choice_name(a) is not None:
        yield "choice", _choice_name(a)
    if a.mention is not None:
        if a.mention.name is not None:
            yield "mention", a.mention.name
        yield "mention", a.mention.span
    if _hint_span(scene) is not None:
        yield "hint", _hint_span(scene)
    if scene.tree is not None:
        for start, end, kind in scene.tree.entities:
            if near((start, end)):
                yield f"ner:{kind}", short_of_an_outlet(scene.doc, (start, end))  # NER runs on into لبي بي سي
    for entity in scene.table.entities:
        if entity.name_span is not None and any(near(span) for span in entity.mentions):
            yield "entity", entity.name_span


def _reach(scene: Scene) -> tuple[int, int]:
    """Where other spans may name the source: for a source the text writes, its words
    and REACH words either side, within the cue's sentence; for an implied one, the
    sentence before the cue's and the cue's up to the cue."""
    doc, a = scene.doc, scene.attribution
    at = doc.token_range(scene.anchor, scene.anchor + 1)[0]
    first, last = doc.sentence_span(at)
    region = [s for s in (_mention_span(a), _hint_span(scene)) if s is not None]
    if not region:
        end = doc.last_word_before_sentence(first)
        before = doc.sentence_span(end)[0] if end is not None else first
        return doc.tokens[before].start, scene.anchor
    lo, hi = min(s for s, _ in region), max(e for _, e in region)
    words = [t for t in doc.tokens[first:last + 1] if t.is_word]
    left = [t for t in words if t.end <= lo][-REACH:]
    right = [t for t in words if t.start >= hi][:REACH]
    return (left[0].start if left else lo), (right[-1].end if right else hi)


def _hint_span(scene: Scene) -> Span | None:
    hint = scene.attribution.candidate.speaker
    if hint.first is None:
        return None
    return scene.doc.tokens[hint.first].start + hint.skip, scene.doc.tokens[hint.last].end


def _edits(doc: RuleDoc, span: Span) -> Iterator[tuple[str, Span, int]]:
    """The span one word shorter or longer at either edge, and without a proclitic, with
    the token taken off or added."""
    first, last = doc.token_range(*span)
    words = doc.words_in(first, last)
    if not words or len(words) > MAX_WORDS:
        return
    if len(words) > 1:
        yield "-first", (words[1].start, span[1]), words[0].index
        yield "-last", (span[0], words[-2].end), words[-1].index
    before, after = doc.previous_word(words[0].index), doc.next_word(words[-1].index)
    if before is not None and words[0].index - before == 1:
        yield "+before", (doc.tokens[before].start, span[1]), before
    if after is not None and after - words[-1].index == 1:
        yield "+after", (span[0], doc.tokens[after].end), after
    head = doc.text[span[0]:words[0].end]
    if len(head) > 3 and head[0] in PROCLITICS and span[0] == words[0].start:
        yield "-clitic", (span[0] + 1, span[1]), words[0].index


def _completed(scene: Scene, option: Option) -> Iterator[Option]:
    """The option under the fullest name of the same source the document writes (شويغو ->
    سيرغي شويغو): a longer entity name or NER span it ends."""
    name = scene.table.words(option.name)
    full = _fullest(scene, name) if name else None
    if full is not None:
        yield Option(option.origin, "full", full, option.at, edited=option.edited)


def _fullest(scene: Scene, name: str) -> Span | None:
    """The longest name of the same source the document writes, once a scene for each name."""
    key = ("fullest", name)
    if key not in scene.memo:
        fuller = [span for span, words in scene.names_written
                  if len(words.split()) > len(name.split()) and scene.table.same_source(name, words)]
        scene.memo[key] = max(fuller, key=lambda s: (s[1] - s[0], -s[0])) if fuller else None
    return scene.memo[key]


def _named_elsewhere(scene: Scene) -> Iterator[Option]:
    """Names the document writes elsewhere that share a word with the resolver's mention:
    the full name of a body or person the quote describes or names in part (المركز ->
    المركز الوطني لمراقبة الإرهاب, آل الشيخ -> تركي آل الشيخ)."""
    a, doc, table = scene.attribution, scene.doc, scene.table
    if a.mention is None:
        return
    words = {w for w in map(_bare, table.words(a.mention.span).split()) if len(w) > 2 and not doc.is_marker(w)}
    content = (a.candidate.start, a.candidate.end)
    for span, written in scene.names_written:
        if content[0] <= span[0] < content[1] or doc.inside_quote(doc.token_range(*span)[0]):
            continue
        if words & {_bare(w) for w in written.split()}:
            yield Option("elsewhere", "", span, span)


def _bare(word: str) -> str:
    """A word without a proclitic and the article (وللمركز -> مركز)."""
    if word[:1] in PROCLITICS and len(word) > 3 and (word[1:3] == "ال" or word[1:2] == "ل"):
        word = word[1:]
    if word.startswith("لل"):
        return word[2:]
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _earlier_speakers(scene: Scene) -> Iterator[Option]:
    """The sources of the quotes before, the latest first, each once."""
    seen: list[Entity] = []
    for a in reversed(scene.earlier):
        if a.entity is not None and all(a.entity is not e for e in seen):
            seen.append(a.entity)
            if len(seen) > MAX_SPEAKERS:
                return
            yield Option("speaker", "", _choice_name(a), None, a.entity, rank=len(seen))
