"""Word-level diffs and the altered flag. Texts are fiction written for the tests."""

from __future__ import annotations

import pytest

from quotetrace.link.diff import content_words, is_altered, word_diff

CANONICAL = "The harbour will reopen next week, and the ferries will run every hour."


def test_identical_text_is_all_equal() -> None:
    diff = word_diff(CANONICAL, CANONICAL)
    assert [d.op for d in diff] == ["equal"]
    assert not is_altered(diff)


@pytest.mark.parametrize("variant", [
    "The harbour will reopen next week",  # cut at the end
    "the ferries will run every hour",  # cut at the start
    "will reopen next week, and the ferries",  # cut at both ends
    "The harbour will reopen … every hour.",  # elision marked with an ellipsis
    "The harbour will reopen... every hour",
])
def test_truncation_and_elision_are_not_alterations(variant: str) -> None:
    assert not is_altered(word_diff(CANONICAL, variant))


@pytest.mark.parametrize("variant", [
    "The harbour will open next week, and the ferries will run every hour.",  # substituted
    "The harbour will surely reopen next week, and the ferries will run every hour.",  # inserted
    "The harbour will reopen next week, and ferries every hour.",  # cut from the middle, unmarked
])
def test_changed_words_are_alterations(variant: str) -> None:
    assert is_altered(word_diff(CANONICAL, variant))


def test_diff_names_the_changed_words_and_ignores_case_and_punctuation() -> None:
    diff = word_diff("a threat to our country, to our country’s security", "A threat for our country's security")
    changed = [(d.op, d.canonical, d.variant) for d in diff if d.op != "equal"]
    assert changed == [("replace", "to our country to", "for")]
    assert is_altered(diff)
    assert content_words("Country’s SECURITY!") == ["country's", "security"]
