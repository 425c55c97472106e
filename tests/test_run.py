"""The main job end to end on the fictional harbour corpus (tests/fixtures/fiction_harbour), real SQLite."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

import quotetrace.run as run_module
from quotetrace.errors import ConfigError, QuotetraceError
from quotetrace.nlp.pipeline import Extractor
from quotetrace.run import RunOptions, run_job
from quotetrace.store import Store, schema

CORPUS = Path(__file__).parent / "fixtures" / "fiction_harbour"


def _ids(store: Store) -> tuple[list[str], list[str], list[str], dict[str, str | None]]:
    return ([s.id for s in store.speakers()], [u.id for u in store.utterances()], [s.id for s in store.stories()],
            {q.id: q.speaker_id for q in store.iter_quotes()})


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("run")
    store = Store.open(str(root / "q.db"))
    options = RunOptions(manifest=CORPUS / "manifest.csv", report_dir=root / "report")
    summary = run_job([str(CORPUS)], store, options)
    yield root, store, options, summary
    store.close()


def test_summary_counts(first_run):
    _, _, _, summary = first_run
    assert summary.completed and summary.failures == ()
    assert (summary.articles, summary.outlets, summary.extracted) == (4, 3, 4)
    assert summary.quotes == sum(summary.quotes_by_kind.values()) > 0
    assert summary.stories >= 2  # the orchard article is its own story
    top = summary.top[0]
    assert top.speaker == "Tomas Ekland"
    assert top.outlets == ("Coastline Daily", "Northern Ledger", "Velmar Courier")
    assert summary.report.endswith("index.html") and Path(summary.report).is_file()


def test_rerun_is_idempotent_and_extracts_nothing(first_run):
    _, store, options, summary = first_run
    before = _ids(store)
    again = run_job([str(CORPUS)], store, options)
    assert again.extracted == 0 and again.new_articles == 0
    assert _ids(store) == before
    assert (again.articles, again.quotes, again.speakers, again.stories, again.utterances) == (
        summary.articles, summary.quotes, summary.speakers, summary.stories, summary.utterances)


def test_fresh_store_gives_same_ids(first_run, tmp_path):
    _, store, options, _ = first_run
    other = Store.open(str(tmp_path / "other.db"))
    try:
        run_job([str(CORPUS)], other, RunOptions(manifest=options.manifest))
        assert _ids(other) == _ids(store)
    finally:
        other.close()


def test_failed_extraction_batch_leaves_earlier_batches(tmp_path, monkeypatch):
    store = Store.open(str(tmp_path / "q.db"))
    real = Extractor.extract_many
    calls = {"n": 0}

    def failing(self, articles, batch_size=32):
        calls["n"] += 1
        if calls["n"] == 3:  # the third batch of one article fails half way through the stage
            raise RuntimeError("injected failure")
        return real(self, articles, batch_size)

    monkeypatch.setattr(Extractor, "extract_many", failing)
    with pytest.raises(RuntimeError):
        run_job([str(CORPUS)], store, RunOptions(manifest=CORPUS / "manifest.csv", batch_size=1))
    assert len(list(store.iter_articles())) == 4  # the ingest stage was committed
    assert len(list(store.iter_articles(without_quotes=True))) == 2  # two batches committed, two not
    assert store.speakers() == []  # linking never ran
    monkeypatch.setattr(Extractor, "extract_many", real)
    summary = run_job([str(CORPUS)], store, RunOptions(manifest=CORPUS / "manifest.csv", batch_size=1))
    assert summary.extracted == 2 and summary.articles == 4 and summary.speakers > 0
    store.close()


def test_bad_inputs_are_listed_and_nothing_processed(tmp_path):
    store = Store.open(str(tmp_path / "q.db"))
    summary = run_job([str(tmp_path / "missing.txt")], store, RunOptions())
    assert not summary.completed
    assert summary.failures and "missing.txt" in summary.failures[0].source
    store.close()


def test_some_inputs_skipped_still_completes(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "broken.txt").write_bytes(b"")
    store = Store.open(str(tmp_path / "q.db"))
    summary = run_job([str(corpus), str(tmp_path / "nope.txt")], store, RunOptions(manifest=corpus / "manifest.csv"))
    assert summary.completed and summary.articles == 4
    assert any("nope.txt" in f.source for f in summary.failures)
    store.close()


def test_bad_lexicon_fails_before_any_work(tmp_path):
    lexicon = tmp_path / "lex.yaml"
    lexicon.write_text("- group: x\n  terms: 3\n", encoding="utf-8")
    store = Store.open(str(tmp_path / "q.db"))
    with pytest.raises(ConfigError) as info:
        run_job([str(CORPUS)], store, RunOptions(lexicon=lexicon))
    assert info.value.line == 2
    assert list(store.iter_articles()) == []
    store.close()


def test_top_utterances_need_two_outlets(first_run):
    _, store, _, _ = first_run
    articles = {a.id: a for a in store.iter_articles()}
    quotes = {q.id: q for q in store.iter_quotes()}
    speakers = {s.id: s for s in store.speakers()}
    top = run_module.top_utterances(store.utterances(), quotes, articles, speakers, limit=50)
    assert top and all(len(t.outlets) >= 2 for t in top)
    assert [len(t.outlets) for t in top] == sorted((len(t.outlets) for t in top), reverse=True)


def _partial_corpus(tmp_path: Path) -> Path:
    """Two articles of the demo corpus and its manifest, in a folder of their own."""
    partial = tmp_path / "partial"
    partial.mkdir()
    for name in ("coastline.txt", "orchard.txt", "manifest.csv"):
        shutil.copy(CORPUS / name, partial / name)
    return partial


def test_stories_stream_across_runs(tmp_path):
    """A later run places only its new articles: earlier stories keep their members and ids."""
    partial = _partial_corpus(tmp_path)
    store = Store.open(str(tmp_path / "q.db"))
    try:
        run_job([str(partial)], store, RunOptions(manifest=partial / "manifest.csv"))
        before = {s.id: set(s.article_ids) for s in store.stories()}
        assert store.get_state(run_module.STORY_STATE_KEY)
        run_job([str(CORPUS)], store, RunOptions(manifest=CORPUS / "manifest.csv"))
        after = {s.id: set(s.article_ids) for s in store.stories()}
        assert all(story in after and members <= after[story] for story, members in before.items())
        assert sum(len(m) for m in after.values()) == 4
        # the two new reports of the harbour event joined the story the first run started
        assert max(len(m) for m in after.values()) == 3
    finally:
        store.close()


LOG_TABLES = {"runs", "ingest_failures"}  # run logs: every run appends to them by design
COMPARE_TABLES = ("story_comparisons", "story_coverage", "story_verbs", "story_terms")
LINK_TABLES = ("speakers", "utterances", "utterance_quotes", "stories", "story_articles")


def _dump(store: Store, names=None) -> dict[str, list[tuple]]:
    """Every row of every table (or of ``names``), sorted: two dumps are equal iff the tables are."""
    tables = [t for t in schema.metadata.sorted_tables if t.name not in LOG_TABLES and (names is None or t.name in names)]
    with store.engine.connect() as conn:
        return {t.name: sorted((tuple(repr(v) for v in row) for row in conn.execute(select(t))), key=repr)
                for t in tables}


def test_compare_rows_stored_for_every_story(first_run):
    _, store, _, _ = first_run
    dump = _dump(store, COMPARE_TABLES)
    stories = {s.id for s in store.stories()}
    assert {eval(r[0]) for r in dump["story_comparisons"]} == stories
    harbour = max(store.stories(), key=lambda s: len(s.article_ids))
    comparison = store.story_comparison(harbour.id)
    assert comparison is not None
    assert comparison.coverage.outlets == ("Coastline Daily", "Northern Ledger", "Velmar Courier")
    # every cell is stored with one of the five coverage modes, and the matrix is complete
    modes = {eval(r[4]) for r in dump["story_coverage"]}
    assert modes <= {"verbatim", "altered", "partial", "indirect", "missing"} and "verbatim" in modes
    assert "missing" in modes  # the fiction has statements one outlet left out
    assert len(comparison.coverage.cells) == len(comparison.coverage.outlets) * len(comparison.coverage.utterance_ids)
    assert comparison.verbs.counts and all(c.count > 0 for c in comparison.verbs.counts)
    # what is stored is what comparing the loaded story gives
    from quotetrace.compare.framing import load_lexicon
    from quotetrace.compare.stage import compare_loaded, load_story

    assert compare_loaded(load_story(store, harbour), load_lexicon()) == comparison


def test_second_run_leaves_every_table_identical(first_run):
    _, store, options, _ = first_run
    before = _dump(store)
    assert before["story_coverage"] and before["story_verbs"]
    run_job([str(CORPUS)], store, options)
    assert _dump(store) == before


def _failing_compare(monkeypatch, fail_at: int) -> dict[str, int]:
    import quotetrace.compare.stage as stage

    calls = {"n": 0}
    real = stage.compare_story

    def flaky(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == fail_at:
            raise RuntimeError("injected failure")
        return real(*args, **kwargs)

    monkeypatch.setattr(stage, "compare_story", flaky)
    return calls


def test_failing_compare_stage_writes_nothing_and_names_the_story(tmp_path, monkeypatch):
    from quotetrace.compare.stage import CompareError

    store = Store.open(str(tmp_path / "q.db"))
    try:
        calls = _failing_compare(monkeypatch, fail_at=2)
        with pytest.raises(CompareError, match="compare stage failed on story .*injected failure"):
            run_job([str(CORPUS)], store, RunOptions(manifest=CORPUS / "manifest.csv"))
        assert calls["n"] == 2  # the first story was compared (and written) before the failure
        dump = _dump(store)
        assert all(dump[t] == [] for t in COMPARE_TABLES)  # rolled back: no partial rows
        assert dump["stories"] and dump["speakers"]  # the link stage before it was committed
        monkeypatch.undo()
        run_job([str(CORPUS)], store, RunOptions(manifest=CORPUS / "manifest.csv"))
        assert len(_dump(store)["story_comparisons"]) == len(dump["stories"])
    finally:
        store.close()


def test_failing_recompare_leaves_previous_results(first_run, tmp_path, monkeypatch):
    """Another lexicon makes every story be compared again; a failure half way keeps the old rows."""
    _, store, options, _ = first_run
    before = _dump(store)
    lexicon = tmp_path / "lex.yaml"
    lexicon.write_text("- group: harbour words\n  terms: [harbour, port]\n", encoding="utf-8")
    _failing_compare(monkeypatch, fail_at=2)
    with pytest.raises(QuotetraceError):
        run_job([str(CORPUS)], store, RunOptions(manifest=options.manifest, lexicon=lexicon))
    assert _dump(store) == before


def test_failing_link_stage_leaves_previous_link_results(tmp_path, monkeypatch):
    partial = _partial_corpus(tmp_path)
    store = Store.open(str(tmp_path / "q.db"))
    try:
        run_job([str(partial)], store, RunOptions(manifest=partial / "manifest.csv"))
        before = _dump(store, LINK_TABLES + COMPARE_TABLES)
        speaker_of = {q.id: q.speaker_id for q in store.iter_quotes()}
        clusterer_state = store.get_state(run_module.STORY_STATE_KEY)

        def broken(self):  # type: ignore[no-untyped-def]
            raise RuntimeError("injected failure inside the link transaction")

        # to_bytes runs inside the link transaction, after the new link results were written
        monkeypatch.setattr(run_module.StoryClusterer, "to_bytes", broken)
        with pytest.raises(RuntimeError, match="injected"):
            run_job([str(CORPUS)], store, RunOptions(manifest=CORPUS / "manifest.csv"))
        assert store.count_articles() == 4  # ingest and extraction were committed
        assert _dump(store, LINK_TABLES + COMPARE_TABLES) == before
        assert store.get_state(run_module.STORY_STATE_KEY) == clusterer_state
        assert {q.id: q.speaker_id for q in store.iter_quotes() if q.id in speaker_of} == speaker_of
    finally:
        store.close()
