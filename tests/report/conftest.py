"""FICTION: a hostile little corpus (invented outlets and people) for the report tests."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest

from quotetrace.link.diff import is_altered, word_diff
from quotetrace.records import Article, Cue, Quote, Speaker, Story, Utterance, Variant

sys.path.insert(0, str(Path(__file__).parent))  # htmlcheck.py beside the tests

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'

TEXTS = {
    "h1": (f"Harbour vote {SCRIPT}\n\n\"The harbour stays open {SCRIPT} for every boat,\" Mayor Oda Krell said. "
           f"Critics in Kiev {IMG} disagreed."),
    "h2": (f"Krell on harbour\n\n\"The harbour stays open for every boat,\" Krell insisted {IMG}. "
           "\"Fees will not rise,\" she added."),
}


def _quote(qid: str, aid: str, text: str, cue: str) -> Quote:
    start = TEXTS[aid].index(text)
    return Quote(qid, aid, text, start, start + len(text), "direct", "Oda Krell", speaker_id="sp-krell",
                 cue=Cue(cue, cue, 0, 0))


@pytest.fixture()
def hostile_data():
    from quotetrace.compare.framing import load_lexicon
    from quotetrace.report.build import ReportData

    articles = {
        "h1": Article("h1", TEXTS["h1"], "fiction/h1.txt", url="javascript:alert(3)", outlet=f"Bay {IMG} News",
                      title=TEXTS["h1"].split("\n")[0], published=datetime(2031, 3, 1)),
        "h2": Article("h2", TEXTS["h2"], "fiction/h2.txt", url="https://coast.example/h2", outlet="Coast Ledger",
                      title="Krell on harbour", published=datetime(2031, 3, 2)),
    }
    q1 = _quote("q1", "h1", f"The harbour stays open {SCRIPT} for every boat", "say")
    q2 = _quote("q2", "h2", "The harbour stays open for every boat", "insist")
    q3 = _quote("q3", "h2", "Fees will not rise", "add")
    quotes = {q.id: q for q in (q1, q2, q3)}
    canonical = q1.text

    def variant(q: Quote, canonical: str = canonical) -> Variant:
        diff = word_diff(canonical, q.text)
        return Variant(q.id, q.article_id, articles[q.article_id].outlet, q.text, q.kind, diff,
                       altered=q is not q1 and is_altered(diff))

    utterances = [
        Utterance("u1", "sp-krell", canonical, ("q1", "q2"), (variant(q1), variant(q2)), datetime(2031, 3, 1)),
        Utterance("u2", "sp-krell", q3.text, ("q3",), (variant(q3, q3.text),), datetime(2031, 3, 2)),
    ]
    speakers = [Speaker("sp-krell", f"Oda Krell {SCRIPT}", aliases=("Krell", IMG), titles=("Mayor",))]
    stories = [Story("st1", f"Harbour vote {SCRIPT}", ("h1", "h2"), datetime(2031, 3, 1), datetime(2031, 3, 2),
                     (articles["h1"].outlet, "Coast Ledger"))]
    return ReportData(articles, quotes, speakers, utterances, stories, load_lexicon(), title=f"Test {IMG}")
