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
