"""Junk marking on real pages: what is marked, and how fast (prints figures; asserts nothing).

    .venv/bin/python benchmarks/junk_marking.py [--show]

Reads ../shared/data/article-extraction-benchmark in place (181 real pages with hand-made article
bodies). Two figures: lines marked in the hand-made bodies (these should be page furniture the
annotators kept, never article sentences: ``--show`` lists them for review), and lines marked in
trafilatura's extraction of the raw pages, with throughput.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

from quotetrace.ingest.clean import mark_junk

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction-benchmark"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every marked line")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"{DATA} not found")
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = [entry["articleBody"] for entry in truth.values()]
    lines = sum(1 for body in bodies for line in body.splitlines() if line.strip())
    marked = [(s.label, body[s.start:s.end].strip()) for body in bodies for s in mark_junk(body)]
    print(f"hand-made bodies: {len(marked)} of {lines} non-empty lines marked in {len(bodies)} articles")
    if args.show:
        for label, text in marked:
            print(f"   {label:>18}  {text[:100]}")
    extracted = []
    for key in truth:
        html = gzip.decompress((DATA / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        extracted.append(trafilatura.extract(html) or "")
    words = sum(len(text.split()) for text in extracted)
    lines = sum(1 for text in extracted for line in text.splitlines() if line.strip())
    start = time.perf_counter()
    spans = [mark_junk(text) for text in extracted]
    elapsed = time.perf_counter() - start
    labels = Counter(span.label for found in spans for span in found)
    print(f"trafilatura extractions: {sum(labels.values())} of {lines} non-empty lines marked; "
          f"{len(extracted) / elapsed:.0f} articles/s ({words / elapsed / 1e6:.2f} M words/s)")
    print("   by label: " + ", ".join(f"{label} {n}" for label, n in labels.most_common()))
    if args.show:
        for text, found in zip(extracted, spans, strict=True):
            for span in found:
                print(f"   {span.label:>18}  {text[span.start:span.end].strip()[:100]}")


if __name__ == "__main__":
    main()
