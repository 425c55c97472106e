"""Article metadata from outside the body: manifests, sidecar JSON, dates, outlets, language.

Precedence for every field: manifest > sidecar ``NAME.json`` > what the document itself says
(HTML metadata, feed entry) > derived values (outlet from the URL's domain, detected language).
"""

from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Container, Mapping
from dataclasses import dataclass, fields, replace
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from quotetrace.errors import ConfigError

LOGGER = logging.getLogger(__name__)

# The languages news in this project comes in; a small set keeps lingua fast and small.
NEWS_LANGUAGES = ("en", "de", "fr", "es", "it", "ru", "uk", "pt", "nl", "pl")
_LANGUAGE_SAMPLE = 1000
_LATIN_OR_CYRILLIC = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]")


@dataclass(frozen=True)
class ArticleMeta:
    """Metadata fields that may come from several places; None means "not known here"."""

    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: datetime | None = None
    authors: tuple[str, ...] | None = None
    language: str | None = None

    def over(self, fallback: ArticleMeta) -> ArticleMeta:
        """These values where set, the fallback's elsewhere."""
        filled = {}
        for name in _META_FIELDS:
            value = getattr(self, name)
            if value is None or value == ():
                other = getattr(fallback, name)
                if other is not value:
                    filled[name] = other
        return replace(self, **filled) if filled else self  # most fallbacks are empty: nothing to copy


_META_FIELDS = tuple(f.name for f in fields(ArticleMeta))


def parse_date(value: Any) -> datetime | None:
    """An aware UTC datetime from ISO 8601 (``2024-02-01``, ``…T10:00:00+02:00``), RFC 822, or None.

    Always UTC-aware so dates from HTML, feeds, manifests and JSONL compare and sort together;
    a value without a zone is taken as UTC.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _utc(value)
    text = str(value).strip()
    if not text:
        return None
    try:
        return _utc(datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text))
    except ValueError:
        pass
    try:
        return _utc(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        LOGGER.debug("unparseable date %r", text)
        return None


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def parse_authors(value: Any) -> tuple[str, ...] | None:
    """Authors from a list or a ``;``/`` and ``-separated string; None when absent."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        items = re.split(r"\s*;\s*|\s+and\s+|\s*\|\s*", value)
    elif isinstance(value, (list, tuple)):
        items = [str(v) for v in value if v is not None]
    else:
        return None
    authors = tuple(a.strip() for a in items if a and a.strip())
    return authors or None


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def meta_from_mapping(data: Mapping[str, Any]) -> ArticleMeta:
    """ArticleMeta from a JSON object or CSV row with keys url/outlet/title/published/authors/language."""
    return ArticleMeta(
        url=_text_or_none(data.get("url")),
        outlet=_text_or_none(data.get("outlet")),
        title=_text_or_none(data.get("title")),
        published=parse_date(data.get("published")),
        authors=parse_authors(data.get("authors")),
        language=_text_or_none(data.get("language")),
    )


class Manifest:
    """A CSV ``path,url,outlet,published`` (optional ``title,authors,language``); paths relative to it."""

    def __init__(self, entries: Mapping[Path, ArticleMeta]) -> None:
        self._entries = dict(entries)

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, path: Path) -> ArticleMeta:
        """The manifest's metadata for a file (empty when it is not listed)."""
        if not self._entries:  # no manifest: skip resolving the path (a syscall per directory level)
            return ArticleMeta()
        return self._entries.get(_key(path), ArticleMeta())

    @classmethod
    def empty(cls) -> Manifest:
        return cls({})

    @classmethod
    def load(cls, path: Path) -> Manifest:
        """Read a manifest; raises ConfigError naming file and line when it is malformed."""
        try:
            handle = path.open(newline="", encoding="utf-8-sig")
        except OSError as exc:
            raise ConfigError(str(path), None, f"cannot read manifest ({exc.strerror or exc})") from exc
        entries: dict[Path, ArticleMeta] = {}
        with handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "path" not in reader.fieldnames:
                raise ConfigError(str(path), 1, "manifest needs a header with a 'path' column")
            for row in reader:
                line = reader.line_num
                name = (row.get("path") or "").strip()
                if not name:
                    raise ConfigError(str(path), line, "empty path")
                if row.get("published") and parse_date(row["published"]) is None:
                    raise ConfigError(str(path), line, f"unreadable date {row['published']!r}")
                entries[_key(path.parent / name)] = meta_from_mapping(row)
        return cls(entries)


def _key(path: Path) -> Path:
    return path.expanduser().resolve()


def sidecar_path(path: Path, sidecars: Container[str] | None = None) -> Path | None:
    """The sidecar JSON of a file: ``NAME.EXT.json`` or ``NAME.json`` beside it (first that exists).

    ``sidecars``: the names of the ``.json`` files in the folder, when the caller listed it (no stat then).
    """
    stem = path.name[: -len(".gz")] if path.name.lower().endswith(".gz") else path.name
    for name in (stem + ".json", stem.rsplit(".", 1)[0] + ".json"):
        if name == path.name:
            continue
        if sidecars is not None:
            if name in sidecars:
                return path.with_name(name)
        elif path.with_name(name).is_file():
            return path.with_name(name)
    return None


def read_sidecar(path: Path, sidecars: Container[str] | None = None) -> ArticleMeta:
    """Metadata from the file's sidecar JSON; a broken sidecar is logged and ignored (the body still loads).

    ``sidecars``: as for ``sidecar_path``.
    """
    side = sidecar_path(path, sidecars)
    if side is None:
        return ArticleMeta()
    try:
        data = json.loads(side.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        LOGGER.warning("%s: sidecar ignored (%s)", side, exc)
        return ArticleMeta()
    if not isinstance(data, dict):
        LOGGER.warning("%s: sidecar ignored (not a JSON object)", side)
        return ArticleMeta()
    return meta_from_mapping(data)


def outlet_from_url(url: str | None) -> str | None:
    """The URL's host without ``www.`` (``www.bbc.co.uk`` → ``bbc.co.uk``), or None."""
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if host.startswith("www."):
        host = host[4:]
    return host or None


@lru_cache(maxsize=1)
def _detector() -> Any:
    # Built once per process: a restricted set in low-accuracy mode is ~fast and small in memory.
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in NEWS_LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language among NEWS_LANGUAGES (first ~1000 chars), or None."""
    sample = text[:_LANGUAGE_SAMPLE]
    letters = sum(1 for ch in sample if ch.isalpha())
    # Every NEWS_LANGUAGES member is Latin or Cyrillic; lingua would force Japanese into one of them.
    if not letters or len(_LATIN_OR_CYRILLIC.findall(sample)) < 0.5 * letters:
        return None
    language = _detector().detect_language_of(sample)
    if language is None:
        return None
    return str(language.iso_code_639_1.name).lower()


