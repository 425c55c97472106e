"""iter_inputs on local files and folders: every format, metadata precedence, and every kind of bad input."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from quotetrace.ingest.identity import content_hash
from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.sources import iter_inputs
from quotetrace.records import Article, IngestFailure

# FICTION: an invented plain-text article.
TEXT = (
    "\n  Velmora council approves ferry fares\n\n"
    "The invented town of Velmora will keep its ferry, councillor Piet Marsh said on Monday.\n"
    "\u201cThe ferry is part of who we are,\u201d Marsh told the fictional Velmora Courier.\n"
)
OPTS = IngestOptions(language=False)


def run(*inputs: object, options: IngestOptions = OPTS) -> tuple[list[Article], list[IngestFailure]]:
    items = list(iter_inputs([str(i) for i in inputs], options))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, IngestFailure)]
    return articles, failures


def test_text_file_exact_text_and_headline(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8", newline="")
    (article,), failures = run(path)
    assert not failures
    assert article.text == TEXT  # decoded content exactly: offsets index it
    assert article.title == "Velmora council approves ferry fares"
    assert article.source == str(path)
    assert article.content_hash == content_hash(TEXT)
    assert article.junk == () and article.duplicate_of is None
    assert article.url is None and article.outlet is None


def test_language_detected_when_enabled(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "de.txt").write_text("Fiktion: Der Bürgermeister sagte am Montag, die Fähre bleibe erhalten, "
                                     "weil sie zur Geschichte der Stadt gehöre.", encoding="utf-8")
    articles, _ = run(tmp_path, options=IngestOptions())
    assert [a.language for a in articles] == ["de", "en"]
    articles, _ = run(tmp_path, options=IngestOptions(language=False))
    assert [a.language for a in articles] == [None, None]


def test_sidecar_and_manifest_precedence(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT.replace("ferry", "tram"), encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({
        "url": "https://www.velmora-courier.example/ferry", "outlet": "Sidecar Outlet", "title": "Sidecar title",
        "published": "2024-03-05T10:00:00Z", "authors": ["Mara Quill"], "language": "en"}))
    sub = tmp_path / "meta"
    sub.mkdir()
    manifest = sub / "manifest.csv"
    manifest.write_text("path,url,outlet,published\n../a.txt,,Manifest Outlet,\n"
                        "../b.txt,https://www.tram-news.example/b/,,2024-01-02\n", encoding="utf-8")
    articles, failures = run(tmp_path, options=IngestOptions(language=False, manifest=manifest))
    assert not failures
    a, b = articles
    assert a.outlet == "Manifest Outlet"  # manifest beats sidecar
    assert a.title == "Sidecar title" and a.authors == ("Mara Quill",) and a.language == "en"
    assert a.url == "https://www.velmora-courier.example/ferry"
    assert a.published == datetime(2024, 3, 5, 10, tzinfo=timezone.utc)
    assert b.outlet == "tram-news.example"  # domain of the URL without www.
    assert b.published == datetime(2024, 1, 2, tzinfo=timezone.utc)
    assert b.title == "Velmora council approves tram fares"


def test_bad_manifest_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,url\nx,y\n", encoding="utf-8")
    articles, failures = run(tmp_path / "a.txt", options=IngestOptions(language=False, manifest=manifest))
    assert len(articles) == 1
    assert len(failures) == 1 and "m.csv" in failures[0].reason and "path" in failures[0].reason


def test_jsonl_good_lines_load_bad_lines_fail(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        json.dumps({"id": "a-1", "text": "  Fiction: first text, kept exactly.  ", "outlet": "Courier",
                    "published": "2024-02-01", "authors": "Mara Quill; Ned Ash"}),
        '{"id": "a-2", "text": "unterminated',
        "",
        json.dumps({"id": "a-3"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 7, "text": "Fiction: numeric id.", "url": "https://www.example.org/seven"}),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    articles, failures = run(path)
    assert [a.source for a in articles] == [f"{path}#a-1", f"{path}#7"]
    assert articles[0].text == "  Fiction: first text, kept exactly.  "
    assert articles[0].authors == ("Mara Quill", "Ned Ash") and articles[0].outlet == "Courier"
    assert articles[1].outlet == "example.org"
    assert [f.reason for f in failures] == [
        f"{path}:2: invalid JSON", f"{path}:4: missing or non-string 'text'", f"{path}:5: not a JSON object"]


def test_gzip_variants_and_truncated_gzip(tmp_path: Path, make_page: Callable[..., str]) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(TEXT.encode("utf-8")))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"id": "x", "text": "Fiction: gz record."}\n'))
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(make_page().encode("utf-8")))
    whole = gzip.compress((TEXT * 200).encode("utf-8"))
    (tmp_path / "d.txt.gz").write_bytes(whole[: len(whole) // 2])
    articles, failures = run(tmp_path)
    assert [Path(a.source.split("#")[0]).name for a in articles] == ["a.txt.gz", "b.jsonl.gz", "c.html.gz"]
    assert articles[0].text == TEXT
    assert len(failures) == 1
    assert failures[0].reason.startswith(str(tmp_path / "d.txt.gz")) and "truncated gzip" in failures[0].reason


def test_truncated_jsonl_gzip_keeps_good_lines(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": str(i), "text": f"Fiction: record {i} " + "x" * 200}) + "\n" for i in range(400))
    whole = gzip.compress(lines.encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: int(len(whole) * 0.6)])
    articles, failures = run(path)
    assert 0 < len(articles) < 400
    assert len(failures) == 1 and "truncated gzip" in failures[0].reason and str(path) in failures[0].reason


def test_html_file(tmp_path: Path, make_page: Callable[..., str], fiction: tuple[str, tuple[str, ...]]) -> None:
    path = tmp_path / "page.html"
    path.write_text(make_page(canonical="https://www.velmora-courier.example/news/bridge"), encoding="utf-8")
    (article,), failures = run(path)
    assert not failures
    title, paragraphs = fiction
    assert article.title == title
    assert article.outlet == "Velmora Courier"
    assert article.authors == ("Mara Quill",)
    assert article.published is not None and article.published.date().isoformat() == "2024-03-05"
    assert article.url == "https://www.velmora-courier.example/news/bridge"
    for paragraph in paragraphs:
        assert paragraph in article.text
    assert "All rights reserved" not in article.text and "Sport" not in article.text
    assert article.text == article.text.strip()


def test_bad_inputs_each_one_failure_neighbours_load(tmp_path: Path, make_page: Callable[..., str],
                                                     no_article_html: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 8)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "legacy.txt").write_bytes("Fiction: Señor Núñez said “olé” – 5 €.".encode("cp1252"))
    (tmp_path / "latin.txt").write_bytes("Fiktion: Die Straße für Fußgänger öffnet übermorgen.".encode("latin-1"))
    (tmp_path / "nothing.html").write_text(no_article_html, encoding="utf-8")
    (tmp_path / "page.htm").write_text(make_page(), encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored in a folder walk", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB on paper, instant to make
    articles, failures = run(tmp_path)
    assert sorted(Path(a.source).name for a in articles) == ["good.txt", "latin.txt", "legacy.txt", "page.htm"]
    by_name = {Path(a.source).name: a for a in articles}
    assert by_name["legacy.txt"].text == "Fiction: Señor Núñez said “olé” – 5 €."
    assert by_name["latin.txt"].text == "Fiktion: Die Straße für Fußgänger öffnet übermorgen."
    reasons = {Path(f.source).name: f.reason for f in failures}
    assert set(reasons) == {"binary.txt", "empty.txt", "nothing.html", "huge.txt"}
    for name, reason in reasons.items():
        assert reason.startswith(str(tmp_path / name) + ": ") and "\n" not in reason
    assert "binary file" in reasons["binary.txt"]
    assert "empty file" in reasons["empty.txt"]
    assert "no article text found" in reasons["nothing.html"]
    assert "file too large (50.0 MB > 20.0 MB limit)" in reasons["huge.txt"]


def test_explicit_bad_paths(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    articles, failures = run(tmp_path / "missing.txt", tmp_path / "notes.md")
    assert not articles
    assert "no such file or folder" in failures[0].reason
    assert "unsupported file type" in failures[1].reason


def test_folder_order_is_sorted_and_recursive(tmp_path: Path) -> None:
    for rel in ("b/2.txt", "a/z.txt", "a/sub/1.txt", "c.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Fiction headline for {rel}\nbody", encoding="utf-8")
    first = [a.source for a in run(tmp_path)[0]]
    assert [str(Path(s).relative_to(tmp_path)) for s in first] == ["a/sub/1.txt", "a/z.txt", "b/2.txt", "c.txt"]
    assert first == [a.source for a in run(tmp_path)[0]]


def test_same_file_twice_ingested_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    articles, _ = run(path, tmp_path, path)
    assert len(articles) == 1


def test_streams_lazily(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": f"Fiction {i}"}) + "\n" for i in range(1000)),
                    encoding="utf-8")
    stream = iter_inputs([str(path)], OPTS)
    first = next(stream)
    assert isinstance(first, Article) and first.source.endswith("#0")
    stream.close()  # type: ignore[attr-defined]


def test_oversized_jsonl_line_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    huge = json.dumps({"id": "big", "text": "Fiction " * 400_000})
    path.write_text(f'{{"id": "a", "text": "Fiction a"}}\n{huge}\n{{"id": "b", "text": "Fiction b"}}\n',
                    encoding="utf-8")
    articles, failures = run(path, options=IngestOptions(language=False, max_bytes=1_000_000))
    assert [a.source.rsplit("#", 1)[1] for a in articles] == ["a", "b"]
    assert [f.reason for f in failures] == [f"{path}:2: record too large (over 1.0 MB)"]
