"""Run an extractor over gold articles and score it: the library side of ``quotetrace eval``."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from quotetrace.evaluate.gold import GoldArticle, load_gold
from quotetrace.evaluate.metrics import EvalReport, score

LOGGER = logging.getLogger(__name__)

Extract = Callable[[str, str], Sequence[Any]]  # (text, doc_id) -> quotes with start/end/kind/speaker


def default_extract() -> Extract:
    """The project's extractor, ``quotetrace.nlp.pipeline.extract_text`` (imported on first use)."""
    from quotetrace.nlp.pipeline import extract_text

    return extract_text


def evaluate(gold: str | Path | Iterable[GoldArticle], extract: Extract | None = None,
             thresholds: Sequence[float] = (0.3, 0.8),
             progress: Callable[[int, int], None] | None = None, source: str | None = None) -> EvalReport:
    """Run ``extract(text, doc_id)`` on every gold article and score it (see :mod:`.metrics`).

    ``gold`` is a gold JSONL path or gold articles already loaded. ``progress(done, total)`` is
    called after each article; ``source`` names the gold in the report. An article whose extraction raises is logged and counted as
    predicting nothing, so one failure never hides the figures of the rest.
    """
    source = source or (str(gold) if isinstance(gold, (str, Path)) else "<records>")
    articles = load_gold(gold) if isinstance(gold, (str, Path)) else list(gold)
    extract = extract or default_extract()
    predictions: dict[str, Sequence[Any]] = {}
    for n, article in enumerate(articles, start=1):
        try:
            predictions[article.id] = list(extract(article.text, article.id))
        except Exception:  # one broken article must not hide the figures of the others
            LOGGER.exception("extraction failed on gold article %s", article.id)
            predictions[article.id] = []
        if progress is not None:
            progress(n, len(articles))
    return score(articles, predictions, thresholds, source)
