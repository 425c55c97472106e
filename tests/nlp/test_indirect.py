"""Reported (indirect) statements (fictional texts; every name is invented)."""

from __future__ import annotations

import pytest

from quotetrace.nlp.pipeline import extract_text


def _indirect(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_text(text) if q.kind == "indirect"]


@pytest.mark.parametrize("text, first, second, speaker", [
    ("Harbour master Enno Vik said the channel would be dredged in April, adding that ships should expect delays.",
     "the channel would be dredged in April", "ships should expect delays", "Enno Vik"),
    ("Head teacher Sofie Lund told parents the school would stay open, and adding that heating was being repaired.",
     "the school would stay open", "heating was being repaired", "Sofie Lund"),
])
def test_adding_that_is_a_second_statement_by_the_same_speaker(text, first, second, speaker):
    found = _indirect(text)
    assert (first, speaker) in found, found
    assert (second, speaker) in found, found


@pytest.mark.parametrize("text", [
    "A guard at the prison, who asked not to be named, said the cells were flooded.",
    "Two staff members, who spoke on condition that their names be withheld, said the cells were flooded.",
])
def test_terms_of_anonymity_are_not_a_statement(text):
    found = _indirect(text)
    assert all("named" not in t and "withheld" not in t for t, _ in found), found
    assert any(t == "the cells were flooded" for t, _ in found), found
