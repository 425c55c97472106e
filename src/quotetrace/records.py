"""Frozen records passed between pipeline stages (see ../shared/DESIGN.md).

Every record is picklable and has ``as_dict()`` for storage, JSON and Dask.
Character offsets always index the article text exactly as the user gave it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

QuoteKind = Literal["direct", "partial", "indirect"]
SpeakerKind = Literal["person", "organisation", "body", "unknown"]


def stable_id(*parts: object, length: int = 16) -> str:
    """A deterministic hex id from the given parts (same inputs, same id, every run)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Record:
    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (datetimes as ISO strings, tuples as lists)."""
        return _plain(self)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Span(_Record):
    """A half-open character span ``text[start:end]`` with an optional label (e.g. junk reason)."""

    start: int
    end: int
    label: str = ""


@dataclass(frozen=True)
class Article(_Record):
    id: str
    text: str
    source: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    language: str | None = None
    junk: tuple[Span, ...] = ()
    content_hash: str = ""
    duplicate_of: str | None = None


@dataclass(frozen=True)
class IngestFailure(_Record):
    """An input that could not be read; reported and skipped, never fatal to a batch."""

    source: str
    reason: str


@dataclass(frozen=True)
class SpeakerMention(_Record):
    """A place in an article that names (or refers to) a speaker: "he", "the NATO chief", "Peskov"."""

    article_id: str
    text: str
    start: int
    end: int
    name: str | None = None  # canonical name within the article, None when unresolved
    title: str | None = None  # role or title seen with the name: "NATO Secretary-General"
    kind: SpeakerKind = "unknown"


@dataclass(frozen=True)
class Cue(_Record):
    """The reporting verb (or "according to") introducing a quote: lemma plus its span."""

    lemma: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class QuoteContext(_Record):
    venue: str | None = None  # "at a press conference", "on Fox News"
    addressee: str | None = None  # "EU Parliament officials"
    relay: str | None = None  # "European Pravda" in "as reported by European Pravda"


@dataclass(frozen=True)
class Quote(_Record):
    id: str
    article_id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None  # canonical name within the article
    speaker_mention: SpeakerMention | None = None
    speaker_id: str | None = None  # corpus-wide Speaker id, set by link/
    cue: Cue | None = None
    context: QuoteContext = field(default_factory=QuoteContext)
    parent_id: str | None = None  # the quote this one is nested in
    confidence: float = 1.0
    continues: str | None = None  # id of the previous part of a split quote ("A," he said. "B.")


@dataclass(frozen=True)
class Speaker(_Record):
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    kind: SpeakerKind = "person"


@dataclass(frozen=True)
class WordDiff(_Record):
    """One step of a word-level diff against the canonical text: op is equal/insert/delete/replace."""

    op: str
    canonical: str
    variant: str


@dataclass(frozen=True)
class Variant(_Record):
    quote_id: str
    article_id: str
    outlet: str | None
    text: str
    kind: QuoteKind
    diff: tuple[WordDiff, ...] = ()
    altered: bool = False  # words changed, not merely shortened


@dataclass(frozen=True)
class Utterance(_Record):
    id: str
    speaker_id: str | None
    canonical_text: str
    quote_ids: tuple[str, ...]
    variants: tuple[Variant, ...] = ()
    first_seen: datetime | None = None


@dataclass(frozen=True)
class Story(_Record):
    id: str
    title: str
    article_ids: tuple[str, ...]
    start: datetime | None = None
    end: datetime | None = None
    outlets: tuple[str, ...] = ()
