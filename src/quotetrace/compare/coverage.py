"""Who carried which statement in a story, and how: an outlet x utterance matrix plus omissions.

Descriptive counts only: a cell says how an outlet carried a statement (verbatim, partial,
altered wording, or indirect speech); an omission says another outlet in the same story carried
a statement this outlet did not. Neither is a verdict on the outlet.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from quotetrace.compare.outlets import outlet_of
from quotetrace.records import Article, Quote, Story, Utterance, Variant, _Record

LOGGER = logging.getLogger(__name__)

CarryMode = Literal["verbatim", "partial", "altered", "indirect"]
# Order used to pick the main mode when one outlet carries a statement several times.
MODE_ORDER: tuple[CarryMode, ...] = ("verbatim", "partial", "altered", "indirect")


@dataclass(frozen=True)
class CoverageCell(_Record):
    """How one outlet carried one utterance (``modes`` best first; empty when it did not)."""

    outlet: str
    utterance_id: str
    modes: tuple[CarryMode, ...] = ()
    quote_ids: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()

    @property
    def carried(self) -> bool:
        return bool(self.quote_ids)

    @property
    def mode(self) -> CarryMode | None:
        return self.modes[0] if self.modes else None


@dataclass(frozen=True)
class Omission(_Record):
    """A statement ``outlet`` did not carry although the ``carried_by`` outlets in the story did."""

    outlet: str
    utterance_id: str
    speaker_id: str | None
    canonical_text: str
    carried_by: tuple[str, ...]


@dataclass(frozen=True)
class StoryCoverage(_Record):
    """The outlet x utterance matrix of one story (rows: utterances, most widely carried first)."""

    story_id: str
    outlets: tuple[str, ...]
    utterance_ids: tuple[str, ...]
    cells: tuple[CoverageCell, ...]  # one per (utterance, outlet), row-major
    omissions: tuple[Omission, ...]

    def cell(self, utterance_id: str, outlet: str) -> CoverageCell:
        """The cell for one utterance and outlet."""
        row = self.utterance_ids.index(utterance_id)
        col = self.outlets.index(outlet)
        return self.cells[row * len(self.outlets) + col]

    def row(self, utterance_id: str) -> tuple[CoverageCell, ...]:
        """All cells of one utterance, in outlet order."""
        row = self.utterance_ids.index(utterance_id)
        n = len(self.outlets)
        return self.cells[row * n:(row + 1) * n]

    def outlets_carrying(self, utterance_id: str) -> tuple[str, ...]:
        return tuple(c.outlet for c in self.row(utterance_id) if c.carried)

    def omissions_of(self, outlet: str) -> tuple[Omission, ...]:
        return tuple(o for o in self.omissions if o.outlet == outlet)


def carry_mode(quote: Quote, variant: Variant | None) -> CarryMode:
    """How a quote carries its utterance: indirect speech, altered words, shortened, or verbatim."""
    if quote.kind == "indirect":
        return "indirect"
    if variant is not None and variant.altered:
        return "altered"
    if quote.kind == "partial":
        return "partial"
    if variant is not None and any(step.op == "delete" for step in variant.diff):
        return "partial"  # a direct quote that leaves out words of the fullest wording
    return "verbatim"


def story_coverage(story: Story, articles: Mapping[str, Article], quotes: Mapping[str, Quote],
                   utterances: Iterable[Utterance]) -> StoryCoverage:
    """Build the outlet x utterance matrix and omissions of ``story``.

    ``quotes`` maps quote id to Quote (at least those of the story's articles); only utterances
    with a quote in one of the story's articles appear, restricted to those articles.
    """
    in_story = set(story.article_ids)
    outlets = sorted({outlet_of(articles[a]) for a in story.article_ids if a in articles})
    carried: dict[str, dict[str, list[tuple[Quote, CarryMode]]]] = {}
    kept: dict[str, Utterance] = {}
    for utterance in utterances:
        variants = {v.quote_id: v for v in utterance.variants}
        per_outlet: dict[str, list[tuple[Quote, CarryMode]]] = defaultdict(list)
        for quote_id in utterance.quote_ids:
            quote = quotes.get(quote_id)
            if quote is None or quote.article_id not in in_story or quote.article_id not in articles:
                continue
            per_outlet[outlet_of(articles[quote.article_id])].append((quote, carry_mode(quote, variants.get(quote_id))))
        if per_outlet:
            carried[utterance.id] = per_outlet
            kept[utterance.id] = utterance
    # Most widely carried first; then earliest; then id, so the order is stable.
    order = sorted(kept, key=lambda u: (-len(carried[u]), _first_offset(carried[u]), u))
    cells: list[CoverageCell] = []
    omissions: list[Omission] = []
    for utterance_id in order:
        per_outlet = carried[utterance_id]
        for outlet in outlets:
            hits = sorted(per_outlet.get(outlet, []), key=lambda qm: (qm[0].article_id, qm[0].start))
            modes = tuple(m for m in MODE_ORDER if any(hm == m for _, hm in hits))
            cells.append(CoverageCell(
                outlet=outlet, utterance_id=utterance_id, modes=modes,
                quote_ids=tuple(q.id for q, _ in hits),
                article_ids=tuple(dict.fromkeys(q.article_id for q, _ in hits)),
            ))
            if not hits:
                utterance = kept[utterance_id]
                omissions.append(Omission(
                    outlet=outlet, utterance_id=utterance_id, speaker_id=utterance.speaker_id,
                    canonical_text=utterance.canonical_text, carried_by=tuple(sorted(per_outlet)),
                ))
    LOGGER.debug("story %s: %d outlets, %d utterances, %d omissions", story.id, len(outlets), len(order),
                 len(omissions))
    return StoryCoverage(story_id=story.id, outlets=tuple(outlets), utterance_ids=tuple(order),
                         cells=tuple(cells), omissions=tuple(omissions))


def _first_offset(per_outlet: Mapping[str, list[tuple[Quote, CarryMode]]]) -> int:
    return min(q.start for hits in per_outlet.values() for q, _ in hits)
