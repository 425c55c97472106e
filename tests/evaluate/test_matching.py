"""Span overlap and one-to-one matching."""

from __future__ import annotations

import pytest

from quotetrace.evaluate.matching import match_spans, overlap


def test_overlap_is_share_of_gold():
    assert overlap((0, 10), (0, 10)) == 1.0
    assert overlap((5, 10), (0, 10)) == 0.5
    assert overlap((0, 100), (40, 50)) == 1.0  # a long prediction covers all of a short gold span
    assert overlap((40, 50), (0, 100)) == 0.1
    assert overlap((20, 30), (0, 10)) == 0.0
    assert overlap((0, 5), (5, 5)) == 0.0


def test_threshold_is_strict():
    gold, pred = [(0, 10)], [(7, 10)]  # overlap exactly 0.3
    assert match_spans(gold, pred, 0.3) == []
    assert match_spans(gold, [(6, 10)], 0.3) == [(0, 0, pytest.approx(0.4))]


def test_one_to_one_maximises_matches():
    # pred 0 overlaps both golds; greedy-by-overlap would give it gold 0 and leave gold 1 unmatched
    gold = [(0, 10), (10, 20)]
    pred = [(0, 20), (0, 6)]
    matches = match_spans(gold, pred, 0.3)
    assert [(g, p) for g, p, _ in matches] == [(0, 1), (1, 0)]


def test_nested_gold_pairs_with_nested_prediction():
    gold = [(0, 100), (40, 60)]  # outer quote and the quote nested in it
    pred = [(40, 60), (0, 100)]
    assert [(g, p) for g, p, _ in match_spans(gold, pred, 0.8)] == [(0, 1), (1, 0)]


def test_duplicate_predictions_match_once():
    assert len(match_spans([(0, 10)], [(0, 10), (0, 10)], 0.3)) == 1
    assert match_spans([], [(0, 1)], 0.3) == [] and match_spans([(0, 1)], [], 0.3) == []
