"""Scores from hand-built predictions with known precision, recall, F1 and accuracies."""

from __future__ import annotations

import json

import pytest

from quotetrace.evaluate.gold import GoldArticle, GoldQuote
from quotetrace.evaluate.metrics import PRF, score
from quotetrace.records import Quote

TEXT = "x" * 220


def _gold(start, end, kind, speaker):
    return GoldQuote(start, end, TEXT[start:end], kind, speaker)


def _pred(start, end, kind, speaker):
    return Quote(id=f"{start}-{end}", article_id="a", text=TEXT[start:end], start=start, end=end, kind=kind,
                 speaker=speaker)


GOLD = [
    GoldArticle("a", TEXT, (
        _gold(0, 50, "direct", "Ana Ruiz"),
        _gold(60, 100, "indirect", "Ana Ruiz"),
        _gold(120, 140, "partial", "Tomas Varga"),
        _gold(150, 200, "direct", None),
        _gold(210, 220, "indirect", "Ana Ruiz"),
    )),
    GoldArticle("empty", "No quotes here.", ()),
    GoldArticle("unpredicted", TEXT, (_gold(0, 10, "direct", "Ana Ruiz"),)),
]
PREDICTIONS = {
    "a": [
        _pred(0, 50, "direct", "Ruiz"),          # match, right speaker (surname), right kind
        _pred(70, 100, "indirect", "Varga"),     # overlap 0.75: a match at 0.3 only; wrong speaker
        _pred(120, 140, "direct", "Tomas Varga"),  # match, wrong kind
        _pred(150, 200, "direct", None),         # match, null speaker = null gold
        _pred(100, 110, "direct", "X"),          # spurious
    ],
    "empty": [],
}


def test_scores_at_both_thresholds():
    report = score(GOLD, PREDICTIONS, (0.3, 0.8))
    low, high = report.at(0.3), report.at(0.8)
    assert (low.overall.tp, low.overall.fp, low.overall.fn) == (4, 1, 2)
    assert low.overall.precision == pytest.approx(0.8)
    assert low.overall.recall == pytest.approx(4 / 6)
    assert low.overall.f1 == pytest.approx(2 * 0.8 * (4 / 6) / (0.8 + 4 / 6))
    assert low.kind_accuracy == pytest.approx(3 / 4)
    assert low.speaker_accuracy == pytest.approx(3 / 4)
    assert low.end_to_end == pytest.approx(3 / 6)
    assert (high.overall.tp, high.overall.fp, high.overall.fn) == (3, 2, 3)
    assert high.speaker_accuracy == pytest.approx(1.0)
    assert high.kind_accuracy == pytest.approx(2 / 3)
    assert high.end_to_end == pytest.approx(3 / 6)
    assert report.gold_quotes == 6 and report.predicted_quotes == 5 and report.articles == 3


def test_per_kind_scores_need_kinds_to_agree():
    by_kind = score(GOLD, PREDICTIONS, (0.3,)).at(0.3).by_kind
    direct, partial, indirect = by_kind["direct"], by_kind["partial"], by_kind["indirect"]
    assert (direct.tp, direct.fp, direct.fn) == (2, 2, 1)
    assert direct.precision == pytest.approx(0.5) and direct.recall == pytest.approx(2 / 3)
    assert (partial.tp, partial.fp, partial.fn) == (0, 0, 1) and partial.f1 == 0.0
    assert (indirect.tp, indirect.fp, indirect.fn) == (1, 0, 1)
    assert indirect.f1 == pytest.approx(2 / 3)


def test_misses_name_article_snippet_and_both_speakers():
    report = score(GOLD, PREDICTIONS, (0.3, 0.8))
    kinds = [(m.type, m.article_id, m.start) for m in report.misses]
    assert kinds == [("missed", "a", 210), ("missed", "unpredicted", 0), ("wrong_speaker", "a", 60),
                     ("spurious", "a", 100), ("wrong_kind", "a", 120)]
    wrong = report.misses[2]
    assert (wrong.gold_speaker, wrong.predicted_speaker) == ("Ana Ruiz", "Varga")
    assert wrong.snippet == TEXT[60:100]
    assert report.misses_threshold == 0.3


def test_as_dict_is_json():
    data = json.loads(json.dumps(score(GOLD, PREDICTIONS).as_dict()))
    assert data["scores"][0]["overall"]["tp"] == 4
    assert data["scores"][1]["threshold"] == 0.8
    assert set(data["scores"][0]["by_kind"]) == {"direct", "partial", "indirect"}
    assert data["misses"][0]["type"] == "missed"


def test_predictions_as_quote_jsonl_dicts():
    rows = {"a": [{"start": 0, "end": 50, "kind": "direct", "speaker": "Ana Ruiz"}]}
    scores = score(GOLD[:1], rows, (0.3,)).at(0.3)
    assert (scores.overall.tp, scores.overall.fn, scores.speaker_accuracy) == (1, 4, 1.0)


def test_prf_edges():
    assert PRF.of(0, 0, 0).f1 == 1.0
    assert PRF.of(0, 3, 0).precision == 0.0 and PRF.of(0, 3, 0).f1 == 0.0
    assert PRF.of(0, 0, 3).recall == 0.0
    assert PRF.of(1, 1, 1).f1 == pytest.approx(0.5)
    with pytest.raises(ValueError):
        score(GOLD, PREDICTIONS, ())
