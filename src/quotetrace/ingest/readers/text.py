"""Plain-text articles: the decoded file content is the text, its first non-empty line the headline."""

from __future__ import annotations

from quotetrace.ingest.assemble import build_article
from quotetrace.ingest.metadata import ArticleMeta
from quotetrace.ingest.options import IngestOptions
from quotetrace.records import Article


def headline(text: str) -> str | None:
    """The first non-empty line, stripped (the title of a plain-text article), without a glued
    reading-time badge ("... Invaded2 min read")."""
    from quotetrace.ingest.clean import strip_read_time

    for line in text.splitlines():
        if line.strip():
            return strip_read_time(line.strip()) or line.strip()
    return None


def read_text(text: str, source: str, meta: ArticleMeta = ArticleMeta(),
              options: IngestOptions = IngestOptions()) -> Article:
    """An Article whose text is ``text`` exactly (offsets index it); metadata from ``meta`` wins."""
    return build_article(text, source, meta.over(ArticleMeta(title=headline(text))), options)
