"""HTML ingest vs plain trafilatura on the article-extraction benchmark (181 real pages).

Scores the way the benchmark's authors do (see its ABOUT.md): tokens ``\\w+``, word 4-gram
shingles with counts, per-page tp/fp/fn normalised by their sum, precision and recall averaged
over pages, F1 from the two means. Prints a table; asserts nothing.

    .venv/bin/python benchmarks/html_extraction.py [--data ../shared/data/article-extraction-benchmark]
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from quotetrace.errors import InputError
from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.readers.html import read_html

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "article-extraction-benchmark"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def page_scores(predicted: str, expected: str) -> tuple[float, float]:
    """Precision and recall of one page from shingle tp/fp/fn normalised by their sum."""
    pred, gold = shingles(predicted), shingles(expected)
    tp = sum((pred & gold).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    total = tp + fp + fn
    if total == 0:
        return 1.0, 1.0
    tp, fp, fn = tp / total, fp / total, fn / total
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def plain_trafilatura(html: str, url: str) -> str:
    return trafilatura.extract(html) or ""


def ours(html: str, url: str) -> str:
    try:
        return read_html(html, url, options=IngestOptions(language=False)).text
    except InputError:
        return ""


def ours_with_language(html: str, url: str) -> str:
    try:
        return read_html(html, url, options=IngestOptions(language=True)).text
    except InputError:
        return ""


def score(outputs: list[str], pages: list[tuple[str, str, str]]) -> tuple[float, float, float]:
    precisions, recalls = [], []
    for (key, _, _), text in zip(pages, outputs):
        p, r = page_scores(text, GROUND[key])
        precisions.append(p)
        recalls.append(r)
    precision = sum(precisions) / len(precisions)
    recall = sum(recalls) / len(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


GROUND: dict[str, str] = {}
EXTRACTORS: dict[str, Callable[[str, str], str]] = {
    "trafilatura.extract": plain_trafilatura,
    "quotetrace HTML ingest": ours,
    "quotetrace + language": ours_with_language,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3,
                        help="Timed runs per page and extractor, interleaved; each page counts its fastest run.")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # trafilatura logs every discarded page
    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, item in sorted(truth.items()):
        path = args.data / "html" / f"{key}.html.gz"
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        GROUND[key] = item["articleBody"]
        pages.append((key, html, item.get("url") or ""))
    # one untimed pass of every extractor: imports, lazy caches, lingua's per-language models
    outputs = {name: [func(html, url) for _, html, url in pages] for name, func in EXTRACTORS.items()}
    # Interleaved per-page minimum: the machine is shared, so load spikes must not favour either side.
    seconds = dict.fromkeys(EXTRACTORS, 0.0)
    for _, html, url in pages:
        for name, func in EXTRACTORS.items():
            best = float("inf")
            for _ in range(max(1, args.repeat)):
                started = time.perf_counter()
                func(html, url)
                best = min(best, time.perf_counter() - started)
            seconds[name] += best
    base = seconds["trafilatura.extract"]
    print(f"{len(pages)} pages from {args.data}; time = sum over pages of the fastest of {args.repeat} runs")
    print(f"{'extractor':<24} {'precision':>9} {'recall':>7} {'F1':>7} {'empty':>5} {'seconds':>8} {'× plain':>7}")
    for name in EXTRACTORS:
        precision, recall, f1 = score(outputs[name], pages)
        empty = sum(1 for text in outputs[name] if not text)
        print(f"{name:<24} {precision:>9.4f} {recall:>7.4f} {f1:>7.4f} {empty:>5d} "
              f"{seconds[name]:>8.2f} {seconds[name] / base:>7.2f}")


if __name__ == "__main__":
    main()
