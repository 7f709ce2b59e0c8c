"""`quotes models status`: what is found where, what is in use, sizes, the card's scores."""
from __future__ import annotations

import os
from pathlib import Path

from quotes.nlp import card
from quotes.nlp.resolve import (DEFAULT_PROCESSORS, MODEL_DIR_ENV, SHIPPED_DIR, STANZA_DIR_ENV,
                                ModelNotFoundError, processor_list, resolve_model, stanza_model_files,
                                stanza_resources_dir)

KEY_SCORES = ("words_f1", "upos", "lemma", "las", "ner_f1", "per_f1")


def model_status(model_dir: str | os.PathLike | None = None, processors: str = DEFAULT_PROCESSORS) -> dict:
    """Each place models can come from, in resolution order, and the source in use."""
    needed = processor_list(processors)
    explicit = model_dir or os.environ.get(MODEL_DIR_ENV)
    places = []
    if explicit:
        places.append(_place("dir", Path(explicit), needed))
    places.append(_official_place(stanza_resources_dir(), needed))
    places.append(_place("shipped", SHIPPED_DIR, needed))
    try:
        source = resolve_model(model_dir, needed)
        in_use = {"kind": source.kind, "name": source.name, "path": str(source.path),
                  "files": {p: _size(f) for p, f in source.files.items()}}
    except ModelNotFoundError as error:
        in_use = {"error": str(error)}
    return {"processors": list(needed), "places": places, "in_use": in_use}


def _place(kind: str, path: Path, needed: tuple[str, ...]) -> dict:
    missing = [f"{p}.pt" for p in needed if not (path / f"{p}.pt").is_file()]
    info = card.load(path) if (path / card.CARD_JSON).is_file() else {}
    test = info.get("scores", {}).get("test_float16", {})
    return {"kind": kind, "path": str(path), "found": path.is_dir() and not missing, "missing": missing,
            "name": info.get("name"), "scores": {k: test[k] for k in KEY_SCORES if k in test}}


def _official_place(root: Path, needed: tuple[str, ...]) -> dict:
    place = {"kind": "official", "path": str(root), "found": False, "missing": [], "name": None, "scores": {}}
    if not (root / "resources.json").is_file():
        place["missing"] = ["resources.json"]
        return place
    try:
        files = stanza_model_files(root, needed)
    except KeyError:
        place["missing"] = ["ar models (resources.json has no ar entry)"]
        return place
    place["missing"] = [str(f.relative_to(root)) for f in files.values() if not f.is_file()]
    place["found"] = not place["missing"]
    return place


def _size(path: Path) -> int:
    return path.stat().st_size


def format_status(status: dict) -> str:
    """The status as lines for a terminal."""
    lines = [f"processors: {', '.join(status['processors'])}", "", "searched, in order:"]
    for place in status["places"]:
        mark = "found" if place["found"] else "missing " + ", ".join(place["missing"][:4])
        label = {"dir": f"--model-dir / {MODEL_DIR_ENV}", "official": f"official ({STANZA_DIR_ENV})",
                 "shipped": "shipped"}[place["kind"]]
        lines.append(f"  {label:<28} {place['path']}  [{mark}]")
        if place["scores"]:
            lines.append("  " + " " * 28 + " test: " + ", ".join(f"{k} {100 * v:.1f}" for k, v in place["scores"].items()))
    in_use = status["in_use"]
    lines.append("")
    if "error" in in_use:
        lines.append(f"in use: none. {in_use['error']}")
        return "\n".join(lines)
    total = sum(in_use["files"].values())
    lines.append(f"in use: {in_use['name']} ({in_use['kind']}), {in_use['path']}, {total / 1e6:.1f} MB")
    lines += [f"  {name:<20} {size / 1e6:7.2f} MB" for name, size in in_use["files"].items()]
    return "\n".join(lines)
