"""Streaming story clustering. Every article here is fiction written for the tests."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from quotetrace.link.stories import StoryClusterer, cluster_stories, pairwise_scores
from quotetrace.records import Article

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "articles.jsonl"


def art(aid: str, day: int | None, outlet: str, title: str, text: str, month: int = 3) -> Article:
    when = datetime(2031, month, day, 9, tzinfo=timezone.utc) if day else None
    return Article(aid, f"{title}\n\n{text}", "test", outlet=outlet, title=title, published=when)


# (article, event) — three small events plus two traps: a second visit months later, and a
# second flood in the same week in another town.
LABELLED = [
    (art("b1", 2, "Daily Fiction", "Port Veran bridge collapses during morning traffic",
         "The Saltmarsh Bridge in Port Veran collapsed on Tuesday morning, sending two lorries into the "
         "estuary. Harbourmaster Ines Cabral said divers had reached both drivers. Engineers from Veran "
         "Council blamed corroded cables."), "bridge"),
    (art("b2", 2, "Evening Fable", "Divers rescue lorry drivers after Saltmarsh Bridge failure",
         "Both drivers pulled from the estuary after the Saltmarsh Bridge gave way in Port Veran are in "
         "stable condition, Ines Cabral told reporters. Veran Council ordered checks on corroded cables."),
         "bridge"),
    (art("b3", 3, "Morning Myth", "Port Veran council orders inspection of all cable bridges",
         "A day after the Saltmarsh Bridge collapse, Veran Council closed three more cable bridges in "
         "Port Veran for inspection. Cabral said ferries would carry traffic across the estuary."), "bridge"),
    (art("v1", 5, "Daily Fiction", "Chancellor Marrow visits Tolvik shipyard",
         "Chancellor Ilse Marrow toured the Tolvik shipyard on Thursday and promised new orders for the "
         "Grevholm navy. Workers at Tolvik greeted Marrow with banners about pensions."), "visit-march"),
    (art("v2", 6, "Evening Fable", "Marrow promises Tolvik yard new navy orders",
         "Ilse Marrow told workers at the Tolvik shipyard that the Grevholm navy would order four new "
         "patrol boats. Union leader Petr Hollis welcomed the pledge."), "visit-march"),
    (art("v3", 12, "Daily Fiction", "Chancellor Marrow visits Tolvik shipyard again",
         "Chancellor Ilse Marrow returned to the Tolvik shipyard on Monday, three months after her first "
         "visit, as the Grevholm navy signed for the patrol boats. Workers at Tolvik cheered Marrow.",
         month=6), "visit-june"),
    (art("f1", 20, "Morning Myth", "Floods cut off Aldmere as River Sorne bursts its banks",
         "The River Sorne burst its banks overnight and cut off Aldmere. Mayor Tomas Brandt said 300 homes "
         "in Aldmere were flooded and the Sorne had not peaked."), "flood-aldmere"),
    (art("f2", 21, "Daily Fiction", "Aldmere mayor Brandt asks for army help as Sorne keeps rising",
         "Tomas Brandt, the mayor of Aldmere, asked for soldiers and sandbags as the River Sorne rose "
         "again. Rescue boats evacuated a care home in Aldmere."), "flood-aldmere"),
    (art("f3", 22, "Evening Fable", "Flash flood sweeps through Brennock market",
         "A flash flood tore through the market square of Brennock on Saturday after a cloudburst over the "
         "Kell hills. Brennock police chief Anna Voss said four stalls were swept away."), "flood-brennock"),
    (art("f4", 22, "Morning Myth", "Brennock counts cost of cloudburst flood",
         "Traders in Brennock began clearing mud from the market after the Kell hills cloudburst. Anna Voss "
         "of Brennock police said no one was missing."), "flood-brennock"),
]


def test_labelled_events_cluster_exactly() -> None:
    articles = [a for a, _ in LABELLED]
    stories = cluster_stories(articles)
    predicted = {aid: s.id for s in stories for aid in s.article_ids}
    gold = {a.id: event for a, event in LABELLED}
    precision, recall, f1 = pairwise_scores(gold, predicted)
    assert (precision, recall, f1) == (1.0, 1.0, 1.0), [s.article_ids for s in stories]


def test_time_window_separates_a_repeat_visit() -> None:
    articles = [a for a, event in LABELLED if event.startswith("visit")]
    stories = cluster_stories(articles)
    assert sorted(s.article_ids for s in stories) == [("v1", "v2"), ("v3",)]
    # With a window long enough, the same visit text joins.
    assert len(cluster_stories(articles, window_days=120)) == 1


def test_story_fields() -> None:
    stories = cluster_stories([a for a, event in LABELLED if event == "bridge"])
    assert len(stories) == 1
    story = stories[0]
    assert story.article_ids == ("b1", "b2", "b3")
    assert story.outlets == ("Daily Fiction", "Evening Fable", "Morning Myth")
    assert story.start == LABELLED[0][0].published and story.end == LABELLED[2][0].published
    assert story.title in {a.title for a, _ in LABELLED[:3]}


def test_streaming_add_returns_story_ids_and_is_deterministic() -> None:
    articles = sorted((a for a, _ in LABELLED), key=lambda a: a.published)  # type: ignore[arg-type,return-value]
    first, second = StoryClusterer(), StoryClusterer()
    ids_a = [first.add(a) for a in articles]
    ids_b = [second.add(a) for a in articles]
    assert ids_a == ids_b
    assert first.stories() == second.stories()
    assert ids_a[0] == ids_a[1]  # b2 joined b1's story
    assert first.assignments()["b1"] == ids_a[0]


def test_undated_articles_have_no_time_constraint() -> None:
    undated = [art(a.id + "u", None, a.outlet or "", a.title or "", a.text.split("\n\n", 1)[1])
               for a, event in LABELLED if event.startswith("visit")]
    # Without dates nothing separates the two visits: they are one story.
    assert len(cluster_stories(undated)) == 1
    # An undated article still joins a dated story it matches.
    dated = [a for a, event in LABELLED if event == "bridge"]
    loose = art("bx", None, "Night Tale", "Saltmarsh Bridge divers praised",
                "Ines Cabral praised the divers who reached the drivers after the Saltmarsh Bridge collapse "
                "in Port Veran.")
    stories = cluster_stories([*dated, loose])
    assert len(stories) == 1 and "bx" in stories[0].article_ids


def test_pairwise_scores() -> None:
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    assert pairwise_scores(gold, {"a": 1, "b": 1, "c": 2, "d": 2}) == (1.0, 1.0, 1.0)  # type: ignore[dict-item]
    p, r, f = pairwise_scores(gold, {"a": "s", "b": "s", "c": "s", "d": "t"})
    assert (p, r) == (pytest.approx(1 / 3), 0.5) and f == pytest.approx(0.4)
    assert pairwise_scores(gold, {k: k for k in gold}) == (1.0, 0.0, 0.0)


@pytest.mark.parametrize("order", [list(range(5)), [4, 3, 2, 1, 0], [1, 4, 3, 0, 2], [3, 1, 4, 2, 0]])
def test_seeds_kyiv_visit_is_one_story(seed_paths: list[Path], order: list[int]) -> None:
    """Whatever order the undated seeds arrive in (ids decide it), only the two visit reports join."""
    articles = []
    for rank, path in zip(order, seed_paths):
        text = path.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.strip()).strip()
        # undated: no time constraint; the id prefix sets the clustering order
        articles.append(Article(f"{rank}-{path.stem[:3]}", text, str(path), title=title))
    stories = cluster_stories(articles)
    by_article = {aid.split("-")[1]: s for s in stories for aid in s.article_ids}
    assert by_article["001"] is by_article["004"]
    assert {aid.split("-")[1] for aid in by_article["001"].article_ids} == {"001", "004"}
    assert len(stories) == 4


def load_fixture() -> list[tuple[Article, str]]:
    if not FIXTURE.is_file():
        pytest.skip("tests/fixtures/stories/articles.jsonl is not there yet")
    rows = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            published = datetime.fromisoformat(row["published"]) if row.get("published") else None
            rows.append((Article(row["id"], row["text"], str(FIXTURE), url=row.get("url"), outlet=row.get("outlet"),
                                 title=row.get("title"), published=published), row["event"]))
    return rows


def test_labelled_fixture_pairwise_floor() -> None:
    """One parameter set (the defaults) on the shared labelled set; measured P 0.97, R 0.89, F1 0.929."""
    rows = load_fixture()
    stories = cluster_stories(a for a, _ in rows)
    predicted = {aid: s.id for s in stories for aid in s.article_ids}
    gold = {a.id: event for a, event in rows}
    precision, recall, f1 = pairwise_scores(gold, predicted)
    assert precision >= 0.94 and recall >= 0.85 and f1 >= 0.90, (precision, recall, f1)
    by_article = {aid: s.id for s in stories for aid in s.article_ids}
    events: dict[str, set[str]] = {}
    for article, event in rows:
        events.setdefault(event, set()).add(by_article[article.id])
    # Traps: same subject, different event (months apart, or a week apart in another place).
    for first, second in [("brandvold-halvia-feb", "brandvold-halvia-may"),
                          ("essel-flood-lowmere-mar", "essel-flood-tarnby-apr"),
                          ("petrak-fuel-duty", "petrak-tax-fraud")]:
        if first in events and second in events:
            assert not events[first] & events[second], (first, second)


def _streamed(articles: list[Article], clusterer: StoryClusterer | None = None) -> StoryClusterer:
    clusterer = clusterer or StoryClusterer()
    clusterer.add_all(articles)
    return clusterer


def test_state_round_trip_continues_exactly_where_it_left_off() -> None:
    """Two runs (state saved between them) give the same stories as one streaming run."""
    articles = sorted((a for a, _ in load_fixture()), key=lambda a: (a.published is None, a.published, a.id))
    half = len(articles) // 2
    whole = _streamed(articles)
    first = _streamed(articles[:half])
    restored = StoryClusterer.from_bytes(first.to_bytes())
    assert restored is not None
    assert restored.stories() == first.stories()
    second = _streamed(articles, restored)  # add_all skips the articles the state already holds
    assert second.stories() == whole.stories()
    assert second.assignments() == whole.assignments()
    assert len(whole.stories()) > 10


def test_closed_stories_keep_titles_but_not_vectors() -> None:
    articles = [a for a, _ in load_fixture()]
    clusterer = _streamed(articles)
    open_ids = set(clusterer._open)
    assert any(s.vectors == [] and s.title for s in clusterer._stories if s.index not in open_ids)
    assert all(s.vectors for s in clusterer._stories if s.index in open_ids)


def test_state_from_other_parameters_is_ignored() -> None:
    clusterer = _streamed([a for a, _ in load_fixture()][:10])
    assert StoryClusterer.from_bytes(clusterer.to_bytes(), window_days=7.0) is None


def test_a_late_arrival_joins_its_closed_story() -> None:
    """An article older than the open window (crawled late) still finds the story of its days."""
    rows = load_fixture()
    by_event: dict[str, list[Article]] = {}
    for article, event in rows:
        if article.published is not None:
            by_event.setdefault(event, []).append(article)
    event, members = max(by_event.items(), key=lambda kv: len(kv[1]))
    members = sorted(members, key=lambda a: a.published)  # type: ignore[arg-type, return-value]
    late, early = members[0], members[1:]
    newest = max(a.published for a, _ in rows if a.published is not None)  # type: ignore[type-var]
    clusterer = StoryClusterer()
    clusterer.add_all([a for a, _ in rows if a.published is not None and a.id != late.id])
    assert newest - late.published > clusterer.window  # type: ignore[operator]
    clusterer.add(late)
    story = clusterer.assignments()
    assert story[late.id] == story[early[0].id], event
