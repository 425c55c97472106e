"""Ingest throughput and memory: articles/s per core and peak RSS for .txt folders, JSONL and HTML folders at
several corpus sizes (with RSS growth per 1k articles), and HTML ingest time against plain
``trafilatura.extract`` on the same pages (issue #2: within 1.3x), small generated pages and real ones.
Two more peers put that ratio in context: trafilatura reading each file inside its timing (our ingest reads
its files), and trafilatura with the extraction settings our reader uses (its defaults also run a
readability/jusText comparison, which ours skips).

Articles are built from the sentences of ``examples/corpus`` (shuffled, numbered, ~3-5 KB each, so every
article is distinct and none is a near duplicate); without the demo corpus, from generated fiction.
Each measurement runs in a fresh process (one core: the pipeline is single-threaded) into a fresh SQLite file.

    .venv/bin/python benchmarks/ingest_throughput.py [--sizes 1000,5000,10000] [--html 1000] [--rounds 3] [--stages]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
_SENTENCE = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])")
_TAG = re.compile(r"<[^>]+>")

HTML_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a>
<a href="/subscribe">Subscribe</a></nav></header>
<main><article><h1>{title}</h1><p class="byline">By A. Benchmark, {date}</p>
{paragraphs}
</article><aside><h2>Most read</h2><ul><li><a href="/a">Another story</a></li><li><a href="/b">And one more</a>
</li></ul></aside></main><footer><p>Copyright The Benchmark Gazette. All rights reserved.</p></footer></body></html>
"""


def sentence_pool() -> list[str]:
    """Sentences of the demo corpus texts (tags stripped), or generated fiction when it is absent."""
    pool: list[str] = []
    for path in sorted(CORPUS.glob("*")) if CORPUS.is_dir() else []:
        if path.suffix in (".txt", ".html"):
            text = _TAG.sub(" ", path.read_text(encoding="utf-8", errors="replace"))
            pool.extend(s.strip() for s in _SENTENCE.split(" ".join(text.split())) if 40 <= len(s.strip()) <= 400)
    if len(pool) < 50:
        towns = ["Norvik", "Skerra", "Varnholm", "Ostby", "Lunde"]
        pool = [f"The council of {towns[i % 5]} said on day {i} that item {i * 7} of the plan would be reviewed, "
                f'and its chair added: "We will publish the figures soon."' for i in range(400)]
    return pool


def make_articles(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """``n`` distinct (title, text) pairs of ~3-5 KB."""
    rng = random.Random(seed)
    pool = sentence_pool()
    out = []
    for i in range(n):
        target = rng.randint(3000, 5000)
        paras, size = [], 0
        while size < target:
            para = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 4)))
            paras.append(para)
            size += len(para) + 2
        paras.insert(rng.randint(0, len(paras)), f"This is benchmark article number {i} of {n}.")
        out.append((f"Benchmark story {i}", "\n\n".join(paras)))
    return out


def write_inputs(folder: Path, n: int) -> dict[str, Path]:
    articles = make_articles(n)
    txt = folder / f"txt{n}"
    txt.mkdir()
    for i, (_title, text) in enumerate(articles):
        (txt / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
    jsonl = folder / f"corpus{n}.jsonl"
    with jsonl.open("w", encoding="utf-8") as out:
        for i, (title, text) in enumerate(articles):
            out.write(json.dumps({"id": f"b{i}", "url": f"https://bench{i % 5}.invalid/news/{i}",
                                  "outlet": f"bench{i % 5}.invalid", "title": title, "text": text}) + "\n")
    return {"txt": txt, "jsonl": jsonl}


def write_html(folder: Path, n: int, name: str = "html") -> Path:
    html = folder / f"{name}{n}"
    html.mkdir()
    for i, (title, text) in enumerate(make_articles(n, seed=11)):
        paragraphs = "\n".join(f"<p>{p}</p>" for p in text.split("\n\n"))
        (html / f"p{i:05d}.html").write_text(HTML_PAGE.format(title=title, date="2026-03-10",
                                                              paragraphs=paragraphs), encoding="utf-8")
    return html


def child_ingest(path: str) -> None:
    """Runs in a fresh process: ingest ``path`` into a fresh SQLite store; print timing and peak RSS."""
    from quotetrace.ingest.options import IngestOptions
    from quotetrace.ingest.pipeline import ingest
    from quotetrace.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        first = min(p for p in Path(path).iterdir() if p.is_file()) if Path(path).is_dir() else Path(path)
        warm = Store.open(str(Path(tmp) / "warm.db"))  # lazy imports and first-call set-up, as trafilatura's below
        ingest([str(first)], warm, IngestOptions(language=False))
        warm.close()
        store = Store.open(str(Path(tmp) / "bench.db"))
        start = time.perf_counter()
        summary = ingest([path], store, IngestOptions(language=False))
        elapsed = time.perf_counter() - start
        stored = store.count_articles()
        store.close()
    print(json.dumps({"seconds": elapsed, "ingested": summary.ingested, "stored": stored,
                      "near": summary.near_duplicates, "skipped": len(summary.skipped),
                      "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


# Peers, each timed over the same pages: trafilatura.extract with its defaults on pages read beforehand (issue #2's
# yardstick), the same reading each file inside the timing (as our ingest of a folder must), and trafilatura.extract
# with the extraction settings our HTML reader uses (readers/html.py: fast, favor_recall, no comments, tables).
PEERS = {
    "trafilatura": ({}, False),
    "trafilatura-reading": ({}, True),
    "trafilatura-our-settings": ({"fast": True, "favor_recall": True, "include_comments": False,
                                  "include_tables": True}, False),
}


def child_trafilatura(folder: str, kind: str = "trafilatura") -> None:
    import trafilatura

    settings, reading = PEERS[kind]
    paths = sorted(Path(folder).glob("*.html"))
    pages = [p.read_bytes() for p in paths]  # trafilatura decodes, as we do
    trafilatura.extract(pages[0], **settings)  # warm-up, as for our side
    start = time.perf_counter()
    if reading:
        extracted = sum(1 for path in paths if trafilatura.extract(path.read_bytes(), **settings))
    else:
        extracted = sum(1 for page in pages if trafilatura.extract(page, **settings))
    print(json.dumps({"seconds": time.perf_counter() - start, "extracted": extracted}))


def write_real_pages(folder: Path, data: Path) -> Path | None:
    """The article-extraction benchmark's real pages, decompressed into ``folder`` (None when absent)."""
    source = data / "html"
    if not source.is_dir():
        return None
    pages = folder / "real"
    pages.mkdir()
    for path in sorted(source.iterdir()):
        body = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        (pages / path.name.removesuffix(".gz")).write_bytes(body)
    return pages


def compare_html(label: str, folder: Path, rounds: int) -> float:
    """Ours and the trafilatura peers on the same pages, alternating, fastest of ``rounds`` each; returns the
    ratio to plain ``trafilatura.extract`` (defaults, pages read beforehand: issue #2's yardstick)."""
    runs: dict[str, list[float]] = {"ingest": [], **{peer: [] for peer in PEERS}}
    first: dict[str, float] = {}  # our first run: pages, stored, peak RSS
    for _ in range(rounds):
        for kind in runs:
            result = run_child("--child", kind, str(folder))
            runs[kind].append(result["seconds"])
            if kind == "ingest" and not first:
                first = result
    best = {kind: min(times) for kind, times in runs.items()}
    ours, pages = best["ingest"], int(first["ingested"])

    def spread(kind: str) -> str:
        return f"{min(runs[kind]):.2f}-{max(runs[kind]):.2f} s"

    print(f"\nHTML, {label}: quotetrace ingest {ours:.2f} s ({pages / ours:.0f} pages/s, {int(first['stored'])} "
          f"stored, peak RSS {first['maxrss_mb']:.0f} MB; runs {spread('ingest')}); trafilatura.extract alone "
          f"{best['trafilatura']:.2f} s (runs {spread('trafilatura')}); ratio {ours / best['trafilatura']:.2f}x "
          f"(fastest of {rounds}, alternating)", flush=True)
    print(f"  other peers: trafilatura.extract reading each file in the timing {best['trafilatura-reading']:.2f} s "
          f"(ratio {ours / best['trafilatura-reading']:.2f}x); with our reader's settings (fast, favor_recall, "
          f"no comments) {best['trafilatura-our-settings']:.2f} s (ratio {ours / best['trafilatura-our-settings']:.2f}x)",
          flush=True)
    return ours / best["trafilatura"]


def child_stages(folder: str) -> None:
    """Runs in a fresh process: seconds per stage of the HTML path over ``folder``'s pages (fastest of 3)."""
    import trafilatura

    from quotetrace.ingest.boilerplate import BoilerplateLearner, candidate_lines
    from quotetrace.ingest.clean import mark_junk
    from quotetrace.ingest.dedup import minhash_signature
    from quotetrace.ingest.encoding import decode_text
    from quotetrace.ingest.options import IngestOptions
    from quotetrace.ingest.readers import html as reader

    pages = [decode_text(p.read_bytes(), p.name) for p in sorted(Path(folder).glob("*.html"))]
    options = IngestOptions(language=False)
    articles = [reader.read_html(page, f"p{i}", options=options) for i, page in enumerate(pages)]
    learner = BoilerplateLearner()
    for article in articles:
        learner.observe(article.outlet, article.text)

    def best(run: Callable[[], object]) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        return min(times)


    trees = [reader.load_html(page) for page in pages]
    normalised = [candidate_lines(article.text) for article in articles]  # as the pipeline: the learner did it
    stages = {
        "trafilatura.extract (plain)": lambda: [trafilatura.extract(page) for page in pages],
        "read_html (parse, extract, metadata, Article)": lambda: [
            reader.read_html(page, "p", options=options) for page in pages],
        "  of which page metadata": lambda: [reader._metadata(tree, None) for tree in trees],
        "boilerplate learner (normalises the lines)": lambda: [
            BoilerplateLearner().observe(a.outlet, a.text) for a in articles],
        "mark_junk (lines normalised already)": lambda: [
            mark_junk(a.text, learner.lines_for(a.outlet), n) for a, n in zip(articles, normalised)],
        "MinHash signatures": lambda: [minhash_signature(a.text) for a in articles],
    }
    print(json.dumps({name: best(run) for name, run in stages.items()}))


def run_child(*args: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--html", type=int, default=1000, help="small HTML pages for the trafilatura comparison")
    parser.add_argument("--rounds", type=int, default=3, help="HTML comparison rounds (fastest counts)")
    parser.add_argument("--stages", action="store_true", help="also time each stage of the HTML path")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "article-extraction-benchmark")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path = args.child
        if kind in PEERS:
            child_trafilatura(path, kind)
        else:
            {"ingest": child_ingest, "stages": child_stages}[kind](path)
        return
    sizes = [int(s) for s in args.sizes.split(",") if s]
    kinds = ("txt", "jsonl", "html")
    print("quotetrace ingest into a fresh SQLite file, one process (one core), each run in a fresh process")
    print(f"{'input':<8}{'articles':>10}{'stored':>9}{'seconds':>10}{'articles/s/core':>17}{'peak RSS MB':>13}")
    rss: dict[str, list[tuple[int, float]]] = {kind: [] for kind in kinds}
    ratios: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            inputs = write_inputs(Path(tmp), n)
            inputs["html"] = write_html(Path(tmp), n)
            for kind in kinds:
                r = run_child("--child", "ingest", str(inputs[kind]))
                rss[kind].append((n, r["maxrss_mb"]))
                print(f"{kind:<8}{n:>10}{int(r['stored']):>9}{r['seconds']:>10.1f}{n / r['seconds']:>17.0f}"
                      f"{r['maxrss_mb']:>13.0f}", flush=True)
        if len(sizes) > 1:
            print(f"\npeak RSS growth per 1k articles, {sizes[0]} to {sizes[-1]} articles (issue #2: flat): " + ", ".join(
                f"{kind} {(points[-1][1] - points[0][1]) / ((points[-1][0] - points[0][0]) / 1000):+.2f} MB"
                f" ({points[0][1]:.0f} -> {points[-1][1]:.0f} MB)" for kind, points in rss.items()))
        if args.html:
            generated = write_html(Path(tmp), args.html, "small")
            ratios[f"{args.html} small generated pages"] = compare_html(
                f"{args.html} small generated pages", generated, args.rounds)
            if args.stages:
                print(f"  stages on the {args.html} generated pages (fastest of 3, one process; the store's "
                      "SQLite + FTS5 writes and its near-duplicate lookups are the rest):")
                for name, seconds in run_child("--child", "stages", str(generated)).items():
                    print(f"    {name:<48}{seconds:>7.2f} s", flush=True)
        real = write_real_pages(Path(tmp), args.data)
        if real is not None:
            ratios["181 real pages"] = compare_html("181 real pages of the article-extraction benchmark", real,
                                                    args.rounds)
    if ratios:
        print("\nHTML ingest time / plain trafilatura.extract time (issue #2: <= 1.3x): "
              + ", ".join(f"{label} {ratio:.2f}x" for label, ratio in ratios.items()))


if __name__ == "__main__":
    main()
