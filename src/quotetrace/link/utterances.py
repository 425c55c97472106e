"""Group quotes of one statement (across articles and within one) into Utterances.

Candidate pairs come only from blocking: the same speaker, then MinHash LSH over word bigrams
(near-copies, altered wording) and an inverted index over each quote's rarest words (short
partial quotes contained in longer ones). Candidates are verified with rapidfuzz scores plus
word containment and joined with union-find.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache

from datasketch import MinHash, MinHashLSH
from rapidfuzz import fuzz

from quotetrace.link.diff import content_words, is_altered, word_diff
from quotetrace.records import Article, Quote, Utterance, Variant, stable_id

LOGGER = logging.getLogger(__name__)

NUM_PERM = 64
LSH_THRESHOLD = 0.3
SHORT_WORDS = 6  # quotes shorter than this attach to one best match instead of chaining
MAX_POSTINGS = 500  # rare-word candidates per quote, a guard against huge speaker blocks
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being it its
    this that these those we our us i my me you your he his him she her they their them not no do does
    did will would shall should can could may might must have has had there here so than then very
    which who whom what when where why how all any about into over also just""".split()
)


@dataclass(frozen=True)
class UtteranceOptions:
    """Thresholds for verifying a candidate pair (rapidfuzz scores are 0-100)."""

    containment: float = 0.8  # share of the shorter quote's content words found in the longer
    partial_ratio: float = 80.0
    token_set_ratio: float = 85.0
    ratio: float = 75.0
    short_partial_ratio: float = 95.0  # 2-3 word partial quotes must appear almost verbatim


def date_key(when: datetime | None) -> float:
    """Sortable timestamp (naive datetimes read as UTC; None sorts last)."""
    if when is None:
        return float("inf")
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.timestamp()


@dataclass
class _Item:
    quote: Quote
    words: list[str]
    content: frozenset[str]


def _similar(a: _Item, b: _Item, opts: UtteranceOptions) -> float:
    """A similarity score in [0, 100] when the pair looks like one statement, else 0."""
    short, long_ = (a, b) if len(a.words) <= len(b.words) else (b, a)
    if len(short.words) < 2 or not short.content:
        return 0.0
    short_text, long_text = " ".join(short.words), " ".join(long_.words)
    contained = len(short.content & long_.content) / len(short.content)
    if len(short.words) <= 3:
        if contained < 1.0:
            return 0.0
        score = fuzz.partial_ratio(short_text, long_text)
        return score if score >= opts.short_partial_ratio else 0.0
    partial = fuzz.partial_ratio(short_text, long_text)
    if contained >= opts.containment and partial >= opts.partial_ratio:
        return max(partial, 100.0 * contained)
    whole = fuzz.ratio(short_text, long_text)
    if whole >= opts.ratio:
        return whole
    token_set = fuzz.token_set_ratio(short_text, long_text)
    if token_set >= opts.token_set_ratio and contained >= opts.containment - 0.2:
        return token_set
    return 0.0


def _shingles(words: list[str]) -> set[bytes]:
    if len(words) < 2:
        return {w.encode() for w in words}
    return {f"{x} {y}".encode() for x, y in zip(words, words[1:])}


@lru_cache(maxsize=1)
def _lsh_params() -> tuple[int, int]:
    """Bands and rows for the threshold, computed once (datasketch integrates for them on every init)."""
    probe = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return probe.b, probe.r


def _candidates(items: list[_Item], template: MinHash) -> set[tuple[int, int]]:
    """Candidate pairs inside one speaker's block: LSH neighbours plus rare-word containment."""
    pairs: set[tuple[int, int]] = set()
    lsh = MinHashLSH(num_perm=NUM_PERM, params=_lsh_params())
    for i, item in enumerate(items):
        if len(item.words) < 2:
            continue
        sig = MinHash(num_perm=NUM_PERM, permutations=template.permutations, scheme=template.scheme)
        sig.update_batch(list(_shingles(item.words)))
        for j in lsh.query(sig):
            pairs.add((j, i))
        lsh.insert(i, sig, check_duplication=False)
    # Prefix filter: a quote contained in another shares its two rarest content words with it.
    df: dict[str, int] = defaultdict(int)
    for item in items:
        for word in item.content:
            df[word] += 1
    postings: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for word in item.content:
            postings[word].append(i)
    for i, item in enumerate(items):
        if not item.content or len(item.words) > 3 * SHORT_WORDS:
            continue
        rare = sorted(item.content, key=lambda w: (df[w], w))[:2]
        found = set(postings[rare[0]][:MAX_POSTINGS])
        for word in rare[1:]:
            found &= set(postings[word][:MAX_POSTINGS])
        for j in found:
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return pairs


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _group_block(items: list[_Item], template: MinHash, opts: UtteranceOptions) -> list[list[int]]:
    groups = _UnionFind(len(items))
    best: dict[int, tuple[float, int, int]] = {}  # short quote -> (score, length, partner)
    for i, j in sorted(_candidates(items, template)):
        score = _similar(items[i], items[j], opts)
        if score <= 0:
            continue
        ni, nj = len(items[i].words), len(items[j].words)
        if ni >= SHORT_WORDS and nj >= SHORT_WORDS:
            groups.union(i, j)
            continue
        # A short partial joins only its best (then longest) match, so it cannot bridge two statements.
        short, other = (i, j) if ni <= nj else (j, i)
        key = (score, len(items[other].words), -other)
        if short not in best or key > best[short]:
            best[short] = key
    for short, (_, _, neg_other) in sorted(best.items()):
        groups.union(short, -neg_other)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        members[groups.find(i)].append(i)
    return list(members.values())


def _utterance(quotes: list[Quote], speaker_id: str | None, articles: Mapping[str, Article]) -> Utterance:
    def published(q: Quote) -> datetime | None:
        article = articles.get(q.article_id)
        return article.published if article is not None else None

    rank = {"direct": 0, "partial": 1, "indirect": 2}
    # Canonical: the longest direct variant (else the longest partial, else indirect); ties by date, id.
    canonical = min(quotes, key=lambda q: (rank.get(q.kind, 3), -len(content_words(q.text)),
                                           date_key(published(q)), q.id))
    ordered = sorted(quotes, key=lambda q: (date_key(published(q)), q.article_id, q.start, q.id))
    variants = []
    for q in ordered:
        diff = word_diff(canonical.text, q.text)
        article = articles.get(q.article_id)
        variants.append(Variant(
            quote_id=q.id, article_id=q.article_id, outlet=article.outlet if article else None,
            text=q.text, kind=q.kind, diff=diff, altered=q is not canonical and is_altered(diff),
        ))
    dates = [d for d in (published(q) for q in quotes) if d is not None]
    first = min(dates, key=date_key) if dates else None
    quote_ids = tuple(q.id for q in ordered)
    return Utterance(
        id=stable_id("utterance", speaker_id or "", *sorted(quote_ids)), speaker_id=speaker_id,
        canonical_text=canonical.text, quote_ids=quote_ids, variants=tuple(variants), first_seen=first,
    )


def group_utterances(quotes: Sequence[Quote], articles: Mapping[str, Article],
                     quote_speaker: Mapping[str, str], options: UtteranceOptions | None = None) -> list[Utterance]:
    """Group quotes of the same statement by the same speaker into Utterances (every quote in one).

    Quotes with no linked speaker are grouped among themselves. Deterministic: same input, same ids.
    """
    opts = options or UtteranceOptions()
    template = MinHash(num_perm=NUM_PERM, seed=1)
    blocks: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        blocks[quote_speaker.get(quote.id) or quote.speaker_id or ""].append(quote)
    utterances = []
    for speaker_id in sorted(blocks):
        block = sorted(blocks[speaker_id], key=lambda q: q.id)
        items = [_Item(q, content_words(q.text), frozenset(w for w in content_words(q.text) if w not in STOPWORDS))
                 for q in block]
        for members in _group_block(items, template, opts):
            utterances.append(_utterance([block[i] for i in members], speaker_id or None, articles))
    utterances.sort(key=lambda u: (date_key(u.first_seen), u.id))
    LOGGER.info("grouped %d quotes into %d utterances", len(quotes), len(utterances))
    return utterances
