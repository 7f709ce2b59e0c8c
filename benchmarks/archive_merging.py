"""How well the archive merges speakers across documents, against gold speakers.

    python benchmarks/archive_merging.py PRED.jsonl [--shared ../shared] [--same "NAME=NAME" ...]

PRED.jsonl: `quotes extract` over the articles of ../shared/train and ../shared/dev, each
document's id its file name (e.g. the JSON Lines input {"id": "x.txt", "text": ...}). The
script stores them in a new SQLite archive, pairs each predicted quote with its gold quote
as the scorer does, and counts, over the quotes whose gold source is named:
- purity: archive speakers whose quotes all belong to one gold person;
- splits: gold persons whose quotes are under more than one archive speaker;
once for every paired quote and once for those whose predicted name is the gold one (the
merging alone, extraction errors aside), for the archive's grouping and for exact keys only.
A gold person is a gold name's key (names.key); `--same A=B` says two gold names are one
person (hand-checked, e.g. جواد ظريف=محمد جواد ظريف). Impure speakers and split persons are
listed for checking by hand.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from pathlib import Path

from quotes.archive import Archive
from quotes.archive.loading import Refusal, predictions
from quotes.archive.names import key
from quotes.evaluate import match_quotes, norm

DEFAULT_SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def gold_documents(shared: Path) -> dict[str, tuple[dict, str]]:
    out = {}
    for split in ("train", "dev"):
        for line in open(shared / split / "gold.jsonl", encoding="utf-8"):
            g = json.loads(line)
            out[g["document"]] = (g, (shared / split / "texts" / g["document"]).read_text(encoding="utf-8"))
    return out


def pairs(archive: Archive, golds: dict, preds: Path, same: dict[str, str]):
    """(archive speaker, exact key, gold person, right name) for each paired quote with a named gold source."""
    from sqlalchemy import select
    from quotes.archive import tables as t
    with archive.db.connect() as conn:
        speaker_of = dict(conn.execute(select(t.aliases.c.key, t.aliases.c.speaker)).all())
    for line in open(preds, encoding="utf-8"):
        p = json.loads(line)
        g, text = golds[Path(p["document"]).name]
        for gi, pi in match_quotes(text, g["quotes"], p["quotes"], 0.5):
            gname = g["quotes"][gi].get("speaker_name")
            pname = p["quotes"][pi]["speaker"]["name"] if pi is not None else None
            if gname and pname:
                person = key(same.get(norm(gname), gname))
                yield speaker_of[key(pname)], key(pname), person, norm(pname) == norm(gname)


def merged(archive: Archive) -> list[tuple[str, str, str]]:
    """(rule, name, speaker's name) for every name a rule put under a speaker of another name."""
    from sqlalchemy import select
    from quotes.archive import tables as t
    with archive.db.connect() as conn:
        return [tuple(r) for r in conn.execute(
            select(t.aliases.c.rule, t.aliases.c.name, t.speakers.c.name)
            .join(t.speakers, t.aliases.c.speaker == t.speakers.c.id)
            .where(t.aliases.c.rule.in_(["spelling", "shorter", "fuller"])).order_by(t.aliases.c.rule, t.aliases.c.key))]


def measure(rows, which: int) -> dict:
    """Purity and splits with rows grouped by column `which` (0: the archive, 1: exact keys)."""
    persons_of, speakers_of = defaultdict(set), defaultdict(set)
    for row in rows:
        persons_of[row[which]].add(row[2])
        speakers_of[row[2]].add(row[which])
    pure = sum(len(p) == 1 for p in persons_of.values())
    split = sum(len(s) > 1 for s in speakers_of.values())
    return {"speakers": len(persons_of), "pure": pure, "purity": round(pure / max(1, len(persons_of)), 3),
            "persons": len(speakers_of), "split": split, "split_rate": round(split / max(1, len(speakers_of)), 3),
            "impure": {s: sorted(p) for s, p in persons_of.items() if len(p) > 1},
            "split_persons": {p: sorted(map(str, s)) for p, s in speakers_of.items() if len(s) > 1}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("predictions", type=Path)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--same", action="append", default=[], metavar="A=B")
    ap.add_argument("--list", action="store_true", help="List impure speakers and split persons.")
    args = ap.parse_args()
    golds = gold_documents(args.shared)
    same = {norm(a): b for a, b in (s.split("=", 1) for s in args.same)}
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "inputs.jsonl"
        inputs.write_text("".join(json.dumps({"id": d, "text": text}, ensure_ascii=False) + "\n"
                                  for d, (_, text) in golds.items()), encoding="utf-8")
        with Archive.open(str(Path(tmp) / "archive.db"), create=True) as archive:
            entries = [e for e in predictions([str(args.predictions)], inputs=[str(inputs)]) if not isinstance(e, Refusal)]
            archive.add(entries)
            rows = list(pairs(archive, golds, args.predictions, same))
            names = {s.id: s.name for s in archive.speakers()}
            merges = merged(archive)
    print("| quotes | grouping | archive speakers | pure | purity | gold persons | split | split rate |")
    print("|---|---|---|---|---|---|---|---|")
    for label, subset in (("all paired", rows), ("right name", [r for r in rows if r[3]])):
        for grouping, which in (("archive", 0), ("exact key", 1)):
            m = measure(subset, which)
            print(f"| {label} ({len(subset)}) | {grouping} | {m['speakers']} | {m['pure']} | {m['purity']} | "
                  f"{m['persons']} | {m['split']} | {m['split_rate']} |")
            if args.list and which == 0:
                for s, persons in m["impure"].items():
                    print(f"    impure #{s} {names.get(s)}: {' / '.join(persons)}")
                for person, speakers in m["split_persons"].items():
                    print(f"    split {person}: {' / '.join(names.get(int(s), s) for s in speakers)}")
    print(f"\n{len(merges)} names merged into a speaker by a rule, to check by hand:")
    for rule, name, speaker in merges:
        print(f"- {rule}: {name} -> {speaker}")


if __name__ == "__main__":
    main()
