"""The bundled demo corpus (fiction) and the labelled story set are well formed and reproducible."""

from __future__ import annotations

import csv
import importlib.util
import json
from collections import Counter
from pathlib import Path

import feedparser
from warcio.archiveiterator import ArchiveIterator

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
STORIES = ROOT / "tests" / "fixtures" / "stories" / "articles.jsonl"


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_manifest_lists_every_txt_and_html_file() -> None:
    with (CORPUS / "manifest.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    listed = {row["path"] for row in rows}
    on_disk = {p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".html")}
    assert listed == on_disk
    for row in rows:
        assert row["url"].startswith("https://") and ".example/" in row["url"]
        assert row["outlet"] and row["published"][:4] == "2026"


def test_jsonl_warc_and_feed_read_back() -> None:
    lines = (CORPUS / "mixed-articles.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 3 and all(r["fiction"] and r["text"] and r["id"] for r in records)
    with (CORPUS / "crawl-2026-03.warc.gz").open("rb") as handle:
        responses = [r.content_stream().read() for r in ArchiveIterator(handle) if r.rec_type == "response"]
    assert len(responses) == 2 and all(b"og:site_name" in body for body in responses)
    feed = feedparser.parse((CORPUS / "feed" / "rss.xml").read_bytes())
    assert not feed.bozo and feed.version == "rss20"
    for entry in feed.entries:
        assert not entry.link.startswith("http") and (CORPUS / "feed" / entry.link).is_file()


def test_build_script_reproduces_the_committed_text_files(tmp_path: Path) -> None:
    build = _load(ROOT / "examples" / "build_corpus.py", "build_corpus")
    build.build(tmp_path)
    for path in tmp_path.rglob("*"):
        if path.is_file() and not path.name.endswith(".gz"):  # WARC record ids are random per build
            assert path.read_bytes() == (CORPUS / path.relative_to(tmp_path)).read_bytes(), path.name


def test_demo_corpus_has_the_promised_shape() -> None:
    build = _load(ROOT / "examples" / "build_corpus.py", "build_corpus")
    assert 18 <= len(build.ARTICLES) <= 22
    assert len({a["outlet"] for a in build.ARTICLES}) == 6
    for art in build.ARTICLES:
        words = len(" ".join(build.paragraphs(art["body"])).split())
        assert 150 <= words <= 400, art["key"]


def test_story_set_labels() -> None:
    rows = [json.loads(line) for line in STORIES.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 84 and len({r["id"] for r in rows}) == len(rows)
    sizes = Counter(r["event"] for r in rows)
    assert len(sizes) >= 13 and max(sizes.values()) <= 12 and min(sizes.values()) == 1
    for row in rows:
        assert set(row) >= {"id", "outlet", "title", "published", "url", "text", "event"}
        assert row["text"].startswith(row["title"]) and 80 <= len(row["text"].split()) <= 200
    generator = _load(STORIES.parent / "make_articles.py", "make_articles")
    assert generator.rows() == rows  # the JSONL is what the generator writes
