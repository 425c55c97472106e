"""Extractor invariants: offsets, streaming, JSON rows, robustness on random and very long input."""

from __future__ import annotations

import logging
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotetrace import extract
from quotetrace.nlp.pipeline import ArticleQuotes, Extractor, default_extractor, extract_text, quote_to_json
from quotetrace.records import Article, stable_id

KINDS = {"direct", "partial", "indirect"}
# fictional vocabulary for random articles
VOCAB = ["said", "he", "she", "they", "told", "reporters", "according", "to", "Mayor", "Ana", "Ruiz", "the",
         "minister", "that", "warned", "added", "“", "”", "‘", "’", '"', "'", "«", "»", "„", ",", ".", ":", "\n",
         "\n\n", "don't", "Kelby’s", "'90s", "Source:", "Quote:", "we", "will", "win", "Operation", "film", "x",
         "Quist", "Berg", "it", "is", "not", "…", "—", "(", ")", "?", "!"]


def _check(text: str, quotes: list) -> None:
    ids = {q.id for q in quotes}
    for q in quotes:
        assert q.text == text[q.start: q.end]
        assert q.text and q.text == q.text.strip()
        assert q.kind in KINDS
        assert q.id == stable_id(q.article_id, q.start, q.end, q.kind)
        assert q.parent_id is None or q.parent_id in ids
        assert q.continues is None or q.continues in ids
        if q.speaker_mention is not None:
            m = q.speaker_mention
            assert text[m.start: m.end] == m.text


@pytest.fixture(autouse=True)
def _no_swallowed_errors(caplog):
    """The extractor logs and skips an article that fails; in tests any such failure is a bug."""
    caplog.set_level(logging.ERROR, logger="quotetrace")
    yield
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR and r.name.startswith("quotetrace")]
    assert not errors, errors[0].getMessage()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(VOCAB), max_size=120), st.lists(st.sampled_from(["", " ", "  "]), min_size=120,
                                                                 max_size=120))
def test_random_text_never_breaks_offsets(words, gaps):
    text = "".join(w + g for w, g in zip(words, gaps))
    _check(text, extract_text(text))


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode(text):
    _check(text, extract_text(text))


def test_python_api_and_json_row():
    text = "“We will win the cup,” Coach Ivan Petrov said."
    quotes = extract(text)
    assert quotes and quotes[0].speaker == "Ivan Petrov"
    row = quote_to_json(quotes[0], "match.txt")
    assert row["doc"] == "match.txt" and row["text"] == "We will win the cup,"
    assert text[row["speaker_start"]: row["speaker_end"]] == row["speaker_mention"] == "Ivan Petrov"
    assert row["cue"] == "say" and row["nested_in"] is None and row["kind"] == "direct"
    assert set(row) >= {"doc", "text", "start", "end", "kind", "speaker", "speaker_mention", "speaker_start",
                        "speaker_end", "cue", "nested_in", "id", "continues", "context", "confidence"}


def test_extract_many_streams_in_order_and_matches_single():
    texts = [f"“Plan {i} is ready,” Mayor Ana Ruiz said. The council said it would vote in {2000 + i}."
             for i in range(40)]
    articles = [Article(id=f"a{i}", text=t, source="test") for i, t in enumerate(texts)]
    extractor = default_extractor()
    results = list(extractor.extract_many(iter(articles), batch_size=7))
    assert [r.article_id for r in results] == [a.id for a in articles]
    assert all(isinstance(r, ArticleQuotes) for r in results)
    assert results[3] == extractor.extract_article(articles[3])
    assert all(any(q.kind == "indirect" for q in r.quotes) for r in results)
    assert results[0].mentions and results[0].mentions[0].name == "Ana Ruiz"


def test_empty_and_whitespace():
    assert extract_text("") == []
    assert extract_text("   \n\n  ") == []


def test_long_line_without_cues_is_fast():
    text = ("lorem ipsum dolor sit amet “consectetur adipiscing” elit sed do eiusmod " * 14000)[:1_000_000]
    t0 = time.perf_counter()
    quotes = extract_text(text)
    assert time.perf_counter() - t0 < 30
    _check(text, quotes)


@pytest.mark.slow
def test_one_megabyte_without_sentence_breaks_is_linear():
    unit = "the mayor said “we will win” and he told reporters that the bridge would open, "
    small = unit * (250_000 // len(unit))
    big = unit * (1_000_000 // len(unit))
    t0 = time.perf_counter()
    _check(small, extract_text(small))
    t1 = time.perf_counter()
    _check(big, extract_text(big))
    t2 = time.perf_counter()
    assert (t2 - t1) < 8 * (t1 - t0)


def test_other_model_name_is_a_config_error():
    from quotetrace.errors import ConfigError

    with pytest.raises(ConfigError):
        Extractor("no_such_spacy_pipeline_here")
