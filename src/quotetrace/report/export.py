"""Rows for exports and CLI data output: articles, quotes, speakers, utterances, stories.

Every row that names articles carries each article's ``source`` and ``outlet`` (DESIGN.md), so any
result traces back to its input. JSONL keeps nesting; CSV and Parquet get flat rows with nested
values as JSON text.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from quotetrace.compare.outlets import outlet_of
from quotetrace.records import Article, Quote, Speaker, Story, Utterance

LOGGER = logging.getLogger(__name__)

WHAT = ("articles", "quotes", "speakers", "utterances", "stories", "comparisons")


def article_ref(article: Article | None, article_id: str) -> dict[str, Any]:
    """The short reference to an article every output that names articles carries."""
    if article is None:
        return {"id": article_id, "source": None, "outlet": None, "url": None, "title": None, "published": None}
    return {"id": article.id, "source": article.source, "outlet": outlet_of(article), "url": article.url,
            "title": article.title, "published": article.published.isoformat() if article.published else None}


def article_rows(articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    for article in articles:
        row = article.as_dict()
        row["outlet"] = outlet_of(article)
        yield row


def quote_rows(quotes: Iterable[Quote], articles: Mapping[str, Article],
               speakers: Mapping[str, Speaker]) -> Iterator[dict[str, Any]]:
    for quote in quotes:
        article = articles.get(quote.article_id)
        speaker = speakers.get(quote.speaker_id or "")
        row = quote.as_dict()
        row["source"] = article.source if article else None
        row["outlet"] = outlet_of(article) if article else None
        row["speaker_name"] = speaker.name if speaker else quote.speaker
        yield row


def speaker_rows(speakers: Iterable[Speaker], quote_counts: Mapping[str, int] | None = None) -> Iterator[dict[str, Any]]:
    for speaker in speakers:
        row = speaker.as_dict()
        if quote_counts is not None:
            row["quotes"] = quote_counts.get(speaker.id, 0)
        yield row


def utterance_rows(utterances: Iterable[Utterance], quotes: Mapping[str, Quote], articles: Mapping[str, Article],
                   speakers: Mapping[str, Speaker]) -> Iterator[dict[str, Any]]:
    for utterance in utterances:
        row = utterance.as_dict()
        speaker = speakers.get(utterance.speaker_id or "")
        row["speaker_name"] = speaker.name if speaker else None
        article_ids = list(dict.fromkeys(q.article_id for qid in utterance.quote_ids if (q := quotes.get(qid))))
        row["articles"] = [article_ref(articles.get(a), a) for a in article_ids]
        row["outlets"] = sorted({r["outlet"] for r in row["articles"] if r["outlet"]})
        row["altered"] = any(v.altered for v in utterance.variants)
        for variant in row["variants"]:
            ref = article_ref(articles.get(variant["article_id"]), variant["article_id"])
            variant["source"] = ref["source"]
            variant["outlet"] = variant["outlet"] or ref["outlet"]
        yield row


def story_rows(stories: Iterable[Story], articles: Mapping[str, Article]) -> Iterator[dict[str, Any]]:
    for story in stories:
        row = story.as_dict()
        row["articles"] = [article_ref(articles.get(a), a) for a in story.article_ids]
        yield row


def _flat(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def flat_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row with nested values as JSON text (for CSV and Parquet)."""
    return {k: _flat(v) for k, v in row.items()}


def write_jsonl(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[Mapping[str, Any]], out: IO[str], columns: Sequence[str] | None = None) -> int:
    """CSV with a header; columns from the first row unless given."""
    writer: csv.DictWriter[str] | None = None
    n = 0
    for row in rows:
        flat = flat_row(row)
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(columns or flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(flat)
        n += 1
    if writer is None and columns:
        csv.DictWriter(out, fieldnames=list(columns)).writeheader()
    return n


def write_parquet(rows: Iterable[Mapping[str, Any]], path: Path) -> int:
    """Parquet with flat columns (nested values as JSON text); every column typed from all rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = [flat_row(r) for r in rows]
    columns = list(dict.fromkeys(k for r in flat for k in r))
    table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in flat]) if flat else pa.table({})
    pq.write_table(table, path)
    return len(flat)


def to_csv_text(rows: Iterable[Mapping[str, Any]]) -> str:
    buffer = io.StringIO()
    write_csv(rows, buffer)
    return buffer.getvalue()
