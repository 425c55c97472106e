"""RSS and Atom feeds (feedparser): each entry becomes a link to ingest plus fallback metadata.

The entry's title, date and author fill what the linked page itself does not say. Links are
resolved by ``readers.links.resolve_link``: for a feed file on disk, an entry ``<link>`` that is a
relative path (the demo corpus uses ``pages/slug.html``) or a ``file:`` URL resolves against the
feed file's folder; ``http(s)`` links are fetched.
"""

from __future__ import annotations

import logging
import re
from calendar import timegm
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import feedparser

from quotetrace.errors import InputError
from quotetrace.ingest.metadata import ArticleMeta, parse_authors, parse_date

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedEntry:
    link: str
    meta: ArticleMeta


def _entry_date(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(timegm(parsed), tz=timezone.utc)
    return parse_date(entry.get("published") or entry.get("updated"))


_RSS_AUTHOR = re.compile(r"^\s*\S+@\S+\s*\((?P<name>[^)]+)\)\s*$")


def _entry_authors(entry: Any) -> tuple[str, ...] | None:
    raw = entry.get("author")
    # RSS <author> is "email (Name)"; feedparser mis-splits unusual TLDs, so read the name ourselves.
    if isinstance(raw, str) and (match := _RSS_AUTHOR.match(raw)):
        return parse_authors(match.group("name"))
    names = [a.get("name") for a in entry.get("authors", []) if isinstance(a, dict) and a.get("name")]
    return parse_authors(names) or parse_authors(raw)


def parse_feed(data: bytes, source: str) -> list[FeedEntry]:
    """The entries of an RSS/Atom feed; raises InputError when the bytes are not a readable feed."""
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({type(problem).__name__})" if problem else ""
        raise InputError(source, f"not a readable RSS/Atom feed{detail}")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if not link:
            LOGGER.warning("%s: feed entry without a link skipped (%s)", source, entry.get("title", "untitled"))
            continue
        meta = ArticleMeta(
            title=(entry.get("title") or "").strip() or None,
            published=_entry_date(entry),
            authors=_entry_authors(entry),
        )
        entries.append(FeedEntry(link=link, meta=meta))
    return entries
