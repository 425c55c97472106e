"""One canonical Speaker per person or body across the corpus.

Input is per-article: each Quote names its speaker by the canonical name *within its article*, and
SpeakerMentions add titles and kinds. Linking joins these local names across articles:

1. the user's speakers.yaml (aliases force a merge, not_same_as forbids one);
2. full names with the same transliteration key, or close surnames with compatible given names;
3. surname-only names join the one full-name speaker that fits, else stay apart (never guessed);
4. organisations and bodies by their normalised name.

A merge is refused when the two sides already co-occur in one article as different names, when
their given names disagree, or when the user said they are different.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from quotetrace.link.aliases import AliasBook, AliasEntry, form_key
from quotetrace.link.names import (PersonName, given_compatible, name_key, org_key, parse_person,
                                     surname_similar)
from quotetrace.records import Article, Quote, Speaker, SpeakerMention, stable_id

LOGGER = logging.getLogger(__name__)

_TITLE_STOP = frozenset("the a an of for and former then acting ex s de la".split())
_ACRONYM = re.compile(r"^[A-Z0-9&.\-]{2,}$")


@dataclass(frozen=True)
class SpeakerLinks:
    """The result of linking: speakers plus where each quote and local name went."""

    speakers: tuple[Speaker, ...]
    quote_speaker: dict[str, str]  # quote id -> speaker id
    mention_speaker: dict[tuple[str, str], str]  # (article_id, canonical name in article) -> speaker id


@dataclass
class _Local:
    """One speaker name as one article knows it."""

    article_id: str
    name: str
    quotes: int = 0
    mentions: int = 0
    titles: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)

    @property
    def kind(self) -> str:
        known = [(n, k) for k, n in self.kinds.items() if k != "unknown"]
        return max(known)[1] if known else "unknown"


@dataclass
class _Cluster:
    """A growing set of locals believed to be one speaker, with what merges must respect."""

    members: list[int]
    articles: set[str]
    keys: set[str]  # form keys of every name in it
    givens: set[str]  # given-name words of full names
    title_words: set[str]
    alias: AliasEntry | None = None


def _title_words(title: str) -> set[str]:
    words = re.findall(r"[a-z]+", title.lower())
    return {w for w in words if w not in _TITLE_STOP}


def _person_like(local: _Local) -> bool:
    if local.kind in ("organisation", "body"):
        return False
    words = local.name.split()
    if not words or len(words) > 5 or (len(words) == 1 and _ACRONYM.match(words[0])):
        return False
    if words[0].lower() == "the":
        return False
    return all(w[:1].isupper() or w.lower() in ("de", "van", "von", "der", "al", "bin") for w in words)


class _Linker:
    """Union-find over locals with cannot-link checks at each merge."""

    def __init__(self, locals_: list[_Local], aliases: AliasBook | None) -> None:
        self.locals = locals_
        self.parent = list(range(len(locals_)))
        self.clusters: dict[int, _Cluster] = {}
        self.forbidden: dict[str, set[str]] = defaultdict(set)
        if aliases is not None:
            for pair in aliases.forbidden_pairs():
                a, b = tuple(pair)
                self.forbidden[a].add(b)
                self.forbidden[b].add(a)
        for i, local in enumerate(locals_):
            person = parse_person(local.name) if _person_like(local) else None
            titles = set().union(*(_title_words(t) for t in local.titles)) if local.titles else set()
            self.clusters[i] = _Cluster(
                members=[i], articles={local.article_id}, keys={form_key(local.name)},
                givens={person.given_key} if person and person.is_full else set(), title_words=titles,
                alias=aliases.entry_for(local.name) if aliases is not None else None,
            )

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def conflict(self, ra: int, rb: int, allow_same_article: bool = False, check_titles: bool = False) -> bool:
        a, b = self.clusters[ra], self.clusters[rb]
        if a.alias is not None and b.alias is not None and a.alias is not b.alias:
            return True
        if any(self.forbidden.get(k, set()) & b.keys for k in a.keys):
            return True
        if not allow_same_article and a.articles & b.articles:
            return True  # two different names in one article are two speakers
        if any(not given_compatible(x, y) for x in a.givens for y in b.givens):
            return True
        if check_titles and a.title_words and b.title_words and not (a.title_words & b.title_words):
            return True
        return False

    def union(self, i: int, j: int, force: bool = False, allow_same_article: bool = False,
              check_titles: bool = False) -> bool:
        ra, rb = self.find(i), self.find(j)
        if ra == rb:
            return True
        if not force and self.conflict(ra, rb, allow_same_article, check_titles):
            return False
        if ra > rb:
            ra, rb = rb, ra  # the smaller index stays root: deterministic
        a, b = self.clusters[ra], self.clusters.pop(rb)
        a.members += b.members
        a.articles |= b.articles
        a.keys |= b.keys
        a.givens |= b.givens
        a.title_words |= b.title_words
        a.alias = a.alias or b.alias
        self.parent[rb] = ra
        return True


def _collect(quotes: Iterable[Quote], mentions: Iterable[SpeakerMention]) -> tuple[list[_Local], list[Quote]]:
    by_key: dict[tuple[str, str], _Local] = {}
    kept: list[Quote] = []
    for quote in quotes:
        kept.append(quote)
        if not quote.speaker or not quote.speaker.strip():
            continue
        local = by_key.setdefault((quote.article_id, quote.speaker), _Local(quote.article_id, quote.speaker))
        local.quotes += 1
        mention = quote.speaker_mention
        if mention is not None:
            if mention.title:
                local.titles[mention.title] += 1
            local.kinds[mention.kind] += 1
    for mention in mentions:
        if not mention.name or not mention.name.strip():
            continue
        local = by_key.setdefault((mention.article_id, mention.name), _Local(mention.article_id, mention.name))
        local.mentions += 1
        if mention.title:
            local.titles[mention.title] += 1
        local.kinds[mention.kind] += 1
    return [by_key[k] for k in sorted(by_key)], kept


def link_speakers(quotes: Iterable[Quote], mentions: Iterable[SpeakerMention],
                  aliases: AliasBook | None = None, *,
                  articles: Mapping[str, Article] | None = None) -> SpeakerLinks:
    """Link per-article speaker names into corpus-wide Speakers (deterministic ids).

    ``articles`` (optional) lets an ambiguous surname prefer a speaker seen in the same outlet.
    Only names that speak at least one quote become Speakers; mention-only names (places,
    people talked about) are linked when they join a speaker, and dropped otherwise.
    """
    locals_, quote_list = _collect(quotes, mentions)
    linker = _Linker(locals_, aliases)
    persons = {i: parse_person(l.name) for i, l in enumerate(locals_) if _person_like(l)}

    # 1. The user's aliases: every form of one entry is one speaker.
    by_alias: dict[str, list[int]] = defaultdict(list)
    for i, local in enumerate(locals_):
        entry = linker.clusters[i].alias
        if entry is not None:
            by_alias[entry.name].append(i)
    for members in by_alias.values():
        for j in members[1:]:
            linker.union(members[0], j, force=True)

    # 2. Full names: identical keys first, then close surnames with compatible given names.
    full_forms: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, person in persons.items():
        if person is not None and person.is_full:
            full_forms[(person.given_key, person.surname_key)].append(i)
    for members in full_forms.values():
        for j in members[1:]:
            linker.union(members[0], j)
    blocks: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for given_key, surname_key in sorted(full_forms):
        blocks[(given_key[:1], surname_key[:1])].append((given_key, surname_key))
    for forms in blocks.values():
        for x in range(len(forms)):
            for y in range(x + 1, len(forms)):
                (g1, s1), (g2, s2) = forms[x], forms[y]
                if not given_compatible(g1, g2) or not surname_similar(s1, s2):
                    continue
                exact = s1 == s2
                linker.union(full_forms[forms[x]][0], full_forms[forms[y]][0], check_titles=not exact)

    # 3. Surname-only names: join the one full-name speaker that fits.
    _attach_surnames(linker, persons, articles)

    # 4. Organisations and bodies: same normalised name.
    orgs: dict[str, list[int]] = defaultdict(list)
    for i, local in enumerate(locals_):
        if i not in persons and org_key(local.name):
            orgs[org_key(local.name)].append(i)
    for members in orgs.values():
        for j in members[1:]:
            linker.union(members[0], j)

    return _build(linker, quote_list)


def _attach_surnames(linker: _Linker, persons: Mapping[int, PersonName | None],
                     articles: Mapping[str, Article] | None) -> None:
    locals_ = linker.locals
    by_surname: dict[str, set[int]] = defaultdict(set)  # surname key -> roots of full-name clusters
    for i, person in persons.items():
        if person is not None and person.is_full:
            by_surname[person.surname_key].add(linker.find(i))
    known_keys = sorted(by_surname)
    similar_cache: dict[str, list[str]] = {}

    def similar_keys(key: str) -> list[str]:
        if key not in similar_cache:
            found = process.extract(key, known_keys, scorer=fuzz.ratio, score_cutoff=80, limit=None)
            similar_cache[key] = [k for k, _, _ in found if surname_similar(k, key)]
        return similar_cache[key]

    # Snapshot of who appears with whom, taken once so that scoring stays linear in the corpus.
    article_roots: dict[str, set[int]] = defaultdict(set)
    for i in range(len(locals_)):
        article_roots[locals_[i].article_id].add(linker.find(i))
    context = _Context(linker, article_roots, articles)

    alone: dict[str, list[int]] = defaultdict(list)
    for i, person in sorted(persons.items()):
        if person is None or person.is_full or linker.clusters.get(i) is None:
            continue
        if linker.clusters[i].alias is not None or len(linker.clusters[i].members) > 1:
            continue
        key = person.surname_key
        roots = sorted({linker.find(r) for k in similar_keys(key) for r in by_surname[k]})
        local = locals_[i]
        fits = [r for r in roots
                if not linker.conflict(linker.find(i), r, allow_same_article=True, check_titles=True)]
        same_article = [r for r in fits if local.article_id in linker.clusters[r].articles]
        if len(same_article) == 1:
            fits = same_article
        if len(fits) > 1:
            fits = context.prefer(i, fits)
        if len(fits) == 1:
            linker.union(i, fits[0], allow_same_article=True, check_titles=True)
        elif not roots:
            alone[key].append(i)  # no full name known: one surname-only speaker
        else:
            LOGGER.debug("ambiguous surname %r in %s: %d candidates", local.name, local.article_id, len(fits))
    for members in alone.values():
        for j in members[1:]:
            linker.union(members[0], j)


class _Context:
    """Co-occurrence and outlet evidence for choosing among several same-surname speakers."""

    def __init__(self, linker: _Linker, article_roots: Mapping[str, set[int]],
                 articles: Mapping[str, Article] | None) -> None:
        self.linker = linker
        self.article_roots = article_roots
        self.articles = articles
        self.together: dict[int, Counter[int]] = defaultdict(Counter)  # root -> roots seen with it
        for roots in article_roots.values():
            for a in roots:
                for b in roots:
                    if a != b:
                        self.together[a][b] += 1
        self.outlets: dict[int, set[str]] = {}

    def _outlets(self, root: int) -> set[str]:
        if root not in self.outlets:
            found = set()
            if self.articles is not None:
                for article_id in self.linker.clusters[root].articles:
                    article = self.articles.get(article_id)
                    if article is not None and article.outlet:
                        found.add(article.outlet)
            self.outlets[root] = found
        return self.outlets[root]

    def prefer(self, i: int, fits: list[int]) -> list[int]:
        """Keep the single best candidate by co-occurring speakers, then by outlet; else all."""
        local = self.linker.locals[i]
        here = self.article_roots[local.article_id] - {i}
        scores = [sum(self.together[root][r] for r in here if r != root) for root in fits]
        best = max(scores)
        if best > 0 and scores.count(best) == 1:
            return [fits[scores.index(best)]]
        if self.articles is not None and local.article_id in self.articles:
            outlet = self.articles[local.article_id].outlet
            if outlet:
                same_outlet = [r for r in fits if outlet in self._outlets(r)]
                if len(same_outlet) == 1:
                    return same_outlet
        return fits


def _build(linker: _Linker, quotes: list[Quote]) -> SpeakerLinks:
    locals_ = linker.locals
    speaking = [root for root, cluster in linker.clusters.items()
                if any(locals_[m].quotes for m in cluster.members)]
    speakers: list[Speaker] = []
    local_speaker: dict[tuple[str, str], str] = {}
    used: set[str] = set()
    for root in sorted(speaking):
        cluster = linker.clusters[root]
        members = [locals_[m] for m in cluster.members]
        forms: Counter[str] = Counter()
        titles: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        for m in members:
            forms[m.name] += m.quotes + m.mentions
            titles.update(m.titles)
            if m.kind != "unknown":
                kinds[m.kind] += 1
        if cluster.alias is not None:
            name = cluster.alias.name
        else:
            # Most complete form first (more words), then the most frequent, then the longest.
            name = max(forms, key=lambda f: (min(len(f.split()), 3), forms[f], len(f), f))
        kind = cluster.alias.kind if cluster.alias is not None and cluster.alias.kind else None
        if kind is None:
            kind = max(kinds.items(), key=lambda kv: (kv[1], kv[0]))[0] if kinds else (
                "person" if all(_person_like(m) for m in members) else "unknown")
        aliases = set(forms) | (set(cluster.alias.aliases) if cluster.alias is not None else set())
        aliases.discard(name)
        base = name_key(name) if kind == "person" else org_key(name)
        speaker_id = stable_id("speaker", base or name)
        if speaker_id in used:  # namesakes kept apart: disambiguate by their first article
            speaker_id = stable_id("speaker", base or name, min(cluster.articles))
        used.add(speaker_id)
        speakers.append(Speaker(
            id=speaker_id, name=name, aliases=tuple(sorted(aliases)),
            titles=tuple(sorted(titles, key=lambda t: (-titles[t], t))), kind=kind,  # type: ignore[arg-type]
        ))
        for m in members:
            local_speaker[(m.article_id, m.name)] = speaker_id
    quote_speaker = {q.id: local_speaker[(q.article_id, q.speaker)] for q in quotes
                     if q.speaker and (q.article_id, q.speaker) in local_speaker}
    LOGGER.info("linked %d local names into %d speakers", len(locals_), len(speakers))
    return SpeakerLinks(tuple(speakers), quote_speaker, local_speaker)
