"""Loaded-term choices: per outlet, how often each alternative wording of a lexicon group appears.

The lexicon is YAML (``framing_terms.yaml`` in the package, or the user's ``--lexicon FILE``).
Matching is whole-word and case-insensitive, on article text outside junk spans; hits inside a
direct or partial quote are counted separately, since they are the speaker's word, not the outlet's.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from quotetrace.compare.outlets import outlet_of
from quotetrace.errors import ConfigError
from quotetrace.records import Article, Quote, _Record

LOGGER = logging.getLogger(__name__)

DEFAULT_LEXICON = "framing_terms.yaml"


@dataclass(frozen=True)
class Term(_Record):
    """One wording; ``forms`` are the words/phrases counted under its label."""

    label: str
    forms: tuple[str, ...]


@dataclass(frozen=True)
class TermGroup(_Record):
    """Alternative wordings for one thing ("Kyiv" / "Kiev")."""

    name: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Lexicon(_Record):
    groups: tuple[TermGroup, ...]
    path: str = ""


@dataclass(frozen=True)
class TermCount(_Record):
    """Hits of one term in one outlet's articles; ``in_quotes`` of them inside quoted speech."""

    group: str
    term: str
    outlet: str
    count: int
    in_quotes: int = 0
    articles: int = 0  # how many of the outlet's articles use the term at least once


@dataclass(frozen=True)
class TermChoices(_Record):
    """Counts for every (group, term, outlet) with at least one hit, in lexicon order."""

    counts: tuple[TermCount, ...]
    outlets: tuple[str, ...] = ()

    def groups(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.group for c in self.counts))

    def for_group(self, group: str) -> dict[str, dict[str, TermCount]]:
        """term -> outlet -> count for one group."""
        table: dict[str, dict[str, TermCount]] = {}
        for c in self.counts:
            if c.group == group:
                table.setdefault(c.term, {})[c.outlet] = c
        return table


# --- lexicon loading ------------------------------------------------------------


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _text(node: yaml.Node, path: str, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise ConfigError(path, _line(node), f"{what} must be a non-empty string")
    return " ".join(str(node.value).split())


def _term(node: yaml.Node, path: str) -> Term:
    if isinstance(node, yaml.ScalarNode):
        label = _text(node, path, "a term")
        return Term(label, (label,))
    if isinstance(node, yaml.MappingNode) and len(node.value) == 1:
        key, value = node.value[0]
        label = _text(key, path, "a term label")
        if isinstance(value, yaml.ScalarNode):
            return Term(label, (_text(value, path, "a word form"),))
        if isinstance(value, yaml.SequenceNode) and value.value:
            return Term(label, tuple(_text(v, path, "a word form") for v in value.value))
        raise ConfigError(path, _line(value), f"term {label!r}: forms must be a non-empty list of strings")
    raise ConfigError(path, _line(node), "a term must be a string or 'label: [form, ...]'")


def parse_lexicon(text: str, path: str = DEFAULT_LEXICON) -> Lexicon:
    """Parse lexicon YAML; ConfigError(path, line, reason) when malformed."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ConfigError(path, mark.line + 1 if mark else None, f"not valid YAML: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(path, None, f"not valid YAML: {exc}") from exc
    if root is None:
        return Lexicon((), path)
    if not isinstance(root, yaml.SequenceNode):
        raise ConfigError(path, _line(root), "expected a list of groups ('- group: NAME' with 'terms:')")
    groups: list[TermGroup] = []
    seen: set[str] = set()
    for item in root.value:
        if not isinstance(item, yaml.MappingNode):
            raise ConfigError(path, _line(item), "each group must be a mapping with 'group' and 'terms'")
        fields: dict[str, yaml.Node] = {}
        for key_node, value_node in item.value:
            key = _text(key_node, path, "a key")
            if key not in ("group", "terms"):
                raise ConfigError(path, _line(key_node), f"unknown field {key!r} (expected 'group', 'terms')")
            fields[key] = value_node
        if "group" not in fields or "terms" not in fields:
            raise ConfigError(path, _line(item), "a group needs both 'group' and 'terms'")
        name = _text(fields["group"], path, "group")
        if name in seen:
            raise ConfigError(path, _line(fields["group"]), f"group {name!r} appears twice")
        seen.add(name)
        terms_node = fields["terms"]
        if not isinstance(terms_node, yaml.SequenceNode) or not terms_node.value:
            raise ConfigError(path, _line(terms_node), f"group {name!r}: 'terms' must be a non-empty list")
        terms = tuple(_term(t, path) for t in terms_node.value)
        labels = [t.label for t in terms]
        if len(set(labels)) != len(labels):
            raise ConfigError(path, _line(terms_node), f"group {name!r}: a term label appears twice")
        groups.append(TermGroup(name, terms))
    return Lexicon(tuple(groups), path)


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The user's lexicon file, or the packaged default when ``path`` is None."""
    if path is None:
        text = resources.files("quotetrace.compare").joinpath(DEFAULT_LEXICON).read_text(encoding="utf-8")
        return parse_lexicon(text, DEFAULT_LEXICON)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(str(path), None, f"cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(str(path), None, "not UTF-8 text") from exc
    lexicon = parse_lexicon(text, str(path))
    LOGGER.info("%s: %d term groups", path, len(lexicon.groups))
    return lexicon


# --- counting ---------------------------------------------------------------------


def form_pattern(form: str) -> re.Pattern[str]:
    """Whole-word, case-insensitive pattern; spaces match any whitespace, apostrophes either kind."""
    words = [re.sub("['’]", "['’]", re.escape(w)) for w in form.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


class _Spans:
    """Sorted, merged spans with a bisection lookup."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start


def count_terms(articles: Iterable[Article], lexicon: Lexicon,
                quotes_by_article: Mapping[str, Iterable[Quote]] | None = None) -> TermChoices:
    """Count each lexicon term per outlet over ``articles`` (junk spans skipped; quoted hits noted)."""
    compiled = [(g.name, t.label, [form_pattern(f) for f in t.forms]) for g in lexicon.groups for t in g.terms]
    hits: Counter[tuple[int, str]] = Counter()
    quoted: Counter[tuple[int, str]] = Counter()
    using: Counter[tuple[int, str]] = Counter()
    outlets: set[str] = set()
    for article in articles:
        outlet = outlet_of(article)
        outlets.add(outlet)
        junk = _Spans((s.start, s.end) for s in article.junk)
        quoted_spans = _Spans((q.start, q.end) for q in (quotes_by_article or {}).get(article.id, ())
                              if q.kind != "indirect")
        for index, (_, _, patterns) in enumerate(compiled):
            found: set[tuple[int, int]] = set()
            for pattern in patterns:
                for match in pattern.finditer(article.text):
                    if not junk.overlaps(match.start(), match.end()):
                        found.add(match.span())
            # Forms of one term can overlap ("coup" in "coup d'état"): count each place once.
            places = _outermost(found)
            if places:
                hits[(index, outlet)] += len(places)
                quoted[(index, outlet)] += sum(1 for s, e in places if quoted_spans.overlaps(s, e))
                using[(index, outlet)] += 1
    counts = [
        TermCount(group, term, outlet, hits[(i, outlet)], quoted[(i, outlet)], using[(i, outlet)])
        for i, (group, term, _) in enumerate(compiled)
        for outlet in sorted(outlets) if hits[(i, outlet)]
    ]
    return TermChoices(tuple(counts), tuple(sorted(outlets)))


def _outermost(spans: set[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept
