"""Store round trips, upserts, duplicates, search and link results, on SQLite and PostgreSQL.

All article texts here are fiction written for these tests.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest

from quotetrace.errors import StoreError
from quotetrace.records import (
    Article,
    Cue,
    IngestFailure,
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
from quotetrace.store import Store

TEXTS = [
    "Mayor Ilsa Brandt said the tram line to Norvik harbour would reopen in spring.",
    "The Norvik ferry union warned that winter timetables were unworkable, its chair said.",
    "Lighthouse keepers on Skerra island asked for a new radio mast after the storm.",
]


def article(i: int, text: str | None = None, **kw: object) -> Article:
    body = text if text is not None else TEXTS[i % len(TEXTS)] + f" (fictional item {i})"
    base = dict(id=f"art{i:04d}", text=body, source=f"/fiction/{i}.txt", url=f"https://news.invalid/{i}",
                outlet=f"outlet{i % 2}", title=f"Fictional headline {i}", authors=("A. Writer", "B. Editor"),
                published=datetime(2024, 3, 1 + i % 20, 9, 30, tzinfo=timezone(timedelta(hours=1))),
                language="en", junk=(Span(0, 5, "boilerplate"),), content_hash=f"hash{body}")
    base.update(kw)
    return Article(**base)  # type: ignore[arg-type]


def test_article_round_trip_every_field(store: Store) -> None:
    a = article(1)
    assert store.write_articles([a]).written == (a.id,)
    got = store.article(a.id)
    assert got == a
    assert got is not None and got.published is not None
    assert got.published.tzinfo is not None and got.published.utcoffset() == timedelta(0)
    assert store.article("missing") is None


def test_rewrite_is_unchanged_and_update_changes(store: Store) -> None:
    a = article(2)
    store.write_articles([a])
    again = store.write_articles([a])
    assert again.unchanged == (a.id,) and again.written == ()
    changed = article(2, title="A corrected fictional headline")
    assert store.write_articles([changed]).updated == (a.id,)
    assert store.article(a.id) == changed
    assert store.count_articles() == 1


def test_exact_duplicate_under_another_id_is_skipped(store: Store) -> None:
    a = article(3)
    copy = article(99, text=a.text, content_hash=a.content_hash)
    summary = store.write_articles([a, copy])
    assert summary.written == (a.id,) and summary.exact_duplicates == (copy.id,)
    assert store.write_articles([copy]).exact_duplicates == (copy.id,)
    assert store.count_articles() == 1
    assert store.articles_by_hash([a.content_hash, "nope"]) == {a.content_hash: a.id}


def test_iter_articles_filters_and_streams_past_a_page(store: Store) -> None:
    many = [article(i) for i in range(1203)]
    store.write_articles(many)
    got = list(store.iter_articles())
    assert [a.id for a in got] == sorted(a.id for a in many)
    assert len({a.id for a in got}) == 1203
    assert all(a.outlet == "outlet1" for a in store.iter_articles(outlet="outlet1"))
    assert store.count_articles("outlet1") == sum(1 for a in many if a.outlet == "outlet1")
    assert len(list(store.iter_articles(limit=777))) == 777
    since = datetime(2024, 3, 20, tzinfo=UTC)
    expected = {a.id for a in many if a.published is not None and a.published >= since}
    assert {a.id for a in store.iter_articles(since=since)} == expected


def test_search_ranks_title_and_text_matches(store: Store) -> None:
    store.write_articles([article(i) for i in range(6)])
    store.write_articles([article(50, text="Nothing about harbours here.", title="Norvik harbour harbour tram")])
    hits = store.search("Norvik harbour tram")
    ids = [a.id for a in hits]
    assert set(ids) == {"art0000", "art0003", "art0050"}
    assert store.search("skerra") and all("Skerra" in a.text for a in store.search("skerra"))
    assert store.search("zzzunknownword") == []
    assert store.search('"unbalanced AND (') == []  # FTS syntax is neutralised, never an error
    assert len(store.search("fictional", limit=2)) == 2


def test_search_follows_updates(store: Store) -> None:
    store.write_articles([article(7)])
    assert store.search("lighthouse") == []
    store.write_articles([article(7, text="Lighthouse keepers met again (fictional).", content_hash="new")])
    assert [a.id for a in store.search("lighthouse")] == ["art0007"]


def test_sqlite_search_indexes_each_batch_once_in_a_store_made_with_the_insert_trigger(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "old.db")) as store:
        store.write_articles([article(1)])
        with store.engine.begin() as conn:  # what stores made before batched FTS writes still hold
            conn.exec_driver_sql(
                "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN INSERT INTO articles_fts(rowid, title, "
                "text) VALUES (new.rowid, coalesce(new.title, ''), new.text); END")
    with Store.open(str(tmp_path / "old.db")) as store:
        store.write_articles([article(i) for i in range(2, 9)])
        with store.transaction():
            store.write_articles([article(9)])
            store.write_articles([article(10), article(1)])
        assert sorted(a.id for a in store.search("fictional", limit=50)) == [f"art{i:04d}" for i in range(1, 11)]
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'fictional'"
                                        ).scalar() == 10


def _quote(i: int, article_id: str = "art0001") -> Quote:
    mention = SpeakerMention(article_id, "she", 40 + i, 43 + i, name="Ilsa Brandt", title="Mayor", kind="person")
    return Quote(id=f"q{i}", article_id=article_id, text=f"words {i}", start=i, end=i + 5, kind="direct",
                 speaker="Ilsa Brandt", speaker_mention=mention, cue=Cue("say", "said", 30, 34),
                 context=QuoteContext(venue="at a fictional briefing"), parent_id=None, confidence=0.75,
                 continues=f"q{i - 1}" if i else None)


def test_replace_quotes_is_idempotent_and_tracks_extraction(store: Store) -> None:
    store.write_articles([article(1), article(2)])
    assert {a.id for a in store.iter_articles(without_quotes=True)} == {"art0001", "art0002"}
    quotes = [_quote(i) for i in range(3)]
    mentions = [q.speaker_mention for q in quotes if q.speaker_mention]
    for _ in range(2):
        store.replace_quotes("art0001", quotes, mentions)
    store.replace_quotes("art0002", [], [])
    assert list(store.iter_quotes()) == quotes
    assert list(store.iter_quotes("art0001")) == quotes
    assert list(store.iter_mentions("art0001")) == mentions
    assert store.quote("q1") == quotes[1]
    assert list(store.iter_articles(without_quotes=True)) == []
    with pytest.raises(StoreError):
        store.replace_quotes("art0002", [_quote(9, "art0001")], [])
    # a changed text invalidates the stored offsets: quotes go, extraction is due again
    store.write_articles([article(1, text="A rewritten fictional text.", content_hash="other")])
    assert list(store.iter_quotes("art0001")) == []
    assert [a.id for a in store.iter_articles(without_quotes=True)] == ["art0001"]


def test_transaction_rolls_back_everything(store: Store) -> None:
    store.write_articles([article(1)])
    with pytest.raises(RuntimeError), store.transaction():
        store.replace_quotes("art0001", [_quote(0)], [])
        store.write_articles([article(2)])
        raise RuntimeError("boom")
    assert store.count_articles() == 1
    assert list(store.iter_quotes()) == []


def test_link_results_replace_previous(store: Store) -> None:
    store.write_articles([article(1)])
    store.replace_quotes("art0001", [_quote(0), _quote(1)], [])
    speaker = Speaker("sp1", "Ilsa Brandt", aliases=("Brandt", "Mayor Brandt"), titles=("Mayor",))
    variant = Variant("q1", "art0001", "outlet1", "words 1", "direct",
                      diff=(WordDiff("equal", "words", "words"), WordDiff("replace", "0", "1")), altered=True)
    utterance = Utterance("u1", "sp1", "words 0", ("q0", "q1"), (variant,), datetime(2024, 3, 2, tzinfo=UTC))
    story = Story("st1", "Fictional tram story", ("art0001",), datetime(2024, 3, 1, tzinfo=UTC),
                  datetime(2024, 3, 3, tzinfo=UTC), ("outlet1",))
    store.replace_link_results([speaker], [utterance], [story], {"q0": "sp1", "q1": "sp1"})
    assert store.speakers() == [speaker]
    assert store.speaker("sp1") == speaker and store.speaker("mayor brandt") == speaker
    assert store.speaker("Nobody") is None
    assert store.utterances() == [utterance] and store.utterances("sp1") == [utterance]
    assert store.utterances("other") == [] and store.utterance("u1") == utterance
    assert store.stories() == [story] and store.story("st1") == story and store.story("x") is None
    assert {q.speaker_id for q in store.iter_quotes()} == {"sp1"}
    other = Speaker("sp2", "Oskar Vell", kind="organisation")
    store.replace_link_results([other], [], [], {"q0": "sp2"})
    assert store.speakers() == [other] and store.utterances() == [] and store.stories() == []
    assert [q.speaker_id for q in store.iter_quotes()] == ["sp2", None]


def test_signatures_state_runs_failures_junk(store: Store) -> None:
    store.write_articles([article(1), article(2, duplicate_of="art0001")])
    sig = np.arange(128, dtype=np.uint64)
    store.write_signatures({"art0001": sig, "art0002": sig + 1})
    got = dict(store.iter_signatures())
    assert list(got) == ["art0001"] and np.array_equal(got["art0001"], sig)
    assert len(dict(store.iter_signatures(canonical_only=False))) == 2
    assert store.get_state("k") is None
    store.set_state("k", {"outlet": ["a line"]})
    store.set_state("k", {"outlet": ["b line"]})
    assert store.get_state("k") == {"outlet": ["b line"]}
    run = store.start_run("ingest", ["a", "b"])
    store.record_failures([IngestFailure("/x.pdf", "unsupported type")], run)
    store.finish_run(run, {"ingested": 2})
    assert store.failures(run) == [IngestFailure("/x.pdf", "unsupported type")]
    assert store.runs()[-1]["counts"] == {"ingested": 2}
    store.set_junk({"art0001": (Span(1, 4, "boilerplate"),)})
    got_article = store.article("art0001")
    assert got_article is not None and got_article.junk == (Span(1, 4, "boilerplate"),)
    assert store.counts()["duplicates"] == 1


def test_open_honours_env_and_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTETRACE_DB", str(tmp_path / "env.db"))
    with Store.open() as store:
        store.write_articles([article(1)])
    assert (tmp_path / "env.db").exists()
    with Store.open(f"sqlite:///{tmp_path / 'env.db'}") as store:
        assert store.count_articles() == 1
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_open_bad_location_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Store.open(str(tmp_path / "no" / "such" / "dir" / "x.db"))


def test_plain_postgresql_url_uses_psycopg(postgres_url: str) -> None:
    plain = postgres_url.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with Store.open(plain) as store:
        assert store.engine.dialect.driver == "psycopg"
        assert store.count_articles() >= 0


def test_insert_rows_stores_what_sqlalchemy_insert_stores(store: Store) -> None:
    """The driver-level executemany (SQLite) writes the very values SQLAlchemy's INSERT writes, types processed."""
    from sqlalchemy import insert, select

    from quotetrace.store import rows, schema

    when = datetime(2026, 3, 10, 9, 30, 5, 120, tzinfo=timezone(timedelta(hours=2)))
    batch = [{**rows.article_row(article(i, authors=("Ann Ode", "Bo Ek"), published=when if i else None,
                                         junk=(Span(0, 4, "ui"),))), "ingested_at": when} for i in range(2)]
    copies = [{**row, "id": row["id"] + "-copy", "content_hash": row["content_hash"] + "-copy"} for row in batch]
    t = schema.articles
    with store.transaction() as conn:
        rows.insert_rows(conn, t, batch)
        conn.execute(insert(t), copies)
        found = {r["id"]: dict(r) for r in conn.execute(select(t)).mappings()}
        raw = {r[0]: r[1:] for r in conn.exec_driver_sql("SELECT id, authors, published, junk, ingested_at FROM articles")}
    for row in batch:
        ours, theirs = found[row["id"]], found[row["id"] + "-copy"]
        assert {**ours, "id": "", "content_hash": ""} == {**theirs, "id": "", "content_hash": ""}
        assert raw[row["id"]] == raw[row["id"] + "-copy"]  # the stored form too (text, not only read-back values)
