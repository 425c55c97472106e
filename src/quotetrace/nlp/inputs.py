"""Inputs for ``quotetrace extract``: text files, JSONL article records, other formats via ingest."""

from __future__ import annotations

import importlib
import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from quotetrace.errors import InputError
from quotetrace.records import Article, IngestFailure, stable_id

LOGGER = logging.getLogger(__name__)


def decode(data: bytes, source: str) -> str:
    """Bytes → text: UTF-8 (BOM dropped), else the encoding charset-normalizer detects."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError(source, "cannot detect the text encoding") from None
        return str(best)


def _jsonl_articles(path: Path) -> Iterator[tuple[str, Article | IngestFailure]]:
    with path.open("rb") as handle:
        for line_no, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            where = f"{path}:{line_no}"
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as exc:
                yield where, IngestFailure(where, f"invalid JSON: {exc.msg}")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                yield where, IngestFailure(where, 'a record needs a "text" string')
                continue
            doc = str(record.get("id") or stable_id(record["text"]))
            yield doc, Article(id=doc, text=record["text"], source=f"{path}#{doc}", url=record.get("url"),
                               outlet=record.get("outlet"), title=record.get("title"))


def iter_inputs(paths: Iterable[str]) -> Iterator[tuple[str, Article | IngestFailure]]:
    """(doc name, Article or IngestFailure) for every input; bad inputs become failures, never raise."""
    for name in paths:
        path = Path(name)
        if name.startswith(("http://", "https://")) or path.is_dir():
            yield from _other_inputs(name)
            continue
        if not path.exists():
            yield name, IngestFailure(name, "no such file")
            continue
        try:
            if path.suffix.lower() == ".jsonl":
                yield from _jsonl_articles(path)
            elif path.suffix.lower() in (".txt", ".text", ""):
                text = decode(path.read_bytes(), name)
                yield name, Article(id=name, text=text, source=name)
            else:
                yield from _other_inputs(name)
        except (OSError, InputError) as exc:
            yield name, IngestFailure(name, str(exc))


def _other_inputs(name: str) -> Iterator[tuple[str, Article | IngestFailure]]:
    """HTML, WARC, feeds…: delegated to ``quotetrace.ingest.sources.iter_inputs`` when it exists."""
    try:
        sources = importlib.import_module("quotetrace.ingest.sources")
    except ImportError:
        yield name, IngestFailure(name, "unsupported input type (ingest.sources is not available)")
        return
    try:
        for item in sources.iter_inputs([name]):
            if isinstance(item, Article):
                yield (item.source or item.url or name), item
            elif isinstance(item, IngestFailure):
                yield item.source, item
            else:
                yield name, IngestFailure(name, f"unexpected ingest item {type(item).__name__}")
    except Exception as exc:  # another stage's reader: report and go on
        yield name, IngestFailure(name, f"cannot read: {exc}")
