"""Fetching against a real local HTTP server: status errors, timeouts, redirects, size cap, rate."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from quotetrace.errors import FetchError
from quotetrace.ingest.fetch import Fetcher
from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.sources import iter_inputs
from quotetrace.records import Article, IngestFailure

FAST = IngestOptions(timeout=0.5, rate=0, language=False)


def test_get_ok_and_charset(http_server: Any) -> None:
    url = http_server.add("/a", "Fiction: caf\u00e9".encode("cp1252"), content_type="text/plain; charset=windows-1252")
    with Fetcher(FAST) as fetcher:
        response = fetcher.get(url)
    assert response.status == 200 and response.body == "Fiction: caf\u00e9".encode("cp1252")
    assert response.content_type == "text/plain" and response.charset == "windows-1252"


@pytest.mark.parametrize("status", [404, 500, 503])
def test_http_errors_name_url_and_status(http_server: Any, status: int) -> None:
    url = http_server.add("/err", b"boom", status=status, content_type="text/plain")
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(url)
    assert str(info.value).startswith(f"{url}: HTTP {status}")


def test_slow_server_times_out(http_server: Any) -> None:
    url = http_server.add("/slow", b"late", delay=1.5)
    started = time.monotonic()
    with Fetcher(IngestOptions(timeout=0.3, rate=0)) as fetcher, pytest.raises(FetchError, match="timed out after 0.3 s"):
        fetcher.get(url)
    assert time.monotonic() - started < 1.2


def test_redirects_followed_loop_and_limit_fail(http_server: Any, make_page: Callable[..., str]) -> None:
    final = http_server.add("/final", make_page())
    http_server.add("/hop", status=302, headers={"Location": "/final"})
    with Fetcher(FAST) as fetcher:
        response = fetcher.get(http_server.url("/hop"))
        assert response.final_url == final and response.url == http_server.url("/hop")
        http_server.add("/loop-a", status=301, headers={"Location": "/loop-b"})
        http_server.add("/loop-b", status=302, headers={"Location": http_server.url("/loop-a")})
        with pytest.raises(FetchError, match="redirect loop"):
            fetcher.get(http_server.url("/loop-a"))
        for i in range(8):
            http_server.add(f"/chain{i}", status=307, headers={"Location": f"/chain{i + 1}"})
        with pytest.raises(FetchError, match="too many redirects"):
            fetcher.get(http_server.url("/chain0"))


def test_size_cap(http_server: Any) -> None:
    url = http_server.add("/big", b"x" * 5000, content_type="text/plain")
    with Fetcher(IngestOptions(max_bytes=1000, rate=0)) as fetcher, pytest.raises(FetchError, match="response too large"):
        fetcher.get(url)


def test_rate_limit_per_host(http_server: Any) -> None:
    url = http_server.add("/r", b"ok", content_type="text/plain")
    with Fetcher(IngestOptions(rate=10)) as fetcher:
        started = time.monotonic()
        for _ in range(4):
            fetcher.get(url)
        elapsed = time.monotonic() - started
    assert elapsed >= 0.3 - 0.02  # 4 requests at 10/s: 3 waits of 0.1 s


def test_iter_inputs_urls(http_server: Any, make_page: Callable[..., str], no_article_html: str) -> None:
    page = http_server.add("/news/bridge?utm_source=feed", make_page())
    empty = http_server.add("/menu", no_article_html)
    missing = http_server.url("/gone")
    text = http_server.add("/plain.txt", "Fiction headline\nA plain body from the invented wire.",
                           content_type="text/plain; charset=utf-8")
    items = list(iter_inputs([page, empty, missing, text, page], FAST))
    assert [type(i).__name__ for i in items] == ["Article", "IngestFailure", "IngestFailure", "Article"]
    article = items[0]
    assert isinstance(article, Article)
    assert article.source == page and article.url == page
    assert article.outlet == "Velmora Courier" and article.title == "Fictional Velmora opens its footbridge"
    assert isinstance(items[1], IngestFailure) and items[1].reason == f"{empty}: no article text found"
    assert isinstance(items[2], IngestFailure) and items[2].reason.startswith(f"{missing}: HTTP 404")
    assert isinstance(items[3], Article) and items[3].title == "Fiction headline"
