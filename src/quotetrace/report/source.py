"""Where the report's pages get their records: all in memory (``MemorySource``) or from the store,
one page (one story, one speaker, a batch of utterances) at a time (``StoreSource``).

The store source reads each story's stored comparison (recomputing it only when the report is asked
for another lexicon than the one the run used) and never holds more than one story's article texts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from quotetrace.compare.framing import Lexicon, load_lexicon
from quotetrace.compare.outlets import outlet_of
from quotetrace.compare.stage import compare_loaded, lexicon_key, load_story
from quotetrace.compare.story import StoryComparison, compare_story
from quotetrace.records import Speaker, Story, Utterance
from quotetrace.report.build import ReportData, _Corpus, rank_utterances

UTTERANCE_PAGE = 200  # utterances loaded per batch by the store source


@dataclass(frozen=True)
class Page:
    """The records one or more report pages show; ``story_of`` maps their articles to story ids."""

    data: ReportData
    story_of: Mapping[str, str]


@dataclass(frozen=True)
class IndexFacts:
    """What the index page shows."""

    counts: Mapping[str, int]
    kinds: Mapping[str, int]
    stories: Sequence[tuple[Story, int]]  # (story, statements in its coverage matrix)
    speakers: Sequence[tuple[Speaker, int, list[str]]]  # (speaker, quotes, outlets)
    top: Sequence[tuple[Utterance, list[str], str]]  # (utterance, outlets, speaker name)


class ReportSource(Protocol):
    title: str

    def story_pages(self) -> Iterator[tuple[Page, StoryComparison]]: ...
    def speaker_pages(self) -> Iterator[Page]: ...
    def utterance_pages(self) -> Iterator[Page]: ...
    def index_facts(self, coverage_rows: Mapping[str, int], limit: int) -> IndexFacts: ...


def _story_order(stories: Sequence[Story], coverage_rows: Mapping[str, int]) -> list[tuple[Story, int]]:
    ordered = sorted(stories, key=lambda s: (-len(s.outlets), -len(s.article_ids), s.id))
    return [(s, coverage_rows.get(s.id, 0)) for s in ordered]


class MemorySource:
    """Every record already in memory (tests, benchmarks, the Python API)."""

    def __init__(self, data: ReportData) -> None:
        self.data = data
        self.title = data.title
        self.corpus = _Corpus(data)

    def story_pages(self) -> Iterator[tuple[Page, StoryComparison]]:
        data, corpus = self.data, self.corpus
        for story in data.stories:
            # Only this story's quotes and utterances: keeps the report linear in corpus size.
            quotes = {q.id: q for a in story.article_ids for q in corpus.quotes_by_article.get(a, ())}
            utterance_ids = dict.fromkeys(corpus.utterance_of[q] for q in quotes if q in corpus.utterance_of)
            utterances = [corpus.utterance[u] for u in utterance_ids]
            comparison = compare_story(story, data.articles, quotes, utterances, data.lexicon)
            page = ReportData(data.articles, quotes, data.speakers, utterances, [story], data.lexicon, data.title)
            yield Page(page, corpus.story_of), comparison

    def speaker_pages(self) -> Iterator[Page]:
        yield Page(self.data, self.corpus.story_of)

    def utterance_pages(self) -> Iterator[Page]:
        yield Page(self.data, self.corpus.story_of)

    def index_facts(self, coverage_rows: Mapping[str, int], limit: int) -> IndexFacts:
        data, corpus = self.data, self.corpus
        quote_count: Counter[str] = Counter()
        speaker_outlets: dict[str, set[str]] = defaultdict(set)
        for quote in data.quotes.values():
            if quote.speaker_id and quote.article_id in data.articles:
                quote_count[quote.speaker_id] += 1
                speaker_outlets[quote.speaker_id].add(outlet_of(data.articles[quote.article_id]))
        speakers = sorted(data.speakers, key=lambda s: (-quote_count[s.id], s.name))
        counts = {"articles": len(data.articles), "outlets": len({outlet_of(a) for a in data.articles.values()}),
                  "quotes": len(data.quotes), "speakers": len(data.speakers), "stories": len(data.stories),
                  "utterances": len(data.utterances)}
        top = rank_utterances(((u, corpus.outlets_of(u)) for u in data.utterances), limit)
        return IndexFacts(counts, Counter(q.kind for q in data.quotes.values()),
                          _story_order(data.stories, coverage_rows),
                          [(s, quote_count[s.id], sorted(speaker_outlets[s.id])) for s in speakers],
                          [(u, outlets, corpus.speaker_name(u.speaker_id)) for u, outlets in top])


class StoreSource:
    """Records read from a ``quotetrace.store.Store`` page by page."""

    def __init__(self, store: Any, lexicon: Lexicon | None = None, title: str = "quotetrace report") -> None:
        self.store = store
        self.lexicon = lexicon or load_lexicon()
        self.title = title

    def _data(self, **parts: Any) -> ReportData:
        fields: dict[str, Any] = {"articles": {}, "quotes": {}, "speakers": [], "utterances": [], "stories": []}
        fields.update(parts)
        return ReportData(lexicon=self.lexicon, title=self.title, **fields)

    def story_pages(self) -> Iterator[tuple[Page, StoryComparison]]:
        keys = self.store.comparison_keys()
        wanted = lexicon_key(self.lexicon)
        for story in self.store.stories():
            records = load_story(self.store, story)
            comparison = None
            if keys.get(story.id, ("",))[0] == wanted:
                comparison = self.store.story_comparison(story.id)
            if comparison is None:  # not compared yet, or asked for another lexicon than the run used
                comparison = compare_loaded(records, self.lexicon)
            speaker_ids = {u.speaker_id for u in records.utterances} | {c.speaker_id for c in comparison.verbs.counts}
            speakers = list(self.store.speakers_by_ids(s for s in speaker_ids if s).values())
            page = self._data(articles=records.articles, quotes=records.quotes, speakers=speakers,
                              utterances=list(records.utterances), stories=[story])
            yield Page(page, {}), comparison

    def speaker_pages(self) -> Iterator[Page]:
        for speaker in self.store.speakers():
            quotes = {q.id: q for q in self.store.quotes_of_speaker(speaker.id)}
            article_ids = {q.article_id for q in quotes.values()}
            articles = self.store.articles_by_ids(article_ids, text=False)
            utterances = self.store.utterances_of_quotes(quotes)
            page = self._data(articles=articles, quotes=quotes, speakers=[speaker], utterances=utterances)
            yield Page(page, self.store.story_of_articles(article_ids))

    def utterance_pages(self) -> Iterator[Page]:
        ids = self.store.utterance_ids()
        for start in range(0, len(ids), UTTERANCE_PAGE):
            utterances = self.store.utterances_by_ids(ids[start:start + UTTERANCE_PAGE])
            quotes = {q.id: q for q in self.store.quotes_by_ids(qid for u in utterances for qid in u.quote_ids)}
            article_ids = {q.article_id for q in quotes.values()} | {v.article_id for u in utterances for v in u.variants}
            articles = self.store.articles_by_ids(article_ids, text=False)
            speakers = list(self.store.speakers_by_ids(u.speaker_id for u in utterances if u.speaker_id).values())
            page = self._data(articles=articles, quotes=quotes, speakers=speakers, utterances=utterances)
            yield Page(page, self.store.story_of_articles(article_ids))

    def index_facts(self, coverage_rows: Mapping[str, int], limit: int) -> IndexFacts:
        store = self.store
        kinds = store.quote_kinds()
        table_counts = store.counts()
        counts = {"articles": store.count_articles(), "outlets": store.outlet_count(), "quotes": sum(kinds.values()),
                  "speakers": table_counts["speakers"], "stories": table_counts["stories"],
                  "utterances": table_counts["utterances"]}
        quote_count, speaker_outlets = store.speaker_outlets()
        speakers = sorted(store.speakers(), key=lambda s: (-quote_count[s.id], s.name))
        outlets = store.utterance_outlets()
        n_quotes = store.utterance_quote_counts()
        ranked = sorted(outlets, key=lambda u: (-len(outlets[u]), -n_quotes.get(u, 0), u))[:limit]
        loaded = {u.id: u for u in store.utterances_by_ids(ranked)}
        names = {s.id: s.name for s in speakers}
        top = [(loaded[u], sorted(outlets[u]), names.get(loaded[u].speaker_id or "", "(unknown speaker)"))
               for u in ranked if u in loaded]
        return IndexFacts(counts, kinds, _story_order(store.stories(), coverage_rows),
                          [(s, quote_count[s.id], sorted(speaker_outlets[s.id])) for s in speakers], top)
