"""The speaker model's card: its data, learner, features and cross-validated scores."""
from __future__ import annotations

from pathlib import Path

from quotes.choice.chooser import Model
from quotes.choice.ranker import Ranker

MEASURES = ("f1", "speaker_strict", "speaker_lenient", "role", "end_to_end")


def card_path(model: Path) -> Path:
    return model.with_name(f"{model.stem.upper()}.md")


def write_card(model: Path, ranker: Model, backend: str, gold: str, articles: int, folds: int,
               scores: dict[str, dict]) -> Path:
    """Write the card beside the model and return its path."""
    meta = ranker.meta
    groups = sorted({k.split("|")[-1].split("=")[0].split(":")[0] for k in ranker.features_used()})
    lines = [
        f"# Speaker model: {model.name}",
        "",
        f"Re-chooses the source of each quote among the options the {backend} resolver's attribution,",
        "the spans near it and the earlier speakers give (quotes/choice/options.py). "
        + _learner(ranker),
        "",
        "## Data",
        f"- {articles} gold articles from `{Path(gold).name}`: {meta['quotes']} quotes with a right option, "
        f"{meta['options']} options.",
        f"- {meta['features']} features seen at least {meta['min_count']} times; {_settings(ranker)}.",
        f"- Feature groups used: {', '.join(groups)}.",
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
              f"quotes resolver train GOLD.jsonl TEXTS/ --backend {backend} {_arguments(ranker)}", "```", ""]
    path = card_path(model)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _learner(ranker: Model) -> str:
    lead = f"the resolver's own choice is kept unless another leads it by {ranker.meta.get('lead', 0.0)}."
    if isinstance(ranker, Ranker):
        return ("A linear ranker:\na softmax over each quote's options, fitted to gold by full-batch Adam from "
                f"zero weights\n(deterministic); {lead}")
    return ("Gradient-boosted trees:\na softmax over each quote's options, each round a small tree fitted to the "
            f"listwise gradient\nwith Newton leaves (deterministic); {lead}")


def _settings(ranker: Model) -> str:
    meta = ranker.meta
    if isinstance(ranker, Ranker):
        return f"{ranker.size()}; L2 {meta['l2']}, {meta['steps']} steps, rate {meta['rate']}"
    return (f"{ranker.size()}; depth {meta['depth']}, shrinkage {meta['shrinkage']}, L2 {meta['l2']}, "
            f"min leaf hessian {meta['min_hessian']}")


def _arguments(ranker: Model) -> str:
    meta = ranker.meta
    if isinstance(ranker, Ranker):
        return f"--learner linear --lead {meta.get('lead', 0.0)} --l2 {meta['l2']} --steps {meta['steps']}"
    return (f"--learner trees --lead {meta.get('lead', 0.0)} --l2 {meta['l2']} --rounds {meta['rounds']} "
            f"--depth {meta['depth']} --shrinkage {meta['shrinkage']}")
