"""Terminal output of the store commands (``ingest`` summary, ``articles`` listing, ``show``)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from typing import IO, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from quotetrace.records import Article

CSV_FIELDS = ("id", "outlet", "published", "title", "url", "language", "authors", "duplicate_of", "content_hash",
              "source", "text")


def write_jsonl(articles: Iterable[Article], out: IO[str]) -> int:
    """One ``Article.as_dict()`` JSON object per line (every field, text and junk included)."""
    n = 0
    for article in articles:
        out.write(json.dumps(article.as_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(articles: Iterable[Article], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for article in articles:
        row: dict[str, Any] = article.as_dict()
        row["authors"] = "; ".join(article.authors)
        writer.writerow(row)
        n += 1
    return n


def write_table(articles: Iterable[Article], console: Console) -> int:
    table = Table(show_lines=False)
    table.add_column("id", no_wrap=True)
    for name in ("outlet", "published", "title", "chars", "dup of"):
        table.add_column(name, overflow="fold")
    n = 0
    for article in articles:
        table.add_row(article.id, article.outlet or "", article.published.date().isoformat() if article.published
                      else "", article.title or "", str(len(article.text)), article.duplicate_of or "")
        n += 1
    console.print(table)
    return n


def marked_text(article: Article) -> Text:
    """The article text with junk spans dimmed and struck through."""
    text = Text(article.text)
    for span in article.junk:
        text.stylize("dim strike", span.start, span.end)
    return text


def show_article(article: Article, console: Console) -> None:
    """Metadata, then the text with junk spans dimmed (and bracketed ``[junk: …]`` without colour)."""
    meta = Table.grid(padding=(0, 2))
    for name in ("id", "title", "outlet", "url", "published", "authors", "language", "source", "content_hash",
                 "duplicate_of"):
        value = getattr(article, name)
        if isinstance(value, tuple):
            value = ", ".join(value)
        meta.add_row(Text(name, style="bold"), Text("" if value is None else str(value)))
    meta.add_row(Text("junk", style="bold"), Text(f"{len(article.junk)} spans, "
                                                   f"{sum(s.end - s.start for s in article.junk)} chars"))
    console.print(meta)
    console.rule()
    if console.is_terminal and console.color_system is not None:
        console.print(marked_text(article))
    else:
        console.print(Text(bracketed_text(article)))


def bracketed_text(article: Article) -> str:
    """Plain text with each junk span wrapped as ``[junk: …]`` (for pipes and files)."""
    parts: list[str] = []
    pos = 0
    for span in sorted(article.junk, key=lambda s: (s.start, s.end)):
        if span.start < pos:
            continue
        parts.append(article.text[pos:span.start])
        parts.append(f"[junk: {article.text[span.start:span.end]}]")
        pos = span.end
    parts.append(article.text[pos:])
    return "".join(parts)


def stdout_console() -> Console:
    return Console(file=sys.stdout, soft_wrap=True)
