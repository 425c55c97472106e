"""The main job: ingest -> extract -> link -> compare -> report, each stage committed to the store.

Re-runs are cheap and idempotent: ingest skips what is stored, extraction runs only on articles
whose quotes are not stored yet, and linking is recomputed over the whole corpus with
deterministic ids, so a second run gives the same speakers, utterances and stories.
Each stage (and each extraction batch) is one store transaction: a run that fails half way leaves
every finished stage written and the failing one as it was.
"""

from __future__ import annotations

import base64

import logging
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from quotetrace.compare.framing import Lexicon, load_lexicon
from quotetrace.compare.outlets import outlet_of
from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.pipeline import IngestSummary, ingest
from quotetrace.link.aliases import AliasBook, load_aliases
from quotetrace.link.stories import StoryClusterer
from quotetrace.report.build import ReportData, write_report
from quotetrace.records import Article, IngestFailure, Quote, Speaker, Story, Utterance, _Record
from quotetrace.store import Store

LOGGER = logging.getLogger(__name__)

Progress = Callable[[str, int, int | None], None]  # (stage, done, total or None)


@dataclass(frozen=True)
class RunOptions:
    """Everything ``run`` takes besides its inputs and store."""

    manifest: Path | None = None
    aliases: Path | None = None
    lexicon: Path | None = None
    report_dir: Path | None = None
    batch_size: int = 32  # articles per extraction transaction
    top: int = 10  # cross-outlet utterances listed in the summary


@dataclass(frozen=True)
class TopUtterance(_Record):
    utterance_id: str
    speaker: str
    text: str
    outlets: tuple[str, ...]


@dataclass(frozen=True)
class RunSummary(_Record):
    """What one run did and what the store now holds."""

    inputs: int
    new_articles: int
    failures: tuple[IngestFailure, ...]
    extracted: int  # articles extracted in this run
    articles: int
    outlets: int
    quotes_by_kind: dict[str, int]
    speakers: int
    stories: int
    utterances: int
    top: tuple[TopUtterance, ...] = ()
    report: str | None = None
    skipped_duplicates: int = 0

    @property
    def quotes(self) -> int:
        return sum(self.quotes_by_kind.values())

    @property
    def completed(self) -> bool:
        """False when nothing could be processed: no article in the store at all."""
        return self.articles > 0


@dataclass
class _Corpus:
    """The store's contents after linking, loaded once for comparison and the report."""

    articles: dict[str, Article]
    quotes: dict[str, Quote]
    speakers: list[Speaker]
    utterances: list[Utterance]
    stories: list[Story]


def _noop(stage: str, done: int, total: int | None) -> None:
    del stage, done, total


def run_job(inputs: Sequence[str], store: Store, options: RunOptions = RunOptions(),
            progress: Progress = _noop) -> RunSummary:
    """Run the whole job over ``inputs`` into ``store``; write the report when ``options.report_dir``."""
    # Config files are read first: a bad aliases or lexicon file fails before any work is done.
    aliases = _load_aliases(options.aliases)
    lexicon = load_lexicon(options.lexicon)

    ingest_summary = _ingest(inputs, store, options, progress)
    extracted = _extract_new(store, options.batch_size, progress)
    _link(store, aliases, progress)
    corpus = _load(store)
    _compare(store, corpus, lexicon, progress)
    report = None
    if options.report_dir is not None and corpus.articles:
        progress("report", 0, None)
        report = str(_report(corpus, lexicon, options.report_dir))
        progress("report", 1, 1)
    return _summary(inputs, ingest_summary, extracted, corpus, options.top, report)


def _load_aliases(path: Path | None) -> AliasBook | None:
    return load_aliases(path) if path is not None else None


# --- stages ----------------------------------------------------------------------------------


def _ingest(inputs: Sequence[str], store: Store, options: RunOptions, progress: Progress) -> IngestSummary:
    progress("ingest", 0, None)
    summary = ingest(list(inputs), store, IngestOptions(manifest=options.manifest),
                     progress=lambda done: progress("ingest", done, None))
    return summary


def _batches(items: Sequence[Article], size: int) -> Iterator[list[Article]]:
    for i in range(0, len(items), size):
        yield list(items[i:i + size])


def _extract_new(store: Store, batch_size: int, progress: Progress) -> int:
    """Extract quotes for the stored articles that have none stored yet; one transaction per batch."""
    # Near duplicates are extracted too: a wire copy in another outlet still carried those statements.
    pending = list(store.iter_articles(without_quotes=True))
    if not pending:
        return 0
    from quotetrace.nlp.pipeline import Extractor

    extractor = Extractor()
    done = 0
    progress("extract", 0, len(pending))
    for batch in _batches(pending, batch_size):
        results = list(extractor.extract_many(batch, batch_size=batch_size))
        with store.transaction():
            for result in results:
                store.replace_quotes(result.article_id, result.quotes, result.mentions)
        done += len(batch)
        progress("extract", done, len(pending))
    LOGGER.info("extracted %d articles", done)
    return done


def _link(store: Store, aliases: AliasBook | None, progress: Progress) -> None:
    """Recompute speakers, utterances and stories over the whole corpus; written in one transaction."""
    from quotetrace.link.speakers import link_speakers
    from quotetrace.link.utterances import group_utterances

    progress("link", 0, None)
    articles = {a.id: a for a in store.iter_articles()}
    quotes = list(store.iter_quotes())
    mentions = list(store.iter_mentions())
    links = link_speakers(quotes, mentions, aliases, articles=articles)
    utterances = group_utterances(quotes, articles, links.quote_speaker)
    clusterer = _story_clusterer(store, articles)
    with store.transaction():  # the new link results and the clusterer state they came from, together
        store.replace_link_results(links.speakers, utterances, clusterer.stories(), links.quote_speaker)
        store.set_state(STORY_STATE_KEY, base64.b64encode(clusterer.to_bytes()).decode("ascii"))
    progress("link", 1, 1)


STORY_STATE_KEY = "story-clusterer"


def _story_clusterer(store: Store, articles: dict[str, Article]) -> StoryClusterer:
    """Stories are streamed: the saved clusterer takes only the articles it has not seen.

    Without a usable saved state (first run, other parameters, articles it knows are gone), the batch
    is clustered from scratch with idf learned from all of it.
    """
    saved = store.get_state(STORY_STATE_KEY)
    clusterer = None
    if isinstance(saved, str):
        try:
            clusterer = StoryClusterer.from_bytes(base64.b64decode(saved))
        except (ValueError, KeyError, OSError) as exc:
            LOGGER.warning("story clusterer state unreadable (%s); clustering all articles again", exc)
    if clusterer is not None and not clusterer.known_articles() <= articles.keys():
        clusterer = None  # the store lost articles the state holds: start over
    if clusterer is None:
        clusterer = StoryClusterer()
        clusterer.learn_idf(articles.values())
    clusterer.add_all(articles.values())
    return clusterer


def _compare(store: Store, corpus: _Corpus, lexicon: Lexicon, progress: Progress) -> None:
    """Compare every story's outlets; all comparisons replaced in one transaction."""
    from quotetrace.compare.story import compare_story

    progress("compare", 0, len(corpus.stories))
    results = [(story.id, compare_story(story, corpus.articles, corpus.quotes, corpus.utterances, lexicon).as_dict())
               for story in corpus.stories]
    store.replace_comparisons(results)
    progress("compare", len(results), len(results))


def _load(store: Store) -> _Corpus:
    articles = {a.id: a for a in store.iter_articles()}
    quotes = {q.id: q for q in store.iter_quotes() if q.article_id in articles}
    return _Corpus(articles, quotes, list(store.speakers()), list(store.utterances()), list(store.stories()))


def load_report_data(store: Store, lexicon: Lexicon | None = None) -> ReportData:
    """The report's data read from ``store``."""
    corpus = _load(store)
    return ReportData(corpus.articles, corpus.quotes, corpus.speakers, corpus.utterances, corpus.stories,
                      lexicon or load_lexicon())


def _report(corpus: _Corpus, lexicon: Lexicon, out_dir: Path) -> Path:
    data = ReportData(corpus.articles, corpus.quotes, corpus.speakers, corpus.utterances, corpus.stories, lexicon)
    return write_report(out_dir, data)


def top_utterances(corpus_utterances: Sequence[Utterance], quotes: dict[str, Quote], articles: dict[str, Article],
                   speakers: dict[str, Speaker], limit: int) -> tuple[TopUtterance, ...]:
    """Utterances carried by two or more outlets, most outlets first."""
    ranked = []
    for utterance in corpus_utterances:
        outlets = sorted({outlet_of(articles[q.article_id]) for qid in utterance.quote_ids
                          if (q := quotes.get(qid)) is not None and q.article_id in articles})
        if len(outlets) >= 2:
            speaker = speakers.get(utterance.speaker_id or "")
            ranked.append(TopUtterance(utterance.id, speaker.name if speaker else "(unknown speaker)",
                                       utterance.canonical_text, tuple(outlets)))
    ranked.sort(key=lambda t: (-len(t.outlets), t.utterance_id))
    return tuple(ranked[:limit])


def _summary(inputs: Sequence[str], ingest_summary: IngestSummary, extracted: int, corpus: _Corpus, top: int,
             report: str | None) -> RunSummary:
    kinds = Counter(q.kind for q in corpus.quotes.values())
    speakers = {s.id: s for s in corpus.speakers}
    return RunSummary(
        inputs=len(inputs),
        new_articles=ingest_summary.ingested,
        failures=tuple(ingest_summary.skipped),
        extracted=extracted,
        articles=len(corpus.articles),
        outlets=len({outlet_of(a) for a in corpus.articles.values()}),
        quotes_by_kind={"direct": kinds["direct"], "partial": kinds["partial"], "indirect": kinds["indirect"]},
        speakers=len(corpus.speakers),
        stories=len(corpus.stories),
        utterances=len(corpus.utterances),
        top=top_utterances(corpus.utterances, corpus.quotes, corpus.articles, speakers, top),
        report=report,
        skipped_duplicates=ingest_summary.exact_duplicates,
    )
