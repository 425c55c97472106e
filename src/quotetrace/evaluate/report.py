"""Printing an :class:`EvalReport` for people: score tables and a list of misses (rich)."""

from __future__ import annotations

import logging

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from quotetrace.evaluate.gold import KINDS
from quotetrace.evaluate.metrics import EvalReport, Miss

LOGGER = logging.getLogger(__name__)


def scores_table(report: EvalReport) -> Table:
    """One row per (threshold, kind): counts and P/R/F1; the "any" rows carry the accuracies."""
    table = Table(title=f"quotetrace eval: {escape(report.source)} ({report.articles} articles, "
                        f"{report.gold_quotes} gold, {report.predicted_quotes} predicted)", box=box.SIMPLE_HEAD,
                  padding=(0, 0, 0, 1), pad_edge=False)
    table.caption = ("overlap = |pred∩gold|/|gold| > T; kind/speaker acc: share of matches; "
                     "e2e: matches with right speaker / gold")
    for name in ("T", "kind", "gold", "pred", "tp", "P", "R", "F1", "kind acc", "spk acc", "e2e"):
        table.add_column(name, justify="left" if name == "kind" else "right")
    for scores in report.scores:
        rows = [("any", scores.overall)] + [(k, scores.by_kind[k]) for k in KINDS]
        for kind, prf in rows:
            extra = (f"{scores.kind_accuracy:.3f}", f"{scores.speaker_accuracy:.3f}", f"{scores.end_to_end:.3f}") \
                if kind == "any" else ("", "", "")
            table.add_row(f"{scores.threshold:g}", kind, str(prf.tp + prf.fn), str(prf.tp + prf.fp), str(prf.tp),
                          f"{prf.precision:.3f}", f"{prf.recall:.3f}", f"{prf.f1:.3f}", *extra,
                          end_section=kind == KINDS[-1])
    return table


def _describe(miss: Miss) -> str:
    if miss.type == "missed":
        return f"missed {miss.gold_kind} (gold speaker: {miss.gold_speaker})"
    if miss.type == "spurious":
        return f"spurious {miss.predicted_kind} (speaker: {miss.predicted_speaker})"
    if miss.type == "wrong_speaker":
        return f"wrong speaker: gold {miss.gold_speaker!r}, predicted {miss.predicted_speaker!r}"
    return f"wrong kind: gold {miss.gold_kind}, predicted {miss.predicted_kind}"


def misses_table(report: EvalReport, limit: int) -> Table:
    """The first ``limit`` misses (missed, wrong speaker, spurious, wrong kind), with article and snippet."""
    shown = report.misses[:limit]
    table = Table(box=box.SIMPLE_HEAD, title=f"misses at overlap > {report.misses_threshold:g} ({len(shown)} of {len(report.misses)})")
    table.add_column("article")
    table.add_column("span", justify="right")
    table.add_column("error")
    table.add_column("snippet")
    for miss in shown:
        table.add_row(escape(miss.article_id), f"{miss.start}-{miss.end}", escape(_describe(miss)),
                      escape(miss.snippet))
    return table


def print_report(report: EvalReport, console: Console, misses: int = 20) -> None:
    """Print the score table and up to ``misses`` misses."""
    console.print(scores_table(report))
    if misses > 0 and report.misses:
        console.print(misses_table(report, misses))
