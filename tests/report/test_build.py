from __future__ import annotations

import re

from htmlcheck import check_page

from quotetrace.report.build import page_name, safe_href, write_report


def _pages(out):
    return sorted(out.rglob("*.html"))


def test_every_page_escaped_and_well_formed(tmp_path, hostile_data):
    index = write_report(tmp_path / "rep", hostile_data)
    assert index == tmp_path / "rep" / "index.html"
    pages = _pages(tmp_path / "rep")
    # index + 1 story + 1 speaker + 2 utterances
    assert len(pages) == 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        checker = check_page(html)
        assert checker.errors == [], (page, checker.errors)
        assert checker.doctype and checker.lang == "en" and checker.charset, page
        # No element from the data: no script, no img, no event handler attributes, no javascript: links.
        assert "<script" not in html.lower(), page
        assert not [t for t, _ in checker.tags if t in ("script", "img", "iframe")], page
        assert not [a for _, attrs in checker.tags for a in attrs if a.startswith("on")], page
        assert "javascript:" not in " ".join(str(v) for _, attrs in checker.tags for v in attrs.values())
    story = (tmp_path / "rep" / page_name("stories", "st1")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in story
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in story
    for name in ("speakers", "utterances"):
        any_page = next((tmp_path / "rep" / name).glob("*.html")).read_text(encoding="utf-8")
        assert "&lt;script&gt;" in any_page or "&lt;img" in any_page


def test_story_page_highlights_shared_statement_in_both_columns(tmp_path, hostile_data):
    write_report(tmp_path / "rep", hostile_data)
    story = (tmp_path / "rep" / page_name("stories", "st1")).read_text(encoding="utf-8")
    marks = re.findall(r'<mark class="hl hl-(\d)"[^>]*>(.*?)</mark>', story, re.S)
    assert [m[0] for m in marks] == ["0", "0"]  # same colour in both outlets' columns
    assert marks[1][1] == "The harbour stays open for every boat"
    assert 'class="q"' in story  # "Fees will not rise" is quoted by one outlet only: no colour
    assert story.count('class="column"') == 2
    assert "✓" in story and "Nothing left out." in story
    assert "Fees will not rise" in story and "carried by Coast Ledger" in story
    # Kiev appears once, in the first outlet's text.
    assert re.search(r"<td>Kiev</td><td class=\"num\">1</td>", story)


def test_utterance_page_shows_word_diff(tmp_path, hostile_data):
    write_report(tmp_path / "rep", hostile_data)
    page = (tmp_path / "rep" / page_name("utterances", "u1")).read_text(encoding="utf-8")
    # The second outlet's variant lacks the inserted words: they show as deletions.
    assert "<del>script alert 1 script</del>" in page


def test_safe_href():
    assert safe_href("https://x.example/a") == "https://x.example/a"
    assert safe_href("JavaScript:alert(1)") is None
    assert safe_href("data:text/html,x") is None
    assert safe_href(None) is None
