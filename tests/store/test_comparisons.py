"""Comparison tables and corpus slices, on SQLite and on a real PostgreSQL server (fixtures in conftest.py).

Every name and text here is fiction written for these tests.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from quotetrace.compare.coverage import CoverageCell, Omission, StoryCoverage
from quotetrace.compare.framing import TermChoices, TermCount
from quotetrace.compare.story import StoryComparison
from quotetrace.compare.verbs import VerbChoices, VerbCount
from quotetrace.records import Article, Cue, Quote, Speaker, Story, Utterance
from quotetrace.store import Store

TEXT = 'Quay news\n\n"The quay closes at dusk," Harbourmaster Enna Sol said. Zeta Wire said nothing.'
OUTLETS = ("Bay Wire", "Ålesund Post", "bay wire")  # mixed case and non-ASCII: order must not follow a collation


def _fiction(store: Store) -> None:
    articles = [Article(f"a{i}", TEXT, f"/fiction/a{i}.txt", outlet=outlet, title=f"Quay {i}",
                        published=datetime(2031, 4, 1 + i, tzinfo=UTC), content_hash=f"h{i}")
                for i, outlet in enumerate(OUTLETS)]
    store.write_articles(articles)
    start = TEXT.index("The quay")
    for a in articles[:2]:
        store.replace_quotes(a.id, [Quote(f"q-{a.id}", a.id, "The quay closes at dusk", start, start + 22, "direct",
                                          cue=Cue("say", "said", 0, 0))], [])
    utterance = Utterance("u_1", "sp-sol", "The quay closes at dusk", ("q-a0", "q-a1"))
    stories = [Story("st_1", "Quay story", ("a0", "a1", "a2"), outlets=OUTLETS), Story("st%2", "Other", ("a2",))]
    store.replace_link_results([Speaker("sp-sol", "Enna Sol")], [utterance], stories, {"q-a0": "sp-sol",
                                                                                         "q-a1": "sp-sol"})


def _comparison() -> StoryComparison:
    outlets = tuple(sorted(OUTLETS))
    cells = tuple(CoverageCell(o, "u_1", ("verbatim",), (f"q-a{OUTLETS.index(o)}",), (f"a{OUTLETS.index(o)}",))
                  if o != "bay wire" else CoverageCell(o, "u_1") for o in outlets)
    carried = tuple(sorted(o for o in OUTLETS if o != "bay wire"))
    coverage = StoryCoverage("st_1", outlets, ("u_1",), cells,
                             (Omission("bay wire", "u_1", "sp-sol", "The quay closes at dusk", carried),))
    verbs = VerbChoices((VerbCount("sp-sol", "Bay Wire", "say", 1), VerbCount("sp-sol", "Ålesund Post", "say", 1)))
    terms = TermChoices((TermCount("quay words", "quay", "Bay Wire", 2, 1, 1),), outlets)
    return StoryComparison("st_1", coverage, verbs, terms)


def test_comparison_round_trip_replace_and_drop(store: Store) -> None:
    _fiction(store)
    comparison = _comparison()
    store.replace_comparison(comparison, "lex1", "in1")
    store.replace_comparison(comparison, "lex1", "in1")  # idempotent: replaced, not doubled
    assert store.story_comparison("st_1") == comparison
    assert store.comparison("st_1") == comparison.as_dict()
    assert store.comparison_keys() == {"st_1": ("lex1", "in1")} and store.coverage_rows() == {"st_1": 1}
    assert [c["story_id"] for c in store.iter_comparisons()] == ["st_1"]
    assert store.story_comparison("st%2") is None
    assert store.drop_comparisons_except(["st%2"]) == 1
    assert store.story_comparison("st_1") is None and store.coverage_rows() == {}


def test_comparison_writes_roll_back_with_their_transaction(store: Store) -> None:
    _fiction(store)
    store.replace_comparison(_comparison(), "lex1", "in1")
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.drop_comparisons_except([])
            assert store.story_comparison("st_1") is None  # reads inside see the transaction's writes
            raise RuntimeError("injected")
    assert store.story_comparison("st_1") == _comparison()


def test_corpus_slices(store: Store) -> None:
    _fiction(store)
    heads = store.articles_by_ids(["a0", "a2", "missing"], text=False)
    assert sorted(heads) == ["a0", "a2"] and heads["a0"].text == "" and heads["a0"].title == "Quay 0"
    assert store.articles_by_ids(["a1"])["a1"].text == TEXT
    assert [q.id for q in store.quotes_of_articles(["a1", "a0"])] == ["q-a0", "q-a1"]
    assert [q.id for q in store.quotes_of_speaker("sp-sol")] == ["q-a0", "q-a1"]
    assert [u.id for u in store.utterances_of_quotes(["q-a1"])] == ["u_1"]
    assert store.utterances_of_quotes(["q-a1"])[0].quote_ids == ("q-a0", "q-a1")
    assert store.speakers_by_ids(["sp-sol", "nobody"]).keys() == {"sp-sol"}
    # '_' and '%' in a prefix are characters, not wildcards
    assert [s.id for s in store.find_stories("st_")] == ["st_1"] and store.find_stories("st%")[0].id == "st%2"
    assert store.find_stories("s") and store.find_stories("x") == []
    assert store.story_of_articles(["a0"]) == {"a0": "st_1"}
    counts, outlets = store.speaker_outlets()
    assert counts["sp-sol"] == 2 and outlets["sp-sol"] == {"Bay Wire", "Ålesund Post"}
    assert store.utterance_outlets() == {"u_1": {"Bay Wire", "Ålesund Post"}}
    assert store.quote_kinds() == {"direct": 2} and store.outlet_count() == 3
    assert store.utterance_ids() == ["u_1"] and store.utterance_quote_counts() == {"u_1": 2}
