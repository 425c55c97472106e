"""Records to table rows and back (the JSON columns hold ``as_dict()`` forms of nested records)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, insert

from quotetrace.records import (
    Article,
    Cue,
    Quote,
    QuoteContext,
    Speaker,
    SpeakerMention,
    Span,
    Story,
    Utterance,
    Variant,
    WordDiff,
)


def insert_rows(conn: Connection, table: Table, batch: Sequence[Mapping[str, Any]]) -> None:
    """INSERT ``batch`` (rows with the same keys). On SQLite straight through the driver's ``executemany`` with the
    columns' own bind processors: SQLAlchemy's per-row parameter handling cost as much as SQLite's work."""
    if not batch:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), batch)
        return
    names = list(batch[0])
    quote = conn.dialect.identifier_preparer.quote
    processors = [table.c[name].type.dialect_impl(conn.dialect).bind_processor(conn.dialect) for name in names]
    conn.exec_driver_sql(
        f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, names))}) VALUES ({', '.join('?' * len(names))})",
        [tuple(row[name] if process is None else process(row[name]) for name, process in zip(names, processors))
         for row in batch])


def now() -> datetime:
    return datetime.now(UTC)


def _dt(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "junk": [[s.start, s.end, s.label] for s in article.junk],
        "source": article.source,
        "content_hash": article.content_hash,
        "duplicate_of": article.duplicate_of,
    }


def article_from(row: Mapping[Any, Any]) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        source=row["source"],
        url=row["url"],
        outlet=row["outlet"],
        title=row["title"],
        authors=tuple(row["authors"] or ()),
        published=_dt(row["published"]),
        language=row["language"],
        junk=tuple(Span(int(s), int(e), str(label)) for s, e, label in row["junk"] or ()),
        content_hash=row["content_hash"],
        duplicate_of=row["duplicate_of"],
    )


def mention_from_dict(data: Mapping[str, Any] | None) -> SpeakerMention | None:
    return None if data is None else SpeakerMention(**data)


def quote_row(quote: Quote, position: int) -> dict[str, Any]:
    return {
        "id": quote.id,
        "article_id": quote.article_id,
        "position": position,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "speaker": quote.speaker,
        "speaker_mention": quote.speaker_mention.as_dict() if quote.speaker_mention else None,
        "speaker_id": quote.speaker_id,
        "cue": quote.cue.as_dict() if quote.cue else None,
        "context": quote.context.as_dict(),
        "parent_id": quote.parent_id,
        "confidence": quote.confidence,
        "continues": quote.continues,
    }


def quote_from(row: Mapping[Any, Any]) -> Quote:
    return Quote(
        id=row["id"],
        article_id=row["article_id"],
        text=row["text"],
        start=row["start"],
        end=row["end"],
        kind=row["kind"],
        speaker=row["speaker"],
        speaker_mention=mention_from_dict(row["speaker_mention"]),
        speaker_id=row["speaker_id"],
        cue=Cue(**row["cue"]) if row["cue"] else None,
        context=QuoteContext(**(row["context"] or {})),
        parent_id=row["parent_id"],
        confidence=float(row["confidence"]),
        continues=row["continues"],
    )


def mention_row(mention: SpeakerMention, position: int) -> dict[str, Any]:
    return {**mention.as_dict(), "position": position}


def mention_from(row: Mapping[Any, Any]) -> SpeakerMention:
    return SpeakerMention(
        article_id=row["article_id"], text=row["text"], start=row["start"], end=row["end"],
        name=row["name"], title=row["title"], kind=row["kind"],
    )


def speaker_row(speaker: Speaker, position: int) -> dict[str, Any]:
    return {"id": speaker.id, "position": position, "name": speaker.name, "aliases": list(speaker.aliases),
            "titles": list(speaker.titles), "kind": speaker.kind}


def speaker_from(row: Mapping[Any, Any]) -> Speaker:
    return Speaker(id=row["id"], name=row["name"], aliases=tuple(row["aliases"]), titles=tuple(row["titles"]),
                   kind=row["kind"])


def utterance_row(utterance: Utterance, position: int) -> dict[str, Any]:
    return {"id": utterance.id, "position": position, "speaker_id": utterance.speaker_id,
            "canonical_text": utterance.canonical_text,
            "variants": [v.as_dict() for v in utterance.variants], "first_seen": utterance.first_seen}


def _variant(data: Mapping[str, Any]) -> Variant:
    diff = tuple(WordDiff(**d) for d in data.get("diff", ()))
    return Variant(**{**data, "diff": diff})


def utterance_from(row: Mapping[Any, Any], quote_ids: tuple[str, ...]) -> Utterance:
    return Utterance(id=row["id"], speaker_id=row["speaker_id"], canonical_text=row["canonical_text"],
                     quote_ids=quote_ids, variants=tuple(_variant(v) for v in row["variants"] or ()),
                     first_seen=_dt(row["first_seen"]))


def story_row(story: Story, position: int) -> dict[str, Any]:
    return {"id": story.id, "position": position, "title": story.title, "start": story.start,
            "end": story.end, "outlets": list(story.outlets)}


def story_from(row: Mapping[Any, Any], article_ids: tuple[str, ...]) -> Story:
    return Story(id=row["id"], title=row["title"], article_ids=article_ids, start=_dt(row["start"]),
                 end=_dt(row["end"]), outlets=tuple(row["outlets"] or ()))
