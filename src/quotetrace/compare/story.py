"""Everything compared for one story: coverage matrix, omissions, reporting verbs, loaded terms."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from quotetrace.compare.coverage import StoryCoverage, story_coverage
from quotetrace.compare.framing import Lexicon, TermChoices, count_terms
from quotetrace.compare.verbs import VerbChoices, reporting_verbs
from quotetrace.records import Article, Quote, Story, Utterance, _Record


@dataclass(frozen=True)
class StoryComparison(_Record):
    story_id: str
    coverage: StoryCoverage
    verbs: VerbChoices
    terms: TermChoices


def compare_story(story: Story, articles: Mapping[str, Article], quotes: Mapping[str, Quote],
                  utterances: Iterable[Utterance], lexicon: Lexicon) -> StoryComparison:
    """Compare the outlets of ``story`` (articles and quotes may cover more than the story)."""
    in_story = [articles[a] for a in story.article_ids if a in articles]
    ids = {a.id for a in in_story}
    by_article: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes.values():
        if quote.article_id in ids:
            by_article[quote.article_id].append(quote)
    story_quotes = [q for qs in by_article.values() for q in qs]
    return StoryComparison(
        story_id=story.id,
        coverage=story_coverage(story, articles, quotes, utterances),
        verbs=reporting_verbs(story_quotes, {a.id: a for a in in_story}),
        terms=count_terms(in_story, lexicon, by_article),
    )
