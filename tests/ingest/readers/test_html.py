from __future__ import annotations

from collections.abc import Callable

import pytest

from quotetrace.errors import InputError
from quotetrace.ingest.metadata import ArticleMeta
from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.readers.html import declared_charset, has_prose, read_html

OPTS = IngestOptions(language=False)


def test_metadata_precedence(make_page: Callable[..., str]) -> None:
    html = make_page(canonical="https://www.velmora-courier.example/bridge")
    user = ArticleMeta(outlet="Manifest outlet")
    feed = ArticleMeta(url="https://feeds.example/item?utm_source=rss", title="Feed title", authors=("Feed Author",))
    article = read_html(html, "page.html", user, feed, OPTS)
    assert article.outlet == "Manifest outlet"
    assert article.title == "Fictional Velmora opens its footbridge"  # the page beats the feed
    assert article.authors == ("Mara Quill",)
    assert article.url == "https://www.velmora-courier.example/bridge"  # canonical beats fetched URL


def test_domain_is_the_last_outlet_fallback(make_page: Callable[..., str]) -> None:
    html = make_page(site="").replace('<meta property="og:site_name" content="">', "")
    article = read_html(html, "x", fallback=ArticleMeta(url="https://www.tram-news.example/a"), options=OPTS)
    assert article.outlet in ("tram-news.example", "Velmora Courier")  # trafilatura may still infer a site name
    assert article.url == "https://www.tram-news.example/a"


def test_text_is_trafilatura_output_stripped(make_page: Callable[..., str],
                                             fiction: tuple[str, tuple[str, ...]]) -> None:
    article = read_html(make_page(), "p.html", options=OPTS)
    _, paragraphs = fiction
    assert article.text == article.text.strip()
    start = article.text.index(paragraphs[1])
    assert article.text[start : start + len(paragraphs[1])] == paragraphs[1]


@pytest.mark.parametrize("html", ["<html><body></body></html>", "<html><body><nav><a>Home</a></nav></body></html>",
                                  "<<<>>> not html at all"])
def test_no_article(html: str) -> None:
    with pytest.raises(InputError, match="no article text found"):
        read_html(html, "empty.html", options=OPTS)


def test_has_prose_and_declared_charset() -> None:
    assert not has_prose("Home\nNews\nSport")
    assert has_prose("This line is a real sentence with more than eight words in it.")
    assert has_prose("架空の町で新しい橋が開通したと町長が火曜日に発表しました。これは架空の記事です。")  # fiction
    assert not has_prose("ホーム\nニュース\nスポーツ")
    assert declared_charset(b'<html><head><meta charset="ISO-8859-1">') == "iso-8859-1"
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">') == "windows-1252"
    assert declared_charset(b"<html>") is None
