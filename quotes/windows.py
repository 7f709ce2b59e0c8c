"""Long texts in windows, so that time and memory grow with a text's length, not its square.

A text far longer than an article (an archive's dump, a book) is cut into windows of at most
`size` characters, each ending at a paragraph break (else a line break, a sentence end, a
space) in its second half; each window is extracted on its own and the results are joined:
spans shifted into the whole text, quote and entity ids renumbered, the entities of one name
made one. A window ends between paragraphs or sentences, so no quote is cut; an implied
speaker is looked for within its window, which a news article (a few thousand characters)
never leaves.
"""
from __future__ import annotations

from typing import Iterable

from quotes.schema import QuoteDocument

WINDOW_CHARS = 20_000
BREAKS = ("\n\n", "\n", ". ", "، ", " ")  # where a window may end, the best first


def windows(text: str, size: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """(start, end) of each window; one window when the text fits in `size`."""
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = _break_before(text, start, start + size)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _break_before(text: str, start: int, limit: int) -> int:
    """Just after the best break in the second half of text[start:limit], else `limit`."""
    for mark in BREAKS:
        at = text.rfind(mark, start + (limit - start) // 2, limit)
        if at != -1:
            return at + len(mark)
    return limit


def join(parts: Iterable[tuple[int, QuoteDocument]], text: str, document: str | None, backend: str,
         model: str | None) -> QuoteDocument:
    """One document of the windows' results, each given with the offset of its window."""
    quotes: list[dict] = []
    entities: dict[object, dict] = {}  # a name (or an unnamed entity's window and id) -> the joined entity
    errors: list[str] = []
    for offset, part in parts:
        data = _shifted(part.model_dump(mode="json"), offset)
        ids = {e["id"]: _joined(entities, e, offset)["id"] for e in data["entities"]}
        for q in data["quotes"]:
            q["id"] = f"q{len(quotes) + 1}"
            q["speaker"]["entity"] = ids.get(q["speaker"]["entity"])
            quotes.append(q)
        errors += data["errors"]
    data = {"document": document, "backend": backend, "model": model, "quotes": quotes,
            "entities": list(entities.values()), "errors": errors}
    return QuoteDocument.model_validate(data, context={"source": text})


def _joined(entities: dict[object, dict], entity: dict, offset: int) -> dict:
    key = entity["name"] if entity["name"] else (offset, entity["id"])
    joined = entities.setdefault(key, {"id": f"e{len(entities) + 1}", "name": entity["name"], "roles": [],
                                       "titles": [], "mentions": []})
    for field in ("roles", "titles"):
        joined[field] += [x for x in entity[field] if x not in joined[field]]
    joined["mentions"] += entity["mentions"]
    return joined


def _shifted(data, offset: int):
    """`data` with every span's start and end moved by `offset`."""
    if isinstance(data, list):
        return [_shifted(x, offset) for x in data]
    if not isinstance(data, dict):
        return data
    out = {k: _shifted(v, offset) for k, v in data.items()}
    if "start" in out and "end" in out and "text" in out:
        out["start"] += offset
        out["end"] += offset
    return out
