"""iter_inputs never raises, whatever bytes a file of any supported type holds."""

from __future__ import annotations

import gzip
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.sources import iter_inputs
from quotetrace.records import Article, IngestFailure

NAMES = ["a.txt", "a.html", "a.jsonl", "a.xml", "a.rss", "a.warc", "a.warc.gz", "a.txt.gz", "a.urls"]
PREFIXES = [b"", b"<?xml version='1.0'?><rss version='2.0'><channel><item><link>", b"<html><body><p>",
            b'{"id": "1", "text": "', b"WARC/1.0\r\n", b"\x1f\x8b\x08\x00", b"<urlset><url><loc>"]


@settings(max_examples=int(os.environ.get("QT_FUZZ_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(NAMES), prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=400),
       compress=st.booleans())
def test_any_bytes_never_raise(name: str, prefix: bytes, body: bytes, compress: bool) -> None:
    data = prefix + body
    if compress and name.endswith(".gz"):
        data = gzip.compress(data)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(iter_inputs([str(path)], IngestOptions(language=False, timeout=0.2, rate=0)))
    for item in items:
        assert isinstance(item, (Article, IngestFailure))
        if isinstance(item, IngestFailure):
            # the reason names the input itself or, for a link inside it, the linked file or URL
            assert len(item.reason.splitlines()) == 1, item
            assert item.reason.startswith(item.source.splitlines()[0]), item
            assert item.source.startswith(folder) or "://" in item.source or "linked from" in item.reason, item
