"""What ``quotetrace extract`` prints: Quote JSONL rows or a rich table; bad inputs go to stderr."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator

from quotetrace.nlp.inputs import iter_inputs
from quotetrace.records import Article, IngestFailure

LOGGER = logging.getLogger(__name__)


def run_extract(inputs: list[str], fmt: str, batch_size: int = 32) -> int:
    """Extract every input and print the rows; returns the number of inputs skipped."""
    from rich.console import Console
    from rich.table import Table

    from quotetrace.nlp.pipeline import Extractor, quote_to_json

    err = Console(stderr=True)
    failures = 0
    names: dict[str, str] = {}

    def articles() -> Iterator[Article]:
        nonlocal failures
        for doc, item in iter_inputs(inputs):
            if isinstance(item, IngestFailure):
                failures += 1
                err.print(f"[yellow]skipped[/] {item.source}: {item.reason}", highlight=False)
                continue
            names[item.id] = doc
            yield item

    extractor = Extractor()
    table = Table("doc", "kind", "speaker", "cue", "quote", show_lines=False) if fmt == "table" else None
    for result in extractor.extract_many(articles(), batch_size=batch_size):
        doc = names.pop(result.article_id, result.article_id)
        for quote in result.quotes:
            if table is not None:
                text = quote.text if len(quote.text) <= 100 else quote.text[:97] + "..."
                table.add_row(doc, quote.kind, quote.speaker or "?", quote.cue.lemma if quote.cue else "", text)
            else:
                sys.stdout.write(json.dumps(quote_to_json(quote, doc), ensure_ascii=False) + "\n")
    if table is not None:
        Console().print(table)
    if failures:
        err.print(f"{failures} input(s) skipped")
    return failures
