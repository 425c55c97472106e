"""Data behind the CLI's read commands (speakers, speaker, stories, story, utterances), from a store."""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from quotetrace.compare.framing import Lexicon, load_lexicon
from quotetrace.compare.outlets import outlet_of
from quotetrace.compare.story import StoryComparison, compare_story
from quotetrace.compare.timeline import Timeline, speaker_timeline
from quotetrace.errors import QuotetraceError
from quotetrace.link.names import strip_accents
from quotetrace.records import Article, Quote, Speaker, Story, Utterance
from quotetrace.report.export import article_ref, story_rows, utterance_rows

LOGGER = logging.getLogger(__name__)


class NotFound(QuotetraceError):
    """No speaker, story or utterance matches what was asked for (the message lists close matches)."""


@dataclass
class StoreView:
    """The store's linked corpus in memory (duplicates left out), with the lookups the CLI needs."""

    articles: dict[str, Article]
    quotes: dict[str, Quote]
    speakers: dict[str, Speaker]
    utterances: list[Utterance]
    stories: list[Story]

    @classmethod
    def load(cls, store: Any) -> StoreView:
        articles = {a.id: a for a in store.iter_articles() if a.duplicate_of is None}
        quotes = {q.id: q for q in store.iter_quotes() if q.article_id in articles}
        return cls(articles, quotes, {s.id: s for s in store.speakers()}, list(store.utterances()),
                   list(store.stories()))

    def quote_counts(self) -> Counter[str]:
        return Counter(q.speaker_id for q in self.quotes.values() if q.speaker_id)

    def find_speaker(self, name: str) -> Speaker:
        """The speaker whose id, name or alias is ``name`` (any case, accents ignored); NotFound lists close names."""
        wanted = _fold(name)
        for speaker in sorted(self.speakers.values(), key=lambda s: s.id):
            if speaker.id == name or wanted in {_fold(n) for n in (speaker.name, *speaker.aliases)}:
                return speaker
        names = {s.name: s for s in self.speakers.values()}
        close = [n for n, score, _ in process.extract(name, list(names), scorer=fuzz.WRatio, limit=5) if score >= 60]
        if len(close) == 1 and _fold(name) in _fold(close[0]).split():
            return names[close[0]]  # a unique surname: "Varn" for "Ilsa Varn"
        hint = f"; close: {', '.join(close)}" if close else ""
        raise NotFound(f"no speaker named {name!r}{hint}")

    def find_story(self, story_id: str) -> Story:
        matches = [s for s in self.stories if s.id == story_id] or [s for s in self.stories if s.id.startswith(story_id)]
        if len(matches) != 1:
            raise NotFound(f"no story {story_id!r}" if not matches else f"story id {story_id!r} is ambiguous")
        return matches[0]


def _fold(text: str) -> str:
    return " ".join(strip_accents(text).lower().split())


def speakers_rows(view: StoreView) -> list[dict[str, Any]]:
    counts = view.quote_counts()
    outlets: dict[str, set[str]] = defaultdict(set)
    for quote in view.quotes.values():
        if quote.speaker_id:
            outlets[quote.speaker_id].add(outlet_of(view.articles[quote.article_id]))
    rows = []
    for speaker in sorted(view.speakers.values(), key=lambda s: (-counts[s.id], s.name)):
        row = speaker.as_dict()
        row["quotes"] = counts[speaker.id]
        row["outlets"] = sorted(outlets[speaker.id])
        rows.append(row)
    return rows


def speaker_timeline_for(view: StoreView, name: str, topics: Sequence[str] = ()) -> tuple[Speaker, Timeline]:
    speaker = view.find_speaker(name)
    return speaker, speaker_timeline(speaker.id, view.quotes.values(), view.articles, view.utterances, topics)


def timeline_rows(timeline: Timeline) -> list[dict[str, Any]]:
    rows = []
    for entry in timeline.entries:
        row = entry.as_dict()
        row["speaker_id"] = timeline.speaker_id
        rows.append(row)
    return rows


def stories_rows(view: StoreView) -> list[dict[str, Any]]:
    rows = list(story_rows(view.stories, view.articles))
    for row in rows:
        row["n_articles"] = len(row["article_ids"])
    rows.sort(key=lambda r: (-len(r["outlets"]), -r["n_articles"], r["id"]))
    return rows


def story_detail(view: StoreView, story_id: str, lexicon: Lexicon | None = None) -> tuple[Story, StoryComparison]:
    story = view.find_story(story_id)
    return story, compare_story(story, view.articles, view.quotes, view.utterances, lexicon or load_lexicon())


def story_detail_row(view: StoreView, story: Story, comparison: StoryComparison) -> dict[str, Any]:
    """One JSON object for ``story ID --format jsonl``: the story, its articles, the comparison."""
    row = next(story_rows([story], view.articles))
    row["comparison"] = comparison.as_dict()
    return row


def utterances_rows(view: StoreView, speaker: str | None = None, altered: bool = False) -> list[dict[str, Any]]:
    chosen = view.utterances
    if speaker is not None:
        wanted = view.find_speaker(speaker).id
        chosen = [u for u in chosen if u.speaker_id == wanted]
    if altered:
        chosen = [u for u in chosen if any(v.altered for v in u.variants)]
    rows = list(utterance_rows(chosen, view.quotes, view.articles, view.speakers))
    rows.sort(key=lambda r: (-len(r["outlets"]), -len(r["quote_ids"]), r["id"]))
    return rows


def articles_by_outlet(view: StoreView, story: Story) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for article_id in story.article_ids:
        ref = article_ref(view.articles.get(article_id), article_id)
        grouped[ref["outlet"] or "(unknown outlet)"].append(ref)
    return dict(sorted(grouped.items()))
