"""Near-duplicate detection: MinHash signatures over word shingles, indexed with MinHash LSH.

Exact duplicates (same id, same content hash) are the store's business; this module finds
syndicated copies with small edits, so they can be kept and marked ``duplicate_of`` the first copy.
Candidates come from LSH buckets (never all pairs) and are verified by the estimated Jaccard.

Signatures are one-permutation MinHash with optimal densification (Li, Owen & Zhang 2012; Shrivastava 2017):
each shingle is hashed once, the hash space is cut into ``num_perm`` bins, each bin keeps its smallest hash and
an empty bin borrows the value of the first non-empty bin its own probe sequence reaches. The fraction of equal
bins estimates the Jaccard similarity as classic MinHash's equal permutation minima do (same banding), in
O(shingles) instead of O(shingles x num_perm). ``SCHEME`` names it; stores record it (``StoredNearDuplicateIndex``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from quotetrace.ingest.clean import LEARNED_BOILERPLATE
from quotetrace.records import Span

LOGGER = logging.getLogger(__name__)

# Signatures of another scheme (or bin count, or shingle size) cannot be compared with these: a store records it.
SCHEME = "oph-optimal-densification-v1"
SCHEME_STATE_KEY = "near_duplicate_signatures"
SHINGLE = 5  # words per shingle
_EMPTY = np.iinfo(np.uint64).max  # every bin of a text without words
_BLOCK_ROWS = 512  # signatures per block of the near-duplicate index (512 KB at 128 permutations)
_BASE = np.uint64(0x100000001B3)  # FNV-64 prime: the multiplier of the rolling shingle hash
_BYTE_BASE = 0x9E3779B97F4A7C15  # odd, so invertible mod 2**64: the base of the words' polynomial byte hash
_LENGTH_MIX = np.uint64(0xC2B2AE3D27D4EB4F)  # a word's length, mixed into its hash
_PROBE_SEED = np.uint64(0x2545F4914F6CDD1D)  # the densification's probe sequences
_33, _FMIX_1, _FMIX_2 = np.uint64(33), np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53)
_PIECE = 1 << 16  # bytes of text hashed at once (longer texts are cut at a space): bounds the power tables

_WORD = re.compile(r"\w+")
# ASCII characters ``\w`` does not match (it matches what str.isalnum() accepts, and "_"), mapped to a space.
_ASCII_NON_WORD = bytes(c for c in range(128) if not (chr(c).isalnum() or c == ord("_")))
_SPLIT_ASCII = bytes.maketrans(_ASCII_NON_WORD, b" " * len(_ASCII_NON_WORD))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SPACE = 0x20


def _word_bytes(text: str) -> bytes:
    """The UTF-8 bytes of ``text.casefold()`` with every non-word character a space (``\\w`` decides).

    Casefolding is per character: each distinct non-ASCII character is replaced by its casefolded form, in
    which non-ASCII characters that are not word characters become spaces; the ASCII letters are lowered as
    bytes (what casefold does to them, without decoding the whole text). A byte table then turns ASCII
    non-word characters into spaces (multi-byte characters left are all word characters).
    """
    if not text.isascii():
        for char in set(_NON_ASCII.findall(text)):
            folded = "".join(c if c.isascii() or c.isalnum() else " " for c in char.casefold())
            if folded != char:
                text = text.replace(char, folded)
    return text.encode("utf-8").lower().translate(_SPLIT_ASCII)


def words_utf8(text: str) -> list[bytes]:
    """The UTF-8 bytes of ``_WORD.findall(text.casefold())``, 3x faster than the regex."""
    return _word_bytes(text).split()


def _fmix64(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer: a bijection of uint64 whose every output bit depends on every input bit.

    Like every uint64 array operation in this module it wraps mod 2**64 (numpy checks overflow only for scalars,
    so no ``np.errstate``, which costs more than the arithmetic on an article's shingles)."""
    values = values ^ (values >> _33)
    values *= _FMIX_1
    values ^= values >> _33
    values *= _FMIX_2
    values ^= values >> _33
    return values


def _power_table(size: int) -> tuple[np.ndarray, np.ndarray]:
    """``_BYTE_BASE ** k`` and its inverse mod 2**64, for k < ``size`` (uint64 arithmetic wraps mod 2**64)."""
    powers = np.empty(size, dtype=np.uint64)
    inverses = np.empty(size, dtype=np.uint64)
    powers[0] = inverses[0] = 1
    powers[1:] = _BYTE_BASE
    inverses[1:] = pow(_BYTE_BASE, -1, 1 << 64)
    return np.cumprod(powers, out=powers), np.cumprod(inverses, out=inverses)


_POWERS, _INVERSES = _power_table(_PIECE)


def _piece_word_hashes(piece: bytes) -> np.ndarray:
    """``word_hash`` of each space-separated word of ``piece``, in order, without a Python object per word.

    A word's polynomial hash is a difference of prefix sums (of byte x base**position) brought back to its
    start by the inverse power: one pass of numpy over the bytes.
    """
    data = np.frombuffer(piece, dtype=np.uint8)
    inside = np.zeros(len(data) + 2, dtype=bool)
    np.not_equal(data, _SPACE, out=inside[1:-1])
    edges = np.flatnonzero(inside[1:] != inside[:-1])  # alternately the first byte of a word and the one after it
    starts, ends = edges[0::2], edges[1::2]
    powers, inverses = (_POWERS, _INVERSES) if len(data) <= _PIECE else _power_table(len(data))
    sums = np.zeros(len(data) + 1, dtype=np.uint64)
    np.cumsum(data * powers[:len(data)], out=sums[1:])
    polynomial = (sums[ends] - sums[starts]) * inverses[starts]
    return _fmix64(polynomial + (ends - starts).astype(np.uint64) * _LENGTH_MIX)


def word_hash(word: bytes) -> int:
    """The stable 64-bit hash of one word's UTF-8 bytes (what ``shingle_hashes`` combines): a polynomial in
    ``_BYTE_BASE`` over its bytes, first byte lowest, plus its length, through ``_fmix64``."""
    polynomial = sum(byte * pow(_BYTE_BASE, k, 1 << 64) for k, byte in enumerate(word)) % (1 << 64)
    value = (polynomial + len(word) * int(_LENGTH_MIX)) % (1 << 64)
    return int(_fmix64(np.array([value], dtype=np.uint64))[0])


def word_hashes(text: str) -> np.ndarray:
    """``word_hash`` of each word of ``words_utf8(text)``, in order (uint64)."""
    data = _word_bytes(text)
    if len(data) <= _PIECE:
        return _piece_word_hashes(data)
    pieces, start = [], 0
    while start < len(data):  # cut at a space, so that no word straddles two pieces
        cut = data.find(b" ", start + _PIECE)
        end = len(data) if cut < 0 else cut
        pieces.append(_piece_word_hashes(data[start:end]))
        start = end
    return np.concatenate(pieces)


def shingle_hashes(text: str, shingle: int = 5) -> np.ndarray:
    """64-bit hashes of the word ``shingle``-grams of ``text`` (casefolded words; punctuation ignored)."""
    ids = word_hashes(text)
    if not len(ids):
        return ids
    width = min(shingle, len(ids))  # a text shorter than one shingle is one shingle
    count = len(ids) - width + 1
    # Polynomial hash of each window, wrapping mod 2**64; the order of words matters.
    hashes = ids[:count].copy()
    for k in range(1, width):
        hashes *= _BASE
        hashes += ids[k:k + count]
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


def _bin_of(values: np.ndarray, bins: int) -> np.ndarray:
    """The bin of each 64-bit value among ``bins`` equal ranges of the hash space: monotone in the value."""
    return ((values >> np.uint64(32)) * np.uint64(bins)) >> np.uint64(32)


def _densify(signature: np.ndarray, filled: np.ndarray) -> None:
    """Optimal densification: each empty bin takes the value of the first non-empty bin its own probe sequence
    (a hash of the bin and the attempt) reaches. Signatures of one text share their probe sequences, so two
    texts agree on an empty bin as often as on a random filled one."""
    bins = len(signature)
    empty = np.flatnonzero(~filled).astype(np.uint64)
    attempt = 0
    while len(empty):
        probes = _bin_of(_fmix64(((empty << np.uint64(32)) + np.uint64(attempt)) ^ _PROBE_SEED), bins)
        found = filled[probes]
        signature[empty[found]] = signature[probes[found]]  # only filled bins are read: none is written here
        empty = empty[~found]
        attempt += 1


def signature_scheme(num_perm: int = 128) -> dict[str, Any]:
    """What a store records of its signatures: comparable only with signatures of the same record."""
    return {"scheme": SCHEME, "bins": num_perm, "shingle": SHINGLE}


def minhash_signature(text: str, num_perm: int = 128, shingle: int = SHINGLE, junk: Iterable[Span] = ()) -> np.ndarray:
    """The one-permutation MinHash signature (uint64, ``num_perm`` bins) of ``text``'s word shingles.

    Spans in ``junk`` are left out, so a copy framed by another outlet's page furniture stays close to its
    original. Pass only spans that depend on the text alone (not learned boilerplate) to stay reproducible.
    A text without words has every bin ``2**64 - 1``.
    """
    if not 0 < num_perm < 1 << 32:
        raise ValueError("num_perm must be in [1, 2**32)")
    if junk:
        text = without_spans(text, junk)
    signature = np.full(num_perm, _EMPTY, dtype=np.uint64)
    hashes = _fmix64(shingle_hashes(text, shingle))
    if not len(hashes):
        return signature
    bins = _bin_of(hashes, num_perm)
    np.minimum.at(signature, bins, hashes)
    filled = np.zeros(num_perm, dtype=bool)
    filled[bins] = True
    if not filled.all():
        _densify(signature, filled)
    return signature


def article_signature(text: str, junk: Iterable[Span], num_perm: int = 128) -> np.ndarray:
    """``minhash_signature`` of an article's text without its junk that depends on the text alone: learned
    boilerplate depends on the corpus seen so far, and a signature must not."""
    return minhash_signature(text, num_perm, junk=[span for span in junk if span.label != LEARNED_BOILERPLATE])


BAND_WEIGHTS = (0.1, 0.9)  # (false positive, false negative) weights of the LSH banding


@lru_cache(maxsize=8)
def _band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) as datasketch's MinHashLSH picks them with ``BAND_WEIGHTS``: candidates are verified
    by their estimated Jaccard, so a false candidate costs one comparison while a missed one loses a copy, and
    the banding favours recall (at 0.8: 14 bands of 9 rows find ~87% of pairs at 0.8 and ~98% at 0.85, where
    equal weights, 9 of 13, found ~40% and ~70%)."""
    from datasketch.lsh import _optimal_param  # type: ignore[import-untyped]

    # Numerical integration, ~10 ms: cached, as the index of every run and test asks the same.
    bands, rows = _optimal_param(threshold, num_perm, *BAND_WEIGHTS)
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
    transaction that stores those articles' signatures. The store records the signature scheme: on first use
    of a store whose record differs (or that has none, being older than the record), its articles' signatures
    are recomputed from their stored texts and indexed again.
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
        if store.get_state(SCHEME_STATE_KEY) != signature_scheme(num_perm):
            self._sign_stored_articles_again()
        elif self._next_rank == 0:
            self._index_stored_signatures()

    def _sign_stored_articles_again(self) -> None:
        """Stored signatures of another scheme (or of a store older than the scheme's record) cannot be compared
        with new ones: recompute every stored article's from its text, index the canonical ones again, and
        record the scheme, in one transaction. The ``duplicate_of`` already decided are kept."""
        with self.store.transaction():
            if self.store.has_signatures():
                LOGGER.warning("near-duplicate signatures in the store are not %s signatures: recomputing them "
                               "from the stored texts (once)", SCHEME)
                page: dict[str, np.ndarray] = {}
                for article in self.store.iter_articles():
                    page[article.id] = article_signature(article.text, article.junk, self.num_perm)
                    if len(page) >= 500:
                        self.store.write_signatures(page)
                        page = {}
                self.store.write_signatures(page)
                self.store.clear_members()
                self._next_rank = 0
            if self._next_rank == 0:
                self._index_stored_signatures()
            self.store.set_state(SCHEME_STATE_KEY, signature_scheme(self.num_perm))

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
