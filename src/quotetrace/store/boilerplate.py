"""The boilerplate learner's counts in the store, and the ids an ingest run has handled.

Mixed into ``Store``; used by ``quotetrace.ingest.boilerplate.StoredBoilerplateLearner`` (which reads the
counts of a batch's lines with a few ``IN (...)`` queries and writes back only the rows the batch changed)
and by ``quotetrace.ingest.pipeline`` (``run_articles``: "was this id already handled in this run?").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager

from sqlalchemy import Connection, and_, bindparam, delete, func, select, update

from quotetrace.store import schema
from quotetrace.store.links import chunks
from quotetrace.store.rows import insert_rows


class BoilerplateRows:
    """Store methods for ``schema.boilerplate_outlets``/``boilerplate_lines`` and ``schema.run_articles``."""

    def transaction(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def _read(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    # --- learned boilerplate ------------------------------------------------------------------

    def boilerplate_outlets(self, outlets: Iterable[str]) -> dict[str, tuple[int, int]]:
        """outlet -> (articles observed, lines tracked), for those of ``outlets`` the learner has seen."""
        t = schema.boilerplate_outlets
        found: dict[str, tuple[int, int]] = {}
        with self._read() as conn:
            for chunk in chunks(sorted(set(outlets))):
                for outlet, articles, tracked in conn.execute(
                        select(t.c.outlet, t.c.articles, t.c.tracked).where(t.c.outlet.in_(chunk))):
                    found[outlet] = (int(articles), int(tracked))
        return found

    def boilerplate_counts(self, outlet: str, hashes: Iterable[int]) -> dict[int, int]:
        """line hash -> articles it appeared in, for those of ``hashes`` tracked for ``outlet``."""
        t = schema.boilerplate_lines
        found: dict[int, int] = {}
        with self._read() as conn:
            for chunk in chunks(sorted(set(hashes))):
                query = select(t.c.line_hash, t.c.articles).where(t.c.outlet == outlet, t.c.line_hash.in_(chunk))
                found.update((int(h), int(n)) for h, n in conn.execute(query))
        return found

    def boilerplate_lines(self, outlet: str, at_least: int) -> dict[int, str]:
        """line hash -> line, for the lines of ``outlet`` that appeared in ``at_least`` articles or more."""
        t = schema.boilerplate_lines
        query = select(t.c.line_hash, t.c.line).where(t.c.outlet == outlet, t.c.articles >= at_least)
        with self._read() as conn:
            return {int(h): line for h, line in conn.execute(query)}

    def boilerplate_total(self) -> int:
        """Lines tracked over all outlets."""
        with self._read() as conn:
            total = conn.execute(select(func.sum(schema.boilerplate_outlets.c.tracked))).scalar_one_or_none()
        return int(total or 0)

    def write_boilerplate(self, outlets: Mapping[str, tuple[int, int]], known: Iterable[str],
                          updated: Sequence[tuple[str, int, int]], added: Sequence[tuple[str, int, str, int]]) -> None:
        """Upsert the rows one batch changed: ``outlets`` outlet -> (articles, tracked) (``known``: those already
        stored), ``updated`` (outlet, line hash, articles) of tracked lines, ``added`` (outlet, hash, line, articles)."""
        o, t = schema.boilerplate_outlets, schema.boilerplate_lines
        stored = set(known)
        with self.transaction() as conn:
            old = [{"o": key, "a": a, "n": n} for key, (a, n) in outlets.items() if key in stored]
            if old:
                conn.execute(update(o).where(o.c.outlet == bindparam("o")).values(articles=bindparam("a"),
                                                                                  tracked=bindparam("n")), old)
            new = [{"outlet": key, "articles": a, "tracked": n} for key, (a, n) in outlets.items() if key not in stored]
            if new:
                insert_rows(conn, o, new)
            if updated:
                conn.execute(update(t).where(t.c.outlet == bindparam("o"), t.c.line_hash == bindparam("h"))
                             .values(articles=bindparam("a")), [{"o": k, "h": h, "a": a} for k, h, a in updated])
            if added:
                insert_rows(conn, t, [{"outlet": k, "line_hash": h, "line": line, "articles": a}
                                      for k, h, line, a in added])

    def prune_boilerplate(self, keep: int, outlet: str | None = None) -> int:
        """Drop the rarest lines (of ``outlet``, or of all outlets) until at most ``keep`` are left: every line seen
        in at most F articles, F the smallest floor (1 or more) that is enough. Returns the floor used (0: none)."""
        t, o = schema.boilerplate_lines, schema.boilerplate_outlets
        where = [] if outlet is None else [t.c.outlet == outlet]
        with self.transaction() as conn:
            histogram = conn.execute(select(t.c.articles, func.count()).where(*where)
                                     .group_by(t.c.articles).order_by(t.c.articles)).all()
            left = sum(int(n) for _, n in histogram)
            floor = 0
            for articles, n in histogram:
                if left <= keep:
                    break
                floor, left = max(int(articles), 1), left - int(n)
            if floor == 0:
                return 0
            conn.execute(delete(t).where(*where, t.c.articles <= floor))
            tracked = (select(func.count()).select_from(t).where(t.c.outlet == o.c.outlet).scalar_subquery())
            conn.execute(update(o).where(*([] if outlet is None else [o.c.outlet == outlet])).values(tracked=tracked))
        return floor

    # --- ids handled by an ingest run ---------------------------------------------------------

    def run_article_ids(self, run_id: int, ids: Iterable[str]) -> set[str]:
        """Those of ``ids`` that run ``run_id`` recorded with ``add_run_articles``."""
        t = schema.run_articles
        found: set[str] = set()
        with self._read() as conn:
            for chunk in chunks(sorted(set(ids))):
                found.update(aid for (aid,) in conn.execute(
                    select(t.c.article_id).where(t.c.run_id == run_id, t.c.article_id.in_(chunk))))
        return found

    def add_run_articles(self, run_id: int, ids: Iterable[str]) -> None:
        rows = [{"run_id": run_id, "article_id": aid} for aid in sorted(set(ids))]
        if rows:
            with self.transaction() as conn:
                insert_rows(conn, schema.run_articles, rows)

    def forget_run_articles(self, keep_run: int | None = None) -> None:
        """Delete the ids recorded by every run but ``keep_run`` (all of them when None)."""
        t = schema.run_articles
        with self.transaction() as conn:
            conn.execute(delete(t) if keep_run is None else delete(t).where(and_(t.c.run_id != keep_run)))
