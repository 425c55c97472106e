"""Write the static HTML report: an index, a page per story, per speaker and per utterance.

Templates live in ``templates/`` (Jinja2, autoescape on for every page); ``report.css`` is copied
beside ``index.html``. Links between pages are relative, so the folder can be moved or zipped.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from quotetrace.compare.framing import Lexicon, load_lexicon
from quotetrace.compare.outlets import outlet_of
from quotetrace.compare.story import StoryComparison
from quotetrace.compare.timeline import speaker_timeline
from quotetrace.records import Article, Quote, Speaker, Story, Utterance
from quotetrace.report.highlight import article_pieces, diff_pieces

if TYPE_CHECKING:
    from quotetrace.report.source import IndexFacts, ReportSource

LOGGER = logging.getLogger(__name__)

PALETTE_SIZE = 8  # highlight colours in report.css (.hl-0 ... .hl-7)
TOP_UTTERANCES = 25
_SAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, as records (read from the store by the caller)."""

    articles: Mapping[str, Article]
    quotes: Mapping[str, Quote]
    speakers: Sequence[Speaker]
    utterances: Sequence[Utterance]
    stories: Sequence[Story]
    lexicon: Lexicon = field(default_factory=load_lexicon)
    title: str = "quotetrace report"


def page_name(kind: str, record_id: str) -> str:
    """Relative path of a record's page (ids reduced to safe file-name characters)."""
    return f"{kind}/{_SAFE_ID.sub('_', record_id)}.html"


def safe_href(url: str | None) -> str | None:
    """The URL when it is http(s), else None: a ``javascript:`` link from an article is never emitted."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def link_label(url: str) -> str:
    """Short link text: the host and the start of the path."""
    parts = urlsplit(url)
    label = (parts.hostname or "").removeprefix("www.") + parts.path
    return label if len(label) <= 48 else label[:47] + "…"


def _date(when: datetime | None) -> str:
    return when.strftime("%Y-%m-%d") if when else "undated"


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("quotetrace.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["date"] = _date
    env.filters["safe_href"] = safe_href
    env.filters["link_label"] = link_label
    return env


class _Corpus:
    """Indexes over the report data of one page (or of the whole corpus, for in-memory data)."""

    def __init__(self, data: ReportData, story_of: Mapping[str, str] | None = None) -> None:
        self.data = data
        self.speaker = {s.id: s for s in data.speakers}
        self.utterance = {u.id: u for u in data.utterances}
        self.utterance_of = {qid: u.id for u in data.utterances for qid in u.quote_ids}
        self.quotes_by_article: dict[str, list[Quote]] = defaultdict(list)
        self.quotes_by_speaker: dict[str, list[Quote]] = defaultdict(list)
        for quote in data.quotes.values():
            self.quotes_by_article[quote.article_id].append(quote)
            if quote.speaker_id:
                self.quotes_by_speaker[quote.speaker_id].append(quote)
        self.story_of: Mapping[str, str] = (story_of if story_of is not None else
                                            {a: s.id for s in data.stories for a in s.article_ids})

    def speaker_name(self, speaker_id: str | None) -> str:
        speaker = self.speaker.get(speaker_id or "")
        return speaker.name if speaker else "(unknown speaker)"

    def outlets_of(self, utterance: Utterance) -> list[str]:
        outlets = {outlet_of(self.data.articles[q.article_id]) for qid in utterance.quote_ids
                   if (q := self.data.quotes.get(qid)) is not None and q.article_id in self.data.articles}
        return sorted(outlets)


def write_report(out_dir: str | Path, data: ReportData | ReportSource) -> Path:
    """Write the report folder and return the path of its ``index.html``.

    ``data`` is either everything in memory (``ReportData``) or a source that loads one page's records
    at a time (``quotetrace.report.source.StoreSource``): then no more than one story's texts are held.
    """
    from quotetrace.report.source import MemorySource

    source = MemorySource(data) if isinstance(data, ReportData) else data
    out = Path(out_dir)
    for sub in ("stories", "speakers", "utterances"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    css = resources.files("quotetrace.report").joinpath("static", "report.css")
    with resources.as_file(css) as css_path:
        shutil.copyfile(css_path, out / "report.css")
    env = _environment()
    coverage_rows: dict[str, int] = {}
    n_stories = n_speakers = n_utterances = 0
    for page, comparison in source.story_pages():
        story = page.data.stories[0]
        coverage_rows[story.id] = len(comparison.coverage.utterance_ids)
        corpus = _Corpus(page.data, page.story_of)
        _write(env, "story.html", out / page_name("stories", story.id), _story_context(corpus, story, comparison))
        n_stories += 1
    for page in source.speaker_pages():
        corpus = _Corpus(page.data, page.story_of)
        for speaker in page.data.speakers:
            _write(env, "speaker.html", out / page_name("speakers", speaker.id), _speaker_context(corpus, speaker))
            n_speakers += 1
    for page in source.utterance_pages():
        corpus = _Corpus(page.data, page.story_of)
        for utterance in page.data.utterances:
            _write(env, "utterance.html", out / page_name("utterances", utterance.id),
                   _utterance_context(corpus, utterance))
            n_utterances += 1
    index = out / "index.html"
    _write(env, "index.html", index, _index_context(source.title, source.index_facts(coverage_rows, TOP_UTTERANCES)))
    LOGGER.info("report: %d stories, %d speakers, %d utterances in %s", n_stories, n_speakers, n_utterances, out)
    return index


def _write(env: Environment, template: str, path: Path, context: dict[str, Any]) -> None:
    path.write_text(env.get_template(template).render(**context), encoding="utf-8")


def _base(title: str, root: str, page_title: str) -> dict[str, Any]:
    return {"root": root, "report_title": title, "page_title": page_title, "page_name": page_name}


def top_utterances(data: ReportData, limit: int = TOP_UTTERANCES) -> list[tuple[Utterance, list[str]]]:
    """Utterances carried by the most outlets (then most quotes, earliest), with their outlets."""
    corpus = _Corpus(data)
    return rank_utterances(((u, corpus.outlets_of(u)) for u in data.utterances), limit)


def rank_utterances(with_outlets: Iterable[tuple[Utterance, list[str]]], limit: int) -> list[tuple[Utterance, list[str]]]:
    """Most outlets first, then most quotes, then id; only utterances some outlet carried."""
    ranked = sorted(with_outlets, key=lambda uo: (-len(uo[1]), -len(uo[0].quote_ids), uo[0].id))
    return [uo for uo in ranked[:limit] if len(uo[1]) >= 1]


def _index_context(title: str, facts: IndexFacts) -> dict[str, Any]:
    return {
        **_base(title, "", title),
        "counts": facts.counts,
        "kinds": facts.kinds,
        "stories": list(facts.stories),
        "speakers": list(facts.speakers),
        "top": list(facts.top),
    }


def _story_context(corpus: _Corpus, story: Story, comparison: StoryComparison) -> dict[str, Any]:
    data = corpus.data
    coverage = comparison.coverage
    # One colour per statement carried by two or more outlets, the same in every column.
    shared = [u for u in coverage.utterance_ids if len(coverage.outlets_carrying(u)) >= 2]
    colour_of = {u: i % PALETTE_SIZE for i, u in enumerate(shared)}
    columns = []
    for outlet in coverage.outlets:
        items = []
        for article in sorted((data.articles[a] for a in story.article_ids if a in data.articles
                               and outlet_of(data.articles[a]) == outlet), key=lambda a: (a.published or datetime.max, a.id)):
            pieces = article_pieces(article.text, corpus.quotes_by_article.get(article.id, ()), article.junk,
                                    corpus.utterance_of, colour_of)
            items.append({"article": article, "pieces": pieces})
        columns.append({"outlet": outlet, "articles": items})
    rows = []
    for utterance_id in coverage.utterance_ids:
        utterance = corpus.utterance[utterance_id]
        rows.append({"utterance": utterance, "speaker": corpus.speaker_name(utterance.speaker_id),
                     "cells": coverage.row(utterance_id), "colour": colour_of.get(utterance_id)})
    omissions: dict[str, dict[str, list[tuple[Any, str]]]] = defaultdict(lambda: {"wide": [], "single": []})
    for omission in coverage.omissions:
        # Statements several other outlets carried first; the one-outlet ones fold away.
        bucket = "wide" if len(omission.carried_by) >= 2 else "single"
        omissions[omission.outlet][bucket].append((omission, corpus.speaker_name(omission.speaker_id)))
    verbs = [(corpus.speaker_name(s), s, comparison.verbs.for_speaker(s)) for s in comparison.verbs.speakers()]
    terms = [(g, comparison.terms.for_group(g)) for g in comparison.terms.groups()]
    return {
        **_base(data.title, "../", story.title),
        "story": story, "outlets": coverage.outlets, "columns": columns,
        "shared_rows": [r for r in rows if r["colour"] is not None],
        "single_rows": [r for r in rows if r["colour"] is None],
        "omissions": [(o, omissions[o]) for o in coverage.outlets],
        "verbs": verbs, "terms": terms, "term_outlets": comparison.terms.outlets,
    }


def _speaker_context(corpus: _Corpus, speaker: Speaker) -> dict[str, Any]:
    data = corpus.data
    quotes = corpus.quotes_by_speaker.get(speaker.id, [])
    utterances = [corpus.utterance[u] for u in dict.fromkeys(corpus.utterance_of.get(q.id, "") for q in quotes)
                  if u in corpus.utterance]
    timeline = speaker_timeline(speaker.id, quotes, data.articles, utterances)
    return {**_base(data.title, "../", speaker.name), "speaker": speaker, "entries": timeline.entries,
            "story_of": corpus.story_of}


def _utterance_context(corpus: _Corpus, utterance: Utterance) -> dict[str, Any]:
    data = corpus.data
    variants = []
    for variant in utterance.variants:
        article = data.articles.get(variant.article_id)
        quote = data.quotes.get(variant.quote_id)
        variants.append({"variant": variant, "article": article, "pieces": diff_pieces(variant.diff),
                         "cue": quote.cue.lemma if quote and quote.cue else None,
                         "venue": quote.context.venue if quote else None,
                         "story_id": corpus.story_of.get(variant.article_id)})
    return {**_base(data.title, "../", utterance.canonical_text[:60]), "utterance": utterance,
            "speaker": corpus.speaker.get(utterance.speaker_id or ""), "variants": variants,
            "outlets": corpus.outlets_of(utterance)}
