"""The issue-4 CLI (run, speakers, speaker, stories, story, utterances, report, export) on a real temp SQLite."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from quotetrace.cli import main

CORPUS = Path(__file__).parent / "fixtures" / "fiction_harbour"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    db_path = root / "q.db"
    result = CliRunner().invoke(main, ["run", str(CORPUS), "--manifest", str(CORPUS / "manifest.csv"),
                                       "--db", str(db_path), "--report", str(root / "report")])
    assert result.exit_code == 0, result.output
    assert f"Report: {root / 'report' / 'index.html'}" in result.output
    assert "Articles: 4" in result.output and "outlets: 3" in result.output
    return db_path


def _invoke(*args: str) -> str:
    result = CliRunner(env={"COLUMNS": "250"}).invoke(main, list(args))  # wide tables: no wrapped names
    assert result.exit_code == 0, (args, result.output, result.exception)
    return result.output


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_run_exit_1_when_nothing_processed(tmp_path):
    result = CliRunner().invoke(main, ["run", str(tmp_path / "nothing.txt"), "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 1
    assert "nothing.txt" in result.output


def test_run_bad_lexicon_is_a_clean_error(tmp_path):
    lexicon = tmp_path / "lex.yaml"
    lexicon.write_text("- group: x\n  bogus: 1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(CORPUS), "--db", str(tmp_path / "q.db"), "--lexicon", str(lexicon)])
    assert result.exit_code == 1 and "lex.yaml:2" in result.output and "Traceback" not in result.output


def test_speakers_all_formats(db):
    rows = _jsonl(_invoke("speakers", "--db", str(db), "--format", "jsonl"))
    names = [r["name"] for r in rows]
    assert "Tomas Ekland" in names and "Mara Holt" in names
    ekland = rows[names.index("Tomas Ekland")]
    assert ekland["outlets"] == ["Coastline Daily", "Northern Ledger", "Velmar Courier"]
    table = _invoke("speakers", "--db", str(db))
    assert "Tomas Ekland" in table
    parsed = list(csv.DictReader(io.StringIO(_invoke("speakers", "--db", str(db), "--format", "csv"))))
    assert {r["name"] for r in parsed} == set(names)


def test_speaker_timeline_with_topic(db):
    rows = _jsonl(_invoke("speaker", "Ekland", "--db", str(db), "--format", "jsonl"))
    assert rows and all(r["source"] and r["outlet"] for r in rows)
    dates = [r["date"] for r in rows if r["date"]]
    assert dates == sorted(dates)
    fleet = _jsonl(_invoke("speaker", "tomas ekland", "--db", str(db), "--topic", "fleet", "--format", "jsonl"))
    assert len(fleet) == 1 and "fleet" in fleet[0]["text"]
    table = _invoke("speaker", "Tomas Ekland", "--db", str(db))
    assert "Timeline" in table and "Velmar Courier" in table
    missing = CliRunner().invoke(main, ["speaker", "Nobody Atall", "--db", str(db)])
    assert missing.exit_code == 1 and "no speaker named" in missing.output


def test_stories_and_story(db):
    stories = _jsonl(_invoke("stories", "--db", str(db), "--format", "jsonl"))
    harbour = stories[0]
    assert len(harbour["outlets"]) == 3
    assert all(a["source"] and a["outlet"] for a in harbour["articles"])
    detail = _jsonl(_invoke("story", harbour["id"][:8], "--db", str(db), "--format", "jsonl"))[0]
    coverage = detail["comparison"]["coverage"]
    assert coverage["outlets"] == ["Coastline Daily", "Northern Ledger", "Velmar Courier"]
    assert any(o["outlet"] == "Coastline Daily" for o in coverage["omissions"])
    assert all(a["source"] and a["outlet"] for a in detail["articles"])
    table = _invoke("story", harbour["id"], "--db", str(db))
    assert "Coverage" in table and "Reporting verbs" in table and "verbatim" in table
    assert CliRunner().invoke(main, ["story", "zzzz", "--db", str(db)]).exit_code == 1


def test_utterances_filters(db):
    rows = _jsonl(_invoke("utterances", "--db", str(db), "--format", "jsonl"))
    assert rows[0]["outlets"] == ["Coastline Daily", "Northern Ledger", "Velmar Courier"]
    assert all(a["source"] and a["outlet"] for r in rows for a in r["articles"])
    assert all(v["source"] and v["outlet"] for r in rows for v in r["variants"])
    altered = _jsonl(_invoke("utterances", "--db", str(db), "--altered", "--format", "jsonl"))
    assert altered and all(r["altered"] for r in altered)
    assert any("May" in v["text"] for r in altered for v in r["variants"])
    holt = _jsonl(_invoke("utterances", "--db", str(db), "--speaker", "Mara Holt", "--format", "jsonl"))
    assert holt and all(r["speaker_name"] == "Mara Holt" for r in holt)


def test_report_command(db, tmp_path):
    out = _invoke("report", "--db", str(db), "--out", str(tmp_path / "rep"))
    assert out.strip() == f"Report: {tmp_path / 'rep' / 'index.html'}"
    pages = list((tmp_path / "rep").rglob("*.html"))
    assert len(pages) > 5
    story_pages = list((tmp_path / "rep" / "stories").glob("*.html"))
    text = "".join(p.read_text(encoding="utf-8") for p in story_pages)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script>alert" not in text


@pytest.mark.parametrize("what", ["articles", "quotes", "speakers", "utterances", "stories"])
def test_export_formats(db, tmp_path, what):
    jsonl = tmp_path / f"{what}.jsonl"
    _invoke("export", "--db", str(db), "--format", "jsonl", "--what", what, "--out", str(jsonl))
    rows = _jsonl(jsonl.read_text(encoding="utf-8"))
    assert rows
    if what in ("articles", "quotes"):
        assert all(r["source"] and r["outlet"] for r in rows)
    if what in ("utterances", "stories"):
        assert all(a["source"] and a["outlet"] for r in rows for a in r["articles"])
    csv_path = tmp_path / f"{what}.csv"
    _invoke("export", "--db", str(db), "--format", "csv", "--what", what, "--out", str(csv_path))
    with csv_path.open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(rows)
    parquet = tmp_path / f"{what}.parquet"
    _invoke("export", "--db", str(db), "--format", "parquet", "--what", what, "--out", str(parquet))
    assert pq.read_table(parquet).num_rows == len(rows)


@pytest.fixture
def no_corpus_scan(monkeypatch):
    """Fail any read of the whole corpus: the read commands must load only what they show."""
    from quotetrace.store import Store

    def refuse(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if args or kwargs.get("article_id") is not None:
            return original[self.__class__](self, *args, **kwargs)
        raise AssertionError("the whole corpus was read")

    original = {Store: Store.iter_quotes}
    monkeypatch.setattr(Store, "iter_quotes", refuse)
    monkeypatch.setattr(Store, "iter_articles", lambda self, *a, **k: (_ for _ in ()).throw(
        AssertionError("every article was read")))


@pytest.mark.parametrize("args", [("stories",), ("story", "HARBOUR"), ("speaker", "Tomas Ekland"), ("utterances",),
                                  ("utterances", "--speaker", "Mara Holt"), ("speakers",), ("report", "--out", "REP")])
def test_read_commands_never_scan_the_corpus(db, tmp_path, no_corpus_scan, args):
    from quotetrace.store import Store

    store = Store.open(str(db))
    harbour = max(store.stories(), key=lambda s: len(s.article_ids)).id
    store.close()
    args = tuple(harbour if a == "HARBOUR" else str(tmp_path / "rep") if a == "REP" else a for a in args)
    for fmt in (("--format", "jsonl"),) if args[0] != "report" else ((),):
        assert _invoke(*args, *fmt, "--db", str(db)).strip()


def test_story_reads_the_stored_comparison(db, monkeypatch):
    """Without --lexicon the stored rows are shown as they are: comparing again is never called."""
    import quotetrace.compare.stage as stage

    monkeypatch.setattr(stage, "compare_story", lambda *a, **k: (_ for _ in ()).throw(AssertionError("recomputed")))
    stories = _jsonl(_invoke("stories", "--db", str(db), "--format", "jsonl"))
    detail = _jsonl(_invoke("story", stories[0]["id"], "--db", str(db), "--format", "jsonl"))[0]
    assert detail["comparison"]["coverage"]["cells"]


def test_story_with_another_lexicon_recomputes_terms(db, tmp_path):
    lexicon = tmp_path / "lex.yaml"
    lexicon.write_text("- group: fiction harbour words\n  terms: [harbour, quay]\n", encoding="utf-8")
    stories = _jsonl(_invoke("stories", "--db", str(db), "--format", "jsonl"))
    detail = _jsonl(_invoke("story", stories[0]["id"], "--db", str(db), "--lexicon", str(lexicon),
                            "--format", "jsonl"))[0]
    groups = {c["group"] for c in detail["comparison"]["terms"]["counts"]}
    assert groups == {"fiction harbour words"}


def test_run_reports_a_compare_failure_cleanly(tmp_path, monkeypatch):
    import quotetrace.compare.stage as stage

    monkeypatch.setattr(stage, "compare_story", lambda *a, **k: (_ for _ in ()).throw(ValueError("injected")))
    result = CliRunner().invoke(main, ["run", str(CORPUS), "--manifest", str(CORPUS / "manifest.csv"),
                                       "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 1
    assert "compare stage failed on story" in result.output and "injected" in result.output
    assert "Traceback" not in result.output
