"""Finding a speaker by what a user types: id, name, alias, or any spelling the speaker was seen under."""

from __future__ import annotations

import pytest

from quotetrace.records import Speaker
from quotetrace.report.views import NotFound, find_speaker

SPEAKERS = [  # fiction
    Speaker(id="s1", name="Vladislav Korenko", aliases=("Volodymyr Korenkoy", "Korenko")),
    Speaker(id="s2", name="Ilsa Varn", aliases=()),
    Speaker(id="s3", name="Marek Varn", aliases=()),
]


@pytest.mark.parametrize(("asked", "expected"), [
    ("s2", "s2"), ("ilsa varn", "s2"), ("Korenkoy", "s1"), ("Volodymyr Korenkoy", "s1"), ("korenko", "s1"),
])
def test_found(asked: str, expected: str) -> None:
    assert find_speaker(SPEAKERS, asked).id == expected


def test_ambiguous_surname_is_not_guessed() -> None:
    with pytest.raises(NotFound):
        find_speaker(SPEAKERS, "Varn")
