"""The reporting-verb lexicon: which words can introduce speech, and how each takes its content."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# verbs whose direct object can be the reported content ("denied the request", "confirmed the deal")
OBJECT_CONTENT = frozenset(
    "deny reaffirm acknowledge admit stress reiterate emphasize emphasise "
    "underline underscore demand propose concede repeat".split()
)
# verbs whose infinitive complement is the content ("urged NATO to act", "pledged to help")
XCOMP_CONTENT = frozenset("urge ask demand call warn".split())
# never the head of reported speech on their own (only attribute quotes or partial quotes)
NO_INDIRECT = frozenset("speak continue call cite praise criticize criticise shout dub label brand blame thank hail slam "
                         "blast condemn denounce decry lambast mock beg implore applaud eulogize term agree".split())
PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "them": "p", "it": "n"}
FIRST_SECOND = frozenset("i me we us you".split())


@lru_cache(maxsize=1)
def reporting_forms() -> dict[str, str]:
    """Inflected form (lower case) → lemma, from ``data/reporting_verbs.txt``."""
    forms: dict[str, str] = {}
    text = resources.files("quotetrace.nlp").joinpath("data/reporting_verbs.txt").read_text("utf-8")
    for line in text.splitlines():
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        for form in words:
            forms.setdefault(form.lower(), words[0].lower())
    return forms


def reporting_lemmas() -> frozenset[str]:
    """Every lemma in the lexicon."""
    return frozenset(reporting_forms().values())


@lru_cache(maxsize=1)
def cue_pattern() -> re.Pattern[str]:
    """A regex finding any reporting-verb form or "according to" (the cheap pre-parse scanner)."""
    forms = sorted(reporting_forms(), key=len, reverse=True)
    return re.compile(r"\b(?:according\s+to|" + "|".join(map(re.escape, forms)) + r")\b", re.IGNORECASE)


def cue_lemma(word: str, spacy_lemma: str = "") -> str | None:
    """The lexicon lemma of ``word`` if it is a reporting verb form, else None."""
    lemma = reporting_forms().get(word.lower())
    if lemma is None and spacy_lemma:
        lemma = spacy_lemma.lower() if spacy_lemma.lower() in reporting_lemmas() else None
    return lemma


# what a court case puts in writing: "according to the indictment", "the complaint alleges"
COURT_PAPERS = frozenset("indictment indictments complaint lawsuit affidavit affidavits warrant filing filings "
                         "transcript transcripts".split())
_SUBJECT_PRONOUNS = frozenset("he she they it".split())
# nouns that report what someone said when a "that" clause follows: "a warning from X that ..."
REPORT_NOUNS = frozenset("warning warnings claim claims assurance assurances promise promises pledge pledges "
                         "statement insistence admission suggestion allegation allegations denial argument "
                         "announcement prediction reminder assertion contention accusation testimony".split())


def has_pronoun_cue(text: str, start: int, end: int) -> bool:
    """A pronoun next to a reporting verb ("he said", "said she", "she later told")."""
    forms = reporting_forms()
    words = [w.lower() for w in _WORD.findall(text, start, end)]
    for i, word in enumerate(words):
        if word in forms and any(w in _SUBJECT_PRONOUNS for w in words[max(0, i - 3): i + 2]):
            return True
    return False


_INVERTING = frozenset("say add write ask warn insist explain reply announce".split())


def has_role_cue(text: str, start: int, end: int, bodies_only: bool = False) -> bool:
    """A definite role-noun speaker next to a reporting verb ("the company said", "said the governor",
    "the report found", "the 29-year-old Dane said"): its referent was named earlier, so the sentences
    before are worth parsing."""
    forms = reporting_forms()
    for the in _THE.finditer(text, start, end):
        words = _CLAUSE_WORDS.match(text, the.end(), end)
        run = words.group(0).split() if words else []
        for k, word in enumerate(run[:3]):
            verb = next((w for w in run[k + 1: k + 3] if w not in ("has", "had", "have", "also")), "")
            if verb in forms and _role_like(word, bodies_only) and all(w.islower() or w[:1].isdigit() for w in run[:k]):
                return True
    for match in _ROLE_AFTER.finditer(text, start, end):
        lemma = forms.get(match.group(1).lower())
        if lemma in _INVERTING and _role_like(match.group(2), bodies_only):
            return True
    return False


def _role_like(word: str, bodies_only: bool = False) -> bool:
    """A noun that names a role, a body or a document, or a capitalised description ("Dane"); with
    ``bodies_only``, a body or a document only."""
    from quotetrace.nlp.mentions import ORG_NOUNS, PERSON_ROLES, TITLE_WORDS  # late: mentions is heavier

    low = re.sub(r"[’']s$", "", word.lower())
    if bodies_only:
        return low in ORG_NOUNS or low in _DOCUMENT_NOUNS
    return word[:1].isupper() or low in ORG_NOUNS or low in PERSON_ROLES or low in TITLE_WORDS \
        or low in _DOCUMENT_NOUNS


_DOCUMENT_NOUNS = frozenset("report review audit study survey inquiry investigation analysis statement letter "
                            "filing ruling findings".split())
# "the [two lower-case words] NOUN [has] VERB" and "VERB the NOUN", within one clause (no punctuation)
_THE = re.compile(r"\b[Tt]he\s+")
_CLAUSE_WORDS = re.compile(r"[\w’'-]+(?:\s+[\w’'-]+){0,5}")  # the words up to the next punctuation
_ROLE_AFTER = re.compile(r"\b([a-z]+)\s+the\s+([a-z][\w’'-]*)\b")


_WORD = re.compile(r"[A-Za-z]+")


# forms that are far more often nouns ("the state", "a report", "phone calls"): a cue only after a subject
_NOUN_LIKE = frozenset(
    """state states report reports post posts note notes call calls point points claim claims answer answers
    comment comments signal signals demand demands estimate estimates promise promises repeat joke jokes
    warning pledge pledges vow vows reply replies cite praise remarks remark testify signalling signaling
    continue continues continued continuing rule rules charge charges counter counters
    forecast forecasts""".split()
)
_SUBJECT_BEFORE = frozenset("he she they it we i who which also has have had will would may might could".split())


_CLAUSE_OPENERS = frozenset("that he she they it we".split())


# "…, reports Reuters." / "…, notes the agency": a noun-like form inverted after its content
_INVERTED_FORM = re.compile(r",\s+(?:reports|notes|states|claims|posts|comments|answers|signals|estimates|"
                            r"warns|remarks|writes|argues)\s+(?:the\s+)?[A-Z]")


def has_cue(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` holds a reporting-verb form or "according to" (a set lookup per
    word: much faster than one big alternation regex). Noun-like forms count only after a subject."""
    forms = reporting_forms()
    words = _WORD.findall(text, start, len(text) if end is None else end)
    for i, word in enumerate(words):
        low = word.lower()
        if low in forms:
            if low not in _NOUN_LIKE:
                return True
            prev = words[i - 1] if i else ""
            if prev.lower() in _SUBJECT_BEFORE or (prev[:1].isupper() and i > 1):
                return True
            if (prev[:1].isupper() or prev.lower() == "to" or low.endswith("ing")) and i + 1 < len(words) \
                    and words[i + 1].lower() in _CLAUSE_OPENERS:  # "with forecasters warning that …"
                return True  # "Andrew claims that …" opening the sentence; "allowed X to claim that …"
            if i + 1 < len(words) and words[i + 1].lower() == "that":
                return True  # "The lawsuit claims that …", "Court documents state that …": the parse decides

        elif low == "according" and i + 1 < len(words) and words[i + 1].lower() == "to":
            return True
        elif low == "per" and i + 1 < len(words) and (words[i + 1] == "the" or word == "per" and words[i + 1][:1].isupper()):
            return True  # "…, per the WHO, …": a source, like "according to"
        elif low == "clear" and any(w.lower() in ("made", "make", "makes", "making") for w in words[max(0, i - 2): i]):
            return True  # "made (it) clear that …"
        if low in REPORT_NOUNS and i + 1 < len(words) and words[i + 1].lower() in ("from", "by"):
            return True  # "a warning from X that ...": a reported statement in a noun
        if low in ("view", "opinion", "words", "estimation") and i > 1 and words[i - 2].lower() in ("in", "s") and (
                words[i - 1].lower() in ("his", "her", "their", "its", "s")):
            return True  # "In her view, …", "In Ostby's words, …"
        if low in REPORT_NOUNS and "that" in (w.lower() for w in words[i + 1: i + 6]) and any(
                w.lower() in ("his", "her", "their", "its", "s") for w in words[max(0, i - 4): i]):
            return True  # "his claim that …", "Schiff's own doubling-down admission that …" (words split "'s")
    return bool(_INVERTED_FORM.search(text, start, len(text) if end is None else end))
