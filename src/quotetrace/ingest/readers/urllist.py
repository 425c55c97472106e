"""URL lists: a file named ``*.urls`` or exactly ``urls.txt`` holds one http(s) URL per line.

Only those names are URL lists, so an ordinary ``.txt`` article whose first lines happen to be
URLs is never mistaken for one. Blank lines and lines starting with ``#`` are skipped; any other
line that is not an http(s) URL is reported as ``file.urls:7: not an http(s) URL``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from quotetrace.ingest.readers.links import is_web_url
from quotetrace.records import IngestFailure


def is_url_list(path: Path) -> bool:
    return is_url_list_name(path.name)


def is_url_list_name(file_name: str) -> bool:
    name = file_name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(".urls") or name == "urls.txt"


def iter_url_lines(text: str, source: str) -> Iterator[str | IngestFailure]:
    """Each URL line as a string, each bad line as an IngestFailure naming file and line."""
    for number, line in enumerate(text.splitlines(), start=1):
        value = line.strip()
        if not value or value.startswith("#"):
            continue
        if is_web_url(value):
            yield value
        else:
            where = f"{source}:{number}"
            yield IngestFailure(where, f"{where}: not an http(s) URL")
