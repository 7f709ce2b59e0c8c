"""The speaker model's card: its data, learner, features and cross-validated scores."""
from __future__ import annotations

from pathlib import Path

from quotes.choice.ranker import Ranker

MEASURES = ("f1", "speaker_strict", "speaker_lenient", "role", "end_to_end")


def card_path(model: Path) -> Path:
    return model.with_name(f"{model.stem.upper()}.md")


def write_card(model: Path, ranker: Ranker, backend: str, gold: str, articles: int, folds: int,
               scores: dict[str, dict]) -> Path:
    """Write the card beside the model and return its path."""
    meta = ranker.meta
    groups = sorted({k.split("|")[-1].split("=")[0].split(":")[0] for k in ranker.weights})
    lines = [
        f"# Speaker model: {model.name}",
        "",
        f"Re-chooses the source of each quote among the options the {backend} resolver's attribution,",
        "the spans near it and the earlier speakers give (quotes/choice/options.py). A linear ranker:",
        "a softmax over each quote's options, fitted to gold by full-batch Adam from zero weights",
        "(deterministic); the resolver's own choice is kept unless another leads it by "
        f"{meta.get('lead', 0.0)}.",
        "",
        "## Data",
        f"- {articles} gold articles from `{Path(gold).name}`: {meta['quotes']} quotes with a right option, "
        f"{meta['options']} options.",
        f"- {meta['features']} features seen at least {meta['min_count']} times, {len(ranker.weights)} weights; "
        f"L2 {meta['l2']}, {meta['steps']} steps, rate {meta['rate']}.",
        f"- Feature groups: {', '.join(groups)}.",
        "",
        "## Cross-validated scores",
    ]
    if scores:
        lines += [f"{folds} folds of whole articles, each predicted by a model trained on the others, scored",
                  "as ../shared/tools/score.py scores (`quotes resolver cv`):", "",
                  "| | " + " | ".join(MEASURES) + " |", "|---" * (len(MEASURES) + 1) + "|"]
        for name, report in scores.items():
            lines.append(f"| {name} | " + " | ".join(str(report[m]) for m in MEASURES) + " |")
    else:
        lines.append("Not measured (trained with --folds 0).")
    lines += ["", "## Reproduce", "```sh",
              f"quotes resolver train GOLD.jsonl TEXTS/ --backend {backend} --lead {meta.get('lead', 0.0)} "
              f"--l2 {meta['l2']} --steps {meta['steps']}", "```", ""]
    path = card_path(model)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
