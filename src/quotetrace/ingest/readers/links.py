"""Where a link found in a feed, sitemap or URL list points: a URL to fetch or a local file.

The rule for a local index file (feed or sitemap on disk): a link that is an ``http(s)`` URL is
fetched; a ``file:`` URL or a relative path (``pages/slug.html``) resolves against the index
file's folder; an absolute path is taken as is. For an index fetched from the web, links resolve
against its URL (``urljoin``) and are always fetched.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

Target = str | Path  # str: an http(s) URL; Path: a local file


def is_web_url(value: str) -> bool:
    return urlsplit(value.strip()).scheme.lower() in ("http", "https")


def resolve_link(link: str, base: str | Path) -> Target | None:
    """The URL or local path ``link`` points at, seen from ``base`` (a local file or a URL); None if unusable."""
    link = link.strip()
    if not link:
        return None
    if isinstance(base, str):
        target = urljoin(base, link)
        return target if is_web_url(target) else None
    if is_web_url(link):
        return link
    parts = urlsplit(link)
    if parts.scheme.lower() == "file":
        raw = unquote(parts.path)
        # file:pages/x.html and file:///abs/x.html both occur in hand-written feeds
        path = Path(raw) if parts.netloc in ("", "localhost") else Path("//" + parts.netloc + raw)
    elif parts.scheme and len(parts.scheme) > 1:  # mailto:, ftp:, ... (one letter is a Windows drive)
        return None
    else:
        path = Path(unquote(link.split("#", 1)[0]))
    return path if path.is_absolute() else base.parent / path
