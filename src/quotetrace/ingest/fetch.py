"""Polite HTTP fetching with httpx: timeouts, a size cap, a per-host rate, and bounded redirects.

Every failure is a ``FetchError`` naming the URL: ``HTTP 404``, ``timed out after 2.0 s``,
``redirect loop``, ``too many redirects``, ``response too large``. Redirects are followed by hand so
a loop is reported as a loop and each hop is rate-limited like any request.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from quotetrace.errors import FetchError
from quotetrace.ingest.encoding import megabytes
from quotetrace.ingest.options import IngestOptions

LOGGER = logging.getLogger(__name__)

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class Response:
    """A fetched body: the URL asked for, the URL it came from after redirects, its type and bytes."""

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes


class HostRateLimiter:
    """At most ``rate`` requests per second to any one host (thread-safe)."""

    def __init__(self, rate: float) -> None:
        self._interval = 1.0 / rate if rate > 0 else 0.0
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, url: str) -> None:
        if not self._interval:
            return
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + self._interval
        if start > now:
            time.sleep(start - now)


class Fetcher:
    """One HTTP client (connection pool, rate limiter) shared by every URL of an ingest run."""

    def __init__(self, options: IngestOptions = IngestOptions()) -> None:
        self.options = options
        self._limiter = HostRateLimiter(options.rate)
        self._client = httpx.Client(
            follow_redirects=False,
            timeout=httpx.Timeout(options.timeout),
            headers={"User-Agent": options.user_agent, "Accept": "text/html,application/xhtml+xml,"
                     "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/*;q=0.8,*/*;q=0.5"},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str) -> Response:
        """GET ``url`` following at most ``max_redirects`` redirects; raises FetchError."""
        seen = [url]
        current = url
        while True:
            status, location, response = self._get_once(url, current)
            if response is not None:
                return response
            assert location is not None
            target = urljoin(current, location)
            if target in seen:
                raise FetchError(url, f"redirect loop ({current} → {target})")
            if len(seen) > self.options.max_redirects:
                raise FetchError(url, f"too many redirects (more than {self.options.max_redirects})")
            LOGGER.debug("%s: HTTP %d → %s", current, status, target)
            seen.append(target)
            current = target

    def _get_once(self, url: str, current: str) -> tuple[int, str | None, Response | None]:
        """One request: (status, redirect target, None) for a redirect, else (status, None, Response)."""
        if urlsplit(current).scheme not in ("http", "https"):
            raise FetchError(url, f"not an http(s) URL: {current}")
        self._limiter.wait(current)
        deadline = time.monotonic() + self.options.timeout
        try:
            with self._client.stream("GET", current) as reply:
                if reply.status_code in _REDIRECTS and reply.headers.get("location"):
                    return reply.status_code, reply.headers["location"], None
                if reply.status_code >= 400:
                    raise FetchError(url, f"HTTP {reply.status_code} {reply.reason_phrase}".rstrip())
                declared = reply.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.options.max_bytes:
                    raise FetchError(url, self._too_large(int(declared)))
                chunks: list[bytes] = []
                total = 0
                for chunk in reply.iter_bytes():
                    total += len(chunk)
                    if total > self.options.max_bytes:
                        raise FetchError(url, self._too_large(total, more=True))
                    # A server trickling bytes never trips the read timeout; bound the whole download.
                    if time.monotonic() > deadline:
                        raise FetchError(url, f"timed out after {self.options.timeout:g} s (body too slow)")
                    chunks.append(chunk)
                content_type = reply.headers.get("content-type", "")
                return reply.status_code, None, Response(
                    url=url,
                    final_url=str(reply.url),
                    status=reply.status_code,
                    content_type=content_type.split(";")[0].strip().lower(),
                    charset=reply.charset_encoding,
                    body=b"".join(chunks),
                )
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out after {self.options.timeout:g} s") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"request failed ({type(exc).__name__}: {exc})") from exc

    def _too_large(self, size: int, more: bool = False) -> str:
        over = "over " if more else ""
        return f"response too large ({over}{megabytes(size)} MB > {megabytes(self.options.max_bytes)} MB limit)"
