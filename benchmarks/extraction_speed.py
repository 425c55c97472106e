"""Extraction speed: quotetrace's extractor against textacy's direct_quotations, one core each.

Both run the same articles through spaCy (textacy: the FULL pipeline on every word, nlp.pipe;
quotetrace: only the sentences that can hold a quote or a cue). Each side runs in its own
process so that its peak RSS is its own. Prints articles/s per core, the ratio and peak RSS.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/extraction_speed.py [--articles 1000] [--corpus DIR]

Articles come from ``examples/corpus`` (``*.txt`` / ``*.jsonl``, replicated to the requested count)
when it holds any, else from a generator of fictional news text with quotes (seeded, reproducible).
``--corpus ../shared/data/article-extraction-benchmark/ground-truth.json`` runs on the 181 real
article bodies of the extraction benchmark (replicated): real news, far less quote-dense than the
demo corpus, which was written to hold a quote or a cue in nearly every sentence.

quotetrace's pipeline multiplies matrices through numpy's BLAS rather than thinc's BLIS
(``quotetrace.nlp.model.use_numpy_gemm``); textacy runs spaCy as shipped. ``--textacy-numpy-gemm``
gives textacy's pipeline the same products, for a comparison of the extraction work alone.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]

# fictional names, places and bodies for generated text
FIRST = "Anna Boris Carla Daniel Elena Farid Greta Hugo Ines Jonas Kira Lukas Maya Nikolai Olga Pavel Rosa Stefan Tara Viktor".split()
LAST = "Lindqvist Moreau Okafor Petrenko Quist Ramos Sato Tanaka Ulrich Varga Weber Xu Yilmaz Zoric Brandt Castell Dumas Eriksen Falk Grau".split()
TITLES = ["Foreign Minister", "Defence Minister", "President", "Prime Minister", "spokeswoman", "spokesman",
          "Mayor", "Senator", "Governor", "central bank chief", "union leader"]
ORGS = ["the ministry", "the Kremlin", "the agency", "the commission", "the council", "the company", "the army"]
PLACES = "Valdoria Northmere Ostrava Kelby Marrow Tessin Haldor Brevik Caldera Dunmore".split()
NOUNS = "budget border harbour railway election pipeline treaty strike reform bridge ceasefire tariff".split()
ADJS = "fragile historic costly divisive unexpected modest sweeping temporary".split()
VERBS = ["said", "told reporters", "added", "insisted", "warned", "stressed", "acknowledged", "noted"]
FILLER = [
    "The {noun} in {place} has been {adj} since {year}, and officials expect further delays.",
    "Traffic through {place} fell by {n} percent last month as the {noun} dispute dragged on.",
    "Residents of {place} gathered near the {noun} on {day}, many of them carrying flags.",
    "The {noun} was first proposed in {year} but stalled after a {adj} vote in parliament.",
    "Shares of regional carriers rose {n} percent in early trading on {day}.",
    "Neighbouring {place} has taken a {adj} approach to the {noun} over the past decade.",
    "Construction crews worked through the night to finish the {noun} before the deadline.",
    "Analysts had expected a {adj} outcome, given the weak economic data from {place}.",
]
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def _fill(rng: random.Random, template: str) -> str:
    return template.format(noun=rng.choice(NOUNS), place=rng.choice(PLACES), adj=rng.choice(ADJS),
                           year=rng.randint(1990, 2023), n=rng.randint(2, 40), day=rng.choice(DAYS))


def generated_article(rng: random.Random) -> str:
    """One fictional news article (~450 words) mixing narrative, direct, partial and reported speech."""
    people = [(rng.choice(TITLES), f"{rng.choice(FIRST)} {rng.choice(LAST)}") for _ in range(3)]
    paras = [f"{rng.choice(PLACES)} {rng.choice(NOUNS)} talks {rng.choice(['stall', 'resume', 'collapse'])}"]
    for i in range(rng.randint(9, 14)):
        title, name = rng.choice(people)
        surname = name.split()[-1]
        kind = rng.random()
        if kind < 0.35:
            paras.append(" ".join(_fill(rng, rng.choice(FILLER)) for _ in range(rng.randint(2, 3))))
        elif kind < 0.55:
            paras.append(f"“{_fill(rng, rng.choice(FILLER))} We will not accept a {rng.choice(ADJS)} deal,” "
                         f"{surname} {rng.choice(VERBS)}. {_fill(rng, rng.choice(FILLER))}")
        elif kind < 0.7:
            paras.append(f"{title} {name} {rng.choice(VERBS)} on {rng.choice(DAYS)} that the {rng.choice(NOUNS)} "
                         f"would be {rng.choice(ADJS)} for {rng.choice(PLACES)}. {_fill(rng, rng.choice(FILLER))}")
        elif kind < 0.8:
            paras.append(f"{rng.choice(ORGS).capitalize()} called the plan “{rng.choice(ADJS)} and "
                         f"{rng.choice(ADJS)}” in a statement, while {_fill(rng, rng.choice(FILLER)).lower()}")
        elif kind < 0.9:
            paras.append(f"According to {name}, the {rng.choice(NOUNS)} will cost {rng.randint(2, 90)} million "
                         f"euros. “It is the price of peace,” she said.")
        else:
            paras.append(_fill(rng, rng.choice(FILLER)) + " " + _fill(rng, rng.choice(FILLER)))
    return "\n\n".join(paras)


def corpus_texts(corpus: Path) -> list[str]:
    texts: list[str] = []
    if corpus.is_file() and corpus.suffix == ".json":  # the extraction benchmark's ground-truth.json
        bodies = json.loads(corpus.read_text(encoding="utf-8"))
        return [entry["articleBody"] for _, entry in sorted(bodies.items()) if entry.get("articleBody")]
    if corpus.is_dir():
        for path in sorted(corpus.rglob("*")):
            if path.suffix == ".txt":
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
            elif path.suffix == ".jsonl":
                for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                    try:
                        record = json.loads(line)
                    except json.JSONDecodeError:
                        continue
                    if isinstance(record, dict) and isinstance(record.get("text"), str):
                        texts.append(record["text"])
    return texts


def articles(n: int, corpus: Path) -> tuple[list[str], str]:
    base = corpus_texts(corpus)
    if base:
        return [base[i % len(base)] for i in range(n)], f"{corpus} ({len(base)} texts, replicated)"
    rng = random.Random(1234)
    return [generated_article(rng) for _ in range(n)], "generated fictional news"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_side(side: str, n: int, corpus: Path, numpy_gemm: bool = False) -> dict[str, float]:
    """Run one side in this process and return its figures."""
    texts, _ = articles(n, corpus)
    words = sum(len(t.split()) for t in texts)
    if side == "textacy":
        import spacy
        from textacy.extract.triples import direct_quotations

        from quotetrace import settings

        nlp = spacy.load(settings.spacy_model())
        if numpy_gemm:
            from quotetrace.nlp.model import use_numpy_gemm

            use_numpy_gemm(nlp)
        t0 = time.perf_counter()
        found = bailed = 0
        for doc in nlp.pipe(texts, batch_size=32, n_process=1):
            try:
                found += sum(1 for _ in direct_quotations(doc))
            except ValueError:  # textacy gives up on an odd number of quotation marks
                bailed += 1
        elapsed = time.perf_counter() - t0
        return {"articles": n, "words": words, "seconds": elapsed, "quotes": found, "peak_rss_mb": _peak_rss_mb(),
                "bailed": bailed}
    else:
        from quotetrace.nlp.pipeline import Extractor
        from quotetrace.records import Article

        extractor = Extractor()
        t0 = time.perf_counter()
        found = 0
        for result in extractor.extract_many(
                (Article(id=str(i), text=t, source="bench") for i, t in enumerate(texts)), batch_size=32):
            found += len(result.quotes)
        elapsed = time.perf_counter() - t0
    return {"articles": n, "words": words, "seconds": elapsed, "quotes": found, "peak_rss_mb": _peak_rss_mb()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=REPO / "examples" / "corpus")
    parser.add_argument("--rounds", type=int, default=4, help="alternating rounds (articles split evenly)")
    parser.add_argument("--textacy-numpy-gemm", action="store_true",
                        help="textacy's spaCy multiplies through numpy's BLAS too (default: BLIS, as shipped)")
    parser.add_argument("--side", choices=["textacy", "quotetrace"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        print(json.dumps(run_side(args.side, args.articles, args.corpus, args.textacy_numpy_gemm)))
        return
    _, source = articles(min(args.articles, 5), args.corpus)
    print(f"articles: {args.articles} in {args.rounds} alternating rounds, from {source}; OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}, n_process=1; "
          f"textacy's matrix products: {'numpy' if args.textacy_numpy_gemm else 'BLIS (as shipped)'}")
    # the sides alternate in rounds so that load from other processes hits both alike
    results: dict[str, dict[str, float]] = {}
    per_round = max(1, args.articles // args.rounds)
    ratios = []
    for _ in range(args.rounds):
        round_seconds = {}
        for side in ("textacy", "quotetrace"):
            out = subprocess.run([sys.executable, __file__, "--side", side, "--articles", str(per_round),
                                  "--corpus", str(args.corpus)] + (["--textacy-numpy-gemm"] if args.textacy_numpy_gemm else []),
                                 capture_output=True, text=True, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            round_seconds[side] = r["seconds"]
            acc = results.setdefault(side, {"articles": 0, "words": 0, "seconds": 0.0, "quotes": 0, "peak_rss_mb": 0.0,
                                            "bailed": 0})
            for key in ("articles", "words", "seconds", "quotes", "bailed"):
                acc[key] += r.get(key, 0)
            acc["peak_rss_mb"] = max(acc["peak_rss_mb"], r["peak_rss_mb"])
        ratios.append(round_seconds["textacy"] / round_seconds["quotetrace"])
    for side, r in results.items():
        print(f"{side:10s}: {r['articles'] / r['seconds']:7.1f} articles/s/core  {r['words'] / r['seconds']:8.0f} words/s  "
              f"{r['quotes']:6.0f} quotes  peak RSS {r['peak_rss_mb']:.0f} MB  ({r['seconds']:.1f} s)"
              + (f"  [gave up on {r['bailed']:.0f} articles: unbalanced marks]" if r.get("bailed") else ""))
    print("per-round ratios: " + ", ".join(f"{x:.2f}" for x in ratios))
    ratio = results["textacy"]["seconds"] / results["quotetrace"]["seconds"]
    print(f"ratio quotetrace/textacy throughput: {ratio:.2f}x "
          "(textacy: direct quotes only; quotetrace: direct, partial, indirect, speakers resolved)")


if __name__ == "__main__":
    main()
