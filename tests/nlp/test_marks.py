"""The quotation-mark scanner: styles, apostrophes, nesting, paragraphs, unbalanced marks."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrace.nlp.marks import MAX_QUOTE_CHARS, find_pairs

# fictional sentences written for these tests


def contents(text: str) -> list[str]:
    return [text[p.start: p.end] for p in find_pairs(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She said “we are ready” today.", ["we are ready"]),
        ('She said "we are ready" today.', ["we are ready"]),
        ("She said ‘we are ready’ today.", ["we are ready"]),
        ("Er sagte „wir sind bereit“ heute.", ["wir sind bereit"]),
        ("Il a dit « nous sommes prêts » hier.", ["nous sommes prêts"]),
        ("« We will not give up », Renko said. « The border stays open. »",
         ["We will not give up", "The border stays open."]),
        ("Er sagte »wir sind bereit« heute.", ["wir sind bereit"]),
        ("the city calls its ”renewal plan.” Others disagree.", ["renewal plan."]),
        ("The mayor’s office didn’t reply about the '90s tunnel or Oslo’s port.", []),
        ("Farmers’ markets and the ’80s: no quotes here, isn't it?", []),
        ("“Dad said ‘no’ twice,” she recalled.", ["Dad said ‘no’ twice,", "no"]),
        ("He wrote “  padded  ” once.", ["padded"]),
        ("“”", []),
        ('"Who are we as a nation? " she wrote. "The answer is compassion."',
         ["Who are we as a nation?", "The answer is compassion."]),  # a stray space before the closer
    ],
)
def test_pairs(text, expected):
    assert contents(text) == expected


def test_nested_pair_has_parent():
    text = "“He told me ‘stay home’ and left,” she said."
    pairs = find_pairs(text)
    assert len(pairs) == 2
    assert pairs[0].parent is None and pairs[1].parent == 0


def test_multi_paragraph_quote():
    text = "The coach said: “We trained all winter.\n“We are ready for the final.”\nNext story."
    pairs = find_pairs(text)
    assert [text[p.start: p.end] for p in pairs] == ["We trained all winter.", "We are ready for the final."]
    assert pairs[0].continued and not pairs[0].closed
    assert pairs[1].continues_previous and pairs[1].closed


def test_unbalanced_mark_stays_in_its_paragraph():
    text = "He said “this never ends\nA plain paragraph follows. It has words.\nAnd “another” one."
    pairs = find_pairs(text)
    first_para_end = text.index("\n")
    assert all(p.close <= first_para_end or p.start > first_para_end for p in pairs)
    assert "another" in [text[p.start: p.end] for p in pairs]


def test_an_opener_never_closed_before_whole_quotes_is_a_stray_mark():
    text = ("At the last minute, a sample came in called “Glasgow (“No Place Like Home”). “It grabbed me by the heart,” "
            "he said. “It just connected.”\nA plain paragraph follows.")
    assert contents(text) == ["No Place Like Home", "It grabbed me by the heart,", "It just connected."]


MARKS = "“”‘’\"'„«»‚ "


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(MARKS + "ab .,\n")), max_size=300))
def test_pairs_are_well_formed(text):
    for pair in find_pairs(text):
        assert 0 <= pair.open < pair.start <= pair.end <= pair.close <= len(text)
        assert "\n" not in text[pair.start: pair.end]
        assert pair.end - pair.start <= MAX_QUOTE_CHARS
        assert text[pair.start: pair.end] == text[pair.start: pair.end].strip()


def test_scanner_is_linear_on_long_lines():
    chunk = "word 'x “open ‘no ’close \" " * 10
    small, big = chunk * 400, chunk * 4000
    t0 = time.perf_counter()
    find_pairs(small)
    t1 = time.perf_counter()
    find_pairs(big)
    t2 = time.perf_counter()
    assert (t2 - t1) < 30 * max(t1 - t0, 1e-3)
