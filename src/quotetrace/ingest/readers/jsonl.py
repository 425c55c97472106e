"""JSONL articles: one ``{"id", "text"}`` object per line (``url, outlet, title, published, authors``
optional). The text is used exactly as given; the Article's ``source`` is ``<path>#<id>`` with the
record's id verbatim. A bad line is one IngestFailure (``file.jsonl:17: invalid JSON``) and the
other lines still load. The file is streamed line by line.
"""

from __future__ import annotations

import gzip
import json
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, cast

from quotetrace.ingest.assemble import build_article
from quotetrace.ingest.encoding import is_gzip_name, megabytes
from quotetrace.ingest.metadata import ArticleMeta, meta_from_mapping
from quotetrace.ingest.options import IngestOptions
from quotetrace.records import Article, IngestFailure

LOGGER = logging.getLogger(__name__)

_SKIP_CHUNK = 1 << 20


def _open(path: Path) -> IO[bytes]:
    return cast(IO[bytes], gzip.open(path, "rb")) if is_gzip_name(path) else path.open("rb")


def iter_jsonl(path: Path, meta: ArticleMeta = ArticleMeta(),
               options: IngestOptions = IngestOptions()) -> Iterator[Article | IngestFailure]:
    """Articles (and per-line failures) from a JSONL file; ``meta`` fills fields a record leaves out."""
    name = str(path)
    seen = False
    try:
        with _open(path) as handle:
            number = 0
            while raw := handle.readline(options.max_bytes + 1):
                number += 1
                if len(raw) > options.max_bytes and not raw.endswith(b"\n"):
                    # an oversized line is skipped in chunks, never held whole in memory
                    while (rest := handle.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                        pass
                    where = f"{name}:{number}"
                    seen = True
                    yield IngestFailure(where, f"{where}: record too large (over {megabytes(options.max_bytes)} MB)")
                    continue
                if not raw.strip():
                    continue
                seen = True
                yield _record(raw, f"{name}:{number}", name, meta, options)
    except EOFError:
        yield IngestFailure(name, f"{name}: truncated gzip file (ends before the compressed stream is complete)")
        return
    except (gzip.BadGzipFile, zlib.error) as exc:
        yield IngestFailure(name, f"{name}: corrupt gzip file ({exc})")
        return
    except OSError as exc:
        yield IngestFailure(name, f"{name}: cannot read file ({exc.strerror or exc})")
        return
    if not seen:
        yield IngestFailure(name, f"{name}: empty file")


def _record(raw: bytes, where: str, name: str, meta: ArticleMeta,
            options: IngestOptions) -> Article | IngestFailure:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return IngestFailure(where, f"{where}: invalid UTF-8")
    except json.JSONDecodeError:
        return IngestFailure(where, f"{where}: invalid JSON")
    if not isinstance(data, dict):
        return IngestFailure(where, f"{where}: not a JSON object")
    record_id, text = data.get("id"), data.get("text")
    if record_id is None or (isinstance(record_id, str) and not record_id):
        return IngestFailure(where, f"{where}: missing 'id'")
    if not isinstance(text, str):
        return IngestFailure(where, f"{where}: missing or non-string 'text'")
    if not text.strip():
        return IngestFailure(where, f"{where}: empty 'text'")
    return build_article(text, f"{name}#{record_id}", meta_from_mapping(data).over(meta), options)
