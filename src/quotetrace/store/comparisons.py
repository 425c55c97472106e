"""Comparison results in the store (per story: coverage cells, reporting verbs, loaded terms), and the
targeted reads the CLI and the report use to load one story, speaker or utterance at a time.

Mixed into ``Store``. ``replace_comparison`` replaces one story's rows; the compare stage calls it for
every story inside one transaction, then ``drop_comparisons_except`` removes stories that are gone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Connection, delete, distinct, func, insert, select

from quotetrace.compare.coverage import CoverageCell, Omission, StoryCoverage
from quotetrace.compare.framing import TermChoices, TermCount
from quotetrace.compare.outlets import outlet_of
from quotetrace.compare.story import StoryComparison
from quotetrace.compare.verbs import VerbChoices, VerbCount
from quotetrace.records import Article, Quote, Speaker, Story, Utterance
from quotetrace.store import rows, schema
from quotetrace.store.links import chunks

MISSING = "missing"  # the coverage mode of an outlet that did not carry the statement
_COMPARISON_TABLES = (schema.story_coverage, schema.story_verbs, schema.story_terms, schema.story_comparisons)


class ComparisonResults:
    """Store methods for ``compare/`` results and for reading a slice of the corpus."""

    def transaction(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def _read(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    # --- writing ------------------------------------------------------------------------------

    def replace_comparison(self, comparison: StoryComparison, lexicon_key: str, inputs_key: str = "") -> None:
        """Replace the stored comparison of one story (idempotent); the keys fingerprint what it came from."""
        story_id = comparison.story_id
        coverage = comparison.coverage
        n = len(coverage.outlets)
        cells = [{"story_id": story_id, "row": i // n if n else 0, "outlet": c.outlet,
                  "utterance_id": c.utterance_id, "mode": c.mode or MISSING, "modes": list(c.modes),
                  "quote_ids": list(c.quote_ids), "article_ids": list(c.article_ids)}
                 for i, c in enumerate(coverage.cells)]
        verbs = [{"story_id": story_id, "position": i, "speaker_id": c.speaker_id, "outlet": c.outlet,
                  "lemma": c.lemma, "count": c.count} for i, c in enumerate(comparison.verbs.counts)]
        terms = [{"story_id": story_id, "position": i, "group": c.group, "term": c.term, "outlet": c.outlet,
                  "count": c.count, "in_quotes": c.in_quotes, "articles": c.articles}
                 for i, c in enumerate(comparison.terms.counts)]
        with self.transaction() as conn:
            for table in _COMPARISON_TABLES:
                conn.execute(delete(table).where(table.c.story_id == story_id))
            conn.execute(insert(schema.story_comparisons).values(
                story_id=story_id, outlets=list(coverage.outlets), lexicon=lexicon_key, inputs=inputs_key))
            for table, batch in ((schema.story_coverage, cells), (schema.story_verbs, verbs),
                                 (schema.story_terms, terms)):
                if batch:
                    conn.execute(insert(table), batch)

    def drop_comparisons_except(self, story_ids: Iterable[str]) -> int:
        """Delete the comparisons of stories not in ``story_ids``; returns how many were dropped."""
        keep = set(story_ids)
        t = schema.story_comparisons
        with self.transaction() as conn:
            gone = [sid for sid in conn.execute(select(t.c.story_id)).scalars() if sid not in keep]
            for chunk in chunks(gone):
                for table in _COMPARISON_TABLES:
                    conn.execute(delete(table).where(table.c.story_id.in_(chunk)))
        return len(gone)

    # --- reading comparisons ------------------------------------------------------------------

    def comparison_keys(self) -> dict[str, tuple[str, str]]:
        """story id -> (lexicon fingerprint, inputs fingerprint) of its stored comparison."""
        t = schema.story_comparisons
        with self._read() as conn:
            return {sid: (lex, inputs) for sid, lex, inputs in conn.execute(select(t.c.story_id, t.c.lexicon,
                                                                                   t.c.inputs))}

    def story_comparison(self, story_id: str) -> StoryComparison | None:
        """The stored comparison of one story (None when the compare stage has not run on it)."""
        sc, cov, verbs, terms = schema.story_comparisons, schema.story_coverage, schema.story_verbs, schema.story_terms
        with self._read() as conn:
            head = conn.execute(select(sc.c.outlets).where(sc.c.story_id == story_id)).first()
            if head is None:
                return None
            cell_rows = list(conn.execute(select(cov).where(cov.c.story_id == story_id)).mappings())
            verb_rows = list(conn.execute(select(verbs).where(verbs.c.story_id == story_id)
                                          .order_by(verbs.c.position)).mappings())
            term_rows = list(conn.execute(select(terms).where(terms.c.story_id == story_id)
                                          .order_by(terms.c.position)).mappings())
        outlets = tuple(head[0])
        column = {outlet: i for i, outlet in enumerate(outlets)}  # not ORDER BY outlet: collations differ
        cell_rows.sort(key=lambda r: (r["row"], column.get(r["outlet"], len(column))))
        cells = tuple(CoverageCell(r["outlet"], r["utterance_id"], tuple(r["modes"]), tuple(r["quote_ids"]),
                                   tuple(r["article_ids"])) for r in cell_rows)
        utterance_ids = tuple(dict.fromkeys(c.utterance_id for c in cells))
        utterances = {u.id: u for u in self.utterances_by_ids(utterance_ids)}
        coverage = StoryCoverage(story_id, outlets, utterance_ids, cells, _omissions(cells, outlets, utterances))
        verb_choices = VerbChoices(tuple(VerbCount(r["speaker_id"], r["outlet"], r["lemma"], r["count"])
                                         for r in verb_rows))
        term_choices = TermChoices(tuple(TermCount(r["group"], r["term"], r["outlet"], r["count"], r["in_quotes"],
                                                   r["articles"]) for r in term_rows), outlets)
        return StoryComparison(story_id, coverage, verb_choices, term_choices)

    def comparison(self, story_id: str) -> dict[str, Any] | None:
        """The stored comparison of one story as a JSON-ready dict (None before the compare stage ran)."""
        found = self.story_comparison(story_id)
        return found.as_dict() if found is not None else None

    def iter_comparisons(self) -> Iterator[dict[str, Any]]:
        """Every stored comparison as a JSON-ready dict, in story order, read one story at a time."""
        for story in self.stories():  # type: ignore[attr-defined]
            found = self.story_comparison(story.id)
            if found is not None:
                yield found.as_dict()

    def coverage_rows(self) -> dict[str, int]:
        """story id -> number of statements in its coverage matrix."""
        t = schema.story_coverage
        with self._read() as conn:
            query = select(t.c.story_id, func.count(distinct(t.c.row))).group_by(t.c.story_id)
            return {sid: int(n) for sid, n in conn.execute(query)}

    # --- reading a slice of the corpus --------------------------------------------------------

    def articles_by_ids(self, ids: Iterable[str], text: bool = True) -> dict[str, Article]:
        """The stored articles among ``ids``; with ``text=False`` only metadata and junk (text left empty)."""
        t = schema.articles
        columns = [t] if text else [c for c in t.c if c.name != "text"]
        out: dict[str, Article] = {}
        with self._read() as conn:
            for chunk in chunks(sorted(set(ids))):
                for row in conn.execute(select(*columns).where(t.c.id.in_(chunk))).mappings():
                    out[row["id"]] = rows.article_from(row if text else {**row, "text": ""})
        return out

    def quotes_of_articles(self, article_ids: Iterable[str]) -> list[Quote]:
        """Quotes of the given articles, in (article id, position) order."""
        t = schema.quotes
        return self._quotes_where(t.c.article_id, article_ids)

    def quotes_by_ids(self, quote_ids: Iterable[str]) -> list[Quote]:
        t = schema.quotes
        return self._quotes_where(t.c.id, quote_ids)

    def quotes_of_speaker(self, speaker_id: str) -> list[Quote]:
        """Quotes linked to one speaker, in (article id, position) order."""
        t = schema.quotes
        with self._read() as conn:
            result = conn.execute(select(t).where(t.c.speaker_id == speaker_id).order_by(t.c.article_id, t.c.position))
            return [rows.quote_from(r) for r in result.mappings()]

    def _quotes_where(self, column: Any, values: Iterable[str]) -> list[Quote]:
        t = schema.quotes
        found: list[dict[str, Any]] = []
        with self._read() as conn:
            for chunk in chunks(sorted(set(values))):
                found.extend(dict(r) for r in conn.execute(select(t).where(column.in_(chunk))).mappings())
        found.sort(key=lambda r: (r["article_id"], r["position"]))
        return [rows.quote_from(r) for r in found]

    def utterances_by_ids(self, ids: Iterable[str]) -> list[Utterance]:
        """The stored utterances among ``ids``, in stored order."""
        u, uq = schema.utterances, schema.utterance_quotes
        found: list[dict[str, Any]] = []
        members: dict[str, list[str]] = defaultdict(list)
        with self._read() as conn:
            for chunk in chunks(sorted(set(ids))):
                found.extend(dict(r) for r in conn.execute(select(u).where(u.c.id.in_(chunk))).mappings())
                for uid, qid in conn.execute(select(uq.c.utterance_id, uq.c.quote_id).where(uq.c.utterance_id.in_(chunk))
                                             .order_by(uq.c.utterance_id, uq.c.position)):
                    members[uid].append(qid)
        found.sort(key=lambda r: r["position"])
        return [rows.utterance_from(r, tuple(members.get(r["id"], ()))) for r in found]

    def utterances_of_quotes(self, quote_ids: Iterable[str]) -> list[Utterance]:
        """The utterances that hold any of ``quote_ids`` (with all their quote ids), in stored order."""
        uq = schema.utterance_quotes
        ids: set[str] = set()
        with self._read() as conn:
            for chunk in chunks(sorted(set(quote_ids))):
                ids.update(conn.execute(select(uq.c.utterance_id).where(uq.c.quote_id.in_(chunk))).scalars())
        return self.utterances_by_ids(ids)

    def utterance_ids(self) -> list[str]:
        """Every utterance id, in stored order (ids only: pages of utterances are then loaded by id)."""
        u = schema.utterances
        with self._read() as conn:
            return list(conn.execute(select(u.c.id).order_by(u.c.position)).scalars())

    def utterance_quote_counts(self) -> dict[str, int]:
        uq = schema.utterance_quotes
        with self._read() as conn:
            query = select(uq.c.utterance_id, func.count()).group_by(uq.c.utterance_id)
            return {uid: int(n) for uid, n in conn.execute(query)}

    def speakers_by_ids(self, ids: Iterable[str]) -> dict[str, Speaker]:
        t = schema.speakers
        out: dict[str, Speaker] = {}
        with self._read() as conn:
            for chunk in chunks(sorted({i for i in ids if i})):
                out.update((r["id"], rows.speaker_from(r)) for r in conn.execute(select(t).where(t.c.id.in_(chunk)))
                           .mappings())
        return out

    def find_stories(self, id_or_prefix: str) -> list[Story]:
        """The story with this id, else those whose id starts with it."""
        exact = self.story(id_or_prefix)  # type: ignore[attr-defined]
        if exact is not None:
            return [exact]
        t = schema.stories
        with self._read() as conn:
            # Compared in Python: a LIKE pattern would treat '_' and '%' in the prefix as wildcards.
            ids = [sid for sid in conn.execute(select(t.c.id).order_by(t.c.position)).scalars()
                   if sid.startswith(id_or_prefix)]
        return [s for sid in ids if (s := self.story(sid)) is not None]  # type: ignore[attr-defined]

    def story_of_articles(self, article_ids: Iterable[str] | None = None) -> dict[str, str]:
        """article id -> id of its story (all members when ``article_ids`` is None)."""
        sa = schema.story_articles
        with self._read() as conn:
            if article_ids is None:
                return {aid: sid for sid, aid in conn.execute(select(sa.c.story_id, sa.c.article_id))}
            out: dict[str, str] = {}
            for chunk in chunks(sorted(set(article_ids))):
                out.update((aid, sid) for sid, aid in conn.execute(select(sa.c.story_id, sa.c.article_id)
                                                                   .where(sa.c.article_id.in_(chunk))))
            return out

    # --- aggregates (no article text read) ----------------------------------------------------

    def _article_outlets(self, conn: Connection) -> Iterator[tuple[str, str]]:
        a = schema.articles
        for aid, source, url, outlet in conn.execute(select(a.c.id, a.c.source, a.c.url, a.c.outlet)):
            yield aid, outlet_of(Article(aid, "", source, url=url, outlet=outlet))

    def speaker_outlets(self) -> tuple[Counter[str], dict[str, set[str]]]:
        """Quote count per speaker id, and the outlets that quoted each speaker."""
        q = schema.quotes
        counts: Counter[str] = Counter()
        outlets: dict[str, set[str]] = defaultdict(set)
        with self._read() as conn:
            outlet = dict(self._article_outlets(conn))
            query = (select(q.c.speaker_id, q.c.article_id, func.count()).where(q.c.speaker_id.is_not(None))
                     .group_by(q.c.speaker_id, q.c.article_id))
            for speaker_id, article_id, n in conn.execute(query):
                counts[speaker_id] += int(n)
                outlets[speaker_id].add(outlet[article_id])
        return counts, outlets

    def utterance_outlets(self) -> dict[str, set[str]]:
        """utterance id -> the outlets whose articles carry one of its quotes."""
        uq, q = schema.utterance_quotes, schema.quotes
        out: dict[str, set[str]] = defaultdict(set)
        with self._read() as conn:
            outlet = dict(self._article_outlets(conn))
            query = select(uq.c.utterance_id, q.c.article_id).join(q, q.c.id == uq.c.quote_id).distinct()
            for utterance_id, article_id in conn.execute(query):
                out[utterance_id].add(outlet[article_id])
        return out

    def quote_kinds(self) -> Counter[str]:
        q = schema.quotes
        with self._read() as conn:
            return Counter({kind: int(n) for kind, n in conn.execute(select(q.c.kind, func.count()).group_by(q.c.kind))})

    def outlet_count(self) -> int:
        with self._read() as conn:
            return len({outlet for _, outlet in self._article_outlets(conn)})


def _omissions(cells: Sequence[CoverageCell], outlets: Sequence[str],
               utterances: Mapping[str, Utterance]) -> tuple[Omission, ...]:
    """The omissions implied by the cells: per row, every outlet that did not carry what others did."""
    n = len(outlets)
    out: list[Omission] = []
    for start in range(0, len(cells), n or 1):
        row = cells[start:start + n]
        carried_by = tuple(sorted(c.outlet for c in row if c.carried))
        for cell in row:
            if not cell.carried:
                utterance = utterances.get(cell.utterance_id)
                out.append(Omission(cell.outlet, cell.utterance_id, utterance.speaker_id if utterance else None,
                                    utterance.canonical_text if utterance else "", carried_by))
    return tuple(out)
