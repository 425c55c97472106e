"""What an ingest run keeps in memory does not grow with the number of articles. Every text here is fiction."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from quotetrace.ingest.options import IngestOptions
from quotetrace.ingest.pipeline import _Run, ingest
from quotetrace.ingest.sources import _Run as _SourcesRun
from quotetrace.ingest.sources import iter_inputs
from quotetrace.records import Article
from quotetrace.store import Store

OPTS = IngestOptions(language=False)


def _text(i: int) -> str:
    # FICTION: an invented outlet's furniture around an invented one-line story.
    return (f"Get the fictional Tessel Tribune app\nThe invented tram {i} ran {i % 9 + 2} minutes late on day {i}, "
            f"the fictional transit board said.\nRemark {i} of an invented reader\n")


def _sizes(*objects: Any) -> dict[str, int]:
    """The length of every container attribute of ``objects`` (and one level into dicts of containers)."""
    sizes = {}
    for obj in objects:
        for name, value in vars(obj).items():
            if isinstance(value, (dict, set, list, frozenset, tuple)):
                sizes[f"{type(obj).__name__}.{name}"] = len(value)
                if isinstance(value, dict):
                    inner = sum(len(v) for v in value.values() if isinstance(v, (dict, set, list, frozenset)))
                    sizes[f"{type(obj).__name__}.{name}[*]"] = inner
    return sizes


def test_pipeline_state_stays_the_same_size_batch_after_batch(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "q.db"))
    run_id = store.start_run("ingest", [])
    run = _Run(store, 20, run_id)
    seen = []
    for batch in range(8):
        articles = [Article(id=f"t{i}", text=_text(i), source=f"t{i}.txt", outlet="tessel.invalid",
                            content_hash=f"h{i}") for i in range(batch * 20, batch * 20 + 20)]
        run.write(articles, [])
        seen.append(_sizes(run, run.learner, run.index))
    assert seen[2] == seen[-1], "a structure of the run grows with the articles"
    assert run.learner.lines_for("tessel.invalid") == {"get the fictional tessel tribune app"}
    assert not run.learner._lines  # the batch's counts are in the store once it is saved
    again = _Run(store, 20, store.start_run("ingest", []))  # a new run: what the last one handled is forgotten
    twice = Article(id="t3", text=_text(3), source="again.txt", outlet="tessel.invalid", content_hash="h3")
    again.write([twice], [])
    again.write([twice], [])
    assert (again.unchanged, again.exact) == (1, 1)  # the same id twice in one run: the store remembers it


def test_same_id_twice_in_a_run_across_batches_is_a_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    rows = [{"id": f"s{i}", "url": f"https://tessel.invalid/{i}", "text": _text(i)} for i in range(9)]
    rows.append({"id": "s1b", "url": "https://tessel.invalid/1", "text": _text(1) + "An edit of the invented story.\n"})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    store = Store.open(str(tmp_path / "q.db"))
    summary = ingest([str(path)], store, OPTS, batch_size=3)
    assert (summary.ingested, summary.exact_duplicates) == (9, 1)
    assert [a.text for a in store.iter_articles() if a.url == "https://tessel.invalid/1"] == [_text(1)]  # the first
    assert store.count_articles() == 9
    again = ingest([str(path)], store, OPTS, batch_size=3)
    assert (again.ingested, again.unchanged, again.exact_duplicates) == (0, 9, 1)


def test_a_folder_walk_keeps_no_per_file_set_and_still_reads_each_file_once(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    for i in range(30):
        (root / ("sub" if i % 2 else "") / f"a{i:02d}.txt").write_text(_text(i), encoding="utf-8")
    run = _SourcesRun(OPTS)
    read = [item for item in run.folder(root) if isinstance(item, Article)]
    assert len(read) == 30 and not run._seen  # the walk's root answers for its files
    assert run._walked == [str(root.resolve())]
    # The same files again, by name, through the sub-folder, through a link and the folder itself: read once.
    os.symlink(root / "a00.txt", tmp_path / "link.txt")
    items = list(iter_inputs([str(root / "sub"), str(root), str(root / "a04.txt"), str(tmp_path / "link.txt"),
                              str(root / "sub")], OPTS))
    assert sorted(a.source for a in items if isinstance(a, Article)) == sorted(
        str(p) for p in root.rglob("*.txt"))


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_a_symlinked_file_inside_the_walked_folder_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(_text(1), encoding="utf-8")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    items = list(iter_inputs([str(tmp_path)], OPTS))
    assert [Path(a.source).name for a in items if isinstance(a, Article)] == ["a.txt"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_a_symlink_met_before_its_file_is_read_in_its_place(tmp_path: Path) -> None:
    (tmp_path / "z.txt").write_text(_text(1), encoding="utf-8")
    os.symlink(tmp_path / "z.txt", tmp_path / "b.txt")
    items = list(iter_inputs([str(tmp_path)], OPTS))
    assert [Path(a.source).name for a in items if isinstance(a, Article)] == ["b.txt"]
