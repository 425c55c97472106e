"""Time the comparison + HTML report on a synthetic corpus (fictional records, no NLP).

Usage: .venv/bin/python benchmarks/report_scale.py [--stories 200] [--outlets 5] [--quotes 8] [--padding 0]
       [--source memory|store-all|store]
``memory``: records built in memory, compared and rendered (the original figure).
``store-all``: records written to a temp SQLite store, the whole corpus loaded back (``load_report_data``),
then rendered: what ``report --out`` did before the compare stage was stored.
``store``: the compare stage stores every story's comparison, then the report reads the store story by story.
Prints pages, seconds and the peak Python memory (tracemalloc, a second timed-apart pass) of the
report step; never asserts timings.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import tempfile
import time
import tracemalloc
from datetime import datetime, timedelta
from pathlib import Path

from quotetrace.compare.framing import load_lexicon
from quotetrace.link.diff import is_altered, word_diff
from quotetrace.records import Article, Cue, Quote, Speaker, Story, Utterance, Variant
from quotetrace.compare.stage import compare_stories
from quotetrace.report.build import ReportData, write_report
from quotetrace.report.source import StoreSource
from quotetrace.run import load_report_data
from quotetrace.store import Store

WORDS = "harbour bridge council budget vote tariff grain river storm school clinic road rail port".split()


def synthetic(stories: int, outlets: int, quotes: int, padding: int = 0) -> ReportData:
    articles, all_quotes, utterances, story_list = {}, {}, [], []
    speakers = [Speaker(f"sp{i}", f"Speaker Number{i}") for i in range(50)]
    base = datetime(2031, 1, 1)
    for s in range(stories):
        article_ids = []
        statements = [" ".join(WORDS[(s + k + j) % len(WORDS)] for j in range(12)) for k in range(quotes)]
        groups: dict[int, list[Quote]] = {k: [] for k in range(quotes)}
        for o in range(outlets):
            aid = f"a{s}-{o}"
            filler = " ".join(WORDS[(s * 7 + o + j) % len(WORDS)] for j in range(padding))
            parts, spans = [f"Story {s} headline\n\n{filler}\n\n"], []
            for k, statement in enumerate(statements):
                if (k + o) % 3 == 2:
                    continue  # this outlet leaves the statement out
                text = statement if o % 2 == 0 else statement.replace(WORDS[0], "seaport")
                lead = f"Some Kiev regime context sentence {k}. \""
                start = sum(map(len, parts)) + len(lead)
                parts.append(f"{lead}{text},\" Speaker Number{k % 50} said.\n\n")
                spans.append((k, start, start + len(text), text))
            body = "".join(parts)
            articles[aid] = Article(aid, body, f"synthetic/{aid}.txt", url=f"https://o{o}.example/{aid}",
                                    outlet=f"Outlet {o}", title=f"Story {s} headline",
                                    published=base + timedelta(days=s // 10, hours=o))
            article_ids.append(aid)
            for k, start, end, text in spans:
                q = Quote(f"q{s}-{o}-{k}", aid, text, start, end, "direct", speaker_id=f"sp{k % 50}",
                          cue=Cue("say", "said", 0, 0))
                all_quotes[q.id] = q
                groups[k].append(q)
        for k, qs in groups.items():
            canonical = qs[0].text
            variants = tuple(Variant(q.id, q.article_id, articles[q.article_id].outlet, q.text, q.kind,
                                     d := word_diff(canonical, q.text), is_altered(d)) for q in qs)
            utterances.append(Utterance(f"u{s}-{k}", f"sp{k % 50}", canonical, tuple(q.id for q in qs), variants))
        story_list.append(Story(f"s{s}", f"Story {s} headline", tuple(article_ids),
                                outlets=tuple(f"Outlet {o}" for o in range(outlets))))
    return ReportData(articles, all_quotes, speakers, utterances, story_list, load_lexicon())


def _to_store(data: ReportData, path: str) -> Store:
    """Write the synthetic records into a SQLite store the way the pipeline stages do."""
    store = Store.open(path)
    store.write_articles(data.articles.values())
    by_article: dict[str, list[Quote]] = {a: [] for a in data.articles}
    for quote in data.quotes.values():
        by_article[quote.article_id].append(dataclasses.replace(quote, speaker_id=None))
    with store.transaction():
        for aid, quotes in by_article.items():
            store.replace_quotes(aid, quotes, [])
    store.replace_link_results(data.speakers, data.utterances, data.stories,
                               {q.id: q.speaker_id for q in data.quotes.values() if q.speaker_id})
    return store


def _render(source: str, data_or_store: ReportData | Store, out: str) -> Path:
    if isinstance(data_or_store, ReportData):
        return write_report(out, data_or_store)
    if source == "store-all":
        return write_report(out, load_report_data(data_or_store))
    return write_report(out, StoreSource(data_or_store))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--outlets", type=int, default=5)
    parser.add_argument("--quotes", type=int, default=8)
    parser.add_argument("--padding", type=int, default=0, help="filler words per article (real ones: ~600)")
    parser.add_argument("--source", choices=("memory", "store-all", "store"), default="memory")
    args = parser.parse_args()
    data = synthetic(args.stories, args.outlets, args.quotes, args.padding)
    print(f"articles {len(data.articles)}  quotes {len(data.quotes)}  utterances {len(data.utterances)}  "
          f"stories {len(data.stories)}  text {sum(len(a.text) for a in data.articles.values()) / 1e6:.1f} MB  "
          f"source {args.source}")
    with tempfile.TemporaryDirectory() as tmp:
        target: ReportData | Store = data
        if args.source != "memory":
            target = _to_store(data, f"{tmp}/q.db")
            del data
            gc.collect()
            started = time.perf_counter()
            summary = compare_stories(target, load_lexicon())
            print(f"compare stage: {summary.compared} stories stored in {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        index = _render(args.source, target, f"{tmp}/out1")
        seconds = time.perf_counter() - started
        pages = sum(1 for _ in index.parent.rglob("*.html"))
        tracemalloc.start()
        _render(args.source, target, f"{tmp}/out2")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        if isinstance(target, Store):
            target.close()
    print(f"report: {pages} pages in {seconds:.2f} s ({pages / seconds:.0f} pages/s); "
          f"peak Python memory while reporting {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
