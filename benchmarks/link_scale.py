"""Scale benchmark for speaker linking and utterance grouping (prints figures, asserts nothing).

A synthetic corpus (fiction, generated here): several thousand speakers whose names come in
transliteration variants and surname-only forms, statements repeated across 2-8 articles with
truncation, word changes, partial and indirect forms, four quotes per article. Each size runs in a
fresh process on one core; we print wall time, peak RSS, growth ratios and pairwise precision /
recall of the links against the generator's truth.

    .venv/bin/python benchmarks/link_scale.py                 # 25k, 50k, 100k, 200k quotes
    .venv/bin/python benchmarks/link_scale.py --sizes 10000   # a quick look
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
from datetime import datetime, timedelta, timezone

from quotetrace.link.speakers import link_speakers
from quotetrace.link.stories import pairwise_scores
from quotetrace.link.utterances import group_utterances
from quotetrace.records import Article, Quote, SpeakerMention

SYLLABLES = ["ka", "lo", "mi", "ren", "tos", "vel", "dan", "sho", "ri", "pa", "mel", "gor", "ti", "nu", "bar",
             "zel", "kov", "len", "sky", "har", "mor", "vin", "ost", "ela", "dro", "ya", "ush", "ber", "fal", "qui"]
ENDINGS = ["sky", "enko", "ov", "ich", "berg", "son", "ova", "ski"]


def word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def spelling_variant(rng: random.Random, surname: str) -> str:
    """A transliteration-style variant: y/i swaps, kh/h, doubled letters, -yy/-iy/-ij endings."""
    s = surname
    choice = rng.randrange(5)
    if choice == 0 and s.endswith("y"):
        s = s[:-1] + rng.choice(["yy", "iy", "ij", "i"])
    elif choice == 1 and "i" in s:
        s = s.replace("i", "y", 1)
    elif choice == 2 and "h" in s:
        s = s.replace("h", "kh", 1)
    elif choice == 3:
        i = rng.randrange(1, len(s))
        s = s[:i] + s[i - 1] + s[i:]
    return s[:1].upper() + s[1:].lower()


def build_corpus(n_quotes: int, seed: int = 11) -> tuple[list[Quote], list[SpeakerMention], dict[str, Article],
                                                        dict[str, str], dict[str, str]]:
    """Quotes, mentions, articles, and the truth: quote -> person, quote -> statement."""
    rng = random.Random(seed)
    n_articles = max(1, n_quotes // 4)
    n_speakers = max(50, n_quotes // 40)
    vocab = [word(rng, rng.randint(1, 3)) for _ in range(20000)]
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(vocab))]
    givens = [word(rng, 2).capitalize() for _ in range(400)]
    surnames = [(word(rng, 2) + rng.choice(ENDINGS)).capitalize() for _ in range(max(20, n_speakers * 3 // 4))]
    people = [(rng.choice(givens), rng.choice(surnames)) for _ in range(n_speakers)]  # some share surnames
    start = datetime(2030, 1, 1, tzinfo=timezone.utc)
    articles = {}
    for i in range(n_articles):
        aid = f"art{i:06d}"
        articles[aid] = Article(aid, "synthetic", "bench", outlet=f"outlet{i % 40}",
                                published=start + timedelta(hours=i * 365 * 24 / n_articles))
    article_ids = list(articles)
    local_form: dict[tuple[str, int], str] = {}
    quotes: list[Quote] = []
    mentions: list[SpeakerMention] = []
    truth_person: dict[str, str] = {}
    truth_statement: dict[str, str] = {}
    statement = 0
    while len(quotes) < n_quotes:
        person = min(int(rng.paretovariate(1.1)) - 1, n_speakers - 1)  # a few speakers say a lot
        person = (person * 7919 + statement) % n_speakers if rng.random() < 0.7 else person
        words = rng.choices(vocab, weights, k=rng.randint(8, 30))
        copies = rng.randint(2, 8) if rng.random() < 0.6 else 1
        home = rng.randrange(n_articles)
        for c in range(copies):
            if len(quotes) >= n_quotes:
                break
            aid = article_ids[(home + rng.randint(0, 60)) % n_articles]  # copies land close in time
            text, kind = list(words), "direct"
            roll = rng.random()
            if c and roll < 0.25:
                cut = rng.randint(4, max(4, len(text) - 2))
                text = text[:cut] if rng.random() < 0.5 else text[-cut:]
            elif c and roll < 0.45:
                text[rng.randrange(len(text))] = rng.choice(vocab)
            elif c and roll < 0.6:
                i = rng.randrange(max(1, len(text) - 4))
                text, kind = text[i:i + rng.randint(2, 5)], "partial"
            elif c and roll < 0.7:
                text, kind = ["that"] + text[:-1] + ["would"], "indirect"
            key = (aid, person)
            if key not in local_form:
                given, surname = people[person]
                form_roll = rng.random()
                if form_roll < 0.5:
                    local_form[key] = f"{given} {surname}"
                elif form_roll < 0.8:
                    local_form[key] = f"{given} {spelling_variant(rng, surname)}"
                else:
                    local_form[key] = surname
                mentions.append(SpeakerMention(aid, local_form[key], 0, 1, local_form[key], None, "person"))
            sentence = " ".join(text)
            qid = f"q{len(quotes):07d}"
            quotes.append(Quote(qid, aid, sentence, 0, len(sentence), kind, speaker=local_form[key]))  # type: ignore[arg-type]
            truth_person[qid] = f"p{person}"
            truth_statement[qid] = f"s{statement}"
        statement += 1
    return quotes, mentions, articles, truth_person, truth_statement


def run_one(n_quotes: int) -> dict[str, float]:
    quotes, mentions, articles, truth_person, truth_statement = build_corpus(n_quotes)
    t0 = time.perf_counter()
    links = link_speakers(quotes, mentions, articles=articles)
    t1 = time.perf_counter()
    utterances = group_utterances(quotes, articles, links.quote_speaker)
    t2 = time.perf_counter()
    predicted_statement = {qid: u.id for u in utterances for qid in u.quote_ids}
    sp_p, sp_r, _ = pairwise_scores(truth_person, links.quote_speaker)
    ut_p, ut_r, _ = pairwise_scores(truth_statement, predicted_statement)
    return {
        "quotes": len(quotes), "articles": len(articles), "speakers": len(links.speakers),
        "utterances": len(utterances), "speakers_s": t1 - t0, "utterances_s": t2 - t1,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "speaker_p": sp_p, "speaker_r": sp_r, "utterance_p": ut_p, "utterance_r": ut_r,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25_000, 50_000, 100_000, 200_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child mode: one size, JSON out
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    rows = []
    print(f"{'quotes':>8} {'articles':>8} {'speakers':>8} {'utter.':>8} {'link s':>7} {'group s':>8} "
          f"{'total s':>8} {'peak MB':>8} {'spk P/R':>11} {'utt P/R':>11}")
    for size in args.sizes:
        # A fresh single-threaded process per size (one core), so peak RSS is that size's own.
        cmd = [sys.executable, __file__, "--one", str(size)]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
        row = json.loads(out.strip().splitlines()[-1])
        rows.append(row)
        total = row["speakers_s"] + row["utterances_s"]
        print(f"{row['quotes']:>8} {row['articles']:>8} {row['speakers']:>8} {row['utterances']:>8} "
              f"{row['speakers_s']:>7.1f} {row['utterances_s']:>8.1f} {total:>8.1f} {row['rss_mb']:>8.0f} "
              f"{row['speaker_p']:>5.3f}/{row['speaker_r']:.3f} {row['utterance_p']:>5.3f}/{row['utterance_r']:.3f}",
              flush=True)
    for prev, cur in zip(rows, rows[1:]):
        t_prev = prev["speakers_s"] + prev["utterances_s"]
        t_cur = cur["speakers_s"] + cur["utterances_s"]
        print(f"{prev['quotes']} -> {cur['quotes']} quotes (x{cur['quotes'] / prev['quotes']:.1f}): "
              f"time x{t_cur / t_prev:.2f}, peak RSS x{cur['rss_mb'] / prev['rss_mb']:.2f}")


if __name__ == "__main__":
    main()
