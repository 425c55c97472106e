"""Time the comparison + HTML report on a synthetic corpus (fictional records, no NLP).

Usage: .venv/bin/python benchmarks/report_scale.py [--stories 200] [--outlets 5] [--quotes 8]
Prints pages written and seconds; never asserts timings.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import datetime, timedelta

from quotetrace.compare.framing import load_lexicon
from quotetrace.link.diff import is_altered, word_diff
from quotetrace.records import Article, Cue, Quote, Speaker, Story, Utterance, Variant
from quotetrace.report.build import ReportData, write_report

WORDS = "harbour bridge council budget vote tariff grain river storm school clinic road rail port".split()


def synthetic(stories: int, outlets: int, quotes: int) -> ReportData:
    articles, all_quotes, utterances, story_list = {}, {}, [], []
    speakers = [Speaker(f"sp{i}", f"Speaker Number{i}") for i in range(50)]
    base = datetime(2031, 1, 1)
    for s in range(stories):
        article_ids = []
        statements = [" ".join(WORDS[(s + k + j) % len(WORDS)] for j in range(12)) for k in range(quotes)]
        groups: dict[int, list[Quote]] = {k: [] for k in range(quotes)}
        for o in range(outlets):
            aid = f"a{s}-{o}"
            parts, spans = [f"Story {s} headline\n\n"], []
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--outlets", type=int, default=5)
    parser.add_argument("--quotes", type=int, default=8)
    args = parser.parse_args()
    data = synthetic(args.stories, args.outlets, args.quotes)
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        index = write_report(out, data)
        seconds = time.perf_counter() - started
        pages = sum(1 for _ in index.parent.rglob("*.html"))
    print(f"articles {len(data.articles)}  quotes {len(data.quotes)}  utterances {len(data.utterances)}  "
          f"stories {len(data.stories)}")
    print(f"report: {pages} pages in {seconds:.2f} s ({pages / seconds:.0f} pages/s)")


if __name__ == "__main__":
    main()
