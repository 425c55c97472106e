"""The compare stage on a real SQLite store: stored rows equal the in-memory comparison; skipping,
recomputing and dropping; failures roll the whole stage back. (Fictional records, tests/compare/conftest.py.)"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

import pytest

import quotetrace.compare.stage as stage
from quotetrace.compare.framing import load_lexicon, parse_lexicon
from quotetrace.compare.stage import CompareError, compare_stories
from quotetrace.compare.story import compare_story
from quotetrace.records import Speaker
from quotetrace.store import Store


@pytest.fixture()
def store(tmp_path, story_data):
    store = Store.open(str(tmp_path / "q.db"))
    store.write_articles(story_data["articles"].values())
    by_article = defaultdict(list)
    for quote in story_data["quotes"].values():
        by_article[quote.article_id].append(dataclasses.replace(quote, speaker_id=None))
    for aid in story_data["articles"]:
        store.replace_quotes(aid, by_article[aid], [])
    second = dataclasses.replace(story_data["story"], id="s2", title="Only the valley", article_ids=("a3",))
    first = dataclasses.replace(story_data["story"], article_ids=("a1", "a2"))
    store.replace_link_results([Speaker("sp-varn", "Ilsa Varn")], story_data["utterances"], [first, second],
                               {q.id: q.speaker_id for q in story_data["quotes"].values()})
    yield store
    store.close()


def test_stored_comparison_equals_the_computed_one(store, story_data):
    lexicon = load_lexicon()
    summary = compare_stories(store, lexicon)
    assert (summary.stories, summary.compared, summary.dropped) == (2, 2, 0)
    for story in store.stories():
        articles = store.articles_by_ids(story.article_ids)
        quotes = {q.id: q for q in store.quotes_of_articles(story.article_ids)}
        expected = compare_story(story, articles, quotes, store.utterances(), lexicon)
        assert store.story_comparison(story.id) == expected
    first = store.story_comparison("s1")
    assert first.coverage.outlets == ("Daily Keld", "Nord Post")
    assert [o.canonical_text for o in first.coverage.omissions] == ["Tolls are a matter for Kyiv"]
    assert first.terms.counts  # Kiev / Kyiv and the like, from the packaged lexicon


def test_unchanged_stories_are_skipped_and_a_new_lexicon_recomputes(store):
    compare_stories(store, load_lexicon())
    assert compare_stories(store, load_lexicon()).compared == 0
    other = parse_lexicon("- group: bridge words\n  terms: [bridge, tolls]\n", "fiction.yaml")
    assert compare_stories(store, other).compared == 2
    assert {c.group for c in store.story_comparison("s1").terms.counts} == {"bridge words"}


def test_changed_story_is_recomputed_and_vanished_one_dropped(store, story_data):
    compare_stories(store, load_lexicon())
    only = dataclasses.replace(story_data["story"], article_ids=("a1", "a2", "a3"))
    store.replace_link_results([Speaker("sp-varn", "Ilsa Varn")], story_data["utterances"], [only],
                               {q.id: q.speaker_id for q in story_data["quotes"].values()})
    summary = compare_stories(store, load_lexicon())
    assert (summary.compared, summary.dropped) == (1, 1)
    assert store.story_comparison("s2") is None
    assert store.story_comparison("s1").coverage.outlets == ("Daily Keld", "Nord Post", "Valley Times")


def test_failure_half_way_rolls_the_stage_back(store, monkeypatch):
    real = stage.compare_story
    calls = []

    def flaky(story, *args):  # type: ignore[no-untyped-def]
        calls.append(story.id)
        if len(calls) == 2:
            raise KeyError("injected")
        return real(story, *args)

    monkeypatch.setattr(stage, "compare_story", flaky)
    with pytest.raises(CompareError, match="story s2"):
        compare_stories(store, load_lexicon())
    assert calls == ["s1", "s2"]
    assert store.story_comparison("s1") is None and store.comparison_keys() == {}
