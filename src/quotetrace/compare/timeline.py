"""A speaker's statements in date order, with where each was reported and links back to the articles."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from quotetrace.compare.outlets import outlet_of
from quotetrace.records import Article, Quote, QuoteKind, Utterance, _Record

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class TimelineEntry(_Record):
    """One quote of the speaker as one article reported it."""

    date: datetime | None
    outlet: str
    venue: str | None
    kind: QuoteKind
    text: str
    cue: str | None
    quote_id: str
    article_id: str
    article_title: str | None
    source: str
    url: str | None
    utterance_id: str | None = None


@dataclass(frozen=True)
class Timeline(_Record):
    speaker_id: str
    entries: tuple[TimelineEntry, ...]
    topics: tuple[str, ...] = ()


def _sort_key(when: datetime | None) -> float:
    if when is None:
        return float("inf")  # undated statements go last
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.timestamp()


def topic_matcher(topics: Sequence[str]) -> re.Pattern[str] | None:
    """Whole-word, case-insensitive pattern matching any of ``topics`` (None when there are none)."""
    words = [" ".join(t.split()) for t in topics if t.strip()]
    if not words:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def speaker_timeline(speaker_id: str, quotes: Iterable[Quote], articles: Mapping[str, Article],
                     utterances: Iterable[Utterance] = (), topics: Sequence[str] = (),
                     quote_speaker: Mapping[str, str] | None = None) -> Timeline:
    """Every quote of ``speaker_id`` in date order (undated last), optionally only those whose
    quote text or article title matches one of ``topics`` (whole word, any case)."""
    utterance_of = {qid: u.id for u in utterances for qid in u.quote_ids}
    matcher = topic_matcher(topics)
    entries = []
    for quote in quotes:
        if ((quote_speaker or {}).get(quote.id) or quote.speaker_id) != speaker_id:
            continue
        article = articles.get(quote.article_id)
        if article is None:
            LOGGER.debug("quote %s: article %s not given; left out", quote.id, quote.article_id)
            continue
        if matcher is not None and not (matcher.search(quote.text) or matcher.search(article.title or "")):
            continue
        entries.append((quote.start, TimelineEntry(
            date=article.published, outlet=outlet_of(article), venue=quote.context.venue, kind=quote.kind,
            text=quote.text, cue=quote.cue.lemma if quote.cue else None, quote_id=quote.id,
            article_id=article.id, article_title=article.title, source=article.source, url=article.url,
            utterance_id=utterance_of.get(quote.id),
        )))
    entries.sort(key=lambda se: (_sort_key(se[1].date), se[1].outlet, se[1].article_id, se[0], se[1].quote_id))
    return Timeline(speaker_id, tuple(e for _, e in entries), tuple(topics))
