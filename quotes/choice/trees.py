"""Gradient-boosted trees that rank options: a softmax over one quote's options, stored as JSON.

    trees = Trees.fit(groups, labels)          # groups: per quote, its options' feature dicts
    best = trees.choose(features)              # the index of the option it picks
    trees.explain(features[best])              # the splits on its paths, with what each added
    Trees.from_json(trees.to_json())           # the same model

The linear ranker (quotes.choice.ranker) adds up one weight a feature, so it cannot say
that a feature counts for an implied subject and not for a written one unless the pair is
a feature of its own. Trees find such pairs. Each round fits one small tree to the
gradient of the listwise loss, -log P(a right option) over a quote's options, whose
gradient on an option's score is p_i - target_i, the target spread over the right options
in proportion to p; leaves take Newton steps, -G / (H + l2), shrunk by `shrinkage`.

Splits are "feature > threshold", an absent feature being 0; the thresholds are 0 and the
values a feature takes below its largest (at most MAX_THRESHOLDS of them), so an indicator
(all of quotes.choice.features) has the one split "present". Everything is full-batch and
ties go to the first feature by name, so the same data give the same trees.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from quotes.choice.ranker import Features, kept_groups, model_data, model_json, with_lead

FORMAT = "quotes-speaker-trees/1"
MAX_THRESHOLDS = 16  # splits tried on one feature


@dataclass(frozen=True)
class Columns:
    """The options of the training quotes as binary columns "feature > threshold":
    for each column the rows (options) where it holds, rows grouped by quote."""

    splits: list[tuple[str, float]]
    rows: np.ndarray  # the option of each (option, column) entry, sorted by column
    starts: np.ndarray  # column c's entries are rows[starts[c]:starts[c + 1]]
    cols: np.ndarray  # the column of each entry, in the order of rows
    group_of: np.ndarray
    right: np.ndarray

    def holding(self, c: int) -> np.ndarray:
        return self.rows[self.starts[c]:self.starts[c + 1]]


@dataclass(frozen=True)
class Trees:
    """trees: each a list of nodes, the root first; a split node is
    {"split": [feature, threshold], "yes": i, "no": j, "value": v}, a leaf {"value": v}.
    A node's value is what it would add as a leaf (its Newton step, shrunk), which is what
    explain() reads the splits' contributions from."""

    trees: list[list[dict]]
    meta: dict = field(default_factory=dict)

    # --- predicting ---------------------------------------------------------------------
    def score(self, features: Features) -> float:
        return sum(tree[_leaf(tree, features)]["value"] for tree in self.trees)

    def choose(self, options: Sequence[Features]) -> int:
        """The index of the best option. The first (the resolver's own) is kept unless
        another leads it by `lead` (meta), the margin cross-validation found worth it."""
        return with_lead([self.score(f) for f in options], self.meta.get("lead", 0.0))

    def explain(self, features: Features, top: int = 5) -> list[tuple[str, float]]:
        """The splits this option's paths went through, each with the sum over trees of what
        it changed the value by (Saabas); "no X" where the option lacks X."""
        parts: dict[str, float] = {}
        for tree in self.trees:
            node = tree[0]
            while "split" in node:
                name, threshold = node["split"]
                value = features.get(name, 0.0)
                child = tree[node["yes"] if value > threshold else node["no"]]
                label = _condition(name, threshold, value > threshold)
                parts[label] = parts.get(label, 0.0) + child["value"] - node["value"]
                node = child
        ranked = sorted(parts.items(), key=lambda kv: (-abs(kv[1]), kv[0]))
        return [(k, round(v, 3)) for k, v in ranked[:top]]

    def size(self) -> str:
        return f"{len(self.trees)} trees, {sum('split' in node for tree in self.trees for node in tree)} splits"

    def features_used(self) -> set[str]:
        return {node["split"][0] for tree in self.trees for node in tree if "split" in node}

    # --- training -----------------------------------------------------------------------
    @classmethod
    def fit(cls, groups: Sequence[Sequence[Features]], labels: Sequence[Sequence[bool]], rounds: int = 200,
            depth: int = 3, shrinkage: float = 0.1, l2: float = 1.0, min_hessian: float = 1.0,
            min_count: int = 2, lead: float = 0.0) -> Trees:
        """Fit on the quotes that have a right option and more than one; features seen
        fewer than `min_count` times are left out; a leaf holds options of hessian at
        least `min_hessian` (about that many options in doubt)."""
        kept = kept_groups(groups, labels)
        columns = _columns(kept, min_count)
        scores = np.zeros(len(columns.group_of))
        trees = []
        for _ in range(rounds):
            grad, hess = _gradients(scores, columns.group_of, columns.right)
            tree, leaf_of = _grow(columns, grad, hess, depth, l2, min_hessian, shrinkage)
            if len(tree) == 1:
                break  # no split gains: the scores stay, so every later tree would be this one
            trees.append(tree)
            scores += np.array([tree[i]["value"] for i in range(len(tree))])[leaf_of]
        meta = {"quotes": len(kept), "options": len(columns.group_of), "features": len({k for k, _ in columns.splits}),
                "rounds": rounds, "depth": depth, "shrinkage": shrinkage, "l2": l2, "min_hessian": min_hessian,
                "min_count": min_count, "lead": lead}
        return cls(trees, meta)

    # --- storing ------------------------------------------------------------------------
    def to_json(self) -> str:
        return model_json(FORMAT, self.meta, trees=self.trees)

    @classmethod
    def from_json(cls, text: str) -> Trees:
        data = model_data(text, FORMAT)
        trees = [[{**node, "split": tuple(node["split"])} if "split" in node else node for node in tree]
                 for tree in data["trees"]]
        return cls(trees, data.get("meta", {}))


def _leaf(tree: list[dict], features: Features) -> int:
    i = 0
    while "split" in tree[i]:
        name, threshold = tree[i]["split"]
        i = tree[i]["yes"] if features.get(name, 0.0) > threshold else tree[i]["no"]
    return i


def _condition(name: str, threshold: float, holds: bool) -> str:
    if threshold == 0.0:
        return name if holds else f"no {name}"
    return f"{name}>{threshold:g}" if holds else f"{name}<={threshold:g}"


def _columns(kept, min_count: int) -> Columns:
    """Binary columns of the options: for each feature seen at least `min_count` times,
    one column a threshold (0 and its values below the largest)."""
    counts: dict[str, int] = {}
    values: dict[str, set[float]] = {}
    for options, _ in kept:
        for f in options:
            for k, v in f.items():
                counts[k] = counts.get(k, 0) + 1
                values.setdefault(k, set()).add(float(v))
    splits = [(k, t) for k in sorted(k for k, n in counts.items() if n >= min_count) for t in _thresholds(values[k])]
    by_name: dict[str, list[tuple[int, float]]] = {}
    for c, (k, t) in enumerate(splits):
        by_name.setdefault(k, []).append((c, t))
    rows, cols, group_of, right = [], [], [], []
    for q, (options, ys) in enumerate(kept):
        for f, y in zip(options, ys):
            for k, v in f.items():
                for c, t in by_name.get(k, ()):
                    if v > t:
                        rows.append(len(group_of))
                        cols.append(c)
            group_of.append(q)
            right.append(y)
    rows_a, cols_a = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
    order = np.argsort(cols_a, kind="stable")
    starts = np.searchsorted(cols_a[order], np.arange(len(splits) + 1))
    return Columns(splits, rows_a[order], starts, cols_a[order], np.array(group_of, dtype=np.int64),
                   np.array(right, dtype=bool))


def _thresholds(values: set[float]) -> list[float]:
    """Where to split a feature: 0 and its values below the largest; for a feature of many
    values (a score), MAX_THRESHOLDS of them evenly spaced in order."""
    seen = [t for t in sorted(values | {0.0})[:-1] if t >= 0.0]
    if len(seen) <= MAX_THRESHOLDS:
        return seen
    return sorted({seen[round(i * (len(seen) - 1) / (MAX_THRESHOLDS - 1))] for i in range(MAX_THRESHOLDS)})


def _gradients(scores: np.ndarray, group_of: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The listwise loss's gradient on each option's score, p - target with the target
    p / P(right) on the right options, and the softmax's diagonal hessian p (1 - p)."""
    n_groups = int(group_of.max()) + 1 if len(group_of) else 0
    top = np.full(n_groups, -np.inf)
    np.maximum.at(top, group_of, scores)
    e = np.exp(scores - top[group_of])
    total = np.bincount(group_of, weights=e, minlength=n_groups)
    good = np.bincount(group_of, weights=e * right, minlength=n_groups)
    p = e / total[group_of]
    target = np.where(right, e / good[group_of], 0.0)
    return p - target, np.maximum(p * (1.0 - p), 1e-6)


def _grow(columns: Columns, grad: np.ndarray, hess: np.ndarray, depth: int, l2: float, min_hessian: float,
          shrinkage: float) -> tuple[list[dict], np.ndarray]:
    """One tree grown level by level to `depth`, each node split on the column of most
    gain whose sides both keep `min_hessian`; and the leaf each option falls in."""
    n_cols = len(columns.splits)
    node_of = np.zeros(len(grad), dtype=np.int64)  # each option's node in the tree
    tree = [_node(grad.sum(), hess.sum(), l2, shrinkage)]
    level = [0]
    for _ in range(depth):
        slot = np.full(len(tree), -1, dtype=np.int64)
        slot[level] = np.arange(len(level))
        at = slot[node_of]  # each option's place among this level's nodes, -1 if in a leaf above
        g_node = np.bincount(at[at >= 0], weights=grad[at >= 0], minlength=len(level))
        h_node = np.bincount(at[at >= 0], weights=hess[at >= 0], minlength=len(level))
        entry_at = at[columns.rows]
        live = entry_at >= 0
        key = entry_at[live] * n_cols + columns.cols[live]
        size = len(level) * n_cols
        g_yes = np.bincount(key, weights=grad[columns.rows[live]], minlength=size).reshape(len(level), n_cols)
        h_yes = np.bincount(key, weights=hess[columns.rows[live]], minlength=size).reshape(len(level), n_cols)
        g_no, h_no = g_node[:, None] - g_yes, h_node[:, None] - h_yes
        gain = g_yes ** 2 / (h_yes + l2) + g_no ** 2 / (h_no + l2) - (g_node ** 2 / (h_node + l2))[:, None]
        gain[(h_yes < min_hessian) | (h_no < min_hessian)] = -np.inf
        next_level = []
        for j, node in enumerate(level):
            best = int(np.argmax(gain[j])) if n_cols else 0
            if not n_cols or gain[j, best] <= 1e-9:
                continue
            yes, no = len(tree), len(tree) + 1
            tree.append(_node(g_yes[j, best], h_yes[j, best], l2, shrinkage))
            tree.append(_node(g_no[j, best], h_no[j, best], l2, shrinkage))
            tree[node].update({"split": columns.splits[best], "yes": yes, "no": no})
            holding = np.zeros(len(grad), dtype=bool)
            holding[columns.holding(best)] = True
            mine = node_of == node
            node_of[mine & holding], node_of[mine & ~holding] = yes, no
            next_level += [yes, no]
        if not next_level:
            break
        level = next_level
    return tree, node_of


def _node(g: float, h: float, l2: float, shrinkage: float) -> dict:
    return {"value": round(float(-shrinkage * g / (h + l2)), 6)}
