"""The options object of the ingest stage: one frozen value passed explicitly to every reader."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class IngestOptions:
    """How inputs are read and fetched; defaults are safe for a laptop and polite to servers."""

    manifest: Path | None = None  # CSV path,url,outlet,published (DESIGN.md)
    timeout: float = 10.0  # seconds per HTTP request
    max_bytes: int = 20_000_000  # size cap per fetched response / per file body kept
    rate: float = 2.0  # max requests per second per host (polite); 0 means no limit
    user_agent: str = "quotetrace/0.1 (+https://example.invalid/quotetrace)"
    max_redirects: int = 5
    language: bool = True  # detect language with lingua (restricted language set, low-accuracy mode)
