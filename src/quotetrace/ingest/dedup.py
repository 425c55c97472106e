"""Near-duplicate detection: MinHash signatures over word shingles, indexed with MinHash LSH.

Exact duplicates (same id, same content hash) are the store's business; this module finds
syndicated copies with small edits, so they can be kept and marked ``duplicate_of`` the first copy.
Candidates come from LSH buckets (never all pairs) and are verified by the estimated Jaccard.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash  # type: ignore[import-untyped]

from quotetrace.records import Span

LOGGER = logging.getLogger(__name__)

SEED = 1  # fixed, so signatures stored by one run are comparable with the next
SCHEME = "affine64"  # 64-bit hash values (uint64), no collision bias on long texts
_WORD = re.compile(r"\w+")
_CHUNK = 512  # shingles per block of the permutation work array (512 KB at 128 permutations)
_BLOCK_ROWS = 512  # signatures per block of the near-duplicate index (512 KB at 128 permutations)
_BASE = np.uint64(0x100000001B3)  # FNV-64 prime: the multiplier of the rolling shingle hash


_WORD_CACHE_MAX = 50_000  # word hashes kept across texts (news vocabulary repeats); cleared when full: ~6 MB
_word_cache: dict[bytes, int] = {}  # keyed by the word's UTF-8 bytes, which are what is hashed

# ASCII characters ``\w`` does not match (it matches what str.isalnum() accepts, and "_"), mapped to a space.
_ASCII_NON_WORD = bytes(c for c in range(128) if not (chr(c).isalnum() or c == ord("_")))
_SPLIT_ASCII = bytes.maketrans(_ASCII_NON_WORD, b" " * len(_ASCII_NON_WORD))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def words_utf8(text: str) -> list[bytes]:
    """The UTF-8 bytes of ``_WORD.findall(text.casefold())``, 3x faster than the regex.

    Casefolding is per character: each distinct non-ASCII character is replaced by its casefolded form, in
    which non-ASCII characters that are not word characters become spaces; the ASCII letters are lowered as
    bytes (what casefold does to them, without decoding the whole text). A byte table then turns ASCII
    non-word characters into spaces and ``bytes.split`` cuts the words (multi-byte characters left are all
    word characters).
    """
    if not text.isascii():
        for char in set(_NON_ASCII.findall(text)):
            folded = "".join(c if c.isascii() or c.isalnum() else " " for c in char.casefold())
            if folded != char:
                text = text.replace(char, folded)
    return text.encode("utf-8").lower().translate(_SPLIT_ASCII).split()


def _word_hash(word: bytes) -> int:
    value = _word_cache.get(word)
    if value is None:
        if len(_word_cache) >= _WORD_CACHE_MAX:
            _word_cache.clear()
        value = _word_cache[word] = int.from_bytes(hashlib.blake2b(word, digest_size=8).digest(), "little")
    return value


def _word_hashes(words: list[bytes]) -> np.ndarray:
    # dict.get mapped in C for the (mostly cached) words; only the misses call _word_hash.
    values = list(map(_word_cache.get, words))
    if None in values:
        missing = -1
        try:
            while True:  # list.index scans in C: the few misses are found without a Python loop over every word
                missing = values.index(None, missing + 1)
                values[missing] = _word_hash(words[missing])
        except ValueError:
            pass
    return np.array(values, dtype=np.uint64)


def _fmix64(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer, as datasketch applies it before its affine64 permutations."""
    with np.errstate(over="ignore"):
        values = values ^ (values >> np.uint64(33))
        values = values * np.uint64(0xFF51AFD7ED558CCD)
        values = values ^ (values >> np.uint64(33))
        values = values * np.uint64(0xC4CEB9FE1A85EC53)
        return values ^ (values >> np.uint64(33))


def _identity(value: int) -> int:
    return value


@lru_cache(maxsize=8)
def _template(num_perm: int) -> MinHash:
    """A MinHash whose permutations every signature of this size shares (computing them costs more than hashing)."""
    return MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME, hashfunc=_identity)


def shingle_hashes(text: str, shingle: int = 5) -> np.ndarray:
    """64-bit hashes of the word ``shingle``-grams of ``text`` (casefolded words; punctuation ignored)."""
    words = words_utf8(text)
    if not words:
        return np.zeros(0, dtype=np.uint64)
    ids = _word_hashes(words)
    width = min(shingle, len(ids))  # a text shorter than one shingle is one shingle
    count = len(ids) - width + 1
    # Polynomial hash of each window, wrapping mod 2**64; the order of words matters.
    hashes = ids[:count].copy()
    with np.errstate(over="ignore"):
        for k in range(1, width):
            hashes = hashes * _BASE + ids[k:k + count]
    return hashes


def without_spans(text: str, spans: Iterable[Span]) -> str:
    """``text`` with the given spans cut out (each replaced by a line break)."""
    pieces, last = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start >= last:
            pieces.append(text[last:span.start])
            last = span.end
    pieces.append(text[last:])
    return "\n".join(pieces)


def minhash_signature(text: str, num_perm: int = 128, shingle: int = 5, junk: Iterable[Span] = ()) -> np.ndarray:
    """The MinHash hash values (uint64, ``num_perm`` long) of ``text``'s word shingles.

    Spans in ``junk`` are left out, so a copy framed by another outlet's page furniture stays close to its
    original. Pass only spans that depend on the text alone (not learned boilerplate) to stay reproducible.
    """
    if junk:
        text = without_spans(text, junk)
    a, b = _template(num_perm).permutations
    signature = np.full(num_perm, np.iinfo(np.uint64).max, dtype=np.uint64)
    # datasketch's affine64 update_batch in numpy, without its per-value Python calls: same values, bit for bit.
    mixed = _fmix64(shingle_hashes(text, shingle))
    # Chunks keep the (shingles x num_perm) work array in cache: 2-3x faster than one batch on long texts;
    # one work array for all of them (uint64 arithmetic wraps, as datasketch's mod 2**64 does).
    work = np.empty((min(len(mixed), _CHUNK), num_perm), dtype=np.uint64)
    for start in range(0, len(mixed), _CHUNK):
        chunk = mixed[start:start + _CHUNK, None]
        block = work[:len(chunk)]
        np.multiply(chunk, a, out=block)
        np.add(block, b, out=block)
        np.minimum(signature, np.minimum.reduce(block, axis=0), out=signature)
    return signature


@lru_cache(maxsize=8)
def _band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) as datasketch's MinHashLSH picks them (equal weight on false positives and negatives)."""
    from datasketch.lsh import _optimal_param  # type: ignore[import-untyped]

    # Numerical integration, ~10 ms: cached, as the index of every run and test asks the same.
    bands, rows = _optimal_param(threshold, num_perm, 0.5, 0.5)
    return int(bands), int(rows)


class NearDuplicateIndex:
    """Canonical articles' signatures in MinHash LSH; the first-inserted copy wins.

    The banding of datasketch's MinHashLSH, kept compact: signatures sit in uint64 blocks of rows (row =
    insertion rank) and each band maps the hash of its slice to ranks, about 2 KB per article instead of 4.5.
    A band-hash collision only adds a candidate, and every candidate is verified by its estimated Jaccard.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self.num_perm = num_perm
        bands, rows = _band_layout(threshold, num_perm)
        self._ranges = [(i * rows, (i + 1) * rows) for i in range(bands)]
        self._buckets: list[dict[int, int | list[int]]] = [{} for _ in range(bands)]  # one rank, or several
        # Fixed-size blocks of rows (row = rank): growing never copies the index, so its peak is its size.
        self._blocks: list[np.ndarray] = []
        self._ids: list[str] = []  # rank -> article id
        self._ranks: dict[str, int] = {}  # article id -> rank

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._ranks

    def _values(self, signature: np.ndarray) -> np.ndarray:
        values = np.asarray(signature, dtype=np.uint64)
        if values.shape != (self.num_perm,):
            raise ValueError(f"signature has shape {values.shape}, expected ({self.num_perm},)")
        return values

    def _band_keys(self, values: np.ndarray) -> list[int]:
        # Python's hash of the slice bytes: the index lives in one process, and is rebuilt from stored signatures.
        return [hash(values[start:end].tobytes()) for start, end in self._ranges]

    def _earliest_match(self, values: np.ndarray, keys: list[int]) -> str | None:
        candidates: set[int] = set()
        for bucket, key in zip(self._buckets, keys):
            found = bucket.get(key)
            if isinstance(found, list):
                candidates.update(found)
            elif found is not None:
                candidates.add(found)
        for rank in sorted(candidates):  # oldest first, so the first-inserted copy wins
            row = self._blocks[rank // _BLOCK_ROWS][rank % _BLOCK_ROWS]
            if np.count_nonzero(row == values) / self.num_perm >= self.threshold:
                return self._ids[rank]
        return None

    def find_or_add(self, article_id: str, signature: np.ndarray) -> str | None:
        """The id of an earlier near-copy of this signature, or None after adding it as a canonical article.

        An id already in the index is its own canonical copy: None, and nothing changes.
        """
        if article_id in self._ranks:
            return None
        values = self._values(signature)
        keys = self._band_keys(values)
        match = self._earliest_match(values, keys)
        if match is None:
            self._insert(article_id, values, keys)
        return match

    def add(self, article_id: str, signature: np.ndarray) -> None:
        """Add a canonical article (e.g. rebuilt from the store); adding an id twice is a no-op."""
        if article_id not in self._ranks:
            values = self._values(signature)
            self._insert(article_id, values, self._band_keys(values))

    def _insert(self, article_id: str, values: np.ndarray, keys: list[int]) -> None:
        rank = len(self._ids)
        if rank == len(self._blocks) * _BLOCK_ROWS:
            self._blocks.append(np.zeros((_BLOCK_ROWS, self.num_perm), dtype=np.uint64))
        self._blocks[rank // _BLOCK_ROWS][rank % _BLOCK_ROWS] = values
        self._ids.append(article_id)
        self._ranks[article_id] = rank
        for bucket, key in zip(self._buckets, keys):
            found = bucket.get(key)
            if found is None:
                bucket[key] = rank
            elif isinstance(found, list):
                found.append(rank)
            else:
                bucket[key] = [found, rank]


def band_buckets(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """The LSH bucket of each band of each signature: an int64 (n, bands) array, the same in every process.

    A bucket is a 64-bit polynomial hash of the band's ``rows`` values with the band number mixed in, so one
    indexed column serves every band. A collision only adds a candidate, and candidates are verified.
    """
    values = signatures[:, :bands * rows].reshape(len(signatures), bands, rows)
    with np.errstate(over="ignore"):
        hashes = np.broadcast_to(np.arange(1, bands + 1, dtype=np.uint64), values.shape[:2]).copy()
        for k in range(rows):
            hashes = hashes * _BASE + values[:, :, k]
    return _fmix64(hashes).view(np.int64)


class StoredNearDuplicateIndex:
    """``NearDuplicateIndex``'s answers with its buckets and signatures in the store: memory stays flat.

    ``find_batch`` looks a whole batch up with a few queries (its buckets, then the signatures of the
    candidates) and indexes the batch's canonical articles; ``save`` writes them, and must run in the
    transaction that stores those articles' signatures. A store indexed before the index moved into it is
    indexed from its stored signatures on first use.
    """

    def __init__(self, store: Any, threshold: float = 0.8, num_perm: int = 128) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.store = store
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands, self.rows = _band_layout(threshold, num_perm)
        self._next_rank = store.next_member_rank()
        self._added: dict[str, tuple[int, list[int]]] = {}  # this batch's new members: id -> (rank, buckets)
        self._moved: dict[str, np.ndarray] = {}  # members seen again in this batch: id -> their new signature
        if self._next_rank == 0:
            self._index_stored_signatures()

    def _index_stored_signatures(self) -> None:
        page: list[tuple[str, np.ndarray]] = []
        with self.store.transaction():
            for article_id, signature in self.store.iter_signatures():
                if len(signature) == self.num_perm:
                    page.append((article_id, signature))
                if len(page) >= 500:
                    self._add_page(page)
                    page = []
            self._add_page(page)

    def _add_page(self, page: list[tuple[str, np.ndarray]]) -> None:
        if not page:
            return
        buckets = band_buckets(np.stack([signature for _, signature in page]), self.bands, self.rows)
        members = []
        for (article_id, _), row in zip(page, buckets.tolist()):
            members.append((self._next_rank, article_id, sorted(set(row))))
            self._next_rank += 1
        self.store.add_members(members)

    def _values(self, signature: np.ndarray) -> np.ndarray:
        values = np.asarray(signature, dtype=np.uint64)
        if values.shape != (self.num_perm,):
            raise ValueError(f"signature has shape {values.shape}, expected ({self.num_perm},)")
        return values

    def _buckets_of(self, values: np.ndarray) -> list[int]:
        return sorted(set(band_buckets(values[None, :], self.bands, self.rows)[0].tolist()))

    def _close_enough(self, a: np.ndarray, b: np.ndarray) -> bool:
        return bool(np.count_nonzero(a == b) / self.num_perm >= self.threshold)

    def find_batch(self, batch: Sequence[tuple[str, np.ndarray]]) -> list[str | None]:
        """For each (article id, signature) in order: the id of an earlier near copy (stored, or earlier in the
        batch), or None after indexing it as canonical. An id already indexed is its own canonical copy."""
        self._added, self._moved = {}, {}
        if not batch:
            return []
        values = np.stack([self._values(signature) for _, signature in batch])
        buckets = band_buckets(values, self.bands, self.rows).tolist()
        known = self.store.member_ranks(article_id for article_id, _ in batch)
        stored = self.store.bucket_ranks(bucket for row in buckets for bucket in row)
        signatures: dict[int, tuple[str, np.ndarray]] = {}  # candidates' stored signatures, fetched once
        local: dict[int, list[int]] = {}  # bucket -> positions in this batch of the members it added
        answers: list[str | None] = []
        for position, (article_id, _) in enumerate(batch):
            if article_id in known or article_id in self._added:
                if article_id in known:
                    self._moved[article_id] = values[position]
                answers.append(None)
                continue
            ranks = {rank for bucket in buckets[position] for rank in stored.get(bucket, ())}
            missing = [rank for rank in ranks if rank not in signatures]
            if missing:
                signatures.update(self.store.member_signatures(missing))
            match = next((signatures[rank][0] for rank in sorted(ranks)  # oldest first: the first copy wins
                          if rank in signatures and self._close_enough(signatures[rank][1], values[position])),
                         None)
            if match is None:
                earlier = sorted({p for bucket in buckets[position] for p in local.get(bucket, ())})
                match = next((batch[p][0] for p in earlier if self._close_enough(values[p], values[position])),
                             None)
            if match is None:
                row = sorted(set(buckets[position]))
                self._added[article_id] = (self._next_rank, row)
                self._next_rank += 1
                for bucket in row:
                    local.setdefault(bucket, []).append(position)
            answers.append(match)
        return answers

    def save(self, written: Iterable[str]) -> None:
        """Write the last batch's new members among ``written`` (the ids stored), and re-bucket members whose
        signature was rewritten; before the new signatures replace the old ones, in the same transaction."""
        stored = set(written)
        self.store.add_members([(rank, article_id, buckets) for article_id, (rank, buckets) in self._added.items()
                                if article_id in stored])
        moved = {article_id: values for article_id, values in self._moved.items() if article_id in stored}
        if moved:
            ranks = self.store.member_ranks(moved)
            old = self.store.member_signatures(ranks.values())
            moves = {}
            for article_id, rank in ranks.items():
                before = old.get(rank)
                if before is not None and np.array_equal(before[1], moved[article_id]):
                    continue
                previous = self._buckets_of(before[1]) if before is not None and len(before[1]) == self.num_perm else []
                moves[rank] = (previous, self._buckets_of(moved[article_id]))
            self.store.move_members(moves)
        self._added, self._moved = {}, {}
