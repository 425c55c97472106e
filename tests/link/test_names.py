"""Name keys: transliteration variants meet, different names stay apart."""

from __future__ import annotations

import pytest

from quotetrace.link.names import (given_compatible, name_key, org_key, parse_person, strip_accents,
                                   surname_similar, translit_key)


@pytest.mark.parametrize("variants", [
    ("Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskij", "Zelenskii"),
    ("Mikhailenko", "Mykhailenko"),
    ("Mykola", "Mikola"),
])
def test_transliteration_variants_share_a_key(variants: tuple[str, ...]) -> None:
    assert len({translit_key(v) for v in variants}) == 1


@pytest.mark.parametrize("a,b", [("Zelensky", "Zelenska"), ("Peskov", "Petrov"), ("Kyiv", "Kiev")])
def test_different_words_keep_different_keys(a: str, b: str) -> None:
    assert translit_key(a) != translit_key(b)


def test_accents_and_honorifics_are_removed() -> None:
    assert strip_accents("Zelenskýj Čapek") == "Zelenskyj Capek"
    assert name_key("President Volodymyr Zelenskyy") == name_key("Volodymyr Zelensky")
    assert name_key("Zelensky's") == name_key("Zelensky")


def test_parse_person_splits_given_names_and_particles() -> None:
    person = parse_person("Ursula von der Leyen")
    assert person is not None and person.given == ("Ursula",) and person.surname == "von der Leyen"
    alone = parse_person("Stoltenberg")
    assert alone is not None and not alone.is_full and alone.surname == "Stoltenberg"
    assert parse_person("...") is None


def test_given_names_and_surnames_compatibility() -> None:
    assert given_compatible("J.", "Jens")
    assert given_compatible("Volodymyr", "Wolodymyr")
    assert given_compatible("Vladimir", "Volodymyr")
    assert not given_compatible("Jens", "Jonas")
    assert not given_compatible("Olena", "Volodymyr")
    assert surname_similar("Stoltenberg", "Stoltenburg")
    assert not surname_similar("Stoltenberg", "Rotenberg")
    assert not surname_similar("Li", "Lu")


def test_org_key_drops_article_and_case() -> None:
    assert org_key("The Kremlin") == org_key("kremlin") == "kremlin"
