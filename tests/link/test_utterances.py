"""Grouping quotes of one statement into Utterances. Every quote here is fiction written for the tests."""

from __future__ import annotations

import random
from datetime import datetime, timezone

from quotetrace.link.utterances import group_utterances
from quotetrace.records import Article, Quote

BRIDGES = "Our engineers will hold the eastern bridges until the spring thaw, whatever the cost."
FERRIES = "The ferry service to the islands will be free for pensioners from March."
THREAT = "This is a threat to our country, to our country's security."


def article(aid: str, day: int | None, outlet: str) -> Article:
    when = datetime(2031, 5, day, tzinfo=timezone.utc) if day else None
    return Article(aid, "fiction", "test", outlet=outlet, published=when)


ARTICLES = {a.id: a for a in [
    article("a1", 3, "Daily Fiction"), article("a2", 2, "Evening Fable"), article("a3", 4, "Morning Myth"),
    article("a4", 5, "Night Tale"), article("a5", None, "Undated Gazette"),
]}


def q(qid: str, aid: str, text: str, kind: str = "direct", start: int = 0) -> Quote:
    return Quote(id=qid, article_id=aid, text=text, start=start, end=start + len(text), kind=kind)  # type: ignore[arg-type]


def group(quotes: list[Quote], speakers: dict[str, str] | None = None) -> list:  # type: ignore[type-arg]
    speakers = speakers if speakers is not None else {quote.id: "mayor" for quote in quotes}
    return group_utterances(quotes, ARTICLES, speakers)


def find(utterances: list, qid: str):  # type: ignore[no-untyped-def,type-arg]
    return next(u for u in utterances if qid in u.quote_ids)


def test_copies_partials_altered_and_indirect_join_one_utterance() -> None:
    quotes = [
        q("q1", "a1", BRIDGES),
        q("q2", "a2", BRIDGES.replace("Our", "our")),  # verbatim copy
        q("q3", "a3", "hold the eastern bridges until the spring thaw", "partial"),  # partial quote
        q("q4", "a4", "Our engineers will keep the eastern bridges until the spring thaw, whatever it costs."),
        q("q5", "a5", "their engineers would hold the eastern bridges until the spring thaw", "indirect"),
        q("q6", "a3", "eastern bridges", "partial", start=400),  # two-word partial in the same article
        q("q7", "a1", FERRIES, start=300),  # a different statement by the same speaker
    ]
    utterances = group(quotes)
    bridges = find(utterances, "q1")
    assert set(bridges.quote_ids) == {"q1", "q2", "q3", "q4", "q5", "q6"}
    assert find(utterances, "q7").quote_ids == ("q7",)
    assert bridges.canonical_text == BRIDGES.replace("Our", "our")  # longest direct; tie -> earliest (a2)
    assert bridges.first_seen == ARTICLES["a2"].published
    by_quote = {v.quote_id: v for v in bridges.variants}
    assert not by_quote["q2"].altered and not by_quote["q3"].altered and not by_quote["q6"].altered
    assert by_quote["q4"].altered and by_quote["q5"].altered
    assert by_quote["q3"].outlet == "Morning Myth" and by_quote["q3"].kind == "partial"
    replaced = [d for d in by_quote["q4"].diff if d.op == "replace"]
    assert replaced and replaced[0].canonical == "hold" and replaced[0].variant == "keep"


def test_altered_wording_of_a_short_statement() -> None:
    utterances = group([q("q1", "a1", THREAT), q("q2", "a2", "This is a threat for our country's security.")])
    assert len(utterances) == 1
    variant = next(v for v in utterances[0].variants if v.quote_id == "q2")
    assert variant.altered
    assert utterances[0].canonical_text == THREAT


def test_same_words_from_different_speakers_stay_apart() -> None:
    quotes = [q("q1", "a1", BRIDGES), q("q2", "a2", BRIDGES)]
    utterances = group(quotes, {"q1": "mayor", "q2": "governor"})
    assert len(utterances) == 2
    assert {u.speaker_id for u in utterances} == {"mayor", "governor"}


def test_different_statements_on_one_topic_stay_apart() -> None:
    quotes = [
        q("q1", "a1", "The eastern bridges will be repaired before the spring thaw."),
        q("q2", "a2", "The western tunnels will be closed before the winter storms."),
        q("q3", "a3", "We expect the eastern bridges to carry trains again by June."),
    ]
    assert len(group(quotes)) == 3


def test_a_short_partial_does_not_bridge_two_statements() -> None:
    quotes = [
        q("q1", "a1", "The spring thaw will test every bridge we have repaired this year."),
        q("q2", "a2", "Farmers say the spring thaw came early and flooded the lower fields."),
        q("q3", "a3", "spring thaw", "partial"),
    ]
    utterances = group(quotes)
    assert find(utterances, "q1") is not find(utterances, "q2")
    assert len(find(utterances, "q3").quote_ids) <= 2


def test_unlinked_quotes_still_get_utterances_and_ids_are_deterministic() -> None:
    quotes = [q(f"q{i}", f"a{1 + i % 5}", text, start=i * 100) for i, text in enumerate(
        [BRIDGES, FERRIES, THREAT, BRIDGES, FERRIES, "Nothing else to add."])]
    first = group_utterances(quotes, ARTICLES, {})
    shuffled = quotes[:]
    random.Random(7).shuffle(shuffled)
    second = group_utterances(shuffled, ARTICLES, {})
    assert first == second
    assert sorted(qid for u in first for qid in u.quote_ids) == sorted(x.id for x in quotes)
    assert all(u.speaker_id is None for u in first)
    assert len(first) == 4
