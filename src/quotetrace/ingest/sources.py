"""``iter_inputs``: files, folders and http(s) URLs in, Articles and IngestFailures out.

Dispatch by name (``.gz`` is looked through): ``.txt`` text, ``.html/.htm/.xhtml`` HTML,
``.jsonl/.ndjson`` JSONL, ``.warc`` WARC, ``.xml/.rss/.atom`` feed or sitemap (sniffed),
``*.urls``/``urls.txt`` URL list. URLs are fetched and sniffed (feed, sitemap, plain text or HTML).
Folders are walked recursively in sorted order; hidden entries, sidecar ``.json`` and ``.csv``
files and unknown types are skipped. Within a folder, index files (feeds, sitemaps, URL lists) go
first so their pages get the entries' metadata; every local file and URL is ingested at most once
per run. Nothing here raises for bad input: each problem is one ``IngestFailure`` whose reason
starts with the file, line or URL it is about.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Container, Iterator, Sequence
from functools import partial
from pathlib import Path

from quotetrace.errors import ConfigError, InputError
from quotetrace.ingest.encoding import decode_text, gunzip_bytes, read_body
from quotetrace.ingest.fetch import Fetcher, Response
from quotetrace.ingest.identity import normalise_url
from quotetrace.ingest.metadata import ArticleMeta, Manifest, read_sidecar
from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.readers.feeds import parse_feed
from quotetrace.ingest.readers.html import declared_charset, read_html
from quotetrace.ingest.readers.jsonl import iter_jsonl
from quotetrace.ingest.readers.links import Target, is_web_url, resolve_link
from quotetrace.ingest.readers.sitemaps import parse_sitemap, sniff_xml
from quotetrace.ingest.readers.text import read_text
from quotetrace.ingest.readers.urllist import is_url_list_name, iter_url_lines
from quotetrace.ingest.readers.warc import iter_warc
from quotetrace.records import Article, IngestFailure

LOGGER = logging.getLogger(__name__)

Item = Article | IngestFailure

_KINDS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc",
    ".xml": "xml", ".rss": "xml", ".atom": "xml",
}
_LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_INDEX_KINDS = frozenset({"xml", "urls"})
_MAX_SITEMAP_DEPTH = 3
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")


def input_kind(path: Path) -> str | None:
    """``text``, ``html``, ``jsonl``, ``warc``, ``xml`` or ``urls`` for a file name; None if unsupported."""
    return name_kind(path.name)


def name_kind(file_name: str) -> str | None:
    """``input_kind`` of a bare file name (a folder walk has names: no Path to build for each)."""
    if is_url_list_name(file_name):
        return "urls"
    name = file_name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return _KINDS.get(os.path.splitext(name)[1])


def iter_inputs(inputs: Sequence[str], options: IngestOptions = IngestOptions()) -> Iterator[Article | IngestFailure]:
    """Articles and failures from files, folders and http(s) URLs, streamed in a deterministic order."""
    run = _Run(options)
    try:
        if options.manifest is not None:
            try:
                run.manifest = Manifest.load(Path(options.manifest))
            except ConfigError as exc:
                yield IngestFailure(exc.path, str(exc))
        for item in inputs:
            for result in run.guarded(str(item), partial(run.input, str(item))):
                yield _one_line(result)
    finally:
        run.close()


def _one_line(item: Item) -> Item:
    """Failures from hostile input (a link with a newline in it) must still print on one line."""
    if isinstance(item, IngestFailure) and _LINE_BREAKS.search(item.reason):
        return IngestFailure(item.source, _LINE_BREAKS.sub(lambda m: repr(m.group())[1:-1], item.reason))
    return item


class _Run:
    """State of one ingest run: manifest, what was already ingested, the HTTP client (made lazily).

    "Already ingested" is kept without a per-file set for folders: a folder walk reads every file under it of a
    kind it reads (not hidden), so once done it is one root to test a later file's resolved path against;
    ``_seen`` holds only URLs and the files read otherwise (given by name, linked, index files, symlinks).
    """

    def __init__(self, options: IngestOptions) -> None:
        self.options = options
        self.manifest = Manifest.empty()
        self._seen: set[str] = set()
        self._walked: list[str] = []  # resolved roots of the folder walks done
        self._fetcher: Fetcher | None = None

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.options)
        return self._fetcher

    def guarded(self, source: str, produce: Callable[[], Iterator[Item]]) -> Iterator[Item]:
        """Run a producer, turning any error into one failure so a batch never stops on bad input."""
        try:
            yield from produce()
        except InputError as exc:
            yield IngestFailure(exc.source, str(exc))
        except Exception as exc:  # a reader bug or hostile input must not end the run
            LOGGER.warning("%s: unexpected error", source, exc_info=True)
            first = str(exc).splitlines()[0] if str(exc) else ""
            yield IngestFailure(source, f"{source}: unexpected error ({type(exc).__name__}: {first})")

    def _first_time(self, key: str, remember: bool = True) -> bool:
        """True the first time a URL or a file (by resolved path) comes up in this run."""
        if key in self._seen or self._walked_over(key):
            LOGGER.debug("%s: already ingested in this run", key)
            return False
        if remember:
            self._seen.add(key)
        return True

    def _walked_over(self, key: str) -> bool:
        """Whether a finished folder walk read the file at resolved path ``key``."""
        return any(_parts_below(root, key) is not None for root in self._walked)

    # --- dispatch -------------------------------------------------------------

    def input(self, item: str) -> Iterator[Item]:
        if is_web_url(item):
            yield from self.url(item.strip())
            return
        path = Path(item).expanduser()
        if path.is_dir():
            yield from self.folder(path)
        elif path.is_file():
            if input_kind(path) is None:
                yield IngestFailure(item, f"{item}: unsupported file type (expected .txt, .html, .jsonl, "
                                          ".warc, .xml/.rss/.atom, .urls, optionally .gz)")
            else:
                yield from self.file(path)
        else:
            yield IngestFailure(item, f"{item}: no such file or folder")

    def target(self, target: Target, fallback: ArticleMeta, index: str, depth: int = 0) -> Iterator[Item]:
        label = str(target)
        if isinstance(target, Path):
            if not target.is_file():
                yield IngestFailure(label, f"{label}: no such file (linked from {index})")
            else:
                yield from self.guarded(label, partial(self.file, target, fallback, depth))
        else:
            yield from self.guarded(label, partial(self.url, target, fallback, depth))

    def folder(self, root: Path) -> Iterator[Item]:
        """Index files (feeds, sitemaps, URL lists) first, then the rest; each in path order (sorted by
        components, hidden entries skipped, symlinked folders not followed). Two lazy walks: no file list."""
        resolved = str(root.resolve())
        for index_pass in (True, False):
            for entry, parts, sidecars in _walk(str(root), ()):
                if (name_kind(entry.name) in _INDEX_KINDS) != index_pass:
                    continue
                path = Path(entry.path)
                if entry.is_symlink():
                    key, remember = str(path.resolve()), True
                    target = _parts_below(resolved, key)
                    if target is not None and _walk_order(target) < _walk_order(parts):
                        LOGGER.debug("%s: already ingested in this run (as %s)", path, key)
                        continue  # this walk read the file it links to already
                else:  # no symlink on the way from the resolved root: its path is the resolved one
                    key, remember = os.sep.join((resolved, *parts)), index_pass
                yield from self.guarded(str(path), partial(self.file, path, key=key, remember=remember,
                                                           sidecars=sidecars))
        self._walked.append(resolved)

    def file(self, path: Path, fallback: ArticleMeta = ArticleMeta(), depth: int = 0, key: str | None = None,
             remember: bool = True, sidecars: Container[str] | None = None) -> Iterator[Item]:
        """``key``: the resolved path when the caller knows it; ``remember``: False for a folder's files, which the
        walk's root answers for once it is done; ``sidecars``: the ``.json`` file names of the folder, if listed."""
        if not self._first_time(key if key is not None else str(path.resolve()), remember):
            return
        kind = input_kind(path)
        source = str(path)
        meta = self.manifest.get(path).over(read_sidecar(path, sidecars))
        if kind == "jsonl":
            yield from iter_jsonl(path, meta, self.options)
            return
        if kind == "warc":
            yield from iter_warc(path, self.options)
            return
        body = read_body(path, self.options.max_bytes)
        if kind == "text":
            yield read_text(decode_text(body, source), source, meta.over(fallback), self.options)
        elif kind == "urls":
            yield from self.url_list(decode_text(body, source), source)
        elif kind == "xml":
            yield from self.index(body, source, path, depth)
        else:  # html, and files given by a feed or sitemap whatever their extension
            html = decode_text(body, source, declared_charset(body))
            yield read_html(html, source, meta, fallback, self.options)

    def url(self, url: str, fallback: ArticleMeta = ArticleMeta(), depth: int = 0) -> Iterator[Item]:
        if not self._first_time(normalise_url(url)):
            return
        response = self.fetcher.get(url)
        body = response.body
        if body[:2] == b"\x1f\x8b":  # served gzip file (sitemap.xml.gz), not transfer encoding
            body = gunzip_bytes(body, url, self.options.max_bytes)
        kind = sniff_xml(body) if _looks_like_xml(response, body) else "other"
        if kind != "other":
            yield from self.index(body, url, response.final_url, depth)
            return
        page = ArticleMeta(url=response.final_url).over(fallback)
        text = decode_text(body, url, response.charset or declared_charset(body))
        if response.content_type == "text/plain":
            yield read_text(text, url, page, self.options)
        else:
            yield read_html(text, url, fallback=page, options=self.options)

    # --- index files: feeds, sitemaps, URL lists ------------------------------

    def index(self, body: bytes, source: str, base: str | Path, depth: int) -> Iterator[Item]:
        kind = sniff_xml(body)
        if kind == "feed":
            for entry in parse_feed(body, source):
                target = resolve_link(entry.link, base)
                if target is None:
                    yield IngestFailure(source, f"{source}: unusable feed link {entry.link!r}")
                    continue
                yield from self.target(target, entry.meta, source)
        elif kind == "sitemap":
            sitemap = parse_sitemap(body, source)
            if sitemap.kind == "sitemapindex" and depth >= _MAX_SITEMAP_DEPTH:
                yield IngestFailure(source, f"{source}: sitemap index nested deeper than {_MAX_SITEMAP_DEPTH}")
                return
            for location in sitemap.locations:
                target = resolve_link(location, base)
                if target is None:
                    yield IngestFailure(source, f"{source}: unusable sitemap location {location!r}")
                    continue
                yield from self.target(target, ArticleMeta(), source, depth + 1)
        else:
            raise InputError(source, "XML that is neither an RSS/Atom feed nor a sitemap")

    def url_list(self, text: str, source: str) -> Iterator[Item]:
        for line in iter_url_lines(text, source):
            if isinstance(line, IngestFailure):
                yield line
            else:
                yield from self.target(line, ArticleMeta(), source)


def _parts_below(root: str, key: str) -> tuple[str, ...] | None:
    """The components of resolved path ``key`` below resolved folder ``root`` when a walk of ``root`` reads that
    file (not hidden, a kind it reads), else None."""
    if not key.startswith(root) or key[len(root):len(root) + 1] != os.sep:
        return None
    parts = tuple(key[len(root) + 1:].split(os.sep))
    if any(part.startswith(".") for part in parts) or name_kind(parts[-1]) is None:
        return None
    return parts


def _walk_order(parts: tuple[str, ...]) -> tuple[bool, tuple[str, ...]]:
    """Where a walk reads the file at ``parts``: index files first, then by components."""
    return name_kind(parts[-1]) not in _INDEX_KINDS, parts


def _walk(folder: str, parts: tuple[str, ...]) -> Iterator[tuple[os.DirEntry[str], tuple[str, ...], frozenset[str]]]:
    """(entry, its path components below the walk's root, the folder's ``.json`` file names) of each file with a
    name ``input_kind`` reads, in the order of sorted components, as ``os.walk`` sees them (errors skipped)."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted((entry for entry in listing if not entry.name.startswith(".")), key=lambda e: e.name)
    except OSError:
        return
    sidecars = frozenset(e.name for e in entries if e.name.lower().endswith(".json") and _is_file(e))
    for entry in entries:
        if _is_dir(entry):
            if not entry.is_symlink():  # os.walk does not follow linked folders
                yield from _walk(entry.path, (*parts, entry.name))
        elif name_kind(entry.name) is not None:
            yield entry, (*parts, entry.name), sidecars


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _looks_like_xml(response: Response, body: bytes) -> bool:
    if response.content_type in _FEED_TYPES or response.content_type.endswith("+xml"):
        return True
    return body[:200].lstrip().startswith(b"<?xml")
