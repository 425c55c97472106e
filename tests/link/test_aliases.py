"""speakers.yaml parsing: entries, lookups by spelling variant, errors that name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotetrace.errors import ConfigError
from quotetrace.link.aliases import load_aliases


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "speakers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_entries_load_and_match_spelling_variants(tmp_path: Path) -> None:
    book = load_aliases(write(tmp_path, """\
# fictional speakers
- name: Volodymyr Zelensky
  aliases: [Zelenskyy, "President Zelenskiy"]
  not_same_as: [Olena Zelenska]
  kind: person
- name: Hollow Creek Council
  aliases: Creek Council
  kind: body
"""))
    assert len(book.entries) == 2
    zelensky = book.entries[0]
    assert zelensky.aliases == ("Zelenskyy", "President Zelenskiy")
    assert book.entry_for("Volodymyr Zelenskij") is zelensky
    assert book.entry_for("the Creek Council") is book.entries[1]
    assert book.entry_for("Olena Zelenska") is None
    assert frozenset({"zelenskyy", "olena zelenska"}) in book.forbidden_pairs()


def test_empty_file_is_an_empty_book(tmp_path: Path) -> None:
    assert load_aliases(write(tmp_path, "# nothing yet\n")).entries == ()


@pytest.mark.parametrize("text,line,words", [
    ("- name: A B\n  aliases: [x\n", 3, "not valid YAML"),
    ("- name: A B\n- aliases: [C]\n", 2, "no 'name'"),
    ("- name: A B\n  nickname: C\n", 2, "unknown field"),
    ("- name: A B\n  kind: planet\n", 2, "kind must be"),
    ("- name: A B\n  aliases: {a: 1}\n", 2, "list of names"),
    ("name: A B\n", 1, "list of speaker entries"),
    ("- just a string\n", 1, "mapping"),
])
def test_malformed_file_names_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_aliases(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert words in caught.value.reason
    assert f"{path}:{line}" in str(caught.value)


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_aliases(tmp_path / "absent.yaml")
