from __future__ import annotations

from quotetrace.compare.verbs import NO_CUE, reporting_verbs
from quotetrace.records import Quote


def test_verbs_per_outlet_for_one_speaker(story_data):
    choices = reporting_verbs(story_data["quotes"].values(), story_data["articles"])
    table = choices.for_speaker("sp-varn")
    assert table == {"Daily Keld": {"say": 1}, "Nord Post": {"admit": 1, "insist": 1}, "Valley Times": {"claim": 1}}
    assert choices.shared_speakers() == ("sp-varn",)


def test_link_map_overrides_and_unattributed(story_data):
    quotes = list(story_data["quotes"].values())
    bare = Quote("q9", "a3", "x", 0, 1, "direct")
    choices = reporting_verbs([*quotes, bare], story_data["articles"], {"q1": "sp-other"})
    assert choices.for_speaker("sp-other") == {"Daily Keld": {"say": 1}}
    assert "q9" not in str(choices.as_dict())
    with_none = reporting_verbs([bare], story_data["articles"], include_unattributed=True)
    assert with_none.for_speaker(None) == {"Valley Times": {NO_CUE: 1}}
