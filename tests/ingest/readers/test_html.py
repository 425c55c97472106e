from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from quotetrace.errors import InputError
from quotetrace.ingest.metadata import ArticleMeta
from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.readers.html import declared_charset, has_prose, read_html

OPTS = IngestOptions(language=False)


def test_metadata_precedence(make_page: Callable[..., str]) -> None:
    html = make_page(canonical="https://www.velmora-courier.example/bridge")
    user = ArticleMeta(outlet="Manifest outlet")
    feed = ArticleMeta(url="https://feeds.example/item?utm_source=rss", title="Feed title", authors=("Feed Author",))
    article = read_html(html, "page.html", user, feed, OPTS)
    assert article.outlet == "Manifest outlet"
    assert article.title == "Fictional Velmora opens its footbridge"  # the page beats the feed
    assert article.authors == ("Mara Quill",)
    assert article.url == "https://www.velmora-courier.example/bridge"  # canonical beats fetched URL


def test_domain_is_the_last_outlet_fallback(make_page: Callable[..., str]) -> None:
    html = make_page(site="").replace('<meta property="og:site_name" content="">', "")
    article = read_html(html, "x", fallback=ArticleMeta(url="https://www.tram-news.example/a"), options=OPTS)
    assert article.outlet in ("tram-news.example", "Velmora Courier")  # trafilatura may still infer a site name
    assert article.url == "https://www.tram-news.example/a"


def test_text_is_trafilatura_output_stripped(make_page: Callable[..., str],
                                             fiction: tuple[str, tuple[str, ...]]) -> None:
    article = read_html(make_page(), "p.html", options=OPTS)
    _, paragraphs = fiction
    assert article.text == article.text.strip()
    start = article.text.index(paragraphs[1])
    assert article.text[start : start + len(paragraphs[1])] == paragraphs[1]


@pytest.mark.parametrize("html", ["<html><body></body></html>", "<html><body><nav><a>Home</a></nav></body></html>",
                                  "<<<>>> not html at all"])
def test_no_article(html: str) -> None:
    with pytest.raises(InputError, match="no article text found"):
        read_html(html, "empty.html", options=OPTS)


def test_has_prose_and_declared_charset() -> None:
    assert not has_prose("Home\nNews\nSport")
    assert has_prose("This line is a real sentence with more than eight words in it.")
    assert has_prose("架空の町で新しい橋が開通したと町長が火曜日に発表しました。これは架空の記事です。")  # fiction
    assert not has_prose("ホーム\nニュース\nスポーツ")
    assert declared_charset(b'<html><head><meta charset="ISO-8859-1">') == "iso-8859-1"
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">') == "windows-1252"
    assert declared_charset(b"<html>") is None


# FICTION: invented names; each page exercises one way trafilatura's author pruning changes the answer.
AUTHOR_PAGES = [
    '<html><body><div class="sidebar"><span class="author">Sidebar Person</span></div>'
    '<div class="byline">By Oda Renn <time>5 March</time> in Velmora</div></body></html>',
    '<html><body><p class="byline">By Kell Anvers<span class="date">Tuesday</span>, staff</p></body></html>',
    '<html><body><figure><span class="author-name">Photo Credit</span></figure>'
    '<a rel="author" href="/o">Ulla Brenn</a></body></html>',
    '<html><body><div id="comments"><span class="author">A Commenter</span></div><p>No byline here.</p></body></html>',
    '<html><body><div class="author"><span class="title">x</span>Iv</div><span class="byl">Mats Olander</span>'
    '</body></html>',
]


@pytest.mark.parametrize("page", AUTHOR_PAGES)
def test_extract_author_equals_trafilaturas(page: str) -> None:
    from trafilatura.metadata import extract_author as trafilatura_author
    from trafilatura.utils import load_html

    from quotetrace.ingest.readers.html import extract_author

    tree = load_html(page)
    assert extract_author(tree) == trafilatura_author(load_html(page))


CANDIDATE_PAGES = [
    '<html><body><span><rel>me</rel>Ivo Dask</span><author>Ann Author</author><!-- a comment -->'
    '<div class="x author-name">Q R</div><h3 id="Author1">Z</h3><p itemprop="xauthorx">K</p>'
    '<b data-component="MyByline">B</b><?php echo 1 ?></body></html>',
    '<html><body><p class="">e</p><div class="byline"><rel>m<b>e</b></rel></div><a rel="me"><rel>me</rel></a>'
    '<span class="BBL">Fen Ollo</span><div id="zuozhe">Zu</div><h4 class="posted-by username">Ax</h4>'
    '<link rel="author" href="/a"><strong data-testid="AuthorCard">Card</strong><em class="Writer">W</em></body></html>',
]


def test_author_candidates_equal_the_xpaths(shared_dir: Path) -> None:
    """The one-pass candidate walk selects what trafilatura's AUTHOR_XPATHS select, in the same order."""
    import gzip

    from trafilatura.utils import load_html

    from quotetrace.ingest.readers.html import _AUTHOR_XPATHS, _ONE_PASS, _author_candidates

    assert _ONE_PASS  # trafilatura's expressions are the ones the walk reads
    real = sorted((shared_dir / "data" / "article-extraction-benchmark" / "html").glob("*.html.gz"))
    pages = AUTHOR_PAGES + CANDIDATE_PAGES + [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in real]
    for page in pages:
        tree = load_html(page)
        if tree is not None:
            assert _author_candidates(tree) == [list(expression(tree)) for expression in _AUTHOR_XPATHS], page[:80]


def test_extract_author_equals_trafilaturas_on_real_pages(shared_dir: Path) -> None:
    import gzip

    from trafilatura.metadata import extract_author as trafilatura_author
    from trafilatura.utils import load_html

    from quotetrace.ingest.readers.html import extract_author

    pages = sorted((shared_dir / "data" / "article-extraction-benchmark" / "html").glob("*.html.gz"))
    if not pages:
        pytest.skip("article-extraction benchmark data absent")
    found = 0
    for path in pages:
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        ours = extract_author(load_html(html))
        assert ours == trafilatura_author(load_html(html)), path.name
        found += ours is not None
    assert found > 10  # the comparison covers pages where an author is found, not only misses


def test_trafilatura_warnings_are_silenced_but_errors_still_pass(caplog: pytest.LogCaptureFixture) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    with pytest.raises(InputError, match="no article text found"):
        read_html("<html><body><nav><a>Home</a></nav></body></html>", "menu.html", options=OPTS)
    noisy = [r for r in caplog.records if r.name.split(".")[0] in ("trafilatura", "htmldate")]
    assert not [r for r in noisy if r.levelno < logging.ERROR]
    logging.getLogger("trafilatura.core").error("a real failure")  # errors still reach the handlers
    assert any(r.getMessage() == "a real failure" for r in caplog.records)


def test_load_html_parses_as_trafilatura(shared_dir: Path) -> None:
    """Our parser (C class lookup) gives trafilatura's tree: same markup, same extraction, on odd input too."""
    import gzip

    from lxml.html import HtmlElement, tostring
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html as trafilatura_load_html

    from quotetrace.ingest.readers.html import _options, load_html

    real = sorted((shared_dir / "data" / "article-extraction-benchmark" / "html").glob("*.html.gz"))[:40]
    odd = ["", "plain words, no markup", "<p>x</p>", '<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p>'
           "</body></html>", "<!DOCTYPE html>\n<html/>\n<body><form><input value='v'><label>L</label></form></body>"]
    pages = AUTHOR_PAGES + CANDIDATE_PAGES + odd + [gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
                                                     for p in real]
    for page in pages:
        ours, theirs = load_html(page), trafilatura_load_html(page)
        assert (ours is None) == (theirs is None), page[:80]
        if ours is None or theirs is None:
            continue
        assert all(isinstance(element, HtmlElement) for element in ours.iter() if isinstance(element.tag, str))
        assert tostring(ours) == tostring(theirs), page[:80]
        mine, plain = bare_extraction(ours, options=_options(None)), bare_extraction(theirs, options=_options(None))
        assert (mine and mine.text) == (plain and plain.text), page[:80]


REPAIR_CASES = [
    "<!DOCTYPE html><html><body><p>plain</p></body></html>",
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x\"/>\n<html><body>x</body></html>",
    "< ! doctype html/>\n<html/>\n<body>a\x0bb\x00c\x1fd\ufffee\uffff</body>",
    "<html lang='en' />\n<head></head><body>\tkeeps\ttabs\r\nand\nlines</body>",
    "\x08<html><body>\u00a0caf\u00e9 \u201cquoted\u201d \ud800 \x7f</body></html>",
    "no html at all \x0c",
    "",
]


def test_repair_html_equals_trafilaturas(shared_dir: Path) -> None:
    import gzip

    from trafilatura.utils import repair_faulty_html

    from quotetrace.ingest.readers.html import repair_html

    real = sorted((shared_dir / "data" / "article-extraction-benchmark" / "html").glob("*.html.gz"))
    pages = REPAIR_CASES + CANDIDATE_PAGES + [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in real]
    for page in pages:
        for html in (page, "\x01" + page, page + "\uffff"):
            beginning = html[:50].lower()
            assert repair_html(html, beginning) == repair_faulty_html(html, beginning), html[:80]
