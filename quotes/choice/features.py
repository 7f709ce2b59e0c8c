"""What the speaker model knows of an option: named features, each 1.0.

Features describe where the option is written against the cue (before or after it, how
many words away, sentences and paragraphs crossed, inside quote marks), what it is (NER
type, its words' parts of speech at the edges, how many words, how often the document
writes it), how the parse links it to the cue (its head's relation and the path up to the
cue), whether it agrees with the cue in gender, and, for earlier speakers, how recently
they spoke. Each is also paired with how the quote introduces its source (a written
subject, an implied one, a headline, an according-to phrase), since what decides a written
subject is not what decides an implied one, and with what the resolver made of it (named
or not, a person or a body).
"""
from __future__ import annotations

from typing import Iterator

from quotes.choice.options import Option, Scene
from quotes.evaluate import tok_f1
from quotes.resolve.mentions import is_definite, match_role, match_title
from quotes.resolve.tree import NOT_IN_NAMES, Word
from quotes.resolve.syntax import cue_word
from quotes.rules.document import RuleDoc

DISTANCE_BINS = (1, 2, 4, 8, 16, 32)


def describe(scene: Scene, group: list[Option]) -> dict[str, float]:
    """The features of a group of options that write one name: what any of them is, and
    where the one written nearest the cue stands; each also paired with the quote's way of
    naming its source."""
    own: dict[str, float] = {}
    found = [f for option in group for f in _what(scene, option)]
    found += [f for span in dict.fromkeys(o.name for o in group if o.name is not None) for f in _name(scene, span)]
    for k, v in found:
        own[k] = max(v, own.get(k, v))
    own[f"ways={min(len(group), 4)}"] = 1.0
    nearest = min(group, key=lambda o: abs(o.at[0] - scene.anchor) if o.at is not None else len(scene.doc.text))
    own.update(_place(scene, nearest))
    own.update(_role(scene, group))
    say, chosen = _saying(scene), _resolved(scene)
    paired = {f"{say}|{k}": v for k, v in own.items()}
    paired.update({f"{chosen}|{k}": v for k, v in own.items()})
    return {"bias": 1.0, **own, **paired}


def _resolved(scene: Scene) -> str:
    """What the resolver made of the source: named or not, and its kind."""
    entity = scene.attribution.entity
    if entity is None:
        return "resolver=none"
    return f"resolver={'named' if entity.name else 'unnamed'}-{entity.kind}"


def _role(scene: Scene, group: list[Option]) -> Iterator[tuple[str, float]]:
    """Whether the entity of the name holds the role the resolver read for the quote
    (الأمين العام المنتخب, named elsewhere محمد عبادي)."""
    source = scene.attribution.entity
    roles = {r for r, _ in source.roles} if source is not None else set()
    if not roles:
        return
    table = scene.table
    names = {table.words(o.name) for o in group if o.name is not None}
    held = [r for e in table.entities if e is not source and e.name in names for r, _ in e.roles]
    best = max((tok_f1(a, b) for a in roles for b in held), default=0.0)
    if best >= 0.6:
        yield "holds_the_role", 1.0
    elif best > 0:
        yield "shares_role_words", 1.0


def _saying(scene: Scene) -> str:
    """How the quote names its source: the rules' hint, and whether the cue is a verb."""
    candidate = scene.attribution.candidate
    kind = candidate.cue.kind if candidate.cue is not None else "none"
    return f"{candidate.speaker.how}/{kind}"


def _bin(n: int) -> str:
    return next((f"<{b}" for b in DISTANCE_BINS if abs(n) < b), f">={DISTANCE_BINS[-1]}")


def _what(scene: Scene, option: Option) -> Iterator[tuple[str, float]]:
    """Where the option comes from, what it is, and whether it spoke before."""
    yield f"origin={option.origin}", 1.0
    yield f"edit={option.edit or 'none'}", 1.0
    yield f"origin+edit={option.origin}{option.edit}", 1.0
    yield from _once(scene, ("edited", option.edit, option.edited, option.name), _edited_word, option)
    if option.origin == "choice":
        yield f"method={scene.attribution.method}", 1.0
    if option.rank:
        yield f"speaker_rank={min(option.rank, 3)}", 1.0
    yield from _once(scene, ("agreement", option.at, id(option.entity)), _agreement, option)
    yield from _once(scene, ("spoke", option.name), _spoke_before, option)
    if option.name is None:
        yield "unnamed", 1.0
        yield f"unnamed_kind={option.entity.kind if option.entity is not None else 'none'}", 1.0


def _place(scene: Scene, option: Option) -> Iterator[tuple[str, float]]:
    """Where the option is written against the cue, and how the parse links it."""
    if option.at is None:
        yield "not_written_near", 1.0
        return
    yield from _where(scene, option.at)
    if scene.tree is not None:
        yield from _parse(scene, option.at)


def _once(scene: Scene, key: tuple, features, *args) -> list[tuple[str, float]]:
    """`features(scene, *args)`, computed once a scene for each key."""
    if key not in scene.memo:
        scene.memo[key] = list(features(scene, *args))
    return scene.memo[key]


def _name(scene: Scene, span: tuple[int, int]) -> list[tuple[str, float]]:
    return _once(scene, ("name", span), _name_features, span)


def _name_features(scene: Scene, span: tuple[int, int]) -> Iterator[tuple[str, float]]:
    """What a name is: how many words, how often written, how it stands to the resolver's
    name, the entity's kind, its parts of speech and NER type."""
    doc, table = scene.doc, scene.table
    words = doc.words_in(*doc.token_range(*span))
    yield f"words={min(len(words), 5)}", 1.0
    name = table.words(span)
    yield f"written={min(doc.text.count(name), 4)}", 1.0
    if scene.attribution.entity is not None and scene.attribution.entity.name == name:
        yield "is_choice_name", 1.0
    choice = scene.attribution.entity.name if scene.attribution.entity is not None else None
    if choice and name != choice and name in choice:
        yield "inside_choice_name", 1.0
    if choice and name != choice and choice in name:
        yield "holds_choice_name", 1.0
    if any(e.name == name for e in table.entities):
        kinds = {e.kind for e in table.entities if e.name == name}
        yield from ((f"entity_kind={k}", 1.0) for k in sorted(kinds))
    if words and is_definite(words[0].text):
        yield "first_definite", 1.0
    if words:
        yield f"first_class={_word_class(scene, words[0].index)}", 1.0
        yield f"last_class={_word_class(scene, words[-1].index)}", 1.0
    if words and any(not t.is_word and doc.quote_of(t.index) is not None
                     for t in doc.tokens[words[0].index:words[-1].index + 1]):
        yield "quote_mark_inside", 1.0  # منظمة "أفاز": the marks are the article's, the name inside
    if scene.tree is not None:
        yield from _tags(scene, span)
        ner = [kind for s, e, kind in scene.tree.entities if (s, e) == span]
        yield from ((f"ner_exact={k}", 1.0) for k in ner)
        if not ner and any(s <= span[0] and span[1] <= e for s, e, _ in scene.tree.entities):
            yield "ner_inside", 1.0


def _edited_word(scene: Scene, option: Option) -> Iterator[tuple[str, float]]:
    """What the edit took off or added: the word's shape and part of speech, and whether
    NER had it in one span with the rest."""
    if option.edited is None:
        return
    doc, word = scene.doc, scene.doc.tokens[option.edited]
    yield f"{option.edit}:definite={is_definite(word.text)}", 1.0
    yield f"{option.edit}:marker={doc.is_marker(word.text)}", 1.0
    yield f"{option.edit}:class={_word_class(scene, option.edited)}", 1.0
    if scene.tree is not None:
        words = scene.tree.words_at(word.start, word.end)
        if words:
            yield f"{option.edit}:upos={(words[0] if option.edit == '-clitic' else words[-1]).upos}", 1.0
        lo, hi = min(word.start, option.name[0]), max(word.end, option.name[1])
        yield f"{option.edit}:same_ner={any(s <= lo and hi <= e for s, e, _ in scene.tree.entities)}", 1.0


def _word_class(scene: Scene, i: int) -> str:
    """What the lexicons make of token i: a cue, a role head, a title, a preposition, or none."""
    if i not in scene.word_classes:
        scene.word_classes[i] = _lexicon_class(scene.doc, i)
    return scene.word_classes[i]


def _lexicon_class(doc: RuleDoc, i: int) -> str:
    words = [t.text for t in doc.tokens[i:i + 3] if t.is_word]
    if doc.cue_at(i) is not None:
        return "cue"
    if match_title(doc.lexicon, words, 0):
        return "title"
    if match_role(doc.lexicon, words, 0) is not None:
        return "role"
    if doc.is_preposition(i):
        return "preposition"
    return "other"


def _tags(scene: Scene, span: tuple[int, int]) -> Iterator[tuple[str, float]]:
    """Parts of speech of the first and last word, and whether any is a function word."""
    words = scene.tree.words_at(*span)
    if not words:
        return
    yield f"first_upos={words[0].upos}", 1.0
    yield f"last_upos={words[-1].upos}", 1.0
    if any(w.upos in NOT_IN_NAMES for w in words):
        yield "function_word_inside", 1.0


def _where(scene: Scene, at: tuple[int, int]) -> Iterator[tuple[str, float]]:
    """Side of the cue, words between, sentences back, a paragraph crossed, quote marks
    around it, a preposition before it."""
    doc = scene.doc
    anchor = scene.anchor
    first, _ = doc.token_range(*at)
    cue_token = doc.token_range(anchor, anchor + 1)[0]
    words = [t for t in doc.tokens[min(first, cue_token):max(first, cue_token)] if t.is_word]
    side = "before" if at[0] < anchor else "after"
    yield f"side={side}", 1.0
    yield f"distance={side}{_bin(len(words))}", 1.0
    back = doc.sentence_of[cue_token] - doc.sentence_of[first]
    yield f"sentences_back={min(max(back, -1), 3)}", 1.0
    lo, hi = sorted((at[0], anchor))
    if "\n" in doc.text[lo:hi]:
        yield "crosses_paragraph", 1.0
    if doc.inside_quote(first):
        yield "inside_quote_marks", 1.0
    before = doc.previous_word(first)
    if before is not None and doc.is_preposition(before):
        yield "after_preposition", 1.0
    if doc.text[at[0]:at[0] + 1] in ("ل", "ب") and doc.tokens[first].start == at[0]:
        yield "clitic_preposition", 1.0


def _parse(scene: Scene, at: tuple[int, int]) -> Iterator[tuple[str, float]]:
    """The head of the span in the parse and its path to the cue's verb."""
    tree = scene.tree
    head = _head(tree.words_at(*at))
    if head is None:
        return
    yield f"head_upos={head.upos}", 1.0
    yield f"head_rel={head.deprel}", 1.0
    cue = scene.attribution.candidate.cue
    verb = cue_word(tree, cue.start, cue.end) if cue is not None else None
    if verb is None or verb.sentence != head.sentence:
        yield "path=other_sentence" if verb is not None else "path=no_cue", 1.0
        return
    yield f"path={_path(tree, head, verb)}", 1.0


def _head(words: list[Word]) -> Word | None:
    """The word of the span whose head lies outside it."""
    ids = {(w.sentence, w.id) for w in words}
    return next((w for w in words if (w.sentence, w.head) not in ids), None)


def _path(tree, word: Word, verb: Word) -> str:
    """The relations from `word` up to the cue's verb (nsubj, obl>advcl ...), or how they meet."""
    up: list[str] = []
    node = word
    for _ in range(3):
        up.append(node.relation)
        parent = tree.head_of(node)
        if parent is None:
            return "none"
        if parent.id == verb.id:
            return ">".join(up)
        node = parent
    verb_head = tree.head_of(verb)
    if verb_head is not None and tree.head_of(word) is not None and tree.head_of(word).id == verb_head.id:
        return f"sibling:{word.relation}"
    return "far"


def _agreement(scene: Scene, option: Option) -> Iterator[tuple[str, float]]:
    """The cue's gender against the option's: the entity's, else the parse's feature."""
    reading = scene.attribution.candidate.cue.reading if scene.attribution.candidate.cue else None
    if reading is None or reading.gender is None:
        return
    feminine = option.entity.feminine if option.entity is not None else None
    if feminine is None and option.at is not None and scene.tree is not None:
        head = _head(scene.tree.words_at(*option.at))
        gender = head.feats.get("Gender") if head is not None else None
        feminine = None if gender is None else gender == "Fem"
    if feminine is not None:
        yield "gender_agrees" if feminine == (reading.gender == "f") else "gender_clashes", 1.0


def _spoke_before(scene: Scene, option: Option) -> Iterator[tuple[str, float]]:
    """Whether the option's name is an earlier quote's source, and how recently."""
    name = scene.table.words(option.name) if option.name is not None else None
    if name is None:
        return
    for back, a in enumerate(reversed(scene.earlier), 1):
        if a.entity is not None and a.entity.name == name:
            yield f"spoke_before={min(back, 3)}", 1.0
            return
