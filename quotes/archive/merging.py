"""One archive speaker for each person or body: the names of all documents, grouped.

    groups = group({"مايك بومبيو": 12, "مايك بومبيوا": 1, "بومبيو": 3}, rules)
    groups[0].head                      # 'مايك بومبيو': the fullest name, the most quoted
    groups[0].links["بومبيو"]           # Link(rule='shorter', via='مايك بومبيو')

Grouping is a function of the archive's names, not of the order documents came in: two
keys are one speaker when they are spelling variants (names.NameRules.spelling_variants),
and a shorter form joins the one speaker whose name it shortens, never one of several
(ظريف joins محمد جواد ظريف while the archive has no other ظريف). Each key keeps the rule
and the key that joined it to its speaker, so a merge can be read and undone. Two
decisions by hand stand above the rules: a key split off (`pinned`) stays a speaker of its
own, and a key joined to another (`joined`) is one speaker with it; neither takes part in
any rule.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from quotes.archive.names import NameRules, skeleton


@dataclass(frozen=True)
class Link:
    rule: str  # "name": the speaker's own; a "spelling", "shorter" or "fuller" form of `via`;
    # by hand: "split" (set apart), "joined" (to `via`)
    via: str | None = None  # the key it was matched with


@dataclass(frozen=True)
class Group:
    head: str  # the key whose spelling names the speaker
    links: dict[str, Link] = field(default_factory=dict)  # every key of the speaker, the head's included


def group(names: dict[str, int], rules: NameRules, pinned: dict[str, int] | None = None,
          joined: dict[str, str] | None = None) -> list[Group]:
    """The speakers of `names` (key -> quotes under it), heads sorted. By hand: `pinned` (key ->
    speaker id) holds the keys split off, grouped only with the keys pinned with them;
    `joined` (key -> key) the keys joined to another's speaker (alone while that one is not
    in the archive)."""
    pinned, joined = pinned or {}, joined or {}
    free = sorted(k for k in names if k not in pinned and k not in joined)
    sets = _Joined(free)
    for a, b in _spelling_pairs(free, rules):
        sets.union(a, b, "spelling", "spelling")
    for short, full in _shorter_pairs(free, rules, sets):
        sets.union(short, full, "fuller", "shorter")
    members = [(keys, sets.edges) for keys in sets.sets()]
    by_pin: dict[int, list[str]] = defaultdict(list)
    for k, speaker in sorted(pinned.items()):
        by_pin[speaker].append(k)
    members += [(keys, {k: [] for k in keys}) for keys in by_pin.values()]
    for k in sorted(joined):
        at = next((keys for keys, _ in members if _target(k, joined) in keys), None)
        if at is None:
            members.append(([k], {}))
        else:
            at.append(k)
    return sorted((_grouped(keys, edges, names, pinned, joined) for keys, edges in members), key=lambda g: g.head)


def _target(k: str, joined: dict[str, str]) -> str:
    """Where a joined key ends up, through keys joined in turn (a cycle ends where it began)."""
    seen = {k}
    while k in joined and joined[k] not in seen:
        k = joined[k]
        seen.add(k)
    return k


def _grouped(keys: list[str], edges, names: dict[str, int], pinned: dict[str, int], joined: dict[str, str]) -> Group:
    """The group of these keys: rooted at a head that is no joined key where it can be; a key
    decided by hand linked by its decision."""
    own = [k for k in keys if k not in joined] or keys
    group = _rooted(own, edges, names)
    links = {**group.links, **{k: Link("split") for k in own if k in pinned},
             **{k: Link("joined", joined[k]) for k in keys if k in joined}}
    return Group(group.head, dict(sorted(links.items())))


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
        for other, rule in sorted(edges.get(k, ())):
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
