"""Pair quote marks, and survive the stray one.

Marks pair within a line. A directional mark (« ») says which side it is on; a symmetric
one (" or “ ” as Arabic text often mirrors them) is read from its spacing: space before
and a letter after opens, a letter before and space or punctuation after closes. A mark
with space on both sides is taken as an opener until the line shows otherwise: if a
clear opener follows while it is still open, or the line ends, it was a stray. So was a
clear opener when the same symmetric mark opens again after a colon before it closes (a
title whose closing mark was forgotten, then a direct quote); elsewhere the second one
nests (استقلت لأسباب "شخصية" in a quote never closed). A clear opener still open at the
line's end quotes to the end of the line.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from quotes.lexicon import QuotePair


FINAL_PUNCTUATION = frozenset(".!?؟،,؛;:")


@dataclass(frozen=True)
class Quoted:
    """A pair of marks: `start`/`end` span the marks (a line end stands in for a missing
    closing mark), `inner_*` the words between them, without the spaces a spaced mark
    leaves (" تراجع كبير ") or final punctuation (ANNOTATION.md: both are trimmed)."""

    start: int
    end: int
    pair: str
    depth: int  # 0 for a quote not inside another
    inner_start: int
    inner_end: int

    @classmethod
    def of(cls, text: str, start: int, end: int, pair: str, depth: int) -> Quoted:
        inner_start, inner_end = start + 1, end - 1
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        while inner_end > inner_start and (text[inner_end - 1].isspace() or text[inner_end - 1] in FINAL_PUNCTUATION):
            inner_end -= 1
        return cls(start, end, pair, depth, inner_start, inner_end)


@dataclass
class _Open:
    at: int
    pairs: frozenset[str]
    clear: bool  # spacing said "opener"


def _roles(pairs: tuple[QuotePair, ...]) -> dict[str, dict[str, set[str]]]:
    """mark -> {"open": pair ids it may open, "close": pair ids it may close}."""
    roles: dict[str, dict[str, set[str]]] = {}
    for p in pairs:
        for mark, side in ((p.open, "open"), (p.close, "close")):
            sides = roles.setdefault(mark, {"open": set(), "close": set()})
            sides[side].add(p.id)
            if p.symmetric:
                sides["close" if side == "open" else "open"].add(p.id)
    return roles


def _looks(text: str, i: int) -> str:
    """'open', 'close' or 'both' from the spacing around the mark at i."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    space_before = before.isspace() or before in "([{"
    space_after = after.isspace() or after in ".,،:;؛!?؟)]}"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "both"


def _after_colon(text: str, i: int) -> bool:
    """The mark at i follows a colon, spaces aside: a direct quote begins there."""
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j >= 0 and text[j] == ":"


def pair_marks(text: str, pairs: tuple[QuotePair, ...]) -> tuple[list[Quoted], list[int]]:
    """The paired quotes of `text` (sorted by start) and the offsets of stray marks."""
    roles = _roles(pairs)
    quoted: list[Quoted] = []
    strays: list[int] = []
    stack: list[_Open] = []

    def end_line(at: int) -> None:
        while stack:
            top = stack.pop()
            if top.clear:
                # A clear opener never closed: the writer forgot the closing mark, and the
                # line end stands in for it.
                quoted.append(Quoted.of(text, top.at, at + 1, min(top.pairs), len(stack)))
            else:
                strays.append(top.at)

    for i, ch in enumerate(text):
        if ch == "\n":
            end_line(i)
            continue
        sides = roles.get(ch)
        if sides is None:
            continue
        look = _looks(text, i)
        top = stack[-1] if stack else None
        closes = top is not None and bool(sides["close"] & top.pairs)
        if closes and look == "open" and sides["open"] and (not top.clear or (text[top.at] == ch and _after_colon(text, i))):
            # the earlier mark was a stray: unclear, or the same symmetric mark opening a new
            # quote after a colon (البرنامج "سيلفي ... قائلا: "وما نريد ...")
            strays.append(stack.pop().at)
            closes = False
        if closes and (look != "open" or not sides["open"]):
            stack.pop()
            quoted.append(Quoted.of(text, top.at, i + 1, min(sides["close"] & top.pairs), len(stack)))
        elif sides["open"]:
            stack.append(_Open(i, frozenset(sides["open"]), look == "open"))
        else:
            strays.append(i)
    end_line(len(text))
    return sorted(quoted, key=lambda q: q.start), sorted(strays)


def outermost(quoted: list[Quoted]) -> Iterator[Quoted]:
    """Quotes not inside another: inner quotes belong to the outer one."""
    return (q for q in quoted if q.depth == 0)
