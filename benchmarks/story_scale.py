"""Scale benchmark for streaming story clustering (prints figures, asserts nothing).

A synthetic year of news (fiction, generated here): events with their own places, people and
topic words, each covered by 1-15 articles over a few days by different outlets, on top of shared
background vocabulary; some topics recur (same words, new event months later). Each size runs in a
fresh process on one core; we print wall time, articles/s, peak RSS, growth ratios and pairwise
P/R/F1 against the generator's events.

    .venv/bin/python benchmarks/story_scale.py                 # 6.25k, 12.5k, 25k, 50k articles
    .venv/bin/python benchmarks/story_scale.py --sizes 5000
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

from quotetrace.link.stories import StoryClusterer, pairwise_scores
from quotetrace.records import Article

SYLLABLES = ["ka", "lo", "mi", "ren", "tos", "vel", "dan", "sho", "ri", "pa", "mel", "gor", "ti", "nu", "bar",
             "zel", "kov", "len", "har", "mor", "vin", "ost", "ela", "dro", "ush", "ber", "fal", "qui", "sen"]


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def build_corpus(n_articles: int, span_days: float = 365.0, seed: int = 5) -> tuple[list[Article], dict[str, str]]:
    """Articles in date order and the truth: article id -> event."""
    rng = random.Random(seed)
    background = [word(rng) for _ in range(5000)]
    cumulative = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(background))))
    # Recurring subjects: topic words plus the people and places that come back with them.
    topics = [([word(rng) for _ in range(6)], [word(rng).capitalize() for _ in range(3)]) for _ in range(300)]
    start = datetime(2030, 1, 1, tzinfo=timezone.utc)
    rows: list[tuple[datetime, Article, str]] = []
    event = 0
    while len(rows) < n_articles:
        topic, regulars = rng.choice(topics)
        entities = rng.sample(regulars, 2) + [word(rng).capitalize() for _ in range(2)]
        specific = [word(rng) for _ in range(6)]
        day0 = start + timedelta(days=rng.uniform(0, span_days))
        for _ in range(min(rng.randint(1, 15), n_articles - len(rows))):
            when = day0 + timedelta(hours=rng.uniform(0, 72))
            title_words = rng.sample(topic, 2) + rng.sample(specific, 2) + [rng.choice(entities)]
            length = rng.randint(150, 400)
            body = rng.choices(background, cum_weights=cumulative, k=length)
            for i in range(length):
                roll = rng.random()
                if roll < 0.04:
                    body[i] = rng.choice(entities)
                elif roll < 0.07:
                    body[i] = rng.choice(specific)
                elif roll < 0.15:
                    body[i] = rng.choice(topic)
            title = " ".join(title_words).capitalize()
            aid = f"a{len(rows):06d}"
            text = title + "\n\n" + " ".join(body) + "."
            rows.append((when, Article(aid, text, "bench", outlet=f"outlet{rng.randrange(30)}", title=title,
                                       published=when), f"e{event}"))
        event += 1
    rows.sort(key=lambda r: (r[0], r[1].id))
    return [r[1] for r in rows], {r[1].id: r[2] for r in rows}


def run_one(n_articles: int, per_day: float | None) -> dict[str, float]:
    articles, truth = build_corpus(n_articles, n_articles / per_day if per_day else 365.0)
    clusterer = StoryClusterer()
    t0 = time.perf_counter()
    for article in articles:
        clusterer.add(article)
    stories = clusterer.stories()
    elapsed = time.perf_counter() - t0
    p, r, f = pairwise_scores(truth, clusterer.assignments())
    return {"articles": len(articles), "events": len(set(truth.values())), "stories": len(stories),
            "seconds": elapsed, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "p": p, "r": r, "f1": f}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[6_250, 12_500, 25_000, 50_000])
    parser.add_argument("--per-day", type=float, default=None,
                        help="articles per day (the span grows with the size); default: every size spans one year")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.per_day)))
        return
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    rows = []
    print(f"{'articles':>8} {'events':>7} {'stories':>7} {'seconds':>8} {'art/s':>7} {'peak MB':>8} "
          f"{'P':>6} {'R':>6} {'F1':>6}")
    for size in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(size)]  # single-threaded: one core
        if args.per_day:
            cmd += ["--per-day", str(args.per_day)]
        row = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True,
                                        env=env).stdout.strip().splitlines()[-1])
        rows.append(row)
        print(f"{row['articles']:>8} {row['events']:>7} {row['stories']:>7} {row['seconds']:>8.1f} "
              f"{row['articles'] / row['seconds']:>7.0f} {row['rss_mb']:>8.0f} {row['p']:>6.3f} {row['r']:>6.3f} "
              f"{row['f1']:>6.3f}", flush=True)
    for prev, cur in zip(rows, rows[1:]):
        print(f"{prev['articles']} -> {cur['articles']} articles (x{cur['articles'] / prev['articles']:.1f}): "
              f"time x{cur['seconds'] / prev['seconds']:.2f}, peak RSS x{cur['rss_mb'] / prev['rss_mb']:.2f}")


if __name__ == "__main__":
    main()
