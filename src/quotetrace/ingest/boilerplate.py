"""Boilerplate learned from the corpus: a short line seen in many articles of one outlet.

``BoilerplateLearner`` counts in memory (one article at a time, a cap on tracked lines per outlet;
``to_state``/``from_state`` give a JSON-ready dict). ``StoredBoilerplateLearner`` gives the same answers with
its counts in the store, read and upserted per batch, so ingest memory does not grow with the corpus.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

LOGGER = logging.getLogger(__name__)

STATE_VERSION = 1
MAX_LINE_CHARS = 200  # longer lines are unique prose, never boilerplate candidates
MIN_LINE_CHARS = 3  # "|", "A A" and the like carry nothing worth learning
MAX_TRACKED_LINES = 20_000  # per outlet; pruned down to half of this when exceeded
MAX_TOTAL_LINES = 1_000_000  # over all outlets (StoredBoilerplateLearner); pruned down to half when exceeded
LEGACY_STATE_KEY = "boilerplate_learner"  # where stores kept BoilerplateLearner.to_state() before the tables

_SPACE = re.compile(r"\s+")
# A letter: a word character that is not a digit or "_"; everything else at a line's edges is stripped.
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_LETTER_BYTES = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))


def normalise_text(text: str) -> str:
    """A whole text as ``normalise_line`` folds its lines (NFKC, casefold, whitespace collapsed, edges kept):
    every normalised line of ``text`` is a substring of the result."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold())


def normalise_line(line: str) -> str:
    """The comparable form of a line: NFKC, casefolded, whitespace collapsed, digits/punctuation off the edges.

    Digits inside the line stay: sentences that differ only in their figures are different sentences.
    """
    text = unicodedata.normalize("NFKC", line).casefold()
    # Every whitespace character but " " is unprintable: a printable line without "  " has nothing to collapse
    # (a space at an edge is cut with the edges below). Else split/join collapses the same whitespace as
    # ``\s+`` (both use str.isspace) and is 4x faster than re.sub.
    if "  " in text or not text.isprintable():
        text = " ".join(text.split())
    first = _LETTER.search(text)
    if first is None:
        return ""
    # Searching the reversed line finds the last letter without a regex trying every position from the end.
    last = _LETTER.search(text[::-1])
    return text[first.start():len(text) - (last.start() if last else 0)]


def ascii_letters(line: str) -> int:
    """How many ASCII letters ``line`` holds: a lower bound on ``len(normalise_line(line))``.

    Each stays a letter of its own in the normal form: NFKC composes none into another character (no canonical
    composition has an ASCII letter as its second part), a character composed from one is a letter, casefolding
    keeps a letter in each letter's image, and neither whitespace collapsing nor cutting the edges up to the
    first and last letter removes a letter (tested over the Unicode table).
    """
    data = line.encode("utf-8", "surrogatepass")  # ASCII bytes are ASCII characters in UTF-8
    return len(data) - len(data.translate(None, _ASCII_LETTER_BYTES))


def candidate_lines(text: str) -> list[str | None]:
    """``normalise_line`` of each line of ``text`` (``str.splitlines``), None for a line too long to be learned.

    A line with more than ``MAX_LINE_CHARS`` ASCII letters (a paragraph) has a longer normal form, never learned:
    it gets ``""`` (as a line without letters: never a candidate, never in a learned set) without normalising.
    Computed once per article, it serves both ``BoilerplateLearner.observe`` and ``clean.mark_junk``.
    """
    return [None if len(raw) > 4 * MAX_LINE_CHARS
            else "" if len(raw) > MAX_LINE_CHARS and ascii_letters(raw) > MAX_LINE_CHARS
            else normalise_line(raw) for raw in text.splitlines()]


def _distinct_candidates(normalised: Iterable[str | None]) -> set[str]:
    # Long raw lines (None) are rejected before normalising: paragraphs are prose, never boilerplate.
    return {line for line in normalised if line is not None and MIN_LINE_CHARS <= len(line) <= MAX_LINE_CHARS}


def _bar(articles: int, min_articles: int, min_share: float) -> float:
    """Articles a line must appear in to be boilerplate of an outlet with ``articles`` observed."""
    return max(min_articles, min_share * articles)


def line_hash(line: str) -> int:
    """A signed 64-bit hash of a normalised line, the same in every process (the store's key for it)."""
    return int.from_bytes(hashlib.blake2b(line.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


def _outlet_key(outlet: str | None) -> str:
    # None and "" are the same "unknown outlet" bucket (the pipeline passes "" for None).
    return outlet or ""


class _OutletCounts:
    """Articles seen for one outlet and, per candidate line, in how many of them it appeared."""

    __slots__ = ("articles", "lines")

    def __init__(self, articles: int = 0, lines: dict[str, int] | None = None) -> None:
        self.articles = articles
        self.lines: dict[str, int] = lines if lines is not None else {}


class BoilerplateLearner:
    """Counts, per outlet, the articles each short normalised line appears in."""

    def __init__(self, min_articles: int = 3, min_share: float = 0.3,
                 max_lines: int = MAX_TRACKED_LINES) -> None:
        if min_articles < 1 or not 0.0 < min_share <= 1.0 or max_lines < 2:
            raise ValueError("min_articles >= 1, 0 < min_share <= 1 and max_lines >= 2 are required")
        self.min_articles = min_articles
        self.min_share = min_share
        self.max_lines = max_lines
        self._outlets: dict[str, _OutletCounts] = {}
        self._cache: dict[str, frozenset[str]] = {}  # lines_for results, dropped when the outlet changes

    def observe(self, outlet: str | None, text: str, normalised: Sequence[str | None] | None = None) -> None:
        """Count each distinct candidate line of ``text`` once for ``outlet``.

        ``normalised`` is ``candidate_lines(text)`` when the caller has it already.
        """
        key = _outlet_key(outlet)
        counts = self._outlets.get(key)
        if counts is None:
            counts = self._outlets[key] = _OutletCounts()
        counts.articles += 1
        seen = _distinct_candidates(normalised if normalised is not None else candidate_lines(text))
        lines = counts.lines
        for line in seen:
            lines[line] = lines.get(line, 0) + 1
        if len(lines) > self.max_lines:
            self._prune(counts)
        self._cache.pop(key, None)

    def _prune(self, counts: _OutletCounts) -> None:
        """Drop the rarest lines (singletons first) until at most half the cap is tracked."""
        lines = counts.lines
        floor = 1
        while len(lines) > self.max_lines // 2:
            # Lines seen in few articles so far are the least likely to reach min_share later.
            counts.lines = lines = {line: n for line, n in lines.items() if n > floor}
            floor += 1
        LOGGER.debug("boilerplate: pruned to %d lines (floor %d)", len(lines), floor - 1)

    def lines_for(self, outlet: str | None) -> frozenset[str]:
        """Normalised lines judged boilerplate for ``outlet`` (empty when too few articles were seen)."""
        key = _outlet_key(outlet)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        counts = self._outlets.get(key)
        if counts is None or counts.articles < self.min_articles:
            result: frozenset[str] = frozenset()
        else:
            bar = _bar(counts.articles, self.min_articles, self.min_share)
            result = frozenset(line for line, n in counts.lines.items() if n >= bar)
        self._cache[key] = result
        return result

    def articles_seen(self, outlet: str | None) -> int:
        """How many articles of ``outlet`` were observed."""
        counts = self._outlets.get(_outlet_key(outlet))
        return counts.articles if counts is not None else 0

    def to_state(self) -> dict[str, Any]:
        """A JSON-ready dict of all counts (see ``from_state``)."""
        return {
            "version": STATE_VERSION,
            "min_articles": self.min_articles,
            "min_share": self.min_share,
            "max_lines": self.max_lines,
            "outlets": {key: {"articles": c.articles, "lines": dict(c.lines)} for key, c in self._outlets.items()},
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> BoilerplateLearner:
        """A learner restored from ``to_state`` output."""
        if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
            raise ValueError(f"unsupported boilerplate learner state (version {state.get('version')!r})"
                             if isinstance(state, dict) else "boilerplate learner state must be a dict")
        learner = cls(int(state["min_articles"]), float(state["min_share"]),
                      int(state.get("max_lines", MAX_TRACKED_LINES)))
        for key, entry in state.get("outlets", {}).items():
            learner._outlets[key] = _OutletCounts(int(entry["articles"]),
                                                  {str(k): int(v) for k, v in entry["lines"].items()})
        return learner


class StoredBoilerplateLearner:
    """``BoilerplateLearner``'s counts in the store (``schema.boilerplate_lines``): per batch, the counts of the
    batch's lines are read, the batch is observed, and ``save`` (in the batch's transaction) upserts only the
    rows that changed. Nothing but the current batch is held in memory.

    Answers equal ``BoilerplateLearner``'s observing the same articles, except when an outlet passes
    ``max_lines``: the rarest lines are pruned after the batch instead of after the article that passed it
    (and, over all outlets, past ``max_total_lines``). A 64-bit hash collision between two lines of one outlet
    would add their counts (odds of 1 in 10**10 among 20,000 lines).
    """

    def __init__(self, store: Any, min_articles: int = 3, min_share: float = 0.3,
                 max_lines: int = MAX_TRACKED_LINES, max_total_lines: int = MAX_TOTAL_LINES) -> None:
        if min_articles < 1 or not 0.0 < min_share <= 1.0 or max_lines < 2 or max_total_lines < 2:
            raise ValueError("min_articles >= 1, 0 < min_share <= 1, max_lines >= 2 and max_total_lines >= 2 "
                             "are required")
        self.store = store
        self.min_articles = min_articles
        self.min_share = min_share
        self.max_lines = max_lines
        self.max_total_lines = max_total_lines
        self._outlets: dict[str, tuple[int, int]] = {}  # this batch's outlets: (articles, tracked), batch included
        self._stored_outlets: set[str] = set()  # those of them already in the store
        self._lines: dict[str, dict[int, list[Any]]] = {}  # outlet -> hash -> [line, articles, stored articles]
        self._cache: dict[str, frozenset[str]] = {}  # lines_for answers until the next observe or save
        self._import_legacy_state()

    def _import_legacy_state(self) -> None:
        """Move counts a store kept as one JSON state (before the tables) into the tables, once."""
        saved = self.store.get_state(LEGACY_STATE_KEY)
        if saved is None:
            return
        legacy = BoilerplateLearner.from_state(saved)
        with self.store.transaction():
            for key, counts in legacy._outlets.items():
                added = [(key, line_hash(line), line, n) for line, n in counts.lines.items()]
                self.store.write_boilerplate({key: (counts.articles, len(added))}, (), (), added)
            self.store.drop_state(LEGACY_STATE_KEY)
        LOGGER.info("boilerplate: moved the counts of %d outlets into the store's tables", len(legacy._outlets))

    def observe_batch(self, batch: Sequence[tuple[str | None, Sequence[str | None]]]) -> None:
        """Count each distinct candidate line of each article once for its outlet: (outlet, ``candidate_lines``)."""
        seen: dict[str, list[set[str]]] = {}
        for outlet, normalised in batch:
            seen.setdefault(_outlet_key(outlet), []).append(_distinct_candidates(normalised))
        fresh = [key for key in seen if key not in self._outlets]
        if fresh:
            stored = self.store.boilerplate_outlets(fresh)
            self._stored_outlets.update(stored)
            for key in fresh:
                self._outlets[key] = stored.get(key, (0, 0))
        for key, articles in seen.items():
            lines = self._lines.setdefault(key, {})
            hashes = {line: line_hash(line) for found in articles for line in found}
            missing = [h for h in hashes.values() if h not in lines]
            if missing:
                counts = self.store.boilerplate_counts(key, missing)
                for line, h in hashes.items():
                    if h not in lines:
                        stored_count = counts.get(h, 0)
                        lines[h] = [line, stored_count, stored_count]
            tracked = self._outlets[key][1]
            for found in articles:
                for line in found:
                    entry = lines[hashes[line]]
                    if entry[1] == 0:
                        tracked += 1
                    entry[1] += 1
            self._outlets[key] = (self._outlets[key][0] + len(articles), tracked)
            self._cache.pop(key, None)

    def lines_for(self, outlet: str | None) -> frozenset[str]:
        """Normalised lines judged boilerplate for ``outlet`` (empty when too few articles were seen)."""
        key = _outlet_key(outlet)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        articles = self.articles_seen(key)
        if articles < self.min_articles:
            result: frozenset[str] = frozenset()
        else:
            bar = _bar(articles, self.min_articles, self.min_share)
            found = self.store.boilerplate_lines(key, math.ceil(bar))
            pending = self._lines.get(key, {})
            for h, (line, count, _) in pending.items():  # this batch's counts replace the stored ones
                if count >= bar:
                    found[h] = line
                else:
                    found.pop(h, None)
            result = frozenset(found.values())
        self._cache[key] = result
        return result

    def articles_seen(self, outlet: str | None) -> int:
        """How many articles of ``outlet`` were observed (stored, and in the batch not saved yet)."""
        key = _outlet_key(outlet)
        if key not in self._outlets:
            stored = self.store.boilerplate_outlets([key])
            self._stored_outlets.update(stored)
            self._outlets[key] = stored.get(key, (0, 0))
        return self._outlets[key][0]

    def save(self) -> None:
        """Write what the batch changed (call inside the batch's transaction), then forget the batch."""
        updated: list[tuple[str, int, int]] = []
        added: list[tuple[str, int, str, int]] = []
        for key, lines in self._lines.items():
            for h, (line, count, stored_count) in lines.items():
                if count != stored_count and stored_count:
                    updated.append((key, h, count))
                elif count != stored_count:
                    added.append((key, h, line, count))
        changed = {key: value for key, value in self._outlets.items() if key in self._lines}
        self.store.write_boilerplate(changed, self._stored_outlets, updated, added)
        for key, (_, tracked) in changed.items():
            if tracked > self.max_lines:
                floor = self.store.prune_boilerplate(self.max_lines // 2, key)
                LOGGER.debug("boilerplate: pruned %r (floor %d)", key, floor)
        if self.store.boilerplate_total() > self.max_total_lines:
            floor = self.store.prune_boilerplate(self.max_total_lines // 2)
            LOGGER.info("boilerplate: over %d lines in all, pruned to floor %d", self.max_total_lines, floor)
        self._outlets, self._stored_outlets, self._lines, self._cache = {}, set(), {}, {}
