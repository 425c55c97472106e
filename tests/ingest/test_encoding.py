from __future__ import annotations

import codecs
import gzip
import time
from pathlib import Path

import pytest

from quotetrace.errors import InputError
from quotetrace.ingest.encoding import decode_text, read_body

# FICTION: invented sentences in several languages.
WESTERN = [
    "Fiction : « Le café était fermé », a déclaré Hélène Morvan. “Nous reviendrons”, a-t-elle ajouté — en été.",
    "Fiktion: Der Bürgermeister sagte, die Straße sei für Fußgänger gesperrt. Übermorgen öffnet sie wieder.",
    "Ficción: El alcalde dijo que la ciudad está «preparada» para el año próximo. Señoras y señores, ¡gracias!",
    "Fiction: “We will not back down,” the mayor said. It’s a matter of principle – nothing more… €5 a head.",
]


@pytest.mark.parametrize("text", WESTERN)
def test_cp1252_decoded_correctly(text: str) -> None:
    assert decode_text(text.encode("cp1252"), "f.txt") == text


@pytest.mark.parametrize("text", [t for t in WESTERN if all(ord(c) < 256 for c in t)])
def test_latin1_decoded_correctly(text: str) -> None:
    assert decode_text(text.encode("latin-1"), "f.txt") == text


def test_other_legacy_encodings() -> None:
    russian = "Вымысел: мэр заявил, что улица будет закрыта до понедельника, а мост откроют летом."
    assert decode_text(russian.encode("cp1251"), "r.txt") == russian
    polish = "Fikcja: Burmistrz powiedział, że ulica będzie zamknięta. Żółć gęślą jaźń, dodał rzecznik miasta."
    assert decode_text(polish.encode("cp1250"), "p.txt") == polish


def test_utf8_with_and_without_bom_and_utf16() -> None:
    text = "Fiction: “Quoted” — naïve café"
    assert decode_text(text.encode("utf-8"), "a") == text
    assert decode_text(codecs.BOM_UTF8 + text.encode("utf-8"), "a") == text
    assert decode_text(text.encode("utf-16"), "a") == text


def test_declared_charset_used_when_not_utf8() -> None:
    text = "Fiction: Übermorgen öffnet die Straße"
    assert decode_text(text.encode("iso8859_15"), "a", declared="iso-8859-15") == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file"),
        (bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 50, "binary file"),
        (b"", "empty file"),
        (b" \n\t\n ", "empty file"),
    ],
)
def test_bad_bodies(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason) as info:
        decode_text(data, "bad.txt")
    assert str(info.value).startswith("bad.txt: ")


@pytest.mark.parametrize("size", [200, 16_300, 70_000])  # characters: UTF-8 bytes under the sample size, and over it
@pytest.mark.parametrize("controls", [4, 6])
def test_control_characters_are_counted_in_the_first_64k_characters(size: int, controls: int) -> None:
    """UTF-8 bodies count their control bytes; the others (and longer ones) their characters: the same count."""
    from quotetrace.ingest.encoding import _CONTROL

    block = "\x07" * controls + ("Fiction: “naïve” café — ок " * 4)[:100 - controls]  # controls per 100 characters
    text = block * (size // 100)
    assert (len(_CONTROL.findall(text[:65_536])) > 0.05 * len(text[:65_536])) == (controls > 5)
    for data in (text.encode("utf-8"), codecs.BOM_UTF8 + text.encode("utf-8"), text.encode("utf-16")):
        if controls > 5:
            with pytest.raises(InputError, match="mostly control characters"):
                decode_text(data, "c.txt")
        else:
            assert decode_text(data, "c.txt") == text


def test_read_body_caps_large_file_fast(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        line = b"Fiction: a very long and repetitive invented report about nothing at all.\n"
        for _ in range(50_000_000 // len(line) + 1):
            handle.write(line)
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"file too large \(50\.0 MB > 20\.0 MB limit\)"):
        read_body(big, 20_000_000)
    assert time.perf_counter() - started < 1.0


def test_read_body_gzip_and_truncated_gzip(tmp_path: Path) -> None:
    good = tmp_path / "a.txt.gz"
    payload = ("Fiction: the harbour opened. " * 2000).encode()
    good.write_bytes(gzip.compress(payload))
    assert read_body(good, 10_000_000) == payload
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    with pytest.raises(InputError, match="truncated gzip"):
        read_body(cut, 10_000_000)
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 3_000_000))
    with pytest.raises(InputError, match="file too large"):
        read_body(bomb, 1_000_000)
    not_gzip = tmp_path / "plain.txt.gz"
    not_gzip.write_bytes(b"just text, not gzip at all")
    with pytest.raises(InputError, match="corrupt gzip"):
        read_body(not_gzip, 1_000_000)
