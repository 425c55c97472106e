"""The store's tables (SQLAlchemy Core): one table per record, plus ingest bookkeeping.

The same schema serves SQLite and PostgreSQL. Nested parts of records (junk spans, cues, quote
context, variants) are JSON columns; datetimes are UTC timestamps.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.types import TypeDecorator

SCHEMA_VERSION = 1


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored as UTC and read back UTC-aware, on SQLite (no zone support) as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        # SQLite keeps naive strings only; PostgreSQL's timestamptz wants the zone.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value.replace(tzinfo=value.tzinfo or UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment: datetime = value
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String, primary_key=True),
    Column("url", Text),
    Column("outlet", String, index=True),
    Column("title", Text),
    Column("authors", JSON, nullable=False),
    Column("published", UTCDateTime, index=True),
    Column("language", String),
    Column("text", Text, nullable=False),
    Column("junk", JSON, nullable=False),
    Column("source", Text, nullable=False),
    Column("content_hash", String, nullable=False, index=True),
    Column("duplicate_of", String, index=True),
    Column("ingested_at", UTCDateTime, nullable=False),
)

# MinHash signatures, kept so a re-run can rebuild the near-duplicate index without re-reading texts.
signatures = Table(
    "article_signatures",
    metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),
    Column("dtype", String, nullable=False),
)

# The near-duplicate index (MinHash LSH over canonical articles), kept here so ingest memory stays flat.
# One row per indexed article; rank is the order it was indexed in (the earliest near copy wins) ...
near_duplicate_members = Table(
    "near_duplicate_members",
    metadata,
    Column("rank", Integer, primary_key=True, autoincrement=False),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, unique=True),
)

# ... and one row per (LSH bucket, member): bucket = a 64-bit hash of one band of its signature (band number mixed in).
# The primary key indexes bucket first: a batch's lookups are ``bucket IN (...)``.
near_duplicate_buckets = Table(
    "near_duplicate_buckets",
    metadata,
    Column("bucket", BigInteger, primary_key=True, autoincrement=False),
    Column("rank", Integer, primary_key=True, autoincrement=False),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String, nullable=False),
    Column("started", UTCDateTime, nullable=False),
    Column("finished", UTCDateTime),
    Column("inputs", JSON, nullable=False),
    Column("counts", JSON, nullable=False),
)

ingest_failures = Table(
    "ingest_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="SET NULL"), index=True),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

# Learned boilerplate (ingest.boilerplate.StoredBoilerplateLearner): per outlet, the articles observed and the
# lines tracked; per (outlet, line), in how many of those articles the line appeared. Upserted per batch.
boilerplate_outlets = Table(
    "boilerplate_outlets",
    metadata,
    Column("outlet", String, primary_key=True),  # "" for articles without an outlet
    Column("articles", Integer, nullable=False),
    Column("tracked", Integer, nullable=False),  # rows of boilerplate_lines for this outlet
)

boilerplate_lines = Table(
    "boilerplate_lines",
    metadata,
    Column("outlet", String, primary_key=True),
    Column("line_hash", BigInteger, primary_key=True, autoincrement=False),  # 64-bit hash of ``line``
    Column("line", Text, nullable=False),  # the normalised line (boilerplate.normalise_line)
    Column("articles", Integer, nullable=False),
)

# Article ids an ingest run has stored or found stored, so a second input with the same id is a duplicate; a
# run deletes its rows when it finishes (and those left by a killed run when it starts).
run_articles = Table(
    "run_articles",
    metadata,
    Column("run_id", Integer, primary_key=True, autoincrement=False),
    Column("article_id", String, primary_key=True),
)

# Small JSON values kept between runs (e.g. the outlets whose junk must be re-marked).
state = Table(
    "state",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", JSON, nullable=False),
)

# One row per article extraction has run on (even when it found no quotes), so re-runs skip it.
extractions = Table(
    "extractions",
    metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("at", UTCDateTime, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("kind", String, nullable=False, index=True),
    Column("speaker", Text),
    Column("speaker_mention", JSON),
    Column("speaker_id", String, index=True),
    Column("cue", JSON),
    Column("context", JSON, nullable=False),
    Column("parent_id", String),
    Column("confidence", Float, nullable=False),
    Column("continues", String),
)

speaker_mentions = Table(
    "speaker_mentions",
    metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("name", Text),
    Column("title", Text),
    Column("kind", String, nullable=False),
)

speakers = Table(
    "speakers",
    metadata,
    Column("id", String, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False, index=True),
    Column("aliases", JSON, nullable=False),
    Column("titles", JSON, nullable=False),
    Column("kind", String, nullable=False),
)

utterances = Table(
    "utterances",
    metadata,
    Column("id", String, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("speaker_id", String, index=True),
    Column("canonical_text", Text, nullable=False),
    Column("variants", JSON, nullable=False),
    Column("first_seen", UTCDateTime),
)

utterance_quotes = Table(
    "utterance_quotes",
    metadata,
    Column("utterance_id", String, ForeignKey("utterances.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("quote_id", String, nullable=False, index=True),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("start", UTCDateTime),
    Column("end", UTCDateTime),
    Column("outlets", JSON, nullable=False),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("story_id", String, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("article_id", String, nullable=False, index=True),
)

# --- comparison results (compare/), per story; a run replaces a story's rows in one transaction ---

# One row per compared story: the outlets compared, fingerprints of the lexicon and of the compared records.
story_comparisons = Table(
    "story_comparisons",
    metadata,
    Column("story_id", String, primary_key=True),
    Column("outlets", JSON, nullable=False),
    Column("lexicon", String, nullable=False),
    Column("inputs", String, nullable=False),  # fingerprint of the records compared: unchanged -> not recomputed
)

# The outlet x utterance matrix: one row per cell; mode is verbatim / altered / partial / indirect / missing.
story_coverage = Table(
    "story_coverage",
    metadata,
    Column("story_id", String, ForeignKey("story_comparisons.story_id", ondelete="CASCADE"), primary_key=True),
    Column("row", Integer, primary_key=True),  # the utterance's place in the matrix (most widely carried first)
    Column("outlet", String, primary_key=True),
    Column("utterance_id", String, nullable=False, index=True),
    Column("mode", String, nullable=False),
    Column("modes", JSON, nullable=False),
    Column("quote_ids", JSON, nullable=False),
    Column("article_ids", JSON, nullable=False),
)

def _story_rows(name: str, *columns: Column) -> Table:
    """A table of ordered rows belonging to one story's comparison (removed with it)."""
    return Table(
        name,
        metadata,
        Column("story_id", String, ForeignKey("story_comparisons.story_id", ondelete="CASCADE"), primary_key=True),
        Column("position", Integer, primary_key=True),
        *columns,
    )


# Reporting-verb lemma counts per (speaker, outlet) within a story.
story_verbs = _story_rows(
    "story_verbs",
    Column("speaker_id", String, index=True),
    Column("outlet", String, nullable=False),
    Column("lemma", String, nullable=False),
    Column("count", Integer, nullable=False),
)

# Loaded-term counts per (lexicon group, term, outlet) within a story.
story_terms = _story_rows(
    "story_terms",
    Column("group", String, nullable=False),
    Column("term", String, nullable=False),
    Column("outlet", String, nullable=False),
    Column("count", Integer, nullable=False),
    Column("in_quotes", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
)

Index("ix_articles_outlet_published", articles.c.outlet, articles.c.published)
# lines_for: an outlet's lines seen in at least N articles.
Index("ix_boilerplate_lines_outlet_articles", boilerplate_lines.c.outlet, boilerplate_lines.c.articles)
