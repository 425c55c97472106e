"""The near-duplicate index kept in the store, on SQLite and PostgreSQL. Every text here is fiction."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash

from quotetrace.ingest.dedup import (SCHEME_STATE_KEY, NearDuplicateIndex, StoredNearDuplicateIndex,
                                      article_signature, minhash_signature, shingle_hashes, signature_scheme)
from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.pipeline import ingest
from quotetrace.records import Article, Span
from quotetrace.store import Store


def _texts(n: int, seed: int = 11) -> list[tuple[str, str]]:
    """Copies of 60 random base texts with 0-8 edited words: some within the threshold, some not."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(400)]
    bases = [[rng.choice(vocabulary) for _ in range(300)] for _ in range(60)]
    texts = []
    for i in range(n):
        words = list(bases[rng.randrange(len(bases))])
        for _ in range(rng.randint(0, 8)):
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        texts.append((f"d{i:04d}", " ".join(words)))
    return texts


def _docs(n: int, seed: int = 11) -> list[tuple[str, np.ndarray]]:
    return [(aid, minhash_signature(text)) for aid, text in _texts(n, seed)]


def _classic_signature(text: str) -> np.ndarray:
    """What stores kept before the one-permutation scheme: datasketch's 128 affine64 permutations of the shingles."""
    sketch = MinHash(num_perm=128, seed=1, scheme="affine64", hashfunc=int)
    sketch.update_batch(shingle_hashes(text).tolist())
    return np.asarray(sketch.hashvalues, dtype=np.uint64)


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


def _older_store(store: Store, texts: list[tuple[str, str]], duplicates: list[str | None],
                 scheme: dict[str, object] | None) -> None:
    """What an older version left: articles, their classic MinHash signatures, no index rows, ``scheme`` recorded."""
    with store.transaction():
        store.write_articles([Article(id=aid, text=text, source="test", content_hash=aid, duplicate_of=dup)
                              for (aid, text), dup in zip(texts, duplicates)])
        store.write_signatures({aid: _classic_signature(text) for aid, text in texts})
        if scheme is not None:
            store.set_state(SCHEME_STATE_KEY, scheme)


@pytest.mark.parametrize("scheme", [None, {"scheme": "affine64", "bins": 128, "shingle": 5}])
def test_signatures_of_an_older_scheme_are_recomputed_from_the_stored_texts_and_indexed(
        store: Store, scheme: dict[str, object] | None, datasketch_answers, caplog: pytest.LogCaptureFixture) -> None:
    texts = _texts(150, seed=5)
    docs = [(aid, minhash_signature(text)) for aid, text in texts]
    expected = datasketch_answers(docs)
    canonical = [aid for (aid, _), dup in zip(docs[:100], expected[:100]) if dup is None]
    _older_store(store, texts[:100], expected[:100], scheme)
    assert store.next_member_rank() == 0
    with caplog.at_level("WARNING"):
        index = StoredNearDuplicateIndex(store)
    assert "recomputing them from the stored texts" in caplog.text
    assert store.get_state(SCHEME_STATE_KEY) == signature_scheme(128)
    # Every stored signature (near copies' too) is the new scheme's; the canonical articles are indexed in order.
    assert {aid: sig.tolist() for aid, sig in store.iter_signatures(canonical_only=False)} == {
        aid: sig.tolist() for aid, sig in docs[:100]}
    assert store.member_ranks(aid for aid, _ in docs) == {aid: rank for rank, aid in enumerate(canonical)}
    assert index.find_batch(docs[100:]) == expected[100:]
    caplog.clear()
    with caplog.at_level("WARNING"):
        StoredNearDuplicateIndex(store)  # recorded: never again
    assert "recomputing" not in caplog.text


def test_classic_signatures_would_miss_copies_the_new_ones_find(store: Store) -> None:
    """Why the recomputation: a new signature compared with a stored classic one matches nothing."""
    texts = _texts(40, seed=5)
    words = texts[0][1].split()
    original, copy = " ".join(words), " ".join(words[:150] + ["edited"] + words[151:])
    assert np.count_nonzero(_classic_signature(original) == minhash_signature(copy)) == 0
    _older_store(store, [("orig", original)], [None], None)
    assert StoredNearDuplicateIndex(store).find_batch([("copy", minhash_signature(copy))]) == ["orig"]


def test_recomputed_signatures_leave_out_text_determined_junk_only(store: Store) -> None:
    text = "Subscribe to our newsletter\n" + _texts(1)[0][1] + "\nShared line learned from the outlet"
    junk = (Span(0, 27, "newsletter"), Span(len(text) - 36, len(text), "learned-boilerplate"))
    with store.transaction():
        store.write_articles([Article(id="a", text=text, source="test", content_hash="a", junk=junk)])
        store.write_signatures({"a": _classic_signature(text)})
    StoredNearDuplicateIndex(store)
    stored = dict(store.iter_signatures())["a"]
    assert np.array_equal(stored, minhash_signature(text, junk=junk[:1]))
    assert np.array_equal(stored, article_signature(text, junk))


def test_a_fresh_store_records_the_scheme(store: Store) -> None:
    assert store.get_state(SCHEME_STATE_KEY) is None
    StoredNearDuplicateIndex(store)
    assert store.get_state(SCHEME_STATE_KEY) == signature_scheme(128) == {
        "scheme": "oph-optimal-densification-v1", "bins": 128, "shingle": 5}
    assert not store.has_signatures()


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
