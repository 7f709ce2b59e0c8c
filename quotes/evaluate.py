"""Score predictions against gold, as ../shared/tools/score.py does, and break it down.

The matching and the measures are those of the project's scorer, so `quotes eval` and
score.py print the same figures; on top: precision, recall and F1 for each quote type,
and F1 at several coverage thresholds (how much of a gold span a prediction must cover).
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
PUNCT = " \t\n\r\"'«»“”„‘’‹›.,،:;؛!?؟-–—()[]"
TYPES = ("direct", "indirect", "mixed", "headline")
COVERAGES = (0.3, 0.5, 0.8)


def norm(s: str | None) -> str | None:
    """The scorer's comparison form: NFKC, no diacritics, one alef, ي for ى, ه for ة."""
    if s is None:
        return None
    s = DIACRITICS.sub("", unicodedata.normalize("NFKC", s))
    s = re.sub("[إأآٱ]", "ا", s).replace("ى", "ي").replace("ی", "ي").replace("ة", "ه").replace("ک", "ك")
    return " ".join(s.split()).strip(PUNCT)


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in PUNCT:
        s += 1
    while e > s and text[e - 1] in PUNCT:
        e -= 1
    return s, e


def tok_f1(a: str, b: str) -> float:
    at, bt = a.split(), b.split()
    inter = len(set(at) & set(bt))
    return 2 * inter / (len(at) + len(bt)) if inter else 0.0


def speaker_ok(pred: dict, gold: dict, gold_doc: dict, strict: bool) -> bool:
    sp = pred.get("speaker") or {}
    mention = norm((sp.get("mention") or {}).get("text"))
    gname = norm(gold.get("speaker_name"))
    if not gname:  # an unnamed source: its description must match
        want = norm(gold.get("speaker_mention") or gold.get("speaker_role"))
        got = [norm(sp.get("name")), mention, norm(sp.get("role"))]
        return bool(want) and any(g and tok_f1(g, want) >= 0.5 for g in got)
    pname = norm(sp.get("name"))
    if pname == gname:
        return True
    if strict:
        return False
    aliases: set[str | None] = set()
    for s in gold_doc.get("speakers", []):
        if norm(s["name"]) == gname:
            aliases = {norm(a) for a in s.get("aliases", [])} | {gname}
    return any(c and (c in aliases or (len(c) > 3 and c in gname)) for c in (pname, mention))


def role_ok(pred: dict, gold: dict) -> bool:
    g = norm(gold.get("speaker_role"))
    p = norm((pred.get("speaker") or {}).get("role"))
    if not g:
        return True
    return bool(p) and tok_f1(p, g) >= 0.6


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def rate(self, num: str, den: str) -> float:
        return round(self.counts[num] / self.counts[den], 3) if self.counts[den] else 0.0

    def prf(self, match: str = "match", gold: str = "gold", pred: str = "pred",
            pred_match: str | None = None) -> dict[str, float]:
        p = self.counts[pred_match or match] / self.counts[pred] if self.counts[pred] else 0.0
        r = self.counts[match] / self.counts[gold] if self.counts[gold] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def match_quotes(text: str, gold_quotes: list[dict], pred_quotes: list[dict], min_overlap: float):
    """(gold index, pred index or None) pairs, greedily as the scorer matches."""
    used: set[int] = set()
    for gi, gq in enumerate(gold_quotes):
        gs, ge = trim(text, gq["start"], gq["end"])
        best, bi = 0, None
        for i, q in enumerate(pred_quotes):
            if i in used:
                continue
            s, e = trim(text, q["start"], q["end"])
            ov = max(0, min(e, ge) - max(s, gs))
            if ov / max(1, ge - gs) >= min_overlap and ov / max(1, e - s) >= 0.3 and ov > best:
                best, bi = ov, i
        if bi is not None:
            used.add(bi)
        yield gi, bi


def paired(golds: list[dict], preds: list[dict]) -> list[tuple[dict, dict | None]]:
    """Each gold document with the prediction of the same file name (one gold and one output:
    paired whatever their names), or None."""
    if len(golds) == 1:
        return [(golds[0], (preds or [None])[0])]
    by_doc = {os.path.basename(p.get("document") or ""): p for p in preds}
    return [(g, by_doc.get(os.path.basename(g["document"]))) for g in golds]


def score(golds: list[dict], preds: list[dict], text_of: Callable[[dict], str],
          min_overlap: float = 0.5) -> tuple[dict, list[str]]:
    """The scorer's measures, a per-type breakdown, and F1 at each coverage threshold."""
    t = Tally()
    for g, p in paired(golds, preds):
        t.counts["gold"] += len(g["quotes"])
        for gq in g["quotes"]:
            t.counts[f"gold.{gq['type']}"] += 1
        if p is None:
            t.misses.append(f"{g['document']}: no output")
            continue
        text = text_of(g)
        pq = p.get("quotes", [])
        t.counts["pred"] += len(pq)
        for q in pq:
            t.counts[f"pred.{q.get('type')}"] += 1
        matched: set[int] = set()
        for gi, bi in match_quotes(text, g["quotes"], pq, min_overlap):
            gq = g["quotes"][gi]
            gs, ge = trim(text, gq["start"], gq["end"])
            if bi is None:
                t.misses.append(f"{g['document']}: MISSED {gq['type']} [{gq.get('speaker_name')}] {text[gs:ge][:60]}")
                continue
            matched.add(bi)
            q = pq[bi]
            _count_match(t, text, g, gq, q, (gs, ge))
        for i, q in enumerate(pq):
            if i not in matched:
                if norm(q.get("text")) in {norm(n) for n in g.get("not_quotes", [])}:
                    t.counts["false_names"] += 1
                t.misses.append(f"{g['document']}: SPURIOUS {q.get('type')} {q.get('text', '')[:60]}")
        for cov in COVERAGES:
            t.counts[f"match@{cov}"] += sum(b is not None for _, b in match_quotes(text, g["quotes"], pq, cov))
    return _report(t), t.misses


def _count_match(t: Tally, text: str, g: dict, gq: dict, q: dict, gold_span: tuple[int, int]) -> None:
    t.counts["match"] += 1
    t.counts[f"match.{gq['type']}"] += 1
    t.counts[f"pred_match.{q.get('type')}"] += 1
    t.counts["exact"] += trim(text, q["start"], q["end"]) == gold_span
    t.counts["types"] += q.get("type") == gq["type"]
    strict, lenient = speaker_ok(q, gq, g, True), speaker_ok(q, gq, g, False)
    t.counts["spk_strict"] += strict
    t.counts["spk_lenient"] += lenient
    t.counts[f"spk_lenient.{gq['type']}"] += lenient
    t.counts["role"] += role_ok(q, gq)
    if not lenient:
        sp = q.get("speaker") or {}
        t.misses.append(f"{g['document']}: SPEAKER want {gq.get('speaker_name')} got {sp.get('name')} / "
                        f"{(sp.get('mention') or {}).get('text')} :: {text[gold_span[0]:gold_span[1]][:40]}")


def _report(t: Tally) -> dict:
    c = t.counts
    m = max(1, c["match"])
    report = {
        **t.prf(),
        "exact_span": round(c["exact"] / m, 3), "type_acc": round(c["types"] / m, 3),
        "speaker_strict": round(c["spk_strict"] / m, 3), "speaker_lenient": round(c["spk_lenient"] / m, 3),
        "role": round(c["role"] / m, 3),
        "end_to_end": round(c["spk_strict"] / c["gold"], 3) if c["gold"] else 0.0,
        "names_as_quotes": c["false_names"], "gold": c["gold"], "pred": c["pred"], "match": c["match"],
    }
    report["by_type"] = {
        ty: {**t.prf(f"match.{ty}", f"gold.{ty}", f"pred.{ty}", f"pred_match.{ty}"),
             "gold": c[f"gold.{ty}"], "pred": c[f"pred.{ty}"],
             "speaker_lenient": t.rate(f"spk_lenient.{ty}", f"match.{ty}")}
        for ty in TYPES if c[f"gold.{ty}"] or c[f"pred.{ty}"]
    }
    report["coverage"] = {str(cov): t.prf(f"match@{cov}") for cov in COVERAGES}
    return report


def load_many(path: str | Path) -> list[dict]:
    """One JSON document, a JSON list, or JSON Lines; a ValueError names the file and line
    that is not JSON."""
    raw = Path(path).read_text(encoding="utf-8-sig").strip()
    if not raw:
        return []
    try:
        obj = json.loads(raw)
        return obj if isinstance(obj, list) else [obj]
    except json.JSONDecodeError:
        pass
    docs = []
    for number, line in enumerate(raw.splitlines(), 1):
        if line.strip():
            try:
                docs.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{number}: not JSON ({err.msg}); "
                                 "expected the output of quotes extract") from None
    return docs


def documents_without_prediction(golds: list[dict], preds: list[dict]) -> list[str]:
    """The gold documents no prediction is paired with (`paired`)."""
    return [g["document"] for g, p in paired(golds, preds) if p is None]


def text_loader(gold_path: str | Path, texts: str | Path | None) -> Callable[[dict], str]:
    """Where a gold document's text is: inline, or a file in `texts` (default: beside the gold)."""
    folder = Path(texts) if texts else Path(gold_path).resolve().parent

    def text_of(g: dict) -> str:
        if "text" in g:
            return g["text"]
        path = folder / g["document"]
        if not path.is_file():
            hint = "" if texts else "; pass --texts DIR, the folder of the texts"
            raise FileNotFoundError(f"no text for gold document {g['document']}: {path} not found{hint}")
        return path.read_text(encoding="utf-8")

    return text_of
