"""Acceptance: the seed articles (read in place, never copied) load with their text exactly as on disk."""

from __future__ import annotations

from pathlib import Path

from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.sources import iter_inputs
from quotetrace.records import Article


def test_seeds_load_exactly(seed_paths: list[Path]) -> None:
    items = list(iter_inputs([str(p) for p in seed_paths], IngestOptions()))
    assert all(isinstance(i, Article) for i in items), items
    assert len(items) == len(seed_paths)
    for path, article in zip(seed_paths, items):
        assert isinstance(article, Article)
        assert article.text == path.read_bytes().decode("utf-8-sig")
        first_line = article.text.strip().splitlines()[0].strip()
        # the headline is the first line, less a glued "2 min read" badge (one seed has one)
        assert article.title and first_line.startswith(article.title) and "min read" not in article.title
        assert article.language == "en"
        assert article.source == str(path)
    assert len({a.id for a in items}) == len(items)  # type: ignore[union-attr]
