"""HTML pages → Article with trafilatura (body text, title, authors, date, site name, canonical URL).

The Article text is exactly the text trafilatura extracts (stripped), so offsets into it are stable.
Comments are left out (they are not the article: +0.007 precision on the benchmark); tables are
kept; ``favor_recall`` is on, because a missed paragraph loses its quotes for good while junk is
flagged later by ``clean.py``, and because it is faster here (benchmarks/html_extraction.py); ``fast``
skips the external extractors' second opinion, which on that benchmark cost time and precision.
A page is ``no article text found`` when trafilatura returns nothing or only link-like scraps
(its baseline fallback returns a bare menu's link texts): see ``has_prose``.
"""

from __future__ import annotations

import logging
import re
from copy import copy, deepcopy
from functools import lru_cache
from typing import Any

from htmldate import find_date
from trafilatura import bare_extraction
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.metadata import (META_URL, extract_meta_json, extract_sitename, extract_title, extract_url,
                                  examine_meta, normalize_authors)
from lxml.etree import ElementDefaultClassLookup, XPath
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction, HTMLParser, fromstring
from trafilatura.settings import Document, Extractor
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, INVALID_XML_CHARS, is_dubious_html, trim
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS, REGEXP_NS

from quotetrace.errors import InputError
from quotetrace.ingest.assemble import build_article
from quotetrace.ingest.metadata import ArticleMeta, parse_authors, parse_date
from quotetrace.ingest.options import IngestOptions
from quotetrace.records import Article

LOGGER = logging.getLogger(__name__)
# trafilatura and htmldate warn about every page they discard or cannot date: a batch's output would drown in it.
# Our own skip reasons come back as IngestFailures and are printed by whoever runs the batch.
for _noisy in ("trafilatura", "htmldate"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# htmldate's extensive search scans the whole page for date-like strings: slow, rarely needed for news.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_REGEX_TEST = re.compile(r"re:test\((@[\w-]+), ('[^']*')\)")


def _guarded(expression: XPath) -> XPath:
    """``expression`` with each ``re:test(@a, 'p')`` behind ``@a and``: same matches (no pattern matches an empty
    string), but lxml calls Python's regex only for elements that have the attribute (1.5-3x faster)."""
    return XPath(_REGEX_TEST.sub(r"(\1 and re:test(\1, \2))", expression.path), namespaces={"re": REGEXP_NS})


_AUTHOR_XPATHS = [_guarded(expression) for expression in AUTHOR_XPATHS]
_AUTHOR_DISCARD_XPATHS = [_guarded(expression) for expression in AUTHOR_DISCARD_XPATHS]


def _parser() -> HTMLParser:
    """trafilatura's HTML parser settings with lxml's C class lookup: every element an ``HtmlElement`` (lxml.html's
    own lookup calls Python for each element object made, only to give form fields their own classes, which neither
    trafilatura nor htmldate use): ~5% of reading a page."""
    parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                        remove_pis=True)
    parser.set_element_class_lookup(ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
    return parser


_PARSER = _parser()


# The characters trafilatura's INVALID_XML_CHARS matches below U+0080, as UTF-8 bytes (the others: U+FFFE, U+FFFF).
_INVALID_XML_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def repair_html(html: str, beginning: str) -> str:
    """trafilatura's ``repair_faulty_html``, whose regex deleting the characters XML forbids scans the whole page:
    here it runs only when a byte test finds one (2.5x faster on the pages that have none, nearly all)."""
    data = html.encode("utf-8", "surrogatepass")
    if len(data.translate(None, _INVALID_XML_BYTES)) != len(data) or "\ufffe" in html or "\uffff" in html:
        html = INVALID_XML_CHARS.sub("", html)
    if "doctype" in beginning:  # the rest as trafilatura does it
        firstline, _, rest = html.partition("\n")
        html = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    return html


def load_html(html: str) -> HtmlElement | None:
    """trafilatura's ``load_html`` of a decoded page, parsed with ``_PARSER``: the same tree."""
    beginning = html[:50].lower()
    html = repair_html(html, beginning)
    tree: HtmlElement | None = None
    try:
        tree = fromstring(html, parser=_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        pass
    except Exception as err:  # noqa: BLE001 - as trafilatura: lxml raises many types on hostile markup
        LOGGER.debug("lxml parsing failed: %s", err)
    if tree is None or len(tree) < 1:
        try:
            tree = fromstring(html.encode("utf8", "surrogatepass"), parser=_PARSER)
        except Exception as err:  # noqa: BLE001
            LOGGER.debug("lxml parser bytestring %s", err)
            tree = None
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None  # not (well-formed) HTML at all
    return tree


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its start, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace").lower() if match else None


def has_prose(text: str) -> bool:
    """True when some line reads like a sentence (60+ characters or 8+ words), not a menu item.

    Lines without spaces (Chinese, Japanese) count from 30 characters.
    """
    for line in text.splitlines():
        line = line.strip()
        if len(line) >= 60 or len(line.split()) >= 8 or (len(line) >= 30 and " " not in line):
            return True
    return False


def _near_discarded() -> tuple[XPath, XPath] | None:
    """XPaths telling whether an element, one above it (first) or one below it (second) is a section
    ``AUTHOR_DISCARD_XPATHS`` discards: asked of the few author candidates instead of listing every discarded
    section of the page. None when trafilatura's expressions are not of the shape this rewrites."""
    first, second = (expression.path.strip() for expression in AUTHOR_DISCARD_XPATHS)
    names = [part.strip()[2:] for part in second.split("|")]
    if not first.startswith(".//*[") or not all(part.strip().startswith("//") and name.isalpha()
                                                 for part, name in zip(second.split("|"), names)):
        return None
    test = _REGEX_TEST.sub(r"(\1 and re:test(\1, \2))", first[len(".//*"):])
    # ``.//*`` never matches the root itself: ``[parent::*]`` keeps it out of the ancestors.
    above = " | ".join([f"ancestor-or-self::*[parent::*]{test}", *(f"ancestor-or-self::{n}" for n in names)])
    below = " | ".join([f"descendant::*{test}", *(f"descendant::{n}" for n in names)])
    return (XPath(f"boolean({above})", namespaces={"re": REGEXP_NS}),
            XPath(f"boolean({below})", namespaces={"re": REGEXP_NS}))


_NEAR_DISCARDED = _near_discarded()


# trafilatura's AUTHOR_XPATHS as this module reads them in one pass over the page (``_author_candidates``):
# used only while trafilatura's expressions are exactly these, whitespace aside.
_KNOWN_AUTHOR_XPATHS = (
    "//*[self::a or self::address or self::div or self::link or self::p or self::span or self::strong][ "
    "@rel='author' or @id='author' or @class='author' or @itemprop='author name' or rel='me' or "
    "@data-testid='AuthorCard' or @data-testid='AuthorURL' or "
    "re:test(@class, 'author-?name|AuthorName|authorName')]|//author",
    "//*[self::a or self::div or self::h3 or self::h4 or self::p or self::span][ "
    "@class='byline' or @class='username' or @class='byl' or @class='BBL' or contains(@itemprop, 'author') or "
    "re:test(@id, 'author|zuozhe|bianji|xiaobian') or "
    "re:test(@class, 'author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name')]",
    "//*[ contains(@data-component, 'Byline') or contains(@itemprop, 'author') or re:test(@id, '[Aa]uthor') or "
    "re:test(@class, '[Aa]uthor|screenname|writer|[Bb]yline')]",
)
_ONE_PASS = tuple(" ".join(e.path.split()) for e in AUTHOR_XPATHS) == tuple(
    " ".join(p.split()) for p in _KNOWN_AUTHOR_XPATHS)
_TAGS_1 = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_TAGS_2 = frozenset({"a", "div", "h3", "h4", "p", "span"})
_CLASS_1 = re.compile("author-?name|AuthorName|authorName")
_ID_2 = re.compile("author|zuozhe|bianji|xiaobian")
_CLASS_2 = re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_CLASS_EQ_2 = frozenset({"byline", "username", "byl", "BBL"})
_ID_3 = re.compile("[Aa]uthor")
_CLASS_3 = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")


# A class or id none of the patterns above can match (most of them) needs no further test.
_MAYBE_CLASS = re.compile("uthor|[Nn]ame|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|screenname|writer"
                          "|[Bb]yline|^byl$|^BBL$")
_MAYBE_ID = re.compile("uthor|zuozhe|bianji|xiaobian")


def _author_candidates(tree: Any) -> list[list[Any]]:
    """The elements each of trafilatura's AUTHOR_XPATHS selects, in document order, from one walk of the page
    (3x faster than the three XPaths): most elements have no attributes, most classes hold no author word."""
    first: list[Any] = []
    second: list[Any] = []
    third: list[Any] = []
    seen_rel = False
    for element in tree.getroottree().getroot().iter():
        tag = element.tag
        attrib = element.attrib
        if not attrib:
            if tag == "author":
                first.append(element)
            elif tag == "rel":
                seen_rel = True
            continue
        if not isinstance(tag, str):  # comments and processing instructions are no elements to XPath's ``*``
            continue
        if tag == "rel":
            seen_rel = True
        cls, ident, itemprop = attrib.get("class"), attrib.get("id"), attrib.get("itemprop")
        if cls is not None and _MAYBE_CLASS.search(cls) is None:
            cls_1 = cls_2 = cls_3 = False
        else:
            cls_1 = cls is not None and _CLASS_1.search(cls) is not None
            cls_2 = cls is not None and _CLASS_2.search(cls) is not None
            cls_3 = cls is not None and _CLASS_3.search(cls) is not None
        if ident is not None and _MAYBE_ID.search(ident) is None:
            id_2 = id_3 = False
        else:
            id_2 = ident is not None and _ID_2.search(ident) is not None
            id_3 = ident is not None and _ID_3.search(ident) is not None
        by_itemprop = itemprop is not None and "author" in itemprop
        if tag == "author" or (tag in _TAGS_1 and (
                cls_1 or attrib.get("rel") == "author" or ident == "author" or cls == "author"
                or itemprop == "author name" or attrib.get("data-testid") in ("AuthorCard", "AuthorURL"))):
            first.append(element)
        if tag in _TAGS_2 and (cls_2 or id_2 or by_itemprop or cls in _CLASS_EQ_2):
            second.append(element)
        if cls_3 or id_3 or by_itemprop or "Byline" in attrib.get("data-component", ""):
            third.append(element)
    if seen_rel:  # ``rel='me'`` (a <rel> child reading "me"), which pages do not use: let the XPath answer
        first = list(_AUTHOR_XPATHS[0](tree))
    return [first, second, third]


def extract_author(tree: Any) -> str | None:
    """trafilatura's ``extract_author`` without copying and pruning the whole page: same result.

    Its XPaths test an element's own name and attributes (and a ``<rel>`` child, a tag pages do not use), so
    pruning only removes candidates (those inside a discarded section); only a candidate holding a discarded
    section is copied and pruned. Tested equal to trafilatura's on the 181 benchmark pages.
    """
    if _NEAR_DISCARDED is None:
        discarded = {element for expression in _AUTHOR_DISCARD_XPATHS for element in expression(tree)}
    candidates = _author_candidates(tree) if _ONE_PASS else (expression(tree) for expression in _AUTHOR_XPATHS)
    for elements in candidates:
        for element in elements:
            if _NEAR_DISCARDED is not None:
                if _NEAR_DISCARDED[0](element):
                    continue
                holds_discarded = bool(_NEAR_DISCARDED[1](element))
            else:
                if element in discarded or any(above in discarded for above in element.iterancestors()):
                    continue
                holds_discarded = any(below in discarded for below in element.iterdescendants())
            if holds_discarded:
                element = prune_unwanted_nodes(deepcopy(element), AUTHOR_DISCARD_XPATHS)
            content = trim(" ".join(element.itertext()))
            if content and 2 < len(content) < 120:
                return normalize_authors(None, content)
    return None


def _metadata(tree: Any, url: str | None) -> Document:
    """trafilatura's ``extract_metadata`` without the parts we never use (categories, tags, licence),
    which took a third of its time on real pages."""
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception as err:  # noqa: BLE001 - trafilatura's JSON-LD parser has bugs; the meta tags still count
        LOGGER.debug("JSON-LD metadata unreadable: %s", err)
    metadata.title = metadata.title or extract_title(tree)
    metadata.author = metadata.author or extract_author(tree)
    metadata.url = metadata.url or extract_url(tree, url)
    metadata.date = find_date(tree, url=metadata.url, **_DATE_PARAMS)
    if not metadata.sitename:
        metadata.sitename = extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")
        if metadata.sitename and "." not in metadata.sitename and not metadata.sitename[0].isupper():
            metadata.sitename = metadata.sitename.title()
    elif metadata.url and (match := META_URL.match(metadata.url)):
        metadata.sitename = match[1]
    return metadata


@lru_cache(maxsize=1)
def _extractor() -> Extractor:
    """trafilatura's options for our extraction, built once (building them reads its config: ~50 µs a page)."""
    return Extractor(
        output_format="python",
        with_metadata=False,
        comments=False,
        tables=True,
        recall=True,
        fast=True,  # no readability/jusText comparison: faster and F1 0.9632 vs 0.9593 with it (html_extraction.py)
    )


def _options(url: str | None) -> Extractor:
    options = copy(_extractor())  # a shallow copy per page: only the page's URL differs
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


def _extract(html: str, url: str | None) -> Any:
    tree = load_html(html)  # parsed once: metadata reads it, extraction works on a copy
    if tree is None:
        return None
    metadata = _metadata(tree, url)
    document = bare_extraction(tree, url=url, options=_options(url))
    if document is None:
        return None
    for name in ("url", "sitename", "title", "date", "author"):
        setattr(document, name, getattr(metadata, name))
    return document


def extract_document(html: str, url: str | None = None) -> tuple[str, ArticleMeta] | None:
    """Body text and page metadata of an HTML page, or None when it holds no article."""
    document = _extract(html, url)
    text = (document.text or "").strip() if document is not None else ""
    if document is None or not has_prose(text):
        return None
    canonical = document.url if isinstance(document.url, str) and document.url.startswith("http") else None
    meta = ArticleMeta(
        url=canonical,
        outlet=document.sitename or None,
        title=document.title or None,
        published=parse_date(document.date),
        authors=parse_authors(document.author),
        language=document.language or None,
    )
    return text, meta


def read_html(
    html: str,
    source: str,
    meta: ArticleMeta = ArticleMeta(),
    fallback: ArticleMeta = ArticleMeta(),
    options: IngestOptions = IngestOptions(),
) -> Article:
    """An Article from an HTML page.

    ``meta`` (manifest, sidecar) overrides what the page says; ``fallback`` (feed entry, the URL it
    was fetched from) fills what the page leaves out. Raises ``InputError`` when there is no article.
    """
    try:
        found = extract_document(html, meta.url or fallback.url)
    except Exception as exc:  # trafilatura/lxml raise many types on hostile markup; one page must not stop a batch
        LOGGER.debug("%s: extraction error", source, exc_info=True)
        raise InputError(source, f"HTML extraction failed ({type(exc).__name__})") from exc
    if found is None:
        raise InputError(source, "no article text found")
    text, page = found
    # Precedence: user metadata > the page's own (its canonical URL beats the URL we fetched) > fallback.
    return build_article(text, source, meta.over(page).over(fallback), options)
