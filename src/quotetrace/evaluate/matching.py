"""Span matching between predicted and gold quotes.

``overlap(pred, gold) = |pred ∩ gold| / |gold|`` (characters); a prediction may match a gold quote
when that share is strictly greater than the threshold. Matching is one-to-one and maximises the
number of matches first, then the total overlap (Hungarian assignment, scipy).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy
from scipy.optimize import linear_sum_assignment  # type: ignore[import-untyped]

LOGGER = logging.getLogger(__name__)

Interval = tuple[int, int]


def overlap(pred: Interval, gold: Interval) -> float:
    """Share of the gold span covered by the predicted span (0.0 … 1.0)."""
    length = gold[1] - gold[0]
    if length <= 0:
        return 0.0
    shared = min(pred[1], gold[1]) - max(pred[0], gold[0])
    return max(shared, 0) / length


def match_spans(gold: Sequence[Interval], pred: Sequence[Interval], threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one matches ``(gold_index, pred_index, overlap)`` with overlap > ``threshold``.

    The weight of an eligible pair is ``1 + overlap``: since every eligible overlap lies in
    (threshold, 1], one more match always outweighs any gain in overlap, so the assignment
    has maximum cardinality and, among those, maximum total overlap.
    """
    if not gold or not pred:
        return []
    weights = numpy.zeros((len(gold), len(pred)))
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            share = overlap(p, g)
            if share > threshold:
                weights[i, j] = 1.0 + share
    if not weights.any():
        return []
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return sorted((int(i), int(j), float(weights[i, j]) - 1.0) for i, j in zip(rows, cols) if weights[i, j] > 0)
