"""Fixtures for ingest tests: fictional pages (clearly marked fiction) and a real local HTTP server."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

# FICTION: every person, place and quote below is invented for these tests.
PARAGRAPHS = (
    "The invented harbour town of Velmora opened its new footbridge on Tuesday after three years of work, "
    "the town council said in a statement that was read aloud to a crowd of several hundred residents.",
    "\u201cWe built this bridge for the children who will cross it long after we are gone,\u201d said Mayor "
    "Ilse Varga, a fictional character, as she cut a ribbon painted in the colours of the town flag.",
    "Engineers from the imaginary Northfold Institute said the span would carry ten thousand people a day, "
    "and that its lamps were powered by small turbines set into the river bed below the main arch.",
    "Critics on the council, including the invented councillor Piet Marsh, said the project had cost twice "
    "its budget. \u201cThe bridge is lovely, but the bill is not,\u201d Marsh told reporters afterwards.",
    "The council said it would publish a full account of the costs before the end of the year, and that the "
    "old ferry would keep running on Sundays for visitors who prefer the water to the view from above.",
)
ARTICLE_TITLE = "Fictional Velmora opens its footbridge"


def article_html(title: str = ARTICLE_TITLE, paragraphs: tuple[str, ...] = PARAGRAPHS, *,
                 author: str = "Mara Quill", date: str = "2024-03-05", site: str = "Velmora Courier",
                 canonical: str | None = None, charset: str = "utf-8") -> str:
    """A realistic news page (nav, article, footer) around fictional paragraphs."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}"><title>{title} | {site}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">
<meta name="author" content="{author}"><meta property="article:published_time" content="{date}T09:30:00Z">
{link}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1><p class="byline">By {author}</p>
{body}
</article>
<footer><p>Copyright the fictional Velmora Courier. All rights reserved.</p></footer></body></html>"""


NO_ARTICLE_HTML = """<!DOCTYPE html><html><head><title>Menu</title></head>
<body><nav><a href="/a">A</a> <a href="/b">B</a></nav><div></div></body></html>"""


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class LocalServer:
    base: str
    routes: dict[str, Route]
    hits: list[tuple[float, str]]

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str = b"", **kwargs: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **kwargs)  # type: ignore[arg-type]
        return self.url(path)


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    """A real ThreadingHTTPServer on 127.0.0.1 (port 0) serving whatever routes a test adds."""
    routes: dict[str, Route] = {}
    hits: list[tuple[float, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            hits.append((time.monotonic(), self.path))
            route = routes.get(self.path)
            if route is None:
                route = Route(status=404, body=b"not found", content_type="text/plain")
            if route.delay:
                time.sleep(route.delay)
            try:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield LocalServer(f"http://127.0.0.1:{server.server_address[1]}", routes, hits)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def make_page() -> Callable[..., str]:
    return article_html


@pytest.fixture
def fiction() -> tuple[str, tuple[str, ...]]:
    """The fictional article's title and paragraphs."""
    return ARTICLE_TITLE, PARAGRAPHS


@pytest.fixture
def no_article_html() -> str:
    return NO_ARTICLE_HTML
