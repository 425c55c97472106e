"""Evaluation: gold data, span matching, scores, and the ``quotetrace eval`` report."""

from quotetrace.evaluate.gold import GoldArticle, GoldQuote, gold_from_expectations, load_gold
from quotetrace.evaluate.metrics import PRF, EvalReport, Miss, ThresholdScores, score
from quotetrace.evaluate.run import evaluate

__all__ = ["EvalReport", "GoldArticle", "GoldQuote", "Miss", "PRF", "ThresholdScores", "evaluate",
           "gold_from_expectations", "load_gold", "score"]
