"""One archive speaker for each person or body: the names of all documents, grouped.

    groups = group({"مايك بومبيو": 12, "مايك بومبيوا": 1, "بومبيو": 3}, rules)
    groups[0].head                      # 'مايك بومبيو': the fullest name, the most quoted
    groups[0].links["بومبيو"]           # Link(rule='shorter', via='مايك بومبيو')

Grouping is a function of the archive's names, not of the order documents came in: two
keys are one speaker when they are spelling variants (names.NameRules.spelling_variants),
and a shorter form joins the one speaker whose name it shortens, never one of several
(ظريف joins محمد جواد ظريف while the archive has no other ظريف). Each key keeps the rule
and the key that joined it to its speaker, so a merge can be read and undone: a key split
off by hand (`pinned`) stays a speaker of its own, out of every rule.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from quotes.archive.names import NameRules, skeleton


@dataclass(frozen=True)
class Link:
    rule: str  # "name": the speaker's own; "spelling", "shorter" or "fuller" form of `via`; "split": set apart by hand
    via: str | None = None  # the key it was matched with


@dataclass(frozen=True)
class Group:
    head: str  # the key whose spelling names the speaker
    links: dict[str, Link] = field(default_factory=dict)  # every key of the speaker, the head's included


def group(names: dict[str, int], rules: NameRules, pinned: dict[str, int] | None = None) -> list[Group]:
    """The speakers of `names` (key -> quotes under it), heads sorted; `pinned` (key ->
    speaker id) holds the keys split off by hand, grouped only with the keys pinned with them."""
    pinned = pinned or {}
    free = sorted(k for k in names if k not in pinned)
    joined = _Joined(free)
    for a, b in _spelling_pairs(free, rules):
        joined.union(a, b, "spelling", "spelling")
    for short, full in _shorter_pairs(free, rules, joined):
        joined.union(short, full, "fuller", "shorter")
    groups = [_rooted(keys, joined.edges, names) for keys in joined.sets()]
    by_pin: dict[int, list[str]] = defaultdict(list)
    for k, speaker in pinned.items():
        by_pin[speaker].append(k)
    for keys in by_pin.values():
        head = _head(keys, names)
        groups.append(Group(head, {k: Link("split") for k in sorted(keys)}))
    return sorted(groups, key=lambda g: g.head)


def _spelling_pairs(keys: list[str], rules: NameRules):
    """Pairs of spelling variants; only keys of one skeleton are compared."""
    buckets: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        buckets[skeleton(k)].append(k)
    for bucket in buckets.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                if rules.spelling_variants(a, b):
                    yield a, b


def _shorter_pairs(keys: list[str], rules: NameRules, joined: _Joined):
    """(short, full) for each key that shortens the names of exactly one speaker (names.NameRules.
    shorter_form); longer keys first, so that جواد ظريف has joined محمد جواد ظريف before ظريف
    looks for its speaker."""
    by_edge: dict[str, list[str]] = defaultdict(list)  # a person's name by its last word, a body's by its first
    for k in keys:
        words = k.split()
        by_edge[words[0] if rules.is_organisation(k) else words[-1]].append(k)
    for short in sorted(keys, key=lambda k: (-len(k.split()), k)):
        words = short.split()
        fulls = [f for f in by_edge[words[0] if rules.is_organisation(short) else words[-1]]
                 if rules.shorter_form(short, f)]
        speakers = {joined.find(f) for f in fulls} - {joined.find(short)}
        if len(speakers) == 1:
            yield short, max(fulls, key=lambda f: (len(f.split()), f))


def _head(keys: list[str], names: dict[str, int]) -> str:
    """The name the speaker is listed by: the fullest key written at least a third as often as
    the most written one (محمد جواد ظريف beside ظريف, not a one-off run-on such as ولاتزال روسيا
    beside روسيا), then the most quoted."""
    most = max(names.get(k, 0) for k in keys)
    often = [k for k in keys if 3 * names.get(k, 0) >= most]
    return min(often, key=lambda k: (-len(k.split()), -names.get(k, 0), k))


def _rooted(keys: list[str], edges: dict[str, list[tuple[str, str]]], names: dict[str, int]) -> Group:
    """The group with each key linked by the edge that reached it from the head: what it is of
    the key before it on the way."""
    head = _head(keys, names)
    links, frontier = {head: Link("name")}, [head]
    while frontier:
        k = frontier.pop(0)
        for other, rule in sorted(edges[k]):
            if other not in links:
                links[other] = Link(rule, k)
                frontier.append(other)
    return Group(head, dict(sorted(links.items())))


class _Joined:
    """Union-find over keys that remembers each union's edge, and how each end relates to the other."""

    def __init__(self, keys: list[str]):
        self.parent = {k: k for k in keys}
        self.edges: dict[str, list[tuple[str, str]]] = defaultdict(list)

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str, b_to_a: str, a_to_b: str) -> None:
        """Join a's and b's sets; b is `b_to_a` of a (a "fuller" form), a is `a_to_b` of b."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        self.parent[max(ra, rb)] = min(ra, rb)
        self.edges[a].append((b, b_to_a))
        self.edges[b].append((a, a_to_b))

    def sets(self) -> list[list[str]]:
        members: dict[str, list[str]] = defaultdict(list)
        for k in self.parent:
            members[self.find(k)].append(k)
        return list(members.values())
