"""Gold data: load and validate gold JSONL (DESIGN.md "Gold JSONL") and seed expectations.

A gold file holds one article per line, ``{"id", "text", "quotes": [...]}``; every gold quote must
satisfy ``text[start:end] == quote["text"]``, so offsets can never silently drift.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from quotetrace.errors import ConfigError
from quotetrace.records import QuoteKind, _Record

LOGGER = logging.getLogger(__name__)

KINDS: tuple[str, ...] = get_args(QuoteKind)


@dataclass(frozen=True)
class GoldQuote(_Record):
    """One annotated quote: ``text == article_text[start:end]`` (content without quotation marks)."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None  # canonical full name or organisation; None when unattributed
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(frozen=True)
class GoldArticle(_Record):
    """One annotated article: its text and every quote in it."""

    id: str
    text: str
    quotes: tuple[GoldQuote, ...]


def text_sha1(text: str) -> str:
    """The sha1 hex digest of ``text`` (UTF-8), used to pin seed spans."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _int_or_none(value: Any, name: str, fail: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        fail(f"{name} must be an integer or null, got {value!r}")
    return int(value)


def parse_gold_record(obj: Any, source: str = "<gold>", line: int | None = None) -> GoldArticle:
    """Validate one gold JSON object and turn it into a :class:`GoldArticle`.

    Raises :class:`ConfigError` naming ``source:line`` on any problem (missing keys, bad kinds,
    offsets outside the text, ``text[start:end] != quote.text``).
    """

    def fail(reason: str) -> None:
        raise ConfigError(source, line, reason)

    if not isinstance(obj, dict):
        fail("a gold record must be a JSON object")
    for key in ("id", "text", "quotes"):
        if key not in obj:
            fail(f"missing key {key!r}")
    text, quotes = obj["text"], obj["quotes"]
    if not isinstance(text, str):
        fail("'text' must be a string")
    if not isinstance(quotes, list):
        fail("'quotes' must be a list")
    parsed: list[GoldQuote] = []
    for n, q in enumerate(quotes):
        where = f"quote {n}"
        if not isinstance(q, dict):
            fail(f"{where}: must be an object")
        for key in ("start", "end", "text", "kind"):
            if key not in q:
                fail(f"{where}: missing key {key!r}")
        start = _int_or_none(q["start"], f"{where}: start", fail)
        end = _int_or_none(q["end"], f"{where}: end", fail)
        if start is None or end is None or not 0 <= start < end <= len(text):
            fail(f"{where}: span {q['start']}..{q['end']} is not inside the text (length {len(text)})")
        assert start is not None and end is not None
        if text[start:end] != q["text"]:
            fail(f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {q['text']!r}")
        if q["kind"] not in KINDS:
            fail(f"{where}: kind {q['kind']!r} is not one of {', '.join(KINDS)}")
        speaker = q.get("speaker")
        if speaker is not None and (not isinstance(speaker, str) or not speaker.strip()):
            fail(f"{where}: speaker must be a non-empty string or null")
        s_start = _int_or_none(q.get("speaker_start"), f"{where}: speaker_start", fail)
        s_end = _int_or_none(q.get("speaker_end"), f"{where}: speaker_end", fail)
        if (s_start is None) != (s_end is None):
            fail(f"{where}: speaker_start and speaker_end must both be set or both null")
        if s_start is not None and s_end is not None and not 0 <= s_start < s_end <= len(text):
            fail(f"{where}: speaker span {s_start}..{s_end} is not inside the text")
        parsed.append(GoldQuote(start, end, q["text"], q["kind"], speaker, s_start, s_end))
    parsed.sort(key=lambda g: (g.start, -g.end))
    return GoldArticle(str(obj["id"]), text, tuple(parsed))


def iter_gold(path: str | Path) -> Iterator[GoldArticle]:
    """Stream validated gold articles from a gold JSONL file (blank lines are skipped)."""
    path = Path(path)
    seen: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise ConfigError(str(path), number, f"not valid JSON: {exc.msg}") from exc
            article = parse_gold_record(obj, str(path), number)
            if article.id in seen:
                raise ConfigError(str(path), number, f"duplicate id {article.id!r}")
            seen.add(article.id)
            yield article


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Every validated gold article of a gold JSONL file."""
    return list(iter_gold(path))


def write_gold(articles: Iterable[GoldArticle], path: str | Path) -> int:
    """Write gold articles as gold JSONL; returns how many were written."""
    n = 0
    with Path(path).open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article.as_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def gold_from_expectations(path: str | Path, texts: str | Path) -> list[GoldArticle]:
    """Gold articles built at run time from offset-only expectations, the texts staying outside.

    ``path`` is a JSON list ``[{"file", "quotes": [{"start", "end", "kind", "speaker", "text_sha1"}]}]``
    (``seeds_expected.json``, ``realnews_expected.json``). ``texts`` is either a folder holding each
    ``file`` (the seeds in ``../shared/seeds``) or a JSON file ``{file: {"articleBody": text}}`` (the
    extraction benchmark's ``ground-truth.json``). The texts are never copied into the project; a span
    whose text no longer hashes to ``text_sha1`` raises :class:`ConfigError`.
    """
    path, texts = Path(path), Path(texts)
    entries = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(entries, list):
        raise ConfigError(str(path), None, "expected a JSON list of {file, quotes}")
    read = _text_reader(texts)
    articles = []
    for n, entry in enumerate(entries):
        name = entry.get("file") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not isinstance(entry.get("quotes"), list):
            raise ConfigError(str(path), None, f"entry {n}: needs 'file' and 'quotes'")
        text = read(name)
        if text is None:
            raise ConfigError(str(path), None, f"entry {n}: {name} not found in {texts}")
        quotes = []
        for k, q in enumerate(entry["quotes"]):
            start, end = q["start"], q["end"]
            span = text[start:end]
            if text_sha1(span) != q["text_sha1"]:
                raise ConfigError(str(path), None, f"{name} quote {k}: text[{start}:{end}] changed ({span[:40]!r})")
            quotes.append({**{key: v for key, v in q.items() if key != "text_sha1"}, "text": span})
        articles.append(parse_gold_record({"id": name, "text": text, "quotes": quotes}, f"{path}#{name}"))
    return articles


def _text_reader(texts: Path) -> Callable[[str], str | None]:
    """``name -> text`` from a folder of files or a ``{name: {"articleBody": text}}`` JSON file."""
    if texts.is_file():
        bodies = json.loads(texts.read_text(encoding="utf-8"))
        return lambda name: (bodies.get(name) or {}).get("articleBody")
    return lambda name: (texts / name).read_text(encoding="utf-8") if (texts / name).is_file() else None
