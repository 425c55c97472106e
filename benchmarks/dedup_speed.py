"""How fast near-duplicate signatures and the LSH index are (prints figures; asserts nothing).

    .venv/bin/python benchmarks/dedup_speed.py [--docs 2000]

Texts are random word sequences drawn from a Zipf-like vocabulary (fiction, generated here), at
three article lengths. The baseline is datasketch's default: one SHA-1 ``update`` per shingle.
"""

from __future__ import annotations

import argparse
import random
import time

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    for words in (200, 600, 1500):
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
