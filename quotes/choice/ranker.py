"""A linear ranker of options: a softmax over one quote's options, fitted to gold, stored as JSON.

    ranker = Ranker.fit(groups, labels)        # groups: per quote, its options' feature dicts
    best = ranker.choose(features)             # the index of the option it picks
    ranker.explain(features[best])             # the features that weighed most, with their weights
    Ranker.from_json(ranker.to_json())         # the same model

Training maximises the likelihood that a right option is chosen (any of them: several
options may give the right speaker), with an L2 penalty, by full-batch gradient descent
with Adam for a fixed number of steps from zero weights: the same data give the same
weights. Features are sorted by name, so the stored model does not depend on input order.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

FORMAT = "quotes-speaker-ranker/1"
Features = dict[str, float]


@dataclass(frozen=True)
class Ranker:
    weights: dict[str, float]
    meta: dict = field(default_factory=dict)

    # --- predicting ---------------------------------------------------------------------
    def score(self, features: Features) -> float:
        return sum(self.weights.get(k, 0.0) * v for k, v in features.items())

    def choose(self, options: Sequence[Features]) -> int:
        """The index of the best option. The first (the resolver's own) is kept unless
        another leads it by `lead` (meta), the margin cross-validation found worth it."""
        return with_lead([self.score(f) for f in options], self.meta.get("lead", 0.0))

    def explain(self, features: Features, top: int = 5) -> list[tuple[str, float]]:
        """The features that weighed most in this option's score, with their contributions."""
        parts = [(k, round(self.weights.get(k, 0.0) * v, 3)) for k, v in features.items() if k in self.weights]
        return sorted(parts, key=lambda kv: -abs(kv[1]))[:top]

    def size(self) -> str:
        return f"{len(self.weights)} weights"

    def features_used(self) -> set[str]:
        return set(self.weights)

    # --- training -----------------------------------------------------------------------
    @classmethod
    def fit(cls, groups: Sequence[Sequence[Features]], labels: Sequence[Sequence[bool]], l2: float = 1.0,
            steps: int = 400, rate: float = 0.05, min_count: int = 2, lead: float = 0.0) -> Ranker:
        """Fit on the quotes that have a right option; features seen fewer than `min_count`
        times are left out."""
        kept = kept_groups(groups, labels)
        counts: dict[str, int] = {}
        for options, _ in kept:
            for f in options:
                for k in f:
                    counts[k] = counts.get(k, 0) + 1
        names = sorted(k for k, n in counts.items() if n >= min_count)
        index = {k: i for i, k in enumerate(names)}
        rows, cols, vals, group_of, right = [], [], [], [], []
        n = 0
        for q, (options, ys) in enumerate(kept):
            for f, y in zip(options, ys):
                for k, v in f.items():
                    if k in index:
                        rows.append(n)
                        cols.append(index[k])
                        vals.append(v)
                group_of.append(q)
                right.append(y)
                n += 1
        w = _adam(np.array(rows, dtype=int), np.array(cols, dtype=int), np.array(vals, dtype=float),
                  np.array(group_of, dtype=int), np.array(right, dtype=bool), len(names), len(kept), l2, steps, rate)
        weights = {k: round(float(x), 6) for k, x in zip(names, w) if abs(x) >= 1e-6}
        meta = {"quotes": len(kept), "options": n, "features": len(names), "l2": l2, "steps": steps,
                "rate": rate, "min_count": min_count, "lead": lead}
        return cls(weights, meta)

    # --- storing ------------------------------------------------------------------------
    def to_json(self) -> str:
        return model_json(FORMAT, self.meta, weights=self.weights)

    @classmethod
    def from_json(cls, text: str) -> Ranker:
        data = model_data(text, FORMAT)
        return cls({k: float(v) for k, v in data["weights"].items()}, data.get("meta", {}))


def model_json(format_id: str, meta: dict, **body) -> str:
    """A speaker model as stored: its format, its meta and its body, keys sorted."""
    return json.dumps({"format": format_id, "meta": meta, **body}, ensure_ascii=False, indent=1, sort_keys=True)


def model_data(text: str, format_id: str) -> dict:
    """A stored speaker model's data, or a ValueError when it is not of `format_id`."""
    data = json.loads(text)
    if data.get("format") != format_id:
        raise ValueError(f"not a speaker model ({format_id} expected, got {data.get('format')!r}); "
                         f"train one with `quotes resolver train`")
    return data


def with_lead(scores: Sequence[float], lead: float) -> int:
    """The best-scoring option (the first of equals), unless it leads the first, the
    resolver's own, by less than `lead`."""
    best = max(range(len(scores)), key=lambda i: (scores[i], -i))
    return best if scores[best] - scores[0] >= lead else 0


def kept_groups(groups: Sequence[Sequence[Features]], labels: Sequence[Sequence[bool]]) -> list:
    """The quotes a ranker can learn from: a right option, and another to tell it from."""
    return [(g, y) for g, y in zip(groups, labels) if any(y) and len(g) > 1]


def _adam(rows, cols, vals, group_of, right, n_features, n_groups, l2, steps, rate):
    """Weights minimising -sum log P(a right option) + l2/2 |w|^2 over the groups."""
    w = np.zeros(n_features)
    m, v = np.zeros(n_features), np.zeros(n_features)
    b1, b2, eps = 0.9, 0.999, 1e-8
    n_options = len(group_of)
    for t in range(1, steps + 1):
        scores = np.bincount(rows, weights=vals * w[cols], minlength=n_options)
        top = np.full(n_groups, -np.inf)
        np.maximum.at(top, group_of, scores)
        e = np.exp(scores - top[group_of])
        total = np.bincount(group_of, weights=e, minlength=n_groups)
        good = np.bincount(group_of, weights=e * right, minlength=n_groups)
        # d(-log good/total)/d score_i = p_i - right_i * p_i / P(right)
        p = e / total[group_of]
        q = np.where(right, e / good[group_of], 0.0)
        resid = p - q
        grad = np.bincount(cols, weights=vals * resid[rows], minlength=n_features) + l2 * w
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad * grad
        w -= rate * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps)
    return w
