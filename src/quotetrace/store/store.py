"""The store: every record quotetrace produces, in SQLite (default) or PostgreSQL, via SQLAlchemy Core.

Usage::

    from quotetrace.store import Store
    store = Store.open()            # --db / QUOTETRACE_DB / ./quotetrace.db; a URL or a plain path (SQLite)
    with store.transaction():       # optional: group several writes into one transaction
        store.replace_quotes(article_id, quotes, mentions)

Articles (ingest):
    ``write_articles(articles) -> WriteSummary`` upsert by id; an article whose content_hash is stored
    under another id is skipped and counted as an exact duplicate. ``article(id)``,
    ``iter_articles(outlet=None, since=None, limit=None, without_quotes=False)`` (streams, ordered by id),
    ``search(query, limit=20) -> list[Article]`` (best first), ``count_articles()``, ``counts()``.
Quotes (extraction), one article at a time, idempotent:
    ``replace_quotes(article_id, quotes, mentions)``, ``iter_quotes(article_id=None)``,
    ``iter_mentions(article_id=None)``, ``quote(id)``.
Link results (linking), the whole corpus at once, replacing the previous results in one transaction:
    ``replace_link_results(speakers, utterances, stories, quote_speaker_ids)``, ``speakers()``,
    ``speaker(id_or_name)``, ``utterances(speaker_id=None)``, ``utterance(id)``, ``stories()``, ``story(id)``.
Comparison results (compare stage), per story: ``replace_comparison(comparison, lexicon_key)``,
    ``drop_comparisons_except(story_ids)``, ``story_comparison(story_id)``; slices of the corpus for the CLI
    and report: ``articles_by_ids``, ``quotes_of_articles``, ``quotes_of_speaker``, ``utterances_of_quotes``, ...
    (see ``quotetrace.store.comparisons``).
Ingest bookkeeping: ``articles_by_hash``, ``known_ids``, ``write_signatures``/``iter_signatures``/
    ``has_signatures``, ``get_state``/``set_state``, ``set_junk``, ``start_run``/``finish_run``,
    ``record_failures``/``failures``; the near-duplicate index's rows: ``next_member_rank``, ``member_ranks``,
    ``bucket_ranks``, ``member_signatures``, ``add_members``, ``move_members``, ``clear_members`` (see
    ``quotetrace.store.near_duplicates``); the boilerplate learner's counts and the ids a run handled (see ``quotetrace.store.boilerplate``).

Every write runs in a transaction (its own, or the one open via ``transaction()``). Reads inside an open
transaction see its writes. Errors opening or writing the store raise ``StoreError``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import Connection, Engine, and_, create_engine, delete, event, exists, func, insert, or_, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from quotetrace import settings
from quotetrace.errors import StoreError
from quotetrace.records import Article, IngestFailure, Quote, Span, SpeakerMention
from quotetrace.store import rows, schema
from quotetrace.store.boilerplate import BoilerplateRows
from quotetrace.store.comparisons import ComparisonResults
from quotetrace.store.links import LinkResults, chunks
from quotetrace.store.near_duplicates import NearDuplicateRows
from quotetrace.store.search import create_search, index_new_rows, last_rowid, search_ids

LOGGER = logging.getLogger(__name__)

_PAGE = 500  # rows per page when streaming; bounds memory and lock time


@dataclass(frozen=True)
class WriteSummary:
    """What ``write_articles`` did with each article it was given."""

    written: tuple[str, ...] = ()  # new ids
    updated: tuple[str, ...] = ()  # ids stored before with different content
    unchanged: tuple[str, ...] = ()  # ids stored before with identical content
    exact_duplicates: tuple[str, ...] = ()  # ids skipped: their text is stored under another id


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable at commit boundaries except power loss
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class Store(LinkResults, ComparisonResults, NearDuplicateRows, BoilerplateRows):
    """A quotetrace database. Open with ``Store.open(url_or_path)``; close with ``close()`` or ``with``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._conn: Connection | None = None
        try:
            with engine.begin() as conn:
                schema.metadata.create_all(conn)
                create_search(conn)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open store {engine.url.render_as_string(hide_password=True)}: {exc}") from exc

    @classmethod
    def open(cls, url_or_path: str | None = None) -> Store:
        """Open (creating tables if needed) the store at a URL or SQLite path; default per ``settings``."""
        url = make_url(settings.database_url(url_or_path))
        if url.drivername in ("postgresql", "postgres"):  # psycopg 3 is the driver we ship (the postgres extra)
            url = url.set(drivername="postgresql+psycopg")
        kwargs: dict[str, Any] = {}
        if url.get_backend_name() == "sqlite":
            if url.database in (None, "", ":memory:"):
                kwargs["poolclass"] = StaticPool  # one shared in-memory database
                kwargs["connect_args"] = {"check_same_thread": False}
        try:
            engine = create_engine(url, **kwargs)
        except (SQLAlchemyError, ImportError) as exc:
            raise StoreError(f"cannot open store {url.render_as_string(hide_password=True)}: {exc}") from exc
        if url.get_backend_name() == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        return cls(engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction for everything written inside; nested calls join the outer one."""
        if self._conn is not None:
            yield self._conn
            return
        try:
            with self.engine.begin() as conn:
                self._conn = conn
                try:
                    yield conn
                finally:
                    self._conn = None
        except SQLAlchemyError as exc:
            raise StoreError(f"store write failed: {exc}") from exc

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        if self._conn is not None:
            yield self._conn
            return
        with self.engine.connect() as conn:
            yield conn

    # --- articles -----------------------------------------------------------------------------

    def write_articles(self, articles: Iterable[Article]) -> WriteSummary:
        """Upsert articles by id in one transaction; skip (as exact duplicates) texts stored under another id."""
        batch = list(articles)
        if not batch:
            return WriteSummary()
        t = schema.articles
        written: list[str] = []
        updated: list[str] = []
        unchanged: list[str] = []
        dups: list[str] = []
        with self.transaction() as conn:
            stored: dict[str, dict[str, Any]] = {}
            for chunk in chunks([a.id for a in batch]):
                for found in conn.execute(select(t).where(t.c.id.in_(chunk))).mappings():
                    stored[found["id"]] = dict(found)
            owners = self._hash_owners(conn, [a.content_hash for a in batch if a.content_hash])
            new_rows: list[dict[str, Any]] = []
            for article in batch:
                owner = owners.get(article.content_hash) if article.content_hash else None
                if owner is not None and owner != article.id:
                    dups.append(article.id)
                    continue
                row = rows.article_row(article)
                old = stored.get(article.id)
                if old is None:
                    new_rows.append({**row, "ingested_at": rows.now()})
                    written.append(article.id)
                    stored[article.id] = row
                elif rows.article_from(old) == article:
                    unchanged.append(article.id)
                else:
                    conn.execute(update(t).where(t.c.id == article.id).values(**row))
                    if old["text"] != article.text:  # stored quote offsets index the old text
                        self._forget_extraction(conn, article.id)
                    updated.append(article.id)
                    stored[article.id] = row
                if article.content_hash:
                    owners[article.content_hash] = article.id
            if new_rows:
                after = last_rowid(conn)
                rows.insert_rows(conn, t, new_rows)
                index_new_rows(conn, after)
        return WriteSummary(tuple(written), tuple(updated), tuple(unchanged), tuple(dups))

    def _hash_owners(self, conn: Connection, hashes: Sequence[str]) -> dict[str, str]:
        t = schema.articles
        owners: dict[str, str] = {}
        for chunk in chunks(sorted(set(hashes))):
            for aid, h in conn.execute(select(t.c.id, t.c.content_hash).where(t.c.content_hash.in_(chunk))
                                       .order_by(t.c.id)):
                owners.setdefault(h, aid)
        return owners

    def articles_by_hash(self, hashes: Iterable[str]) -> dict[str, str]:
        """content_hash -> id of the stored article with that text (the smallest id when several)."""
        with self._read() as conn:
            return self._hash_owners(conn, list(hashes))

    def known_ids(self, ids: Iterable[str]) -> dict[str, str]:
        """id -> stored content_hash, for those of ``ids`` already stored."""
        t = schema.articles
        found: dict[str, str] = {}
        with self._read() as conn:
            for chunk in chunks(list(ids)):
                query = select(t.c.id, t.c.content_hash).where(t.c.id.in_(chunk))
                found.update((r[0], r[1]) for r in conn.execute(query))
        return found

    def article(self, article_id: str) -> Article | None:
        with self._read() as conn:
            row = conn.execute(select(schema.articles).where(schema.articles.c.id == article_id)).mappings().first()
        return rows.article_from(row) if row else None

    def iter_articles(self, outlet: str | None = None, since: datetime | None = None, limit: int | None = None,
                      without_quotes: bool = False) -> Iterator[Article]:
        """Stream articles ordered by id, page by page (memory stays flat however many are stored).

        ``without_quotes``: only articles extraction has not run on yet (see ``replace_quotes``).
        """
        t = schema.articles
        conditions = []
        if outlet is not None:
            conditions.append(t.c.outlet == outlet)
        if since is not None:
            conditions.append(t.c.published >= since)
        if without_quotes:
            conditions.append(~exists().where(schema.extractions.c.article_id == t.c.id))
        last: str | None = None
        remaining = limit
        while remaining is None or remaining > 0:
            page = _PAGE if remaining is None else min(_PAGE, remaining)
            query = select(t).where(*conditions).order_by(t.c.id).limit(page)
            if last is not None:
                query = query.where(t.c.id > last)
            with self._read() as conn:
                batch = [rows.article_from(r) for r in conn.execute(query).mappings()]
            yield from batch
            if len(batch) < page:
                return
            last = batch[-1].id
            if remaining is not None:
                remaining -= len(batch)

    def search(self, query: str, limit: int = 20) -> list[Article]:
        """Articles whose title or text contain every word of ``query``, best match first."""
        with self._read() as conn:
            ranked = search_ids(conn, query, limit)
        found = {a.id: a for a in self._articles([aid for aid, _ in ranked])}
        return [found[aid] for aid, _ in ranked if aid in found]

    def _articles(self, ids: Sequence[str]) -> list[Article]:
        t = schema.articles
        out: list[Article] = []
        with self._read() as conn:
            for chunk in chunks(list(ids)):
                out.extend(rows.article_from(r) for r in conn.execute(select(t).where(t.c.id.in_(chunk))).mappings())
        return out

    def count_articles(self, outlet: str | None = None) -> int:
        t = schema.articles
        query = select(func.count()).select_from(t)
        if outlet is not None:
            query = query.where(t.c.outlet == outlet)
        with self._read() as conn:
            return int(conn.execute(query).scalar_one())

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables (articles, quotes, speakers, utterances, stories, ...)."""
        tables = {"articles": schema.articles, "duplicates": schema.articles, "quotes": schema.quotes,
                  "speaker_mentions": schema.speaker_mentions, "speakers": schema.speakers,
                  "utterances": schema.utterances, "stories": schema.stories,
                  "ingest_failures": schema.ingest_failures}
        out: dict[str, int] = {}
        with self._read() as conn:
            for name, table in tables.items():
                query = select(func.count()).select_from(table)
                if name == "duplicates":
                    query = query.where(schema.articles.c.duplicate_of.is_not(None))
                out[name] = int(conn.execute(query).scalar_one())
        return out

    def set_junk(self, junk: Mapping[str, tuple[Span, ...]]) -> None:
        """Replace the junk spans of the given articles (after boilerplate was learned)."""
        if not junk:
            return
        t = schema.articles
        with self.transaction() as conn:
            for aid, spans in junk.items():
                conn.execute(update(t).where(t.c.id == aid).values(junk=[[s.start, s.end, s.label] for s in spans]))

    # --- ingest bookkeeping -------------------------------------------------------------------

    def write_signatures(self, signatures: Mapping[str, np.ndarray]) -> None:
        """Store (replace) the MinHash signature of each article id."""
        if not signatures:
            return
        t = schema.signatures
        with self.transaction() as conn:
            ids = list(signatures)
            for chunk in chunks(ids):
                conn.execute(delete(t).where(t.c.article_id.in_(chunk)))
            rows.insert_rows(conn, t, [
                {"article_id": aid, "signature": np.ascontiguousarray(sig).tobytes(), "dtype": str(sig.dtype)}
                for aid, sig in signatures.items()
            ])

    def has_signatures(self) -> bool:
        """Whether any MinHash signature is stored."""
        with self._read() as conn:
            return conn.execute(select(schema.signatures.c.article_id).limit(1)).first() is not None

    def iter_signatures(self, canonical_only: bool = True) -> Iterator[tuple[str, np.ndarray]]:
        """(article id, signature) in the order articles were stored (the order an index first saw them).

        By default only articles that are not near duplicates.
        """
        s, a = schema.signatures, schema.articles
        query = (select(s.c.article_id, s.c.signature, s.c.dtype, a.c.ingested_at)
                 .join(a, a.c.id == s.c.article_id).order_by(a.c.ingested_at, s.c.article_id).limit(_PAGE))
        if canonical_only:
            query = query.where(a.c.duplicate_of.is_(None))
        last: tuple[datetime, str] | None = None
        while True:
            page_query = query if last is None else query.where(or_(
                a.c.ingested_at > last[0], and_(a.c.ingested_at == last[0], s.c.article_id > last[1])))
            with self._read() as conn:
                page = list(conn.execute(page_query))
            for aid, blob, dtype, _ in page:
                yield aid, np.frombuffer(blob, dtype=np.dtype(dtype))
            if len(page) < _PAGE:
                return
            last = (page[-1][3], page[-1][0])

    def get_state(self, key: str) -> Any:
        """A JSON value saved with ``set_state`` (None when absent)."""
        with self._read() as conn:
            return conn.execute(select(schema.state.c.value).where(schema.state.c.key == key)).scalar_one_or_none()

    def set_state(self, key: str, value: Any) -> None:
        t = schema.state
        with self.transaction() as conn:
            conn.execute(delete(t).where(t.c.key == key))
            conn.execute(insert(t).values(key=key, value=value))

    def drop_state(self, key: str) -> None:
        with self.transaction() as conn:
            conn.execute(delete(schema.state).where(schema.state.c.key == key))

    def start_run(self, kind: str, inputs: Sequence[str]) -> int:
        """Record the start of a run (ingest, extract, ...); returns its id."""
        with self.transaction() as conn:
            result = conn.execute(insert(schema.runs).values(kind=kind, started=rows.now(), inputs=list(inputs),
                                                             counts={}))
            key = result.inserted_primary_key
            assert key is not None  # an autoincrement insert always returns its key
            return int(key[0])

    def finish_run(self, run_id: int, counts: Mapping[str, int]) -> None:
        with self.transaction() as conn:
            conn.execute(update(schema.runs).where(schema.runs.c.id == run_id)
                         .values(finished=rows.now(), counts=dict(counts)))

    def runs(self) -> list[dict[str, Any]]:
        with self._read() as conn:
            return [dict(r) for r in conn.execute(select(schema.runs).order_by(schema.runs.c.id)).mappings()]

    def record_failures(self, failures: Iterable[IngestFailure], run_id: int | None = None) -> None:
        batch = [{"run_id": run_id, "source": f.source, "reason": f.reason, "at": rows.now()} for f in failures]
        if batch:
            with self.transaction() as conn:
                rows.insert_rows(conn, schema.ingest_failures, batch)

    def failures(self, run_id: int | None = None) -> list[IngestFailure]:
        t = schema.ingest_failures
        query = select(t.c.source, t.c.reason).order_by(t.c.id)
        if run_id is not None:
            query = query.where(t.c.run_id == run_id)
        with self._read() as conn:
            return [IngestFailure(source, reason) for source, reason in conn.execute(query)]

    # --- quotes -------------------------------------------------------------------------------

    def _forget_extraction(self, conn: Connection, article_id: str) -> None:
        for table in (schema.quotes, schema.speaker_mentions, schema.extractions):
            conn.execute(delete(table).where(table.c.article_id == article_id))

    def replace_quotes(self, article_id: str, quotes: Iterable[Quote], mentions: Iterable[SpeakerMention]) -> None:
        """Store the extraction result of one article, replacing any previous one (idempotent)."""
        quote_rows = [rows.quote_row(q, i) for i, q in enumerate(quotes)]
        mention_rows = [rows.mention_row(m, i) for i, m in enumerate(mentions)]
        for row in (*quote_rows, *mention_rows):
            if row["article_id"] != article_id:
                raise StoreError(f"replace_quotes({article_id}): record of article {row['article_id']}")
        with self.transaction() as conn:
            self._forget_extraction(conn, article_id)
            if quote_rows:
                conn.execute(insert(schema.quotes), quote_rows)
            if mention_rows:
                conn.execute(insert(schema.speaker_mentions), mention_rows)
            conn.execute(insert(schema.extractions).values(article_id=article_id, at=rows.now()))

    def iter_quotes(self, article_id: str | None = None) -> Iterator[Quote]:
        """Quotes in (article id, position in article) order; streamed page by page."""
        t = schema.quotes
        if article_id is not None:
            with self._read() as conn:
                result = conn.execute(select(t).where(t.c.article_id == article_id).order_by(t.c.position))
                yield from [rows.quote_from(r) for r in result.mappings()]
            return
        last: tuple[str, int] | None = None
        while True:
            query = select(t).order_by(t.c.article_id, t.c.position).limit(_PAGE)
            if last is not None:
                query = query.where(or_(t.c.article_id > last[0],
                                        and_(t.c.article_id == last[0], t.c.position > last[1])))
            with self._read() as conn:
                page = [dict(r) for r in conn.execute(query).mappings()]
            yield from (rows.quote_from(r) for r in page)
            if len(page) < _PAGE:
                return
            last = (page[-1]["article_id"], page[-1]["position"])

    def quote(self, quote_id: str) -> Quote | None:
        with self._read() as conn:
            row = conn.execute(select(schema.quotes).where(schema.quotes.c.id == quote_id)).mappings().first()
        return rows.quote_from(row) if row else None

    def iter_mentions(self, article_id: str | None = None) -> Iterator[SpeakerMention]:
        """Speaker mentions in (article id, position) order."""
        t = schema.speaker_mentions
        query = select(t).order_by(t.c.article_id, t.c.position)
        if article_id is not None:
            query = query.where(t.c.article_id == article_id)
        with self._read() as conn:
            page = [rows.mention_from(r) for r in conn.execute(query).mappings()]
        yield from page
