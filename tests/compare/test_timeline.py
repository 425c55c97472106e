from __future__ import annotations

from quotetrace.compare.timeline import speaker_timeline


def test_date_order_undated_last_with_links(story_data):
    tl = speaker_timeline("sp-varn", story_data["quotes"].values(), story_data["articles"], story_data["utterances"])
    assert [e.quote_id for e in tl.entries] == ["q2", "q3", "q1", "q4"]
    first = tl.entries[0]
    assert (first.outlet, first.venue, first.kind, first.cue) == ("Nord Post", "on Radio Nord", "direct", "admit")
    assert first.source == "fiction/a2.txt" and first.url.endswith("/a2")
    assert first.utterance_id == "u-bridge"
    assert tl.entries[-1].date is None


def test_topic_filter_whole_word_on_text_or_title(story_data):
    tl = speaker_timeline("sp-varn", story_data["quotes"].values(), story_data["articles"], topics=["tolls"])
    assert [e.quote_id for e in tl.entries] == ["q3", "q1"]  # "Tolls" matches in any case; date order
    by_title = speaker_timeline("sp-varn", story_data["quotes"].values(), story_data["articles"], topics=["plans"])
    assert [e.quote_id for e in by_title.entries] == ["q4"]
    assert speaker_timeline("sp-varn", story_data["quotes"].values(), story_data["articles"], topics=["toll"]).entries == ()


def test_other_speaker_empty(story_data):
    assert speaker_timeline("nobody", story_data["quotes"].values(), story_data["articles"]).entries == ()
