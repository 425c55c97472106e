"""evaluate(): runs an extractor callable over gold articles (a hand-written one here; the real one in
tests/test_quality_gate.py)."""

from __future__ import annotations

import logging

from quotetrace.evaluate import evaluate
from quotetrace.evaluate.gold import GoldArticle, GoldQuote
from quotetrace.records import Quote

# fictional texts
ARTICLES = [
    GoldArticle("one", "“We will rebuild,” Ana Ruiz said.", (GoldQuote(1, 17, "We will rebuild,", "direct", "Ana Ruiz"),)),
    GoldArticle("two", "Tomas Varga said the talks were over.",
                (GoldQuote(17, 36, "the talks were over", "indirect", "Tomas Varga"),)),
]


def _perfect(text: str, doc_id: str) -> list[Quote]:
    gold = next(a for a in ARTICLES if a.id == doc_id)
    assert gold.text == text
    return [Quote(id=str(n), article_id=doc_id, text=q.text, start=q.start, end=q.end, kind=q.kind, speaker=q.speaker)
            for n, q in enumerate(gold.quotes)]


def test_perfect_extractor_scores_one(tmp_path):
    seen = []
    report = evaluate(ARTICLES, extract=_perfect, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
    for scores in report.scores:
        assert scores.overall.f1 == 1.0 and scores.speaker_accuracy == 1.0 and scores.end_to_end == 1.0
    assert report.misses == () and report.source == "<records>"


def test_gold_path_and_failing_article(tmp_path, caplog):
    from quotetrace.evaluate.gold import write_gold

    path = tmp_path / "gold.jsonl"
    write_gold(ARTICLES, path)

    def flaky(text: str, doc_id: str) -> list[Quote]:
        if doc_id == "two":
            raise RuntimeError("parser blew up")
        return _perfect(text, doc_id)

    with caplog.at_level(logging.ERROR):
        report = evaluate(path, extract=flaky, thresholds=(0.5,))
    assert "two" in caplog.text
    assert report.source == str(path)
    scores = report.at(0.5)
    assert (scores.overall.tp, scores.overall.fn, scores.overall.fp) == (1, 1, 0)
    assert [m.type for m in report.misses] == ["missed"]
