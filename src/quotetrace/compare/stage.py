"""The compare stage of the main job: every story compared from the store, the results written back.

Stories are loaded one at a time (their articles, quotes and utterances only), so memory stays at
one story however large the corpus. A story whose records and lexicon are unchanged since its stored
comparison is skipped; the whole stage is one transaction, so a failure leaves the store as it was.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from quotetrace.compare.framing import Lexicon
from quotetrace.compare.story import StoryComparison, compare_story
from quotetrace.errors import QuotetraceError
from quotetrace.records import Article, Quote, Story, Utterance, _Record

LOGGER = logging.getLogger(__name__)


class CompareError(QuotetraceError):
    """The compare stage failed on a story; nothing of the stage was written."""


class ComparisonStore(Protocol):
    """What the compare stage needs from ``quotetrace.store.Store``."""

    def transaction(self) -> Any: ...
    def stories(self) -> list[Story]: ...
    def articles_by_ids(self, ids: Any, text: bool = True) -> dict[str, Article]: ...
    def quotes_of_articles(self, article_ids: Any) -> list[Quote]: ...
    def utterances_of_quotes(self, quote_ids: Any) -> list[Utterance]: ...
    def comparison_keys(self) -> dict[str, tuple[str, str]]: ...
    def replace_comparison(self, comparison: StoryComparison, lexicon_key: str, inputs_key: str = "") -> None: ...
    def drop_comparisons_except(self, story_ids: Any) -> int: ...


@dataclass(frozen=True)
class CompareSummary(_Record):
    stories: int  # stories in the store
    compared: int  # stories (re)computed in this run
    dropped: int  # stored comparisons of stories that no longer exist


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def lexicon_key(lexicon: Lexicon) -> str:
    """A fingerprint of the lexicon's groups and terms (its file path left out)."""
    return _digest([g.as_dict() for g in lexicon.groups])


@dataclass(frozen=True)
class StoryRecords:
    """What comparing one story needs: its articles (with text), their quotes, the utterances they belong to."""

    story: Story
    articles: Mapping[str, Article]
    quotes: Mapping[str, Quote]
    utterances: tuple[Utterance, ...]


def load_story(store: ComparisonStore, story: Story, text: bool = True) -> StoryRecords:
    """The records of one story, read from the store."""
    articles = store.articles_by_ids(story.article_ids, text=text)
    quotes = {q.id: q for q in store.quotes_of_articles(articles)}
    return StoryRecords(story, articles, quotes, tuple(store.utterances_of_quotes(quotes)))


def inputs_key(records: StoryRecords) -> str:
    """A fingerprint of everything a story's comparison depends on besides the lexicon."""
    articles = [{k: v for k, v in a.as_dict().items() if k != "text"} for a in records.articles.values()]
    return _digest([records.story.as_dict(), sorted(articles, key=lambda a: a["id"]),
                    [q.as_dict() for q in records.quotes.values()], [u.as_dict() for u in records.utterances]])


def compare_loaded(records: StoryRecords, lexicon: Lexicon) -> StoryComparison:
    """Compare the outlets of one loaded story."""
    return compare_story(records.story, records.articles, records.quotes, records.utterances, lexicon)


def compare_stories(store: ComparisonStore, lexicon: Lexicon,
                    progress: Callable[[int, int], None] | None = None) -> CompareSummary:
    """Compare every stored story and store the results, in one transaction (see module docstring).

    Raises ``CompareError`` naming the story when its comparison fails; the stage's writes are rolled back.
    """
    lex_key = lexicon_key(lexicon)
    compared = 0
    with store.transaction():
        stories = store.stories()
        stored = store.comparison_keys()
        for done, story in enumerate(stories, 1):
            try:
                # Fingerprint first from metadata only: an unchanged story never has its texts read.
                heads = load_story(store, story, text=False)
                key = inputs_key(heads)
                if stored.get(story.id) != (lex_key, key):
                    records = StoryRecords(story, store.articles_by_ids(story.article_ids), heads.quotes,
                                           heads.utterances)
                    store.replace_comparison(compare_loaded(records, lexicon), lex_key, key)
                    compared += 1
            except QuotetraceError:
                raise
            except Exception as exc:  # a bug or bad record: name the story, keep the store as it was
                raise CompareError(f"compare stage failed on story {story.id} ({story.title!r}): "
                                   f"{type(exc).__name__}: {exc}") from exc
            if progress is not None:
                progress(done, len(stories))
        dropped = store.drop_comparisons_except(s.id for s in stories)
    LOGGER.info("compared %d of %d stories (%d dropped)", compared, len(stories), dropped)
    return CompareSummary(len(stories), compared, dropped)
