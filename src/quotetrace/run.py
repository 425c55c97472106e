"""The main job: ingest -> extract -> link -> compare -> report, each stage committed to the store.

The compare stage stores each story's coverage matrix, reporting verbs and loaded-term counts; the
report and the summary then read the store story by story and through aggregates, never the whole corpus.

Re-runs are cheap and idempotent: ingest skips what is stored, extraction runs only on articles
whose quotes are not stored yet, and linking is recomputed over the whole corpus with
deterministic ids, so a second run gives the same speakers, utterances and stories.
Each stage (and each extraction batch) is one store transaction: a run that fails half way leaves
every finished stage written and the failing one as it was.
"""

from __future__ import annotations

import base64

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from quotetrace.compare.framing import Lexicon, load_lexicon
from quotetrace.compare.outlets import outlet_of
from quotetrace.compare.stage import CompareSummary, compare_stories
from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.pipeline import IngestSummary, ingest
from quotetrace.link.aliases import AliasBook, load_aliases
from quotetrace.link.stories import StoryClusterer
from quotetrace.report.build import ReportData, write_report
from quotetrace.report.source import StoreSource
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
    _compare(store, lexicon, progress)
    report = None
    if options.report_dir is not None and store.count_articles():
        progress("report", 0, None)
        report = str(write_report(options.report_dir, StoreSource(store, lexicon)))
        progress("report", 1, 1)
    return _summary(inputs, ingest_summary, extracted, store, options.top, report)


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


def _compare(store: Store, lexicon: Lexicon, progress: Progress) -> CompareSummary:
    """Compare every story (unchanged ones skipped) and store the results; one transaction."""
    progress("compare", 0, None)
    summary = compare_stories(store, lexicon, lambda done, total: progress("compare", done, total))
    return summary


def _load(store: Store) -> _Corpus:
    articles = {a.id: a for a in store.iter_articles()}
    quotes = {q.id: q for q in store.iter_quotes() if q.article_id in articles}
    return _Corpus(articles, quotes, list(store.speakers()), list(store.utterances()), list(store.stories()))


def load_report_data(store: Store, lexicon: Lexicon | None = None) -> ReportData:
    """The whole corpus read from ``store`` into memory (the report itself reads the store page by page:
    ``write_report(out, StoreSource(store))``)."""
    corpus = _load(store)
    return ReportData(corpus.articles, corpus.quotes, corpus.speakers, corpus.utterances, corpus.stories,
                      lexicon or load_lexicon())


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


def stored_top_utterances(store: Store, limit: int) -> tuple[TopUtterance, ...]:
    """``top_utterances`` from the store's aggregates: no article text or quote is loaded."""
    outlets = {u: o for u, o in store.utterance_outlets().items() if len(o) >= 2}
    ranked = sorted(outlets, key=lambda u: (-len(outlets[u]), u))[:limit]
    utterances = {u.id: u for u in store.utterances_by_ids(ranked)}
    speakers = store.speakers_by_ids(u.speaker_id for u in utterances.values() if u.speaker_id)
    return tuple(TopUtterance(u, speakers[s].name if (s := utterances[u].speaker_id) in speakers else "(unknown speaker)",
                              utterances[u].canonical_text, tuple(sorted(outlets[u]))) for u in ranked if u in utterances)


def _summary(inputs: Sequence[str], ingest_summary: IngestSummary, extracted: int, store: Store, top: int,
             report: str | None) -> RunSummary:
    kinds = store.quote_kinds()
    counts = store.counts()
    return RunSummary(
        inputs=len(inputs),
        new_articles=ingest_summary.ingested,
        failures=tuple(ingest_summary.skipped),
        extracted=extracted,
        articles=counts["articles"],
        outlets=store.outlet_count(),
        quotes_by_kind={"direct": kinds["direct"], "partial": kinds["partial"], "indirect": kinds["indirect"]},
        speakers=counts["speakers"],
        stories=counts["stories"],
        utterances=counts["utterances"],
        top=stored_top_utterances(store, top),
        report=report,
        skipped_duplicates=ingest_summary.exact_duplicates,
    )
