"""How an article is named as an outlet when its metadata has none."""

from __future__ import annotations

from urllib.parse import urlsplit

from quotetrace.records import Article

UNKNOWN_OUTLET = "(unknown outlet)"


def outlet_of(article: Article) -> str:
    """The article's outlet; else the host of its URL (without ``www.``); else a fixed placeholder."""
    if article.outlet and article.outlet.strip():
        return article.outlet.strip()
    if article.url:
        host = urlsplit(article.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return UNKNOWN_OUTLET
