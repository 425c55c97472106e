"""The near-duplicate index kept in the store, on SQLite and PostgreSQL. Every text here is fiction."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from quotetrace.ingest.dedup import NearDuplicateIndex, StoredNearDuplicateIndex, minhash_signature
from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.pipeline import ingest
from quotetrace.records import Article
from quotetrace.store import Store


def _docs(n: int, seed: int = 11) -> list[tuple[str, np.ndarray]]:
    """Copies of 60 random base texts with 0-8 edited words: some within the threshold, some not."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(400)]
    bases = [[rng.choice(vocabulary) for _ in range(300)] for _ in range(60)]
    docs = []
    for i in range(n):
        words = list(bases[rng.randrange(len(bases))])
        for _ in range(rng.randint(0, 8)):
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        docs.append((f"d{i:04d}", minhash_signature(" ".join(words))))
    return docs


def _stored_answers(store: Store, docs: list[tuple[str, np.ndarray]], batch: int) -> list[str | None]:
    """Each batch looked up, then its articles, members and signatures written in one transaction (as ingest)."""
    index = StoredNearDuplicateIndex(store)
    answers: list[str | None] = []
    for start in range(0, len(docs), batch):
        part = docs[start:start + batch]
        found = index.find_batch(part)
        with store.transaction():
            store.write_articles([Article(id=aid, text=f"fictional text {aid}", source="test",
                                          content_hash=aid, duplicate_of=dup) for (aid, _), dup in zip(part, found)])
            index.save(aid for aid, _ in part)
            store.write_signatures(dict(part))
        answers.extend(found)
    return answers


@pytest.mark.parametrize("batch", [1, 37, 500])
def test_stored_index_answers_as_datasketch_minhashlsh(store: Store, batch: int, datasketch_answers) -> None:
    docs = _docs(300)
    expected = datasketch_answers(docs)
    assert 40 < sum(m is not None for m in expected) < 290  # both outcomes are exercised
    assert _stored_answers(store, docs, batch) == expected
    in_memory = NearDuplicateIndex()
    assert [in_memory.find_or_add(aid, sig) for aid, sig in docs] == expected
    assert len(store.member_ranks(aid for aid, _ in docs)) == len(in_memory)


def test_stored_index_goes_on_where_the_last_run_stopped(store: Store, datasketch_answers) -> None:
    docs = _docs(200, seed=3)
    expected = datasketch_answers(docs)
    first = _stored_answers(store, docs[:120], 50)
    again = StoredNearDuplicateIndex(store)  # a new run: nothing in memory, everything from the store
    assert again.find_batch(docs[:120]) == [None if aid in store.member_ranks([aid]) else dup
                                            for (aid, _), dup in zip(docs[:120], expected[:120])]
    assert first + _stored_answers(store, docs[120:], 50) == expected


def test_store_indexed_before_the_index_moved_into_it_is_indexed_from_its_signatures(store: Store, datasketch_answers) -> None:
    docs = _docs(150, seed=5)
    expected = datasketch_answers(docs)
    canonical = [(aid, sig) for (aid, sig), dup in zip(docs[:100], expected[:100]) if dup is None]
    with store.transaction():  # what an older version left: articles and signatures, no index rows
        store.write_articles([Article(id=aid, text=f"fictional text {aid}", source="test", content_hash=aid,
                                      duplicate_of=dup) for (aid, _), dup in zip(docs[:100], expected[:100])])
        store.write_signatures(dict(docs[:100]))
    assert store.next_member_rank() == 0
    index = StoredNearDuplicateIndex(store)
    assert store.member_ranks(aid for aid, _ in docs) == {aid: rank for rank, (aid, _) in enumerate(canonical)}
    assert index.find_batch(docs[100:]) == expected[100:]


def test_a_member_whose_signature_changed_is_found_by_its_new_one(store: Store) -> None:
    docs = _docs(2, seed=9)
    other = minhash_signature(" ".join(f"x{i}" for i in range(300)))
    _stored_answers(store, docs[:1], 1)
    index = StoredNearDuplicateIndex(store)
    assert index.find_batch([(docs[0][0], other)]) == [None]  # the same id, a new text: still canonical
    with store.transaction():
        index.save([docs[0][0]])
        store.write_signatures({docs[0][0]: other})
    assert index.find_batch([("copy", other), ("old", docs[0][1])]) == [docs[0][0], None]


def test_ingest_into_postgresql_finds_near_copies_and_reruns_idempotently(pg_store: Store, tmp_path: Path) -> None:
    rng = random.Random(2)
    words = [f"harbour{i}" for i in range(300)]
    lines = []
    for i in range(30):
        text = " ".join(rng.choices(words, k=250))
        lines.append({"id": f"f{i}", "url": f"https://fictional{i % 3}.invalid/{i}", "text": text})
        if i % 5 == 0:  # a lightly edited copy by another fictional outlet
            copy = text.split()
            copy[100] = "edited"
            lines.append({"id": f"c{i}", "url": f"https://copies.invalid/{i}", "text": " ".join(copy)})
    corpus = tmp_path / "fiction.jsonl"
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    summary = ingest([str(corpus)], pg_store, IngestOptions(language=False), batch_size=7)
    assert (summary.ingested, summary.near_duplicates) == (36, 6)
    before = [a.as_dict() for a in pg_store.iter_articles()]
    by_url = {a["url"]: a for a in before}
    assert {by_url[f"https://copies.invalid/{i}"]["duplicate_of"] for i in range(0, 30, 5)} == {
        by_url[f"https://fictional{i % 3}.invalid/{i}"]["id"] for i in range(0, 30, 5)}
    again = ingest([str(corpus)], pg_store, IngestOptions(language=False), batch_size=7)
    assert (again.ingested, again.unchanged) == (0, 36)
    assert [a.as_dict() for a in pg_store.iter_articles()] == before
    assert pg_store.next_member_rank() == 30
