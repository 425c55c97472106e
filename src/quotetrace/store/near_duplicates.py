"""The near-duplicate index's rows in the store: indexed articles (members, by rank) and their LSH buckets.

Mixed into ``Store``; used by ``quotetrace.ingest.dedup.StoredNearDuplicateIndex``, which looks a whole batch
up with a few ``IN (...)`` queries, so the index never has to be held in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager

import numpy as np
from sqlalchemy import Connection, and_, delete, func, or_, select

from quotetrace.store import schema
from quotetrace.store.links import chunks
from quotetrace.store.rows import insert_rows


class NearDuplicateRows:
    """Store methods for the near-duplicate index (see ``schema.near_duplicate_members``)."""

    def transaction(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def _read(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def next_member_rank(self) -> int:
        """The rank the next indexed article gets (0 for an empty index)."""
        t = schema.near_duplicate_members
        with self._read() as conn:
            top = conn.execute(select(func.max(t.c.rank))).scalar_one_or_none()
        return 0 if top is None else int(top) + 1

    def member_ranks(self, ids: Iterable[str]) -> dict[str, int]:
        """article id -> rank, for those of ``ids`` that are in the index."""
        t = schema.near_duplicate_members
        found: dict[str, int] = {}
        with self._read() as conn:
            for chunk in chunks(sorted(set(ids))):
                found.update((aid, int(rank)) for aid, rank in
                             conn.execute(select(t.c.article_id, t.c.rank).where(t.c.article_id.in_(chunk))))
        return found

    def bucket_ranks(self, buckets: Iterable[int]) -> dict[int, list[int]]:
        """bucket -> ranks of the members in it, for those of ``buckets`` that hold any."""
        t = schema.near_duplicate_buckets
        found: dict[int, list[int]] = {}
        with self._read() as conn:
            for chunk in chunks(sorted(set(buckets))):
                for bucket, rank in conn.execute(select(t.c.bucket, t.c.rank).where(t.c.bucket.in_(chunk))):
                    found.setdefault(int(bucket), []).append(int(rank))
        return found

    def member_signatures(self, ranks: Iterable[int]) -> dict[int, tuple[str, np.ndarray]]:
        """rank -> (article id, stored MinHash signature) of those members."""
        m, s = schema.near_duplicate_members, schema.signatures
        found: dict[int, tuple[str, np.ndarray]] = {}
        with self._read() as conn:
            for chunk in chunks(sorted(set(ranks))):
                query = (select(m.c.rank, m.c.article_id, s.c.signature, s.c.dtype)
                         .join(s, s.c.article_id == m.c.article_id).where(m.c.rank.in_(chunk)))
                for rank, aid, blob, dtype in conn.execute(query):
                    found[int(rank)] = (aid, np.frombuffer(blob, dtype=np.dtype(dtype)))
        return found

    def add_members(self, members: Sequence[tuple[int, str, Sequence[int]]]) -> None:
        """Index articles: (rank, article id, its buckets) each."""
        if not members:
            return
        with self.transaction() as conn:
            insert_rows(conn, schema.near_duplicate_members,
                        [{"rank": rank, "article_id": aid} for rank, aid, _ in members])
            insert_rows(conn, schema.near_duplicate_buckets,
                        [{"bucket": bucket, "rank": rank} for rank, _, buckets in members for bucket in buckets])

    def move_members(self, moves: Mapping[int, tuple[Sequence[int], Sequence[int]]]) -> None:
        """Re-bucket members whose signature changed: rank -> (old buckets, new buckets)."""
        t = schema.near_duplicate_buckets
        old = [(bucket, rank) for rank, (buckets, _) in moves.items() for bucket in buckets]
        new = [{"bucket": bucket, "rank": rank} for rank, (_, buckets) in moves.items() for bucket in buckets]
        if not new:
            return
        with self.transaction() as conn:
            for chunk in chunks(old):
                conn.execute(delete(t).where(or_(*(and_(t.c.bucket == b, t.c.rank == r) for b, r in chunk))))
            insert_rows(conn, t, new)

    def clear_members(self) -> None:
        """Empty the index (its members and buckets), e.g. before indexing recomputed signatures."""
        with self.transaction() as conn:
            conn.execute(delete(schema.near_duplicate_buckets))
            conn.execute(delete(schema.near_duplicate_members))
