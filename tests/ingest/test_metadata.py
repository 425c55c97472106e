from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from quotetrace.errors import ConfigError
from quotetrace.ingest.metadata import (
    ArticleMeta,
    Manifest,
    detect_language,
    outlet_from_url,
    parse_authors,
    parse_date,
    read_sidecar,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", datetime(2024, 3, 5, tzinfo=timezone.utc)),
        ("2024-03-05T12:00:00+02:00", datetime(2024, 3, 5, 10, tzinfo=timezone.utc)),
        ("2024-03-05T10:00:00Z", datetime(2024, 3, 5, 10, tzinfo=timezone.utc)),
        ("Tue, 05 Mar 2024 08:00:00 GMT", datetime(2024, 3, 5, 8, tzinfo=timezone.utc)),
        ("", None),
        ("next tuesday", None),
        (None, None),
    ],
)
def test_parse_date(value: str | None, expected: datetime | None) -> None:
    assert parse_date(value) == expected


def test_parse_authors() -> None:
    assert parse_authors("Mara Quill; Ned Ash") == ("Mara Quill", "Ned Ash")
    assert parse_authors("Mara Quill and Ned Ash") == ("Mara Quill", "Ned Ash")
    assert parse_authors(["Mara Quill", " ", None]) == ("Mara Quill",)
    assert parse_authors("") is None and parse_authors(None) is None


def test_outlet_from_url() -> None:
    assert outlet_from_url("https://www.bbc.co.uk/news/x") == "bbc.co.uk"
    assert outlet_from_url("https://News.Example.COM:8080/a") == "news.example.com"
    assert outlet_from_url(None) is None and outlet_from_url("not a url") is None


def test_over_fills_only_missing_fields() -> None:
    user = ArticleMeta(outlet="User", authors=())
    page = ArticleMeta(outlet="Page", title="Page title", authors=("A",))
    merged = user.over(page)
    assert merged.outlet == "User" and merged.title == "Page title" and merged.authors == ("A",)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Fiction: the mayor of the invented town said the bridge would open next week.", "en"),
        ("Fiktion: Der Bürgermeister der erfundenen Stadt sagte, die Brücke werde nächste Woche eröffnet.", "de"),
        ("Fiction : le maire de la ville imaginaire a déclaré que le pont ouvrirait la semaine prochaine.", "fr"),
        ("Вигадка: мер вигаданого міста заявив, що міст відкриють наступного тижня.", "uk"),
        ("Вымысел: мэр вымышленного города заявил, что мост откроют на следующей неделе.", "ru"),
        ("", None),
        ("架空の町で新しい橋が開通したと町長が火曜日に発表しました。", None),
        ("123 456 — !!!", None),
    ],
)
def test_detect_language(text: str, code: str | None) -> None:
    assert detect_language(text) == code


def test_manifest_errors_name_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "m.csv"
    bad.write_text("path,url,outlet,published\na.txt,,,2024-01-01\n,,,\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"m\.csv:3: empty path"):
        Manifest.load(bad)
    bad.write_text("path,published\na.txt,someday\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"m\.csv:2: unreadable date"):
        Manifest.load(bad)
    with pytest.raises(ConfigError, match="cannot read manifest"):
        Manifest.load(tmp_path / "none.csv")


def test_broken_sidecar_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    (tmp_path / "a.json").write_text("{broken", encoding="utf-8")
    assert read_sidecar(path) == ArticleMeta()
    (tmp_path / "a.txt.json").write_text('{"outlet": "Exact sidecar"}', encoding="utf-8")
    assert read_sidecar(path).outlet == "Exact sidecar"
