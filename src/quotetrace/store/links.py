"""Link results in the store: speakers, utterances (with their quotes) and stories (with their articles).

Mixed into ``Store``; written all at once by ``replace_link_results`` (see ``quotetrace.store.store``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from quotetrace.records import Speaker, Story, Utterance
from quotetrace.store import rows, schema

_IN_CHUNK = 500  # ids per IN (...) clause, below SQLite's parameter limit


def chunks(items: Sequence[Any], size: int = _IN_CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class LinkResults:
    """Store methods for the results of ``link/`` (one transaction replaces all of them)."""

    def transaction(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def _read(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def replace_link_results(self, speakers: Iterable[Speaker], utterances: Iterable[Utterance],
                             stories: Iterable[Story], quote_speaker_ids: Mapping[str, str]) -> None:
        """Replace all speakers, utterances, stories and quote speaker ids in one transaction."""
        speaker_rows = [rows.speaker_row(s, i) for i, s in enumerate(speakers)]
        utterance_list = list(utterances)
        story_list = list(stories)
        q = schema.quotes
        with self.transaction() as conn:
            for table in (schema.utterance_quotes, schema.utterances, schema.story_articles, schema.stories,
                          schema.speakers):
                conn.execute(delete(table))
            conn.execute(update(q).where(q.c.speaker_id.is_not(None)).values(speaker_id=None))
            if speaker_rows:
                conn.execute(insert(schema.speakers), speaker_rows)
            if utterance_list:
                conn.execute(insert(schema.utterances), [rows.utterance_row(u, i) for i, u in enumerate(utterance_list)])
                links = [{"utterance_id": u.id, "position": i, "quote_id": qid}
                         for u in utterance_list for i, qid in enumerate(u.quote_ids)]
                if links:
                    conn.execute(insert(schema.utterance_quotes), links)
            if story_list:
                conn.execute(insert(schema.stories), [rows.story_row(s, i) for i, s in enumerate(story_list)])
                members = [{"story_id": s.id, "position": i, "article_id": aid}
                           for s in story_list for i, aid in enumerate(s.article_ids)]
                if members:
                    conn.execute(insert(schema.story_articles), members)
            by_speaker: dict[str, list[str]] = {}
            for quote_id, speaker_id in quote_speaker_ids.items():
                by_speaker.setdefault(speaker_id, []).append(quote_id)
            for speaker_id, quote_ids in by_speaker.items():
                for chunk in chunks(quote_ids):
                    conn.execute(update(q).where(q.c.id.in_(chunk)).values(speaker_id=speaker_id))

    def speakers(self) -> list[Speaker]:
        t = schema.speakers
        with self._read() as conn:
            return [rows.speaker_from(r) for r in conn.execute(select(t).order_by(t.c.position)).mappings()]

    def speaker(self, id_or_name: str) -> Speaker | None:
        """A speaker by id, else by exact name, else by case-insensitive name or alias."""
        t = schema.speakers
        with self._read() as conn:
            row = conn.execute(select(t).where(t.c.id == id_or_name)).mappings().first()
            if row is None:
                row = conn.execute(select(t).where(t.c.name == id_or_name).order_by(t.c.position)).mappings().first()
        if row is not None:
            return rows.speaker_from(row)
        wanted = id_or_name.casefold()
        for speaker in self.speakers():
            if speaker.name.casefold() == wanted or any(a.casefold() == wanted for a in speaker.aliases):
                return speaker
        return None

    def utterances(self, speaker_id: str | None = None) -> list[Utterance]:
        u, uq = schema.utterances, schema.utterance_quotes
        query = select(u).order_by(u.c.position)
        if speaker_id is not None:
            query = query.where(u.c.speaker_id == speaker_id)
        with self._read() as conn:
            found = [dict(r) for r in conn.execute(query).mappings()]
            members: dict[str, list[str]] = {}
            link_query = select(uq.c.utterance_id, uq.c.quote_id).order_by(uq.c.utterance_id, uq.c.position)
            if speaker_id is not None:
                link_query = link_query.join(u, u.c.id == uq.c.utterance_id).where(u.c.speaker_id == speaker_id)
            for uid, qid in conn.execute(link_query):
                members.setdefault(uid, []).append(qid)
        return [rows.utterance_from(r, tuple(members.get(r["id"], ()))) for r in found]

    def utterance(self, utterance_id: str) -> Utterance | None:
        u, uq = schema.utterances, schema.utterance_quotes
        with self._read() as conn:
            row = conn.execute(select(u).where(u.c.id == utterance_id)).mappings().first()
            if row is None:
                return None
            qids = tuple(conn.execute(select(uq.c.quote_id).where(uq.c.utterance_id == utterance_id)
                                      .order_by(uq.c.position)).scalars())
        return rows.utterance_from(row, qids)

    def stories(self) -> list[Story]:
        s, sa = schema.stories, schema.story_articles
        with self._read() as conn:
            found = [dict(r) for r in conn.execute(select(s).order_by(s.c.position)).mappings()]
            members: dict[str, list[str]] = {}
            for sid, aid in conn.execute(select(sa.c.story_id, sa.c.article_id)
                                         .order_by(sa.c.story_id, sa.c.position)):
                members.setdefault(sid, []).append(aid)
        return [rows.story_from(r, tuple(members.get(r["id"], ()))) for r in found]

    def story(self, story_id: str) -> Story | None:
        s, sa = schema.stories, schema.story_articles
        with self._read() as conn:
            row = conn.execute(select(s).where(s.c.id == story_id)).mappings().first()
            if row is None:
                return None
            aids = tuple(conn.execute(select(sa.c.article_id).where(sa.c.story_id == story_id)
                                      .order_by(sa.c.position)).scalars())
        return rows.story_from(row, aids)
