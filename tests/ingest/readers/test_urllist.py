"""URL lists: only ``*.urls`` and ``urls.txt`` are lists; each URL is fetched, bad lines fail alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.readers.urllist import is_url_list
from quotetrace.ingest.sources import iter_inputs
from quotetrace.records import Article, IngestFailure

FAST = IngestOptions(timeout=0.5, rate=0, language=False)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("news.urls", True), ("urls.txt", True), ("URLS.TXT", True), ("a.urls.gz", True),
     ("story.txt", False), ("my-urls.txt", False), ("urls.html", False)],
)
def test_is_url_list(name: str, expected: bool) -> None:
    assert is_url_list(Path(name)) is expected


def test_url_list_fetches_each(tmp_path: Path, http_server: Any, make_page: Callable[..., str]) -> None:
    http_server.add("/a", make_page(title="Fictional list story"))
    path = tmp_path / "today.urls"
    path.write_text(f"# fictional list\n\n{http_server.url('/a')}\nnot a url\n{http_server.url('/missing')}\n",
                    encoding="utf-8")
    items = list(iter_inputs([str(path)], FAST))
    assert isinstance(items[0], Article) and items[0].title == "Fictional list story"
    assert isinstance(items[1], IngestFailure) and items[1].reason == f"{path}:4: not an http(s) URL"
    assert isinstance(items[2], IngestFailure) and "HTTP 404" in items[2].reason
    assert len(items) == 3


def test_ordinary_txt_with_url_lines_is_an_article(tmp_path: Path) -> None:
    path = tmp_path / "links.txt"
    path.write_text("https://fiction.example/a\nhttps://fiction.example/b\n", encoding="utf-8")
    (article,) = list(iter_inputs([str(path)], FAST))
    assert isinstance(article, Article) and article.text.startswith("https://fiction.example/a")
