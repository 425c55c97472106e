"""XML sitemaps: ``<urlset>`` lists pages, ``<sitemapindex>`` lists more sitemaps; and sniffing
whether an XML body is a feed, a sitemap or neither."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from lxml import etree

from quotetrace.errors import InputError

XmlKind = Literal["feed", "sitemap", "other"]

_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF|urlset|sitemapindex)[\s>/]")
# Never resolve entities or fetch DTDs: sitemaps come from strangers.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)


@dataclass(frozen=True)
class Sitemap:
    kind: Literal["urlset", "sitemapindex"]
    locations: tuple[str, ...]


def sniff_xml(data: bytes) -> XmlKind:
    """``feed`` for RSS/Atom/RDF, ``sitemap`` for urlset/sitemapindex, else ``other`` (first 4 KB)."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 XML: look at it as text
        head = head.decode("utf-16", "ignore").encode("utf-8")
    match = _ROOT.search(head)
    if match is None:
        return "other"
    return "sitemap" if match.group(1) in (b"urlset", b"sitemapindex") else "feed"


def parse_sitemap(data: bytes, source: str) -> Sitemap:
    """The ``<loc>`` entries of a sitemap; raises InputError when it is not one."""
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(source, f"invalid sitemap XML ({exc})") from exc
    if root is None:
        raise InputError(source, "invalid sitemap XML (no root element)")
    kind = etree.QName(root).localname
    if kind not in ("urlset", "sitemapindex"):
        raise InputError(source, f"not a sitemap (root element <{kind}>)")
    locations = tuple(
        (el.text or "").strip() for el in root.iter("{*}loc") if (el.text or "").strip()
    )
    return Sitemap(kind="urlset" if kind == "urlset" else "sitemapindex", locations=locations)
