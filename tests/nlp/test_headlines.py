"""Headline claims: who the headline says said what."""

from __future__ import annotations

from quotetrace.nlp.headlines import headline_claims


def _speaker(text: str) -> str | None:
    claims = headline_claims(text)
    return text[claims[0].speaker_start: claims[0].speaker_end] if claims else None


def test_a_live_page_label_is_no_speaker_and_a_passive_told_reports_nothing():
    text = ("Kettle Ridge Fire live updates: 12,000 told to leave as fire chief says blaze is “outrunning every model we "
            "have”\n\nRidge County Register staff\n\nFire Chief Marisa Delgado-Hume urged residents to leave.")
    assert _speaker(text) == "fire chief"


def test_a_label_before_a_colon_speaks_for_the_headline():
    text = ("Police: Driver charged in death of Harwick cyclist hid damaged pickup at uncle's farm\n\n"
            "The Harwick Police Department said on Friday that the driver had been charged.")
    assert _speaker(text) == "Police"


def test_warns_of_is_no_reported_clause():
    text = "U.N. agency warns of famine in besieged Tavrin\n\nThe World Food Programme said on Monday that stocks ran out."
    assert headline_claims(text) == []
