"""Speaker linking across articles. All quotes and names here are fiction written for the tests."""

from __future__ import annotations

import random

import pytest
from datetime import datetime

from quotetrace.link.aliases import parse_aliases
from quotetrace.link.speakers import link_speakers
from quotetrace.records import Article, Quote, SpeakerMention


def quote(qid: str, article: str, speaker: str, text: str = "We will keep working on this.",
          title: str | None = None, kind: str = "person") -> Quote:
    mention = SpeakerMention(article, speaker, 0, len(speaker), speaker, title, kind)  # type: ignore[arg-type]
    return Quote(id=qid, article_id=article, text=text, start=0, end=len(text), kind="direct",
                 speaker=speaker, speaker_mention=mention)


def speaker_of(links, qid: str):  # type: ignore[no-untyped-def]
    sid = links.quote_speaker[qid]
    return next(s for s in links.speakers if s.id == sid)


def test_spelling_variants_and_surname_only_join_one_speaker() -> None:
    quotes = [
        quote("q1", "a1", "Volodymyr Zelensky"),
        quote("q2", "a2", "Volodymyr Zelenskyy"),
        quote("q3", "a3", "Volodymyr Zelenskiy"),
        quote("q4", "a4", "Zelenskij"),
        quote("q5", "a5", "Volodymyr Zelenskyy"),
        quote("q6", "a6", "Zelensky"),
    ]
    links = link_speakers(quotes, [])
    assert len(links.speakers) == 1
    speaker = links.speakers[0]
    assert speaker.name == "Volodymyr Zelenskyy"  # most complete, then most frequent form
    assert {"Zelensky", "Zelenskij", "Volodymyr Zelensky", "Volodymyr Zelenskiy"} <= set(speaker.aliases)
    assert set(links.quote_speaker) == {q.id for q in quotes}
    assert links.mention_speaker[("a4", "Zelenskij")] == speaker.id


def test_mikhailenko_mykhailenko_merge() -> None:
    links = link_speakers([quote("q1", "a1", "Oleh Mikhailenko"), quote("q2", "a2", "Oleh Mykhailenko")], [])
    assert len(links.speakers) == 1


def test_shared_surname_different_first_names_stay_apart_and_surname_is_not_guessed() -> None:
    quotes = [
        quote("q1", "a1", "Anna Brandt"),
        quote("q2", "a2", "Tomas Brandt"),
        quote("q3", "a3", "Brandt"),
    ]
    links = link_speakers(quotes, [])
    assert len(links.speakers) == 3
    assert len({links.quote_speaker[q] for q in ("q1", "q2", "q3")}) == 3


def test_two_names_in_one_article_are_two_people() -> None:
    quotes = [quote("q1", "a1", "Oleh Mikhailenko"), quote("q2", "a1", "Oleh Mykhailenko", "Another thing.")]
    links = link_speakers(quotes, [])
    assert links.quote_speaker["q1"] != links.quote_speaker["q2"]


def test_titles_change_over_time_and_all_are_kept() -> None:
    quotes = [
        quote("q1", "a1", "Maren Holtvik", title="Alliance Secretary-General"),
        quote("q2", "a2", "Holtvik", title="the bloc's former secretary-general"),
        quote("q3", "a3", "Maren Holtvik", title="Alliance Secretary-General"),
    ]
    links = link_speakers(quotes, [])
    assert len(links.speakers) == 1
    assert links.speakers[0].titles == ("Alliance Secretary-General", "the bloc's former secretary-general")


def test_conflicting_title_keeps_a_surname_apart() -> None:
    quotes = [quote("q1", "a1", "Karla Brandt", title="Senator"), quote("q2", "a2", "Brandt", title="CEO of Acme Mills")]
    links = link_speakers(quotes, [])
    assert links.quote_speaker["q1"] != links.quote_speaker["q2"]


def test_ambiguous_surname_resolved_by_co_occurring_speakers() -> None:
    quotes = [
        quote("q1", "a1", "Anna Brandt"), quote("q2", "a1", "Pavel Orlik"),
        quote("q3", "a2", "Tomas Brandt"), quote("q4", "a2", "Ines Cabral"),
        quote("q5", "a3", "Brandt"), quote("q6", "a3", "Pavel Orlik"),
    ]
    links = link_speakers(quotes, [])
    assert links.quote_speaker["q5"] == links.quote_speaker["q1"]
    assert links.quote_speaker["q5"] != links.quote_speaker["q3"]


def test_ambiguous_surname_resolved_by_outlet() -> None:
    quotes = [quote("q1", "a1", "Anna Brandt"), quote("q2", "a2", "Tomas Brandt"), quote("q3", "a3", "Brandt")]
    articles = {
        "a1": Article("a1", "x", "t", outlet="Daily Fiction"),
        "a2": Article("a2", "x", "t", outlet="Evening Fable"),
        "a3": Article("a3", "x", "t", outlet="Evening Fable"),
    }
    links = link_speakers(quotes, [], articles=articles)
    assert links.quote_speaker["q3"] == links.quote_speaker["q2"]


def test_place_names_never_become_speakers() -> None:
    mentions = [
        SpeakerMention("a1", "Kyiv", 0, 4, "Kyiv", None, "unknown"),
        SpeakerMention("a2", "Kiev", 0, 4, "Kiev", None, "unknown"),
    ]
    links = link_speakers([quote("q1", "a1", "Marta Vilkas")], mentions)
    assert [s.name for s in links.speakers] == ["Marta Vilkas"]
    assert ("a1", "Kyiv") not in links.mention_speaker


def test_organisations_link_by_normalised_name() -> None:
    quotes = [quote("q1", "a1", "the Kremlin", kind="organisation"), quote("q2", "a2", "Kremlin", kind="organisation")]
    links = link_speakers(quotes, [])
    assert len(links.speakers) == 1 and links.speakers[0].kind == "organisation"


def test_aliases_force_merge_rename_and_forbid() -> None:
    book = parse_aliases(
        "- name: Dr Ines Cabral-Moura\n  aliases: [Ines Moura, 'I. Cabral']\n  kind: person\n"
        "- name: Oleh Mikhailenko\n  not_same_as: [Oleh Mykhailenko]\n"
    )
    quotes = [
        quote("q1", "a1", "Ines Moura"), quote("q2", "a2", "I. Cabral"),
        quote("q3", "a3", "Oleh Mikhailenko"), quote("q4", "a4", "Oleh Mykhailenko"),
    ]
    links = link_speakers(quotes, [], book)
    assert links.quote_speaker["q1"] == links.quote_speaker["q2"]
    assert speaker_of(links, "q1").name == "Dr Ines Cabral-Moura"
    assert links.quote_speaker["q3"] != links.quote_speaker["q4"]
    # Without the user's file the two spellings are one person.
    assert len(link_speakers(quotes[2:], []).speakers) == 1


def test_same_inputs_give_same_ids_in_any_order() -> None:
    quotes = [quote(f"q{i}", f"a{i % 7}", name) for i, name in enumerate(
        ["Anna Brandt", "Brandt", "Tomas Brandt", "Oleh Mikhailenko", "Mykhailenko", "Marta Vilkas",
         "Vilkas", "the Kremlin", "Volodymyr Zelensky", "Zelenskyy"] * 3)]
    first = link_speakers(quotes, [])
    shuffled = quotes[:]
    random.Random(4).shuffle(shuffled)
    second = link_speakers(shuffled, [])
    assert sorted(first.speakers, key=lambda s: s.id) == sorted(second.speakers, key=lambda s: s.id)
    assert first.quote_speaker == second.quote_speaker


def test_unnamed_quotes_are_not_linked() -> None:
    anonymous = Quote(id="q9", article_id="a9", text="Nobody knows.", start=0, end=13, kind="direct")
    links = link_speakers([anonymous], [])
    assert links.speakers == () and links.quote_speaker == {}




def test_seed_articles_link_to_one_stoltenberg(seed_paths) -> None:  # type: ignore[no-untyped-def]
    """Acceptance: the extractor's per-article names across the five seeds give one NATO chief."""
    pipeline = pytest.importorskip("quotetrace.nlp.pipeline")
    articles = {}
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        articles[path.stem] = Article(path.stem, text, str(path), outlet=path.stem)
    extracted = list(pipeline.default_extractor().extract_many(articles.values()))
    quotes = [q for result in extracted for q in result.quotes]
    mentions = [m for result in extracted for m in result.mentions]
    links = link_speakers(quotes, mentions, articles=articles)
    chiefs = [s for s in links.speakers if "Stoltenberg" in s.name]
    assert len(chiefs) == 1
    assert chiefs[0].name == "Jens Stoltenberg"
    assert any("Secretary" in t for t in chiefs[0].titles)
    said_by_chief = {q.article_id for q in quotes if links.quote_speaker.get(q.id) == chiefs[0].id}
    assert len(said_by_chief) >= 3
    assert not any(s.name in ("Kyiv", "Kiev") for s in links.speakers)
