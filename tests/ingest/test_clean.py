"""Junk marking. Fixture texts are FICTION written for these tests; the seeds are read in place."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrace.ingest.boilerplate import normalise_line
from quotetrace.ingest.clean import mark_junk
from quotetrace.records import Span


def marked_lines(text: str, spans: tuple[Span, ...]) -> dict[str, str]:
    """stripped line -> label, for lines wholly covered by a span."""
    out = {}
    for span in spans:
        piece = text[span.start:span.end]
        out[piece.strip(" \t•·-*")] = span.label
    return out


def check_spans(text: str, spans: tuple[Span, ...]) -> None:
    """Sorted, non-overlapping, inside the text, never crossing a line break, never empty."""
    last = 0
    for span in spans:
        assert last <= span.start < span.end <= len(text), spans
        assert "\n" not in text[span.start:span.end]
        assert span.label
        last = span.end


# --- every junk kind, one fictional line each: (line, label) --------------------------------------
JUNK_LINES = [
    ("Oops!", "error-widget"),
    ("Something went wrong.", "error-widget"),
    ("Please try again later.", "error-widget"),
    ("An error occurred. Please try again.", "error-widget"),
    ("Your browser does not support the video tag.", "error-widget"),
    ("Image: Velmora Courier archive", "caption"),
    ("The new ferry at dawn. Photo: Anna Fisk/Harbour Ledger", "caption"),
    ("Mayor Ilse Varga at the opening (Getty Images)", "caption"),
    ("AP Photo/Oskar Lind", "caption"),
    ("Photo by Runa Tell on Unsplash", "caption"),
    ("5 minute read", "read-time"),
    ("Reading time: 4 min", "read-time"),
    ("Support the Ledger or become our patron!", "donation"),
    ("Donate", "donation"),
    ("Become a member", "donation"),
    ("Support independent journalism today", "donation"),
    ("Help us keep the Courier free for everyone", "donation"),
    ("By Mara Quill and Piet Marsh", "byline"),
    ("Share this article", "share"),
    ("Share on Facebook | Twitter | WhatsApp", "share"),
    ("Follow us on Twitter and Instagram", "share"),
    ("Subscribe", "subscribe"),
    ("Sign up for our daily newsletter", "subscribe"),
    ("Get the latest headlines delivered to your inbox", "subscribe"),
    ("Enter your email address", "subscribe"),
    ("Subscribe to continue reading", "paywall"),
    ("This article is for subscribers only", "paywall"),
    ("You have reached your limit of free articles this month", "paywall"),
    ("Already a subscriber? Log in", "paywall"),
    ("Read more: Velmora footbridge opens after three years", "read-more"),
    ("READ MORE", "read-more"),
    ("Read more \u00bb", "read-more"),
    ("Related: Ferry timetable changes in Norvik", "read-more"),
    ("Advertisement", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("We use cookies to improve your experience on our site.", "cookie"),
    ("Accept all cookies", "cookie"),
    ("Click here to read the full report", "click-here"),
    ("Copyright 2024 Harbour Ledger. All rights reserved.", "copyright"),
    ("Back to top", "ui"),
    ("Show comments", "ui"),
    ("Listen to this article", "read-more"),
    ("Don't miss", "read-more"),
    ("Most read in fictional news", "read-more"),
    ("Loading comments...", "error-widget"),
    ("There was an error processing your subscription.", "error-widget"),
    ("Thanks for signing up!", "subscribe"),
    ("Comments are closed.", "ui"),
    ("Leave a Reply", "ui"),
    ("12 comments", "ui"),
    ("Like this story? Share it with a friend!", "share"),
    ("Follow the Velmora Courier on Facebook, Instagram and YouTube.", "share"),
    ("Additional reporting by Runa Tell", "byline"),
    ("Piet Marsh contributed reporting from Skerra.", "byline"),
    ("(Reporting by Jonas Weir; Editing by Simon Achebe)", "byline"),
    ("This article was first published by Meridian Wire.", "byline"),
    ("Republished with permission from the Aster Ledger.", "byline"),
    ("Write to Mara Quill at mara.quill@courier.invalid", "author-bio"),
    ("Updated at 1:23 p.m.", "timestamp"),
    ("UPDATED: Tue., Nov. 19, 2019", "timestamp"),
    ("Published 18 November 2019", "timestamp"),
]

# --- real (fictional) sentences that must never be marked ----------------------------------------
REAL_LINES = [
    "The report was first published by the ministry in 2019 and revised twice since.",
    "This article was published before the ferry strike ended, and the union has since agreed terms with the port.",
    "Residents can subscribe to the council's flood alerts, the mayor said on Tuesday.",
    "Support for the ferry plan grew after the storm, according to a poll by the invented Norvik Institute.",
    "Earlier this month, the Velmora council voted to keep the old ferry running on Sundays.",
    "Earlier",  # a lone word that only looks like a teaser label
    "Images published by the fictional Courier showed the bridge lit up at night.",
    "The photographer said her image of the harbour was taken from the lighthouse.",
    "Donations poured in after the flood, and the shelter stayed open all winter.",
    "Finland became a member of the invented Northern Rail Compact in 2019.",
    "We are asking residents to donate blood, the hospital said.",
    "Oskar Vell is the harbour master of Norvik and has held the post for a decade.",
    "By Tuesday evening, the council had voted to rebuild the harbour wall.",
    "Source: the council's own minutes, as reported by the fictional Ledger",
    "Details: He stressed that the bridge was built to last a hundred years.",
    "Quote: \"We cannot wait another winter.\"",
    "Share prices in the invented Tessel Shipping Company fell by a third.",
    "Copyright lawsuits against the invented studio rose sharply last year.",
    "\u201cClick here, click there, nobody reads the notices,\u201d said councillor Piet Marsh.",
    "Related research by the institute found the tram line would halve commuting times.",
    "The advertisement campaign cost the council ten thousand crowns.",
    "Read the full statement on the council's website, a spokesperson said.",
    "Something went wrong with the tram signals on Monday, the operator said.",
    "Oops, the mayor joked as she dropped the scissors during the ceremony.",
    "Reading the report takes five minutes, but its conclusions will take years to implement.",
    "The Ledger's readers voted the bridge the best new building of the year.",
    "Big picture: the invented economy of Velmora is slowing faster than expected.",
    "More than 200 people attended the fictional harbour fair.",
    "Updated figures showed a 4 percent rise.",
    "Published in 2019, the invented report was ignored for years.",
    "Comments from residents were mostly positive.",
    "Follow the money, the fictional auditor urged councillors.",
    "Mara Quill contributed to the fund in 2020 and again this year.",
    "Sorry, the mayor told residents, the ferry will not run on Sunday.",
    "| Year | Passengers |",  # a table header, even when the table repeats it
    "Watch the ferry come in, and you will understand the town.",
]


@pytest.mark.parametrize(("line", "label"), JUNK_LINES)
def test_each_junk_kind_is_marked_as_a_whole_line(line: str, label: str) -> None:
    text = f"Fictional headline about Velmora\n\nThe council met on Monday to discuss the bridge.\n{line}\n" \
           f"The vote is expected next week, councillors said.\n"
    spans = mark_junk(text)
    check_spans(text, spans)
    assert [(text[s.start:s.end], s.label) for s in spans] == [(line, label)]


@pytest.mark.parametrize("line", REAL_LINES)
def test_real_sentences_stay_unmarked(line: str) -> None:
    text = f"Fictional headline about Velmora\n\n{line}\n\nThe council will meet again next week.\n"
    assert mark_junk(text) == ()


@pytest.mark.parametrize("line", REAL_LINES)
def test_real_sentences_stay_unmarked_in_the_tail(line: str) -> None:
    # The last lines are where author bios are looked for: real closing sentences must survive there too.
    text = f"Fictional headline about Velmora\n\nThe council will meet again next week.\n\n{line}\n"
    assert mark_junk(text) == ()


def test_bullets_and_indentation_are_part_of_the_marked_line() -> None:
    text = "Fictional headline\n  \u2022 Oops!\n    Something went wrong.\n\u2022 Earlier the invented mayor " \
           "of Velmora said the bridge would open in spring.\n"
    spans = mark_junk(text)
    assert [(text[s.start:s.end], s.label) for s in spans] == [
        ("  \u2022 Oops!", "error-widget"), ("    Something went wrong.", "error-widget")]


def test_reading_time_glued_to_a_headline_marks_only_the_badge() -> None:
    for headline, badge in [("Velmora Opens Its New Footbridge3 min read", "3 min read"),
                            ("Velmora Opens Its New Footbridge 12 min read", " 12 min read"),
                            ("Velmora Opens Its New Footbridge | 5 minute read", " | 5 minute read")]:
        text = f"{headline}\nThe fictional town of Velmora opened a bridge on Tuesday, officials said.\n"
        spans = mark_junk(text)
        assert [(text[s.start:s.end], s.label) for s in spans] == [(badge, "read-time")], headline
        assert spans[0].end == len(headline)


@pytest.mark.parametrize("headline", ["Watch: Velmora mayor cuts the ribbon on the new footbridge",
                                      "Live updates", "Related: the invented ferry strike and the bridge"])
def test_teaser_shaped_headline_is_kept_but_the_same_line_later_is_marked(headline: str) -> None:
    body = "The fictional town of Velmora opened a bridge on Tuesday, officials said."
    assert mark_junk(f"{headline}\n{body}\n") == ()
    text = f"Headline\n{body}\n{headline}\n"
    assert [text[s.start:s.end] for s in mark_junk(text)] == [headline]


def test_a_sentence_ending_in_read_is_not_a_badge() -> None:
    text = "Headline\nThe invented report, all 40 pages, was the only document the 12 members read\n"
    assert mark_junk(text) == ()


def test_caption_printed_twice_in_a_row_is_marked_twice() -> None:
    caption = "Ilse Varga, mayor of the invented town of Velmora"
    text = f"Headline\n\n{caption}\n{caption}\n\nThe invented mayor opened the bridge on Tuesday.\n"
    spans = mark_junk(text)
    assert [(text[s.start:s.end], s.label) for s in spans] == [(caption, "caption-repeat")] * 2


def test_a_repeated_line_far_apart_is_not_a_caption_repeat() -> None:
    line = "The vote was close."
    text = f"Headline\n{line}\nThe mayor spoke for an hour about the budget.\n{line}\n"
    assert mark_junk(text) == ()


def test_author_block_at_the_end() -> None:
    text = ("Fictional council story\n\nThe invented council of Skerra voted on Monday.\n\n"
            "Author: Mara Quill\n\n"
            "Mara Quill is a senior reporter at the Harbour Ledger, follow her on Twitter @maraquill_fiction.\n")
    labels = [(text[s.start:s.end], s.label) for s in mark_junk(text)]
    assert labels == [("Author: Mara Quill", "author-bio"),
                      ("Mara Quill is a senior reporter at the Harbour Ledger, follow her on Twitter "
                       "@maraquill_fiction.", "author-bio")]


def test_bio_shaped_sentence_in_the_body_is_kept() -> None:
    # Not at the end, no author label before it: a sentence about a journalist in the story itself.
    text = ("Headline\nMara Quill is a reporter at the Harbour Ledger, follow her on Twitter @maraquill_fiction.\n"
            "The council met on Monday.\nIt voted to close the library.\nIt will meet again.\n"
            "The mayor left early.\nNobody objected.\n")
    assert mark_junk(text) == ()


def test_learned_boilerplate_lines_are_marked() -> None:
    footer = "The Harbour Ledger is a fictional newspaper owned by its readers"
    text = f"Headline\nThe invented council met on Monday.\n{footer}\n"
    assert mark_junk(text) == ()
    spans = mark_junk(text, frozenset({normalise_line(footer)}))
    assert [(text[s.start:s.end], s.label) for s in spans] == [(footer, "learned-boilerplate")]


def test_fictional_page_with_many_kinds_together() -> None:
    # FICTION: a whole page with junk mixed in; offsets of the kept lines must be untouched.
    lines = [
        ("Velmora Opens Its Footbridge After Three Years4 min read", None),
        ("By Mara Quill", "byline"),
        ("Share on Facebook", "share"),
        ("The invented harbour town of Velmora opened its new footbridge on Tuesday.", None),
        ("Advertisement", "advertisement"),
        ("\u201cWe built this bridge for the children,\u201d said Mayor Ilse Varga.", None),
        ("Read more: Ferry to keep running on Sundays", "read-more"),
        ("Critics said the bridge cost twice its budget.", None),
        ("Support the Courier or become our patron!", "donation"),
        ("Author: Mara Quill", "author-bio"),
    ]
    text = "\n".join(line for line, _ in lines) + "\n"
    spans = mark_junk(text)
    check_spans(text, spans)
    got = [(text[s.start:s.end], s.label) for s in spans]
    assert got[0] == ("4 min read", "read-time")
    assert got[1:] == [(line, label) for line, label in lines if label is not None]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([line for line, _ in JUNK_LINES] + REAL_LINES + ["", "  ", "\u2022"]),
                max_size=20),
       st.sampled_from(["\n", "\r\n"]))
def test_spans_are_always_well_formed(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    spans = mark_junk(text)
    check_spans(text, spans)
    for span in spans:
        assert text[span.start:span.end].strip()  # nothing blank is marked


# --- acceptance: the five real seed articles ------------------------------------------------------
# Short junk strings the seeds contain (named, not copied articles); every other line is content.
SEED_JUNK = (
    "Oops!", "Something went wrong.", "Please try again later.", "Photo: Bloomberg",
    "Support UP or become our patron!", "Author: Dave DeCamp",
    "is the news editor of Antiwar.com, follow him on Twitter @decampdave.",
)
SEED_GLUED = "2 min read"


def test_seed_junk_is_marked_and_nothing_else(seed_paths: list[Path]) -> None:
    found: dict[str, int] = {junk: 0 for junk in (*SEED_JUNK, SEED_GLUED)}
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        spans = mark_junk(text)
        check_spans(text, spans)
        covered = [False] * len(text)
        for span in spans:
            covered[span.start:span.end] = [True] * (span.end - span.start)
        pos = 0
        for line in text.splitlines(keepends=True):
            body = line.rstrip("\r\n")
            start, pos = pos, pos + len(line)
            marked = "".join(ch for ch, c in zip(body, covered[start:start + len(body)], strict=True) if c)
            content = body.strip()
            hits = [junk for junk in SEED_JUNK if junk in content]
            if SEED_GLUED in content and content != SEED_GLUED:
                assert marked == SEED_GLUED, (path.name, body)
                found[SEED_GLUED] += 1
            elif hits:
                assert marked == body, (path.name, body, marked)  # the whole line, bullets included
                for junk in hits:
                    found[junk] += 1
            else:
                assert marked == "", (path.name, body, marked)
    assert all(found.values()), found
    assert found["Photo: Bloomberg"] == 2  # the caption printed twice is marked both times


_PIECES = ["Share this story", "Ørsund Tidende", "é\u0301tude", "ﬁnal whistle", "12 min read", "  ", "\t", "•", "·",
           "- ", "» ", "|", "—", "\u00a0", "\u2003", "Advertisement", "By Mira Sel", "ß", "İ", "x" * 790]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), max_size=5).map("".join), max_size=12),
       st.sampled_from(["\n", "\r\n", "\u2028", "\x85", "\x1c", "\n\n"]))
def test_precomputed_normalised_lines_give_the_same_marks(lines: list[str], newline: str) -> None:
    from quotetrace.ingest.boilerplate import candidate_lines

    text = newline.join(lines)
    normalised = candidate_lines(text)
    learned = frozenset(line for line in normalised if line)  # every line is learned: the check runs on all
    assert mark_junk(text, learned, normalised) == mark_junk(text, learned)
    assert mark_junk(text, frozenset(), normalised) == mark_junk(text)


def test_ascii_lookalikes_are_all_the_characters_re_i_matches_to_ascii_letters() -> None:
    """The substring prefilter before the slow ``re.I`` searches holds only if this list is complete."""
    import re
    import sys

    from quotetrace.ingest.clean import _ASCII_LOOKALIKES

    letter = re.compile("[a-z]", re.I)
    found = {chr(c) for c in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(c))}
    assert found == {c for c in map(chr, range(128, sys.maxunicode + 1)) if _ASCII_LOOKALIKES.fullmatch(c)}


@pytest.mark.parametrize("line", [
    "The minister ſaid nothing more about the plan that week",  # long s: re.I reads it as "s"
    "The minister SAID nothing more about the plan that week, officials ADDED later on",
    "We use cooKies to improve your experience on this website",  # Kelvin sign: re.I reads it as "k"
    "This website uses COOKIES to improve your experience",
])
def test_case_and_lookalike_letters_still_reach_the_rules(line: str) -> None:
    from quotetrace.ingest.clean import _REPORTING, _COOKIE, _Line, _sentence_like

    parsed = _Line(0, len(line), line, 0)
    assert _sentence_like(parsed) == bool(_REPORTING.search(line))
    if _COOKIE.search(line):
        assert mark_junk(line) == (Span(0, len(line), "cookie"),)


def test_lowering_keeps_what_the_reporting_search_reads() -> None:
    """``_REPORTING_LOWER`` on ``core.lower()`` answers as ``_REPORTING`` (re.I) on ``core``: outside the ASCII
    lookalikes, lowering maps each character to one character, keeps word characters word characters, and maps
    no other character to ASCII."""
    import sys

    from quotetrace.ingest.clean import _ASCII_LOOKALIKES

    for code in range(128, sys.maxunicode + 1):
        char = chr(code)
        if not _ASCII_LOOKALIKES.match(char):
            low = char.lower()
            assert len(low) == 1 and low.isalnum() == char.isalnum() and not low.isascii(), hex(code)


@pytest.mark.parametrize("line", ["Officials SAID on Monday", "ÉTAT said", "Ünsaid words", "x_said", "ACCORDING TO him",
                                  "Über-added value", "Ǆsays no", "Warned\u00a0off"])
def test_sentence_like_reads_reporting_words_as_re_i(line: str) -> None:
    from quotetrace.ingest.clean import _REPORTING, _Line, _sentence_like

    assert _sentence_like(_Line(0, len(line), line, 0)) == bool(_REPORTING.search(line))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZé1_ '’-.\t\u00a0ſ“”„«\"")) | st.characters(), max_size=120))
def test_word_bound_and_quote_test_answer_as_the_regexes(line: str) -> None:
    from quotetrace.ingest.clean import _QUOTE_MARKS, _Line, _has_quote_mark

    parsed = _Line(0, len(line), line, 0)
    assert parsed.least_words <= len(parsed.words)
    assert _has_quote_mark(line) == bool(_QUOTE_MARKS.search(line))
