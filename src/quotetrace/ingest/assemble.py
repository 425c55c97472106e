"""Turning a body text plus metadata into an ``Article`` (ids, hashes, outlet and language fallbacks)."""

from __future__ import annotations

from quotetrace.ingest.identity import article_id, content_hash
from quotetrace.ingest.metadata import ArticleMeta, detect_language, outlet_from_url
from quotetrace.ingest.options import IngestOptions
from quotetrace.records import Article


def build_article(text: str, source: str, meta: ArticleMeta, options: IngestOptions) -> Article:
    """The Article for ``text`` as read from ``source``; the text is kept exactly as given."""
    language = meta.language
    if language is None and options.language:
        language = detect_language(text)
    digest = content_hash(text)
    return Article(
        id=article_id(meta.url, text, digest),
        text=text,
        source=source,
        url=meta.url,
        outlet=meta.outlet or outlet_from_url(meta.url),
        title=meta.title,
        authors=meta.authors or (),
        published=meta.published,
        language=language,
        content_hash=digest,
    )
