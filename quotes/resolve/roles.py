"""The roles a document writes next to a speaker's name, anywhere in it.

News gives a person's office once, usually where it first names them (وصف الرئيس الروسي،
فلاديمير بوتين ... وقال بوتين); a quote that names only the person, or implies them,
carries that office too (ANNOTATION.md: the role "as the document gives it anywhere").
Every place the name is written outside quote marks, or alone in them (الجنرال "سيرغي
شويغو"), is read with the words before it (a role head opening the role, titles, then the
name: الرئيس الروسي، فلاديمير بوتين) and with an apposition after it (سايمن شو، أحد
مسؤولي الفن الانطباعي).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace

from quotes.resolve.entities import Entity, EntityTable, introduces, role_key
from quotes.resolve.mentions import (Mention, Span, analyse, match_role, opens_description, phrase_end,
                                     quoted_name)
from quotes.rules.document import RuleDoc, conjunction_off

MAX_ROLE_WORDS = 10  # words of a role, titles included, read before a name


def settle_roles(doc: RuleDoc, table: EntityTable, done: list) -> list:
    """Attributions (quotes.resolve.rules.Attribution) with each office that speaks unnamed
    given to the person the document names in that office (or, with no one named in it, to
    the one speaker named without a role), and every named speaker's roles completed with
    those written with its name."""
    written = _Written(doc, table)
    done = _to_holders(table, written, done)
    _add_written_roles(table, written)
    return done


class _Written:
    """The roles written with each name, read once per document and name."""

    def __init__(self, doc: RuleDoc, table: EntityTable):
        self.doc, self.table = doc, table
        self.places = _word_places(doc)
        self.found: dict[str, list[tuple[str, Span]]] = {}

    def roles(self, name: str) -> list[tuple[str, Span]]:
        """(normalised role, span) of each role written with the name, in text order."""
        if name not in self.found:
            first: dict[str, Span] = {}
            for span in written_roles(self.doc, self.places, name):
                first.setdefault(self.table.words(span), span)
            self.found[name] = list(first.items())
        return self.found[name]


def _to_holders(table: EntityTable, written: _Written, done: list) -> list:
    """المحلل السياسي المصري يرى ... : the person the text names so (المحلل السياسي المصري،
    أيمن الصياد), before the quote or after it."""
    unnamed = [e for e in table.speakers() if e.kind == "person" and not e.name and e.roles]
    if not unnamed:
        return done
    named = [(e, {role_key(r) for r, _ in written.roles(e.name) + e.roles})
             for e in table.entities if e.kind == "person" and e.name]
    moved: dict[int, Entity] = {}
    for entity in unnamed:
        keys = {role_key(r) for r, _ in entity.roles}
        holders = [e for e, held in named if any(_same_office(k, h) for k in keys for h in held)]
        at = min(s for s, _ in entity.mentions) if entity.mentions else 0
        holder = EntityTable.nearest(holders, at)
        if holder is None and (holder := _the_one_without_a_role(table, written, entity)) is not None:
            holder.roles = list(entity.roles)  # the description is the one role the text gives it
        if holder is not None:
            moved[id(entity)] = holder
            entity.speaks, holder.speaks = False, True
    return [replace(a, entity=moved[id(a.entity)]) if id(a.entity) in moved else a for a in done]


def _the_one_without_a_role(table: EntityTable, written: _Written, entity: Entity) -> Entity | None:
    """A definite description no named person holds (وقال وزير الخارجية الأمريكي ...، وتابع
    بومبيو) is the one named speaker the document gives no role, if there is one alone,
    named in full, and it agrees in gender: news describes a source in one place and names
    it in another."""
    if entity.plural or introduces(entity.roles[0][0].split()):
        return None  # الزعماء، مسؤول أمريكي: a group, a source the text does not name
    bare = [e for e in table.speakers() if e.kind == "person" and " " in (e.name or "") and not e.roles
            and not e.plural and not written.roles(e.name) and e.agrees(entity.feminine, False)]
    return bare[0] if len(bare) == 1 else None


def _same_office(key: str, held: str) -> bool:
    """One role is the other, or the same head with fewer words (الطبيب الشرعي، الطبيب)."""
    a, b = key.split(), held.split()
    return a == b or (bool(a) and bool(b) and a[0] == b[0] and (set(a) <= set(b) or set(b) <= set(a)))


def _add_written_roles(table: EntityTable, written: _Written) -> None:
    """Each named person who speaks: after the roles read with its mentions, the roles
    written with its name elsewhere."""
    for entity in table.speakers():
        if entity.kind == "person" and entity.name:
            held = {r for r, _ in entity.roles}
            entity.roles += [r for r in written.roles(entity.name) if r[0] not in held]


def written_roles(doc: RuleDoc, places: dict[str, list[int]], name: str) -> Iterator[Span]:
    """Role spans written with `name` (or its last word), in text order, each once."""
    words = name.split()
    seen: set[Span] = set()
    for first, last in sorted({*_written(doc, places, words), *_written(doc, places, words[-1:])}):
        for mention in (_read_before(doc, first, last), _read_after(doc, first, last)):
            if mention is not None and mention.role not in seen:
                seen.add(mention.role)
                yield mention.role


def _word_places(doc: RuleDoc) -> dict[str, list[int]]:
    """word -> indices of the tokens that write it outside quote marks, or in marks
    around a name (الجنرال "سيرغي شويغو")."""
    places: dict[str, list[int]] = defaultdict(list)
    for tok in doc.tokens:
        if tok.is_word and (not doc.inside_quote(tok.index) or quoted_name(doc, tok.index)):
            places[tok.text].append(tok.index)
    return places


def _written(doc: RuleDoc, places: dict[str, list[int]], words: list[str]) -> Iterator[tuple[int, int]]:
    """(first, last) token indices of each place the words are written in a row."""
    for first in places.get(words[0], ()):
        end = first + len(words)
        if end <= len(doc.tokens) and [t.text for t in doc.tokens[first:end]] == words:
            yield first, end - 1


def _read_before(doc: RuleDoc, first: int, last: int) -> Mention | None:
    """The widest role phrase that ends at the name: each word back that a role head or
    title opens is tried, stopping at a cue, a clause word, punctuation other than a comma,
    or a preposition before a role already found."""
    found = None
    k = first
    while (k := doc.previous_token(k)) is not None and first - k <= MAX_ROLE_WORDS:
        tok = doc.tokens[k]
        if tok.text in "،," or doc.opens_quote(k) or doc.closes_quote(k):
            continue
        if not tok.is_word or doc.inside_quote(k) or doc.cue_at(k) or doc.is_complementizer(k) \
                or doc.is_word(k, "mk.clause-break"):
            break
        if found is not None and doc.is_preposition(k):
            break  # المندوب الروسي على زيارة الوزير شويغو: the role after it is the name's
        if opens_description(doc, k):
            mention = analyse(doc, k, last)
            if _names_with_role(doc, mention, first, last) and mention.role[1] <= doc.tokens[first].start:
                found = mention
        if _joins_another(doc, k):
            break  # تيريزا ماي، والأمير تشارلز: the role before it is the first person's
    return found


def _joins_another(doc: RuleDoc, k: int) -> bool:
    """و written on a role or title (والأمير، ووزير; not وزير، والي): another person joined
    to the one before."""
    bare = conjunction_off(doc.tokens[k].text)
    return bare is not None and opens_description(doc, k, bare)


def _read_after(doc: RuleDoc, first: int, last: int) -> Mention | None:
    """An apposition after the name, a role head first, with or without a comma
    (طارق عبده مدير مطار عدن، سايمن شو، أحد مسؤولي الفن)."""
    k = doc.next_token(last)
    if k is not None and doc.tokens[k].text in "،,":
        k = doc.next_token(k)
    k = _past_works_as(doc, k)
    if k is None or not doc.tokens[k].is_word or not opens_description(doc, k) or _after_preposition(doc, k):
        return None  # قال لوكالة الصحافة: who he spoke to, not what he is
    mention = analyse(doc, first, phrase_end(doc, k))
    ok = _names_with_role(doc, mention, first, last) and mention.role[0] >= doc.tokens[last].end
    return mention if ok else None


def _past_works_as(doc: RuleDoc, k: int | None) -> int | None:
    """The office of a relative clause that says what the person works as (التي تعمل
    معاونة لمدير، الذي يشغل منصب مدير): its first token; otherwise k."""
    if k is None or not doc.is_word(k, "mk.relative"):
        return k
    j = k
    while (nxt := doc.next_token(j)) is not None and doc.tokens[nxt].text in doc.lexicon.name_class("nw.works-as"):
        j = nxt
    return doc.next_token(j) if j != k else k


def _after_preposition(doc: RuleDoc, k: int) -> bool:
    """The role head carries ل or ب (لوكالة، للنادي، بالمجلس), not لاعب or باحث."""
    word = doc.tokens[k].text
    bare = "ال" + word[2:] if word.startswith("لل") else word[1:]
    return word[:1] in "لب" and match_role(doc.lexicon, [bare], 0) is not None


def _names_with_role(doc: RuleDoc, mention: Mention, first: int, last: int) -> bool:
    """The phrase read names the person at exactly these words, and gives a role."""
    return mention.role is not None and mention.name == (doc.tokens[first].start, doc.tokens[last].end)
