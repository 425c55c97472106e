from __future__ import annotations

from quotetrace.compare.coverage import carry_mode, story_coverage
from quotetrace.records import Story


def test_matrix_modes_and_order(story_data):
    cov = story_coverage(story_data["story"], story_data["articles"], story_data["quotes"], story_data["utterances"])
    assert cov.outlets == ("Daily Keld", "Nord Post", "Valley Times")
    # The bridge statement is carried by three outlets, so it comes first.
    assert cov.utterance_ids == ("u-bridge", "u-tolls")
    assert [c.mode for c in cov.row("u-bridge")] == ["verbatim", "partial", "indirect"]
    assert cov.cell("u-tolls", "Nord Post").quote_ids == ("q3",)
    assert not cov.cell("u-tolls", "Daily Keld").carried
    assert cov.outlets_carrying("u-tolls") == ("Nord Post",)


def test_omissions_name_who_carried_it(story_data):
    cov = story_coverage(story_data["story"], story_data["articles"], story_data["quotes"], story_data["utterances"])
    assert {(o.outlet, o.utterance_id) for o in cov.omissions} == {("Daily Keld", "u-tolls"), ("Valley Times", "u-tolls")}
    omission = cov.omissions_of("Valley Times")[0]
    assert omission.carried_by == ("Nord Post",)
    assert omission.speaker_id == "sp-varn"
    assert omission.canonical_text.startswith("Tolls are")
    assert cov.omissions_of("Nord Post") == ()


def test_altered_wording_is_marked(story_data):
    quotes = dict(story_data["quotes"])
    utterance = story_data["utterances"][0]
    changed = [v for v in utterance.variants if v.quote_id == "q4"][0]
    assert changed.altered  # "June" for "May": words substituted
    assert carry_mode(quotes["q4"].__class__(**{**quotes["q4"].__dict__, "kind": "direct"}), changed) == "altered"


def test_story_restricts_to_its_articles(story_data):
    small = Story("s2", "only two", ("a1", "a3"))
    cov = story_coverage(small, story_data["articles"], story_data["quotes"], story_data["utterances"])
    assert cov.outlets == ("Daily Keld", "Valley Times")
    assert cov.utterance_ids == ("u-bridge",)
    assert cov.omissions == ()
    data = cov.as_dict()
    assert data["cells"][0]["modes"] == ["verbatim"]
