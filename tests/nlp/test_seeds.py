"""Acceptance: the five seed articles in ../shared/seeds (read in place, never copied).

Each expectation is (seed prefix, speaker, kind, a few words of the quote's content).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quotetrace.nlp.pipeline import Extractor
from quotetrace.records import Article, Quote

EXPECTED = [
    # 000: Stoltenberg to EU Parliament officials
    ("000", "Jens Stoltenberg", "indirect", "Russia wanted a guarantee"),
    ("000", "Jens Stoltenberg", "partial", "precondition"),
    ("000", "Jens Stoltenberg", "indirect", "Putin invaded Ukraine last year"),
    ("000", "Jens Stoltenberg", "direct", "The background was that"),
    ("000", "Jens Stoltenberg", "direct", "That was what he"),
    ("000", "Jens Stoltenberg", "direct", "And was a precondition"),
    ("000", "Jens Stoltenberg", "partial", "opposite"),
    ("000", "Jens Stoltenberg", "direct", "So he went to war"),
    ("000", "Jens Stoltenberg", "direct", "He wanted us to remove"),
    # 001: Stoltenberg in Kyiv; Peskov
    ("001", "Jens Stoltenberg", "partial", "rightful place"),
    ("001", "Jens Stoltenberg", "direct", "rightful place is in the"),
    ("001", "Jens Stoltenberg", "direct", "Over the years, NATO Allies"),
    ("001", "Jens Stoltenberg", "indirect", "Ukraine would eventually become"),
    ("001", "Jens Stoltenberg", "indirect", "he expects discussion about"),
    ("001", "Jens Stoltenberg", "direct", "I also recognize that"),
    ("001", "Jens Stoltenberg", "direct", "It is a testament"),
    ("001", "Jens Stoltenberg", "indirect", "how long the war"),
    ("001", "Jens Stoltenberg", "direct", "We do not know when"),
    ("001", "Dmitry Peskov", "indirect", "preventing Ukrainian NATO membership"),
    ("001", "Dmitry Peskov", "direct", "Of course, because, otherwise"),
    # 002: Source:/Quote: layout, quote after a colon
    ("002", "Jens Stoltenberg", "partial", "good thing"),
    ("002", "Jens Stoltenberg", "indirect", "NATO was created to prevent"),
    ("002", "Jens Stoltenberg", "direct", "I am from Norway"),
    ("002", "Jens Stoltenberg", "indirect", "it is very important that"),
    ("002", "Jens Stoltenberg", "direct", "tomorrow it may be Taiwan"),
    ("002", "Jens Stoltenberg", "direct", "So this is a good"),
    # 003: the former secretary-general; Putin; the nested quote
    ("003", "Jens Stoltenberg", "indirect", "NATO will not send troops"),
    ("003", "Vladimir Putin", "indirect", "Moscow would consider any"),
    ("003", "Vladimir Putin", "partial", "legitimate targets"),
    ("003", "Vladimir Putin", "partial", "dragging of Ukraine into NATO"),
    ("003", "Jens Stoltenberg", "indirect", "NATO members made two"),
    ("003", "Jens Stoltenberg", "direct", "One was to step up"),
    ("003", "Jens Stoltenberg", "indirect", "also understood that"),
    ("003", "Jens Stoltenberg", "direct", "He called me from"),
    ("003", "Vladimir Zelensky", "direct", "I accept you are not"),
    ("003", "Jens Stoltenberg", "partial", "extremely painful"),
    ("003", "Jens Stoltenberg", "partial", "element of contradiction"),
    ("003", "Jens Stoltenberg", "indirect", "there is an"),
    ("003", "Jens Stoltenberg", "partial", "the right approach"),
    ("003", "Jens Stoltenberg", "partial", "make it stronger on the"),
    ("003", "Jens Stoltenberg", "indirect", "The bloc needs to supply"),
    # 004: the Kremlin, Peskov with closing marks used as openers
    ("004", "Kremlin", "indirect", "Ukraine must not be allowed"),
    ("004", "Dmitry Peskov", "indirect", "preventing Ukraine from joining NATO"),
    ("004", "Dmitry Peskov", "partial", "serious, significant threat"),
]


@pytest.fixture(scope="module")
def seed_results(seed_paths: list[Path]) -> dict[str, tuple[str, list[Quote]]]:
    extractor = Extractor()
    out = {}
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        result = extractor.extract_article(Article(id=path.name, text=text, source=str(path)))
        out[path.name[:3]] = (text, list(result.quotes))
    return out


def _find(quotes: list[Quote], kind: str, snippet: str) -> list[Quote]:
    return [q for q in quotes if q.kind == kind and snippet in q.text]


@pytest.mark.parametrize(("seed", "speaker", "kind", "snippet"), EXPECTED)
def test_seed_quote_found_with_speaker(seed_results, seed, speaker, kind, snippet):
    _, quotes = seed_results[seed]
    found = _find(quotes, kind, snippet)
    assert found, f"no {kind} quote containing {snippet!r}"
    assert speaker in {q.speaker for q in found}


def test_offsets_index_the_text(seed_results):
    for text, quotes in seed_results.values():
        for quote in quotes:
            assert quote.text == text[quote.start: quote.end]
            assert quote.text == quote.text.strip()


def test_every_direct_quote_has_a_speaker(seed_results):
    for _, quotes in seed_results.values():
        assert all(q.speaker for q in quotes if q.kind == "direct")


def test_scare_quote_is_not_a_quote(seed_results):
    _, quotes = seed_results["000"]
    assert not [q for q in quotes if q.text.startswith("unprovoked")]


def test_split_quote_continues(seed_results):
    _, quotes = seed_results["000"]
    first = _find(quotes, "direct", "That was what he")[0]
    second = _find(quotes, "direct", "And was a precondition")[0]
    assert second.continues == first.id and second.speaker == first.speaker


def test_nested_quote_has_parent_and_relay(seed_results):
    _, quotes = seed_results["003"]
    outer = _find(quotes, "direct", "He called me from")[0]
    inner = next(q for q in _find(quotes, "direct", "I accept you are not") if q.text.startswith("I accept"))
    assert inner.parent_id == outer.id
    assert inner.context.relay == "Jens Stoltenberg"
    assert inner.speaker_mention is not None and inner.speaker_mention.text == "he"


def test_direct_quote_with_said_is_not_also_indirect(seed_results):
    for _, quotes in seed_results.values():
        directs = [q for q in quotes if q.kind == "direct"]
        for q in quotes:
            if q.kind == "indirect":
                assert not any(d.start <= q.start and q.end <= d.end for d in directs)


def test_context(seed_results):
    _, quotes = seed_results["001"]
    press = _find(quotes, "direct", "rightful place is in the")[0]
    assert press.context.venue and "press conference" in press.context.venue
    _, quotes = seed_results["002"]
    layout = _find(quotes, "direct", "I am from Norway")[0]
    assert layout.context.relay == "European Pravda"
    assert layout.context.venue and "Fox News" in layout.context.venue
    _, quotes = seed_results["000"]
    told = _find(quotes, "direct", "The background was that")[0]
    assert told.context.addressee == "EU Parliament officials"
    assert told.cue is not None and told.cue.lemma == "tell"
    _, quotes = seed_results["004"]
    call = _find(quotes, "partial", "serious, significant threat")[0]
    assert call.context.venue and "conference call" in call.context.venue


def test_speaker_mentions_are_surface_forms(seed_results):
    text, quotes = seed_results["001"]
    peskov = _find(quotes, "direct", "Of course, because, otherwise")[0]
    mention = peskov.speaker_mention
    assert mention is not None and mention.text == "he"
    assert text[mention.start: mention.end] == "he"
    text, quotes = seed_results["000"]
    chief = _find(quotes, "indirect", "Russia wanted a guarantee")[0]
    assert chief.speaker_mention is not None and chief.speaker_mention.text == "The NATO chief"
