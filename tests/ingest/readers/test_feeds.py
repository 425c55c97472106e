"""RSS/Atom feeds, local and served: entries' pages are ingested, entry metadata fills gaps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.readers.links import resolve_link
from quotetrace.ingest.sources import iter_inputs
from quotetrace.records import Article, IngestFailure

FAST = IngestOptions(timeout=0.5, rate=0, language=False)


def rss(items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><author>ned@example.invalid (Ned Ash)</author>"
        "<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate></item>"
        for title, link in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Fictional Courier</title>'
            f"<link>https://velmora.example/</link><description>Invented news</description>{entries}</channel></rss>")


def atom(links: list[str]) -> str:
    entries = "".join(
        f'<entry><title>Atom entry {i}</title><link href="{link}"/><id>urn:fiction:{i}</id>'
        f"<updated>2024-03-0{i + 1}T10:00:00Z</updated><author><name>Mara Quill</name></author></entry>"
        for i, link in enumerate(links)
    )
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Fiction feed</title><id>urn:fiction</id><updated>2024-03-01T00:00:00Z</updated>{entries}</feed>")


def test_resolve_link_rules(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    assert resolve_link("pages/a.html", feed) == tmp_path / "pages" / "a.html"
    assert resolve_link("file:pages/a.html", feed) == tmp_path / "pages" / "a.html"
    assert resolve_link(f"file://{tmp_path}/b.html", feed) == tmp_path / "b.html"
    assert resolve_link("https://x.example/a", feed) == "https://x.example/a"
    assert resolve_link("mailto:a@b", feed) is None
    assert resolve_link("/p/2", "https://x.example/feed.xml") == "https://x.example/p/2"


def test_local_feed_with_pages_folder(tmp_path: Path, make_page: Callable[..., str]) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "bridge.html").write_text(make_page(author="", date=""), encoding="utf-8")
    (pages / "ferry.html").write_text(make_page(title="Fictional ferry keeps Sunday runs", site=""), encoding="utf-8")
    (tmp_path / "feed.rss").write_text(
        rss([("Bridge opens", "pages/bridge.html"), ("Ferry", "file:pages/ferry.html"), ("Lost", "pages/none.html")]),
        encoding="utf-8")
    items = list(iter_inputs([str(tmp_path)], FAST))  # the folder walk must not ingest the pages twice
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert [Path(a.source).name for a in articles] == ["bridge.html", "ferry.html"]
    bridge, ferry = articles
    assert bridge.authors == ("Ned Ash",)  # the page has no author: the feed entry's fills in
    assert bridge.published is not None and bridge.published.isoformat().startswith("2024-03-05")
    assert ferry.title == "Fictional ferry keeps Sunday runs"  # the page's own title beats the entry's
    assert len(failures) == 1 and failures[0].reason == f"{pages / 'none.html'}: no such file (linked from {tmp_path / 'feed.rss'})"


def test_served_feed_fetches_entries(http_server: Any, make_page: Callable[..., str]) -> None:
    http_server.add("/p/1", make_page())
    http_server.add("/p/2", make_page(title="Fictional tram plan shelved"))
    http_server.add("/p/slow", make_page(), delay=1.5)
    http_server.add("/p/500", b"oops", status=500, content_type="text/plain")
    feed = http_server.add("/feed.atom", atom(["/p/1", "/p/2", "/p/slow", "/p/500"]),
                           content_type="application/atom+xml")
    items = list(iter_inputs([feed], FAST))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Article", "Article", "IngestFailure", "IngestFailure"]
    assert items[0].source == http_server.url("/p/1")  # type: ignore[union-attr]
    assert items[1].title == "Fictional tram plan shelved"  # type: ignore[union-attr]
    assert "timed out" in items[2].reason and items[2].reason.startswith(http_server.url("/p/slow"))  # type: ignore[union-attr]
    assert items[3].reason.startswith(f"{http_server.url('/p/500')}: HTTP 500")  # type: ignore[union-attr]


def test_feed_that_times_out_or_fails(http_server: Any) -> None:
    slow = http_server.add("/slow.rss", rss([]), delay=1.5, content_type="application/rss+xml")
    gone = http_server.url("/missing.rss")
    broken = http_server.add("/broken.rss", b"oops", status=500, content_type="text/plain")
    http_server.add("/loop.rss", status=302, headers={"Location": "/loop.rss"})
    items = list(iter_inputs([slow, gone, broken, http_server.url("/loop.rss")], FAST))
    assert all(isinstance(i, IngestFailure) for i in items) and len(items) == 4
    reasons = [i.reason for i in items]  # type: ignore[union-attr]
    assert reasons[0].startswith(f"{slow}: timed out")
    assert reasons[1].startswith(f"{gone}: HTTP 404")
    assert reasons[2].startswith(f"{broken}: HTTP 500")
    assert "redirect loop" in reasons[3]


def test_not_a_feed_xml_file(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text('<?xml version="1.0"?><catalog><book>x</book></catalog>', encoding="utf-8")
    (failure,) = list(iter_inputs([str(path)], FAST))
    assert isinstance(failure, IngestFailure) and "neither an RSS/Atom feed nor a sitemap" in failure.reason
