"""Learned boilerplate. Every text here is FICTION written for these tests."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotetrace.ingest.boilerplate import MAX_LINE_CHARS, BoilerplateLearner, normalise_line
from quotetrace.ingest.clean import mark_junk

HEADER = "Get the Skerra Gazette app"
FOOTER = "\u00a9 2024 Skerra Gazette, a fictional paper \u2014 all of it invented"


def story(i: int) -> str:
    """A distinct fictional story (its sentences never repeat between ``i``s)."""
    return (f"The invented ferry number {i} left Skerra at {i % 12 + 1} o'clock with {10 + i} passengers.\n"
            f"Harbour master Oskar Vell said crossing {i} was the calmest of the season.\n")


def page(i: int) -> str:
    return f"{HEADER}\n{story(i)}   {FOOTER.upper()}  \n"


@pytest.mark.parametrize(("line", "expected"), [
    ("  Share   this\tSTORY  ", "share this story"),
    ("\u2022 Subscribe now!", "subscribe now"),
    ("Updated 3 hours ago", "updated 3 hours ago"),
    ("12 comments", "comments"),
    ("\u00a9 2024 Gazette.", "gazette"),
    ("\uff26\uff55\uff4c\uff4c\uff57\uff49\uff44\uff54\uff48", "fullwidth"),  # NFKC
    ("---", ""),
])
def test_normalise_line(line: str, expected: str) -> None:
    assert normalise_line(line) == expected


def _normalise_by_regex(line: str) -> str:
    """The definition normalise_line implements faster: collapse ``\\s+``, strip non-letters off both edges."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", line).casefold())
    return re.sub(r"^[\W\d_]+|[\W\d_]+$", "", text)


@given(st.text(alphabet=st.sampled_from(list("aZé١2_ .,-\t\n\u00a0\u2003\u2028\x1c\x85\u200bﬁ２«»")) | st.characters(),
               max_size=40))
def test_normalise_line_matches_its_regex_definition(line: str) -> None:
    assert normalise_line(line) == _normalise_by_regex(line)


def test_lines_seen_in_most_articles_of_an_outlet_are_learned() -> None:
    learner = BoilerplateLearner()
    for i in range(10):
        learner.observe("gazette.invalid", page(i))
    lines = learner.lines_for("gazette.invalid")
    assert lines == {normalise_line(HEADER), normalise_line(FOOTER)}
    assert learner.lines_for("other.invalid") == frozenset()
    assert learner.articles_seen("gazette.invalid") == 10


def test_a_line_counts_once_per_article() -> None:
    learner = BoilerplateLearner(min_articles=3, min_share=0.3)
    learner.observe("x", "Advertisement\n" * 5 + story(0))
    learner.observe("x", "Advertisement\n" * 5 + story(1))
    learner.observe("x", story(2))
    assert learner.lines_for("x") == frozenset()  # seen in 2 articles, not 3
    learner.observe("x", "Advertisement\n" + story(3))
    assert learner.lines_for("x") == {"advertisement"}


def test_share_and_minimum_count_both_apply() -> None:
    learner = BoilerplateLearner(min_articles=3, min_share=0.5)
    for i in range(10):
        learner.observe("x", (HEADER + "\n" if i < 4 else "") + story(i))
    assert learner.lines_for("x") == frozenset()  # 4 of 10 articles < 50 %
    for i in range(10, 12):
        learner.observe("x", HEADER + "\n" + story(i))
    assert learner.lines_for("x") == {normalise_line(HEADER)}  # 6 of 12


def test_outlets_are_kept_apart_and_none_is_the_empty_outlet() -> None:
    learner = BoilerplateLearner()
    for i in range(3):
        learner.observe("a.invalid", page(i))
        learner.observe(None, f"Unknown outlet footer line\n{story(i)}")
        learner.observe("b.invalid", story(i + 100))
    assert normalise_line(HEADER) in learner.lines_for("a.invalid")
    assert learner.lines_for("b.invalid") == frozenset()
    assert learner.lines_for(None) == learner.lines_for("") == {"unknown outlet footer line"}


def test_long_lines_are_never_candidates() -> None:
    long_line = "The same invented paragraph repeated word for word in every article " * 4
    assert len(normalise_line(long_line)) > MAX_LINE_CHARS
    learner = BoilerplateLearner()
    for i in range(5):
        learner.observe("x", long_line + "\n" + story(i))
    assert learner.lines_for("x") == frozenset()


def test_state_round_trips_through_json_and_keeps_counting() -> None:
    learner = BoilerplateLearner(min_articles=3, min_share=0.3)
    for i in range(2):
        learner.observe("gazette.invalid", page(i))
    state = json.loads(json.dumps(learner.to_state()))
    restored = BoilerplateLearner.from_state(state)
    assert restored.to_state() == learner.to_state()
    assert restored.lines_for("gazette.invalid") == frozenset()
    restored.observe("gazette.invalid", page(2))
    assert normalise_line(HEADER) in restored.lines_for("gazette.invalid")


def test_bad_state_is_refused() -> None:
    with pytest.raises(ValueError):
        BoilerplateLearner.from_state({"version": 99})


def test_memory_is_bounded_and_frequent_lines_survive_pruning() -> None:
    learner = BoilerplateLearner(max_lines=200)
    for i in range(500):
        learner.observe("x", f"{HEADER}\nA one-off invented line about ferry {i} and crew {i * 7}\n"
                             f"Another unique fictional remark, number {i} of many\n")
        state = learner.to_state()["outlets"]["x"]
        assert len(state["lines"]) <= 200
    assert learner.lines_for("x") == {normalise_line(HEADER)}


def test_learned_lines_are_marked_by_clean() -> None:
    learner = BoilerplateLearner()
    pages = [page(i) for i in range(5)]
    for text in pages:
        learner.observe("gazette.invalid", text)
    lines = learner.lines_for("gazette.invalid")
    for text in pages:
        marked = {text[s.start:s.end].strip(): s.label for s in mark_junk(text, lines)}
        assert FOOTER.upper() in marked and HEADER in marked
        assert not any("ferry" in m for m in marked)


def test_observe_with_precomputed_lines_counts_the_same() -> None:
    from quotetrace.ingest.boilerplate import candidate_lines

    # FICTION: page furniture of an invented outlet around invented sentences.
    texts = [f"Subscribe to the Ørsund Tidende\nStory {i}: the ferry ran {i} minutes late.\n" + "long " * 200
             for i in range(6)]
    plain, shared = BoilerplateLearner(), BoilerplateLearner()
    for text in texts:
        plain.observe("ot", text)
        shared.observe("ot", text, candidate_lines(text))
    assert plain.to_state() == shared.to_state()
    assert plain.lines_for("ot") == {"subscribe to the ørsund tidende"}
    assert candidate_lines("a\n" + "b" * 801)[1] is None


@given(st.text(alphabet=st.sampled_from(list("aZeIiKks ,.-\t\u00a0\u2028ﬁ２«\u0301\u0307\u0323\u0345\u1100\u1161\u11a8ǅß"))
               | st.characters(), max_size=60))
def test_ascii_letters_bound_the_normal_form(line: str) -> None:
    from quotetrace.ingest.boilerplate import ascii_letters

    assert len(normalise_line(line)) >= ascii_letters(line)


def test_ascii_letters_survive_normalising_over_the_unicode_table() -> None:
    """What the bound relies on: no canonical composition takes an ASCII letter as its second part, and every
    character composed from an ASCII letter (plus marks) casefolds to something holding a letter."""
    import string
    import sys

    letter = re.compile(r"[^\W\d_]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        parts = unicodedata.decomposition(char).split()
        if parts and not parts[0].startswith("<"):  # canonical
            assert not any(chr(int(part, 16)) in string.ascii_letters for part in parts[1:]), hex(code)
            if unicodedata.normalize("NFD", char)[0] in string.ascii_letters:
                assert letter.search(char.casefold()), hex(code)
    for char in string.ascii_letters:
        assert letter.fullmatch(char.casefold())


def test_long_lines_get_an_empty_normal_form_only_when_provably_too_long() -> None:
    from quotetrace.ingest.boilerplate import candidate_lines

    prose = "The ferry ran late again on Tuesday, and the harbour master said so. " * 4  # 272 chars, 208 letters
    figures = "Figures: " + "1, 2, 3, " * 40 + "end"  # 372 characters, 10 letters: normalised as before
    assert candidate_lines(f"{prose}\n{figures}\nShort line\n" + "b" * 801) == [
        "", normalise_line(figures), "short line", None]
    assert normalise_line(figures).startswith("figures: 1, 2")
    assert len(normalise_line(prose)) > MAX_LINE_CHARS
    assert mark_junk(prose, frozenset({"x" * 3}), candidate_lines(prose)) == mark_junk(prose, frozenset({"x" * 3}))
