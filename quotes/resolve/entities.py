"""Entities across a document: one per source, however the text refers to it.

A surname finds its full name (شويغو -> سيرغي شويغو), a role finds the person the
document says holds it (وزير الدفاع الروسي -> شويغو, anywhere in the text), a bare head
finds the last holder named (الوزير -> the minister last named), and an implied
subject (وأضاف، قالت، أكدوا) finds the latest speaker that agrees in gender and number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable

from quotes.resolve.mentions import Kind, Mention, Span, is_definite, is_nisba
from quotes.rules.document import RuleDoc


@dataclass
class Entity:
    id: str
    kind: Kind
    name: str | None = None  # normalised fullest name
    name_span: Span | None = None  # where that name is written
    name_text: str | None = None  # a name not written as one span (#الجيش_اليمني)
    roles: list[tuple[str, Span]] = field(default_factory=list)  # (normalised, span)
    heads: set[str] = field(default_factory=set)
    titles: list[tuple[str, Span]] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    feminine: bool | None = None
    plural: bool = False
    speaks: bool = False

    @property
    def role(self) -> tuple[str, Span] | None:
        """The role the document gives: the first of several words, else the first."""
        fuller = [r for r in self.roles if len(r[0].split()) > 1]
        return (fuller or self.roles or [None])[0]

    def agrees(self, feminine: bool | None, plural: bool) -> bool:
        if plural != self.plural:
            return False
        return feminine is None or self.feminine is None or feminine == self.feminine


def role_key(text: str) -> str:
    """A role compared without the article or a preposition on its head (المندوب الروسي
    = مندوب الروسي; للإعلامية البحرينية = الإعلامية البحرينية)."""
    words = text.split()
    if words and words[0].startswith("لل"):
        words[0] = words[0][2:]
    elif words and words[0][:1] in "لب" and len(words[0]) > 3 and not words[0].startswith("ال"):
        words[0] = words[0][1:]
    if words and words[0].startswith("ال"):
        words[0] = words[0][2:]
    return " ".join(words)


def introduces(words: list[str]) -> bool:
    """An indefinite description (نواب بلجيكيون، مسؤول أمريكي) brings in a source the
    text has not named: the head alone or with an adjective, neither with the article."""
    return not is_definite(words[0]) and (len(words) == 1 or (is_nisba(words[1]) and not is_definite(words[1])))


def _other_nisba(words: set[str], held: list[str]) -> bool:
    """Each role says whose or what kind with a relative adjective the other lacks
    (وزير الخارجية الأمريكي, وزير الخارجية السعودي): two offices."""
    mine, theirs = ({w.removesuffix("ة") for w in ws if is_definite(w) and is_nisba(w)} for ws in (words, held))
    return bool(mine - theirs) and bool(theirs - mine)


class EntityTable:
    """Entities of one document, built from mentions in the order they are linked."""

    def __init__(self, text: str, common_names: Iterable[str] = (), the_latter: Iterable[str] = (),
                 lineage: Iterable[str] = (), family_links: Iterable[str] = ()):
        self.text = text  # the normalised text the spans index
        self.common_names = frozenset(common_names)  # nw.not-a-surname: no one is found by these alone
        self.the_latter = frozenset(the_latter)  # nw.the-latter: the source named last
        self.lineage = frozenset(lineage)  # nw.lineage: بن before a father's name
        self.family_links = frozenset(family_links)  # nw.family-link: آل before a family's name
        self.entities: list[Entity] = []

    @classmethod
    def of(cls, doc: RuleDoc) -> EntityTable:
        """An empty table for a document, with its lexicon's common names and anaphors."""
        lexicon = doc.lexicon
        return cls(doc.text, lexicon.name_class("nw.not-a-surname"), lexicon.name_class("nw.the-latter"),
                   lexicon.name_class("nw.lineage"), lexicon.name_class("nw.family-link"))

    def same_source(self, name: str, other: str) -> bool:
        """One name is the other, or its last words (a surname: شويغو, دي ميستورا), or
        its first and last words with the father's name left out (مفرج الحقباني, مفرج بن
        سعد الحقباني)."""
        if name == other:
            return True
        short, long_ = sorted((name.split(), other.split()), key=len)
        if not short or short[-1] in self.common_names:
            return False
        return long_[-len(short):] == short or (len(short) == 2 and len(long_) > 3 and long_[1] in self.lineage
                                                and (long_[0], long_[-1]) == (short[0], short[-1]))

    def words(self, span: Span | None) -> str | None:
        return None if span is None else " ".join(self.text[span[0]:span[1]].split())

    # --- building ---------------------------------------------------------------------
    def add(self, mention: Mention, speaks: bool = False) -> Entity:
        """Link a mention to its entity, creating one when none fits."""
        mention = self._cut_run_on(self._as_surname(mention))
        entity = self.find(mention)
        if entity is not None and self.words(mention.span) in self.the_latter:
            mention = replace(mention, role=None, head=None)  # الأخير says who, not what
        entity = entity or self.new_entity(mention.kind)
        self._merge(entity, mention)
        entity.speaks |= speaks
        return entity

    def _as_surname(self, mention: Mention) -> Mention:
        """A lone definite word with no role head that ends a known name (القرقاوي, الغامدي)
        is that person's surname, not a description."""
        if mention.name is not None or mention.head is not None or mention.role is None:
            return mention
        word = self.words(mention.role)
        if len(word.split()) == 1 and any(e.name and e.name.split()[-1] == word for e in self.entities):
            return replace(mention, kind="person", name=mention.role, role=None)
        return mention

    def _cut_run_on(self, mention: Mention) -> Mention:
        """A name no source has whose first words are the surname of a person the document
        names in full (بوكوفا المجتمع الدولي، نيكسون ترشحها) is that person, the rest run on
        from the clause; not before بن or آل, which go on a name."""
        name = self.words(mention.name) if mention.text_override is None else None
        if not name or " " not in name or any(e.name and self.same_source(name, e.name) for e in self.entities):
            return mention
        words = list(re.finditer(r"\S+", self.text[mention.name[0]:mention.name[1]]))
        for k in range(len(words) - 1, 0, -1):
            first = " ".join(w.group() for w in words[:k])
            if words[k].group() in self.lineage | self.family_links:
                continue
            if any(e.kind == "person" and e.name and len(e.name.split()) > k and self.same_source(first, e.name)
                   for e in self.entities):
                return replace(mention, name=(mention.name[0], mention.name[0] + words[k - 1].end()))
        return mention

    def new_entity(self, kind: Kind) -> Entity:
        entity = Entity(f"e{len(self.entities) + 1}", kind)
        self.entities.append(entity)
        return entity

    def _merge(self, entity: Entity, mention: Mention) -> None:
        name = mention.text_override or self.words(mention.name)
        if mention.kind == "organisation" and name is None:
            name = self.words(mention.role)
        if name and (entity.name is None or len(name.split()) > len(entity.name.split())):
            entity.name = name
            entity.name_span = mention.name or mention.role
            entity.name_text = mention.text_override
        if mention.role and mention.kind != "organisation":
            role = self.words(mention.role)
            if role not in (r for r, _ in entity.roles):
                entity.roles.append((role, mention.role))
        if mention.head:
            entity.heads.add(mention.head.id)
        for span in mention.titles:
            title = self.words(span)
            if title not in (t for t, _ in entity.titles):
                entity.titles.append((title, span))
        if mention.feminine:
            entity.feminine = True
        if entity.kind in ("unknown", "anonymous") and mention.kind not in ("unknown", "anonymous"):
            entity.kind = mention.kind
        if mention.span not in entity.mentions:
            entity.mentions.append(mention.span)

    def complete_names(self, written_in_full: Callable[[str], Mention | None]) -> None:
        """A person known by one word gets the full name the text first wrote it with, and
        one with no role the description written with that name; so does a source described
        by a lone definite word the text writes after a first name (الأحمد: عزام الأحمد). A
        body named short takes the full name it begins (دار الإفتاء: دار الإفتاء المصرية)."""
        for entity in self.entities:
            if entity.kind == "organisation" and (fuller := self._fuller_body(entity)) is not None:
                entity.name, entity.name_span = fuller.name, fuller.name_span
                continue
            if (full := self._surname_written_in_full(entity, written_in_full)) is not None:
                entity.kind, entity.name, entity.name_span = "person", self.words(full.name), full.name
                entity.roles = [(self.words(full.role), full.role)] if full.role is not None else []
                continue
            if entity.kind != "person" or not entity.name or entity.name_text is not None:
                continue
            surname = self._surname(entity.name)
            if surname != entity.name and entity.roles:
                continue
            full = written_in_full(surname)
            if full is None or not self.same_source(entity.name, self.words(full.name)):
                continue
            if surname == entity.name:
                entity.name, entity.name_span = self.words(full.name), full.name
            if full.role is not None and not entity.roles:
                entity.roles.append((self.words(full.role), full.role))

    def _fuller_body(self, entity: Entity) -> Entity | None:
        """The body the document names in full that a short name begins (دار الإفتاء ->
        دار الإفتاء المصرية، المرصد السوري -> المرصد السوري لحقوق الإنسان), with a proclitic
        or without (للمركز الوطني -> المركز الوطني في بلجيكا): the longest."""
        if not entity.name:
            return None
        key, width = role_key(entity.name), len(entity.name.split())
        fuller = [e for e in self.entities if e.kind == "organisation" and e.name and e.name_text is None
                  and not e.name.startswith(("لل", "بال")) and len(e.name.split()) >= width
                  and e.name != entity.name and role_key(" ".join(e.name.split()[:width])) == key]
        return max(fuller, key=lambda e: len(e.name.split()), default=None)

    def _surname_written_in_full(self, entity: Entity, written_in_full) -> Mention | None:
        """For an unnamed source described by one definite word and no role head (الأحمد),
        the full name the text first writes that word in, if it ends one (عزام الأحمد)."""
        if entity.name or entity.heads or len(entity.roles) != 1 or " " in entity.roles[0][0]:
            return None
        word = entity.roles[0][0]
        full = written_in_full(word) if word.startswith("ال") else None
        return full if full is not None and self.words(full.name).split()[-1] == word else None

    def _surname(self, name: str) -> str:
        """The last word of a name, or the whole of a family name led by آل or بن (آل الشيخ)."""
        words = name.split()
        return name if len(words) == 2 and words[0] in self.family_links else words[-1]

    # --- finding ----------------------------------------------------------------------
    def find(self, mention: Mention) -> Entity | None:
        """The entity a mention refers to, or None for a new source."""
        if self.words(mention.span) in self.the_latter:
            return self._latter(mention)
        name = mention.text_override or self.words(mention.name)
        if name:
            found = ([e for e in self.entities if e.name and self.same_source(name, e.name)]
                     or self._by_first_name(mention, name))
            if found or mention.role is None:
                return self.nearest(found, mention.span[0])
            # وزير الدفاع, named only now: the unnamed holder of the same role
            key = role_key(self.words(mention.role))
            return self.nearest([e for e in self.entities if e.name is None and e.kind == "person"
                                 and any(role_key(r) == key for r, _ in e.roles)], mention.span[0])
        role = self.words(mention.role) if mention.role else self.words(mention.span)
        if mention.kind == "organisation":
            return next((e for e in self.entities if e.name == role), None)
        if mention.kind in ("anonymous", "document", "unknown"):
            same = [e for e in self.entities if any(r == role for r, _ in e.roles)]
            if not same and mention.head is not None and len(role.split()) == 1:
                same = [e for e in self.entities if mention.head.id in e.heads]  # المحكمة: the court named before
            if not same and len(role.split()) == 1:
                same = self._by_title(role)
            return self.nearest(same, mention.span[0])
        return self._holder(mention)

    def _latter(self, mention: Mention) -> Entity | None:
        """الأخير، الأخيرة: the named source written last before the mention, of its gender
        where that is known."""
        at, feminine = mention.span[0], self.words(mention.span).endswith("ة")
        named = [e for e in self.entities if e.name and any(s < at for s, _ in e.mentions)
                 and (e.feminine is None or e.feminine == feminine)]
        return max(named, key=lambda e: max(s for s, _ in e.mentions if s < at), default=None)

    def _by_title(self, word: str) -> list[Entity]:
        """A title alone (الشيخ، الإمام) is a named person the document gives that title,
        or an office it begins (شيخ جامع الأزهر)."""
        key = role_key(word)
        return [e for e in self.entities if e.name and e.kind == "person"
                and (any(t == word for t, _ in e.titles) or any(role_key(r).split()[:1] == [key] for r, _ in e.roles))]

    def _by_first_name(self, mention: Mention, name: str) -> list[Entity]:
        """A first name, alone or after a title (محمود، الأمير تركي), names the one person
        known by a full name that begins so (محمود المسدي، تركي الفيصل); not a first name as
        common as محمد."""
        if " " in name or name in self.common_names:
            return []
        found = [e for e in self.entities if e.kind == "person" and e.name and " " in e.name
                 and e.name.split()[0] == name]
        return found if len(found) == 1 else []

    def _holder(self, mention: Mention) -> Entity | None:
        """The person holding a role: the same role written out, or the last one with its head."""
        key = role_key(self.words(mention.role))
        exact = [e for e in self.entities if any(role_key(r) == key for r, _ in e.roles)]
        if exact:
            return self.nearest(exact, mention.span[0])
        words = set(key.split())
        if mention.head is None or introduces(self.words(mention.role).split()):
            return None
        related = [e for e in self.entities if mention.head.id in e.heads and e.name
                   and not any(_other_nisba(words, role_key(r).split()) for r, _ in e.roles)]
        if len(words) > 1 and len(related) > 1:  # الحارس الجزائري: the one goalkeeper named, whatever else it says
            related = [e for e in related if any(words <= set(role_key(r).split()) for r, _ in e.roles)]
        return self.nearest(related, mention.span[0])

    @staticmethod
    def nearest(entities: list[Entity], at: int) -> Entity | None:
        """The entity mentioned last before `at`, else the first one after it."""
        if not entities:
            return None
        before = [e for e in entities if any(s < at for s, _ in e.mentions)]
        if before:
            return max(before, key=lambda e: max(s for s, _ in e.mentions if s < at))
        return min(entities, key=lambda e: min(s for s, _ in e.mentions) if e.mentions else 0)

    def speakers(self) -> list[Entity]:
        return [e for e in self.entities if e.speaks]
