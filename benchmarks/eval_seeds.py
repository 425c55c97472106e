"""Accuracy on real text: the five seed articles and the annotated real pages of the extraction benchmark.

Their gold is built at run time from offset-only expectations (tests/fixtures/seeds_expected.json,
tests/fixtures/realnews/*.json); the texts stay in ../shared. Runs the extractor, prints the eval table.

    .venv/bin/python benchmarks/eval_seeds.py [--seeds ../shared/seeds] [--misses 30] [--json]
                                              [--write-gold /tmp/seeds_gold.jsonl] [--news] [--realnews]

``--write-gold`` also writes the seeds gold JSONL (for ``quotetrace eval /tmp/seeds_gold.jsonl``; with
``--realnews`` the real pages' gold goes to ``realnews_`` + that name); ``--news`` adds the fictional
gold set tests/fixtures/gold/news.jsonl; ``--realnews`` adds the real pages (development set);
``--realnews-heldout`` the held-out real pages, whose misses are never printed (we do not tune on them).
Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rich.console import Console

from quotetrace.evaluate import evaluate, gold_from_expectations
from quotetrace.evaluate.gold import write_gold
from quotetrace.evaluate.report import print_report

REPO = Path(__file__).resolve().parents[1]
REALNEWS = REPO / "tests" / "fixtures" / "realnews"
REALNEWS_HELDOUT = REPO / "tests" / "fixtures" / "realnews_heldout"  # never tuned on: figures only
GROUND_TRUTH = REPO.parent / "shared" / "data" / "article-extraction-benchmark" / "ground-truth.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--expected", type=Path, default=REPO / "tests" / "fixtures" / "seeds_expected.json")
    parser.add_argument("--misses", type=int, default=30)
    parser.add_argument("--json", action="store_true", help="print the report(s) as JSON")
    parser.add_argument("--write-gold", type=Path, help="also write the seeds gold JSONL here")
    parser.add_argument("--news", action="store_true", help="also evaluate tests/fixtures/gold/news.jsonl")
    parser.add_argument("--realnews", action="store_true", help="also evaluate the annotated real pages")
    parser.add_argument("--only-realnews", action="store_true", help="evaluate the annotated real pages only")
    parser.add_argument("--realnews-heldout", action="store_true",
                        help="evaluate the held-out real pages (tests/fixtures/realnews_heldout; figures only, no misses)")
    args = parser.parse_args()

    gold = gold_from_expectations(args.expected, args.seeds)
    if args.write_gold:
        write_gold(gold, args.write_gold)
        print(f"wrote {args.write_gold}", file=sys.stderr)
    runs = [] if args.only_realnews else [("seeds", gold)]
    if args.realnews or args.only_realnews:
        real = [article for part in sorted(REALNEWS.glob("*.json")) for article in gold_from_expectations(part, GROUND_TRUTH)]
        if args.write_gold:
            write_gold(real, args.write_gold.with_name("realnews_" + args.write_gold.name))
        runs.append(("realnews", real))
    if args.realnews_heldout:
        held = [article for part in sorted(REALNEWS_HELDOUT.glob("*.json"))
                for article in gold_from_expectations(part, GROUND_TRUTH)]
        runs.append(("realnews-heldout", held))
    if args.news:
        runs.append(("news", REPO / "tests" / "fixtures" / "gold" / "news.jsonl"))  # type: ignore[arg-type]
    console = Console(width=max(Console().width, 110))
    for name, source in runs:
        began = time.perf_counter()
        report = evaluate(source, source=name)
        took = time.perf_counter() - began
        if args.json:
            print(json.dumps(report.as_dict(), ensure_ascii=False))
        else:
            print_report(report, console, 0 if name == "realnews-heldout" else args.misses)
            console.print(f"{name}: {report.articles} articles in {took:.2f} s (model load included on the first)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
