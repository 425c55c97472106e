"""Quote extraction for whole articles: scan marks and cues, parse only what can hold speech, attribute.

The public entry points are :class:`Extractor` (batch, streaming) and :func:`extract_text`.
"""

from __future__ import annotations

import bisect
import logging
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from quotetrace.nlp.attribution import CueHit, ParsedUnit, find_cues
from quotetrace.nlp.context import context_of
from quotetrace.nlp.cues import PRONOUNS
from quotetrace.nlp.headlines import HeadlineClaim, headline_claims
from quotetrace.nlp.indirect import indirect_spans
from quotetrace.nlp.marks import MAX_QUOTE_CHARS, MarkPair
from quotetrace.nlp.mentions import ORG_NOUNS, split_title
from quotetrace.nlp.model import load_model
from quotetrace.nlp.parsing import Prepared, prepare, proper_noun_windows, set_pos, tag_to_pos
from quotetrace.nlp.quotes import QuoteDraft, attribute_direct, attribute_partial, classify, sentence_at
from quotetrace.nlp.registry import build_registry
from quotetrace.nlp.sentences import Sentence
from quotetrace.nlp.speakers import (Entity, SpeakerRegistry, capitalised_elsewhere, clean_title, compatible,
                                     headline_relative, named_relative, resolve_cue_speakers)
from quotetrace.records import Article, Cue, Quote, QuoteContext, SpeakerMention, stable_id

LOGGER = logging.getLogger(__name__)

# "Source: Kessa regional administration": the whole label line names the speaker, lower-case words too
_SOURCE_LINE = re.compile(r"^[ \t]*Source:\s*(?:the\s+)?([A-Z][\w’'\-.]+(?:[ \t]+(?!(?:at|in|on|during|via|to|"
                          r"after|before|speaking|told|said|from)\b)[\w’'\-.&]+){0,7})", re.MULTILINE)
# a quote signed after a dash on its own line: “…” — Hanna Roos, director of the orchestra
_DASH_SOURCE = re.compile(r"[ \t]*[—–-]{1,2}[ \t]*((?:[A-Z][\w’'.-]+[ \t]+){0,3}[A-Z][\w’'-]+)[ \t]*(?=,|\(|\n|$)")
# a headline's quote, then its speaker after a colon: "‘I stopped asking permission’: Adaeze Okafor on …"
_COLON_SOURCE = re.compile(r"[ \t]*:[ \t]+((?:[A-Z][\w’'.-]+[ \t]+){0,3}[A-Z][\w’'-]+)(?=[ \t]+(?:on|says|tells|warns|"
                           r"admits|insists|explains|recalls|reflects)\b|[ \t]*$)", re.MULTILINE)
_PRONOUN_AFTER = re.compile(r"[ \t]*,?[ \t]*(he|she)\b", re.IGNORECASE)
# "…,’ bassist Danny Okafor begins." / "…,” Reyes cuts in.": a name and a verb we do not list close the quote
_SUBJECT_AFTER = re.compile(r"[ \t]*(?:(?!(?:and|but|so|as|when|while|after|before|because|if|then|than|or|for|to|of|"
                            r"in|on|at|by|with|from|says?|said)\b)[a-z][\w-]*[ \t]+){0,2}"
                            r"(?P<name>[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3})[ \t]+(?:[a-z]+ly[ \t]+)?"
                            r"(?P<verb>[a-z]{2,}(?:s|ed))(?:[ \t]+(?:in|up|out|back|on|off))?[ \t]*(?:[.;!?]|,[ \t]|$)",
                            re.MULTILINE)
_VERB_THEN_SUBJECT = re.compile(r"[ \t]*(?P<verb>[a-z]{3,}ed)(?:[ \t]+(?:in|up|back))?[ \t]+(?:(?:the|a|an)[ \t]+)?"
                                r"(?:[a-z][\w-]*[ \t]+){0,2}(?P<name>[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3})"
                                r"[ \t]*(?:[.;!?]|,[ \t]|$)", re.MULTILINE)  # "…,” interjected Danny Okafor."
_NOT_MANNER = frozenset("is was has does needs seems wants likes loves hates knows".split())
_AS_ASIDE = re.compile(r"[\s,”\"’']*as\s+(?:[\w.’'-]+\s+){1,4}$")
_QUOTE_LABEL = re.compile(r"^[ \t]*(?:Quote|Quotes|Direct speech)\s*:", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class ArticleQuotes:
    """Everything extracted from one article."""

    article_id: str
    quotes: tuple[Quote, ...]
    mentions: tuple[SpeakerMention, ...]


class Extractor:
    """Holds the loaded spaCy pipeline; extracts quotes and speaker mentions from articles."""

    def __init__(self, model: str | None = None) -> None:
        self.nlp = load_model(model)
        self.ner = self.nlp.get_pipe("ner") if "ner" in self.nlp.pipe_names else None
        self._tag_to_pos = tag_to_pos(self.nlp)
        # the attribute ruler's Matcher costs a third of tagging + parsing; its tag→POS table does the job
        self._skip = [n for n in ("ner", "attribute_ruler") if n in self.nlp.pipe_names
                      and (n != "attribute_ruler" or self._tag_to_pos)]

    def extract_article(self, article: Article) -> ArticleQuotes:
        """Quotes and speaker mentions of one article."""
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleQuotes]:
        """Stream results for ``articles``, parsing their candidate sentences with ``nlp.pipe``."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _parse(self, texts: list[str]) -> list[Doc]:
        """Tag and parse every unit; NER (its own tok2vec, as costly as tagging and parsing together)
        runs only on short windows around proper-noun runs, the only place names can be."""
        with self.nlp.select_pipes(disable=self._skip):
            docs = list(self.nlp.pipe(texts, batch_size=256))
        if "attribute_ruler" in self._skip:
            for doc in docs:
                set_pos(doc, self._tag_to_pos)
        if self.ner is None:
            return docs
        windows: list[tuple[Doc, int]] = []
        minis: list[Doc] = []
        for doc in docs:
            for lo, hi in proper_noun_windows(doc):
                words = [t.text for t in doc[lo:hi]]
                spaces = [bool(t.whitespace_) for t in doc[lo:hi]]
                minis.append(Doc(self.nlp.vocab, words=words, spaces=spaces))
                windows.append((doc, lo))
        found: dict[int, list[Span]] = {}
        for mini, (doc, lo) in zip(self.ner.pipe(minis, batch_size=1024), windows):  # type: ignore[attr-defined]
            for ent in mini.ents:
                found.setdefault(id(doc), []).append(Span(doc, lo + ent.start, lo + ent.end, label=ent.label_))
        for doc in docs:
            spans = found.get(id(doc))
            if spans:
                doc.set_ents(filter_spans(spans))
        return docs

    def _run_batch(self, articles: list[Article]) -> Iterator[ArticleQuotes]:
        prepared = []
        for article in articles:
            try:
                prepared.append(prepare(article))
            except Exception:  # one bad article never stops a batch
                LOGGER.exception("quote scan failed for article %s", article.id)
                prepared.append(Prepared(article, [], [], []))
        texts = [t for p in prepared for t in p.unit_texts()]
        docs = iter(zip(self._parse(texts), texts))
        for prep in prepared:
            units = [ParsedUnit.of(a, *next(docs)) for a, _ in prep.ranges]
            try:
                yield analyse(prep.article, prep.pairs, prep.sentences, units)
            except Exception:
                LOGGER.exception("quote extraction failed for article %s", prep.article.id)
                yield ArticleQuotes(prep.article.id, (), ())


class _Index:
    """Positions of paragraphs, top-level quotes and cues, so every lookup is a bisection (long
    inputs stay linear)."""

    def __init__(self, text: str, pairs: list[MarkPair], cues: list[CueHit]) -> None:
        self.text = text
        self.para_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.top = [i for i, p in enumerate(pairs) if p.parent is None]
        self.top_opens = [pairs[i].open for i in self.top]
        self.pairs = pairs
        self.cues = cues
        self.cue_starts = [c.start for c in cues]
        self.children: dict[int, list[int]] = {}
        for i, pair in enumerate(pairs):
            if pair.parent is not None:
                self.children.setdefault(pair.parent, []).append(i)

    def paragraph(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.para_starts, pos) - 1
        lo = self.para_starts[max(k, 0)]
        hi = self.para_starts[k + 1] - 1 if k + 1 < len(self.para_starts) else len(self.text)
        return lo, hi

    def top_index(self, pos: int) -> int | None:
        """The top-level quote strictly containing ``pos``."""
        k = bisect.bisect_left(self.top_opens, pos) - 1
        if k >= 0 and self.pairs[self.top[k]].open < pos < self.pairs[self.top[k]].close:
            return self.top[k]
        return None

    def tops_between(self, lo: int, hi: int) -> list[int]:
        a = bisect.bisect_left(self.top_opens, lo)
        b = bisect.bisect_left(self.top_opens, hi)
        return self.top[a:b]

    def cues_between(self, lo: int, hi: int) -> list[CueHit]:
        return self.cues[bisect.bisect_left(self.cue_starts, lo): bisect.bisect_left(self.cue_starts, hi)]


def analyse(article: Article, pairs: list[MarkPair], sentences: list[Sentence], units: list[ParsedUnit]) -> ArticleQuotes:
    """Turn the scanned marks and parsed units of one article into Quote and SpeakerMention records."""
    text = article.text
    capitals: dict[str, bool] = {}  # word → written capitalised mid-sentence somewhere (asked once per article)
    for unit in units:  # the whole article, for what one unit cannot tell ("Trump" opening a sentence: a name?)
        unit.doc.user_data["article"] = text
        unit.doc.user_data["capitals"] = capitals
    cues = sorted(find_cues(units), key=lambda c: c.start)
    index = _Index(text, pairs, cues)
    for cue in cues:
        cue.quote_level = index.top_index(cue.start)
    reg = build_registry(text, pairs, units, cues)
    resolve_cue_speakers(reg, cues, in_quotes=False)
    for cue in cues:
        _name_inverted_body(text, reg, cue)
    unit_starts = [u.start for u in units]
    sent_starts = [s.start for s in sentences]
    cues_by_token = {(c.unit, c.token_i): c for c in cues}

    drafts: list[QuoteDraft] = []
    draft_of_pair: dict[int, int] = {}
    entity_of: dict[int, Entity | None] = {}
    for i, pair in enumerate(pairs):
        if pair.parent is not None and pair.parent not in draft_of_pair:
            continue
        sent = sentence_at(sentences, sent_starts, pair.open)
        lo = sent.start if sent else index.paragraph(pair.open)[0]
        if pair.parent is not None:
            lo = max(lo, pairs[pair.parent].start)
        kind = "direct" if pair.continues_previous else classify(text, pair, lo)
        if kind is None:
            continue
        draft = QuoteDraft(i, pair.start, pair.end, kind,
                           parent=draft_of_pair.get(pair.parent) if pair.parent is not None else None,
                           confidence=1.0 if pair.closed else 0.5)
        draft_of_pair[i] = len(drafts)
        drafts.append(draft)

    # top level first, so that cues inside quotes can exclude the outer speaker
    for nested in (False, True):
        if nested:
            outer = {d.pair: entity_of.get(k) for k, d in enumerate(drafts) if d.parent is None}
            resolve_cue_speakers(reg, cues, in_quotes=True, outer=outer)
        for k, draft in enumerate(drafts):
            if (draft.parent is not None) != nested:
                continue
            entity_of[k] = _attribute(index, reg, drafts, k, units, unit_starts, cues_by_token, entity_of)
            if entity_of[k] is None and not nested and drafts[k].kind == "direct":
                entity_of[k] = _carried_speaker(index, reg, drafts, k, entity_of)
            inner = _NAMED_ASKING.search(text, max(drafts[draft.parent].start, pairs[draft.pair].open - 120),
                                         pairs[draft.pair].open) if entity_of[k] is None and nested else None
            if inner is not None:  # "I then heard President Trump ask, quote, ‘…?’": the one named asking
                name = " ".join(split_title(inner.group(1).split())[1]) or inner.group(1)
                entity_of[k] = reg.lookup_person(name) or reg.person(name)
            vocative = _VOCATIVE.match(text, draft.start) if nested and entity_of[k] is not None else None
            if vocative is not None and vocative.group(1) in " ".join(entity_of[k].names).split():  # type: ignore[union-attr]
                entity_of[k] = None  # "‘Gus, it's a church,’": said to Gus, never by him
            if nested and draft.parent is not None and _I_SAID.search(
                    text, max(drafts[draft.parent].start, pairs[draft.pair].open - 40), pairs[draft.pair].open):
                entity_of[k] = entity_of.get(draft.parent)  # "Mom said, ‘…,’ and I said, ‘No way.’” Ava said": Ava's
            if entity_of[k] is None and nested and draft.parent is not None and _FIRST_PERSON.search(
                    text, max(drafts[draft.parent].start, pairs[draft.pair].open - 120), pairs[draft.pair].open):
                # "“… and I said: ‘Look, …’” she said": words the speaker reports of herself are hers
                entity_of[k] = entity_of.get(draft.parent)

    _as_put_it(text, reg, pairs, drafts, entity_of)
    _labels_and_scare_quotes(text, drafts)
    _repeated_words(text, drafts, entity_of)
    claims = [(c, _headline_speaker(reg, text, c)) for c in headline_claims(text)]
    claims = [(c, e) for c, e in claims if e is not None]
    for claim, entity in claims:  # quoted words in an attributed headline are that speaker's
        for k, draft in enumerate(drafts):
            if claim.start <= draft.start and draft.end <= claim.end and (
                    draft.kind == "scare" or draft.kind == "partial" and _unnamed(entity_of.get(k))):
                draft.kind, entity_of[k] = "partial", entity
            elif claim.cue_text is None and draft.kind == "direct" and draft.parent is None \
                    and claim.start <= draft.start and draft.end <= claim.end:
                entity_of[k] = entity  # "Freeman's mother: ‘We'll be back’": the words of the one the headline names
    _merge_paragraph_runs(pairs, drafts, entity_of)
    records = _records(article, index, drafts, entity_of, reg)
    direct_spans = [(pairs[d.pair].open, pairs[d.pair].close + 1) for d in drafts if d.kind == "direct" and d.parent is None]
    reported: list[tuple[int, int, CueHit]] = []
    for cue, (start, end) in indirect_spans(text, cues, direct_spans):
        records.append(_record(article.id, text, start, end, "indirect", cue, cue.entity, None, None, 0.7,
                               _cue_context(index, cue)))
        reported.append((start, end, cue))
    for draft in drafts:  # "…, Mayer said, and “patched” the software": words marked in a reported clause
        if draft.kind != "scare" or draft.parent is not None or not text[draft.start: draft.end][:1].islower():
            continue
        cue = next((c for s, e, c in reported if s <= draft.start and draft.end <= e and not _unnamed(c.entity)), None)
        if cue is not None:
            records.append(_record(article.id, text, draft.start, draft.end, "partial", cue, cue.entity, None, None,
                                   0.6, _cue_context(index, cue)))
    for claim, entity in claims:
        unnamed = [q for q in records if q.kind == "indirect" and q.speaker is None and q.start < claim.end
                   and claim.start < q.end]
        for quote in unnamed:  # "…, says council leader": the parse found the words, the headline rule the speaker
            records.remove(quote)
        if not any(q.kind != "partial" and q.start < claim.end and claim.start < q.end for q in records):
            records.append(_headline_record(article.id, text, claim, claim.start, claim.end, "indirect", entity))
        for pair in pairs:  # a title-cased quoted fragment the classifier passed over
            if pair.parent is None and claim.start <= pair.start and pair.end <= claim.end and not any(
                    q.start <= pair.start and pair.end <= q.end and q.kind != "indirect" for q in records):
                records.append(_headline_record(article.id, text, claim, pair.start, pair.end, "partial", entity))
    records.sort(key=lambda q: (q.start, q.end))
    mentions = _mentions(article.id, records)
    return ArticleQuotes(article.id, tuple(records), mentions)


# the proper-noun subject opening a reported clause ("Streaming service Lumen will ...", "Norvik Mobile has ...")
_CLAUSE_SUBJECT = re.compile(r"(?:[A-Za-z][a-z-]+\s+){0,2}?([A-Z][\w&’'-]+(?:\s+[A-Z][\w&’'-]+){0,3})\s+(?:will|would|has|"
                             r"had|have|is|was|are|were|plans?|planned|intends?|expects?|can|could|must|may|should|"
                             r"[a-z]+(?:s|ed))\b")


def _unnamed(entity: Entity | None) -> bool:
    return entity is None or entity.kind in ("anonymous", "unknown")


def _name_inverted_body(text: str, reg: SpeakerRegistry, cue: CueHit) -> None:
    """"Lumen will scrap the tier, the company said": an unnamed body after its clause is the clause's
    named subject (a general pattern of company and agency news)."""
    phrase, content = cue.speaker, cue.content
    if cue.quote_level is not None or phrase is None or content is None or content[1] > cue.start:
        return
    words = phrase.text.split()
    staff = len(words) == 2 and words[0] in ORG_NOUNS and words[1] in _UNNAMED_STAFF  # "agency officials"
    if not staff and (len(words) != 2 or words[0].lower() != "the" or not words[1].isalpha()
                      or not words[1].islower()):
        return
    if not staff and (cue.entity is not None and cue.entity.kind == "person" or (
            cue.entity is not None and any(ch.isupper() for ch in cue.entity.canonical))):
        return
    found = _CLAUSE_SUBJECT.match(text, content[0], content[1])
    if found and found.group(1).split()[0].lower() not in ("the", "a", "an", "it", "he", "she", "they", "we", "i"):
        name = found.group(1)
        if " " not in name and found.start(1) == content[0] and not capitalised_elsewhere(text, name):
            return  # "Inflation remained too high, the bank said": a common noun opening the sentence
        cue.entity = reg.body(name, content[0] + found.start(1))


# "… and I said: ‘Look, …’", "my reply was ‘…’": the speaker reporting her own words (but not "I heard the
# president ask, ‘…’", where someone else is named between)
_VOCATIVE = re.compile(r"([A-Z][a-z]+),\s")
_I_SAID = re.compile(r"\b(?:I|we)\s+(?:said|say|told\s+(?:him|her|them|you)|asked|replied|answered|yelled|shouted|"
                     r"wrote|texted)\s*[,:]?\s*$")
_FIRST_PERSON = re.compile(r"\b(?:I|we|my|our)\b(?![^‘’'\"“”]*\b(?:[A-Z][a-z]+\s+){1,2}(?:ask|asks|asked|say|says|said|"
                           r"tell|told|reply|replied|answer|answered)\b)[^‘’'\"“”]*$")
_NAMED_ASKING = re.compile(r"\b((?:[A-Z][\w’'.-]+[ \t]+){1,3}?[A-Z][\w’'-]+)[ \t]+(?:ask|asks|asked|say|says|said|reply|"
                           r"replied|answer|answered)[ \t]*,?[ \t]*(?:quote,?[ \t]*)?[:,]?[ \t]*$")
_UNNAMED_STAFF = frozenset("officials spokesman spokeswoman spokesperson executives sources".split())


def _headline_speaker(reg: SpeakerRegistry, text: str, claim: HeadlineClaim) -> Entity | None:
    """The article's person or body a headline speaker phrase refers to (None: not one we know)."""
    phrase = text[claim.speaker_start: claim.speaker_end]
    relative = named_relative(reg, phrase, claim.speaker_start) or headline_relative(reg, phrase, claim.speaker_start)
    if relative is not None:  # "Freeman's mother: ‘…’": the mother the article names
        return relative
    if phrase.split() and phrase.split()[-1].islower():  # "Former Brackwater mayor": the role, not the town
        found = reg.role(phrase, claim.speaker_start)
        if found is not None:
            return found
    for word in reversed(re.findall(r"[A-Z][\w’'-]+", phrase)):
        person = reg.lookup_person(re.sub(r"[’']s$", "", word))
        if person is not None:
            return person
    found = reg.role(phrase, claim.speaker_start)
    if found is not None:
        return found
    wanted = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE).lower()
    return next((e for e in reg.entities if e.kind != "person" and e.canonical.lower() == wanted), None)


def _headline_record(article_id: str, text: str, claim: HeadlineClaim, start: int, end: int, kind: str,
                     entity: Entity) -> Quote:
    kind_of = {"person": "person", "organisation": "organisation", "body": "body"}.get(entity.kind, "unknown")
    mention = SpeakerMention(article_id, text[claim.speaker_start: claim.speaker_end], claim.speaker_start,
                             claim.speaker_end, entity.display, entity.titles[0] if entity.titles else None,
                             kind_of)  # type: ignore[arg-type]
    cue = None
    if claim.cue_text and claim.cue_lemma and claim.cue_start is not None:
        cue = Cue(claim.cue_lemma, claim.cue_text, claim.cue_start, claim.cue_start + len(claim.cue_text))
    return Quote(id=stable_id(article_id, start, end, kind), article_id=article_id,
                 text=text[start:end], start=start, end=end, kind=kind,  # type: ignore[arg-type]
                 speaker=entity.display, speaker_mention=mention, cue=cue, confidence=0.6)


_MINOR_WORDS = frozenset("of the and a an in on at to for with from by".split())


_PUT_IT = re.compile(r"[\s,”\"’']*as\s+([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}|he|she)\s+(?:has\s+|had\s+)?put\s+it\b")


_WHO = r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*|he|she)"
_PUT_IT_BEFORE = re.compile(r"\s*(?:As\s+" + _WHO + r"\s+(?:has\s+|had\s+)?put\s+it|In\s+" + _WHO + r"[’']s?\s+words"
                            r"|In\s+the\s+words\s+of\s+" + _WHO + r")\s*,[^.!?“”\"]*$")


def _as_put_it(text: str, reg: SpeakerRegistry, pairs: list[MarkPair], drafts: list[QuoteDraft],
               entity_of: dict[int, Entity | None]) -> None:
    """"the “new Gannett,” as Reed put it": marked words that no cue attributes belong to the one named."""
    for k, draft in enumerate(drafts):
        if draft.kind != "scare" or draft.parent is not None:
            continue
        found = _PUT_IT.match(text, pairs[draft.pair].close + 1)
        if found is None:  # "As Heller put it, the plan is “madness.”", "In Heller's words, …"
            open_at = pairs[draft.pair].open
            lo = max(text.rfind(". ", 0, open_at) + 2, text.rfind("\n", 0, open_at) + 1, open_at - 200)
            found = _PUT_IT_BEFORE.match(text, lo, open_at)
        if found is None:
            continue
        group = next(i for i, g in enumerate(found.groups(), 1) if g)  # the alternative that matched
        who, at = found.group(group), found.start(group)
        who = " ".join(who.split()[-2:]) if who not in ("he", "she") else who  # "Councillor Dag Heller": the name
        entity = reg.most_recent(at, PRONOUNS[who], set()) if who in ("he", "she") \
            else reg.lookup_person(who) or reg.person(who, at)
        if entity is not None:
            draft.kind, entity_of[k] = "partial", entity


def _labels_and_scare_quotes(text: str, drafts: list[QuoteDraft]) -> None:
    """Marked words that are not speech: a title or name in Title Case that no cue of its own attributes
    (“Star Wars,” “Bambi.”), and one or two lower-case words marked inside someone's quote (‘bribery’)."""
    for draft in drafts:
        if draft.kind not in ("direct", "partial"):
            continue
        words = re.findall(r"[\w’'-]+", text[draft.start: draft.end])
        if not words:
            continue
        weak = draft.cue is None or draft.confidence <= 0.6  # carried over, not attributed by a cue
        exclaimed = text[draft.start: draft.end].rstrip(" ,.’'\"”").endswith(("!", "?"))  # “We Got Her!” is speech
        title_case = len(words) <= 5 and not exclaimed and all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in words) \
            and words[0][:1].isupper() and not (len(words) == 1 and draft.parent is None and draft.kind == "direct")
        if title_case and weak:
            draft.kind = "scare"
        elif draft.parent is not None and len(words) <= 2 and words[0][:1].islower():
            draft.kind = "scare"


def _repeated_words(text: str, drafts: list[QuoteDraft], entity_of: dict[int, Entity | None]) -> None:
    """A quote with no speaker whose words recur inside an attributed quote (a quoted subheading, a pull
    quote: “My fears have been realized” above the paragraph where Morrison says them) is that speaker's."""
    said = [(_words(text[d.start: d.end]), entity_of[k]) for k, d in enumerate(drafts)
            if entity_of.get(k) is not None and d.kind in ("direct", "partial")]
    if not said:
        return
    for k, draft in enumerate(drafts):
        if entity_of.get(k) is not None or draft.kind not in ("direct", "partial") or draft.parent is not None:
            continue
        words = _words(text[draft.start: draft.end])
        if len(words.split()) < 3:
            continue
        owner = next((entity for other, entity in said if f" {words} " in f" {other} "), None)
        if owner is None and text.find("\n", 0, draft.start) < 0 and re.search(r":\s*[‘“'\"]$", text[max(0, draft.start - 8):draft.start]):
            # "Cat missing for three years turns up …: ‘I screamed in the school pickup line’": a headline's words
            # of the one the story is about (of those quoted, the one named most)
            quoted = [e for _, e in said if e is not None and e.kind == "person"]
            owner = max(quoted, key=lambda e: len(set(e.positions))) if quoted else None
        if owner is not None:
            entity_of[k] = owner


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _merge_paragraph_runs(pairs: list[MarkPair], drafts: list[QuoteDraft], entity_of: dict[int, Entity | None]) -> None:
    """A quote running over several paragraphs (each reopened, closed only at the end) becomes one quote."""
    head: int | None = None
    for k, draft in enumerate(drafts):
        if draft.parent is not None or draft.kind == "scare":
            continue
        pair = pairs[draft.pair]
        if pair.continues_previous and head is not None:
            lead = drafts[head]
            lead.end = draft.end
            lead.cue = lead.cue or draft.cue
            if entity_of.get(head) is None:
                entity_of[head] = entity_of.get(k)
            draft.kind = "merged"
            for other in drafts:  # quotes nested in this paragraph now sit in the merged quote
                if other.parent == k:
                    other.parent = head
        else:
            head = None
        if pair.continued and draft.kind != "merged":
            head = k


def _attribute(index: _Index, reg: SpeakerRegistry, drafts: list[QuoteDraft], k: int, units: list[ParsedUnit],
               unit_starts: list[int], cues_by_token: dict[tuple[int, int], CueHit],
               entity_of: dict[int, Entity | None]) -> Entity | None:
    text, pairs = index.text, index.pairs
    draft = drafts[k]
    pair = pairs[draft.pair]
    para = index.paragraph(pair.open)
    if draft.parent is None:
        zone = para
        level = None
        k_top = bisect.bisect_left(index.top_opens, pair.open)
        siblings = index.top[max(0, k_top - 1): k_top + 2]  # the neighbours are all attribution needs
        siblings = [j for j in siblings if zone[0] <= pairs[j].open < zone[1]]
    else:
        parent = pairs[pair.parent] if pair.parent is not None else pair
        zone = (parent.start, parent.end)
        level = index.top_index(pair.open)
        siblings = index.children.get(pair.parent, []) if pair.parent is not None else [draft.pair]
    if draft.kind == "direct":
        draft.cue = attribute_direct(text, pairs, draft.pair, index.cues_between, zone, siblings, level)
        if draft.cue is not None and draft.cue.entity is None:
            if draft.cue.speaker is not None and draft.cue.speaker.form == "pronoun":
                draft.gender = PRONOUNS.get(draft.cue.speaker.text.lower())
            draft.cue = None
        if draft.cue is None and draft.parent is None:
            named = _subject_after(text, reg, pair.close + 1)
            if named is not None:
                draft.confidence = min(draft.confidence, 0.7)
                return named
    else:
        u = bisect.bisect_right(unit_starts, pair.start) - 1
        if u >= 0:
            draft.cue = attribute_partial(units[u], pair, cues_by_token, u)
            if draft.cue is not None and draft.cue.quote_level != level:
                draft.cue = None
    # a split quote: the same cue as the previous quote of the paragraph, or no cue after one
    previous = None
    for j in range(k - 1, max(-1, k - 50), -1):
        if pairs[drafts[j].pair].open < para[0]:
            break
        if drafts[j].parent == draft.parent and drafts[j].kind == "direct":
            previous = j
            break
    if draft.kind == "direct" and previous is not None:
        if draft.cue is not None and drafts[previous].cue is draft.cue:
            draft.continues = previous
        elif draft.cue is None and entity_of.get(previous) is not None:
            draft.continues = previous
            return entity_of[previous]
    if pair.continues_previous:
        prior = next((j for j in range(k - 1, max(-1, k - 20), -1) if pairs[drafts[j].pair].continued), None)
        if prior is not None:
            draft.continues = prior
            if draft.cue is None:
                return entity_of.get(prior)
    if draft.cue is not None:
        return draft.cue.entity
    if _QUOTE_LABEL.match(text, para[0]):
        return _source_entity(text, para[0], draft)
    if draft.kind == "direct" and draft.parent is None:
        # "She said:" closing the previous paragraph introduces this one
        prev_hi = para[0] - 1
        while prev_hi > 0 and text[prev_hi - 1].isspace():
            prev_hi -= 1
        if prev_hi > 0 and text[prev_hi - 1] == ":" and not text[para[0]: pair.open].strip():
            prev_lo = index.paragraph(prev_hi - 1)[0]
            intro = [c for c in index.cues_between(prev_lo, prev_hi) if c.entity is not None and c.quote_level is None]
            if intro:
                draft.cue = intro[-1]
                return draft.cue.entity
    if draft.kind == "partial":
        # "the “new Gannett,” as Reed dubbed the combination": the aside right after the words names who used them
        aside = [c for c in index.cues_between(pair.close + 1, pair.close + 80) if c.entity is not None
                 and c.quote_level is None and _AS_ASIDE.match(text, pair.close + 1, c.start)]
        if aside:
            draft.cue = aside[0]
            return draft.cue.entity
        # a partial quote with no cue: the speaker of its paragraph, else a scare quote (dropped later)
        near = [j for j in range(max(0, k - 20), min(len(drafts), k + 20)) if j != k]
        same_para = [j for j in near if drafts[j].kind == "direct" and drafts[j].cue is not None
                     and para[0] <= pairs[drafts[j].pair].open < para[1]]
        if same_para:
            draft.cue = drafts[same_para[0]].cue
            draft.confidence = 0.5
            return draft.cue.entity if draft.cue else None
        draft.kind = "scare"
        return None
    draft.confidence = min(draft.confidence, 0.6)
    return None


# lines an embedded post leaves between paragraphs: its signature, a caption of a few words, a photo link
_EMBED_JUNK = re.compile(r"[—–-]\s*[^\n]*\(@\w+\)[^\n]*$|(?:[\w’']+\s*){1,3}$|pic\.twitter\.com/\S+$")


def _subject_after(text: str, reg: SpeakerRegistry, pos: int) -> Entity | None:
    """The one named as the subject of a verb we do not list right after a quote's closing mark ("…,’ bassist
    Danny Okafor begins.", "…,” Reyes cuts in.", "…,” Lund laughed.", "…,” interjected Danny Okafor")."""
    match = _SUBJECT_AFTER.match(text, pos) or _VERB_THEN_SUBJECT.match(text, pos)
    if match is None or match.group("verb") in _NOT_MANNER:
        return None
    return next((ent for at in range(match.start("name"), match.end("name")) for ent in reg.entities_at(at)
                 if ent.kind != "anonymous"), None)


def _carried_speaker(index: _Index, reg: SpeakerRegistry, drafts: list[QuoteDraft], k: int,
                     entity_of: dict[int, Entity | None]) -> Entity | None:
    """The speaker of a quote with no attribution of its own, as news copy implies it.

    A quote paragraph that names nobody continues the quote just before it, else belongs to whoever the
    reporter's text right before it (same paragraph or the one above) last said something or was named.
    """
    pair = index.pairs[drafts[k].pair]
    gender = drafts[k].gender  # "…,” she said, with no woman known: at least never a man
    after = _PRONOUN_AFTER.match(index.text, pair.close + 1)
    if gender is None and after is not None:  # "“Oh, yes,” he assures himself": a verb we do not list
        gender = PRONOUNS[after.group(1).lower()]
    para = index.paragraph(pair.open)
    lo = para[0]
    if not index.text[para[0]: pair.open].strip() or _QUOTE_LABEL.match(index.text, para[0]):
        # the quote opens its paragraph (perhaps after a "Quote:" label): look at the paragraph above
        above = para[0] - 1
        for _ in range(4):  # (past blank lines and an embed's junk: "Club statement", "— Spurs (@SpursOfficial) …")
            while above > 0 and not index.text[index.paragraph(above - 1)[0]: above].strip():
                above = index.paragraph(above - 1)[0]
            line = index.text[index.paragraph(above - 1)[0]: above].strip() if above > 0 else ""
            if not _EMBED_JUNK.match(line):
                break
            above = index.paragraph(above - 1)[0]
        lo = index.paragraph(above - 1)[0] if above > 0 else para[0]
    for j in range(k - 1, -1, -1):
        earlier = drafts[j]
        if index.pairs[earlier.pair].open < lo:
            break
        if earlier.parent is None and earlier.kind in ("direct", "partial") and entity_of.get(j) is not None \
                and compatible(entity_of[j], gender):  # type: ignore[arg-type]
            drafts[k].confidence = min(drafts[k].confidence, 0.6)
            return entity_of[j]
    spoke = [c for c in index.cues_between(lo, pair.open) if c.entity is not None and c.quote_level is None
             and compatible(c.entity, gender)]
    if spoke:
        drafts[k].confidence = min(drafts[k].confidence, 0.6)
        return spoke[-1].entity
    named = reg.most_recent(pair.open, gender, set(), persons_only=True, window=max(0, pair.open - lo))
    if named is not None:
        drafts[k].confidence = min(drafts[k].confidence, 0.5)
    return named


def _source_entity(text: str, para_lo: int, draft: QuoteDraft) -> Entity | None:
    """The speaker named on a "Source: X ..." line above a "Quote:" paragraph."""
    lo = para_lo
    for _ in range(6):
        if lo <= 0:
            break
        lo = text.rfind("\n", 0, lo - 1) + 1
        match = _SOURCE_LINE.match(text, lo)
        if match:
            draft.source_line = lo
            return None
    return None


def _cue_context(index: _Index, cue: CueHit) -> QuoteContext:
    """Venue, addressee and relay from the cue's sentence with the quoted words blanked out."""
    text = index.text
    sentence = list(text[cue.sent_start: cue.sent_end])
    for i in index.tops_between(max(0, cue.sent_start - MAX_QUOTE_CHARS), cue.sent_end):
        pair = index.pairs[i]
        if pair.open < cue.sent_end and pair.close > cue.sent_start:
            for j in range(max(pair.start, cue.sent_start), min(pair.end, cue.sent_end)):
                sentence[j - cue.sent_start] = " "
    return context_of(re.sub(r"\s+", " ", "".join(sentence)), cue.addressee)


def _records(article: Article, index: _Index, drafts: list[QuoteDraft], entity_of: dict[int, Entity | None],
             reg: SpeakerRegistry) -> list[Quote]:
    text = article.text
    out: list[Quote | None] = []
    for k, draft in enumerate(drafts):
        if draft.kind in ("scare", "merged"):
            out.append(None)
            continue
        entity = entity_of.get(k)
        context = _cue_context(index, draft.cue) if draft.cue is not None else QuoteContext()
        mention_override = None
        if draft.source_line is not None:
            line_end = text.find("\n", draft.source_line)
            line = text[draft.source_line: line_end if line_end >= 0 else len(text)]
            match = _SOURCE_LINE.match(line)
            if match:
                name = match.group(1)
                entity = reg.lookup_person(name) or reg.body(name)
                s = draft.source_line + match.start(1)
                mention_override = (name, s, s + len(name))
                context = context_of(line)
        if draft.kind == "direct" and draft.parent is None:
            # (a signature beats the speaker of the paragraphs before: "“…” — Matthias Krenn, director, GASP")
            dash = _DASH_SOURCE.match(text, index.pairs[draft.pair].close + 1)
            opens_line = not text[text.rfind("\n", 0, index.pairs[draft.pair].open) + 1: index.pairs[draft.pair].open].strip()
            if dash is None and opens_line:  # "‘I stopped asking permission’: Adaeze Okafor on building a bank"
                dash = _COLON_SOURCE.match(text, index.pairs[draft.pair].close + 1)
            if dash is not None:  # “…” — Hanna Roos, director of ...: the name after the dash speaks
                name = dash.group(1)
                is_body = any(w.lower() in ORG_NOUNS for w in name.split())
                entity = reg.body(name) if is_body else reg.lookup_person(name) or reg.person(name)
                mention_override = (name, dash.start(1), dash.end(1))
        parent = out[draft.parent] if draft.parent is not None else None
        if parent is not None and parent.speaker and (entity is None or entity.display != parent.speaker):
            context = QuoteContext(context.venue, context.addressee, parent.speaker)  # a relay, not herself
        continues = out[draft.continues] if draft.continues is not None else None
        if continues is not None and entity is None and continues.speaker:
            entity = reg.lookup_person(continues.speaker) or reg.body(continues.speaker)
        confidence = draft.confidence * (0.9 if entity is not None else 0.6)
        out.append(_record(article.id, text, draft.start, draft.end, draft.kind, draft.cue, entity,
                           parent.id if parent else None, continues.id if continues else None, confidence,
                           context, mention_override))
    return [q for q in out if q is not None]


def _record(article_id: str, text: str, start: int, end: int, kind: str, cue: CueHit | None,
            entity: Entity | None, parent_id: str | None, continues: str | None, confidence: float,
            context: QuoteContext, mention_override: tuple[str, int, int] | None = None) -> Quote:
    mention = None
    name = entity.display if entity is not None and entity.kind != "anonymous" else None
    kind_of = "unknown"
    if entity is not None:
        kind_of = {"person": "person", "organisation": "organisation", "body": "body"}.get(entity.kind, "unknown")
    title = entity.titles[0] if entity is not None and entity.titles else None
    if mention_override is not None:
        m_text, m_start, m_end = mention_override
        mention = SpeakerMention(article_id, m_text, m_start, m_end, name, title, kind_of)  # type: ignore[arg-type]
    elif cue is not None and cue.speaker is not None:
        sp = cue.speaker
        mention = SpeakerMention(article_id, text[sp.start: sp.end], sp.start, sp.end, name,
                                 clean_title(sp.title) or title, kind_of)  # type: ignore[arg-type]
    cue_record = Cue(cue.lemma, cue.text, cue.start, cue.end) if cue is not None and cue.lemma else None
    return Quote(
        id=stable_id(article_id, start, end, kind),
        article_id=article_id,
        text=text[start:end],
        start=start,
        end=end,
        kind=kind,  # type: ignore[arg-type]
        speaker=name,
        speaker_mention=mention,
        cue=cue_record,
        context=context,
        parent_id=parent_id,
        confidence=round(confidence, 3),
        continues=continues,
    )


def _mentions(article_id: str, quotes: list[Quote]) -> tuple[SpeakerMention, ...]:
    seen: dict[tuple[int, int], SpeakerMention] = {}
    for quote in quotes:
        if quote.speaker_mention is not None:
            seen.setdefault((quote.speaker_mention.start, quote.speaker_mention.end), quote.speaker_mention)
    return tuple(seen[k] for k in sorted(seen))


_DEFAULT: Extractor | None = None
_DEFAULT_LOCK = threading.Lock()


def default_extractor() -> Extractor:
    """The process-wide Extractor (loaded on first use)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Extractor()
        return _DEFAULT


def extract_text(text: str, doc_id: str = "text") -> list[Quote]:
    """Every quote (direct, partial, indirect) of one article's text, speakers resolved."""
    article = Article(id=doc_id, text=text, source=doc_id)
    return list(default_extractor().extract_article(article).quotes)


def quote_to_json(quote: Quote, doc: str) -> dict[str, Any]:
    """The Quote JSONL row of DESIGN.md (plus id, continues, context, confidence)."""
    mention = quote.speaker_mention
    return {
        "doc": doc,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "speaker": quote.speaker,
        "speaker_mention": mention.text if mention else None,
        "speaker_start": mention.start if mention else None,
        "speaker_end": mention.end if mention else None,
        "cue": quote.cue.lemma if quote.cue else None,
        "nested_in": quote.parent_id,
        "id": quote.id,
        "continues": quote.continues,
        "context": quote.context.as_dict(),
        "confidence": quote.confidence,
    }
