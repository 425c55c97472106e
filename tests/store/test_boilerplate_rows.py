"""The boilerplate learner's counts kept in the store, on SQLite and PostgreSQL. Every text here is fiction."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from quotetrace.ingest.boilerplate import (
    LEGACY_STATE_KEY,
    BoilerplateLearner,
    StoredBoilerplateLearner,
    candidate_lines,
)
from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.pipeline import ingest
from quotetrace.store import Store

# FICTION: page furniture of invented outlets, shared by some of their articles and not others.
FURNITURE = {
    "skerra.invalid": ["Get the Skerra Gazette app", "\u00a9 2024 Skerra Gazette", "Share this story",
                       "Most read in Skerra", "Advertisement"],
    "ostby.invalid": ["Ostby Post morning briefing", "Follow the Ostby Post", "Advertisement", "Related stories"],
    "": ["Printed from an unknown fictional site", "Advertisement"],
}


def _corpus(n: int, seed: int = 5) -> list[tuple[str, str]]:
    """(outlet, text): each article carries each furniture line of its outlet with its own odds, plus lines of its
    own, so some lines cross the learner's bar at different times and some never do."""
    rng = random.Random(seed)
    outlets = list(FURNITURE)
    corpus = []
    for i in range(n):
        outlet = outlets[rng.randrange(len(outlets))]
        lines = [line for k, line in enumerate(FURNITURE[outlet]) if rng.random() < 0.15 + 0.2 * k]
        lines += [f"The invented ferry {i} left at {i % 12 + 1} o'clock, harbour master Vell said.",
                  f"Short fictional line {rng.randrange(40)}", "long " * 220]
        rng.shuffle(lines)
        corpus.append((outlet, "\n".join(lines)))
    return corpus


@pytest.mark.parametrize("batch", [1, 7, 50])
def test_stored_learner_decides_as_the_in_memory_one(store: Store, batch: int) -> None:
    corpus = _corpus(120)
    reference = BoilerplateLearner()
    stored = StoredBoilerplateLearner(store)
    decided = 0
    for start in range(0, len(corpus), batch):
        chunk = corpus[start:start + batch]
        for outlet, text in chunk:
            reference.observe(outlet, text)
        stored.observe_batch([(outlet, candidate_lines(text)) for outlet, text in chunk])
        for outlet in FURNITURE:  # before the batch is saved (as the pipeline marks) and after
            assert stored.lines_for(outlet) == reference.lines_for(outlet)
            assert stored.articles_seen(outlet) == reference.articles_seen(outlet)
        with store.transaction():
            stored.save()
        for outlet in FURNITURE:
            assert stored.lines_for(outlet) == reference.lines_for(outlet)
            decided += len(reference.lines_for(outlet))
        again = StoredBoilerplateLearner(store)  # a later run reads the same counts
        assert {o: again.lines_for(o) for o in FURNITURE} == {o: reference.lines_for(o) for o in FURNITURE}
    assert decided > 0


def test_pruning_keeps_frequent_lines_and_bounds_the_rows(store: Store) -> None:
    learner = StoredBoilerplateLearner(store, max_lines=40, max_total_lines=70)
    for start in range(0, 300, 10):
        learner.observe_batch([(outlet, candidate_lines(f"Subscribe to the fictional {outlet} paper\n"
                                                        f"Remark {i} is a one-off invented line\n"))
                               for i in range(start, start + 10) for outlet in ("a.invalid", "b.invalid")])
        with store.transaction():
            learner.save()
        tracked = store.boilerplate_outlets(["a.invalid", "b.invalid"])
        assert all(n <= 40 for _, n in tracked.values())
        assert store.boilerplate_total() <= 70
    assert learner.lines_for("a.invalid") == {"subscribe to the fictional a.invalid paper"}
    assert learner.articles_seen("b.invalid") == 300


def test_counts_a_store_kept_as_one_json_state_move_into_the_tables(store: Store) -> None:
    legacy = BoilerplateLearner()
    for outlet, text in _corpus(40):
        legacy.observe(outlet, text)
    store.set_state(LEGACY_STATE_KEY, json.loads(json.dumps(legacy.to_state())))
    learner = StoredBoilerplateLearner(store)
    assert store.get_state(LEGACY_STATE_KEY) is None
    assert {o: learner.lines_for(o) for o in FURNITURE} == {o: legacy.lines_for(o) for o in FURNITURE}
    assert any(learner.lines_for(o) for o in FURNITURE)


def test_ingest_into_either_store_marks_learned_lines_and_reruns_idempotently(store: Store, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "outlet": outlet or None, "text": text}) + "\n"
                              for i, (outlet, text) in enumerate(_corpus(60))), encoding="utf-8")
    first = ingest([str(corpus)], store, IngestOptions(language=False), batch_size=8)
    assert first.ingested == 60
    learned = [a for a in store.iter_articles() if any(s.label == "learned-boilerplate" for s in a.junk)]
    assert len(learned) > 20
    before = [a.as_dict() for a in store.iter_articles()]
    again = ingest([str(corpus)], store, IngestOptions(language=False), batch_size=8)
    assert (again.ingested, again.unchanged) == (0, 60)
    assert [a.as_dict() for a in store.iter_articles()] == before
