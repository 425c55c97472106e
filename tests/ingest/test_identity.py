from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrace.ingest.identity import article_id, content_hash, normalise_url
from quotetrace.records import stable_id


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://WWW.Example.COM/News/Story/", "https://www.example.com/News/Story"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/", "https://example.com/"),
        ("http://example.com:80/a#section-2", "http://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com/a?utm_source=x&id=7&fbclid=abc&UTM_Medium=y", "https://example.com/a?id=7"),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?b=2&a=1"),
        ("  https://example.com/a?gclid=1  ", "https://example.com/a"),
    ],
)
def test_normalise_url(url: str, expected: str) -> None:
    assert normalise_url(url) == expected
    assert normalise_url(expected) == expected  # idempotent


def test_content_hash_ignores_whitespace_runs_only() -> None:
    assert content_hash("A  quote\n\nhere ") == content_hash("A quote here")
    assert content_hash("A quote here") != content_hash("A quote there")
    assert len(content_hash("x")) == 40


def test_article_id_prefers_canonical_url() -> None:
    a = article_id("https://Example.com/story/?utm_campaign=z", "text one")
    b = article_id("https://example.com/story", "completely different text")
    assert a == b == stable_id("https://example.com/story")
    assert article_id(None, "Same  text") == article_id("", "Same text") == stable_id(content_hash("Same text"))
    assert article_id(None, "one") != article_id(None, "two")


@given(st.text(alphabet=st.sampled_from(list("ab .\n\t\r\xa0\u2028\u3000é")) | st.characters(blacklist_categories=("Cs",)), max_size=40))
@settings(max_examples=500)
def test_content_hash_is_the_sha1_of_the_whitespace_collapsed_text(text: str) -> None:
    import hashlib

    assert content_hash(text) == hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()
