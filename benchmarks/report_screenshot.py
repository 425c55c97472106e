"""Screenshot a story page of a quotetrace HTML report with headless Chromium.

Usage: .venv/bin/python benchmarks/report_screenshot.py [--report report] [--out report_story.png] [--page FILE]

Without --page it picks the story page with the most outlet columns (the demo's main story).
Needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium); no browser downloads.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"


def main_story_page(report: Path) -> Path:
    """The story page with the most outlet columns (ties: most highlighted statements)."""
    pages = sorted((report / "stories").glob("*.html"))
    if not pages:
        raise SystemExit(f"no story pages under {report}/stories (run `quotetrace run ... --report {report}`)")

    def weight(page: Path) -> tuple[int, int]:
        html = page.read_text(encoding="utf-8")
        return html.count('class="column"'), len(re.findall(r'<mark class="hl ', html))

    return max(pages, key=weight)


def screenshot(page: Path, out: Path, width: int = 1400, height: int = 1800) -> float:
    """Render ``page`` to ``out``; returns the seconds Chromium took."""
    with tempfile.TemporaryDirectory() as profile:
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", f"--screenshot={out.resolve()}", f"--window-size={width},{height}",
               page.resolve().as_uri()]
        started = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)
        return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, default=Path("report"))
    parser.add_argument("--out", type=Path, default=Path("report_story.png"))
    parser.add_argument("--page", type=Path, default=None, help="HTML page to shoot (default: main story page)")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1800)
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: apt-get install -y chromium", file=sys.stderr)
        return 1
    page = args.page or main_story_page(args.report)
    seconds = screenshot(page, args.out, args.width, args.height)
    print(f"page: {page}")
    print(f"screenshot: {args.out} ({args.out.stat().st_size} bytes, {args.width}x{args.height}, {seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
