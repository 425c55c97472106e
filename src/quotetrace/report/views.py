"""Data behind the CLI's read commands (speakers, speaker, stories, story, utterances), from a store.

Each command reads only what it shows: the stored comparison of one story, one speaker's quotes,
the listed statements' quotes, article metadata without texts. ``StoreView`` (the whole linked corpus
in memory) remains for exports, which write everything anyway.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from quotetrace.compare.framing import Lexicon, load_lexicon
from quotetrace.compare.stage import compare_loaded, lexicon_key, load_story
from quotetrace.compare.story import StoryComparison
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
        return find_speaker(self.speakers.values(), name)


def find_speaker(speakers: Iterable[Speaker], name: str) -> Speaker:
    """The speaker whose id, name or alias is ``name`` (any case, accents ignored); NotFound lists close names."""
    everyone = sorted(speakers, key=lambda s: s.id)
    wanted = _fold(name)
    for speaker in everyone:
        if speaker.id == name or wanted in {_fold(n) for n in (speaker.name, *speaker.aliases)}:
            return speaker
    # the words asked for all appear in one speaker's name or aliases ("Zelenskyy", "Jens Stoltenberg")
    holders = [s for s in everyone if any(set(wanted.split()) <= set(_fold(n).split()) for n in (s.name, *s.aliases))]
    if len(holders) == 1:
        return holders[0]
    names = {s.name: s for s in everyone}
    close = [n for n, score, _ in process.extract(name, list(names), scorer=fuzz.WRatio, limit=5) if score >= 60]
    if len(close) == 1 and _fold(name) in _fold(close[0]).split():
        return names[close[0]]  # a unique surname: "Varn" for "Ilsa Varn"
    hint = f"; close: {', '.join(close)}" if close else ""
    raise NotFound(f"no speaker named {name!r}{hint}")


def _fold(text: str) -> str:
    return " ".join(strip_accents(text).lower().split())


def speakers_rows(store: Any) -> list[dict[str, Any]]:
    """Every speaker with quote count and outlets (aggregated in the store; no quote is loaded)."""
    counts, outlets = store.speaker_outlets()
    rows = []
    for speaker in sorted(store.speakers(), key=lambda s: (-counts[s.id], s.name)):
        row = speaker.as_dict()
        row["quotes"] = counts[speaker.id]
        row["outlets"] = sorted(outlets[speaker.id])
        rows.append(row)
    return rows


def speaker_timeline_for(store: Any, name: str, topics: Sequence[str] = ()) -> tuple[Speaker, Timeline]:
    """One speaker's timeline: only that speaker's quotes and their articles' metadata are read."""
    speaker = find_speaker(store.speakers(), name)
    quotes = store.quotes_of_speaker(speaker.id)
    articles = store.articles_by_ids({q.article_id for q in quotes}, text=False)
    utterances = store.utterances_of_quotes(q.id for q in quotes)
    return speaker, speaker_timeline(speaker.id, quotes, articles, utterances, topics)


def timeline_rows(timeline: Timeline) -> list[dict[str, Any]]:
    rows = []
    for entry in timeline.entries:
        row = entry.as_dict()
        row["speaker_id"] = timeline.speaker_id
        rows.append(row)
    return rows


def stories_rows(store: Any) -> list[dict[str, Any]]:
    """Every story with its articles' references (metadata only, no text)."""
    stories = store.stories()
    articles = store.articles_by_ids({a for s in stories for a in s.article_ids}, text=False)
    rows = list(story_rows(stories, articles))
    for row in rows:
        row["n_articles"] = len(row["article_ids"])
    rows.sort(key=lambda r: (-len(r["outlets"]), -r["n_articles"], r["id"]))
    return rows


@dataclass(frozen=True)
class StoryDetail:
    """One story, its stored comparison, and the records the comparison names (articles without text)."""

    story: Story
    comparison: StoryComparison
    articles: dict[str, Article]
    utterances: dict[str, Utterance]
    speakers: dict[str, Speaker]


def find_story(store: Any, story_id: str) -> Story:
    matches = store.find_stories(story_id)
    if len(matches) != 1:
        raise NotFound(f"no story {story_id!r}" if not matches else f"story id {story_id!r} is ambiguous")
    return matches[0]  # type: ignore[no-any-return]


def story_detail(store: Any, story_id: str, lexicon: Lexicon | None = None) -> StoryDetail:
    """The stored comparison of one story; recomputed from its records only for another lexicon
    than the run used, or when the compare stage has not run on it yet."""
    story = find_story(store, story_id)
    comparison = None
    stored_lexicon = store.comparison_keys().get(story.id, ("",))[0]
    if lexicon is None or lexicon_key(lexicon) == stored_lexicon:
        comparison = store.story_comparison(story.id)
    if comparison is None:
        comparison = compare_loaded(load_story(store, story), lexicon or load_lexicon())
    utterances = {u.id: u for u in store.utterances_by_ids(comparison.coverage.utterance_ids)}
    speaker_ids = {u.speaker_id for u in utterances.values()} | {c.speaker_id for c in comparison.verbs.counts}
    speakers = store.speakers_by_ids(s for s in speaker_ids if s)
    return StoryDetail(story, comparison, store.articles_by_ids(story.article_ids, text=False), utterances, speakers)


def story_detail_row(detail: StoryDetail) -> dict[str, Any]:
    """One JSON object for ``story ID --format jsonl``: the story, its articles, the comparison."""
    row = next(story_rows([detail.story], detail.articles))
    row["comparison"] = detail.comparison.as_dict()
    return row


def utterances_rows(store: Any, speaker: str | None = None, altered: bool = False) -> list[dict[str, Any]]:
    """Statements (all, or one speaker's), most widely carried first; loads their quotes, not the corpus."""
    speaker_id = find_speaker(store.speakers(), speaker).id if speaker is not None else None
    chosen = store.utterances(speaker_id)
    if altered:
        chosen = [u for u in chosen if any(v.altered for v in u.variants)]
    quotes = {q.id: q for q in store.quotes_by_ids(qid for u in chosen for qid in u.quote_ids)}
    article_ids = {q.article_id for q in quotes.values()} | {v.article_id for u in chosen for v in u.variants}
    articles = store.articles_by_ids(article_ids, text=False)
    speakers = store.speakers_by_ids(u.speaker_id for u in chosen if u.speaker_id)
    rows = list(utterance_rows(chosen, quotes, articles, speakers))
    rows.sort(key=lambda r: (-len(r["outlets"]), -len(r["quote_ids"]), r["id"]))
    return rows


def articles_by_outlet(detail: StoryDetail) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for article_id in detail.story.article_ids:
        ref = article_ref(detail.articles.get(article_id), article_id)
        grouped[ref["outlet"] or "(unknown outlet)"].append(ref)
    return dict(sorted(grouped.items()))
