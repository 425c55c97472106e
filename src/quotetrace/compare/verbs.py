"""Reporting-verb choices: for the same speaker, which verbs (said, admitted, claimed...) each outlet used."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from quotetrace.compare.outlets import outlet_of
from quotetrace.records import Article, Quote, _Record

LOGGER = logging.getLogger(__name__)

NO_CUE = "(no verb)"


@dataclass(frozen=True)
class VerbCount(_Record):
    """How often ``outlet`` introduced ``speaker_id``'s quotes with the verb ``lemma``."""

    speaker_id: str | None
    outlet: str
    lemma: str
    count: int


@dataclass(frozen=True)
class VerbChoices(_Record):
    """Verb counts per speaker per outlet, sorted by speaker, outlet, then most used verb."""

    counts: tuple[VerbCount, ...]

    def speakers(self) -> tuple[str | None, ...]:
        return tuple(dict.fromkeys(c.speaker_id for c in self.counts))

    def for_speaker(self, speaker_id: str | None) -> dict[str, dict[str, int]]:
        """outlet -> lemma -> count for one speaker."""
        table: dict[str, dict[str, int]] = {}
        for c in self.counts:
            if c.speaker_id == speaker_id:
                table.setdefault(c.outlet, {})[c.lemma] = c.count
        return table

    def shared_speakers(self) -> tuple[str | None, ...]:
        """Speakers quoted by at least two outlets: the ones where a comparison means something."""
        return tuple(s for s in self.speakers() if len(self.for_speaker(s)) >= 2)


def reporting_verbs(quotes: Iterable[Quote], articles: Mapping[str, Article],
                    quote_speaker: Mapping[str, str] | None = None, *, include_unattributed: bool = False) -> VerbChoices:
    """Count ``Quote.cue.lemma`` per (speaker, outlet) over ``quotes`` whose article is in ``articles``.

    The speaker is ``quote_speaker[quote.id]`` when given, else ``Quote.speaker_id``; quotes with no
    linked speaker are skipped unless ``include_unattributed``. Quotes without a cue count as ``(no verb)``.
    """
    counter: Counter[tuple[str, str, str]] = Counter()
    for quote in quotes:
        article = articles.get(quote.article_id)
        if article is None:
            continue
        speaker_id = (quote_speaker or {}).get(quote.id) or quote.speaker_id
        if speaker_id is None and not include_unattributed:
            continue
        lemma = quote.cue.lemma.lower() if quote.cue is not None and quote.cue.lemma else NO_CUE
        counter[(speaker_id or "", outlet_of(article), lemma)] += 1
    counts = sorted(counter.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1], kv[0][2]))
    return VerbChoices(tuple(VerbCount(s or None, o, lemma, n) for (s, o, lemma), n in counts))
