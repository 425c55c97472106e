"""Full-text search over article titles and texts: SQLite FTS5 (bm25) or PostgreSQL tsvector (ts_rank).

SQLite keeps an external-content FTS5 table ``articles_fts`` in sync with ``articles``: new rows are indexed
by ``index_new_rows`` with one ``INSERT ... SELECT`` per batch (2.5x faster than a trigger per row), updates
and deletes by triggers;
PostgreSQL uses a GIN expression index on ``to_tsvector('simple', title || ' ' || text)``.
User queries are plain words (every word must occur); FTS syntax characters are neutralised.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

_WORD = re.compile(r"\w+", re.UNICODE)

_SQLITE_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
    "DROP TRIGGER IF EXISTS articles_fts_ai",  # stores made before index_new_rows indexed each insert this way
    "CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text); END",
)

_PG_DOC = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"
_PG_DDL = (f"CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING GIN ({_PG_DOC})",)


def create_search(conn: Connection) -> None:
    """Create the dialect's full-text structures (idempotent)."""
    ddl = _SQLITE_DDL if conn.dialect.name == "sqlite" else _PG_DDL if conn.dialect.name == "postgresql" else ()
    for statement in ddl:
        conn.exec_driver_sql(statement)


def last_rowid(conn: Connection) -> int | None:
    """The largest ``articles`` rowid on SQLite (0 when empty): rows inserted after it are new. None elsewhere."""
    if conn.dialect.name != "sqlite":
        return None
    return int(conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM articles").scalar_one())


def index_new_rows(conn: Connection, after: int | None) -> None:
    """Add the ``articles`` rows inserted after rowid ``after`` (see ``last_rowid``) to SQLite's FTS5 table.

    SQLite gives a new row a rowid above every stored one, so the batch just inserted is ``rowid > after``.
    """
    if after is not None and conn.dialect.name == "sqlite":
        conn.execute(text("INSERT INTO articles_fts(rowid, title, text) "
                          "SELECT rowid, coalesce(title, ''), text FROM articles WHERE rowid > :after"),
                     {"after": after})


def query_words(query: str) -> list[str]:
    """The words of a user query (punctuation and FTS operators dropped)."""
    return _WORD.findall(query)


def search_ids(conn: Connection, query: str, limit: int) -> list[tuple[str, float]]:
    """(article id, score) pairs best first; higher score is better on every dialect."""
    words = query_words(query)
    if not words:
        return []
    if conn.dialect.name == "sqlite":
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows = conn.execute(
            text(
                "SELECT a.id, bm25(articles_fts, 2.0, 1.0) AS rank FROM articles_fts "
                "JOIN articles a ON a.rowid = articles_fts.rowid "
                "WHERE articles_fts MATCH :match ORDER BY rank, a.id LIMIT :limit"
            ),
            {"match": match, "limit": limit},
        )
        # bm25 is lower-is-better (negative); flip it so callers can sort one way.
        return [(row[0], -float(row[1])) for row in rows]
    if conn.dialect.name == "postgresql":
        rows = conn.execute(
            text(
                f"SELECT id, ts_rank({_PG_DOC}, plainto_tsquery('simple', :q)) AS rank FROM articles "
                f"WHERE {_PG_DOC} @@ plainto_tsquery('simple', :q) ORDER BY rank DESC, id LIMIT :limit"
            ),
            {"q": " ".join(words), "limit": limit},
        )
        return [(row[0], float(row[1])) for row in rows]
    # Any other database: every word as a case-insensitive substring of title or text.
    clause = " AND ".join(
        f"(lower(coalesce(title, '')) LIKE :w{i} OR lower(text) LIKE :w{i})" for i in range(len(words))
    )
    params: dict[str, object] = {f"w{i}": f"%{w.lower()}%" for i, w in enumerate(words)}
    params["limit"] = limit
    rows = conn.execute(text(f"SELECT id FROM articles WHERE {clause} ORDER BY id LIMIT :limit"), params)
    return [(row[0], 0.0) for row in rows]
