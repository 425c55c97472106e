"""The ingest pipeline end to end into a real SQLite store. Every article text here is fiction."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("quotetrace.ingest.clean", reason="ingest.clean not built yet")
pytest.importorskip("quotetrace.ingest.boilerplate", reason="ingest.boilerplate not built yet")
pytest.importorskip("quotetrace.ingest.dedup", reason="ingest.dedup not built yet")

from quotetrace.ingest.options import IngestOptions  # noqa: E402
from quotetrace.ingest.pipeline import ingest  # noqa: E402
from quotetrace.store import Store  # noqa: E402

HEADER = "Sign up for the Harbour Ledger morning briefing"
FOOTER = "Copyright Harbour Ledger, a fictional newspaper. All rights reserved."
TOWNS = ["Norvik", "Skerra", "Varnholm", "Ostby", "Lunde", "Brakka", "Tessel", "Morrow"]
TOPICS = ["tram line", "ferry timetable", "school roof", "harbour wall", "wind farm", "library hours",
          "bus depot", "fish market"]
PEOPLE = ["Ilsa Brandt", "Oskar Vell", "Maren Solberg", "Tobias Ekk", "Runa Haldor", "Peder Vass"]


def fiction(i: int) -> str:
    """A distinct fictional news text of a few hundred words (number ``i`` picks its details)."""
    town, topic = TOWNS[i % len(TOWNS)], TOPICS[(i // 8) % len(TOPICS)]
    person, other = PEOPLE[i % len(PEOPLE)], PEOPLE[(i + 3) % len(PEOPLE)]
    paras = [
        f"{town} council met on day {i} to decide the future of the {topic}, a question that has divided "
        f"residents for {3 + i % 11} years.",
        f'"We cannot wait another winter," said {person}, who chairs the {town} residents\' committee. '
        f"{person} said {2 + i % 7} families had written to the council this month alone.",
        f"{other} argued that the budget of {100 + i} thousand crowns would be better spent elsewhere, "
        f"telling reporters at the town hall that the {topic} plan was rushed.",
        f"According to minutes seen by this fictional paper, item {i} will return to the agenda in "
        f"{TOWNS[(i + 1) % len(TOWNS)]} next month, with a vote expected before the {i % 28 + 1}th.",
    ]
    return "\n\n".join(paras)


def write_corpus(folder: Path, n: int, outlets: int = 3) -> Path:
    """``n`` fictional articles as one JSONL file, each with a url and an outlet, boilerplate lines included."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            outlet = f"ledger{i % outlets}.invalid"
            text = f"{HEADER}\n\n{fiction(i)}\n\n{FOOTER}"
            out.write(json.dumps({"id": f"f{i}", "url": f"https://{outlet}/news/{i}", "outlet": outlet,
                                  "title": f"Fictional council story {i}", "text": text}) + "\n")
    return path


def test_ingest_counts_duplicates_and_is_idempotent(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", 12, outlets=1)
    extra = tmp_path / "extra.jsonl"
    first = json.loads(corpus.read_text().splitlines()[0])
    near = dict(first, id="near", url="https://ledger0.invalid/news/near")
    near["text"] = first["text"].replace("met on day 0", "met on day zero")
    exact = dict(first, id="copy", url="https://ledger0.invalid/news/copy")
    extra.write_text(json.dumps(exact) + "\n" + json.dumps(near) + "\n{not json\n")
    store = Store.open(str(tmp_path / "q.db"))
    summary = ingest([str(corpus), str(extra)], store, IngestOptions(language=False), batch_size=5)
    assert summary.ingested == 13
    assert summary.exact_duplicates == 1
    assert summary.near_duplicates == 1
    assert len(summary.skipped) == 1 and "extra.jsonl" in summary.skipped[0].source + summary.skipped[0].reason
    assert store.count_articles() == 13
    dups = {a.id: a.duplicate_of for a in store.iter_articles() if a.duplicate_of}
    assert len(dups) == 1 and list(dups.values())[0] in {a.id for a in store.iter_articles()}
    before = [a.as_dict() for a in store.iter_articles()]
    again = ingest([str(corpus), str(extra)], store, IngestOptions(language=False), batch_size=5)
    assert (again.ingested, again.unchanged, again.near_duplicates) == (0, 13, 0)
    assert [a.as_dict() for a in store.iter_articles()] == before
    assert store.failures()  # the bad line is recorded with its run


def test_learned_boilerplate_is_marked_in_the_first_article_too(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", 9, outlets=1)
    store = Store.open(str(tmp_path / "q.db"))
    ingest([str(corpus)], store, IngestOptions(language=False), batch_size=2)
    for article in store.iter_articles():
        marked = [article.text[s.start:s.end] for s in article.junk]
        assert any(HEADER in m for m in marked), (article.id, marked)
        assert any(FOOTER in m for m in marked), (article.id, marked)
        assert not any("council" in m for m in marked)


def _ingest_cli(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    cli = Path(sys.executable).parent / "quotetrace"
    return subprocess.Popen([str(cli), "ingest", str(corpus), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _snapshot(db: Path) -> list[tuple[object, ...]]:
    with Store.open(str(db)) as store:
        return [(a.id, a.content_hash, a.duplicate_of, a.junk, a.outlet) for a in store.iter_articles()]


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_equals_one_clean_run(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", 4000)
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    assert _ingest_cli(corpus, clean_db).wait(timeout=300) == 0
    proc = _ingest_cli(corpus, killed_db)
    deadline = time.monotonic() + 240
    count = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if killed_db.exists():
            with Store.open(str(killed_db)) as store:
                count = store.count_articles()
            if count >= 1000:
                break
    assert proc.poll() is None, "ingest finished before it could be killed; make the corpus bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < count < 4000
    assert _ingest_cli(corpus, killed_db).wait(timeout=300) == 0
    clean, killed = _snapshot(clean_db), _snapshot(killed_db)
    assert len(killed) == len({row[0] for row in killed}) == 4000
    assert killed == clean


# FICTION: an invented wire story, and two invented outlets framing it with their own page furniture.
WIRE_STORY = (
    "BRAKKA, May 2 (Fictional Wire) - The invented island of Brakka will close its only ferry pier for six weeks "
    "from June while divers repair the timber piles, the harbour board said on Thursday.\n\n"
    '"The pier has carried islanders for ninety years and it deserves a proper rest," harbour master '
    "Yrsa Dahl told a meeting in the school hall, where about forty residents had gathered.\n\n"
    "A temporary landing stage will be built on the north beach, and the board said fares would not change "
    "during the works, which are expected to cost two million crowns."
)
FRAMES = {
    "tidewater.invalid": ("Sign up for the Tidewater Post morning briefing\nShare on Facebook | Twitter | Email\n",
                          "\nAdvertisement\nSupport the Tidewater Post or become our patron!\nLoading comments...\n"
                          "Copyright 2026 Tidewater Post. All rights reserved."),
    "gullcoast.invalid": ("Subscribe to the Gull Coast Herald newsletter\nFollow us on Instagram\n",
                          "\nRead more: Island ferries through the ages\nAdvertisement\nClick here to subscribe\n"
                          "\u00a9 2026 Gull Coast Herald. All rights reserved."),
}


def test_wire_story_framed_by_two_outlets_is_marked_duplicate_of_the_first(tmp_path: Path) -> None:
    from quotetrace.ingest.dedup import shingle_hashes

    texts = {outlet: head + WIRE_STORY + tail for outlet, (head, tail) in FRAMES.items()}
    a, b = (set(shingle_hashes(t).tolist()) for t in texts.values())
    assert len(a & b) / len(a | b) < 0.8  # the furniture alone would hide the copy
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("".join(
        json.dumps({"id": f"wire-{outlet}", "url": f"https://{outlet}/news/pier", "outlet": outlet,
                    "title": "Brakka pier to close for repairs", "text": text}) + "\n"
        for outlet, text in texts.items()), encoding="utf-8")
    store = Store.open(str(tmp_path / "q.db"))
    summary = ingest([str(corpus)], store, IngestOptions(language=False))
    assert (summary.ingested, summary.near_duplicates) == (2, 1)
    stored = {article.outlet: article for article in store.iter_articles()}
    assert stored["gullcoast.invalid"].duplicate_of == stored["tidewater.invalid"].id
    assert stored["tidewater.invalid"].duplicate_of is None
    assert all(len(article.junk) >= 5 for article in stored.values())  # framed by furniture the rules mark
