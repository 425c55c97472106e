"""Terminal output for the CLI: the run summary and data tables (rich), or JSONL/CSV rows."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from quotetrace.report.export import to_csv_text

FORMATS = ("table", "jsonl", "csv")


def print_summary(summary: Any, console: Console | None = None) -> None:
    """Print a ``RunSummary`` for people: counts, skipped inputs, top cross-outlet statements, report path."""
    console = console or Console()
    kinds = summary.quotes_by_kind
    console.print(f"[bold]Inputs[/bold]: {summary.inputs}   new articles: {summary.new_articles}   "
                  f"extracted this run: {summary.extracted}   skipped: {len(summary.failures)}")
    console.print(f"[bold]Articles[/bold]: {summary.articles}   [bold]outlets[/bold]: {summary.outlets}   "
                  f"[bold]quotes[/bold]: {summary.quotes} (direct {kinds.get('direct', 0)}, "
                  f"partial {kinds.get('partial', 0)}, indirect {kinds.get('indirect', 0)})")
    console.print(f"[bold]Speakers[/bold]: {summary.speakers}   [bold]stories[/bold]: {summary.stories}   "
                  f"[bold]statements[/bold]: {summary.utterances}")
    if summary.failures:
        console.print(f"[yellow]Skipped inputs ({len(summary.failures)}):[/yellow]")
        for failure in summary.failures[:20]:
            console.print(f"  {failure.source}: {failure.reason}", markup=False, highlight=False)
        if len(summary.failures) > 20:
            console.print(f"  ... and {len(summary.failures) - 20} more")
    if summary.top:
        table = Table(title="Statements carried by several outlets", title_justify="left")
        table.add_column("speaker")
        table.add_column("statement", ratio=3)
        table.add_column("outlets", ratio=1)
        for top in summary.top:
            text = top.text if len(top.text) <= 140 else top.text[:139] + "…"
            table.add_row(Text(top.speaker), Text(f"“{text}”"), Text(", ".join(top.outlets)))  # data, not markup
        console.print(table)
    if summary.report:
        console.print(f"Report: {summary.report}", markup=False, highlight=False)


def emit(rows: Iterable[Mapping[str, Any]], fmt: str, columns: Sequence[str] = (), title: str | None = None,
         out: IO[str] | None = None) -> int:
    """Write rows as a rich table (only ``columns``), JSONL or CSV; returns the row count."""
    out = out or sys.stdout
    rows = list(rows)
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        out.write(to_csv_text(rows))
    else:
        table = Table(title=title, title_justify="left")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(Text(_cell(row.get(c))) for c in columns))  # data, never rich markup
        Console(file=out, width=max(100, Console().width)).print(table)
    return len(rows)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else ""
    text = str(value)
    return text if len(text) <= 200 else text[:199] + "…"
