"""Reporting cues found in parsed sentences: the verb, who its subject is, and what it reports."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from quotetrace.nlp.cues import (COURT_PAPERS, FIRST_SECOND, NO_INDIRECT, OBJECT_CONTENT, PRONOUNS, REPORT_NOUNS,
                                 XCOMP_CONTENT, cue_lemma)
from quotetrace.nlp.gender import gender_of, is_given_name
from quotetrace.nlp.mentions import (_STOP_CAPS, COMPANY_NOUNS, ORG_NOUNS, PERSON_NOUNS, PERSON_ROLES, STAMPS, TITLE_WORDS, name_of,
                                     noun_phrase, split_title)
from quotetrace.nlp.speakers import EVENT_NOUNS, LEGAL_SIDES, ORGLIKE_WORDS, Entity, capitalised_elsewhere

LOGGER = logging.getLogger(__name__)

_BODY_HEADS = ORG_NOUNS | frozenset("staff corps command guard chiefs fund service league federation association "
                                    "society centre center academy church assembly tribunal".split())
_RELATIVE = frozenset("who which that whom".split())
# a determiner standing for an unnamed person of a group just mentioned ("one resident said ... Another said")
_EVERYONE = frozenset("everyone everybody someone somebody anyone anybody nobody no-one".split())
_INDEFINITE_SUBJECTS = frozenset("another others some one many several few most".split())
_BODY_ENTS = frozenset("ORG GPE NORP FAC".split())


@dataclass(frozen=True)
class ParsedUnit:
    """A parsed stretch of the article: ``doc`` holds ``text[start:start + len(doc.text)]``."""

    start: int
    doc: Doc

    @cached_property
    def text(self) -> str:
        """The unit's text, built once (``Doc.text`` joins every token on each access)."""
        return self.doc.text

    @classmethod
    def of(cls, start: int, doc: Doc, text: str) -> "ParsedUnit":
        """A unit whose text is already known (the string that was parsed): no join needed."""
        unit = cls(start, doc)
        unit.__dict__["text"] = text  # primes the cached property
        return unit

    def span(self, token: Token) -> tuple[int, int]:
        return self.start + token.idx, self.start + token.idx + len(token.text)


@dataclass
class SpeakerPhrase:
    """The subject of a cue as written: a pronoun, a name (with title), or a role noun phrase."""

    text: str
    start: int
    end: int
    form: str  # pronoun | name | role | body | relative
    title: str | None = None
    person: bool = False
    descriptor: bool = False  # "the Italian", "the 52-year-old Swede": a person named earlier, described
    common_start: bool = False  # the first word is a common noun capitalised as the sentence's first word


_AGE = re.compile(r"\d+-year-old")
# nationality nouns no suffix rule finds ("the Dane recalled", "the Portuguese told reporters")
DEMONYMS = frozenset("""dane swede finn pole czech slovak brit briton scot turk greek thai swiss portuguese chinese
    japanese spaniard basque catalan kiwi aussie croat serb uzbek kazakh kurd arab iraqi israeli pakistani saudi kuwaiti
    qatari emirati yemeni omani bangladeshi nepali afghan somali dutchman frenchman englishman irishman welshman
    scotsman dutchwoman frenchwoman englishwoman irishwoman welshwoman scotswoman""".split())
_DEMONYM_ENDINGS = ("man", "woman", "ian", "ean", "ese")


def _descriptor(subj: Token) -> bool:
    """A definite description standing for a person already named: "the Italian", "the 41-year-old Dane"."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children) or subj.ent_type_ == "PERSON" \
            or subj.tag_ in ("NNS", "NNPS") and subj.lower_ not in DEMONYMS:
        return False  # "the 14th-ranked Schwartzman" names its person; "the Democrats" are a group
    if any(c.dep_ == "prep" or c.dep_ == "poss" or c.dep_ == "compound" for c in subj.children):
        return False
    aged = bool(_AGE.search(subj.doc[subj.left_edge.i: subj.i].text.replace(" ", "")))
    demonym = subj.ent_type_ == "NORP" or subj.pos_ == "NOUN" or subj.lower_.endswith(_DEMONYM_ENDINGS) \
        or subj.lower_ in DEMONYMS
    return subj.text[:1].isupper() and (demonym or aged) and subj.lower_ not in ORG_NOUNS \
        and not (subj.text.isupper() and len(subj.text) > 1)  # ("the FA said": a body's initials)

@dataclass
class CueHit:
    """One reporting verb (or "according to") with its subject and reported content."""

    lemma: str
    text: str
    start: int
    end: int
    sent_start: int
    sent_end: int
    unit: int
    token_i: int
    speaker: SpeakerPhrase | None
    content: tuple[int, int] | None = None  # the reported clause, absolute offsets
    addressee: str | None = None
    entity: Entity | None = None
    quote_level: int | None = None  # index of the top-level quote holding this cue, if any
    extra: dict[str, object] = field(default_factory=dict)


def is_masked(token: Token) -> bool:
    """A direct quote's content, masked before parsing (see parsing.Prepared.unit_texts)."""
    text = token.text
    return len(text) >= 4 and text[0] == "x" and text.count("x") == len(text)


def _subject(verb: Token, depth: int = 0) -> Token | None:
    as_saying = verb.dep_ in ("pcomp", "xcomp", "advcl") and verb.head.lower_ == "as" \
        and verb.head.head.lower_.startswith(("quot", "cit"))
    if as_saying:  # "X was quoted as saying", "TASS cited Peskov as saying": the parser hangs "saying" on "as"
        verb = verb.head.head
    elif verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and verb.head.lower_ in ("for", "of"):
        patient = next((c for c in verb.head.head.children if c.dep_ == "nsubjpass"), None)
        if patient is not None and patient.pos_ in ("PROPN", "PRON"):
            return patient  # "Sondland was known for telling others …", "X was accused of saying …": X speaks
    if verb.lower_.startswith(("quot", "cite", "citi")) and (depth > 0 or as_saying or verb.dep_ == "ROOT"):
        quoted = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) or next(
            (c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN", "PRON") and any(
                a.lower_ == "as" for a in verb.children if a.i > c.i)), None)
        if quoted is not None:
            return quoted  # "X was quoted as saying ...", "Interfax quoted X as saying": X speaks
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None) if depth > 0 and patient is not None \
            and patient.pos_ == "NOUN" and patient.lower_ not in PERSON_ROLES else None
        # passive: "Ukraine was promised", "he was told"; but "… was denied by Andrew, hinting that …": Andrew
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if depth > 0 and patient is not None and (patient.pos_ in ("PROPN", "PRON") or patient.lower_ in PERSON_ROLES):
            return patient  # "Brand was questioned by police, insisting that …": Brand insists
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and not is_masked(c)]
    if len(subjects) > 1:  # misparse "Okafor-Reyes said", "Its co-founder said": one word cut at its hyphen
        subjects = [c for c in subjects if c.text != "-" and not (c.i + 2 < len(c.doc) and c.doc[c.i + 1].text == "-"
                                                                  and not c.whitespace_ and not c.doc[c.i + 1].whitespace_)]
    if not subjects:  # "Qubitly said …": a name the tagger took for an adverb
        subjects = [c for c in verb.children if c.dep_ == "advmod" and c.i == verb.i - 1 and c.text[:1].isupper()
                    and c.text[1:].islower() and len(c.text) > 3 and (not c.is_sent_start or _capitalised_in_article(c, ""))]
    asked = next((c for c in verb.children if _asked_aside(c)), None) if not subjects else None
    if asked is not None:  # misparse "Falk, asked whether she would resign, said …": Falk says
        subjects = [c for c in asked.children if c.dep_ == "nsubj"]
    aside = next((c for c in verb.children if c.dep_ in ("ccomp", "advcl") and c.tag_ == "VBG" and c.i < verb.i
                  and c.i > 0 and c.doc[c.i - 1].text == ","), None) if not subjects else None
    if aside is not None:  # misparse "Mayor Franklin Voss, writing for the majority, said …": Voss says
        subjects = [c for c in aside.children if c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.i < aside.i]
    if subjects:
        # two subjects side by side is a misparse of one phrase ("CPUC President Marybel Batjer said"): the
        # second names the speaker; otherwise ("documents that were leaked by X revealed") the first is it
        first = subjects[0]
        titled = next((g for c in first.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                       if g.dep_ == "pobj" and g.ent_type_ == "PERSON" and g.right_edge.i == verb.i - 1 and any(
                           t.pos_ == "NOUN" and t.lower_ in TITLE_WORDS for t in g.lefts)), None) \
            if first.pos_ == "PROPN" and first.i < verb.i else None
        if titled is not None:  # misparse "Paramedics Union of SA secretary Dale Hocking said": Hocking
            return titled
        closing = next((c for c in subjects[1:] if c.pos_ == "NOUN" and c.right_edge.i == verb.i - 1
                        and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ","
                        and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)), None) \
            if first.pos_ == "PROPN" else None
        if closing is not None:  # misparse "In a statement issued by its chair, Rep. X, …, the committee said": it
            return closing
        actor = next((g for c in first.lefts if c.pos_ == "VERB" and c.dep_ in ("amod", "compound") for g in c.children
                      if g.dep_ == "nsubj" and g.pos_ == "PROPN" and g.ent_type_ == "PERSON"), None) \
            if first.pos_ == "NOUN" else None
        if actor is not None:  # misparse "Gov. Judith Ransome, a Republican, ordered flags lowered … and said": she said
            return actor
        if first.dep_ == "csubj" and first.tag_ == "VBG" and first.i == first.sent.start and first.text[:1].isupper():
            named = next((c for c in first.children if c.dep_ == "dobj" and c.pos_ == "PROPN" and c.i < verb.i
                          and verb.i - 2 <= c.right_edge.i < verb.i), None)
            if named is not None:
                return named  # misparse "Pitching coach Dewey Falk said", "Acting Director Ann Lee said": the name
        nxt = next((c for c in subjects[1:] if first.pos_ == "PROPN" and first.right_edge.i == first.i
                    and c.left_edge.i == first.i + 1 and c.i < verb.i), None)
        named = [c for c in subjects[1:] if c.pos_ == "PROPN" and c.left_edge.i > 0
                 and c.doc[c.left_edge.i - 1].text == "," and c.i < verb.i]
        opener = first.doc[first.left_edge.i]
        if len(named) == 1 and (first.pos_ != "PROPN" or opener.i < first.i and opener.is_sent_start
                                and opener.lower_.endswith("ing") and not is_given_name(opener.text)):
            # misparse "Her co-author, Priya Lindqvist, … said": the name in apposition; "Sentencing Furlong,
            # Mr Justice Eamon Gilroy said": the participle's object is no subject
            return named[0]
        placed = first.ent_type_ in ("GPE", "LOC") and first.left_edge.i > 0 \
            and first.doc[first.left_edge.i - 1].lower_ in ("in", "at", "from")  # "In Córdoba, Ricardo Ambrosetti, …"
        chained = next((c for c in first.children if c.dep_ == "conj" and c.pos_ == "PROPN"
                        and (c.i == verb.i - 1 or placed)), None)
        if first.pos_ == "PROPN" and chained is not None and not any(c.dep_ == "cc" for c in first.children) \
                and first.left_edge.i > 0 and (first.doc[first.left_edge.i - 1].text == "," or placed):
            # misparse "addressed to Prairie's chair, Eleanor Haugen, Crestline chief executive Dale Whitcomb
            # wrote": the first name is in apposition to what comes before; the one next to the verb writes
            return chained
        inverted = next((c for c in subjects[1:] if c.i > verb.i and first.i < verb.i), None)
        if inverted is not None and verb.dep_ == "parataxis":
            return inverted  # "The workers, said union steward Ruth Ambler, were …": the aside's own subject
        return nxt if nxt is not None else first
    if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB":
        obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            return obj  # "which led the French manufacturer to announce …": the object does the saying
    holders = [verb, *(c for c in verb.children if c.dep_ == "advmod" and c.i < verb.i)]  # ("The 49-year-old later")
    aged = next((c for h in holders for c in h.children if c.dep_ == "amod" and c.lower_ == "old" and c.i < verb.i
                 and any(d.dep_ == "det" and d.lower_ == "the" and d.i < c.i for d in h.children)), None)
    if aged is not None:
        return aged  # misparse "The 52-year-old confirmed …": the age, read as the verb's modifier, is the subject
    if depth < 3 and verb.dep_ == "conj" and cue_lemma(verb.text) is not None and verb.head.dep_ == "ccomp" \
            and cue_lemma(verb.head.head.text) is not None and verb.head.head.i < verb.head.i:
        return _subject(verb.head.head, depth + 1)  # "X confirmed that A would miss …, and added that …": X adds
    if depth < 3 and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == "," \
            and verb.head.dep_ == "ccomp" and cue_lemma(verb.head.head.text) is not None and verb.head.head.i < verb.head.i:
        return _subject(verb.head.head, depth + 1)  # "X said the union would push for …, adding that …": X adds
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        # "Shares fell after analysts at X cut their rating, saying …": the analysts say it, not the shares
        outer = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        inner = next((g for c in verb.head.children if c.dep_ == "advcl" and c.i < verb.i and any(
            m.dep_ == "mark" for m in c.children) for g in c.children if g.dep_ == "nsubj"
            and (g.pos_ == "PROPN" or g.lower_ in PERSON_NOUNS or g.lower_[:-1] in PERSON_NOUNS)), None)
        if inner is not None and outer is not None and outer.pos_ == "NOUN" and outer.lower_ not in PERSON_NOUNS \
                and outer.lower_ not in ORG_NOUNS:
            return inner
    if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "pobj" and verb.head.head.lower_ == "with" \
            and verb.head.pos_ in ("PROPN", "NOUN"):
        return verb.head  # "…, with Foreign Minister Safadi warning of …": Safadi warns
    if depth < 3 and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "pobj" \
            and verb.head.head.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head.head.head, depth + 1)  # "X posted on Twitter accusing Y": X accuses
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and _issuer_of(verb.head) is not None:
        return verb.head  # "X issued a statement warning that …": the statement, which X wrote
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i \
            and not any(c.dep_ == "nsubj" for c in verb.children) and not is_masked(verb.head):
        return verb.head  # misparse "The group, X, formed in May and sent a letter stating …": the group
    if verb.dep_ == "relcl" or verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ in ("nsubj", "appos") \
            and any(c.dep_ == "ccomp" and _that_clause(c) for c in verb.children):
        return verb.head
    if depth == 0:
        left, right = _left_subject(verb), _right_subject(verb)
        if left is not None and right is not None and left.dep_ == "pobj":
            return right  # "… the U.S. envoy in Brussels, said another witness": the words' end is no speaker
        return left or right
    return None


_MESSAGES = frozenset("statement statements letter letters memo memorandum report note email emails message "
                      "messages post tweet tweets video op-ed column essay speech release notice concurrence dissent "
                      "opinion".split())
_ISSUING = frozenset("issued issues issue released releases release published publishes publish sent sends send "
                     "posted posts post wrote writes write written signed signs sign delivered delivers deliver "
                     "gave gives give made makes make penned pens pen tweeted tweets shared shares share put puts "
                     "filed files file submitted submits submit drafted drafts draft read reads".split())


def _issuer_of(subj: Token) -> Token | None:
    """The named writer of a message that is said to speak: "X issued a statement warning …" (X), never a
    pronoun or a relative ("a statement that warned", "which released a report that …" stay as they are)."""
    if subj.lower_ not in _MESSAGES or subj.dep_ != "dobj" or subj.head.lower_ not in _ISSUING:
        return None
    writer = next((c for c in subj.head.children if c.dep_ == "nsubj"), None)
    if writer is None or writer.pos_ not in ("PROPN", "NOUN", "PRON") or writer.lower_ in _RELATIVE:
        return None
    return writer


_LED_GROUPS = frozenset("team group panel study research researchers scientists delegation".split())


def _leader_of(subj: Token) -> Token | None:
    """The named leader of an unnamed group that speaks: "a team led by Maria Lind" (Lind)."""
    if subj.lower_ not in _LED_GROUPS:
        return None
    members = [subj] + [g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                        if g.dep_ == "pobj"]  # "a team of scientists led by …"
    led = next((c for m in members for c in m.children if c.dep_ == "acl" and c.lower_ in ("led", "headed")), None)
    agent = next((c for c in led.children if c.dep_ == "agent"), None) if led is not None else None
    return next((c for c in agent.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None) if agent else None


def _capitalised_in_article(token: Token, fallback: str) -> bool:
    """Whether the article writes ``token``'s word capitalised mid-sentence somewhere (so it is a name),
    looked up once per article and word (``fallback``: the text to scan outside the pipeline)."""
    data = token.doc.user_data
    cache = data.get("capitals")
    if cache is None:
        return capitalised_elsewhere(data.get("article") or fallback, token.text)
    if token.text not in cache:
        cache[token.text] = capitalised_elsewhere(data.get("article") or fallback, token.text)
    return cache[token.text]


def _only_a_names_tail(text: str, word: str) -> bool:
    """Whether ``word`` is written mid-sentence only as the last word of a longer name ("the Association of
    Velland Municipalities")."""
    tails = leads = 0
    for match in re.finditer(r"(?<![\w’'])" + re.escape(word) + r"(?![\w’'])", text):
        before = text[max(0, match.start() - 40): match.start()]
        if re.search(r"[A-Z][\w’'-]*\s+(?:(?:of|and|for|&)\s+)?$", before):
            tails += 1
        elif before.rstrip(" “\"‘'")[-1:] not in (".", "!", "?", "\n", ":", ""):
            leads += 1
    return tails > 0 and leads == 0


def _asked_aside(token: Token) -> bool:
    """"Falk, asked whether she would resign, said …": the parser makes "Falk" the subject of "asked" and
    "asked" a clause of "said"; it is a question put to Falk, who answers."""
    return token.lower_ == "asked" and token.dep_ == "ccomp" and token.i > 0 and token.doc[token.i - 1].text == "," \
        and token.i < token.head.i and cue_lemma(token.head.text) is not None \
        and any(c.dep_ == "nsubj" and c.i < token.i for c in token.children)


def _body_with_tail(subj: Token) -> Span | None:
    """A capitalised body's name with its "for …"/"of …" tail ("Coordination Headquarters for Prisoners of War"),
    when the head is a body's word and every word of the tail is capitalised."""
    if not subj.text[:1].isupper() or subj.lower_ not in ORGLIKE_WORDS:
        return None
    prep = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ in ("for", "of") and c.i == subj.i + 1), None)
    if prep is None:
        return None
    lo = subj.left_edge.i
    while lo < subj.i and (subj.doc[lo].lower_ in ("the", "a", "an") or not subj.doc[lo].text[:1].isupper()):
        lo += 1
    hi = prep.right_edge.i
    tail = [t for t in subj.doc[prep.i + 1: hi + 1] if t.lower_ not in ("of", "for", "and", "the", "&")]
    if not tail or not all(t.text[:1].isupper() for t in tail) or any(t.is_punct for t in tail) or hi - lo > 10:
        return None
    return subj.doc[lo: hi + 1]


def _joined_body_name(subj: Token) -> Span | None:
    """"Ashcombe and Leyfield NHS Trust", parsed as "Ashcombe" joined to "… Trust": the whole body's name, when
    every word is capitalised and the last is a body's word."""
    if subj.pos_ != "PROPN" or not subj.text[:1].isupper() or subj.left_edge.i != subj.i:
        return None  # (a single word before "and": "The United Nations and the EU said" are two bodies)
    conj = next((c for c in subj.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)
    if conj is None or not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in subj.children):
        return None
    span = subj.doc[subj.left_edge.i: conj.right_edge.i + 1]
    words = [t for t in span if t.lower_ not in ("and", "&", "of", "for")]
    if span[-1].lower_ in ORGLIKE_WORDS and all(t.text[:1].isupper() for t in words) and len(span) <= 8:
        return span
    return None


def _noun_then_clause(token: Token) -> bool:
    """"…, a prospect Vindman denied", "…, a charge the company disputes": the parser makes "a prospect Vindman"
    the subject; it is a noun the speaker denied (a relative clause), not a report of the clause before."""
    subj = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
    if subj is None or token.i == 0:
        return False
    first = token.doc[subj.left_edge.i]
    start = subj.left_edge.i
    if first.lower_ not in ("a", "an") or start == 0 or token.doc[start - 1].text not in (",", "—", "–"):
        return False
    nouns = [t for t in token.doc[start + 1: subj.i] if t.pos_ == "NOUN" and t.tag_ == "NN"]
    return bool(nouns) and all(t.lower_ not in PERSON_NOUNS and t.lower_ not in TITLE_WORDS for t in nouns) \
        and (subj.pos_ == "PROPN" or subj.lower_ in ORG_NOUNS or subj.lower_ in ("he", "she", "they", "it"))


def _right_subject(verb: Token) -> Token | None:
    """Inverted attribution right after a quote ("“...?” asked one worker, Tom Reyes"), when the
    parser took the quote for the subject and the speaker for an object."""
    doc = verb.doc
    if verb.i == 0 or not (doc[verb.i - 1].is_quote or doc[verb.i - 1].is_punct):
        return None
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "dep", "appos", "nsubj") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return child
        if child.dep_ not in ("punct", "advmod"):
            break
    return None


def _left_subject(verb: Token) -> Token | None:
    """Subject-less cue after its content ("..., the bloc's chief, Jens Stoltenberg, has said"):
    the noun phrase right before the verb, when the parser attached it elsewhere."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and doc[j].dep_ in ("aux", "neg", "advmod", "auxpass") and doc[j].pos_ in ("AUX", "PART", "ADV"):
        j -= 1
    if j >= 0 and doc[j].text == "," and j - 1 >= 0 and doc[j - 1].pos_ == "PROPN":
        j -= 1  # "X, title, has said" / "title, X, has said"
    if j < 0 or doc[j].pos_ not in ("PROPN", "NOUN", "PRON") or is_masked(doc[j]):
        return None
    if j - 1 >= 0 and doc[j - 1].pos_ in ("VERB", "AUX") and doc[j - 1].dep_ not in ("aux", "auxpass", "amod"):
        return None  # "... told reporters said" style runs: not a subject
    clause = next((a for a in doc[j].ancestors if a.dep_ == "relcl"), None) if doc[j].dep_ == "pobj" else None
    if clause is not None and clause.head.i < j and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head  # "a retiree who had travelled from La Plata said": the retiree, not her town
    role = next((a for a in doc[j].ancestors if a.dep_ == "appos" and a.pos_ == "NOUN"), None) \
        if doc[j].dep_ == "pobj" else None
    if role is not None and role.head.pos_ == "PROPN" and role.head.ent_type_ == "PERSON" and role.head.i < role.i:
        return role.head  # "Alison Pryor, a retired teacher from Ashcott, said": Pryor, not her village
    return doc[j]


_TRAILING_NAME = re.compile(r",\s+(the\s+(?:[a-z-]+\s+){1,4})?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+)\s*,?\s*$")


def _speaker_phrase(unit: ParsedUnit, subj: Token, speech_verb: bool = False) -> SpeakerPhrase | None:
    if is_masked(subj):
        return None  # a masked quote is never who speaks
    opened = next((c for c in subj.children if c.dep_ == "appos"), None) if subj.tag_ == "VBG" else None
    if opened is not None:  # misparse "Reacting, the Head of Corporate Affairs …, Mr X, said": the appositive speaks
        return _speaker_phrase(unit, opened, speech_verb)
    body = _body_with_tail(subj)
    if body is not None:  # "The Coordination Headquarters for Prisoners of War said": the whole name
        return SpeakerPhrase(body.text, unit.start + body.start_char, unit.start + body.end_char, "body")
    if subj.lower_ == "old" and subj.dep_ == "amod" and (subj.head.pos_ in ("VERB", "AUX") or subj.head.dep_ == "advmod"):
        phrase = subj.doc[subj.head.left_edge.i: subj.i + 1]  # "The 52-year-old" parsed as the verb's modifiers
        return SpeakerPhrase(phrase.text, unit.start + phrase.start_char, unit.start + phrase.end_char, "role",
                             descriptor=True)
    low = subj.lower_
    if low in _RELATIVE and subj.head.dep_ == "relcl":
        subj = subj.head.head
        if subj.dep_ == "pobj" and subj.head.head.ent_type_ == "PERSON" and (
                subj.head.lower_ == "of" and subj.ent_type_ in ("GPE", "FAC", "LOC", "") or subj.head.lower_ == "from"):
            subj = subj.head.head  # "Luis Ortega, 34, of Port Alden, who said …": Ortega, not his town
        elif subj.dep_ == "pobj" and subj.head.lower_ in ("of", "from") and subj.ent_type_ in ("GPE", "FAC", "LOC", "") \
                and subj.head.head.dep_ == "appos" and subj.head.head.pos_ == "NOUN" \
                and subj.head.head.head.ent_type_ == "PERSON":
            subj = subj.head.head.head  # "Ruth Ann Mabry, 68, a retired teacher from Cobb's Landing, who said": Mabry
        low = subj.lower_
    issuer = _issuer_of(subj)
    if issuer is not None:  # "X released a statement that warned …": X warned
        return _speaker_phrase(unit, issuer, speech_verb)
    leader = _leader_of(subj)
    if leader is not None:  # "A team led by Maria Lind warned …": Lind speaks for her team
        name, _ = name_of(leader)
        if name:
            s, e = _locate(unit, name, leader)
            return SpeakerPhrase(name, s, e, "name", person=leader.ent_type_ == "PERSON")
    if len(subj.text) > 1 and subj.text.isupper():
        low = subj.text  # "US", "IT": an abbreviation, never "us" or "it"
        if subj.pos_ == "NOUN" and subj.text.isalpha() and len(subj.text) >= 3 \
                and not any(c.dep_ in ("compound", "amod", "poss") for c in subj.children):
            s, e = unit.span(subj)  # "The ICRC said", tagged a common noun: the body by its initials
            return SpeakerPhrase(subj.text, s, e, "body")
    if low in PRONOUNS:
        s, e = unit.span(subj)
        return SpeakerPhrase(subj.text, s, e, "pronoun")
    joined = _joined_body_name(subj)
    if joined is not None:  # "Ashcombe and Leyfield NHS Foundation Trust said": one body, not Ashcombe
        return SpeakerPhrase(joined.text, unit.start + joined.start_char, unit.start + joined.end_char, "body")
    if low in FIRST_SECOND or low in _EVERYONE:
        return None  # ("Everyone says it was a coincidence": no one in particular)
    if low in _INDEFINITE_SUBJECTS and (subj.pos_ in ("DET", "PRON", "NUM", "ADJ") or subj.is_sent_start) and not any(
            c.dep_ == "prep" for c in subj.children):
        # "Another said ...", "Others told ...": an unnamed member of a group, unless a name is in apposition
        named = next((c for c in subj.children if c.pos_ == "PROPN" and c.dep_ in ("appos", "npadvmod")
                      and c.i > subj.i and c.left_edge.i > 0 and c.left_edge.nbor(-1).text == ","), None)
        name = name_of(named)[0] if named is not None else None
        if named is not None and name:
            s, e = _locate(unit, name, named)
            return SpeakerPhrase(name, s, e, "name", person=True)
        s, e = unit.span(subj)
        return SpeakerPhrase(subj.text, s, e, "role")
    if _descriptor(subj) or low in DEMONYMS and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
        phrase = noun_phrase(subj)  # ("the Scot", which the tagger takes for a person's name)
        return SpeakerPhrase(phrase.text, unit.start + phrase.start_char, unit.start + phrase.end_char, "role",
                             descriptor=True)
    appos = next((c for c in [*subj.children, *(g for k in subj.children if k.dep_ == "conj" for g in k.children)]
                  if c.dep_ == "appos" and c.pos_ == "PROPN"  # (also "X's founder and chief, Theo Brandt,")
                  and not (c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == "(")), None)  # never "(R-Miss.)"
    if appos is not None and (subj.pos_ != "PROPN" or subj.ent_type_ == "NORP"):  # ("the ranking Democrat, Rep. X,")
        role_text = noun_phrase(subj).text
        appos_name, _ = name_of(appos)
        if appos_name and appos_name[:1].isupper():  # (never "wed", cut into "we" "d")
            s, e = _locate(unit, appos_name, appos)
            if subj.lower_ in ORG_NOUNS and subj.lower_ not in PERSON_ROLES:  # "The group that owns it, Big Machine,"
                return SpeakerPhrase(appos_name, s, e, "body", title=role_text)
            return SpeakerPhrase(appos_name, s, e, "name", title=role_text, person=True)
    of_name = subj.pos_ == "PROPN" and subj.ent_type_ != "PERSON" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
        for c in subj.children)  # "the General Staff of Calderia", "Bank of Estmark": one name
    if of_name and subj.lower_ not in _BODY_HEADS and any(
            c.dep_ == "compound" and c.lower_ in TITLE_WORDS for c in subj.children):
        of_name = False  # "Prince Edvard of Norvik": a titled person
    holder = next((c for c in [*subj.children, *(g for k in subj.children if k.dep_ == "conj" and k.lower_ in TITLE_WORDS
                                                  for g in k.children)]  # ("…, Comrade (Mrs) Ngozi Adindu,")
                   if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > subj.i and c.left_edge.i > 0
                   and (c.doc[c.left_edge.i - 1].text == "," or c.head.i != subj.i)), None) \
        if subj.pos_ == "PROPN" and (subj.lower_ in TITLE_WORDS or subj.lower_ in PERSON_ROLES) else None
    holder_name = name_of(holder)[0] if holder is not None else None
    if holder_name and (holder.ent_type_ == "PERSON" or gender_of(holder_name) is not None):
        # "the Minister of Labour and Employment, Dr Yusuf Maikano Danbaba, said": the office holder named after it
        s, e = _locate(unit, holder_name, holder)
        role = subj.doc[subj.left_edge.i: holder.left_edge.i].text.strip(" ,(")
        return SpeakerPhrase(holder_name, s, e, "name", title=re.sub(r"^(?:the|The)\s+", "", role), person=True)
    org = _org_entity(subj)
    if org is not None:  # "Customs and Border Protection", "Center for Disease Control": the tagger's whole name
        return SpeakerPhrase(org.text, unit.start + org.start_char, unit.start + org.end_char, "body")
    if subj.pos_ == "PROPN" and (subj.lower_ in ORG_NOUNS or of_name):
        # "the Dravenian Defence Ministry": an organisation's name keeps its title-like words
        phrase = noun_phrase(subj)
        while len(phrase) > 1 and phrase[0].dep_ in ("det", "poss", "case") and not (
                len(phrase) > 2 and phrase[0].lower_.endswith("s") and phrase[1].text in ("'", "’")):
            phrase = phrase[1:]  # (but "the Motorists' Alliance", "the Workers' Party" keep their plural)
        return SpeakerPhrase(phrase.text, unit.start + phrase.start_char, unit.start + phrase.end_char, "body")
    if subj.pos_ == "PROPN" and subj.text.islower() and subj.text.isalpha():
        phrase = noun_phrase(subj)  # "the rep said", tagged a proper noun: a common noun written in lower case
        return SpeakerPhrase(phrase.text, unit.start + phrase.start_char, unit.start + phrase.end_char, "role")
    if subj.pos_ == "PROPN":
        name, title = name_of(subj)
        glued = [c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
                 and c.i == subj.i + 1 + len([g for g in subj.children if g.dep_ == "appos" and subj.i < g.i < c.i])]
        person = name_of(glued[-1])[0] if glued else None
        if person and gender_of(person) is not None and gender_of(name or "") is None:
            # misparse "Mayor Pro Tem Anita Sorensen said": the name glued to a title run is the one who speaks
            s, e = _locate(unit, person, glued[-1])
            return SpeakerPhrase(person, s, e, "name", title=" ".join(filter(None, (title, name))), person=True)
        if not name:
            phrase = noun_phrase(subj)
            return SpeakerPhrase(phrase.text, unit.start + phrase.start_char, unit.start + phrase.end_char, "role")
        appos_title = next((c for c in subj.children if c.dep_ == "appos" and not is_masked(c)), None)
        if appos_title is not None and not title:
            title = noun_phrase(appos_title).text
        start = _locate(unit, name, subj)[0]
        if appos_title is not None and any(c.dep_ == "relcl" and c.left_edge.lower_ in ("that", "which")
                                           for c in appos_title.children):
            # "Brennan Structural, the contractor that inspected the school, said": a firm, whatever its name
            return SpeakerPhrase(name, start, unit.span(subj)[1], "body", title=title)
        person = subj.ent_type_ == "PERSON" or bool(title and any(w.lower() in PERSON_ROLES or w.lower() in {
            "president", "spokesman", "minister"} for w in title.replace("-", " ").split()))
        if subj.ent_type_ in _BODY_ENTS and not title and not (len(name.split()) >= 2 and gender_of(name) is not None
                                                              and subj.ent_type_ != "ORG"):
            form = "body"  # (but "Tamsin Okafor-Reyes", tagged a place, is a woman)
        elif person:
            form = "name"
        else:
            form = "name" if len(name.split()) >= 2 and subj.ent_type_ not in _BODY_ENTS else "body"
        return SpeakerPhrase(name, start, unit.span(subj)[1], form, title=title, person=form == "name")
    if (subj.pos_ == "NOUN" and subj.tag_ in ("NN", "NNS") or subj.dep_ == "advmod") \
            and subj.text[:1].isupper() and subj.text[1:].islower() \
            and not any(c.dep_ in ("det", "compound", "amod", "poss") for c in subj.children) \
            and (not subj.is_sent_start and subj.tag_ == "NN" or subj.ent_type_ in ("PERSON", "ORG", "GPE")
                 and subj.tag_ == "NN" or _capitalised_in_article(subj, unit.text)) \
            and (subj.tag_ == "NN" or not _only_a_names_tail(unit.doc.user_data.get("article") or unit.text, subj.text)) \
            and not (subj.tag_ == "NNS" and subj.is_sent_start and any(c.dep_ == "relcl" for c in subj.children)):
        # (but "Students who organized the petition said": a group the sentence opens on)
        # ("Lumen said", tagged a plural: a name when the article writes it capitalised mid-sentence, but not
        # "Municipalities said" when only "the Association of Velland Municipalities" is)
        s, e = unit.span(subj)  # "Trump has tried to suggest …": a name the tagger took for a common noun
        return SpeakerPhrase(subj.text, s, e, "body")
    if subj.pos_ in ("NOUN", "ADJ", "PRON"):
        phrase = noun_phrase(subj)
        while len(phrase) > 1 and phrase[0].dep_ == "amod" and phrase[0].tag_ in ("VBN", "VBD"):
            phrase = phrase[1:]  # "leaked documents" → "documents"
        head = subj.lower_
        if (head in _FINDING_SUBJECTS or head in _SOURCE_DOCUMENTS) and subj.right_edge.i > phrase.end - 1:
            phrase = unit.doc[phrase.start: subj.right_edge.i + 1]  # "a study published by X": keep its author
        if head in _FINDING_SUBJECTS or head in _SOURCE_DOCUMENTS:
            k = phrase.end
            while k < len(unit.doc) and unit.doc[k].pos_ == "PROPN" and unit.doc[k].head.i in (subj.head.i, k + 1):
                k += 1  # misparse "A survey by the British patient charity Breast Forward found": its name too
            phrase = unit.doc[phrase.start: k]
        text = phrase.text
        if head in PERSON_NOUNS:
            # "the mayor of Varn, Hedda Lunde,": a name in apposition at the end of the role phrase
            tail = _TRAILING_NAME.search(text)
            if tail is not None and tail.group(1) and gender_of(tail.group(2)) is None:
                tail = None  # "…, the critic and broadcaster Fiona Lomax,": a described name must be a person's
            if tail is not None and tail.start() > subj.idx - phrase.start_char:
                s = unit.start + phrase.start_char + tail.start(2)
                return SpeakerPhrase(tail.group(2), s, s + len(tail.group(2)), "name",
                                     title=text[: tail.start()].removeprefix("The ").removeprefix("the "), person=True)
        if subj.pos_ == "NOUN":
            for appos in (c for c in subj.children if c.dep_ == "appos"):
                # "Another diplomat, former special envoy to Ukraine Kurt Volker,": the name ending the appositive
                run = list(unit.doc[appos.left_edge.i: appos.right_edge.i + 1])
                k = len(run)
                while k > 0 and (run[k - 1].pos_ == "PROPN" or run[k - 1].text == "-" and k > 1
                                 and not run[k - 2].whitespace_ and not run[k - 1].whitespace_):
                    k -= 1  # (a hyphenated surname, "Osei-Tutu", whole)
                while len(run) - k > 2 and run[-1].ent_type_ != "PERSON" and gender_of(run[k].text) is None:
                    k += 1  # "… envoy to Ukraine Kurt Volker": the place before the given name is no name
                name = unit.doc[run[k].i: run[-1].i + 1].text if k < len(run) else ""
                if 0 < k and len(run) - k >= 2 and (run[-1].ent_type_ == "PERSON" or gender_of(name) is not None):
                    s, e = unit.span(run[k])[0], unit.span(run[-1])[1]
                    return SpeakerPhrase(name, s, e, "name", title=" ".join(t.text for t in run[:k]), person=True)
        # "Health officials in Varn said": a common noun capitalised only because it opens the sentence
        if head in LEGAL_SIDES and not any(c.dep_ == "ccomp" for c in subj.head.children):
            return None  # "The prosecution will respond on Monday": no words of its own here
        line = unit.text[unit.text.rfind("\n", 0, phrase.start_char) + 1: phrase.start_char]
        common_start = len(phrase) > 1 and (phrase[0].is_sent_start or not line.strip(" \t•·▪‣◦*–—-")) \
            and phrase[0].pos_ in ("NOUN", "ADJ") and phrase[0].text[:1].isupper()  # (after a list bullet too)
        if head in PERSON_NOUNS or head in ORG_NOUNS or head in _FINDING_SUBJECTS or head in _SOURCE_DOCUMENTS \
                or head in LEGAL_SIDES or any(t.pos_ == "PROPN" for t in phrase):
            return SpeakerPhrase(text, unit.start + phrase.start_char, unit.start + phrase.end_char, "role",
                                 common_start=common_start)
        nominal = subj.pos_ == "ADJ" and any(c.dep_ == "det" for c in subj.children)  # "the 41-year-old"
        bare_abstract = subj.tag_ == "NN" and subj.text.islower() and not any(
            c.dep_ in ("det", "poss", "compound", "amod", "nummod", "prep") for c in subj.children)
        if (subj.pos_ == "NOUN" or nominal) and speech_verb and not bare_abstract:  # ("… feared retaliation said")
            # "the report said", "my father told me": a body or an unnamed person
            return SpeakerPhrase(text, unit.start + phrase.start_char, unit.start + phrase.end_char, "role",
                                 common_start=common_start)
    return None


# verbs that take no object, so a name right after ", says" is the speaker ("This system, says X, helps …")
_ASIDE_VERBS = frozenset("says said adds added notes noted explains explained argues argued writes wrote".split())
_NAME_RUN = r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|da|van|von|der|del|bin|al|du|la|le)){0,4}"
_QUOTE_END = re.compile(r"[”\"’»][ \t]*,?[ \t]*$|[,?!][”\"’»][ \t]*$")
# "“…,” Jack Buser, director for games at Google, tells …": a name opening the clause, its appositive, the verb
_APPOS_BEFORE = re.compile(r"(?:^|[”\"’»][ \t]*,?[ \t]*|[.;:—–][ \t]+)(" + _NAME_RUN + r")[ \t]*,[ \t]*"
                           r"([^,“”\"«»\n]{2,120}?(?:,[ \t]+(?:and[ \t]+)?[A-Z][^,“”\"«»\n]{0,40}?){0,3})"
                           r"[ \t]*,[ \t]*(?:(?:has|had|have|also|later|then|further|again)[ \t]+)*$")
_ROLE_NAME_BEFORE = re.compile(r",[ \t]+(?:the|a|an)[ \t]+([^,“”\"«»\n]{2,80}),[ \t]+(" + _NAME_RUN + r")[ \t]*,[ \t]*$")
_NAME_BEFORE = re.compile(r"(?:^|[,;:]\s+|\.\s+|[”\"’]\s*|,?\s+(?:but|and|yet|so)\s+)(" + _NAME_RUN + r")[ \t]+$")
# "“…,” said Will Tjernlund, a consultant …": the verb right after a quote, the speaker's name after the verb
_NAME_AFTER_COMMA = re.compile(r"[ \t]*,[ \t]+([A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2})[ \t]*,?[ \t]+$")
_TITLE_ABBREVIATION = re.compile(r"(?:(?:Rep|Sen|Gov|Lt|Col|Gen|Dr|Mr|Mrs|Ms|Prof|Capt|Sgt|Maj|Adm|Cmdr|Pres|Rev|Det|"
                                 r"Supt|Insp|Atty|Amb)\.[ \t]+)+")
_NAME_AFTER = re.compile(r"[ \t]+(" + _NAME_RUN + r")(?=[ \t]*(?:[,.;:(]|$|[ \t]+(?:in|on|at|during|to|who|when|after|"
                         r"before|from|of|last|this|earlier|later|recently|told|wrote|tells|via)\b))")


def _text_speaker(unit: ParsedUnit, verb: Token, sent_lo: int, no_subject: bool = False) -> SpeakerPhrase | None:
    """The speaker as the words around a cue verb show it, where the parser often goes astray: a name with
    an appositive before the verb ("Strauss Zelnick, CEO of Take-Two, adds") or a name after a verb
    that follows a quote ("…,” said Will Tjernlund, a consultant for …")."""
    text = unit.text
    before = text[max(sent_lo, verb.idx - 300): verb.idx]
    tail = before.rstrip()
    for word in ("has", "had", "have", "also", "later", "then", "further", "again"):
        tail = tail.removesuffix(" " + word).rstrip()
    found = _APPOS_BEFORE.search(before) if tail.endswith(",") else None  # the regex is costly: only after ", "
    appos = None
    inverted = _ROLE_NAME_BEFORE.search(before) if no_subject and found is None and tail.endswith(",") else None
    if inverted is not None and gender_of(inverted.group(2)) is not None:
        # "At least four people have died …, the head of the Civil Protection Department, Fabrizio Santangelo,
        # said": the name after the role, right before the verb
        start = unit.start + verb.idx - len(before) + inverted.start(2)
        return SpeakerPhrase(inverted.group(2), start, start + len(inverted.group(2)), "name",
                             title=inverted.group(1).strip(), person=True)
    if found is not None:
        name, appos = found.group(1), found.group(2).strip()
        start = unit.start + verb.idx - len(before) + found.start(1)
        opener = unit.doc.char_span(start - unit.start, start - unit.start + len(name))
        if opener is not None and len(opener) == 1 and (opener[0].pos_ == "ADV" and name.endswith("ly")
                                                        or opener[0].tag_ == "VBG"):
            return None  # "Separately, Arden County Legal Services filed …, alleging", "Reacting, …": no name
    elif no_subject and (plain := _NAME_BEFORE.search(re.sub(r"(?:[ \t]+(?:still|also|later|then|further|again|"
                                                             r"now|previously|recently|has|had|have))+[ \t]*$", " ",
                                                             before))) is not None \
            and plain.group(1).split()[0].lower() not in _STOP_CAPS \
            and (len(plain.group(1).split()) >= 2 or before[: plain.start(1)].strip()):  # "Residents vow": no name
        # "Early says there is …": a surname the tagger took for an adverb, right before the verb
        name, start = plain.group(1), unit.start + verb.idx - len(before) + plain.start(1)
    elif _QUOTE_END.search(before) or not before.strip() or before.rstrip().endswith(",") and verb.lower_ in _ASIDE_VERBS:
        after = _NAME_AFTER.match(text, verb.idx + len(verb.text))
        if after is None:
            return None
        name, start = after.group(1), unit.start + after.start(1)
        rest = re.match(r"[ \t]*,[ \t]*([^,“”\"«»\n.]{2,120})", text[after.end(1):])
        appos = rest.group(1).strip() if rest else None
    else:
        return None
    abbreviated = _TITLE_ABBREVIATION.match(name)
    if abbreviated and abbreviated.end() < len(name):  # "said Rep. Brian Babin (R-TX)": the title is no name
        name, start = name[abbreviated.end():], start + abbreviated.end()
    words = name.split()
    if len(words) >= 2 and name.isupper():
        return None  # "WIERZBNO GÓRNE, Poland — Karbona Energia, …, said": a dateline
    if len(words) >= 2 and words[0].endswith("ing") and not is_given_name(words[0]):
        return None  # "Sentencing Furlong, Mr Justice Eamon Gilroy said": a participle's object, no speaker
    first = re.split(r"[’']", words[0])[0].lower()  # ("You've said …")
    if words[0].lower() in _STOP_CAPS or words[0] != "US" and (first in PRONOUNS or first in FIRST_SECOND) \
            or words[0].lower() in _INDEFINITE_SUBJECTS \
            or any(w.lower() in TITLE_WORDS for w in words):
        return None  # "On Tuesday, …", "Kremlin spokesman Dmitry Peskov" (the parser handles titles)
    appos_words = {w.lower().strip("’'s") for w in (appos or "").replace("-", " ").split()}
    if appos and appos_words & {"which", "that"}:
        return SpeakerPhrase(name, start, start + len(name), "body")
    person = bool(appos_words & (PERSON_ROLES | TITLE_WORDS)) or gender_of(name) is not None or (
        appos is not None and appos.split()[0].lower() == "who")
    if not person and any(w.lower() in ORG_NOUNS for w in words):
        return SpeakerPhrase(name, start, start + len(name), "body")
    return SpeakerPhrase(name, start, start + len(name), "name", title=appos if person else None, person=person)


def _no_name(text: str, around: str) -> bool:
    """A dateline ("WIERZBNO GÓRNE, Poland —") or a stamp ("ET", "Update") the parser took for a speaker's name;
    ``around`` is the text from just before the name to a little after it."""
    words = text.split()
    dateline = len(words) >= 2 and text.isupper() and re.match(
        r"(?:^|\n)" + re.escape(text) + r"\s*(?:,[^,\n—–]{1,40})?\s*[—–]", around) is not None
    return dateline or len(words) == 1 and text.lower() in STAMPS


def _quoted_away(text: str, sent_lo: int, pos: int, verb_at: int) -> bool:
    """Whether ``pos`` lies inside a double-quoted passage that closes before the verb at ``verb_at``."""
    before = text[sent_lo:pos]
    return before.count("“") > before.count("”") and "”" in text[pos:verb_at]


def _org_entity(subj: Token) -> Span | None:
    """The organisation entity a PROPN subject sits in when the parser cut the name at "and", "for" or
    "of" ("Customs" in "Customs and Border Protection"); None otherwise."""
    if subj.pos_ != "PROPN" or subj.ent_type_ != "ORG":
        return None
    sent = subj.sent
    for ent in sent.ents:
        if ent.start <= subj.i < ent.end:
            words = {t.lower_ for t in ent}
            if len(ent) >= 3 and words & {"and", "for", "of", "&"} and subj.i < ent.end - 1 \
                    and ent[-1].pos_ == "PROPN" and ent[-1].lower_ not in ("of", "and", "for"):
                while len(ent) > 1 and ent[0].lower_ == "the":
                    ent = ent[1:]
                return ent
            return None
    return None


def _locate(unit: ParsedUnit, name: str, last: Token) -> tuple[int, int]:
    """Absolute span of ``name`` ending at (or near) token ``last``."""
    end = last.idx + len(last.text)
    lo = max(0, end - len(name) - 8)
    window = unit.doc.char_span(lo, end, alignment_mode="expand")  # Doc.text joins every token: look locally
    base = window.start_char if window is not None else lo
    found = window.text.rfind(name.split()[0], lo - base) if window is not None else -1
    pos = base + found if found >= 0 else -1
    if pos < 0:
        pos = last.idx
    return unit.start + pos, unit.start + end


def _content(unit: ParsedUnit, verb: Token, lemma: str) -> tuple[int, int] | None:
    """The reported clause of ``verb``: its that-clause, infinitive or object, by verb class."""
    if lemma in NO_INDIRECT and not (lemma == "call" and any(c.lower_ == "for" for c in verb.children)):
        return None
    pieces: list[Token] = []
    after = any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
    for child in verb.children:
        if child.dep_ == "ccomp" and after and child.i < verb.i:
            continue  # "While X did not appeal to her, she said she …": the clause after the verb is the report
        if child.dep_ == "ccomp" and any(c.dep_ == "nsubj" and c.tag_ == "WDT" and c.i > verb.i + 1
                                         and c.nbor(-1).tag_ in ("NN", "NNS") and c.nbor(-1).head.i == verb.i
                                         for c in child.children):
            continue  # "reported wait times that exceeded two hours": a relative clause, misparsed
        clause = child.dep_ == "ccomp" or child.dep_ == "xcomp" and child.i > verb.i and not after and any(
            g.dep_ in ("nsubj", "nsubjpass") and g.i < child.i for g in child.children)  # ("told reporters her
        # husband was “sleeping fine”": a clause with a subject of its own, read as the verb's complement)
        if clause or (child.dep_ == "parataxis" and child.i < verb.i and cue_lemma(child.text) is None
                      and not any(c.dep_ == "ccomp" for c in verb.children)):
            if child.i < verb.i and any(t.text == ";" for t in verb.doc[child.right_edge.i + 1: verb.i]):
                continue  # "A may not diverge; Reed has said that B": a semicolon closes the sentence before
            pieces = [child]
            break
    if len(pieces) == 1 and pieces[0].i > verb.i and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")
                                                              for c in pieces[0].children):
        # "suggested the most likely reason residents stay is fear": the clause's subject taken for an object
        obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < pieces[0].i), None)
        if obj is not None:
            pieces = [obj, pieces[0]]
    if not pieces:
        that = _misattached_that_clause(verb)
        if that is not None:
            pieces = [that]
    if not pieces and lemma in XCOMP_CONTENT:
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if xcomp is not None and not (objects and lemma in _DIRECTIVE):
            pieces = objects + [xcomp]  # "vowed to fight on"; but "urged NATO to act" is a request, not a report
    if not pieces:
        preps = [c for c in verb.children if c.dep_ == "prep" and (
            c.lower_ in {"for", "of", "against", "about"} and lemma in {"call", "warn"}
            or c.lower_ == "for" and lemma == "ask"  # "asked for help"; "asked X about Y" is a question
            or c.lower_ == "of" and lemma == "accuse" and any(g.dep_ in ("pcomp", "pobj") for g in c.children))]
        preps += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" and lemma == "admit"
                  for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]  # "admitted to threatening the girl"
        if not preps and lemma == "accuse":  # "accused the utility of failing to warn": "of" hung on the object
            objects = [o for o in verb.children if o.dep_ == "dobj"] + [
                g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            preps = [p for o in objects for p in o.children if p.dep_ == "prep"
                     and p.lower_ == "of" and any(g.dep_ in ("pcomp", "pobj") for g in p.children)]
        if preps:
            pieces = preps
    if not pieces and lemma == "tell":
        # misparse "told the deputy he had been clocked going 74 mph": the clause read as the addressee's relative
        dobj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        clause = next((c for c in dobj.children if c.dep_ == "relcl" and c.left_edge.i == dobj.i + 1 and any(
            g.dep_ in ("nsubj", "nsubjpass") and g.pos_ == "PRON" and g.lower_ not in _RELATIVE for g in c.children)),
            None) if dobj is not None else None
        if clause is not None:
            pieces = [clause] + [c for c in verb.children if c.i > clause.i and c.dep_ in ("xcomp", "advcl", "prep")]
    if not pieces and lemma in ("say", "tell"):
        # misparse "said more than 15,000 people registered": the clause's subject taken for an object
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if dobj is not None and any(c.dep_ in ("acl", "relcl") and c.i > dobj.i and (c.tag_ in ("VBD", "VBZ", "VBP") or (
                c.tag_ == "VBN" and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in verb.doc[c.i + 1: c.sent.end])))
                                    and not any(g.dep_ == "nsubj" for g in c.children) for c in dobj.children):
            pieces = [dobj]
    if not pieces and lemma in OBJECT_CONTENT:
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if dobj is not None and lemma in _NP_PLEAS and dobj.tag_ != "VBG" and dobj.lower_ not in _DENIED_ACTS \
                and not _clause_after(dobj):  # (but "acknowledged the tender had been delayed" is a clause)
            # "denies six counts of bribery", "denied the allegations", "denied them vaccines": a plea, a
            # refusal, never words reported ("denied any wrongdoing" is: that he did nothing wrong)
            dobj = None
        if dobj is not None:
            pieces = [dobj]
            for child in verb.rights:  # "denied any wrongdoing by the army"
                if child.i > dobj.i and child.dep_ == "prep" and child.lower_ in ("by", "of", "about", "in", "to", "for"):
                    pieces.append(child)
                elif child.i > dobj.i and not child.is_punct and child.dep_ != "advcl":
                    break
    if pieces and lemma in OBJECT_CONTENT:
        last = max(p.i for p in pieces)
        # "stressed the need for X, since it ...": the reason given is reported too
        pieces += [c for c in verb.rights if c.i > last and c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("since", "because") for m in c.children)]
    edge = verb.right_edge.i
    comma = edge if verb.doc[edge].text == "," else edge + 1
    if not pieces and verb.dep_ == "parataxis" and verb.head.i > verb.i and comma < len(verb.doc) \
            and verb.doc[comma].text == "," and verb.i > verb.sent.start + 1 \
            and not any(t.is_quote for t in verb.doc[verb.sent.start: verb.i]):
        # "That, Audi says, allows the car to …": the words after the aside are the report
        doc = verb.doc
        left, right = comma + 1, verb.head.right_edge.i
        while right >= left and doc[right].is_punct:
            right -= 1
        if right - left >= 2:
            return unit.start + doc[left].idx, unit.start + doc[right].idx + len(doc[right].text)
    if not pieces and verb.dep_ in ("advcl", "nsubj", "csubj", "ccomp") and verb.head.i > verb.i and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        # "As Emily Feng reports for NPR, the first cases came to light": the main clause is the report
        doc = verb.doc
        comma = next((t.i for t in doc[verb.i + 1: verb.head.i] if t.text == ","), None)
        left, right = (comma + 1 if comma is not None else verb.right_edge.i + 1), verb.head.right_edge.i
        while left <= right and doc[left].is_punct:
            left += 1
        while right >= left and doc[right].is_punct:
            right -= 1
        if right - left < 2:
            return None
        return unit.start + doc[left].idx, unit.start + doc[right].idx + len(doc[right].text)
    if not pieces and verb.dep_ == "advcl" and verb.head.i > verb.i and not any(
            c.dep_ == "mark" for c in verb.children):
        # misparse "X has pledged Ukraine would join": the cue hangs off its own content
        head = verb.head
        right = head.i
        for child in head.rights:
            if child.dep_ in ("cc", "conj") or (child.is_punct and child.i + 1 < len(head.doc)
                                                and head.doc[child.i + 1].dep_ == "cc"):
                break
            right = child.right_edge.i
        return unit.start + verb.doc[verb.i + 1].idx, unit.start + verb.doc[right].idx + len(verb.doc[right].text)
    if not pieces:
        return None
    left = min(p.left_edge.i for p in pieces)
    right = max(p.right_edge.i for p in pieces)
    doc = verb.doc
    other = next((t for t in doc[max(left, verb.i + 1): right + 1] if t.dep_ in ("advcl", "conj", "ccomp")
                  and cue_lemma(t.text) in _SPEECH and t.head.i != verb.i
                  and any(c.dep_ == "ccomp" for c in t.children)
                  and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in t.children)
                  and (t.dep_ != "advcl" or any(m.dep_ == "mark" and m.lower_ in ("while", "whereas") for m in t.children))
                  or t.dep_ == "advcl" and cue_lemma(t.text) is not None and t.head.i != verb.i
                  and any(c.dep_ == "ccomp" for c in t.children) and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in t.children)
                  and any(m.dep_ == "mark" and m.lower_ in ("while", "whereas") for m in t.children)),
                 None)  # (not "… an element of contradiction when NATO says it wants …": part of the words)
    if other is not None and other.left_edge.i > left:  # "X said A, while Y said B": B is Y's, not X's
        right = other.left_edge.i - 1
        while right > left and (doc[right].is_punct or doc[right].dep_ in ("cc", "mark")):
            right -= 1
    while left <= right and (doc[left].lower_ == "that" and (doc[left].dep_ == "mark" or doc[left].tag_ == "WDT"
                                                             and doc[left].dep_ not in ("nsubj", "nsubjpass")
                                                             or doc[left].tag_ == "IN" and left < right
                                                             and doc[left + 1].tag_ in ("DT", "PRP", "PRP$", "NNP", "NN", "NNS"))
                             or doc[left].is_punct
                             or doc[left].dep_ == "prep" and doc[left].lower_ == "for" and lemma == "call"
                             or doc[left].dep_ == "prep" and doc[left].lower_ == "of" and lemma == "accuse"):
        left += 1  # "called for a freeze": the demand is "a freeze"
    while right >= left and (doc[right].is_punct or doc[right].is_space or doc[right].dep_ == "cc"):
        right -= 1  # "..., and adding that": the joining conjunction is not content
    if right < left:
        return None
    return unit.start + doc[left].idx, unit.start + doc[right].idx + len(doc[right].text)


def _that_clause(token: Token) -> bool:
    """A clause opened by the conjunction "that" with a subject of its own ("that the airline will …")."""
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in token.children) and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in token.children)


# a noun naming a proposition, which a verb of saying takes with it: "disputed the notion that X", "confirmed
# reports that X", "denied claims that X"
_PROPOSITIONS = frozenset("notion idea claim claims suggestion suggestions allegation allegations assertion "
                          "assertions report reports rumour rumours rumor rumors speculation fact view".split())


# verbs whose object is the person told: "assured residents that X" (the parser hangs X on "residents")
_ADDRESSING = frozenset("tell assure reassure inform remind warn".split())


def _misattached_that_clause(verb: Token) -> Token | None:
    """The that-clause of a verb of saying that the parser hung on a noun after it: "told teachers who
    covered the lawn that X" (on the relative clause), "told reporters at a press conference that X" and
    "told The Hill in a statement that X" (as a relative clause of the noun)."""
    nouns = [c for c in verb.rights if c.dep_ in ("dobj", "dative")]
    nouns += [g for c in verb.rights if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for noun in nouns:
        for rel in noun.children:
            if rel.dep_ not in ("relcl", "acl") or rel.i < noun.i or rel.dep_ == "acl" and noun.dep_ != "pobj" \
                    and noun.lower_ not in _PROPOSITIONS and cue_lemma(verb.text) not in _ADDRESSING:
                # ("notes the requirement that …" reports no words: only "in a statement that …" and "disputed
                # the notion that …" do)
                continue
            if _that_clause(rel) or noun.dep_ == "pobj" and rel.left_edge.lower_ == "that" and any(
                    c.dep_ == "nsubj" and c.lower_ != "that" for c in rel.children) and cue_lemma(verb.text) in _SPEECH:
                return rel  # ("said outside the courthouse that his client would appeal": "that" taken for an object)
            inner = next((c for c in rel.children if c.dep_ == "ccomp" and _that_clause(c)), None)
            if inner is not None:
                return inner
    return None


def _according_to(unit: ParsedUnit, token: Token) -> tuple[Token | None, tuple[int, int] | None]:
    """Subject and content of "according to X, ..." / "..., according to X"."""
    doc = token.doc
    to = doc[token.i + 1] if token.lower_ == "according" else token  # "according to X" / "per X"
    sent = token.sent
    # the source phrase runs from after "to" to the next comma (the parser often misattaches it)
    np_end = to.i
    k = to.i + 1
    reach = 16 if token.i - sent.start <= 2 else 10  # an opening source phrase always ends at its comma
    while k < sent.end and k - to.i <= reach and not (doc[k].is_punct and doc[k].tag_ != "POS" and doc[k].text not in ("'", "’", "-")):
        np_end = k
        k += 1
    if np_end == to.i:
        return None, None
    pobj = next((c for c in to.children if c.dep_ == "pobj" and c.i <= np_end), None)
    if np_end + 2 < sent.end and doc[np_end + 1].text == "," and doc[np_end + 2].pos_ == "PROPN" and (
            pobj is None or pobj.pos_ != "PROPN"):
        # "According to his aunt, Jane Starner, “…”": the name in apposition is the source
        k = np_end + 2
        while k + 1 < sent.end and doc[k + 1].pos_ == "PROPN":
            k += 1
        if k + 1 < sent.end and doc[k + 1].text == ",":
            pobj, np_end = doc[k], k
    if pobj is None:
        candidates = [t for t in doc[to.i + 1: np_end + 1] if t.pos_ in ("PROPN", "NOUN")]
        pobj = candidates[-1] if candidates else None
    named_doc = pobj is not None and pobj.lower_ in _SOURCE_DOCUMENTS and any(
        t.pos_ == "PROPN" for t in doc[pobj.i + 1: np_end + 1])  # "according to a lawsuit filed by X"
    if pobj is None or not (pobj.pos_ == "PROPN" or pobj.lower_ in PERSON_ROLES or pobj.lower_ in ORG_NOUNS
                            or pobj.lower_ in COURT_PAPERS
                            or pobj.lower_.rstrip("s") in PERSON_ROLES | ORG_NOUNS or named_doc
                            or pobj.lower_ in _FINDING_SUBJECTS or pobj.lower_ in ("estimate", "estimates")
                            or pobj.lower_ in _HUMAN_SOURCES):
        return None, None  # "according to the requirements": not a source
    if token.i - sent.start <= 2:
        lo, hi = np_end + 1, sent.end - 1
    elif doc[token.i - 1].text == "," and np_end + 1 < sent.end - 3 and doc[np_end + 1].text == "," \
            and doc[np_end + 2].tag_.startswith(("VB", "MD")):
        lo, hi = np_end + 2, sent.end - 1  # "17 makers, according to the report, had plants": the words after it
    else:
        lo, hi = sent.start, token.i - 1
    while lo <= hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    if hi < lo:
        return pobj, None
    return pobj, (unit.start + doc[lo].idx, unit.start + doc[hi].idx + len(doc[hi].text))


_SPEECH = frozenset("say tell write state add explain note insist claim argue warn testify".split())


def _relayed_report(unit: ParsedUnit, token: Token, content: tuple[int, int]) -> bool:
    """Whether what "according to X" covers is itself a named speaker's report: its sentence's main verb is a
    reporting verb with a subject, inside the content ("According to NPR's Feng, Li Jifeng wrote that …")."""
    root = token.sent.root
    lo, hi = unit.span(root)
    if not content[0] <= lo < content[1] or root.pos_ not in ("VERB", "AUX") or cue_lemma(root.text) not in _SPEECH:
        return False  # (but "according to two people, X has proposed that …": the sources report X's act)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and root.i > 0 and root.doc[root.i - 1].pos_ == "PROPN" and root.doc[root.i - 1].dep_ == "appos":
        subject = root.doc[root.i - 1]  # "According to the Courier, Minister Ana Ruiz said …", "Ruiz" parsed apart
    return subject is not None and subject.lower_ not in ("it", "this", "that") and any(
        c.dep_ == "ccomp" and c.i > root.i for c in root.children)


# "announced the tour", "revealed the new model": an act with a thing, no words reported (a clause would be)
_NOUN_ANNOUNCEMENTS = frozenset("announce reveal predict confirm declare write add post publish claim".split())
_DIRECTIVE = frozenset("urge ask call demand warn".split())
_FINDING_VERBS = frozenset("find show".split())
_EVIDENCE_VERBS = frozenset("suggest hint reveal indicate show find".split())
_EVIDENCE = frozenset("test tests fact facts evidence work scan scans sample samples sign signs trend trends "
                      "experiment experiments observation observations record".split())
_ACCUSATIONS = frozenset("accuse allege".split())
_HEARSAY = frozenset("report claim say announce".split())
_WRITTEN = frozenset("statement letter post message tweet note sign release email caption headline notice "
                     "memo banner placard text".split())
# "who gave only her first name, Liv", "who identified himself only as Travis", "who asked to be called Max"
_GAVE_A_NAME = (r",?[ \t]+who[ \t]+[^,;.“”\"]{0,80}?\b(?:(?:name|names|surname|nickname|sign|alias)[ \t]*,|"
                r"(?:name|surname|identified|known|introduced|be[ \t]+called)[ \t]+"
                r"(?:(?:him|her|them)sel(?:f|ves)[ \t]+)?(?:only[ \t]+)?(?:as[ \t]+)?)")
_GIVEN_NAME = re.compile(_GAVE_A_NAME + r"[ \t]*([A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2})"
                         r"(?:[ \t]+(?:because|for|as|out[ \t]+of)\b[^,;.“”\"]{0,60})?"  # ("… Max because he feared …,")
                         r"[ \t]*(?:,[ \t]*(?:\d{1,3}[ \t]*,[ \t]*|(?:a|an|the|from|who)\b[^,;“”\"]{1,80},[ \t]*)?)?"
                         r"(?:\w+[ \t]+){0,2}$")  # (", a nurse at Bayview General Hospital, said")
_SENT_FROM = re.compile(r"\b(?:letter|statement|note|memo|message|email)\s+from\s+((?:the\s+|his\s+|her\s+|their\s+)?"
                        r"[\w’'.-]+(?:\s+[\w’'.-]+){0,2}?)(?:,\s+((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+),)?\s*,?\s*$")
_AND_COLLEAGUES = re.compile(r"\b([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+and\s+(?:his|her|their|two|three|four|five|"
                             r"several|other)?\s*(?:co-?)?$")
_PLACE_BASED = re.compile(r"[\s\S]{0,4}?\b([Tt]he\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2},\s+[A-Z][\w.]*-based\s+(?:[a-z-]+\s+){0,2}?"
                          r"(?:" + "|".join(sorted(COMPANY_NOUNS)) + r"))\b")
_GIVEN_AFTER = re.compile(_GAVE_A_NAME + r"[ \t]*([A-Z][\w’'-]+)\b")  # (after the verb: the name alone)
_AUTHORED = re.compile(r"[ \t]*,?[ \t]+(?:published|released|issued|compiled|conducted|carried[ \t]+out|commissioned|"
                       r"prepared|produced)[ \t]+[^.;:“”\"]{0,80}?\bby[ \t]+[^.;:“”\"]{2,80}?,?[ \t]*$")
_FINDING_SUBJECTS = frozenset("study studies report reports survey surveys analysis audit review investigation "
                              "inquiry research data figures poll polls census paper results "
                              "assessment trial memo memos email emails document documents files records papers "
                              "letters minutes cables messages".split())
_SOURCE_DOCUMENTS = frozenset("lawsuit suit complaint petition indictment filing filings analysis assessment review "
                              "inquiry memo letter release transcript".split()) | COURT_PAPERS
# people who are sources without a role noun: "according to people familiar with the matter", "according to
# witnesses", "according to a friend of the family"
_HUMAN_SOURCES = frozenset("people person persons someone individuals source sources insider insiders witness "
                           "witnesses resident residents friend friends relative relatives family families "
                           "neighbor neighbors neighbour neighbours observer observers colleague colleagues "
                           "associate associates aide aides ally allies acquaintance acquaintances account "
                           "accounts".split())
# what things go "according to" without anyone saying them
_NOT_SOURCES = frozenset("plan plans schedule rule rules law laws tradition legend script design protocol policy "
                         "guidelines custom contract terms scripture recipe instructions".split())
_SPEECH = frozenset("say tell add write ask reply respond answer explain declare state announce warn".split())
# verbs that characterise in someone's words ("One reviewer called the book “…”"): any noun may be their subject
# verbs still reporting when negated ("did not rule out", "would not comment" never reach here)
_NEGATED_REPORTS = frozenset("deny dispute rule".split())
def _clause_after(obj: Token) -> bool:
    """Whether a finite verb follows ``obj`` before the next comma (outside a relative clause): "acknowledged the
    tender for the link had been delayed" is a clause the parser split into an object and an adverbial."""
    for token in obj.doc[obj.i + 1: obj.sent.end]:
        if token.is_punct or token.tag_ in ("WDT", "WP", "WP$", "CC"):
            return False
        if token.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return True
    return False


_NP_PLEAS = frozenset("deny concede admit acknowledge demand propose".split())
_DENIED_ACTS = frozenset("wrongdoing responsibility".split())
_HEARING_BODIES = frozenset("court jury tribunal inquest hearing inquiry magistrates panel".split())
_CHARACTERISE = frozenset("call describe dismiss label brand".split())
_OPENING_MARKS = frozenset('“"‘\'„«”')


def _made_clear(unit: ParsedUnit, u_index: int, verb: Token) -> CueHit | None:
    """"Falk made (it) clear that she would not resign": Falk's statement."""
    if verb.lower_ not in ("made", "make", "makes", "making"):
        return None
    doc = verb.doc
    clear = next((c for c in verb.children if c.lower_ == "clear" and c.dep_ in ("ccomp", "acomp", "oprd", "xcomp")), None)
    clause = next((c for c in clear.children if c.dep_ in ("ccomp", "advcl") and c.i > clear.i
                   and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None) if clear is not None else None
    if clear is None and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "clear":
        clear = doc[verb.i + 1]  # "made clear the cranes were safe": the parser hangs "clear" on the clause
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and clear.head.i == c.i), None)
    subj = _subject(verb) if clause is not None else None
    if subj is None:
        return None
    left, right = max(clause.left_edge.i, clear.i + 1), clause.right_edge.i
    while left < right and (doc[left].lower_ == "that" or doc[left].is_punct):
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    content = (unit.start + doc[left].idx, unit.start + doc[right].idx + len(doc[right].text))
    speaker = _speaker_phrase(unit, subj, True)
    if speaker is None:
        return None
    s, e = unit.span(verb)
    sent = verb.sent
    return CueHit("make clear", verb.text, s, e, unit.start + sent.start_char, unit.start + sent.end_char, u_index,
                  verb.i, speaker, content)


def _as_reported_by(unit: ParsedUnit, u_index: int, verb: Token, lemma: str) -> CueHit | None:
    """"As first reported by the Times, the talks had failed", "…, as reported by Reuters": the clause the
    "as" phrase hangs on is the agent's report."""
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or lemma not in ("report", "say", "state", "note") \
            or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if source is None:
        return None
    main = verb.head
    if cue_lemma(main.text) is not None or any(is_masked(t) or cue_lemma(t.text) for t in main.subtree
                                               if t.i < verb.left_edge.i or t.i > verb.right_edge.i):
        return None  # "As reported by Radio Estmark, Vale said …": the outlet only relays Vale's words
    left, right = verb.left_edge.i, verb.right_edge.i
    words = [t for t in main.subtree if not left <= t.i <= right and not t.is_punct and not t.is_space]
    if len(words) < 3:
        return None
    sent = verb.sent
    s, e = unit.span(verb)
    content = (unit.start + words[0].idx, unit.start + words[-1].idx + len(words[-1].text))
    return CueHit(lemma, verb.text, s, e, unit.start + sent.start_char, unit.start + sent.end_char, u_index, verb.i,
                  _speaker_phrase(unit, source), content)


def _colon_cue(unit: ParsedUnit, u_index: int, colon: Token) -> CueHit | None:
    """"Mayor Ruiz was blunt: “...”": no reporting verb, the clause before the colon names the speaker.
    Its lemma is empty: it attributes the quote but is not reported as a cue."""
    sent = colon.sent
    # the clause before the colon names the speaker: its subject, wherever the parser attached it
    before = [t for t in sent if t.i < colon.i]
    if any(cue_lemma(t.text) is not None and t.pos_ in ("VERB", "AUX") for t in before):
        return None  # a real cue is found on its own
    subj = next((t for t in before if t.dep_ == "nsubj" and not is_masked(t)), None)
    if subj is None:
        return None
    speaker = _speaker_phrase(unit, subj)
    if speaker is None:
        return None
    s, e = unit.span(colon)
    return CueHit("", ":", s, e, unit.start + sent.start_char, unit.start + sent.end_char, u_index, colon.i, speaker)


# what the speaker did rather than said ("…, and declined to comment further", "… and thanked X for …")
_OWN_ACTS = frozenset("declined declines refused refuses thanked thanks encouraged encourages pointed points called calls "
                      "got gets left leaves took takes asked asks questioned questions disputed disputes spoke speaks "
                      "apologized apologised apologizes apologises urged urges offered offers sent sends visited visits "
                      "met meets returned returns travelled traveled walked went goes came comes praised praises "
                      "adjourned adjourns referred refers".split())


def _coordinated_parts(unit: ParsedUnit, verb: Token, content: tuple[int, int]) -> list[tuple[int, int]] | None:
    """"X said A and (that) B" with B a clause of its own ("and he sees …", "and was acting …"): the two
    statements as separate spans inside ``content``; None when the clause is not coordinated."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None) or _misattached_that_clause(verb)
    if clause is None:
        return None
    doc = verb.doc
    cuts = []
    for conj in clause.children:
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or conj.i < clause.i:
            continue
        subject = next((c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        # "… and he sees …", "… and was acting …" go on reporting; "… and adjourned the trial" (the speaker's
        # own act, misattached) and "…, and Estmark's minister welcomed it" (another subject) do not
        named = subject is not None and any(t.pos_ == "PROPN" for t in subject.subtree)
        cc_before = next((c for c in clause.children if c.dep_ == "cc" and clause.i < c.i < conj.i), None)
        comma_and = cc_before is not None and cc_before.i > 0 and doc[cc_before.i - 1].text == ","
        finite = (subject is not None and subject.pos_ in ("PRON", "NOUN", "NUM", "DET") and not named) or (
            subject is None and any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in conj.children)) or (
            # "… were quarantined, and displayed no symptoms": after a comma, a finite verb goes on reporting
            subject is None and comma_and and conj.tag_ in ("VBD", "VBZ", "VBP")) or (
            # "… had been embarrassed but was otherwise fine", "… and had no sympathy": "be"/"have" describe, they
            # are no act of the speaker's
            subject is None and conj.lower_ in ("was", "were", "is", "are", "had", "has", "have")
            and conj.tag_ in ("VBD", "VBZ", "VBP")) or (
            # "the order favoured banks and identified SBI as …": two finite verbs of the clause, neither with an
            # auxiliary (never "… could call witnesses and adjourned the trial", the speaker's own act)
            subject is None and conj.tag_ in ("VBD", "VBZ", "VBP") and clause.tag_ in ("VBD", "VBZ", "VBP")
            and not any(c.dep_ in ("aux", "auxpass") for c in clause.children) and conj.lower_ not in _OWN_ACTS)
        # ("had no option but to come out": an infinitive is no clause of its own)
        cc = next((c for c in clause.children if c.dep_ == "cc" and clause.i < c.i < conj.i), None)
        if finite and cc is not None:
            cuts.append((cc, conj))
    if not cuts:
        return None
    parts, lo = [], content[0]
    for cc, conj in cuts:
        hi = unit.start + cc.idx
        parts.append((lo, hi))
        k = cc.i + 1
        said = next((c for c in conj.children if c.dep_ == "ccomp" and c.i > conj.i), None) \
            if cue_lemma(conj.text) is not None else None
        if said is not None:  # "… but warned that it would leave police weaker": what was warned
            k = said.left_edge.i
        while k < len(doc) and (doc[k].lower_ == "that" and doc[k].dep_ == "mark" or doc[k].is_punct):
            k += 1
        lo = unit.start + doc[k].idx if k < len(doc) else hi
    parts.append((lo, content[1]))
    return [(a, b) for a, b in parts if a < b and content[0] <= a and b <= content[1]]


def _conjoined_report(unit: ParsedUnit, verb: Token, content: tuple[int, int]) -> tuple[int, int] | None:
    """"X said A, and that B" / "X said A, and he sees B": a clause coordinated with the reporting verb
    itself that goes on reporting (opened by "that", or a pronoun subject with a present-tense or modal
    verb, which narration in the past tense is not); its span, or None."""
    doc = verb.doc
    for conj in verb.rights:
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or cue_lemma(conj.text, conj.lemma_):
            continue
        if unit.start + conj.left_edge.idx < content[1]:
            continue
        that = any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children)
        subject = next((c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        present = conj.tag_ in ("VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBZ", "VBP", "VBD") for c in conj.children) or (
            conj.lower_ in _STATES)  # "…, and she was impressed"; but "…, and he left the hall" is narration
        minded = subject is None and conj.lower_ in _STATES and any(
            c.dep_ in ("ccomp", "xcomp", "acomp") for c in conj.children)  # "… and was confident the jury would …"
        if not (that or subject is not None and subject.pos_ == "PRON" and subject.lower_ != "it" and present or minded):
            continue
        left = next((c for c in doc[verb.i + 1: conj.i] if c.dep_ == "cc" and c.head.i == verb.i), None)
        k = (left.i if left is not None else conj.left_edge.i - 1) + 1
        while k < conj.i and (doc[k].lower_ == "that" and doc[k].dep_ == "mark" or doc[k].is_punct):
            k += 1
        right = conj.right_edge.i
        while right > k and (doc[right].is_punct or doc[right].is_space):
            right -= 1
        if right - k >= 2:
            return unit.start + doc[k].idx, unit.start + doc[right].idx + len(doc[right].text)
    return None


# verbs of being and mind that go on reporting in any tense after "X said A, and she …"
_STATES = frozenset("was were had knew thought felt wanted needed hoped believed expected planned intended remained "
                    "seemed".split())
_ASIDE_BEFORE = re.compile(r",[ \t]*(?:as[ \t]+)?$")  # "The key, says Buser, …", "HP, as Gizmodo explained, is …"
_ASIDE_AFTER = re.compile(r"(?:[ \t]+(?:[A-Z][\w.’'-]*)(?:[ \t]+[A-Z][\w.’'-]*)*)?(?:[ \t]+(?:on|in|last|this|at)[ \t]+\w+)?"
                          r"[ \t]*,[ \t]+(?:(and[ \t]+)(?=[a-z“\"‘])|(?=[“\"‘’'$\d]|(?i:i|it|they|he|she|we|you|there|is|was|are|were|"
                          r"could|would|will|should|may|might|can|has|have|had|must|did|does|do|remains?|"
                          r"needs?)\b))")


# "This system, says Richard Locksley, an immunologist at the University of California, San Francisco, helps …"
_ASIDE_APPOS_AFTER = re.compile(r"[ \t]+[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3}[ \t]*,[ \t]+(?:a|an|the)[ \t]+"
                                r"[^,.;“”\"]{2,80}?(?:,[ \t]+[A-Z][^,.;“”\"]{1,40}?)*[ \t]*,[ \t]+"
                                r"(?=(?:[a-z]+(?:s|ed)|is|was|are|were|has|had|will|would|could|can|may|might)\b)")


def _parenthetical(unit: ParsedUnit, verb: Token, sent: Span) -> tuple[tuple[int, int], bool] | None:
    """The reported words after an attribution set off by commas in mid-sentence ("The key, says Buser,
    is …", "Meanwhile, Doctor says, they are …"), and whether they follow an "and" (a second statement)."""
    text = unit.text
    subject_lo = min((c.left_edge.idx for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), default=verb.idx)
    if not _ASIDE_BEFORE.search(text, max(sent.start_char, subject_lo - 6), subject_lo):
        return None
    after = _ASIDE_AFTER.match(text, verb.idx + len(verb.text)) or _ASIDE_APPOS_AFTER.match(text, verb.idx + len(verb.text))
    if after is None:
        return None
    lo, hi = after.end(), sent.end_char
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ".!?"):
        hi -= 1
    if len(text[lo:hi].split()) < 3:
        return None
    return (unit.start + lo, unit.start + hi), after.re is _ASIDE_AFTER and bool(after.group(1))


def _characterisation(unit: ParsedUnit, u_index: int, as_token: Token) -> CueHit | None:
    """"X sees its lineup as “its Achilles heel”", "The Pentagon rejected the claims as “patently false”":
    the verb's subject characterises in the quoted words (a cue for the partial quote, reporting nothing)."""
    verb = as_token.head
    outer = next((t for t in reversed(list(verb.sent[: as_token.i - verb.sent.start])) if t.i < verb.i
                  and t.pos_ == "VERB" and cue_lemma(t.text) in _CHARACTERISE), None)
    if outer is not None:  # "described the idea that the U.S. is training X as “absurd”": the describer
        verb = outer
    subj = _subject(verb)
    speaker = _speaker_phrase(unit, subj, True) if subj is not None else None
    if speaker is None:
        return None
    s, e = unit.span(verb)
    sent = verb.sent
    return CueHit(verb.lemma_.lower(), verb.text, s, e, unit.start + sent.start_char, unit.start + sent.end_char,
                  u_index, verb.i, speaker, extra={"characterisation": True})


def find_cues(units: list[ParsedUnit]) -> list[CueHit]:
    """Every reporting cue in the parsed units, in document order."""
    hits: list[CueHit] = []
    for u_index, unit in enumerate(units):
        for token in unit.doc:
            low = token.lower_
            per = low == "per" and token.dep_ == "prep" and token.i + 1 < len(unit.doc) and (
                token.i - token.sent.start == 0 or unit.doc[token.i - 1].text == ",") and (
                token.text == "per" or unit.doc[token.i + 1].lower_ in ("the", "a", "an"))  # not "Per Arne Nessa"
            if per or low == "according" and token.i + 1 < len(unit.doc) and unit.doc[token.i + 1].lower_ == "to":
                pobj, content = _according_to(unit, token)
                if content is not None and _relayed_report(unit, token, content):
                    continue  # "According to the Courier, Ruiz said that …": Ruiz's words, the Courier relays them
                speaker = _speaker_phrase(unit, pobj) if pobj is not None else None
                if speaker is None and pobj is not None and pobj.lower_ in _SOURCE_DOCUMENTS:
                    right = pobj.right_edge  # the document with its author: "a lawsuit filed by X"
                    phrase = unit.doc[pobj.left_edge.i: right.i + 1]
                    speaker = SpeakerPhrase(phrase.text, unit.start + phrase.start_char, unit.start + phrase.end_char,
                                            "role")
                elif speaker is None and pobj is not None and pobj.pos_ == "NOUN" and pobj.lower_ not in _NOT_SOURCES:
                    # "according to one estimate", "according to teachers unions": a source nobody names
                    phrase = noun_phrase(pobj)
                    speaker = SpeakerPhrase(phrase.text, unit.start + phrase.start_char, unit.start + phrase.end_char,
                                            "role")
                s, e = unit.span(token)
                sent = token.sent
                hits.append(CueHit("according to", token.text if per else "according to", s,
                                   e if per else unit.span(unit.doc[token.i + 1])[1],
                                   unit.start + sent.start_char, unit.start + sent.end_char, u_index, token.i,
                                   speaker, content))
                continue
            if token.text == ":" and token.i + 1 < len(unit.doc) and unit.doc[token.i + 1].text in _OPENING_MARKS:
                colon = _colon_cue(unit, u_index, token)
                if colon is not None:
                    hits.append(colon)
                continue
            if low in _VIEW_NOUNS and token.head.lower_ == "in" and token.i + 1 < len(unit.doc) \
                    and unit.doc[token.i + 1].text == ",":
                view = _in_view(unit, u_index, token)
                if view is not None:  # "In her view, labelling them … entrenched the idea": her opinion
                    hits.append(view)
                continue
            if low in _REPORT_NOUNS and token.pos_ == "NOUN":
                nominal = _nominal_report(unit, u_index, token)
                if nominal is not None:
                    hits.append(nominal)
                if nominal is not None or not low.endswith("ing"):
                    continue
            if low == "as" and token.head.pos_ == "VERB" and token.i + 1 < len(unit.doc) \
                    and unit.doc[token.i + 1].text in _OPENING_MARKS and cue_lemma(token.head.text) is None:
                characterised = _characterisation(unit, u_index, token)
                if characterised is not None:
                    hits.append(characterised)
                continue
            if token.pos_ == "NOUN" and token.lower_.endswith("ing") and cue_lemma(token.text) is not None:
                owner = max((c for c in token.children if c.dep_ in ("compound", "nsubj") and c.pos_ == "PROPN"),
                            key=lambda c: c.i, default=None)
                speaker = _speaker_phrase(unit, owner, True) if owner is not None else None
                if speaker is not None:  # "with Minister Ayman Safadi warning of “…”" parsed as a noun
                    s, e = unit.span(token)
                    sent = token.sent
                    hits.append(CueHit(cue_lemma(token.text) or "", token.text, s, e, unit.start + sent.start_char,
                                       unit.start + sent.end_char, u_index, token.i, speaker))
                continue
            if token.pos_ not in ("VERB", "AUX") and not (token.pos_ == "NOUN" and token.dep_ == "ROOT"):
                continue
            lemma = cue_lemma(token.text)
            if lemma is None:
                clear = _made_clear(unit, u_index, token)
                if clear is not None:  # "X made (it) clear that …"
                    hits.append(clear)
                continue
            if lemma == "point" and not any(c.lower_ == "out" for c in token.children):
                continue
            if _asked_aside(token) or _noun_then_clause(token):
                continue
            if token.tag_ == "VBG" and token.dep_ == "advcl" and token.head.i > token.i and cue_lemma(token.head.text) \
                    and any(c.dep_ == "prep" and c.i == token.i + 1 for c in token.children) \
                    and not any(c.dep_ in ("ccomp", "dobj") for c in token.children):
                continue  # "Responding to Governor Jones, Mayor Smith said …": the frame of the verb that reports
            if token.dep_ == "xcomp" and token.head.lower_.startswith(("declin", "refus")):
                continue  # "declined to say when ...": nothing was said
            if any(c.dep_ == "neg" for c in token.children) and any(
                    c.dep_ in ("ccomp", "advcl") and (c.left_edge.lower_ in ("whether", "if") or c.left_edge.tag_ in (
                        "WRB", "WP", "WDT") or any(m.lower_ in ("whether", "if") or m.tag_ in ("WRB", "WP")
                                                   for m in c.children if m.i < c.i)) for c in token.children):
                continue  # "would not say whether …", "have not disclosed how many …": nothing was said
            if token.dep_ == "advcl" and token.tag_ == "VB" and token.i < token.head.i \
                    and token.left_edge.i == token.sent.start and token.sent[0].lower_ == "to" \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
                continue  # "To confirm the link, Howitt ordered more mice": a purpose, nothing said
            modals = {c.lower_ for c in token.children if c.dep_ == "aux"}
            if modals & {"might", "may", "could"} or {"would", "have"} <= modals:
                continue  # "Others might argue that …", "would then have claimed that …": nobody said it
            misparsed = token.dep_ == "acl" and token.head.dep_ in ("nsubj", "appos") and any(
                c.dep_ == "ccomp" and _that_clause(c) for c in token.children)
            relay = _as_reported_by(unit, u_index, token, lemma)
            if relay is not None:  # "As first reported by the Times, the talks had failed"
                hits.append(relay)
                continue
            if token.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in token.children) \
                    and token.dep_ in ("advcl", "acl", "ROOT") and not any(c.dep_ == "nsubj" for c in token.children) \
                    and not misparsed:
                continue  # "Asked whether ..., X replied": a reduced passive, the subject was not the speaker
                # (but "The We Company, announced on Sept. 30 that it …" is the subject's own past tense)
            if lemma == "ask" and token.dep_ in ("advcl", "acl") and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
                continue  # "..., said X when asked whether ...": the question was put to X
            subj = _subject(token)
            if lemma in _FINDING_VERBS and (subj is None or subj.lower_ not in _FINDING_SUBJECTS):
                continue  # "found"/"showed" report only when a study or a report is the subject
            if lemma in _EVIDENCE_VERBS and subj is not None and subj.pos_ == "NOUN" and subj.lower_ in _EVIDENCE:
                continue  # "Blood tests revealed …", "Those facts suggest …": evidence, nobody's words
            if lemma == "read" and (subj is None or subj.lower_ not in _WRITTEN):
                continue  # "the statement read": a text speaks; "she read the verdict" is no report
            if lemma == "hear" and (subj is None or subj.lower_ not in _HEARING_BODIES):
                continue  # "the court heard that …" reports what was said there; "she heard a bang" does not
            speaker = _speaker_phrase(unit, subj, lemma in _SPEECH or lemma in _CHARACTERISE or lemma == "report") \
                if subj is not None else None
            if speaker is not None and speaker.form != "pronoun" and _no_name(
                    speaker.text, unit.text[max(0, speaker.start - unit.start - 1): speaker.end - unit.start + 40]):
                speaker = None  # "Update, 7:10 PM ET: Brandvold wrote", "WIERZBNO GÓRNE, Poland — X said": the words say
            weak = False
            if speaker is None and subj is not None and lemma not in _FINDING_VERBS and subj.lower_ not in _FINDING_SUBJECTS \
                    and (subj.tag_ == "NNS" or subj.lower_ in EVENT_NOUNS):  # people, "the summit"; not "the scan"
                speaker = _speaker_phrase(unit, subj, True)  # "advocacy groups estimated …": a common noun speaks
                weak = speaker is not None
            sent = token.sent
            if speaker is not None and speaker.form == "role" and subj is not None and subj.lower_ in _FINDING_SUBJECTS \
                    and _AUTHORED.search(unit.text, speaker.start - unit.start, token.idx) \
                    and token.idx - (speaker.start - unit.start) < 200:
                # misparse "Figures released this month by the Ministry showed …": the author is the source
                speaker = SpeakerPhrase(unit.text[speaker.start - unit.start: token.idx].rstrip(" ,"), speaker.start,
                                        unit.start + len(unit.text[: token.idx].rstrip(" ,")), "role")
            given = _GIVEN_NAME.search(unit.text, speaker.start - unit.start, token.idx) \
                if speaker is not None and speaker.form == "role" else None
            if given is None and speaker is not None and speaker.form == "role" and speaker.start - unit.start > token.idx:
                # "“…,” said a 52-year-old office worker who gave only her surname, Chen, as she was led away"
                given = _GIVEN_AFTER.match(unit.text, speaker.end - unit.start)
            if given is not None:  # "One resident, who gave only her first name, Liv, said": Liv speaks
                s_at = unit.start + given.start(1)
                speaker = SpeakerPhrase(given.group(1), s_at, s_at + len(given.group(1)), "name", person=True)
            if speaker is not None and _quoted_away(unit.text, sent.start_char, speaker.start - unit.start, token.idx):
                speaker = None  # the parser found its subject inside the quote the verb follows
            if speaker is not None and speaker.form != "pronoun" and speaker.end - unit.start < token.idx:
                gap = _NAME_AFTER_COMMA.match(unit.text, speaker.end - unit.start, token.idx)
                if gap is not None and gap.group(1).split()[0].lower() not in _STOP_CAPS \
                        and not re.match(r"[RDI]-[A-Z]", gap.group(1)):  # (never a party tag: "Dana Whitcomb, R-Tillery,")
                    # "“…” Ford’s family, Starner said": the name right before the verb speaks
                    s_at = unit.start + gap.start(1)
                    speaker = SpeakerPhrase(gap.group(1), s_at, s_at + len(gap.group(1)), "name", person=True)
            inherited = subj is not None and subj.head.i != token.i and token.dep_ == "conj"  # "A is X, but B says"
            passive = any(c.dep_ == "auxpass" for c in token.children) and (lemma in _ACCUSATIONS or lemma in _HEARSAY and any(
                c.dep_ == "nsubjpass" and c.lower_ == "it" for c in token.children))  # "It was reported that …"
            if passive:  # "X is accused of hiding …", "it is alleged that …": by whoever the agent is, else nobody named
                agent = next((g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                             None)
                speaker = _speaker_phrase(unit, agent, True) if agent is not None else None
                of = next((c for c in agent.children if c.dep_ == "prep" and c.lower_ == "of"), None) \
                    if agent is not None else None
                if speaker is not None and of is not None and speaker.end > unit.start + of.idx:
                    end = unit.start + len(unit.text[: of.idx].rstrip())  # "by prosecutors of hiding …"
                    speaker = SpeakerPhrase(unit.text[speaker.start - unit.start: end - unit.start], speaker.start, end,
                                            speaker.form, speaker.title, speaker.person)
            written = _text_speaker(unit, token, sent.start_char, speaker is None or inherited) \
                if (speaker is None or speaker.form != "pronoun") and not passive else None
            if written is not None and (speaker is None or not written.start <= speaker.start < written.end):
                speaker = written  # the parser took an appositive's noun or a date for the subject
            if speaker is not None and token.tag_ == "VBG":
                sender = _SENT_FROM.search(unit.text, max(0, token.idx - 160), token.idx)
                if sender is not None:  # "released a letter from her physician, Dr. Howard Lin, stating that": Lin
                    at = sender.start(2) if sender.group(2) else sender.start(1)
                    who = sender.group(2) or sender.group(1)
                    title, name = split_title(who.split()) if sender.group(2) else ([], [])
                    if name:  # ("Dr. Howard Lin": the title apart)
                        at += len(who) - len(" ".join(name))
                        who = " ".join(name)
                    speaker = SpeakerPhrase(who, unit.start + at, unit.start + at + len(who),
                                            "name" if sender.group(2) else "role", " ".join(title) or None,
                                            person=bool(sender.group(2)))
            if speaker is not None and speaker.form == "role":
                pair = _AND_COLLEAGUES.search(unit.text, max(0, speaker.start - unit.start - 80), speaker.start - unit.start)
                if pair is not None:  # "Fairbrother and two co-authors wrote": the one named
                    s_at = unit.start + pair.start(1)
                    speaker = SpeakerPhrase(pair.group(1), s_at, s_at + len(pair.group(1)), "name", person=True)
            if speaker is not None and speaker.form == "name" and _TITLE_ABBREVIATION.fullmatch(speaker.text + ". "):
                named = re.match(r"\.?[ \t]+((?:[A-Z][\w’'-]+[ \t]+){0,2}[A-Z][\w’'-]+)", unit.text[speaker.end - unit.start:])
                if named is not None:  # "said the association's president, Sgt. Darryl Mott": the name after the rank
                    s_at = speaker.end + named.start(1)
                    speaker = SpeakerPhrase(named.group(1), s_at, s_at + len(named.group(1)), "name",
                                            speaker.title, person=True)
            based = _PLACE_BASED.match(unit.text, max(0, speaker.start - unit.start - 4)) \
                if speaker is not None and speaker.form != "pronoun" else None
            if based is not None and unit.start + based.start(1) <= speaker.start and based.end() <= token.idx:
                # misparse "The San Jose, California-based company said": the company, never the city
                s_at = unit.start + based.start(1)
                speaker = SpeakerPhrase(based.group(1), s_at, s_at + len(based.group(1)), "role")
            addressee = None
            if lemma == "tell":
                obj = next((c for c in token.children if c.dep_ in ("dobj", "dative")), None)
                if obj is not None:
                    addressee = noun_phrase(obj).text
            else:
                to = next((c for c in token.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"), None)
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
                if pobj is not None and lemma in {"say", "write", "explain", "declare", "admit", "reply"}:
                    addressee = noun_phrase(pobj).text
            s, e = unit.span(token)
            content = _content(unit, token, lemma)
            if lemma not in NO_INDIRECT and not is_masked(token) and not (
                    content is None and lemma in _NOUN_ANNOUNCEMENTS and any(c.dep_ == "dobj" for c in token.children)):
                content = _text_content(unit, token, lemma, speaker, content)
            if content is not None and any(c.dep_ == "neg" for c in token.children) and lemma not in _NEGATED_REPORTS:
                content = None  # "she never claimed that …", "Veradon has not said when …": nothing was said
            if token.dep_ == "pcomp" and token.head.lower_ in ("for", "of"):
                content = None  # "X was known for telling others “…”": a habit someone describes; X's marked words only
            hit = CueHit(lemma, token.text, s, e, unit.start + sent.start_char, unit.start + sent.end_char,
                         u_index, token.i, speaker, content, addressee)
            if weak:
                hit.extra["weak_subject"] = True
            if lemma == "hear":  # whoever said it in court, the text does not say here
                hit.speaker, hit.extra["unnamed"] = None, True
            if passive:
                hit.extra["passive"] = True
                # by no one named; but "X, who is accused of A, denied B" is background, no one's statement
                hit.extra["unnamed"] = speaker is None and token.dep_ not in ("relcl", "acl", "advcl")
            parts = _coordinated_parts(unit, token, content) if content is not None else None
            if parts:
                hit.extra["parts"] = parts
            second = _conjoined_report(unit, token, content) if content is not None else None
            if second is not None:
                hit.extra["parts"] = [*(parts or [content]), second]
            aside = _parenthetical(unit, token, sent) if lemma not in NO_INDIRECT else None
            if aside is not None:  # "The landers, he said, could deliver …": the words after the aside
                after, joined = aside
                if joined and content is not None and content[1] <= after[0]:
                    hit.extra["parts"] = [content, after]  # "A, Mayer said, and B": two statements
                elif not joined:
                    hit.content = after
            hits.append(hit)
    # "…,” he said, according to the Intelligencer": a source after someone's attribution only relays it
    hits = [h for h in hits if h.lemma != "according to" or not any(
        o.lemma not in ("according to", "") and o.speaker is not None and o.sent_start == h.sent_start
        and o.end <= h.start and (o.content is not None or o.lemma in _SPEECH and not o.text.endswith("ing"))
        # (not "… could not agree, according to X", nor "Officers responding to a report … found …, according to X")
        and not (o.content is not None and o.content[0] <= h.start < o.content[1]
                 and not (h.content is not None and h.content[1] <= h.start))  # "X said A, according to Y"
        for o in hits)]
    # "X denied that troops had crossed and accused Y of …": inside a reported clause a common noun is no speaker
    # and "A rejected X as “…”, and analysts agreed" reports nothing of the analysts'
    for h in hits:
        if h.extra.get("weak_subject") and (h.content is not None and h.content[1] <= h.start or any(
                o is not h and o.content is not None and o.content[0] <= h.start < o.content[1] for o in hits)):
            h.speaker = None
            h.content = None
    # "a warning from Burns that Moscow views X as “…”": inside someone's reported clause the words are theirs
    hits = [h for h in hits if not h.extra.get("characterisation") or not any(
        o.content is not None and o.content[0] <= h.start < o.content[1] for o in hits if o is not h)]
    for first, second in zip(hits, hits[1:]):
        if second.speaker is None and first.speaker is not None and first.sent_start == second.sent_start \
                and second.text.endswith("ing") and first.unit == second.unit \
                and not units[first.unit].text[first.end - units[first.unit].start: second.start - units[first.unit].start].strip(", "):
            second.speaker = first.speaker  # "“…,” he says, boasting that …": the participle's subject is the sayer
    for first, second in zip(hits, hits[1:]):
        if first.speaker is None and second.speaker is not None and first.sent_start == second.sent_start \
                and second.speaker.end <= first.start and first.lemma != "according to" \
                and not first.extra.get("passive"):  # "X, who is accused of A, denied B": not X's accusation
            first.speaker = second.speaker  # "X acknowledged A, but said B": one subject for both verbs
    return hits


# nouns that report what someone said when a "that" clause follows: "a warning from X that ..."
_REPORT_NOUNS = REPORT_NOUNS


_POSSESSIVE = {"his": "he", "her": "she", "their": "they", "its": "it"}
_VIEW_NOUNS = frozenset("view opinion words estimation telling account".split())


def _owner_speaker(unit: ParsedUnit, owner: Token) -> SpeakerPhrase | None:
    """The speaker a claim's owner names: "his" as the pronoun "he", "Schiff's" or "from X" as a phrase."""
    if owner.lower_ in _POSSESSIVE:
        s_at, e_at = unit.span(owner)
        return SpeakerPhrase(_POSSESSIVE[owner.lower_], s_at, e_at, "pronoun")
    return _speaker_phrase(unit, owner, True)


def _in_view(unit: ParsedUnit, u_index: int, noun: Token) -> CueHit | None:
    """"In her view, CLAUSE" / "In Ostby's words, CLAUSE": the owner holds the clause after the comma."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    doc = noun.doc
    sent = noun.sent
    left, right = noun.i + 2, sent.end - 1
    while right >= left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    if right - left < 2:
        return None
    speaker = _owner_speaker(unit, owner)
    if speaker is None:
        return None
    s, e = unit.span(noun)
    content = (unit.start + doc[left].idx, unit.start + doc[right].idx + len(doc[right].text))
    return CueHit("say", noun.text, s, e, unit.start + sent.start_char, unit.start + sent.end_char, u_index,
                  noun.i, speaker, content)


def _nominal_report(unit: ParsedUnit, u_index: int, noun: Token) -> CueHit | None:
    """"despite a warning from X that CLAUSE" / "a claim by X that CLAUSE": X reported CLAUSE."""
    author = None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
            author = next((c for c in prep.children if c.dep_ == "pobj"), None)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if author is None and owner is not None and (owner.lower_ in _POSSESSIVE or owner.pos_ == "PROPN"):
        author = owner  # "his claim that …", "Schiff's assertion that …"
    if author is None:
        return None
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl", "appos") and c.i > author.i
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    j = author.right_edge.i + 1
    while clause is None and j < len(noun.doc) and noun.doc[j].is_punct and not noun.doc[j].is_quote:
        j += 1
    if clause is None and j < len(noun.doc) and noun.doc[j].lower_ == "that" and noun.doc[j].dep_ == "mark":
        clause = noun.doc[j].head  # the parser hung "that ..." on the main verb
    if clause is None or clause.i < j - 1 and clause.left_edge.i < author.i:
        return None
    speaker = _owner_speaker(unit, author)
    if speaker is None:
        return None
    doc = noun.doc
    left, right = clause.left_edge.i, clause.right_edge.i
    while left <= right and (doc[left].lower_ == "that" or doc[left].is_punct):
        left += 1
    while right >= left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    if right < left:
        return None
    s, e = unit.span(noun)
    sent = noun.sent
    content = (unit.start + doc[left].idx, unit.start + doc[right].idx + len(doc[right].text))
    return CueHit(cue_lemma(noun.text) or "say", noun.text, s, e, unit.start + sent.start_char,
                  unit.start + sent.end_char, u_index, noun.i, speaker, content)


# "said [in a statement / on Monday / to reporters] that ...": the parser often hangs "that" elsewhere
_THAT_AFTER = re.compile(r"(?:\s+(?:on|in|at|late|early|during|last|this|after|earlier|later|via|through|to|"
                         r"in\s+a|on\s+its|in\s+its)\b[^,.;:“”\"]{0,60}?)?,?\s+that\s+(?=\S)")
# a gerund object: "denied accepting bribes", "admitted having lied"
_GERUND_AFTER = re.compile(r"\s+(?:ever\s+|having\s+|not\s+)?(?=[a-z]+ing\b)")
# a clause straight after a speech verb: "said the plan had failed", "says it poses no threat"
_BARE_START = re.compile(r"\s+(?:(?:on|last|this|late|early|earlier)\s+\w+\s+)?(?=(?:the|a|an|it|he|she|they|we|"
                         r"its|his|her|their|this|these|those|there|no|some|all|most|many)\s)")
_ADDRESSEE_OBJECT = frozenset("tell ask answer reply respond warn".split())  # "told the Courier": an addressee
_BARE_CLAUSE = frozenset("insist claim argue believe think suggest agree".split())
_SUBORDINATE = re.compile(r"(?:while|although|though|as|if|because|since|whereas|when|even\s+as)\s", re.IGNORECASE)
_GERUND_VERBS = frozenset("deny admit acknowledge recall regret suggest propose recommend confirm".split())
# a finite verb right after the object: "acknowledged the tender had been delayed" is a clause, not an object
_FINITE_NEXT = re.compile(r"(?:\s+(?:for|of|in|on|at|to|from|with|about)\s+[^,;.“”\"]{1,60}?)?\s+(?:had|has|have|was|were|is|are|would|will|could|should|might|may|must|can|did|"
                          r"does|do)\b")
_CLAUSE_END = re.compile(r";|,\s+(?:but|adding|saying|although|though|while|whereas|according)\b|\s+(?:when|because|"
                         r"although|though|whereas)\s|,\s+(?:he|she|they|it)\s+(?:said|added)\b")
# what may follow an inverted attribution: "..., X has said." / "..., X said on Monday, despite ..."
_INVERTED_TAIL = re.compile(r"\s*(?:(?:on|last|this|late|earlier)\s+\w+\s*)?[,.;]")


def _clause_end(text: str, start: int, sent_end: int) -> int:
    found = _CLAUSE_END.search(text, start, sent_end)
    end = found.start() if found else sent_end
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    return end


def _text_content(unit: ParsedUnit, verb: Token, lemma: str, speaker: SpeakerPhrase | None,
                  content: tuple[int, int] | None) -> tuple[int, int] | None:
    """Content from the words around a cue when the parse missed or cut it short (general news syntax)."""
    text = unit.text
    sent = verb.sent
    lo, hi = sent.start_char, sent.end_char
    after = verb.idx + len(verb.text)
    if content is not None:
        c_end = content[1] - unit.start
        if lemma in OBJECT_CONTENT and _FINITE_NEXT.match(text, c_end, hi):
            return content[0], unit.start + _clause_end(text, c_end, hi)
        return content
    that = _THAT_AFTER.match(text, after, hi)
    if that is not None:
        end = _clause_end(text, that.end(), hi)
        return (unit.start + that.end(), unit.start + end) if end > that.end() else None
    if (lemma in _SPEECH or lemma in _BARE_CLAUSE) and lemma not in _ADDRESSEE_OBJECT:
        bare = _BARE_START.match(text, after, hi)
        if bare is not None and speaker is not None and speaker.end - unit.start <= verb.idx:
            lead = text[lo: verb.idx].lstrip(" “”\"'")
            end = text.find(",", bare.end(), hi) if _SUBORDINATE.match(lead) else -1
            end = _clause_end(text, bare.end(), end if end > 0 else hi)
            if len(text[bare.end(): end].split()) >= 3:
                return unit.start + bare.end(), unit.start + end
    if lemma in _GERUND_VERBS:
        gerund = _GERUND_AFTER.match(text, after, hi)
        if gerund is not None:
            end = _clause_end(text, gerund.end(), hi)
            return (unit.start + gerund.end(), unit.start + end) if end > gerund.end() else None
    if speaker is not None and lo <= speaker.start - unit.start < verb.idx and _INVERTED_TAIL.match(text, after, hi):
        comma = text.rfind(",", lo, speaker.start - unit.start)
        between = text[comma + 1: verb.idx] if comma >= 0 else ""
        if comma > lo and len(between.split()) <= 8:
            start = lo
            while start < comma and (text[start].isspace() or text[start] in "“”\"'"):
                start += 1
            return (unit.start + start, unit.start + comma) if len(text[start:comma].split()) >= 3 else None
    return None
