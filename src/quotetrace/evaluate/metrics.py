"""Scores of predicted quotes against gold: span P/R/F1 (overall and per kind), kind, speaker and
end-to-end accuracy, and the list of misses.

Definitions (also in tests/fixtures/gold/README.md):

* a prediction matches a gold quote when ``|pred ∩ gold| / |gold| > threshold``, one-to-one,
  maximum number of matches (see :mod:`quotetrace.evaluate.matching`);
* overall ("any kind") scores match predictions to gold regardless of kind;
* per-kind scores match the predictions of kind K to the gold quotes of kind K only;
* kind accuracy and speaker accuracy are shares of the overall matches; end-to-end accuracy is
  matches with the right speaker divided by the number of gold quotes;
* precision, recall or F1 whose denominator is zero is 0.0, except that all three are 1.0 when
  there is neither gold nor prediction.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from quotetrace.evaluate.gold import KINDS, GoldArticle
from quotetrace.evaluate.matching import match_spans
from quotetrace.evaluate.names import same_speaker
from quotetrace.records import _Record

LOGGER = logging.getLogger(__name__)

SNIPPET_CHARS = 90
MissType = Literal["missed", "spurious", "wrong_speaker", "wrong_kind"]


@dataclass(frozen=True)
class Predicted(_Record):
    """The fields of a predicted quote that evaluation looks at."""

    start: int
    end: int
    kind: str
    speaker: str | None = None


def as_predicted(quote: Any) -> Predicted:
    """A :class:`Predicted` from a ``Quote`` record, a Quote JSONL dict, or anything with those attributes."""
    if isinstance(quote, Predicted):
        return quote
    if isinstance(quote, Mapping):
        return Predicted(int(quote["start"]), int(quote["end"]), str(quote["kind"]), quote.get("speaker"))
    return Predicted(int(quote.start), int(quote.end), str(quote.kind), getattr(quote, "speaker", None))


@dataclass(frozen=True)
class PRF(_Record):
    """Counts and precision / recall / F1 of one comparison."""

    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, tp: int, fp: int, fn: int) -> PRF:
        """Scores from counts (zero denominators give 0.0; nothing at all gives 1.0)."""
        if tp == fp == fn == 0:
            return cls(0, 0, 0, 1.0, 1.0, 1.0)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(tp, fp, fn, precision, recall, f1)


@dataclass(frozen=True)
class ThresholdScores(_Record):
    """All figures at one overlap threshold."""

    threshold: float
    overall: PRF
    by_kind: dict[str, PRF]
    matched: int
    kind_accuracy: float
    speaker_accuracy: float
    end_to_end: float


@dataclass(frozen=True)
class Miss(_Record):
    """One error: a gold quote missed, a spurious prediction, or a match with the wrong speaker or kind."""

    type: MissType
    article_id: str
    start: int
    end: int
    snippet: str
    gold_kind: str | None = None
    predicted_kind: str | None = None
    gold_speaker: str | None = None
    predicted_speaker: str | None = None


@dataclass(frozen=True)
class EvalReport(_Record):
    """The result of one evaluation; ``as_dict()`` gives every figure as plain JSON."""

    source: str
    articles: int
    gold_quotes: int
    predicted_quotes: int
    scores: tuple[ThresholdScores, ...]
    misses_threshold: float
    misses: tuple[Miss, ...] = field(default=())

    def at(self, threshold: float) -> ThresholdScores:
        """The scores at ``threshold`` (KeyError when it was not computed)."""
        for scores in self.scores:
            if abs(scores.threshold - threshold) < 1e-9:
                return scores
        raise KeyError(threshold)


def _snippet(text: str, start: int, end: int) -> str:
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= SNIPPET_CHARS else piece[: SNIPPET_CHARS - 1] + "…"


@dataclass
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    same_kind: int = 0
    same_speaker: int = 0
    kind: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0, 0] for k in KINDS})


def _score_article(article: GoldArticle, preds: Sequence[Predicted], threshold: float, tally: _Tally,
                   misses: list[Miss] | None) -> None:
    gold = article.quotes
    matches = match_spans([(g.start, g.end) for g in gold], [(p.start, p.end) for p in preds], threshold)
    tally.tp += len(matches)
    tally.fp += len(preds) - len(matches)
    tally.fn += len(gold) - len(matches)
    for i, j, _ in matches:
        g, p = gold[i], preds[j]
        right_speaker = same_speaker(p.speaker, g.speaker)
        tally.same_kind += g.kind == p.kind
        tally.same_speaker += right_speaker
        if misses is not None and not right_speaker:
            misses.append(Miss("wrong_speaker", article.id, g.start, g.end, _snippet(article.text, g.start, g.end),
                               g.kind, p.kind, g.speaker, p.speaker))
        if misses is not None and g.kind != p.kind:
            misses.append(Miss("wrong_kind", article.id, g.start, g.end, _snippet(article.text, g.start, g.end),
                               g.kind, p.kind, g.speaker, p.speaker))
    if misses is not None:
        hit_gold = {i for i, _, _ in matches}
        hit_pred = {j for _, j, _ in matches}
        for i, g in enumerate(gold):
            if i not in hit_gold:
                misses.append(Miss("missed", article.id, g.start, g.end, _snippet(article.text, g.start, g.end),
                                   g.kind, None, g.speaker, None))
        for j, p in enumerate(preds):
            if j not in hit_pred:
                misses.append(Miss("spurious", article.id, p.start, p.end, _snippet(article.text, p.start, p.end),
                                   None, p.kind, None, p.speaker))
    for kind in KINDS:
        gold_k = [(g.start, g.end) for g in gold if g.kind == kind]
        pred_k = [(p.start, p.end) for p in preds if p.kind == kind]
        tp = len(match_spans(gold_k, pred_k, threshold))
        counts = tally.kind[kind]
        counts[0] += tp
        counts[1] += len(pred_k) - tp
        counts[2] += len(gold_k) - tp


def score(gold: Sequence[GoldArticle], predictions: Mapping[str, Sequence[Any]],
          thresholds: Sequence[float] = (0.3, 0.8), source: str = "<records>") -> EvalReport:
    """Score ``predictions`` (article id → predicted quotes) against ``gold``.

    Misses are listed at the first threshold. An article with no entry in ``predictions`` counts as
    predicted empty.
    """
    if not thresholds:
        raise ValueError("at least one overlap threshold is needed")
    preds_of = {a.id: [as_predicted(q) for q in predictions.get(a.id, ())] for a in gold}
    all_scores = []
    misses: list[Miss] = []
    for n, threshold in enumerate(thresholds):
        tally = _Tally()
        for article in gold:
            _score_article(article, preds_of[article.id], threshold, tally, misses if n == 0 else None)
        matched = tally.tp
        gold_total = tally.tp + tally.fn
        all_scores.append(ThresholdScores(
            threshold=float(threshold),
            overall=PRF.of(tally.tp, tally.fp, tally.fn),
            by_kind={k: PRF.of(*tally.kind[k]) for k in KINDS},
            matched=matched,
            kind_accuracy=tally.same_kind / matched if matched else 0.0,
            speaker_accuracy=tally.same_speaker / matched if matched else 0.0,
            end_to_end=tally.same_speaker / gold_total if gold_total else 0.0,
        ))
    order = {"missed": 0, "wrong_speaker": 1, "spurious": 2, "wrong_kind": 3}
    misses.sort(key=lambda m: (order[m.type], m.article_id, m.start))
    return EvalReport(
        source=source,
        articles=len(gold),
        gold_quotes=sum(len(a.quotes) for a in gold),
        predicted_quotes=sum(len(p) for p in preds_of.values()),
        scores=tuple(all_scores),
        misses_threshold=float(thresholds[0]),
        misses=tuple(misses),
    )
