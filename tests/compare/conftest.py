"""A tiny fictional story (invented names and outlets) for the compare tests."""

from __future__ import annotations

from datetime import datetime

import pytest

from quotetrace.link.diff import is_altered, word_diff
from quotetrace.records import Article, Cue, Quote, QuoteContext, Span, Story, Utterance, Variant

# FICTION: Minister Ilsa Varn of the invented republic of Keldoria; outlets are invented too.
TEXTS = {
    "a1": ('Keldoria bridge deal signed\n\n"We will open the bridge in May and the tolls will be low," '
           "Minister Ilsa Varn said at a press conference in Kiev. The regime denied it.\n"
           "Footer: subscribe to the Kiev Daily newsletter"),
    "a2": ('Varn promises bridge\n\n"We will open the bridge in May," Varn admitted on Radio Nord. '
           'Officials in Kyiv called it an invasion of privacy. "Tolls are a matter for Kyiv," she insisted.'),
    "a3": ('Bridge plans\n\nVarn claimed the bridge would open in June. The government in Kyiv was quiet.'),
}
OUTLETS = {"a1": "Daily Keld", "a2": "Nord Post", "a3": "Valley Times"}
DATES = {"a1": datetime(2030, 5, 2, 9), "a2": datetime(2030, 5, 1, 18), "a3": None}


def _quote(qid: str, article: str, text: str, kind: str, cue: str | None, venue: str | None = None,
           speaker_id: str | None = "sp-varn") -> Quote:
    body = TEXTS[article]
    start = body.index(text)
    return Quote(id=qid, article_id=article, text=text, start=start, end=start + len(text), kind=kind,  # type: ignore[arg-type]
                 speaker="Ilsa Varn", speaker_id=speaker_id,
                 cue=Cue(cue, cue, 0, 0) if cue else None, context=QuoteContext(venue=venue))


@pytest.fixture()
def story_data() -> dict[str, object]:
    junk_start = TEXTS["a1"].index("Footer:")
    articles = {
        aid: Article(id=aid, text=text, source=f"fiction/{aid}.txt", url=f"https://{OUTLETS[aid].lower().replace(' ', '')}.example/{aid}",
                     outlet=OUTLETS[aid], title=text.split("\n")[0], published=DATES[aid],
                     junk=(Span(junk_start, len(text), "footer"),) if aid == "a1" else ())
        for aid, text in TEXTS.items()
    }
    quotes = [
        _quote("q1", "a1", "We will open the bridge in May and the tolls will be low", "direct", "say",
               venue="at a press conference"),
        _quote("q2", "a2", "We will open the bridge in May", "direct", "admit", venue="on Radio Nord"),
        _quote("q3", "a2", "Tolls are a matter for Kyiv", "direct", "insist"),
        _quote("q4", "a3", "the bridge would open in June", "indirect", "claim"),
    ]
    by_id = {q.id: q for q in quotes}
    canonical = by_id["q1"].text

    def variant(q: Quote) -> Variant:
        diff = word_diff(canonical, q.text)
        return Variant(q.id, q.article_id, OUTLETS[q.article_id], q.text, q.kind, diff,
                       altered=q.id != "q1" and is_altered(diff))

    bridge = Utterance("u-bridge", "sp-varn", canonical, ("q2", "q1", "q4"),
                       tuple(variant(by_id[i]) for i in ("q2", "q1", "q4")), DATES["a2"])
    tolls = Utterance("u-tolls", "sp-varn", by_id["q3"].text, ("q3",),
                      (Variant("q3", "a2", "Nord Post", by_id["q3"].text, "direct"),), DATES["a2"])
    story = Story("s1", "Keldoria bridge deal", ("a1", "a2", "a3"), DATES["a2"], DATES["a1"],
                  ("Daily Keld", "Nord Post", "Valley Times"))
    return {"articles": articles, "quotes": by_id, "utterances": [bridge, tolls], "story": story}
