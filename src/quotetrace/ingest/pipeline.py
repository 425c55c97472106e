"""The ingest pipeline: read inputs, mark junk, drop exact duplicates, flag near duplicates, store in batches.

Each batch (articles, their MinHash signatures, the boilerplate learner's changed counts, the ids the run
handled and the skipped inputs) is written in one transaction, so a run killed at any point loses nothing
and a re-run duplicates nothing: stored articles are recognised by id and content hash and left alone, the
learner only observes new articles, and the learner's counts and the near-duplicate index live in the store
(read per batch and written with it: nothing of them is held in memory between batches, nor any per-article
set: "this id again in this run?" is asked of the store too).
Outlets whose learned boilerplate changed are re-marked at the end (they stay listed as pending in the
store until that is done, so an interrupted re-marking is finished by the next run).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from quotetrace.ingest.options import IngestOptions
from quotetrace.records import Article, IngestFailure

LOGGER = logging.getLogger(__name__)

BATCH_SIZE = 500  # articles per transaction
PENDING_KEY = "boilerplate_pending"  # outlets whose articles must be re-marked with the final lines


@dataclass(frozen=True)
class IngestSummary:
    """What one ingest run did."""

    ingested: int  # new (or changed) articles stored, near duplicates included
    exact_duplicates: int  # skipped: the same text is stored under another id
    near_duplicates: int  # stored with ``duplicate_of`` set
    skipped: tuple[IngestFailure, ...]  # inputs that could not be read, with one-line reasons
    unchanged: int  # already stored exactly so

    @property
    def written(self) -> int:
        return self.ingested

    @property
    def failures(self) -> tuple[IngestFailure, ...]:
        return self.skipped

    @property
    def duplicates(self) -> int:
        return self.exact_duplicates


def _outlet_key(article: Article) -> str:
    return article.outlet or ""


class _Run:
    """State of one ingest run: the learner, the near-duplicate index and the running counts."""

    def __init__(self, store: Any, batch_size: int, run_id: int) -> None:
        from quotetrace.ingest.boilerplate import StoredBoilerplateLearner
        from quotetrace.ingest.dedup import StoredNearDuplicateIndex

        self.store = store
        self.batch_size = batch_size
        self.run_id = run_id
        store.forget_run_articles(keep_run=run_id)  # ids left by a killed run
        self.learner = StoredBoilerplateLearner(store)  # counts in the store, read and written per batch
        self.pending: set[str] = set(store.get_state(PENDING_KEY) or ())
        self.forced = set(self.pending)  # left pending by an interrupted run: re-mark whatever happens
        # Lines articles stored by earlier runs were marked with; None when there are none of that outlet.
        self.start_lines: dict[str, frozenset[str] | None] = {}
        self.used: dict[str, set[frozenset[str]]] = {}  # line sets this run marked articles with
        self.index = StoredNearDuplicateIndex(store)  # in the store, looked up per batch: memory stays flat
        self.ingested = self.exact = self.near = self.unchanged = 0
        self.skipped: list[IngestFailure] = []

    def write(self, articles: list[Article], failures: list[IngestFailure]) -> None:
        """Classify, clean and store one batch in one transaction."""
        from quotetrace.ingest.boilerplate import candidate_lines
        from quotetrace.ingest.clean import mark_junk
        from quotetrace.ingest.dedup import article_signature

        stored = self.store.known_ids(a.id for a in articles)
        owners = self.store.articles_by_hash(a.content_hash for a in articles)
        handled = self.store.run_article_ids(self.run_id, (a.id for a in articles))  # by earlier batches
        fresh: list[Article] = []
        seen_hash: dict[str, str] = {}
        batch_ids: set[str] = set()  # ids this batch handles, recorded with it
        for article in articles:
            if article.id in handled or article.id in batch_ids:  # same id twice in one run: another input's copy
                self.exact += 1
                continue
            if stored.get(article.id) == article.content_hash:
                self.unchanged += 1
                batch_ids.add(article.id)
                continue
            owner = owners.get(article.content_hash) or seen_hash.get(article.content_hash)
            if owner is not None and owner != article.id:
                self.exact += 1
                continue
            seen_hash[article.content_hash] = article.id
            batch_ids.add(article.id)
            fresh.append(article)
        for article in fresh:
            key = _outlet_key(article)
            if key not in self.start_lines:
                # The learner observes every article it stores (same transaction): unseen outlet, none stored.
                self.start_lines[key] = self.learner.lines_for(key) if self.learner.articles_seen(key) else None
        # Learn from the whole batch before marking, so lines repeated within it are caught at once.
        # Each article's lines are normalised once, for the learner and the marking (this batch only).
        normalised = {article.id: candidate_lines(article.text) for article in fresh}
        self.learner.observe_batch([(_outlet_key(article), normalised[article.id]) for article in fresh])
        marked: list[Article] = []
        signatures = {}
        lines_by_outlet: dict[str, frozenset[str]] = {}  # the learner is settled for this batch: ask once
        for article in fresh:
            key = _outlet_key(article)
            if key not in lines_by_outlet:
                lines_by_outlet[key] = self.learner.lines_for(key)
            lines = lines_by_outlet[key]
            self.used.setdefault(key, set()).add(lines)
            junk = tuple(mark_junk(article.text, lines, normalised.pop(article.id)))
            signatures[article.id] = article_signature(article.text, junk)  # learned boilerplate stays in
            marked.append(replace(article, junk=junk))
            self.pending.add(key)
        copies = self.index.find_batch([(article.id, signatures[article.id]) for article in marked])
        ready = [article if original in (None, article.id) else replace(article, duplicate_of=original)
                 for article, original in zip(marked, copies)]
        with self.store.transaction():
            summary = self.store.write_articles(ready)
            written = set(summary.written) | set(summary.updated)
            self.index.save(written)  # reads the replaced signatures of re-bucketed members: before writing
            self.store.write_signatures({aid: sig for aid, sig in signatures.items() if aid in written})
            self.learner.save()
            self.store.add_run_articles(self.run_id, batch_ids)
            self.store.set_state(PENDING_KEY, sorted(self.pending))
            self.store.record_failures(failures, self.run_id)
        self.ingested += len(written)
        self.near += sum(1 for a in ready if a.duplicate_of is not None and a.id in written)
        self.exact += len(summary.exact_duplicates)
        self.unchanged += len(summary.unchanged)
        self.skipped.extend(failures)

    def remark(self) -> None:
        """Re-mark junk of pending outlets with their final learned lines; one transaction per page."""
        from quotetrace.ingest.clean import mark_junk

        for outlet in sorted(self.pending):
            lines = self.learner.lines_for(outlet)
            start = self.start_lines.get(outlet, lines)
            if start is None:
                start = lines  # no article stored before this run: only this run's marking can be stale
            if outlet not in self.forced and self.used.get(outlet, set()) <= {lines} and start == lines:
                self.pending.discard(outlet)  # every article of the outlet is marked with these lines already
                self.store.set_state(PENDING_KEY, sorted(self.pending))
                continue
            changed: dict[str, Any] = {}
            # Only lines that were learned (or unlearned) since an article was marked can change its junk.
            delta = None if outlet in self.forced else frozenset().union(
                *(used ^ lines for used in self.used.get(outlet, set())), start ^ lines)
            stream: Iterable[Article] = self.store.iter_articles(outlet=outlet or None)
            for article in stream:
                if outlet == "" and article.outlet:
                    continue
                if delta is not None and not _may_hold(article.text, delta):
                    continue
                junk = tuple(mark_junk(article.text, lines))
                if junk != article.junk:
                    changed[article.id] = junk
                if len(changed) >= self.batch_size:
                    self.store.set_junk(changed)
                    changed = {}
            with self.store.transaction():
                self.store.set_junk(changed)
                self.pending.discard(outlet)
                self.store.set_state(PENDING_KEY, sorted(self.pending))


def _may_hold(text: str, lines: frozenset[str]) -> bool:
    """False when no normalised line of ``lines`` can occur in ``text`` (a substring test, no false negatives)."""
    from quotetrace.ingest.boilerplate import normalise_text

    folded = normalise_text(text)
    return any(line in folded for line in lines)


def ingest(inputs: Sequence[str], store: Any, options: IngestOptions,
           progress: Callable[[int], None] | None = None, batch_size: int = BATCH_SIZE) -> IngestSummary:
    """Ingest ``inputs`` (paths, folders, URLs) into ``store``; streaming, one transaction per batch.

    ``progress`` is called after each batch with the number of articles and failures read so far.
    """
    from quotetrace.ingest.sources import iter_inputs

    run_id = store.start_run("ingest", list(inputs))
    run = _Run(store, batch_size, run_id)
    articles: list[Article] = []
    failures: list[IngestFailure] = []
    done = 0
    for item in iter_inputs(inputs, options):
        if isinstance(item, IngestFailure):
            LOGGER.info("skipped %s: %s", item.source, item.reason)
            failures.append(item)
        else:
            articles.append(item)
        if len(articles) + len(failures) >= batch_size:
            done += len(articles) + len(failures)
            run.write(articles, failures)
            articles, failures = [], []
            if progress is not None:
                progress(done)
    if articles or failures:
        done += len(articles) + len(failures)
        run.write(articles, failures)
        if progress is not None:
            progress(done)
    run.remark()
    store.forget_run_articles()
    summary = IngestSummary(run.ingested, run.exact, run.near, tuple(run.skipped), run.unchanged)
    store.finish_run(run_id, {"ingested": summary.ingested, "exact_duplicates": summary.exact_duplicates,
                              "near_duplicates": summary.near_duplicates, "unchanged": summary.unchanged,
                              "skipped": len(summary.skipped)})
    LOGGER.info("ingest: %s", summary)
    return summary
