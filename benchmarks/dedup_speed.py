"""How fast and how good near-duplicate signatures and the LSH index are (prints figures; asserts nothing).

    .venv/bin/python benchmarks/dedup_speed.py [--docs 2000] [--pairs 2000]

Texts are random word sequences drawn from a Zipf-like vocabulary (fiction, generated here), at
three article lengths. The baseline is datasketch's default: one SHA-1 ``update`` per shingle.
Quality: syndicated copies of such texts (new headline, dateline, some words edited, lines cut or added;
edits drawn so that the copies' shingle Jaccard spreads around the 0.8 threshold) are looked up among
the originals; precision and recall of the (copy, original) pairs against the exact Jaccard of their
5-word shingles, and the error of the estimated Jaccard.
"""

from __future__ import annotations

import argparse
import random
import re
import time

import numpy as np

from datasketch import MinHash

from quotetrace.ingest.dedup import NearDuplicateIndex, minhash_signature


def corpus(n: int, words: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(30_000)]
    weights = [1.0 / (rank + 1) for rank in range(len(vocabulary))]  # news vocabulary is Zipfian
    return [" ".join(rng.choices(vocabulary, weights, k=words)) for _ in range(n)]


def baseline(text: str) -> MinHash:
    words = text.split()
    sketch = MinHash(num_perm=128, seed=1)
    for i in range(len(words) - 4):
        sketch.update(" ".join(words[i:i + 5]).encode("utf-8"))
    return sketch


def syndicated_copy(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    """A copy as another outlet runs it: new headline and dateline, 0-40 edited words, a line cut or added."""
    words = text.split()
    words[:8] = rng.choices(vocabulary, k=8)  # its own headline
    words.insert(8, "(Fictional Wire) -")
    for _ in range(rng.choice([0, 1, 2, 4, 8, 12, 16, 24, 40])):
        words[rng.randrange(len(words))] = rng.choice(vocabulary)
    if rng.random() < 0.5:
        words = words[:-rng.randint(5, 30)]  # last paragraph cut
    if rng.random() < 0.5:
        words += ["Read", "more", "at", "the", "Courier"] + rng.choices(vocabulary, k=rng.randint(5, 30))
    return " ".join(words)


def shingles(text: str) -> set[tuple[str, ...]]:
    """The exact 5-word shingles (casefolded ``\\w+`` words), as the signatures hash them."""
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i:i + 5]) for i in range(max(1, len(words) - 4))}


def pair_quality(pairs: int, threshold: float = 0.8) -> None:
    """Precision and recall of the copies found among the originals, against the exact Jaccard."""
    rng = random.Random(17)
    vocabulary = [f"w{i}" for i in range(30_000)]
    weights = [1.0 / (rank + 1) for rank in range(len(vocabulary))]
    originals = [" ".join(rng.choices(vocabulary, weights, k=rng.randint(300, 900))) for _ in range(pairs)]
    copies = [syndicated_copy(text, rng, vocabulary) for text in originals]
    index = NearDuplicateIndex(threshold=threshold)
    signatures = [minhash_signature(text) for text in originals]
    for i, signature in enumerate(signatures):
        index.add(f"o{i}", signature)
    found = true_pairs = hits = 0
    errors = []
    for i, copy in enumerate(copies):
        a, b = shingles(originals[i]), shingles(copy)
        exact = len(a & b) / len(a | b)
        copy_signature = minhash_signature(copy)
        errors.append(float(np.mean(copy_signature == signatures[i])) - exact)
        match = index.find_or_add(f"c{i}", copy_signature)
        true_pairs += exact >= threshold
        found += match is not None
        hits += match == f"o{i}" and exact >= threshold
    print(f"{pairs} syndicated copies, {true_pairs} at shingle Jaccard >= {threshold}: precision "
          f"{hits / max(found, 1):.3f}, recall {hits / max(true_pairs, 1):.3f} ({found} found); estimated Jaccard "
          f"error: mean {np.mean(errors):+.4f}, RMS {np.sqrt(np.mean(np.square(errors))):.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--pairs", type=int, default=2000, help="syndicated copies for precision/recall")
    args = parser.parse_args()
    if args.pairs:
        pair_quality(args.pairs)
    for words in (200, 600, 1500) if args.docs else ():
        docs = corpus(args.docs, words, seed=words)
        start = time.perf_counter()
        signatures = [minhash_signature(d) for d in docs]
        ours = time.perf_counter() - start
        sample = docs[: max(1, args.docs // 10)]
        start = time.perf_counter()
        for d in sample:
            baseline(d)
        base = (time.perf_counter() - start) / len(sample) * len(docs)
        index = NearDuplicateIndex()
        start = time.perf_counter()
        near = sum(index.find_or_add(f"d{i}", sig) is not None for i, sig in enumerate(signatures))
        indexed = time.perf_counter() - start
        print(f"{words:>5} words/doc: {len(docs) / ours:8.0f} signatures/s "
              f"({len(docs) * words / ours / 1e6:.2f} M words/s); datasketch per-shingle SHA-1 baseline "
              f"{len(docs) / base:6.0f}/s; index find_or_add {len(docs) / indexed:8.0f}/s "
              f"({near} near duplicates among random docs)")


if __name__ == "__main__":
    main()
