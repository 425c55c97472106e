"""Property tests: linking partitions its input and does not depend on input order."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrace.link.speakers import link_speakers
from quotetrace.link.stories import pairwise_scores
from quotetrace.link.utterances import group_utterances
from quotetrace.records import Article, Quote

WORDS = ["harbour", "bridge", "ferry", "spring", "thaw", "council", "river", "we", "will", "the", "not", "open"]
NAMES = ["Anna Brandt", "Brandt", "Tomas Brandt", "Oleh Mikhailenko", "Mykhailenko", "Ines Cabral", None]

quote_rows = st.lists(
    st.tuples(st.integers(0, 5), st.sampled_from(NAMES), st.lists(st.sampled_from(WORDS), min_size=1, max_size=12),
              st.sampled_from(["direct", "partial", "indirect"])),
    min_size=1, max_size=25,
)


@settings(max_examples=40, deadline=None)
@given(quote_rows, st.integers(0, 1000))
def test_every_quote_lands_in_exactly_one_utterance_whatever_the_order(rows, seed) -> None:  # type: ignore[no-untyped-def]
    quotes = [Quote(f"q{i}", f"a{art}", " ".join(words), i, i + 1, kind, speaker=name)  # type: ignore[arg-type]
              for i, (art, name, words, kind) in enumerate(rows)]
    articles = {f"a{i}": Article(f"a{i}", "fiction", "test", outlet=f"o{i % 2}") for i in range(6)}
    links = link_speakers(quotes, [])
    utterances = group_utterances(quotes, articles, links.quote_speaker)
    assert sorted(q for u in utterances for q in u.quote_ids) == sorted(q.id for q in quotes)
    shuffled = quotes[:]
    random.Random(seed).shuffle(shuffled)
    links2 = link_speakers(shuffled, [])
    assert links2.quote_speaker == links.quote_speaker
    assert group_utterances(shuffled, articles, links2.quote_speaker) == utterances
    for u in utterances:
        speakers = {links.quote_speaker.get(q) for q in u.quote_ids}
        assert speakers == {u.speaker_id}  # never across speakers


@given(st.dictionaries(st.integers(0, 30), st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=1))
def test_pairwise_scores_swap_precision_and_recall(labels) -> None:  # type: ignore[no-untyped-def]
    gold = {str(k): v[0] for k, v in labels.items()}
    predicted = {str(k): v[1] for k, v in labels.items()}
    p, r, f = pairwise_scores(gold, predicted)  # type: ignore[arg-type]
    r2, p2, f2 = pairwise_scores(predicted, gold)  # type: ignore[arg-type]
    assert (p, r) == (p2, r2) and abs(f - f2) < 1e-12
    assert 0.0 <= p <= 1.0 and 0.0 <= r <= 1.0
