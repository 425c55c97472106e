"""Reading file bodies and turning bytes into text.

Rules (documented here because tests and users rely on them):

* A file body larger than ``IngestOptions.max_bytes`` (20 MB by default) is not read at all: it is
  reported as ``file too large (N MB > limit MB)``. The size is checked with ``stat`` before reading,
  and gzip bodies are decompressed in chunks that stop at the cap, so a 50 MB file costs
  milliseconds and no memory. JSONL and WARC files are streamed record by record and are not capped.
* Decoding: a BOM wins (UTF-8, UTF-16, UTF-32); then strict UTF-8; then charset-normalizer on the
  first 64 KB. Among equally clean single-byte guesses we prefer cp1252, the web's de-facto
  "latin-1" (WHATWG), so Western European text is not decoded as cp1250.
* NUL bytes (without a UTF-16/32 BOM) or more than 5% control characters mean ``binary file``;
  an empty or whitespace-only body means ``empty file``.
"""

from __future__ import annotations

import codecs
import gzip
import logging
import re
import zlib
from pathlib import Path

from charset_normalizer import from_bytes

from quotetrace.errors import InputError

LOGGER = logging.getLogger(__name__)

_SNIFF_BYTES = 65_536
_CHUNK = 1 << 20
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newline, vertical tab, form feed, carriage return; plus DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])  # the same, as UTF-8 bytes
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1254", "cp1257",
                      "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_16", "mac_roman", "mac_latin2"})


def megabytes(size: int) -> str:
    """A size in MB for messages: ``50.0``."""
    return f"{size / 1_000_000:.1f}"


def too_large(size: int, limit: int) -> str:
    return f"file too large ({megabytes(size)} MB > {megabytes(limit)} MB limit)"


def is_gzip_name(path: Path) -> bool:
    return path.suffix.lower() == ".gz"


def read_body(path: Path, max_bytes: int) -> bytes:
    """The bytes of a (possibly gzip-compressed) file, refusing bodies over ``max_bytes``.

    Raises ``InputError`` naming the file for a missing, empty, oversized or truncated file.
    """
    source = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(source, f"cannot read file ({exc.strerror or exc})") from exc
    if size == 0:
        raise InputError(source, "empty file")
    if not is_gzip_name(path):
        if size > max_bytes:
            raise InputError(source, too_large(size, max_bytes))
        try:
            return path.read_bytes()
        except OSError as exc:
            raise InputError(source, f"cannot read file ({exc.strerror or exc})") from exc
    return _gunzip_capped(path, max_bytes)


def _gunzip_capped(path: Path, max_bytes: int) -> bytes:
    source = str(path)
    chunks: list[bytes] = []
    total = 0
    try:
        with gzip.open(path, "rb") as handle:
            while True:
                chunk = handle.read(_CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                if total > max_bytes:
                    raise InputError(source, f"file too large (over {megabytes(max_bytes)} MB limit uncompressed)")
                chunks.append(chunk)
    except EOFError as exc:
        raise InputError(source, "truncated gzip file (ends before the compressed stream is complete)") from exc
    except (gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(source, f"corrupt gzip file ({exc})") from exc
    except OSError as exc:
        raise InputError(source, f"cannot read file ({exc.strerror or exc})") from exc
    data = b"".join(chunks)
    if not data:
        raise InputError(source, "empty file")
    return data


def gunzip_bytes(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress a gzip body held in memory (a fetched ``sitemap.xml.gz``), stopping at ``max_bytes``."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise InputError(source, f"corrupt gzip data ({exc})") from exc
    if len(out) > max_bytes:
        raise InputError(source, f"response too large (over {megabytes(max_bytes)} MB limit uncompressed)")
    if not inflater.eof:
        raise InputError(source, "truncated gzip data (ends before the compressed stream is complete)")
    return out


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _guess_legacy(data: bytes) -> str | None:
    """charset-normalizer's guess for non-UTF-8 bytes, preferring cp1252 among equal Western guesses."""
    matches = from_bytes(data[:_SNIFF_BYTES])
    best = matches.best()
    if best is None:
        return None
    if best.encoding in _WESTERN:
        for match in matches:
            if "cp1252" in match.could_be_from_charset and match.chaos <= best.chaos + 0.01:
                try:
                    data.decode("cp1252")
                except UnicodeDecodeError:  # one of cp1252's five undefined bytes: trust the guess
                    break
                return "cp1252"
    return str(best.encoding)


def decode_text(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode a text body; ``declared`` (an HTTP or meta charset) is tried after BOM and UTF-8.

    Raises ``InputError(source, "binary file" | "empty file" | ...)``.
    """
    if not data.strip():
        raise InputError(source, "empty file")
    encoding = _bom_encoding(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(source, f"invalid {encoding} text after its byte-order mark") from exc
        return _check_text(text, source)
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(source, "binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _check_text(text, source, data)
    candidates: list[str] = []
    if declared:
        candidates.append(declared)
    guess = _guess_legacy(data)
    if guess is None:
        raise InputError(source, "binary file (no text encoding fits)")
    candidates.append(guess)
    for name in candidates:
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        LOGGER.debug("%s: decoded as %s", source, name)
        return _check_text(text, source)
    raise InputError(source, "binary file (no text encoding fits)")


def _check_text(text: str, source: str, utf8: bytes | None = None) -> str:
    """``text`` unless it is empty or its first 64 K characters are more than 5% control characters.

    ``utf8``: the bytes ``text`` was decoded from as UTF-8, whose control bytes are its control characters.
    """
    if not text.strip():
        raise InputError(source, "empty file")
    sample = text[:_SNIFF_BYTES]
    if utf8 is not None and len(utf8) <= _SNIFF_BYTES:  # the sample is the whole text: count bytes (5x faster)
        controls = len(utf8) - len(utf8.translate(None, _CONTROL_BYTES))
    else:
        controls = len(_CONTROL.findall(sample))
    if controls > 0.05 * len(sample):
        raise InputError(source, "binary file (mostly control characters)")
    return text
