"""Sitemaps (urlset and sitemapindex), served and local; sniffing XML kinds."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quotetrace.errors import InputError
from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.readers.sitemaps import parse_sitemap, sniff_xml
from quotetrace.ingest.sources import iter_inputs
from quotetrace.records import Article, IngestFailure

FAST = IngestOptions(timeout=0.5, rate=0, language=False)
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def urlset(locs: list[str]) -> str:
    body = "".join(f"<url><loc>{loc}</loc><lastmod>2024-03-05</lastmod></url>" for loc in locs)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset {NS}>{body}</urlset>'


def index(locs: list[str]) -> str:
    body = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex {NS}>{body}</sitemapindex>'


@pytest.mark.parametrize(
    ("xml", "kind"),
    [
        (urlset(["https://a.example/1"]), "sitemap"),
        (index(["https://a.example/s.xml"]), "sitemap"),
        ('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "feed"),
        ('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', "feed"),
        ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', "feed"),
        ("<html><body><p>feed the cat</p></body></html>", "other"),
    ],
)
def test_sniff_xml(xml: str, kind: str) -> None:
    assert sniff_xml(xml.encode()) == kind


def test_parse_sitemap_and_entity_safety() -> None:
    sitemap = parse_sitemap(urlset(["https://a.example/1", " https://a.example/2 "]).encode(), "s.xml")
    assert sitemap.kind == "urlset" and sitemap.locations == ("https://a.example/1", "https://a.example/2")
    evil = ('<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f'<urlset {NS}><url><loc>&x;</loc></url></urlset>')
    assert "root:" not in "".join(parse_sitemap(evil.encode(), "evil.xml").locations)
    with pytest.raises(InputError, match="not a sitemap"):
        parse_sitemap(b"<catalog/>", "c.xml")


def test_served_sitemap_index(http_server: Any, make_page: Callable[..., str]) -> None:
    http_server.add("/n/1", make_page(title="Fictional first story"))
    http_server.add("/n/2", make_page(title="Fictional second story"))
    http_server.add("/sitemap-news.xml", urlset([http_server.url("/n/1"), http_server.url("/n/2"),
                                                 http_server.url("/n/404")]), content_type="application/xml")
    http_server.add("/sitemap-self.xml", index([http_server.url("/sitemap-self.xml")]), content_type="text/xml")
    root = http_server.add("/sitemap.xml", index(["/sitemap-news.xml", "/sitemap-self.xml"]),
                           content_type="application/xml")
    items = list(iter_inputs([root], FAST))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert [a.title for a in articles] == ["Fictional first story", "Fictional second story"]
    assert len(failures) == 1 and failures[0].reason.startswith(f"{http_server.url('/n/404')}: HTTP 404")


def test_local_sitemap_relative_locations(tmp_path: Path, make_page: Callable[..., str]) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.html").write_text(make_page(), encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(urlset(["pages/a.html"]), encoding="utf-8")
    items = list(iter_inputs([str(tmp_path / "sitemap.xml")], FAST))
    assert len(items) == 1 and isinstance(items[0], Article)
    assert items[0].source == str(tmp_path / "pages" / "a.html")


def test_served_gzip_sitemap(http_server: Any, make_page: Callable[..., str]) -> None:
    http_server.add("/n/1", make_page(title="Fictional gzip story"))
    data = gzip.compress(urlset([http_server.url("/n/1")]).encode())
    root = http_server.add("/sitemap.xml.gz", data, content_type="application/gzip")
    cut = http_server.add("/cut.xml.gz", data[: len(data) // 2], content_type="application/gzip")
    items = list(iter_inputs([root, cut], FAST))
    assert isinstance(items[0], Article) and items[0].title == "Fictional gzip story"
    assert isinstance(items[1], IngestFailure) and items[1].reason.startswith(f"{cut}: truncated gzip")
