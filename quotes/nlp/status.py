"""`quotes models status`: what is found where, what is in use, sizes, the card's scores."""
from __future__ import annotations

import os
from pathlib import Path

from quotes.nlp import card
from quotes.nlp.sources import (DEFAULT_PROCESSORS, MODEL_DIR_ENV, SHIPPED_DIR, STANZA_DIR_ENV, FoundModels,
                                ModelNotFoundError, find_models, find_official, processor_list, resolve_model,
                                stanza_resources_dir)

KEY_SCORES = ("words_f1", "upos", "lemma", "las", "ner_f1", "per_f1")


def model_status(model_dir: str | os.PathLike | None = None, processors: str = DEFAULT_PROCESSORS) -> dict:
    """Each place models can come from, in resolution order, and the source in use."""
    needed = processor_list(processors)
    explicit = model_dir or os.environ.get(MODEL_DIR_ENV)
    places = [("dir", find_models(Path(explicit), needed))] if explicit else []
    places += [("official", find_official(stanza_resources_dir(), needed)),
               ("shipped", find_models(SHIPPED_DIR, needed))]
    try:
        source = resolve_model(model_dir, needed)
        in_use = {"kind": source.kind, "name": source.name, "path": str(source.path),
                  "files": {p: f.stat().st_size for p, f in source.files.items()}}
    except ModelNotFoundError as error:
        in_use = {"error": str(error)}
    return {"processors": list(needed), "places": [_place(kind, found) for kind, found in places],
            "in_use": in_use}


def _place(kind: str, found: FoundModels) -> dict:
    test = card.load(found.path).get("scores", {}).get("test_float16", {})
    return {"kind": kind, "path": str(found.path), "found": not found.missing, "missing": found.missing,
            "scores": {k: test[k] for k in KEY_SCORES if k in test}}


def format_status(status: dict) -> str:
    """The status as lines for a terminal."""
    lines = [f"processors: {', '.join(status['processors'])}", "", "searched, in order:"]
    for place in status["places"]:
        mark = "found" if place["found"] else "missing " + ", ".join(place["missing"][:4])
        label = {"dir": f"--model-dir / {MODEL_DIR_ENV}", "official": f"official ({STANZA_DIR_ENV})",
                 "shipped": "shipped"}[place["kind"]]
        lines.append(f"  {label:<32} {place['path']}  [{mark}]")
        if place["scores"]:
            lines.append("  " + " " * 32 + " test: " + ", ".join(f"{k} {100 * v:.1f}" for k, v in place["scores"].items()))
    in_use = status["in_use"]
    lines.append("")
    if "error" in in_use:
        lines.append(f"in use: none. {in_use['error']}")
        return "\n".join(lines)
    total = sum(in_use["files"].values())
    lines.append(f"in use: {in_use['name']} ({in_use['kind']}), {in_use['path']}, {total / 1e6:.1f} MB")
    lines += [f"  {name:<20} {size / 1e6:7.2f} MB" for name, size in in_use["files"].items()]
    return "\n".join(lines)
