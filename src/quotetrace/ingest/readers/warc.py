"""WARC archives (warcio), e.g. Common Crawl's CC-NEWS: each HTTP response record with an HTML
payload goes through the HTML reader. The archive is streamed record by record; a truncated or
corrupt archive yields the good records and then one failure saying where it broke.

An Article from a WARC has ``url`` = the record's target URI and ``source`` = ``<path>#<uri>``.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from quotetrace.errors import InputError
from quotetrace.ingest.encoding import decode_text, megabytes
from quotetrace.ingest.metadata import ArticleMeta
from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.readers.html import declared_charset, read_html
from quotetrace.records import Article, IngestFailure

LOGGER = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(path: Path, options: IngestOptions = IngestOptions()) -> Iterator[Article | IngestFailure]:
    """Articles from the HTML responses in a WARC (``.warc`` or ``.warc.gz``), streamed."""
    name = str(path)
    responses = 0
    try:
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                status = record.http_headers.get_statuscode() or ""
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if not status.startswith("2") or not content_type.startswith(_HTML_TYPES):
                    continue
                responses += 1
                source = f"{name}#{uri}"
                payload = record.content_stream().read(options.max_bytes + 1)
                if len(payload) > options.max_bytes:
                    yield IngestFailure(source, f"{source}: response too large (over {megabytes(options.max_bytes)} MB)")
                    continue
                # warcio hands back a short payload at end of file; bytes still owed mean a cut archive
                if getattr(record.raw_stream, "limit", 0) > 0:
                    raise EOFError(f"record for {uri} ends early")
                yield _article(payload, source, uri, content_type, options)
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        LOGGER.debug("%s: archive error", name, exc_info=True)
        yield IngestFailure(name, f"{name}: truncated or corrupt WARC after {responses} responses "
                                  f"({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'end of data'})")
        return
    if responses == 0:
        yield IngestFailure(name, f"{name}: no HTML responses in the archive")


def _article(payload: bytes, source: str, uri: str, content_type: str,
             options: IngestOptions) -> Article | IngestFailure:
    charset = None
    if "charset=" in content_type:
        charset = content_type.split("charset=", 1)[1].split(";")[0].strip().strip("'\"") or None
    try:
        html = decode_text(payload, source, charset or declared_charset(payload))
        return read_html(html, source, fallback=ArticleMeta(url=uri or None), options=options)
    except InputError as exc:
        return IngestFailure(exc.source, str(exc))
