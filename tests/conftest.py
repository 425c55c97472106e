"""Shared test fixtures: where ../shared lives, the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    """The five seed articles (read in place; never copied into the project)."""
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("../shared/seeds is not available")
    return paths


def _datasketch_answers(docs):
    """datasketch MinHashLSH's answers for ``[(key, signature)]``: candidates verified by their estimated
    Jaccard, oldest first; canonical ones inserted (what our near-duplicate indexes must reproduce)."""
    from datasketch import MinHash, MinHashLSH

    from quotetrace.ingest.dedup import BAND_WEIGHTS

    lsh = MinHashLSH(threshold=0.8, num_perm=128, weights=BAND_WEIGHTS)
    order: dict[str, int] = {}
    sketches: dict[str, MinHash] = {}
    expected: list[str | None] = []
    for key, sig in docs:
        sketch = MinHash(num_perm=128, seed=1, scheme="affine64", hashvalues=sig)
        match = next((k for k in sorted(lsh.query(sketch), key=order.__getitem__)
                      if sketches[k].jaccard(sketch) >= 0.8), None)
        if match is None:
            lsh.insert(key, sketch)
            order[key], sketches[key] = len(order), sketch
        expected.append(match)
    return expected


@pytest.fixture(scope="session")
def datasketch_answers():
    """The reference near-duplicate answers (see ``_datasketch_answers``)."""
    return _datasketch_answers
