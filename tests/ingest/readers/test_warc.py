"""WARC archives written with warcio in the test: HTML responses load, a truncated archive keeps its good records."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.sources import iter_inputs
from quotetrace.records import Article, IngestFailure

OPTS = IngestOptions(language=False)


def write_warc(path: Path, records: list[tuple[str, str, str, bytes]], gzip: bool) -> None:
    """Records of (uri, status line, content type, payload), plus one request record to be skipped."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        request = writer.create_warc_record("http://fiction.example/ignored", "request",
                                            payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(request)
        for uri, status, content_type, payload in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))


def pages(make_page: Callable[..., str], count: int) -> list[tuple[str, str, str, bytes]]:
    return [
        (f"https://www.velmora-courier.example/n/{i}", "200 OK", "text/html; charset=utf-8",
         make_page(title=f"Fictional story number {i}").encode("utf-8"))
        for i in range(count)
    ]


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_html_responses(tmp_path: Path, make_page: Callable[..., str], no_article_html: str, gzip: bool) -> None:
    path = tmp_path / ("a.warc.gz" if gzip else "a.warc")
    records = pages(make_page, 2) + [
        ("https://fiction.example/img.png", "200 OK", "image/png", b"\x89PNG\x00\x00"),
        ("https://fiction.example/missing", "404 Not Found", "text/html", b"<html>gone</html>"),
        ("https://fiction.example/menu", "200 OK", "text/html", no_article_html.encode()),
        ("https://fiction.example/latin", "200 OK", "text/html; charset=iso-8859-1",
         make_page(title="Fictional Stra\u00dfe news", charset="iso-8859-1").encode("latin-1", "xmlcharrefreplace")),
    ]
    write_warc(path, records, gzip)
    items = list(iter_inputs([str(path)], OPTS))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "IngestFailure", "Article"]
    first = items[0]
    assert isinstance(first, Article)
    assert first.url == "https://www.velmora-courier.example/n/0"
    assert first.source == f"{path}#https://www.velmora-courier.example/n/0"
    assert first.title == "Fictional story number 0" and first.outlet == "Velmora Courier"
    assert items[2].reason == f"{path}#https://fiction.example/menu: no article text found"  # type: ignore[union-attr]
    assert items[3].title == "Fictional Stra\u00dfe news"  # type: ignore[union-attr]


@pytest.mark.parametrize("gzip", [True, False])
def test_truncated_warc_keeps_good_records(tmp_path: Path, make_page: Callable[..., str], gzip: bool) -> None:
    whole = tmp_path / "whole.warc"
    write_warc(whole, pages(make_page, 6), gzip)
    data = whole.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    cut.write_bytes(data[: int(len(data) * 0.75)])
    items = list(iter_inputs([str(cut)], OPTS))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert 2 <= len(articles) < 6
    assert len(failures) == 1, failures
    assert failures[0].reason.startswith(f"{cut}: truncated or corrupt WARC")


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not an archive at all\n" * 10)
    (failure,) = list(iter_inputs([str(path)], OPTS))
    assert isinstance(failure, IngestFailure) and failure.reason.startswith(f"{path}: ")
