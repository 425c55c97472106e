"""Speakers within one article: one entity per person or body, every mention form mapped to it.

No neural coreference: names are merged by surname, pronouns go to the most recent compatible
speaker (the subject of the previous attribution first), role nouns ("the NATO chief") to the person
whose title shares their words.
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quotetrace.nlp.cues import COURT_PAPERS, PRONOUNS
from quotetrace.nlp.gender import (MentionIndex, appositive_gender, gender_of, honorific_gender, is_given_name,
                                   noun_gender, pronoun_gender)
from quotetrace.nlp.mentions import (_STOP_CAPS, COMPANY_NOUNS, ORG_NOUNS, PERSON_NOUNS, PERSON_ROLES, POST_NOMINALS,
                                     PUBLIC_BODY_WORDS, TITLE_WORDS, split_title)

if TYPE_CHECKING:
    from quotetrace.nlp.attribution import CueHit, SpeakerPhrase

LOGGER = logging.getLogger(__name__)

_ROLE_SYNONYMS = {
    "chief": {"secretary-general", "secretary", "general", "head", "leader", "director", "president", "chief"},
    "head": {"secretary-general", "chief", "leader", "director", "president", "chairman"},
    "leader": {"president", "prime", "chancellor", "premier", "chief", "head", "secretary-general"},
    "secretary-general": {"secretary-general", "secretary", "general", "chief"},
    # "Assistant District Attorney Simon Kettering … the prosecutor said"; "Sen. Ann Ruiz … the senator"
    "prosecutor": {"prosecutor", "prosecuting", "district"},
    "lawyer": {"lawyer", "attorney", "counsel", "solicitor", "barrister"},
    "attorney": {"attorney", "lawyer", "counsel"},
    "senator": {"senator", "sen"},
    "governor": {"governor", "gov"},
    "congressman": {"congressman", "rep", "representative"},
    "congresswoman": {"congresswoman", "rep", "representative"},
    "lawmaker": {"rep", "representative", "senator", "sen", "congressman", "congresswoman", "mp", "legislator"},
    "ceo": {"ceo", "executive"},  # (only the words that tell the chiefs apart)
    "cfo": {"cfo", "financial", "finance"},
    "cto": {"cto", "technology"},
    "coo": {"coo", "operating"},
    "da": {"da", "district", "attorney"},
}
_CAPITALISED = re.compile(r"\b[A-Z][\w\-]*[\w]")
# the name a sentence opens on, after any dateline ("SAN FRANCISCO — Nimbra will …")
_OPENING_NAME = re.compile(r"(?:[A-Z][A-Z .,]+(?:\([^)]*\))?\s*[—–-]+\s*)?([A-Z][\w&’'.-]+(?:\s+[A-Z][\w&’'.-]+){0,3})")
# a capitalised name ending in a body's word, and any "of …" after it ("the Euro-Pacific Space Agency")
_NAMED_BODY = re.compile(r"(?<![\w’'-])(?:[A-Z][\w&’'-]*[ \t]+(?:(?:and|of|for|&)[ \t]+(?=[A-Z]))?){1,5}(Agency|Authority|Administration|Ministry|Department|"
                         r"University|Institute|Commission|Council|Bureau|Service|Board|Association|Federation|"
                         r"Foundation|Trust|Union|Party|Corporation|Hospital|Office|Court|Coalition|Alliance|Society|"
                         r"Organi[sz]ation|Committee|Fund|Bank|Regulator|Watchdog|Club|Town|City|United|Rovers|Albion|"
                         r"Athletic|Wanderers|FC|TV|Radio|Broadcasting)(?![\w’'-])"
                         r"(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w&’'-]*(?:[ \t]+[A-Z][\w&’'-]*){0,3})?")
# what else a body called "the force" or "the bloc" is called in its name
_BODY_SYNONYMS = {"force": {"police", "constabulary"}, "bloc": {"union", "eu"}, "alliance": {"nato"},
                  "tribunal": {"court"}, "court": {"tribunal"}, "carrier": {"airways", "airlines", "air"},
                  "airline": {"airways", "airlines", "air"}, "lender": {"bank"},
                  "union": {"federation", "association", "guild", "confederation"},
                  "club": {"town", "city", "united", "rovers", "albion", "athletic", "wanderers", "fc", "county"},
                  "agency": {"authority", "bureau", "service", "administration"},
                  "regulator": {"authority", "commission", "agency", "administration"},
                  "watchdog": {"authority", "commission", "ombudsman", "regulator"}}
_PERSONAL_WRITINGS = frozenset("letter email e-mail memo note message post tweet op-ed column essay blog".split())
_NATIONAL_BODY = re.compile(r"(?:[Tt]he\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)[’']s\s+((?:[a-z-]+\s+){0,3}([a-z]+))")
_WRITTEN_FROM = re.compile(r"\bfrom\s+((?:[A-Z][\w.’'-]*\s+){1,4}[A-Z][\w’'-]+)(?=\s*(?:,|$))")
_ADDRESSED_TO = re.compile(r"\bto\s+(?:[A-Z][\w.]*\s+){0,3}$")
# relatives a speaker phrase can name ("her brother said", "Ford's father told …")
_RELATIVES = (r"father|mother|son|daughter|brother|sister|wife|husband|uncle|aunt|cousin|grandmother|grandfather|"
              r"grandson|granddaughter|nephew|niece|widow|widower|partner|fiancée?|stepfather|stepmother")
_KIN_NOUNS = frozenset(_RELATIVES.replace("fiancée?", "fiancé fiancée").split("|")) | {"parents", "parent"}
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|i|ic)")  # Jordanian, Chinese, Turkish, Iraqi, Hellenic
_FILLER = frozenset("the a an former then current its his her their our bloc's alliance's country's".split())


@dataclass
class Entity:
    """One speaker of the article; ``names`` holds every surface name form seen."""

    names: list[str]
    kind: str = "person"  # person | organisation | body
    titles: list[str] = field(default_factory=list)
    gender: str | None = None  # "m" / "f" from the name, a title, an honorific or a resolved pronoun
    positions: list[int] = field(default_factory=list)
    unnamed_person: bool = False  # an anonymous voice that is one person ("a nurse who asked not to be named")

    @property
    def canonical(self) -> str:
        """The longest full name seen (no title)."""
        return max(self.names, key=lambda n: (len(n.split()), len(n)))

    @property
    def display(self) -> str:
        """The name a quote is credited to: the canonical name, for a body without its legal form or a trailing
        common noun ("Crestline Energy Inc." and "the FTM-Auto union" are Crestline Energy and FTM-Auto)."""
        words = self.canonical.split()
        if self.kind == "person":
            return self.canonical
        while len(words) > 1 and (words[-1].lower().rstrip(",") in LEGAL_FORMS or words[-1] == "&" or words[-1] in ORG_NOUNS
                                  and words[-2][:1].isupper() and words[0].lower() not in OPENERS | _DETERMINERS
                                  and not (len(words) == 2 and _DEMONYM.fullmatch(words[0]))):  # ("Omani government")
            words.pop()
        return " ".join(words).rstrip(",")

    def is_firm(self) -> bool:
        """A name that says it is a business or body ("Big Machine Records", "Orlen Partners")."""
        return any(w.lower().strip(".,") in ORGLIKE_WORDS for w in self.canonical.split())

    @property
    def surname(self) -> str:
        return surname_of(self.canonical).lower()


_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


_ORG_APPOSITION = re.compile(r"\b[Tt]he\s+(?:[a-z][\w-]*\s+){0,3}(" + "|".join(sorted(ORG_NOUNS | COMPANY_NOUNS)) +
                             r")(?:\s+(?:that|which|who)\s+[^,.;“”\"]{1,60})?,\s+((?:[A-Z][\w&’'.-]*\s+){0,5}[A-Z][\w&’'.-]*),")
_FIRM_TAILS = frozenset("partners capital ventures investments associates developments properties holdings "
                        "advisors advisers securities ship management".split())  # what a firm's short name leaves off
_DETERMINERS = frozenset("its their his her our my your this that these those each either neither".split())
# a company's legal form, which a reporter leaves off ("Crestline Energy said")
LEGAL_FORMS = frozenset("inc inc. corp corp. co co. ltd ltd. llc llp plc sa s.a. ag nv n.v. gmbh se spa s.p.a. bv ab a/s "
                        "asa oyj pty lp l.p.".split())
CORPORATE_SUFFIXES = frozenset("records inc inc. corp corp. corporation co co. ltd ltd. llc plc group holdings company "
                                "entertainment productions media networks international technologies studios pictures films".split())
# words that make a capitalised name a business or body, never a person
ORGLIKE_WORDS = ORG_NOUNS | CORPORATE_SUFFIXES | frozenset(
    "equities capital partners securities ventures investments associates analytics research labs systems "
    "solutions motors airlines pharmaceuticals energy bancorp financial insurance trust fund telecom telecoms "
    "airways pharma foods logistics shipping software studios mining petroleum hospital clinic school prison airport "
    "robotics automation semiconductor semiconductors therapeutics biotech biosciences technologies technology "
    "headquarters secretariat directorate cinemas films pictures media entertainment networks industries holdings brands retail resources minerals chemicals "
    "electronics devices instruments aerospace defense utilities power solar "
    "fusion batteries pharmacy bakery brewery winery dairy farms mills steel textiles publishing press records "
    "games gaming apparel hotels resorts restaurants "
    # football clubs the tagger calls persons ("Manchester United", "Tottenham Hotspur")
    "united city hotspur rovers wanderers athletic albion rangers fc afc".split())
_CAPITALISED_RUN = re.compile(r"(?<![\w’'])[A-Z][\w&’'-]*(?:\s+(?:(?:of|and|for|on|&)\s+)?[A-Z][\w&’'-]*)+")

def surname_of(name: str) -> str:
    """The last word of a name that is not a generational suffix ("Carlineo" in "Patrick Carlineo Jr.")."""
    words = [w.strip(",") for w in name.split()]
    while len(words) > 1 and words[-1].lower() in _SUFFIXES:
        words.pop()
    return words[-1] if words else name


def second_surname(name: str, text: str) -> str | None:
    """The first of two surnames in a three-word name ("Mamani" in "Fidel Mamani Choque"), which Spanish and
    Portuguese copy uses alone after the first mention: when the name opens on a given name, the text writes it in
    running text, and the middle word alone, never the last; None for other names."""
    words = name.split()
    if len(words) != 3 or not words[1][:1].isupper() or len(words[1]) < 3 or "." in words[1] \
            or words[2].lower().rstrip(".,") in _SUFFIXES or not is_given_name(words[0]) \
            or not re.search(re.escape(name) + r"(?:[,.;:)]|\s+[a-z(])", text):  # (never "Jessa Rayne Announces …")
        return None
    full = text.count(name)
    if text.count(words[1]) <= full or len(re.findall(r"\b" + re.escape(words[2]) + r"\b", text)) > full:
        return None
    return words[1]


def _last_at_or_before(positions: list[int], at: int) -> int:
    """The last of the sorted ``positions`` not after ``at`` (-1 if none)."""
    k = bisect.bisect_right(positions, at)
    return positions[k - 1] if k else -1


def _same_surname(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    if a == b or a.rsplit("-", 1)[-1] == b or b.rsplit("-", 1)[-1] == a:  # "Okonkwo-Berg" cut to "Berg" by the tagger
        return True
    # transliteration variants: Zelensky / Zelenskyy / Zelenskiy
    return min(len(a), len(b)) >= 5 and (a.startswith(b) or b.startswith(a)) and abs(len(a) - len(b)) <= 2


class SpeakerRegistry:
    """Every person and body of one article, with their mentions by position."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._by_surname: dict[str, list[Entity]] = {}  # first 5 letters of the surname → persons
        self._timeline: list[tuple[int, int]] | None = None  # (position, entity index), built lazily
        # (position, person, paragraph start) of named subjects of narrative sentences, in order
        self.subjects: list[tuple[int, Entity, int]] = []
        # (position, name) of two-word proper-noun subjects not known to be persons ("Conductor Ilse Brandt")
        self.subject_names: list[tuple[int, str]] = []
        self.unnamed_roles: dict[str, Entity] = {}  # "spokesperson" → whom "a/the spokesperson" stood for
        self.body_names: set[str] = set()  # names the text itself calls a body ("The group …, Big Machine,")
        self.speaker_subjects: list[tuple[int, Entity]] = []  # (position, person) of attributions resolved so far
        self.org_subjects: set[int] = set()  # positions of named organisations that open a sentence's subject
        self.places: set[str] = set()  # lower-cased places and nationalities the tagger found ("beijing")
        self.named_in_running_text: dict[str, bool] = {}  # word → capitalised after a lower-case word somewhere
        self.text = ""
        self._seconds: dict[str, str | None] = {}  # name → its first of two surnames ("Mamani"), or None
        self.nicknames: dict[str, Entity] = {}  # "benny" → Benedetto Castellane ("whom everyone calls Benny")

    def nickname(self, nick: str, ent: Entity) -> None:
        """``nick`` names the person ``ent`` ("Everyone called him Mike", 'Augustine “Gus” Pell'): persons
        registered as the nickname alone or with the surname are merged into ``ent``."""
        self.nicknames[nick.lower()] = ent
        full = f"{nick} {surname_of(ent.canonical)}"
        for other in [e for e in self.entities if e is not ent and e.kind == "person" and e.canonical in (nick, full)]:
            ent.positions = sorted(ent.positions + other.positions)
            ent.titles.extend(t for t in other.titles if t not in ent.titles)
            self.entities.remove(other)
            self.forget(other)
        if full not in ent.names:
            ent.names.append(full)  # "Mike Ford" is John M. Ford
        self._timeline = None

    def paragraph_gap(self, lo: int, hi: int) -> str:
        """The article text between two offsets (empty when the registry has no text)."""
        return self.text[lo:hi]

    def _candidates(self, surname: str) -> list[Entity]:
        return self._by_surname.get(surname.lower()[:5], [])

    def person(self, name: str, pos: int | None = None, title: str | None = None) -> Entity:
        """The person called ``name`` (merged by surname with earlier forms), created if new."""
        words = name.split()
        while len(words) > 2 and words[-1].rstrip(".,") in POST_NOMINALS:
            words.pop()  # "Helen Stavely KC"
        while len(words) > 1 and not any(ch.isalpha() for ch in words[-1]):
            words.pop()  # "Luka Kovač 6-": the tagger ran on into a score
        name = " ".join(words)
        if any(w.lower().strip(".,") in ORGLIKE_WORDS for w in words) and (len(words) >= 2 or name[:1].isupper()):
            return self.body(name, pos)  # "Harrow Equities", "Orlen Partners": the tagger's PERSON is a firm
        if name in self.body_names:  # "Big Machine", a body by its apposition, tagged PERSON elsewhere
            return self.body(name, pos)
        if len(words) == 1:  # "Ordway", known as the short name of "Ordway Automation"
            firm = next((e for e in self.entities if e.kind == "organisation" and name in e.names[1:]), None)
            if firm is not None:
                if pos is not None:
                    bisect.insort(firm.positions, pos)
                    self._timeline = None
                return firm
        surname = surname_of(name)
        found = self.nicknames.get(name.lower()) if len(words) == 1 else None
        found = found or (self._principal(surname) if len(words) == 1 else None)
        for ent in self._candidates(surname) if found is None else ():
            if _same_surname(ent.surname, surname):
                first_names = {n.split()[0].lower() for n in ent.names if len(n.split()) > 1}
                if not first_names or words[0].lower() in first_names:
                    found = ent
                    break
        if found is None and len(words) == 1:
            found = self._by_first_word(name)
        if found is None and len(words) >= 2:
            found = self._same_but_second_surname(name) or self._first_name_alone(words[0])
            if found is not None:  # (found by the full name's surname from now on)
                self._by_surname.setdefault(surname.lower()[:5], []).append(found)
        if found is None:
            found = Entity([name])
            self.entities.append(found)
            self._by_surname.setdefault(surname.lower()[:5], []).append(found)
            if "-" in surname:
                self._by_surname.setdefault(surname.rsplit("-", 1)[-1].lower()[:5], []).append(found)
        elif name not in found.names:
            found.names.append(name)
        title = clean_title(title)
        if title and title not in found.titles:
            found.titles.append(title)
        if pos is not None:
            bisect.insort(found.positions, pos)
            self._timeline = None
        return found

    def forget(self, ent: Entity) -> None:
        """Drop ``ent`` from the surname index (after merging it into another entity)."""
        for people in self._by_surname.values():
            if ent in people:
                people.remove(ent)
        self._timeline = None

    def lookup_person(self, word: str) -> Entity | None:
        """A known person whose surname (or full name) is ``word``; None if none."""
        if not word.split():
            return None
        surname = surname_of(word)
        if len(word.split()) == 1:
            return self.nicknames.get(word.lower()) or self._principal(surname) or self._by_first_word(word)
        first = next((w.lower().strip(".,") for w in word.split() if w.lower().strip(",") not in TITLE_WORDS), "")
        for ent in self._candidates(surname):
            if _same_surname(ent.surname, surname):
                firsts = {n.split()[0].lower() for n in ent.names if len(n.split()) > 1}
                if not firsts or first in firsts or ent.kind != "person":
                    return ent  # ("Piotr Nowak" is not Ewa Nowak)
        return None

    def _principal(self, surname: str) -> Entity | None:
        """The person a bare surname stands for: when relatives share it ("Morag Keddie … her grandfather, Magnus
        Keddie … Keddie said"), the one the text named first, as newspapers call the others by their full or
        first names."""
        found = [ent for ent in self._candidates(surname)
                 if _same_surname(ent.surname, surname) and ent.kind == "person"] or [
            ent for ent in self.entities if ent.kind == "person" and self._second_surname(ent.canonical) == surname]
        if len(found) > 1:
            return min(found, key=lambda e: e.positions[0] if e.positions else 1 << 62)
        return found[0] if found else None

    def _second_surname(self, name: str) -> str | None:
        if name not in self._seconds:
            self._seconds[name] = second_surname(name, self.text)
        return self._seconds[name]

    def _same_but_second_surname(self, name: str) -> Entity | None:
        """"Fidel Mamani" for "Fidel Mamani Choque" (or the other way round): one person, with and without the
        second of two surnames (Spanish and Portuguese names)."""
        size = len(name.split())
        for ent in self.entities:
            if ent.kind != "person":
                continue
            full = ent.canonical
            if size == 2 and full.startswith(name + " ") and self._second_surname(full) == name.split()[1]:
                return ent
            if size == 3 and name.startswith(full + " ") and self._second_surname(name) == full.split()[-1]:
                self._by_surname.setdefault(surname_of(name).lower()[:5], []).append(ent)
                return ent
        return None

    def _first_name_alone(self, given: str) -> Entity | None:
        """The one person known so far by ``given`` alone ("Adaeze, 35, said"), whom a full name opening on it names
        ("Zara's aunt, Adaeze Okafor-Reid"); never a word the text also writes after a capitalised one ("Lidia Sava",
        "President Xi")."""
        alone = [e for e in self.entities if e.kind == "person" and e.names == [given]]
        if len(alone) != 1 or re.search(r"\b[A-Z][a-z]+\s+" + re.escape(given) + r"\b", self.text):
            return None
        return alone[0]

    def _by_first_word(self, word: str) -> Entity | None:
        """The one known person whose name opens with ``word`` ("Liu" after "Liu Xiaming", where the
        surname comes first), when no one has it as a surname."""
        low = word.lower()
        found = [e for e in self.entities if e.kind == "person" and len(e.canonical.split()) in (2, 3)
                 and e.canonical.split()[0].lower() == low]
        if len(found) > 1:  # never a boat or a house the tagger took for a person: "the Cheryl Lynn"
            found = [e for e in found if not re.search(r"\b[Tt]he\s+" + re.escape(e.canonical) + r"\b", self.text)]
        return found[0] if len(found) == 1 else None

    def body(self, name: str, pos: int | None = None, kind: str = "organisation") -> Entity:
        """An organisation or body ("Kremlin", "Pentagon documents"), created if new."""
        clean = re.sub(r"^(?:the|a|an)\s+", "", name.strip().rstrip(",;:"), flags=re.IGNORECASE)
        clean = re.sub(r"[’']s$", "", re.sub(r"\s*\([^)]*$", "", clean))  # "World Health Organization (WHO"
        person = self.lookup_person(clean) if len(clean.split()) == 1 and clean[:1].isupper() else None
        if person is not None:  # NER tags some surnames ORG ("Stoltenberg")
            if pos is not None:
                bisect.insort(person.positions, pos)
                self._timeline = None
            return person
        for ent in self.entities:
            if ent.kind != "person" and any(n.lower() == clean.lower() for n in ent.names):
                if pos is not None:
                    bisect.insort(ent.positions, pos)
                    self._timeline = None
                return ent
        shorter = self.short_form(clean) or self._without_suffix(clean) or self._expansion(clean)
        if shorter is not None:  # "the Commission" after "the European Commission"; "Big Machine" (Records)
            if pos is not None:
                bisect.insort(shorter.positions, pos)
                self._timeline = None
            return shorter
        ent = Entity([clean], kind=kind)
        if pos is not None:
            ent.positions.append(pos)
        self.entities.append(ent)
        self._timeline = None
        return ent

    def short_form(self, name: str) -> Entity | None:
        """A named organisation that ``name`` shortens: the end of its name before any "of"
        ("General Staff" for "General Staff of Calderia", "Commission" for "European Commission")."""
        words = name.lower().split()
        if not words or not name[:1].isupper():
            return None
        best = None
        for ent in self.entities:
            if ent.kind == "person":
                continue
            head = ent.canonical.lower().split(" of ")[0].split()
            if len(ent.canonical.split()) > len(words) and head[-len(words):] == words:
                if best is None or max(ent.positions or [0]) > max(best.positions or [0]):
                    best = ent
        return best

    def _without_suffix(self, name: str) -> Entity | None:
        """A known organisation that is ``name`` plus a corporate suffix ("Big Machine Records")."""
        low = name.lower().split()
        for ent in self.entities:
            words = ent.canonical.lower().split()
            if ent.kind != "person" and len(words) > len(low) and words[: len(low)] == low \
                    and all(w.strip(".,") in CORPORATE_SUFFIXES | LEGAL_FORMS | _FIRM_TAILS for w in words[len(low):]):
                return ent  # ("Granite Peak" … Partners)
        if len(low) == 1 and name[:1].isupper() and low[0] not in ORG_NOUNS and low[0] not in self.places:
            # "Gulfstar said" after "Gulfstar Mobile Housing": the one firm whose name it opens
            firms = [e for e in self.entities if e.kind == "organisation" and len(e.canonical.split()) >= 2
                     and e.canonical.split()[0] == name]
            if len(firms) == 1:
                return firms[0]
        return None

    def _expansion(self, acronym: str) -> Entity | None:
        """The one known organisation whose capitalised words' initials spell ``acronym`` ("CBP" for
        Customs and Border Protection, "CDC" inside Chinese Center for Disease Control)."""
        if not (2 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper()):
            return None
        found = [ent for ent in self.entities if ent.kind != "person" and len(ent.canonical.split()) >= len(acronym)
                 and acronym in "".join(w[0] for w in ent.canonical.split() if w[:1].isupper() and w != "The")]
        if len(found) == 1:
            found[0].names.append(acronym)
            return found[0]
        if found:
            return None
        spelled = {m.group(0) for m in _CAPITALISED_RUN.finditer(self.text)
                   if "".join(w[0] for w in m.group(0).split() if w[:1].isupper()) == acronym}
        if len(spelled) == 1:  # a name the parser never saw: "Customs and Border Protection" in a plain sentence
            ent = Entity([spelled.pop(), acronym], kind="organisation")
            self.entities.append(ent)
            self._timeline = None
            return ent
        return None

    def alias(self, acronym: str, full: str, pos: int) -> None:
        """"Customs and Border Protection (CBP)": the acronym names the same body."""
        ent = self.body(full, pos)
        if ent.kind != "person" and acronym not in ent.names:
            ent.names.append(acronym)
            for other in [e for e in self.entities if e is not ent and e.kind != "person" and e.names == [acronym]]:
                ent.positions = sorted(ent.positions + other.positions)  # the acronym met on its own before
                self.entities.remove(other)
                self._timeline = None

    def add_positions(self, text: str, quoted: list[tuple[int, int]]) -> None:
        """Record every occurrence of every known person's surname, and of organisations never placed,
        outside quotes (for recency)."""
        for ent in self.entities:
            if ent.kind == "organisation" and not ent.positions and len(ent.canonical) >= 3:
                at = text.find(ent.canonical)
                while at >= 0 and len(ent.positions) < 50:
                    if not _inside_any(quoted, at):
                        ent.positions.append(at)
                    at = text.find(ent.canonical, at + 1)
        by_word: dict[str, list[Entity]] = {}
        for ent in self.entities:
            if ent.kind == "person" and len(ent.surname) >= 3:
                by_word.setdefault(surname_of(ent.canonical), []).append(ent)
        for ent in self.entities:  # "Mamani" for Fidel Mamani Choque, unless someone else's surname
            second = self._second_surname(ent.canonical) if ent.kind == "person" else None
            if second is not None and second not in by_word:
                by_word[second] = [ent]
        if not by_word:
            self._timeline = None
            return
        # a surname two people share ("Arturo and Tomas Menendez") goes to the one whose full name is written
        # there, else to the one whose full name was written last before it
        full = {id(ent): [m.start() for m in re.finditer(re.escape(ent.canonical), text)]
                for ents in by_word.values() if len(ents) > 1 for ent in ents}
        for match in _CAPITALISED.finditer(text):  # one pass over the text, whatever the number of names
            ents = by_word.get(match.group(0))
            if ents is None or _inside_any(quoted, match.start()):
                continue
            ent = ents[-1]
            if len(ents) > 1:
                at = match.start()
                ent = max(ents, key=lambda e: _last_at_or_before(full[id(e)], at))
            bisect.insort(ent.positions, match.start())
        self._timeline = None

    def _sorted_mentions(self) -> list[tuple[int, int]]:
        """(position, entity index) of every mention, sorted; rebuilt only after a change."""
        if self._timeline is None:
            self._timeline = sorted((p, i) for i, ent in enumerate(self.entities) for p in ent.positions)
        return self._timeline

    def entities_at(self, pos: int) -> list[Entity]:
        """The entities mentioned at ``pos``, in registration order."""
        timeline = self._sorted_mentions()
        k = bisect.bisect_left(timeline, (pos, -1))
        out = []
        while k < len(timeline) and timeline[k][0] == pos:
            out.append(self.entities[timeline[k][1]])
            k += 1
        return out

    def paragraph_subject(self, para: int, gender: str | None, exclude: set[int], known: bool = False) -> Entity | None:
        """The person of ``gender`` a paragraph opens on: named first, or after a short opening phrase
        ("As it turned out, Steenburgen had spent …", "But Adler …"); with ``known``, only one whose gender is known."""
        timeline = self._sorted_mentions()
        k = bisect.bisect_left(timeline, (para, -1))
        while k < len(timeline) and timeline[k][0] < para + 80:
            pos, ent = timeline[k][0], self.entities[timeline[k][1]]
            if ent.kind == "person" and id(ent) not in exclude and (
                    ent.gender == gender or not known and ent.gender is None and len(ent.canonical.split()) >= 2):
                # (a full name of no known gender counts too: "In Karsu, Hatice Demirel, 54, … she said")
                return ent if _OPENING.fullmatch(self.text, para, pos) else None
            k += 1
        return None

    def most_recent(self, pos: int, gender: str | None, exclude: set[int], persons_only: bool = True,
                    window: int = 4000) -> Entity | None:
        """The compatible entity mentioned last before ``pos`` (within ``window`` characters)."""
        timeline = self._sorted_mentions()
        k = bisect.bisect_left(timeline, (pos, -1)) - 1
        unsure: tuple[int, Entity] | None = None
        while k >= 0 and pos - timeline[k][0] <= window:
            ent = self.entities[timeline[k][1]]
            if (not persons_only or ent.kind == "person") and id(ent) not in exclude and compatible(ent, gender):
                if gender not in ("m", "f") or ent.gender == gender:
                    return ent
                if unsure is None:
                    unsure = (timeline[k][0], ent)
                # "she" after "Harper" (no gender known) and "Mary Steenburgen" a little before: the woman
            if unsure is not None and unsure[0] - timeline[k][0] > _GENDER_REACH:
                break
            k -= 1
        return unsure[1] if unsure is not None else None

    def role(self, phrase: str, pos: int) -> Entity | None:
        """The person or body a role noun phrase ("the NATO chief", "the ministry") refers to."""
        words = [w.lower().strip(",.’'") for w in re.split(r"\s+", phrase) if w]
        words = [re.sub(r"[’']s$", "", w) for w in words if w not in _FILLER]
        if not words:
            return None
        head = words[-1]
        if head in ORG_NOUNS and head not in PERSON_ROLES:
            kinds = {head} | _BODY_SYNONYMS.get(head, set())
            named = [e for e in sorted(self.entities, key=lambda e: -max(e.positions or [0]))
                     if e.kind not in ("person", "anonymous") and (any(w.lower() in kinds and (w.lower() == head or w[:1].isupper())
                                                    for w in e.canonical.split())  # (never "the Trump administration")
                                                or head in e.titles or head in e.canonical.lower())]
            # a body named with the noun itself before one named with a synonym ("their union": the National
            # Union of Port Workers, not the Retail Federation)
            named = [e for e in named if head in e.canonical.lower() or head in e.titles] or named
            demonyms = [w for w in re.split(r"\s+", phrase) if _DEMONYM.fullmatch(w)]
            named = [e for e in named if all(d.lower() in " ".join(e.names).lower() for d in demonyms)]
            # ("the Jordanian government" is not the Syrian one named before)
            # one named so before (or right after: "The company that runs X, Y, said"), else the firm last
            # the subject, else one named later (a headline's "health agency says")
            # (the one named last before it first: a ministry named in the next paragraph is another one)
            if not named and head in _OUTLET_NOUNS:  # "the newspaper" after "The Lowmere Courier reported …"
                named = [e for e in sorted(self.entities, key=lambda e: -max(e.positions or [0]))
                         if e.kind != "person" and any(w.lower() in _OUTLET_NAME_WORDS for w in e.canonical.split())
                         and any(pos - ROLE_WINDOW * 3 < p < pos for p in e.positions)]
                medium = _BROADCAST_NAME_WORDS if head in _BROADCAST_NOUNS else _PRINT_NAME_WORDS \
                    if head in _PRINT_NOUNS else None  # ("the network": Bayline TV, not the Starwatch Weekly)
                named = [e for e in named if any(w.lower() in medium for w in e.canonical.split())] or named \
                    if medium else named
                if head in _BROADCAST_NOUNS and not any(w.lower() in medium for e in named for w in e.canonical.split()):
                    unparsed = self._unparsed_body({"tv", "radio", "broadcasting"}, pos)  # "Bayline TV", never tagged
                    named = [unparsed] if unparsed is not None else named
            if not named and head not in COMPANY_NOUNS:  # "operated by the Euro-Pacific Space Agency", never parsed
                unparsed = self._unparsed_body(kinds, pos)
                named = [unparsed] if unparsed is not None else []
            earlier = [(max(p for p in e.positions if p < pos), e) for e in named if any(p < pos for p in e.positions)]
            before = max(earlier, key=lambda item: item[0])[1] if earlier else next(
                (e for e in named if any(p < pos + 150 for p in e.positions)), None)
            return before or (self.company(pos) or self._lede_firm(pos) if head in COMPANY_NOUNS else None) \
                or (named[0] if named else None)
        if (head not in PERSON_NOUNS or head in _KIN_NOUNS) and not any(w in PERSON_ROLES for w in words) \
                and head not in _ROLE_SYNONYMS:
            # "the directorate" after "the National Health Directorate": a body whose name ends in the noun
            if not head.isalpha() or len(head) <= 3:
                return None
            ending = [e for e in sorted(self.entities, key=lambda e: -max(e.positions or [0]))
                      if e.kind == "organisation" and e.canonical.lower().split()[-1:] == [head]]
            headline = self.text.find("\n", 0, pos) < 0  # (a headline's "…, weather service says": the one the lede names)
            return next((e for e in ending if any(p < pos for p in e.positions)), None) or (
                min(ending, key=lambda e: min(e.positions or [len(self.text)])) if headline and ending else None)
        wanted = set(words) | _ROLE_SYNONYMS.get(head, set())
        scored: list[tuple[float, Entity]] = []
        for ent in self.entities:
            if ent.kind != "person":
                continue
            title_words = {re.sub(r"[’']s$", "", w.lower().strip(",.")) for t in ent.titles for w in re.split(r"\s+", t)}
            title_words |= {p for w in title_words for p in w.split("-")}
            score = len(wanted & title_words) + (0.5 if set(words) & title_words else 0.0)
            if score <= 0:
                continue
            score += 0.1 * min(len(ent.positions), 3) + (0.2 if any(p < pos for p in ent.positions) else 0.0)
            if any(w[:1].isupper() and w.lower() in wanted for t in ent.titles for w in t.split()):
                score += 0.5  # a title written as one ("Judge Miriam Castellanos"), not "told the judge Lanning …"
            if re.search(r"\bformer\b", phrase, re.IGNORECASE) and any("former" in t.lower() for t in ent.titles):
                score += 0.6  # "the former chief whip": the one who was, not the one who is
            scored.append((score, ent))
        if not scored:
            return None
        # of the ones that fit (nearly) as well, the one mentioned last: "Cole, reached by phone, said …. “…,”
        # the former CFO said", though another firm's CFO was named too
        top = max(score for score, _ in scored)
        close = [(max((p for p in ent.positions if p < pos), default=-1), score, ent) for score, ent in scored
                 if score >= top - 0.25]
        return max(close, key=lambda item: (item[0], item[1]))[2] if any(c[0] >= 0 for c in close) \
            else max(scored, key=lambda item: item[0])[1]

    def _unparsed_body(self, kinds: set[str], pos: int) -> Entity | None:
        """A body whose name ends in one of ``kinds`` ("agency") written in the text before ``pos`` (within
        ``ROLE_WINDOW``) though no parsed sentence named it: the last one, registered now."""
        lo = max(0, pos - ROLE_WINDOW)
        found = [m for m in _NAMED_BODY.finditer(self.text, lo, pos) if m.group(1).lower() in kinds]
        if not found:
            return None
        words = found[-1].group(0).split()
        while words and words[0].lower() in _STOP_CAPS:
            words = words[1:]
        if len(words) < 2 or self.lookup_person(" ".join(words)) is not None:
            return None
        return self.body(" ".join(words), found[-1].end() - len(" ".join(words)))

    def _lede_firm(self, pos: int) -> Entity | None:
        """"Corvane, the Seattle-based maker of …, is laying off …, the company said" with Corvane never tagged: the
        name its sentence opens on, when the text calls it a business (``body_names``)."""
        sent_lo = max(self.text.rfind(". ", 0, pos) + 2, self.text.rfind("\n", 0, pos) + 1, 0)
        opening = _OPENING_NAME.match(self.text, sent_lo)
        if opening is None or opening.group(1).split()[0].lower() in _STOP_CAPS \
                or opening.group(1) not in body_names(self.text[sent_lo: pos + 40]):
            return None  # (never "In" of "In a statement to …, the company said")
        return self.body(opening.group(1), opening.start(1))

    def company(self, pos: int, public: bool = False) -> Entity | None:
        """The business "the company" / "the firm" refers to: among named organisations mentioned in the
        last ``ROLE_WINDOW`` characters that are not public bodies (unless ``public``), the latest sentence
        subject, else the latest mention."""
        best: tuple[int, int, Entity] | None = None
        for ent in self.entities:
            words = ent.canonical.lower().split()
            if ent.kind != "organisation" or not public and any(w in PUBLIC_BODY_WORDS for w in words) \
                    or words[-1] in _OCCASIONS:  # "the American Music Awards" is no company
                continue
            seen = [p for p in ent.positions if p < pos and pos - p <= ROLE_WINDOW]
            if not seen:
                continue
            subject = max((p for p in seen if p in self.org_subjects), default=-1)
            key = (subject, max(seen))
            if words[-1] in _PRINT_NAME_WORDS and words[-1] not in CORPORATE_SUFFIXES:
                if all(_TOLD_OR_CITED.search(self.text, max(0, p - 16), p) for p in seen):
                    continue  # "In a statement to Starwatch Weekly, the company said": the paper told, no firm
                key = (-2, key[1])  # a paper only if no firm
            if best is None or key > best[:2]:
                best = (key[0], key[1], ent)
        if best is None:  # "…, the airline said. Nordair flight NA 402 …": a lede names the firm just after
            later = [(min(p for p in ent.positions if p > pos), ent) for ent in self.entities
                     if ent.kind == "organisation" and _has_name(ent.canonical)
                     and not any(w in PUBLIC_BODY_WORDS for w in ent.canonical.lower().split())
                     and any(pos < p <= pos + _LEDE_REACH for p in ent.positions)]
            return min(later, key=lambda item: item[0])[1] if later else None
        return best[2] if best is not None else None

    def issuer_before(self, noun: str, pos: int, window: int | None = None) -> Entity | None:
        """The organisation that issued the ``noun`` ("statement", "report") last mentioned before ``pos``:
        the one named closest before that mention in its sentence ("Big Machine Records issued a statement",
        "an internal Rivers Agency progress report"), else the first named after it there, if not the journal
        it appeared in ("a study by researchers at the University of Calder published in the Journal of …")."""
        lo = max(0, pos - (ROLE_WINDOW if window is None else window))
        hits = [m.start() for m in re.finditer(r"\b" + re.escape(noun) + r"\b", self.text[lo:pos], re.IGNORECASE)]
        personal = noun.lower() in _PERSONAL_WRITINGS  # "In a letter to parents, Hollis wrote …. The letter said"
        orgs = [ent for ent in self.entities if ent.kind == "organisation" or personal and ent.kind == "person"]
        for hit in reversed(hits):
            at = lo + hit
            sent_lo = max(self.text.rfind(". ", 0, at), self.text.rfind("\n", 0, at)) + 1
            found = [(max(p for p in ent.positions if sent_lo <= p < at), ent) for ent in orgs
                     if any(sent_lo <= p < at for p in ent.positions)]
            owner = [(p, ent) for p, ent in found if any(self.text.startswith(n + "’s", p) or self.text.startswith(
                n + "'s", p) for n in ent.names)]  # "Sentrova's IPO filing": the owner, not a word of the title
            if found:
                return max(owner or found, key=lambda item: item[0])[1]
            opener = [(p, ent) for ent in self.entities if ent.kind == "person" for p in ent.positions
                      if sent_lo <= p < at and p - sent_lo <= 40 and (
                          noun.lower() == "statement" or _PUT_OUT.search(self.text, p, at))]
            # ("Hartsell released a 123-page report …. The report also said": the one who put it out)
            if opener:  # "Mayor Sheila Townsend … called it painful in a statement": the person the sentence opens on
                return min(opener, key=lambda item: item[0])[1]
            stop = _SENTENCE_END.search(self.text, at)
            hi = min(stop.start() if stop else pos, pos)
            spoke = [(p, ent) for p, ent in self.speaker_subjects if sent_lo <= p < hi]
            if spoke and (noun.lower() == "statement" or personal):
                # "In a statement, he said …. “…,” the statement said": his; "In a letter to the committee, she wrote"
                return min(spoke, key=lambda item: item[0])[1]
            after = [(min(p for p in ent.positions if at < p < hi), ent) for ent in orgs
                     if any(at < p < hi and not _IN_JOURNAL.search(self.text, max(0, p - 25), p)
                            and not (personal and _ADDRESSED_TO.search(self.text, max(0, p - 25), p)) for p in ent.positions)]
            if after:
                return min(after, key=lambda item: item[0])[1]
        return None

    def harvest_titles(self, text: str) -> None:
        """Titles in apposition to a full name: "the bloc's former secretary-general, Jens Stoltenberg," and
        "Jens Stoltenberg, the bloc's former secretary-general," (the parser often misses them); then
        each person's gender where the name, a title or an honorific tells it."""
        for ent in self.entities:
            if ent.kind != "person" or len(ent.canonical.split()) < 2:
                continue
            name = ent.canonical
            for match in re.finditer(re.escape(name), text):
                before = _TITLE_BEFORE.search(text, max(0, match.start() - 80), match.start())
                after = _TITLE_AFTER.match(text, match.end()) or _TITLE_WHO.match(text, match.end())
                for found in (before, after):
                    title = found.group(1).strip() if found else ""
                    head = re.split(r"\s+(?:of|at|for)\s+", title)[0].split()[-1] if title else ""
                    if title and _role_word(head) and title not in ent.titles:  # ("… officer of Ledgerly")
                        ent.titles.append(title)
        for match in _ORG_APPOSITION.finditer(text):  # "The group, WeWorkers Coalition, said": "the group" later
            ent = self.body(match.group(2).strip(), match.start(2))
            if ent.kind != "person" and match.group(1) not in ent.titles:
                ent.titles.append(match.group(1))
        bodies, places = body_names(text), place_words(text)
        self._firms_by_their_officers(text, places)
        for ent in self.entities:  # "Lumio, the maker of …", "app maker Lumio", "Lumio said it": a firm the tagger
            if ent.kind == "person" and ent.canonical in bodies and gender_of(ent.canonical) is None:
                ent.kind = "organisation"  # called a person
            elif ent.kind == "person" and len(ent.names) == 1 and ent.canonical in places \
                    and gender_of(ent.canonical) is None:
                ent.kind = "place"  # "flown to Skarn hospital", "the Skarn Red Cross": never a "he"
        index = MentionIndex(text)  # one pass: each person's mentions are then looked up, not scanned for
        for ent in self.entities:  # gender from the name, a title, "Mr./Ms. Surname" or "Brun said she", for pronouns
            if ent.kind == "person" and ent.gender is None:
                surname = surname_of(ent.canonical)
                # (the given name first: "Loretta Brandt" stays a woman though a "Mr. Brandt" and a stray title
                # attached to her make the rest of the evidence disagree)
                ent.gender = gender_of(ent.canonical) or gender_of(ent.canonical, ent.titles) \
                    or honorific_gender(text, surname, index) \
                    or (appositive_gender(text, ent.canonical, index) if len(ent.canonical.split()) > 1 else None) \
                    or pronoun_gender(text, surname, index)

    def _firms_by_their_officers(self, text: str, places: frozenset[str]) -> None:
        """A firm the tagger missed or called a person, known by its founder, parent company, CEO or shareholders
        ("WeWork founder Adam Neumann", "WeWork’s parent company"): a body in every sentence that names it, and
        the firm of a sentence it opens ("WeWork is headquartered in …"); every firm's short name lengthened first."""
        firms = {m.group(1) for m in _FIRM_OF.finditer(text)}
        for ent in self.entities:  # "Wevo founder Adam Pell": a one-word "person" the text gives a founder is a firm
            if ent.kind == "person" and ent.canonical in firms and len(ent.names) == 1 and gender_of(ent.canonical) is None:
                ent.kind = "organisation"
        known = {w for e in self.entities for n in e.names for w in n.lower().split()}
        for name in sorted(f for f in firms if f.lower() not in known and f.lower() not in _STOP_CAPS | OPENERS
                           and f not in places and f not in self.places
                           and f.lower() not in TITLE_WORDS and gender_of(f) is None and self.lookup_person(f) is None
                           and re.search(r"[\w,;][ \t]+" + re.escape(f) + r"\b", text)):  # (capitalised mid-sentence)
            # "WeWork’s parent company", "WeWork founder Adam Neumann": a firm the tagger never tagged is a body
            # in every sentence that names it
            for match in re.finditer(r"(?<![\w’'-])" + re.escape(name) + r"(?![\w-])", text):
                self.body(name, match.start())
        self._full_firm_names(text)
        for ent in self.entities:
            if ent.kind == "organisation" and ent.canonical in firms:  # ("WeWork is headquartered in …": its firm)
                self.org_subjects.update(m.start() for m in re.finditer(
                    r"(?:^|(?<=\n)|(?<=[.!?] ))" + re.escape(ent.canonical) + r"(?![\w’'-])", text))

    def _full_firm_names(self, text: str) -> None:
        """"Corvane said" and once "Corvane Detention Services": the firm by its full name."""
        for ent in self.entities:
            if ent.kind == "organisation" and len(ent.names) == 1 and re.fullmatch(r"[A-Z][\w&-]+", ent.canonical):
                full = {m.group(0) for m in re.finditer(re.escape(ent.canonical) + r"(?:[ \t]+[A-Z][\w&-]+){1,3}", text)
                        if m.group(0).split()[-1].lower() in (ORGLIKE_WORDS - ORG_NOUNS) | CORPORATE_SUFFIXES
                        and m.group(0).split()[1] != ent.canonical}  # (never "Corvane Workers Coalition", a union)
                if len(full) == 1:
                    ent.names.insert(0, full.pop())

    def most_prominent(self) -> Entity | None:
        persons = [e for e in self.entities if e.kind == "person" and e.titles]
        return max(persons, key=lambda e: len(e.positions), default=None)


_TITLE_WORDS = r"(?:[\w’'-]+\s+){0,4}[\w’'-]+"
_TITLE_BEFORE = re.compile(r"\b[Tt]he\s+(" + _TITLE_WORDS + r"),\s*$")
_TITLE_WHO = re.compile(r",\s+who\s+(?:was|is|has\s+been|had\s+been|serves\s+as|served\s+as)\s+(?:the\s+|a\s+|an\s+)?("
                        + _TITLE_WORDS + r")\s+(?:from|since|until|between|for)\b")  # "…, who was mayor of X from 1996"
_TITLE_AFTER = re.compile(r",\s+(?:the\s+|a\s+)?(" + _TITLE_WORDS + r")\s*[,.;]")


# capitalised at the start of a sentence, not part of a title: "Earlier Ukrainian President X said"
OPENERS = frozenset("earlier later meanwhile yesterday today tonight also but and then now still however "
                     "separately instead there here when while after before".split())


_BODY_NOUN = "(?:" + "|".join(sorted(COMPANY_NOUNS | {"agency", "authority", "regulator", "watchdog", "charity", "service",
                                                        "platform", "app", "network", "broadcaster", "website"})) + ")"


_RUN = r"[A-Z][\w&’'.-]*(?:\s+[A-Z][\w&’'.-]*){0,4}"
# (pattern, which end of the name run touches the context): "Lumio, the maker of …" (end), "app maker Lumio"
# (start), "Lumio said it would appeal" (end), "Shares in Skarvik Energi fell" (start), "Nordbank shares fell" (end)
# a firm by its officers or owners: "WeWork founder Adam Neumann", "WeWork’s parent company"
_FIRM_OF = re.compile(r"(?<![\w’'])([A-Z][a-z]+[A-Z][\w&-]*|[A-Z][\w&-]+)(?:[’']s)?\s+(?:parent\s+company|co-?founder|founder|"
                      r"CEO|chief\s+executive|shareholders)\b")
_BODY_CONTEXTS = (
    (re.compile(r"(" + _RUN + r"),\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?" + _BODY_NOUN
                + r"(?=\s+(?:of|that|which|based|in|for|behind)\b|[,.;])"), "end"),
    (re.compile(r"\b[\w-]+\s+" + _BODY_NOUN + r"\s+(" + _RUN + r")"), "start"),
    (re.compile(r"(" + _RUN + r")\s+(?:said|says|added|announced|confirmed)\s+(?:that\s+)?(?:it|its)\b"), "end"),
    (re.compile(r"\b[Ss]hares\s+(?:in|of)\s+(" + _RUN + r")"), "start"),
    (re.compile(r"(" + _RUN + r")(?:[’']s)?\s+shares\b"), "end"),
)
# "Ostrand will cut 1,200 jobs …, the company said": the sentence's subject (in its first words) is the company
_LEDE_BODY = re.compile(r"(?:^|[.!?]\s+)((?:[\w-]+\s+){0,3}" + _RUN + r")\b[^.!?\n]{0,250},\s+the\s+" + _BODY_NOUN
                        + r"\s+(?:said|says)\b", re.MULTILINE)


_OUTLET_NOUNS = frozenset("newspaper paper daily tabloid broadsheet weekly magazine outlet website broadcaster "
                          "network channel station publication".split())
_TOLD_OR_CITED = re.compile(r"\b(?:to|told|tells|by|in|with|according\s+to)\s+(?:the\s+)?$", re.IGNORECASE)
_BROADCAST_NOUNS = frozenset("network channel broadcaster station".split())
_PRINT_NOUNS = frozenset("newspaper paper daily tabloid broadsheet weekly magazine publication".split())
_BROADCAST_NAME_WORDS = frozenset("tv radio network networks channel broadcasting broadcaster one news".split())
_PRINT_NAME_WORDS = frozenset("times post journal daily weekly telegraph guardian herald tribune gazette courier chronicle "
                              "mail express observer independent register inquirer examiner standard globe bulletin "
                              "dispatch sentinel gazeta monitor reporter review magazine ledger clarion".split())
# the last word of an outlet's name ("The Lowmere Courier", "Harbour Times", "Channel 4 News")
_OUTLET_NAME_WORDS = frozenset("news times post journal daily weekly telegraph guardian herald tribune gazette courier "
                               "chronicle mail express sun star mirror observer independent record register inquirer "
                               "examiner standard globe bulletin dispatch sentinel gazeta monitor reporter review "
                               "tv radio network networks channel broadcasting broadcaster one magazine press".split())


def body_names(text: str) -> frozenset[str]:
    """Every name the text calls a business or body ("Lumio, the maker of …", "app maker Lumio", "Lumio said it
    would appeal", "Shares in Skarvik Energi", "Ostrand will cut jobs, the company said"), each word run
    that can be the name (one pass per pattern: linear in the text)."""
    found: set[str] = set()
    for pattern, end in _BODY_CONTEXTS:
        for match in pattern.finditer(text):
            words = match.group(1).split()
            found.update(" ".join(words[k:]) if end == "end" else " ".join(words[: k + 1]) for k in range(len(words)))
    for match in _LEDE_BODY.finditer(text):
        words = match.group(1).split()
        found.update(" ".join(words[a:b]) for a in range(len(words)) for b in range(a + 1, len(words) + 1)
                     if all(w[:1].isupper() for w in words[a:b]))
    return frozenset(found)


_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|near|outside|across|around)\s+$")
_PLACE_AFTER = re.compile(r"\s+(?:[A-Z][\w’'-]*|hospital|council|police|airport|station|harbour|harbor|port|school|"
                          r"university|city|town|county|region|area|district|office)\b")
_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w’'-]*\b(?![’'])")


def place_words(text: str) -> frozenset[str]:
    """One-word names every mention of which is a place's: after "in"/"to"/"from", or before another name or a
    place's noun ("flown to Skarn hospital", "the Skarn Red Cross"); one pass over the text."""
    seen: dict[str, bool] = {}
    for m in _CAPITALISED_WORD.finditer(text):
        place = bool(_PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start()) or _PLACE_AFTER.match(text, m.end()))
        seen[m.group(0)] = seen.get(m.group(0), True) and place
    return frozenset(word for word, place in seen.items() if place)


def clean_title(title: str | None) -> str | None:
    """A title without a capitalised sentence opener in front ("Earlier Ukrainian President")."""
    words = (title or "").split()
    while words and words[0].lower().strip(",") in OPENERS:
        words = words[1:]
    return " ".join(words) or None


def _role_word(word: str) -> bool:
    low = word.lower().strip(",.")
    return low in PERSON_ROLES or any(part in PERSON_ROLES for part in low.split("-"))


def compatible(ent: Entity, gender: str | None) -> bool:
    """Whether a pronoun of ``gender`` ("m", "f", "n", "p" or None) can stand for ``ent``."""
    if gender in (None, "n", "p"):
        return True
    return (ent.kind == "person" or ent.unnamed_person) and ent.gender in (None, gender)


def _looks_female(ent: Entity) -> bool:
    """A first name ending in -a (Sara, Petra, Anna): in most European languages a woman's name."""
    words = ent.canonical.split()
    return ent.kind == "person" and len(words) >= 2 and len(words[0]) > 2 and words[0].endswith("a")


def _person_like(ent: Entity, gender: str | None, unknown: bool = False) -> bool:
    """An "organisation" whose name is a personal name: two or three capitalised words, none of them an
    organisation noun, the first a given name of ``gender`` (or, with ``unknown``, of no known gender);
    "Big Machine" is not one."""
    words = ent.canonical.split()
    return ent.kind == "organisation" and 2 <= len(words) <= 3 \
        and gender_of(ent.canonical) in ((gender, None) if unknown else (gender,)) \
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words) \
        and not any(w.lower() in ORGLIKE_WORDS or w.lower() in PUBLIC_BODY_WORDS for w in words)


def _inside_any(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


_ROLE_AS_NAME = re.compile(r"[A-Z][A-Za-z]+")
_PARTY_MEMBER = re.compile(r"(?:[Tt]he\s+(?:[A-Z][\w.-]*\s+){0,2}|(?:[A-Z][\w.-]*\s+){1,2})(Republican|Democrat|Independent)")
_UNNAMED_BY_CHOICE = re.compile(r",?\s+who\s+(?:asked|requested|declined|did\s+not\s+(?:want|wish)|spoke\s+on\s+(?:the\s+)?"
                                r"condition|was\s+not\s+authori[sz]ed|is\s+not\s+authori[sz]ed|would\s+not\s+give)\b"
                                r"(?:[^.,;]{0,40}?\b(?:named|name|anonymity|identified|publicly|speak))")


def _entity_for_phrase(reg: SpeakerRegistry, phrase: "SpeakerPhrase") -> Entity | None:
    """The entity a non-pronoun speaker phrase names: a person, a body, or a role resolved."""
    everyman = _headline_everyman(reg, phrase)
    if everyman is not None:
        return everyman
    office = re.fullmatch(r"(?:[Tt]he\s+)?([A-Z][a-z-]+\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})", phrase.text.strip())
    if office is not None and office.group(1).split()[0].lower() in TITLE_WORDS:
        wanted = office.group(1).lower()  # "Bishop of Fenmoor warns …": the Rt Rev Nicholas Greer, the Bishop of Fenmoor
        holder = next((e for e in reg.entities if e.kind == "person"
                       and any(re.sub(r"^the\s+", "", t.lower()) == wanted for t in e.titles)), None)
        if holder is not None:
            return holder
    national = _NATIONAL_BODY.fullmatch(phrase.text.strip())
    if national is not None and national.group(1).lower() in reg.places and national.group(3) in ORG_NOUNS:
        body = reg.role("the " + national.group(2), phrase.start)
        if body is not None and body.kind == "organisation":  # "Britain’s competition regulator": the one it names
            return body
    if _NAMED_PAIR.fullmatch(phrase.text.strip()):  # "Both men claimed …" after "Kevin King and Timothy Weeks": King,
        pairs = [m for m in _PERSON_PAIR.finditer(reg.text, max(0, phrase.start - ROLE_WINDOW), phrase.start)
                 if reg.lookup_person(m.group(1)) is not None and reg.lookup_person(m.group(2)) is not None]
        if pairs:  # the first named, as with "King and Weeks said"
            return reg.lookup_person(pairs[-1].group(1))
    if phrase.form == "role" and ", " in phrase.text:
        first, rest = phrase.text.split(", ", 1)  # "A spokeswoman for the Varn Teachers Union, the largest union,"
        named = _APPOSED_NAME.fullmatch(rest)
        if named is not None and gender_of(named.group(1)) is not None or named is not None and \
                len(named.group(1).split()) >= 2 and first.split()[0].lower() in ("a", "an", "one"):
            # "A spokesman for the Kadorian Seismological Institute, Baran Ozdil,": the spokesman named
            return reg.lookup_person(named.group(1)) or reg.person(named.group(1), phrase.start + phrase.text.find(rest))
        if _FOR_NAMED.search(first) and not _NAME_LIST_TAIL.match(rest):  # (but "the Department for Environment,
            phrase = dataclasses.replace(phrase, text=first, end=phrase.start + len(first))  # Food and Rural Affairs")
    if phrase.form == "role" and _UNNAMED_BY_CHOICE.match(reg.text, phrase.end) and "spokes" not in phrase.text.lower():
        # "The shop's owner, who asked not to be named, said": no one the text names (a spokesperson still
        # speaks for the body named before)
        return reg.body(phrase.text, phrase.start, kind="anonymous")
    party = _PARTY_MEMBER.fullmatch(phrase.text.strip())
    if party is not None:  # "the Georgia Republican": the member of that party (tagged "(R-Ga.)") named last
        members = [(max(p for p in e.positions if p < phrase.start), e) for e in reg.entities
                   if e.kind == "person" and party.group(1) in e.titles and any(p < phrase.start for p in e.positions)]
        if members:
            return max(members, key=lambda item: item[0])[1]
        described = _described_person(reg, phrase, True) \
            if phrase.text[:4].lower() == "the " or (phrase.title or "").lower() == "the" else None
        if described is not None:  # none titled so: the person the text was just about, never "Texas Republican"
            return described
    word = phrase.text.strip()
    if word.isalpha() and word.islower() and word in ORG_NOUNS and phrase.form == "body":
        found = reg.role("the " + word, phrase.start)  # a headline's bare "union says …": the union named later
        if found is not None and found.kind == "organisation" and found.canonical != word:
            return found
    if _ROLE_AS_NAME.fullmatch(word) and (word.lower() in PERSON_ROLES or word.lower() in _ROLE_SYNONYMS
                                          or word.lower() in ORG_NOUNS) and reg.lookup_person(word) is None:
        found = reg.role("the " + word.lower(), phrase.start)
        if found is not None:  # a headline's "Chief says …", "CEO says …": the one the article gives that role
            return found
    common_for = _FOR_COMMON.match(phrase.text)
    if common_for is not None:  # "a spokeswoman for the hospital": the hospital named before
        body = reg.role("the " + common_for.group(2), phrase.start)
        if body is not None and (body.kind != "person" or not common_for.group(1).startswith("spokes")):
            return body  # ("a representative for the actor": the actor)
    voice_for = _VOICE_FOR_NAMED.match(phrase.text)
    if voice_for is not None:  # "A rep for Soto told Spotlight Weekly": Soto, as "Soto's rep" would be
        named = reg.lookup_person(voice_for.group(2))
        if named is not None:
            return named
    if _UNNAMED_GROUP.search(phrase.text):  # "44 percent of voters", "people familiar with the talks"
        return reg.body(phrase.text, phrase.start, kind="anonymous")
    core_words = _before_post_modifier(phrase.text.split(",")[0].split())
    if phrase.form == "role" and 0 < len(core_words) <= 4 and core_words[-1].lower() in ("family", "relatives"):
        # "The family of Patricia Nolan alleges": no one named
        return reg.body(phrase.text, phrase.start, kind="anonymous")
    if phrase.form == "role" and phrase.text.lower().split()[-1] in LEGAL_SIDES:
        return reg.body(phrase.text, phrase.start, kind="anonymous")  # "the defence argued": never the Ministry of Defence
    if phrase.form == "role" and _SOURCE_HEAD.search(phrase.text):
        # "the source said", "a reporter's source inside the camp": a source is anonymous by definition
        return reg.body(phrase.text, phrase.start, kind="anonymous")
    staff = _named_staff(reg, phrase)
    if staff is not None:  # "a WeWork spokesperson" speaks for WeWork; "Beijing officials" for no one
        return staff
    own = _BODYS_STAFF.match(phrase.text)
    if own is not None and own.group(1).lower() in ORG_NOUNS:  # "the court’s judges said": the court named before
        body = reg.role("the " + own.group(1).lower(), phrase.start)
        if body is not None and body.kind == "organisation":
            return body
    relative = named_relative(reg, phrase.text, phrase.start) or headline_relative(reg, phrase.text, phrase.start)
    if relative is not None:  # "Freeman's mother said": the one introduced as "Isaiah Freeman's mother, Gloria Freeman,"
        return relative
    kin = _PRONOUN_KIN.match(phrase.text)
    if kin is not None:  # "her brother said": the one introduced as "Her brother, Piotr Nowak,"
        named = [m.group(1) for m in re.finditer(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z-]+\s+)?" + kin.group(1)
                                                 + r",?\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})", reg.text[:phrase.start])]
        person = (reg.lookup_person(named[-1]) or reg.person(named[-1])) if named else None
        return person if person is not None and person.kind == "person" else reg.body(
            phrase.text, phrase.start, kind="anonymous")
    voice = _PRONOUN_VOICE.match(phrase.text)
    if voice is not None:  # "His office said": the man the text is about
        return reg.most_recent(phrase.start, "m" if voice.group(1).lower() == "his" else "f", set(), window=ROLE_WINDOW)
    office = _OFFICE_ASKED.search(reg.text, max(0, phrase.start - 300), phrase.start) \
        if _BARE_SPOKESPERSON.match(phrase.text) else None
    if office is not None and reg.lookup_person(office.group(1)) is not None:
        # "Claimwatch asked Ms Emsworth’s office whether …. A spokesperson said": the one whose office it is
        return reg.lookup_person(office.group(1))
    if _BARE_SPOKESPERSON.match(phrase.text):  # "A spokesperson who did not wish to be named": the body just named
        # (the one last a sentence's subject first: "CBP, part of Homeland Security, refused. A spokesperson …")
        if " company " in f" {phrase.text.lower()} ":  # "A company spokesperson": a firm, never the regulator
            return reg.company(phrase.start) or reg.body(phrase.text, phrase.start, kind="anonymous")
        body = reg.company(phrase.start, public=True) or reg.most_recent(
            phrase.start, None, {id(e) for e in reg.entities if e.kind == "person"}, persons_only=False,
            window=ROLE_WINDOW)
        if body is not None and body.kind == "organisation":
            return body
    if " of " in phrase.text and phrase.text[:1].isupper():  # "Wee of the Times": the person, not her paper
        head = phrase.text.split(" of ")[0]
        known = reg.lookup_person(head)
        if known is not None and not any(w.lower() in TITLE_WORDS or w.lower() in ORGLIKE_WORDS
                                         or w.lower() == "staff" for w in head.split()):
            return known
    if phrase.form == "name":
        titled = re.sub(r"^(?:the|a|an)\s+", "", f"{phrase.title or ''} {phrase.text}".strip(), flags=re.IGNORECASE)
        body = reg.short_form(titled) if phrase.title else None
        if body is not None:  # "the General Staff said" after "the General Staff of Calderia"
            return body
        if phrase.person:
            return reg.person(phrase.text, None, phrase.title)
        group = _staff_or_public(phrase.text.split())
        if group is not None and group[0]:  # "EU diplomats": the body speaks
            return reg.body(group[0], phrase.start + phrase.text.find(group[0]), kind="body")
        return reg.lookup_person(phrase.text) or reg.body(phrase.text, phrase.start)
    words = phrase.text.split()
    if phrase.common_start and words:
        words[0] = words[0].lower()  # "Aid agencies", "Health officials in Varn": no name in them
    voice = _PERSONS_VOICE.match(phrase.text)
    if voice is not None:  # "Varga's office said": the person it speaks for
        said = voice.group(1).split()
        while len(said) > 1 and said[0].lower() in _STOP_CAPS:
            said = said[1:]  # ("On Wednesday Veness's office said": the day is no part of his name)
        owner = " ".join(split_title(said)[1]) or " ".join(said)  # ("Prime Minister X's office")
        known = reg.lookup_person(owner)
        if known is not None or len(owner.split()) >= 2 and not any(w.lower() in ORG_NOUNS for w in owner.split()):
            return known or reg.person(owner, phrase.start)
    press = _BODYS_PRESS_OFFICE.match(phrase.text)
    if press is not None and (any(w.lower() in ORGLIKE_WORDS for w in press.group(1).split())
                              or any(e.kind == "organisation" and press.group(1) in e.names for e in reg.entities)):
        return reg.body(press.group(1), phrase.start + press.start(1))  # "the University of X’s press office": X
    camp = _NAMED_CAMPAIGN.match(phrase.text)
    candidate = reg.lookup_person(camp.group(1)) if camp is not None else None
    if candidate is not None:
        return candidate  # "The Amsel campaign said": Amsel
    role_voice = _ROLES_VOICE.match(phrase.text)
    agency = next((e for e in reg.entities if e.kind == "organisation" and re.search(
        r"\b" + re.escape(role_voice.group(1)) + r"[’']s\s+[Oo]ffice$", e.canonical, re.IGNORECASE)), None) \
        if role_voice is not None and phrase.text.lower().endswith("office") else None
    if agency is not None:  # "the sheriff's office said" after "the Hollis County Sheriff's Office": the agency
        return agency
    if role_voice is not None:  # "The governor's office said": the governor introduced earlier
        holder = reg.role("the " + role_voice.group(1), phrase.start)
        if holder is not None and holder.kind == "person":
            return holder
    lab = _PERSONS_UNIT.search(phrase.text)
    if lab is not None:  # "the laboratory of Stephen Liggett, who was then at …": the scientist speaks
        return reg.lookup_person(lab.group(1)) or reg.person(lab.group(1), phrase.start + lab.start(1))
    owned = _OWNED_BODY.match(phrase.text)
    if owned is not None and owned.group(2).lower() in ORG_NOUNS and owned.group(2).lower() not in _DOCUMENTS \
            and reg.lookup_person(owned.group(1)) is None:
        # "Russia's foreign ministry", "The European Union's top court": the body as the text names it
        return reg.body(re.sub(r"^[Tt]he\s+", "", phrase.text), phrase.start)
    aged = _AGED.search(phrase.text) if phrase.text.split()[0].lower() == "the" else None
    if aged is not None:  # "said the 81-year-old": the person the text gave that age ("Den Pruitt, 81,")
        person = _person_of_age(reg, aged.group(1), phrase.start)
        if person is not None:
            return person
        if words[-1].lower() in COMPANY_NOUNS:  # "The 47-year-old developer": a person, never the company
            phrase = dataclasses.replace(phrase, descriptor=True)
    if phrase.descriptor:  # "the Italian said": the person the text was just about
        last = words[-1]
        if last[:1].isupper() and len(last) > 2:  # "the 14th-ranked Schwartzman": a surname, not a demonym
            named = reg.lookup_person(last)
            if named is None:  # known only from "Diego Schwartzman" in a sentence never parsed
                full = re.findall(r"\b([A-Z][a-z]+\s+" + re.escape(last) + r")\b", reg.text[:phrase.start])
                if full and is_given_name(full[-1].split()[0]):
                    named = reg.person(full[-1], None)
            if named is not None:
                return named
        recent = _described_person(reg, phrase, True)
        subject = max(((p, n) for p, n in reg.subject_names if p < phrase.start), default=None)
        if subject is not None and phrase.start - subject[0] <= ROLE_WINDOW and (
                recent is None or max(p for p in recent.positions if p < phrase.start) < subject[0]):
            return reg.person(subject[1], subject[0])  # the subject of the sentence before
        return recent or reg.body(phrase.text, phrase.start, kind="anonymous")
    document = _issuer(words)
    if document is not None:  # "the Agency's statement", "leaked Pentagon documents", "the report"
        issuer, _ = document
        owner = _OWNER_BEFORE.search(reg.text, max(0, phrase.start - 60), phrase.start)
        if not issuer and owner is not None:  # "Cooke’s earlier testimony", the owner parsed apart from it
            issuer = owner.group(1)
        if issuer.startswith("the "):  # a body named by its common noun ("by the council's finance officers")
            owner = re.match(r"the\s+([a-z]+)[’']s\s", issuer)
            body = reg.role("the " + owner.group(1) if owner else issuer, phrase.start)
            return body if body is not None and body.kind == "organisation" else reg.body(
                phrase.text, phrase.start, kind="anonymous")
        if issuer:
            return reg.lookup_person(issuer) or reg.body(issuer, phrase.start)
        sender = _WRITTEN_FROM.search(phrase.text) if document[1] in _PERSONAL_WRITINGS else None
        if sender is not None:  # "A memo to the board from Town Manager Eileen Brocker, dated Feb. 2, found": Brocker
            name = " ".join(split_title(sender.group(1).split())[1]) or sender.group(1)
            return reg.lookup_person(name) or reg.person(name, phrase.start + sender.start(1))
        kind = next((w.lower() for w in words[:-1] if w.islower() and w in ORG_NOUNS and w not in _DOCUMENTS
                     and w != "court"), None)  # ("court documents" are what the parties filed)
        body = reg.role("the " + kind, phrase.start) if kind else None
        if body is not None and body.kind != "person":  # "a police statement": the force named before
            return body
        if document[1] in _SUITS:
            filer = _filer(reg, phrase.start, phrase.end)
            if filer is not None:  # "Ellory has sued … The suit alleges": the one who sued
                return filer
        if words[0].lower() not in ("the", "its", "their", "this", "that"):
            # "Internal documents seen by X revealed", "a leaked memo showed": no author we can name
            return reg.body(phrase.text, phrase.start, kind="anonymous")
        if document[1] in COURT_PAPERS:  # "the indictment": whoever filed it, else no one the text names
            return reg.issuer_before(document[1], phrase.start) or reg.body(phrase.text, phrase.start, kind="anonymous")
        # "Big Machine issued a statement … The statement claimed": who issued the statement named before
        recent = reg.issuer_before(document[1], phrase.start) or (reg.issuer_before(
            document[1], phrase.start, phrase.start) if document[1] in _STUDIES else None) or reg.most_recent(
            # ("the poll": the one the article opened on, its subject)
            phrase.start, None, {id(e) for e in reg.entities if e.kind == "person"}, persons_only=False,
            window=ROLE_WINDOW)
        return recent or reg.body(phrase.text, phrase.start, kind="anonymous")
    if phrase.form == "role" and len(words) == 2 and words[0].lower() == "the" and words[1].lower() in _WEB_PAGES:
        # "according to the website, the bar is called …": the page the reporter read, no outlet that spoke (unless
        # one is named for the web)
        site = next((e for e in sorted(reg.entities, key=lambda e: -max(e.positions or [0])) if e.kind == "organisation"
                     and re.search(r"\.(?:com|org|net|co\.uk)\b|\bonline\b", e.canonical, re.IGNORECASE)
                     and any(p < phrase.start for p in e.positions)), None)
        return site or reg.body(phrase.text, phrase.start, kind="anonymous")
    if len(words) == 2 and words[0].lower() in ("their", "its") and words[1].lower() in ORG_NOUNS:
        body = reg.role("the " + words[1].lower(), phrase.start)
        if body is not None and body.kind == "organisation":  # "Dockworkers will strike, their union said"
            return body
    titled = _lede_titled(reg, phrase) if phrase.form == "role" else None
    if titled is not None:  # "A coroner has ruled …", the assistant coroner named later
        return titled
    group = None if phrase.form == "body" and len(words) == 1 and words[0][:1].isupper() else _staff_or_public(
        words, named_plural=_proper_plural(reg, phrase))  # ("Lumen said": a name, never a group of "-men")
    if group is not None:
        org, kind = group
        return reg.body(org, phrase.start + phrase.text.find(org), kind="body") if org else reg.body(
            phrase.text, phrase.start, kind="anonymous")
    plural = _plural_people(words)
    if plural is not None and phrase.form == "role":
        # "Former royal PR aides called it …", "The authors of the research published in JAMA argued": a group
        return _named_group(reg, plural, phrase.start) or reg.body(phrase.text, phrase.start, kind="anonymous")
    definite_common = len(words) > 1 and words[0].lower() == "the" and not any(w[:1].isupper() for w in words[1:])
    if phrase.form == "body" and not definite_common:
        return reg.lookup_person(phrase.text) if len(phrase.text.split()) == 1 and reg.lookup_person(
            phrase.text) else reg.body(phrase.text, phrase.start)
    if phrase.form in ("role", "body"):
        core = _before_post_modifier(words)  # "A Western diplomat in Tormholt": "A Western diplomat"
        lede = _lede_person(reg, phrase) if words and words[0].lower() in ("a", "an") else None
        if lede is not None:  # "A Michigan mother who spent two years … says she is still “shaking”": the one named next
            return lede
        if words and words[0].lower() in _INDEFINITE and (not any(w[:1].isupper() for w in words[1:])
                                                          or words[-1].islower() and words[-1].isalpha()
                                                          or len(core) > 1 and core[-1].islower()):
            # "one resident", "a senior official at the ministry", "my father", "one Weibo commenter":
            # nobody we can name
            return reg.body(phrase.text, phrase.start, kind="anonymous")
        if core and len(core) < len(words) and core[-1].lower() in PERSON_ROLES:
            lede = _lede_person(reg, phrase)
            if lede is not None:  # "The head of the Federal Emergency Management Agency conceded …": a person
                return lede
        found = reg.role(phrase.text, phrase.start)
        if found is not None:
            return found
        lede = _lede_person(reg, phrase)
        if lede is not None:
            return lede
        if words and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        head = re.sub(r"[’']s$", "", words[-1].lower()) if words else ""
        definite = phrase.text.split()[0].lower() == "the"
        lo = max(0, phrase.start - (ROLE_WINDOW if head in ORG_NOUNS else 3 * ROLE_WINDOW))
        if definite and head.isalpha() and any(
                not reg.text[max(0, lo + m.start() - 2): lo + m.start()].endswith(", ")  # not "Lund, a judge"
                and not _PREDICATE.search(reg.text, max(0, lo + m.start() - 12), lo + m.start())  # "Lund is a judge"
                for m in re.finditer(r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){0,3}" + head + r"\b", reg.text[lo: phrase.start])):
            # "A UK man … the man wrote", "A doctor on the scene … the doctor said": the unnamed person introduced
            return reg.body(phrase.text, phrase.start, kind="anonymous")
        if head in EVENT_NOUNS and not any(w[:1].isupper() for w in words):
            # "The summit also concluded …": the body that met, the organisation last named
            recent = reg.most_recent(phrase.start, None, {id(e) for e in reg.entities if e.kind == "person"},
                                     persons_only=False, window=ROLE_WINDOW)
            return recent or reg.body(" ".join(words), phrase.start, kind="anonymous")
        if definite and head.endswith("s") and (head[:-1] in PERSON_ROLES or head in _GENERIC_VOICES
                                                or head in _PEOPLE) \
                and not any(w[:1].isupper() for w in words):
            # "the doctors said": a group, never one person; the body named for them ("Doctors for Camp
            # Closure"), else nobody we can name
            return _named_group(reg, head, phrase.start) or reg.body(phrase.text, phrase.start, kind="anonymous")
        single = re.sub(r"ies$", "y", head) if head.endswith("ies") else head[:-1] if head.endswith("s") else head
        if single != head and single in ORG_NOUNS and not any(w[:1].isupper() for w in words):
            return reg.body(phrase.text, phrase.start, kind="anonymous")  # "the companies said": several bodies
        core_role = definite and len(core) < len(words) and core[-1].lower() in PERSON_ROLES \
            and not any(w[:1].isupper() for w in core[1:])  # "The former mayor of Springfield": a person
        if (head in PERSON_ROLES or (definite and head not in ORG_NOUNS)) \
                and not any(w[:1].isupper() and w.lower() not in PERSON_NOUNS for w in words) or core_role:
            # (a role written in capitals is still a role: "the MP wrote", "the CEO said")
            # "the veteran", "the agency's former director": the person the text was just about
            # nobody it could be: an unnamed person or group ("the research team"), so no speaker name
            return _described_person(reg, phrase, definite) or reg.body(" ".join(words), phrase.start, kind="anonymous")
        if head in ORG_NOUNS and not any(w[:1].isupper() for w in words if w.lower() not in _GENERIC_VOICES):
            # "the ministry said": the body named last; "police said" with none named: nobody we can name
            if definite and re.search(r"\b[Tt]he\s+(?:[a-z][\w-]*\s+){1,3}" + head + r"\b", reg.text[lo: phrase.start]):
                # "citing the regional health commission. … the commission said": the unnamed body just met
                return reg.body(phrase.text, phrase.start, kind="anonymous")
            unnamed = {id(e) for e in reg.entities if e.kind == "person" or not _has_name(e.canonical)
                       or _other_kind(e, head)}
            recent = reg.most_recent(phrase.start, None, unnamed, persons_only=False, window=ROLE_WINDOW)
            if recent is not None:
                return recent
            if phrase.text.split()[0].lower() in _GENERIC_VOICES:  # bare "police", "authorities"
                return reg.body(phrase.text, phrase.start, kind="anonymous")
        staff = _staff_of_named_body(reg, phrase, words, head)
        if staff is not None:
            return staff
        if definite and head.isalpha() and head == words[-1] and not head.endswith("s") and head not in ORG_NOUNS \
                and head not in _DOCUMENTS and head not in EVENT_NOUNS and not re.search(r"[’']s\b", phrase.text):
            # "The Ostby United forward said", "the Labour councillor said": the person the text was just about
            recent = _described_person(reg, phrase, definite)
            if recent is not None:
                return recent
        if words and not any(w[:1].isupper() for w in words):
            return reg.body(" ".join(words), phrase.start, kind="anonymous")  # "the company", none named: no name
        return reg.body(" ".join(words), phrase.start, kind="body") if words else None
    return None


_AGED = re.compile(r"\b(\d{1,3})-year-old\b")


def _person_of_age(reg: SpeakerRegistry, age: str, pos: int) -> Entity | None:
    """The one person the text gives ``age`` before ``pos`` ("Den Pruitt, 81," or "the 81-year-old Den Pruitt")."""
    found = {id(e): e for e in reg.entities if e.kind == "person" and age in e.titles}
    for match in re.finditer(r"([A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2}),[ \t]+" + age + r"\b|\b" + age
                             + r"-year-old[ \t]+([A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2})", reg.text[:pos]):
        person = reg.lookup_person(match.group(1) or match.group(2))
        if person is not None and person.kind == "person":
            found[id(person)] = person
    return next(iter(found.values())) if len(found) == 1 else None


# people a story describes by their part in it, often never named: one of them is whoever the text calls so
_LAY_ROLES = frozenset("patient victim witness neighbor neighbour passenger customer caller bystander shopper "
                       "motorist survivor".split())


def _described_person(reg: SpeakerRegistry, phrase: "SpeakerPhrase", definite: bool) -> Entity | None:
    """The person a definite description stands for ("the veteran", "the British royal"): the last person
    named, unless the sentence before, in the same paragraph, had another person for its subject ("Eyamba
    Sowers didn't know Patrick was coming. The real estate agent said …": Sowers)."""
    head = re.sub(r"[^a-z-]", "", phrase.text.split(",")[0].split()[-1].lower())
    if head in _LAY_ROLES and not any(head in t.lower() for e in reg.entities if e.kind == "person" for t in e.titles):
        return None  # "the patient wrote" when no one named is called the patient: no one the text names
    gender = noun_gender(head)  # "The woman, 49, told dispatchers …": never the police chief just named
    recent = reg.most_recent(phrase.start, None, set(), persons_only=True, window=ROLE_WINDOW)
    if gender is not None and recent is not None and recent.gender not in (None, gender):
        recent = reg.most_recent(phrase.start, gender, set(), persons_only=True, window=ROLE_WINDOW)
        if recent is None or recent.gender != gender:
            return None  # a woman or man the text has not named
    k = bisect.bisect_left(reg.subjects, phrase.start, key=lambda item: item[0]) - 1
    said = max((item for item in reg.speaker_subjects if item[0] < phrase.start), key=lambda item: item[0], default=None)
    subject = reg.subjects[k][:2] if k >= 0 else None
    if said is not None and (subject is None or said[0] > subject[0]):
        subject = said  # "X has told friends …. In it, the British royal denied …": the last speaker
    para = reg.text.rfind("\n", 0, phrase.start) + 1
    opener = next((e for g in ("m", "f", None) if (e := reg.paragraph_subject(para, g, set())) is not None), None)
    if opener is not None and recent is not None and compatible(opener, gender) and (subject is None or subject[0] < para):
        return opener  # "Storm gave a different account. …, the defender said": the man the paragraph opens on
    if subject is not None and definite and phrase.start - subject[0] < _SUBJECT_REACH and recent is not None \
            and subject[1] is not recent and reg.text.count("\n\n", subject[0], phrase.start) <= 1 \
            and compatible(subject[1], gender):
        return subject[1]
    return recent


_BODYS_STAFF = re.compile(r"[Tt]he\s+([a-z]+)[’']s\s+(?:[a-z-]+\s+)?(?:judges|officials|spokes(?:man|woman|person)|"
                          r"lawyers|attorneys|staff|executives|researchers|scientists|analysts|representatives|leaders|"
                          r"members|management|board)$")
_ADJECTIVE_ENDINGS = ("ern", "ian", "ean", "ese", "ish", "an", "ic")
_KIN_OF = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w.-]*\s+){0,2}([A-Z][\w.-]*)[’']s\s+(?:[\w-]+\s+){0,2}(" + _RELATIVES
                     + r"|parents|parent|girlfriend|boyfriend|friend|neighbou?r|classmate|roommate|teammate)$")


_PERFORMERS = frozenset("singer actor actress author novelist writer poet star rapper musician artist songwriter "
                        "comedian".split())


def _staff_of_named_body(reg: SpeakerRegistry, phrase: "SpeakerPhrase", words: list[str], head: str) -> Entity | None:
    """"the Varn Rail Holdings chief executive said", nobody holding that title named: the body the role
    belongs to (unnamed staff of a named body speak for it), never "Varn Rail Holdings chief executive"."""
    if head not in PERSON_ROLES or head in _PERFORMERS or not any(w[:1].isupper() for w in words[:-1]):
        return None  # ("the R&B singer", "the Oscar-winning actress": no staff of a body)
    org = [w for w in words if w[:1].isupper()]
    if org and words.index(org[-1]) < len(words) - 1 and all(
            w[:1].isupper() or w.lower() in ("of", "and", "for", "&") for w in words[words.index(org[0]): words.index(org[-1]) + 1]):
        name = " ".join(words[words.index(org[0]): words.index(org[-1]) + 1])
        return reg.short_form(name) or reg.body(name, phrase.start + phrase.text.find(name), kind="organisation")
    return None


# the sides of a court case, which argue and claim without naming anyone ("The defence argued that …")
LEGAL_SIDES = frozenset("defence defense prosecution".split())
_APPOSED_NAME = re.compile(r"((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]*),?")
# someone who speaks for another: "a spokeswoman for the hospital", "a rep for Soto"
_VOICE_FOR = r"(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w-]*\s+)?(spokes(?:man|woman|person)|representative|rep|publicist|lawyer|attorney)\s+for\s+"
_FOR_COMMON = re.compile(_VOICE_FOR + r"(?:the|its)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)$")
_VOICE_FOR_NAMED = re.compile(_VOICE_FOR + r"((?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'-]+)$")
_NAME_LIST_TAIL = re.compile(r"(?:[A-Z][\w’'-]*,?\s+)+and\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*,?$")
_FOR_NAMED = re.compile(r"\bspokes(?:man|woman|person|people)\s+for\s+(?:the\s+)?[A-Z]")
_SOURCE_HEAD = re.compile(r"(?:^|[’']s\s+|\b(?:the|a|an|one|two|three|several|other)\s+(?:[\w-]+\s+){0,3})"
                          r"(?:source|sources|insider|insiders)\b(?!\s+(?:of|for|at|in)\s+[A-Z])", re.IGNORECASE)


# what may come before a paragraph's subject: nothing, a conjunction, or a short phrase and a comma
_OPENING = re.compile(r"(?:(?:But|And|Yet|So|Still|Now|Then|Later|Meanwhile)\s+|(?:[^.!?\n\"“”]|(?<=\b[SMDF]t)\.)"
                      r"{0,60},\s+)?"  # ("Back at St. Aurelia, Marchbanks has started …")
                      r"(?:[A-Z][\w’'.-]*\s+){0,3}")  # (a mention is its surname: "…, Tomas Eberle")
_PREDICATE = re.compile(r"\b(?:is|was|are|were|been|became|becomes|as)\s+$")
_OWNER_BEFORE = re.compile(r"\b((?:[A-Z][\w.-]+\s+){0,2}[A-Z][\w.-]+)[’']s\s+$")


def _other_kind(ent: Entity, head: str) -> bool:
    """Whether a body's name says it is another kind of body than ``head`` ("the commission" is not the
    "Xinhua News Agency"; bare "authorities" or "police" are none of a named body unless it bears the word)."""
    words = [w.lower() for w in ent.canonical.split()]
    if head in _GENERIC_VOICES:
        return head not in words and head.rstrip("s") not in words
    last = words[-1] if words else ""
    if head in _AGENCY_LIKE and last in _AGENCY_LIKE:
        return False  # "the agency" after "the Tessaly Marine Park Authority"
    return last in ORG_NOUNS and last != head and last.rstrip("s") != head.rstrip("s")


# public bodies a text calls "the agency" whatever their name ends in
_AGENCY_LIKE = frozenset("agency authority administration bureau service directorate inspectorate regulator".split())


_SENTENCE_END = re.compile(r"[.!?][”’\"']?\s|\n")


def _anyone_named_before(reg: SpeakerRegistry, pos: int) -> bool:
    """Whether a person is named before ``pos``, bylines aside."""
    bylines = [m.span() for m in re.finditer(r"(?m)^[ \t]*By[ \t]+[A-Z][^\n]*", reg.text[:pos])]
    return any(ent.kind == "person" and any(p < pos and not any(a <= p < b for a, b in bylines)
                                            for p in ent.positions) for ent in reg.entities)


def _lede_titled(reg: SpeakerRegistry, phrase: "SpeakerPhrase") -> Entity | None:
    """"A coroner has ruled … / assistant coroner Michael Drury said": an unnamed role in an article's opening,
    before anyone is named, is the person the text goes on to give that title."""
    words = [w.lower().strip(",.’'") for w in phrase.text.split()]
    if len(words) != 2 or words[0] not in ("a", "an") or words[1] not in PERSON_NOUNS \
            or _anyone_named_before(reg, phrase.start):
        return None
    holders = [(min(p for p in ent.positions if p > phrase.start), ent) for ent in reg.entities
               if ent.kind == "person" and any(words[1] in t.lower().split() for t in ent.titles)
               and any(phrase.start < p <= phrase.start + _LEDE_REACH * 2 for p in ent.positions)]
    return min(holders, key=lambda item: item[0])[1] if holders else None


def _lede_person(reg: SpeakerRegistry, phrase: "SpeakerPhrase") -> Entity | None:
    """"The leader of Carrow Vale council has said … / Annelise Thorne, who has led the council …": a definite
    role in an article's opening, before any person is named (bylines aside), is the person named next."""
    words = [w.lower().strip(",.’'") for w in phrase.text.split()]
    if not words or words[0] not in ("the", "a", "an") or _anyone_named_before(reg, phrase.start):
        return None
    head = next((w for w in words[1:5] if w in PERSON_ROLES or words[0] != "the" and w in _EVERYMEN), None)
    if head is None:
        return None
    # (named in a later sentence: "The judge ruled that Kane must pay" is not Kane's ruling)
    stop = _SENTENCE_END.search(reg.text, phrase.end)
    after = stop.end() if stop else len(reg.text)
    sex = _EVERYMEN.get(head) if words[0] != "the" else None
    later = [(min(p for p in ent.positions if p > phrase.start), ent) for ent in reg.entities if ent.kind == "person"
             and any(after <= p <= phrase.start + _LEDE_REACH for p in ent.positions)
             and (sex is None or gender_of(ent.canonical) in (None, sex))]
    return min(later, key=lambda item: item[0])[1] if later else None


def _named_group(reg: SpeakerRegistry, head: str, pos: int) -> Entity | None:
    """The body named for a group of people before ``pos`` ("the physicians" of "Doctors for Camp Closure"),
    the tagger's organisations first, then a capitalised name holding the word; else None."""
    names = {head, _SAME_PEOPLE.get(head, head)}
    named = [e for e in reversed(reg.entities) if e.kind == "organisation" and _has_name(e.canonical)
             and names & set(e.canonical.lower().split())]
    # named before, else just after in an opening ("…, police said. The West Skarnland Police District said …")
    group = next((e for e in named if any(p < pos for p in e.positions)), None) or next(
        (e for e in named if any(pos < p <= pos + _LEDE_REACH for p in e.positions)), None)
    if group is None:  # a group the tagger missed: a capitalised name holding the word ("Doctors for …")
        runs = [m for m in _CAPITALISED_RUN.finditer(reg.text, 0, pos)
                if {n.capitalize() for n in names} & set(m.group(0).split()) and len(m.group(0).split()) >= 3
                and not any(w.lower() in TITLE_WORDS for w in m.group(0).split())]  # ("Police Chief Ronald Mercer")
        group = reg.body(runs[-1].group(0), runs[-1].start()) if runs else None
    return group


_POST_MODIFIERS = frozenset("of in at from for with who which that whose published based on".split())


def _before_post_modifier(words: list[str]) -> list[str]:
    """The words of a noun phrase up to its head ("A nurse at Aster General Hospital, who …" → "A nurse")."""
    low = [w.lower().strip(",.") for w in words]
    at = next((i for i, w in enumerate(low) if w in _POST_MODIFIERS or words[i].endswith(",")), len(low))
    return [w.strip(",") for w in words[: at + 1 if at < len(low) and words[at].endswith(",") else at]]


def single_unnamed_person(text: str) -> bool:
    """Whether a speaker phrase is one person nobody names ("A nurse at X, who asked not to be named",
    "One government aide", "A Western diplomat in Tormholt"): the "she said" after it is that person."""
    core = _before_post_modifier(text.split())
    if len(core) < 2 or core[0].lower() not in ("a", "an", "one", "another"):
        return False
    head = core[-1].lower()
    return head.isalpha() and head.islower() and not head.endswith("s") and head not in ORG_NOUNS \
        and head not in _DOCUMENTS and head not in EVENT_NOUNS


def _plural_people(words: list[str]) -> str | None:
    """The head of a phrase naming several unnamed people ("Former royal PR aides", "The authors of the
    research published in JAMA"), else None: no proper name before the head (a short acronym aside)."""
    low = [w.lower().strip(",.") for w in words]
    at = next((i for i, w in enumerate(low) if w in _POST_MODIFIERS), len(low))
    if at == 0:
        return None
    head = low[at - 1]
    if not (head in _PEOPLE or head in _GENERIC_VOICES or head.endswith("s") and (head[:-1] in PERSON_ROLES
                                                                                 or head in _STAFF)):
        return None
    if any(w[:1].isupper() and not (k == 0 or w.isupper() and len(w) <= 3) for k, w in enumerate(words[:at - 1])):
        return None
    return head


def _has_name(name: str) -> bool:
    """Whether a body's name holds a proper name ("Fennick Police", "the Kremlin"), not only common nouns
    ("police", "Authorities" opening a sentence)."""
    words = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE).split()
    return any(w[:1].isupper() for w in words[1:]) or bool(words) and words[0][:1].isupper() and (
        words[0].lower() not in ORG_NOUNS and words[0].lower() not in _GENERIC_VOICES)


def _unnamed_head(text: str) -> str | None:
    """The head noun of an unnamed single voice ("a spokesperson who …" → "spokesperson"), else None."""
    match = _UNNAMED_VOICE.match(text)
    return match.group(1).lower() if match else None


_UNNAMED_VOICE = re.compile(r"(?:a|an|the)\s+(?:company\s+|agency\s+|department\s+)?(spokesperson|spokesman|spokeswoman|rep|"
                            r"source|insider|official|witness|doctor|physician|lawyer|attorney|patient)\b", re.IGNORECASE)
_SAME_PEOPLE = {"physicians": "doctors", "medics": "doctors", "lawmakers": "legislators", "staffers": "workers",
                "employees": "workers", "teachers": "educators", "educators": "teachers"}
_PEOPLE = frozenset("doctors physicians nurses teachers workers employees staffers members students parents "
                    "activists campaigners lawmakers legislators senators judges soldiers farmers players fans "
                    "voters leaders organisers organizers authors editors scholars engineers volunteers "
                    "demonstrators victims survivors families relatives neighbours neighbors fishermen residents villagers "
                    "migrants refugees protesters shoppers commuters traders".split())
_GENERIC_VOICES = frozenset("authorities officials police prosecutors investigators researchers scientists experts "
                            "analysts economists doctors lawyers protesters residents critics officers".split())
# groups no one can name: shares of a population, "people familiar with …", "both sides", a person's fans
_NUMBER_WORDS = (r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|"
                 r"seventy|eighty|ninety|hundred|a\s+third|a\s+quarter|half|a\s+majority|majority|most)")
_UNNAMED_GROUP = re.compile(
    r"^(?:about\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|some\s+|roughly\s+|just\s+)?" + _NUMBER_WORDS
    + r"(?:[- ]\w+)?\s*(?:percent|per\s+cent|%)"
    r"|\b(?:familiar\s+with|close\s+to\s+the|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of)\b"
    r"|^(?:both|neither|either)\s+(?:sides|men|women|parties|camps|groups|of\s+them)\b"
    r"|^(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*[’']s\s+(?:\w+\s+)?(?:supporters|fans|critics|allies|friends|aides|"
    r"relatives|family|neighbours|neighbors|colleagues|teammates|followers|opponents)$", re.IGNORECASE)

_OCCASIONS = frozenset("awards festival championship championships cup olympics games open tournament expo fair "
                       "show week summit conference".split())
EVENT_NOUNS = frozenset("summit meeting conference talks session forum hearing gathering congress".split())
_PRONOUN_VOICE = re.compile(r"(his|her)\s+(?:press\s+)?(?:office|campaign|spokesman|spokeswoman|spokesperson|"
                            r"lawyer|lawyers|attorney|attorneys|agent|agents|representatives?|management|publicist|"
                            r"camp)$", re.IGNORECASE)
def named_relative(reg: SpeakerRegistry, phrase: str, pos: int) -> Entity | None:
    """The relative "Freeman's mother" names: the person titled so ("Tom Kane's wife, Ann Kane,"), else the one
    the text introduces as "(Isaiah) Freeman's mother, Gloria Freeman," or "His mother, Gloria Freeman," (the last
    before ``pos``, else the first after: a headline's); no one named when the text never names her; None when
    ``phrase`` is no such phrase."""
    kin = _KIN_OF.match(phrase.strip())
    if kin is None:
        return None
    titled = next((e for e in reg.entities if e.kind == "person" and any(
        t.lower().split()[-1:] == [kin.group(2).lower()] and kin.group(1).lower() in t.lower() for t in e.titles)), None)
    if titled is not None:
        return titled
    found = _introduced_as(reg, r"\b" + re.escape(kin.group(1)) + r"[’']s", kin.group(2), pos)
    before = [m for m in found if m.start() < pos]
    chosen = before[-1] if before else (found[0] if found else None)
    if chosen is None:  # "Ford’s now-deceased father told Starner": nobody the text names
        return reg.body(phrase, pos, kind="anonymous")
    return reg.lookup_person(chosen.group(1)) or reg.person(chosen.group(1), chosen.start(1))


def _introduced_as(reg: SpeakerRegistry, owner: str, relation: str, pos: int) -> list[re.Match[str]]:
    """Where the text introduces someone as ``owner``'s (a pattern) or his, her or their ``relation``, the name
    after it in group 1 ("Isaiah Freeman's mother, Gloria Freeman,"), the name at ``pos`` itself aside."""
    intro = re.compile(r"(?:" + owner + r"|\b[Hh]is|\b[Hh]er|\b[Tt]heir)\s+(?:[a-z-]+\s+)?" + re.escape(relation)
                       + r",?\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})")
    return [m for m in intro.finditer(reg.text) if m.start(1) != pos]


_EVERYMEN = {"bride": "f", "mom": "f", "mum": "f", "woman": "f", "girl": "f", "waitress": "f", "grandma": "f",
             "dad": "m", "man": "m", "boy": "m", "groom": "m", "grandpa": "m", "waiter": "m", "server": None,
             "teen": None, "teacher": None, "nurse": None, "student": None, "veteran": None, "driver": None,
             "homeowner": None, "customer": None, "passenger": None, "worker": None, "parent": None}


def _headline_everyman(reg: SpeakerRegistry, phrase: "SpeakerPhrase") -> Entity | None:
    """A headline's bare "Bride says …", "Dad says …", "Server says …": the first person the article then names
    (of that sex)."""
    word = phrase.text.strip()
    if reg.text.find("\n", 0, phrase.start) >= 0 or not word[:1].isupper() or word.lower() not in _EVERYMEN:
        return None
    known = reg.lookup_person(word)
    if known is not None and (len(known.canonical.split()) > 1 or any(p > phrase.end for p in known.positions)):
        return None  # ("Dad" is what the family calls him all through the article)
    sex = _EVERYMEN[word.lower()]
    named = [(min(p for p in e.positions if p > phrase.end), e) for e in reg.entities if e.kind == "person"
             and any(p > phrase.end for p in e.positions) and gender_of(e.canonical) in ({"m", "f"} if sex is None else {sex})]
    named = [(p, e) for p, e in named if not reg.text.startswith("By ", reg.text.rfind("\n", 0, p) + 1)]  # (no byline)
    return min(named, key=lambda item: item[0])[1] if named else None


_HEADLINE_KIN = re.compile(r"(" + _RELATIVES + r")(?:\s+of\s+.*)?$", re.IGNORECASE)


def headline_relative(reg: SpeakerRegistry, phrase: str, pos: int) -> Entity | None:
    """"Widow tells court …", "Son of retired engineer says …" (a headline's bare relative, capitalised): the one
    the text introduces as "Mr Mayhew's widow, Helen Mayhew," or "the couple's son, Stephen Pennock,"."""
    words = phrase.strip().split()
    kin = _HEADLINE_KIN.match(phrase.strip()) if words and words[0][:1].isupper() else None
    if kin is None or kin.group(1).lower() != words[0].lower():
        return None
    found = _introduced_as(reg, r"[’']s", kin.group(1).lower(), pos)
    chosen = next((m for m in found if m.start() > pos), found[-1] if found else None)
    if chosen is None:
        return None
    return reg.lookup_person(chosen.group(1)) or reg.person(chosen.group(1), chosen.start(1))


_PRONOUN_KIN = re.compile(r"(?:his|her|their)\s+(?:[a-z-]+\s+)?(" + _RELATIVES + r")$", re.IGNORECASE)
_BARE_SPOKESPERSON = re.compile(r"(?:a|an|the)\s+(?:company\s+|agency\s+)?(?:spokesperson|spokesman|spokeswoman)"
                                r"(?:\s+(?:who|that)\b.*)?$", re.IGNORECASE)

# a named person's office or spokesperson speaks for that person
_PERSONS_VOICE = re.compile(r"(?:[Tt]he\s+)?((?:[A-Z][\w’'.-]+\s+){0,5}[A-Z][\w’'-]+)[’']s\s+(?:press\s+)?"
                            r"(?:office|campaign|spokesman|spokeswoman|spokesperson|secretary|lawyer|lawyers|attorney|"
                            r"attorneys|agent|agents|representatives?|management|publicist|camp)$")
_BODYS_PRESS_OFFICE = re.compile(r"(?:[Tt]he\s+)?([A-Z][\w’'.&-]*(?:\s+(?:of|for|and|on|&|[A-Z][\w’'.&-]*)){0,6})[’']s\s+"
                                 r"(?:press\s+office|press\s+team|communications\s+(?:office|team|department)|"
                                 r"spokes(?:man|woman|person))$")
_NAMED_CAMPAIGN = re.compile(r"[Tt]he\s+([A-Z][\w’'-]+)\s+(?:campaign|camp|re-election\s+campaign)$")
_ROLES_VOICE = re.compile(r"[Tt]he\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)[’']s\s+(?:press\s+)?(?:office|campaign|"
                          r"spokesman|spokeswoman|spokesperson|lawyer|lawyers|attorney|attorneys)$")
_PERSONS_UNIT = re.compile(r"\b(?:[Tt]he\s+)?(?:laboratory|lab|team|research\s+group|group)\s+of\s+"
                           r"((?:[A-Z][\w’'.-]+\s+){1,3}[A-Z][\w’'-]+)(?:\s*,.*)?$")
_OWNED_BODY = re.compile(r"(?:[Tt]he\s+)?((?:[A-Z][\w.-]+\s+){0,3}[A-Z][\w.-]+)[’']s\s+(?:[a-z][\w-]*\s+){0,2}([a-z]+)$")
# unnamed members of the public: never the place or body they belong to
_PUBLIC = frozenset("resident residents local locals villager villagers witness witnesses people voter voters "
                    "parent parents fan fans neighbour neighbours neighbor neighbors passenger passengers "
                    "shopper shoppers worker workers leader leaders member members protester protesters media".split())
# unnamed staff who speak for the named organisation they work at
_STAFF = frozenset("official officials analyst analysts economist economists executive executives spokesman "
                   "spokeswoman spokesperson spokespeople representative representatives staff source sources "
                   "researcher researchers diplomat diplomats envoy envoys negotiator negotiators commander "
                   "commanders lawmakers legislators adviser advisers advisor advisors aide aides scientists "
                   "employees engineers management".split())
_STAFF_PREPS = frozenset("at for from of with".split())


# last words of a building or street that stands for the body housed there ("Downing Street", "City Hall")
_SEATS = frozenset("street house palace hall building castle".split())


_RANKS = frozenset("senior junior top high-ranking high-level mid-level veteran longtime".split())


def _named_staff(reg: SpeakerRegistry, phrase: "SpeakerPhrase") -> Entity | None:
    """The body whose unnamed staff speak ("a CBP spokesperson", "White House advisers"), or an anonymous
    group when the name is a place or a nationality ("Beijing officials"); None for other phrases."""
    words = phrase.text.split()
    while words and words[0].lower() in ("a", "an", "the", "one", "some", "two", "three", "several", "many", "another",
                                         "other", "a second", "each"):
        words = words[1:]
    if len(words) == 2 and words[0].lower() in ORG_NOUNS and words[1].lower() in _STAFF:
        # "agency officials said": the agency, else the organisation named last
        # (never the outlet addressed: "In a statement to CNN, a ministry spokesperson said")
        return reg.role("the " + words[0].lower(), phrase.start) or (reg.most_recent(
            phrase.start, None, {id(e) for e in reg.entities if e.kind != "organisation" or not _has_name(e.canonical)
                                 or _addressed(reg, e, phrase.start)},
            persons_only=False, window=ROLE_WINDOW) if words[0].islower() and words[0] not in COMPANY_NOUNS
            and words[0] != "government" else None)  # ("a government spokesperson": no body named for it)
    if len(words) >= 2 and words[-1].islower() and words[-1].endswith("s") and not phrase.common_start \
            and " ".join(words[:-1]).lower() in reg.places \
            and not (" ".join(words[:-1]).isupper() and words[-1] in _STAFF):  # "US officials" speak for the US
        return reg.body(phrase.text, phrase.start, kind="anonymous")  # "Middle East observers", "Beijing residents"
    if len(words) < 2 or phrase.common_start or words[-1].lower().strip(",.") not in _STAFF:
        return None
    if len(words) >= 3 and words[0].lower() in _RANKS and words[1][:1].isupper():
        words = words[1:]  # "a senior Sebi official": Sebi's staff
    if words[-1][:1].isupper() and any(e.kind != "person" and " ".join(words).lower() in (n.lower() for n in e.names)
                                       for e in reg.entities):
        return None  # "The National Union of Nursing Staff": a body whose name ends in the word
    name_words = words[:-1]
    if name_words[0].lower() in ("his", "her", "their", "its", "our", "my", "your"):
        return None  # "His representatives said": a person's staff, not a body called "His"
    if not all(w[:1].isupper() or w.lower() in ("of", "and", "for", "&") for w in name_words) \
            or name_words[0].lower() in TITLE_WORDS and name_words[-1].lower() not in ORG_NOUNS:
        return None  # "senior officials", "Foreign Minister ..." (but "a Foreign Office spokeswoman")
    if len(name_words) == 1 and not name_words[0].isupper() and name_words[0].lower().endswith(_ADJECTIVE_ENDINGS) \
            and not any(name_words[0] in e.names for e in reg.entities):
        return reg.body(phrase.text, phrase.start, kind="anonymous")  # "One Western diplomat", "a Vantrian official"
    name = re.sub(r"[’']s$", "", " ".join(name_words))
    if name.lower() in reg.places and not name.isupper() and name.split()[-1].lower() not in _SEATS \
            and not words[-1].lower().startswith("spokes"):  # ("a Tessera spokesperson": a body has spokespeople)
        # "Beijing officials"; but "US officials" speak for the US, "a Downing Street spokesperson" for No 10
        return reg.body(phrase.text, phrase.start, kind="anonymous")
    return reg.body(name, phrase.start + phrase.text.find(name_words[0]), kind="body")


def _addressed(reg: SpeakerRegistry, ent: Entity, pos: int) -> bool:
    """Whether ``ent``'s last mention before ``pos`` is someone spoken to ("told CNN", "in a statement to
    Reuters", "in an interview with the Times")."""
    last = max((p for p in ent.positions if p < pos), default=None)
    return last is not None and _TO_ADDRESSEE.search(reg.text, max(0, last - 20), last) is not None


_TO_ADDRESSEE = re.compile(r"\b(?:to|told|tells|telling|with)\s+(?:the\s+)?$")


def _proper_plural(reg: SpeakerRegistry, phrase: "SpeakerPhrase") -> bool:
    """Whether a phrase's capitalised plural names a group ("The Democrats", "Republicans said"), not a common
    noun opening a sentence ("Businesses said", "Others argue"): it is capitalised after a lower-case word
    somewhere (not only inside a longer name, "the Association of Velland Municipalities")."""
    return not phrase.common_start and any(_named_in_running_text(reg, w.strip(",.")) for w in phrase.text.split()
                                           if w[:1].isupper() and w.endswith("s") and not w.isupper())


def _named_in_running_text(reg: SpeakerRegistry, word: str) -> bool:
    """Whether ``word`` follows a lower-case word somewhere in the text (one scan per word and article)."""
    known = reg.named_in_running_text.get(word)
    if known is None:
        known = reg.named_in_running_text[word] = re.search(
            r"(?<![\w’'])[a-z][\w’'-]*[ \t]+" + re.escape(word) + r"\b", reg.text) is not None
    return known


def capitalised_elsewhere(text: str, word: str) -> bool:
    """Whether ``word`` appears capitalised somewhere other than at a sentence start (so it is a name)."""
    for match in re.finditer(r"(?<![\w’'])" + re.escape(word) + r"(?![\w’'])", text):
        before = text[max(0, match.start() - 3): match.start()].rstrip(" “\"‘'")
        if before and before[-1] not in ".!?\n:":
            return True
    return False


def _staff_or_public(words: list[str], named_plural: bool = False) -> tuple[str, str] | None:
    """("Org", "staff") for "analysts at Harrow Capital"; ("", "anonymous") for unnamed members of the
    public or staff of an unnamed body ("Union leaders", "a police officer in Tarnby"); else None."""
    low = [w.lower().strip(",.") for w in words]
    if len(words) == 2 and words[0].isupper() and len(words[0]) >= 2 and (low[1] in _STAFF or low[1] in _PUBLIC):
        return words[0], "staff"  # "NATO leaders", "EU officials": the body speaks
    at = next((i for i, w in enumerate(low) if w in _STAFF_PREPS or w == "in"), len(low))
    core = [w for w in low[:at] if w not in ("the", "a", "an", "one", "some", "several", "two", "three", "many")]
    if not core or any(w[:1].isupper() for w in words[len(low[:at]) - len(core):at][:-1]
                       if w.lower() not in _PUBLIC and w.lower() not in _STAFF and w.lower() != "union"
                       and not (len(core) == 2 and w.lower().endswith(_ADJECTIVE_ENDINGS) and core[-1] in _PEOPLE)):
        return None  # a name in the core ("Interior Ministry officials") is handled elsewhere (not "Ghanaian fishermen")
    head = core[-1]
    if at and (named_plural and words[at - 1][:1].isupper() and head.endswith("s") or words[at - 1].isupper()
               and len(head) > 1 and low[0] not in _INDEFINITE and head not in PERSON_ROLES) and head not in _PUBLIC and head not in _STAFF and head not in _PEOPLE \
            and head not in _GENERIC_VOICES:
        return None  # "Democrats", "the Greens", "the US": a name of its own speaks as written
    rest = [w for w in words[at + 1:]]
    if rest and rest[0].lower() == "the":
        rest = rest[1:]
    kind_at = max((i for i, w in enumerate(rest[:-1]) if w.lower() in COMPANY_NOUNS), default=None)
    if kind_at is not None and rest[kind_at + 1][:1].isupper() and not any(
            w[:1].islower() and w.lower() not in ("of", "and", "for", "the") for w in rest[kind_at + 1:]):
        rest = rest[kind_at + 1:]  # "a spokesman for South Korean battery maker Hanseong Energy Solutions"
    named = bool(rest) and rest[0][:1].isupper() and all(w[:1].isupper() or w.lower() in ("of", "and", "for", "&", "the")
                                                          for w in rest)  # "the Office of the Prime Minister"
    if head in ORG_NOUNS or head in _PUBLIC and low[0] == "the":
        return None
    if at < len(low) and named and (low[at] == "at" or head in _STAFF and low[at] in _STAFF_PREPS) \
            and not (low[0] == "the" and len(core) >= 2 and head in PERSON_ROLES):
        return " ".join(rest).rstrip(",."), "staff"  # "at" a named body: its staff (but "the chief executive of X": one)
    indefinite = low[0] in _INDEFINITE or low[0] not in ("the",) and head.endswith(("s", "men", "people", "children"))
    if head in _PUBLIC or (indefinite and (at == len(low) or low[at] in ("in", "from") or not named
                                           or head not in _STAFF)):
        return "", "anonymous"
    return None


_DOCUMENTS = frozenset("statement statements report reports document documents memo memos letter filing readout "
                       "release study survey audit paper papers transcript records cable cables lawsuit suit complaint "
                       "petition indictment filings analysis assessment review inquiry email emails messages files "
                       "minutes data figures results estimate estimates numbers statistics poll polls investigation".split()) | COURT_PAPERS


_PUT_OUT = re.compile(r"\b(?:released|published|issued|wrote|authored|produced|submitted|presented)\s+(?:a|an|his|"
                      r"her|their)\s+(?:[\w-]+\s+){0,3}$")
_NAMED_PAIR = re.compile(r"(?:[Bb]oth(?:\s+(?:men|women))?|[Tt]he\s+two(?:\s+(?:men|women))?|[Tt]he\s+pair|[Tt]he\s+couple)")
_PERSON_PAIR = re.compile(r"\b([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+and\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\b")
_OFFICE_ASKED = re.compile(r"\b([A-Z][\w’'-]+)[’']s\s+(?:press\s+)?office\b(?![^.]*\.[^.]*\.)")
_WEB_PAGES = frozenset("website site webpage page".split())
_STUDIES = frozenset("poll polls survey study".split())  # what an article is about, named once at its top
_IN_JOURNAL = re.compile(r"\b(?:in|on|to)\s+(?:the\s+)?(?:journal\s+)?$", re.IGNORECASE)
_PUBLISHED_IN = frozenset("report reports article story".split())


# papers a party files to sue: they speak for the one who filed them
_SUITS = frozenset("lawsuit suit complaint petition".split())
_PARTY = r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*)"
_FILED = (re.compile(_PARTY + r"(?:,[^,.;]{1,80},)?\s+(?:has\s+|had\s+)?(?:sued|filed)\b"),
          re.compile(r"\b(?:lawsuit|suit|complaint|petition),?\s+(?:[^.;]{0,80}?\s)?(?:filed|brought)\s+(?:[^.;]{0,60}?\s)?"
                     r"by\s+(?:(?:his|her|their|its)\s+[a-z]+,\s+)?" + _PARTY),
          re.compile(r"\b(?:lawsuit|suit|complaint|petition)\s+" + _PARTY + r"\s+(?:has\s+|had\s+)?filed\b"))


def _filer(reg: SpeakerRegistry, start: int, end: int) -> Entity | None:
    """Who filed the suit a phrase names ("a complaint Ellory filed", "the lawsuit, filed by her husband, Walter
    Nolan,", "Ellory has sued …"): the last such party named in the phrase or the text before it."""
    lo = max(0, start - 2 * ROLE_WINDOW)
    found = [m for pattern in _FILED for m in pattern.finditer(reg.text, lo, end)]
    for match in sorted(found, key=lambda m: -m.start()):
        words = match.group(1).split()
        while words and words[0].lower() in OPENERS | {"the", "a", "an"}:
            words = words[1:]
        if not words:
            continue
        name = " ".join(words)
        ent = reg.lookup_person(name) or next((e for e in reg.entities if e.kind != "person" and e.canonical == name), None)
        if ent is not None:
            return ent
    return None


def _issuer(words: list[str]) -> tuple[str, str] | None:
    """(issuer name or "", document noun) when the phrase is a document that speaks for its author."""
    low = [w.lower().strip(",.") for w in words]
    at = next((i for i, w in enumerate(low) if w in _DOCUMENTS), None)
    if at is None or words[at][:1].isupper() and at + 1 < len(words) and words[at + 1][:1].isupper():
        return None  # "the Competition Review Authority": a document noun inside a body's name
    # an author after any participle ("filed by", "carried out by") but a relay is no author ("seen by")
    rest = " ".join(words[at + 1:]).lstrip(", ")  # ("A separate memo, written by …")
    author = (r"(?:by|from)\s+(?:(?:a\s+team\s+of\s+|a\s+group\s+of\s+)?(?:researchers|scientists|"
              r"economists|analysts|experts|academics|engineers|doctors|staff|a\s+team|a\s+group)\s+"
              r"(?:at|from|of|with)\s+)?(?:the\s+)?(?:(?!(?:in|on|at|during|last|this|since)\s)[a-z-]+(?:[’']s)?,?\s+){0,3}?"
              r"((?:[A-Z][\w’'&.!-]*\s*(?:of\s+|and\s+|for\s+)?)+)")  # ("by the trust in March": no name)
    participle = (r"\s*(?:(?:last|this|earlier\s+this)\s+(?:week|month|year|fall|autumn|spring|summer|winter)\s+)?"
                  r"(?:(?!(?:seen|obtained|cited|quoted|leaked|reviewed|reported)\b)[a-z]+(?:ed|en|t)\s+"
                  r"(?:out\s+|up\s+)?)?(?:(?:on|in|at|with)\s+(?:[\w’'-]+\s+){1,4}?)?")  # ("filed in juvenile court by",
    # "a report last fall from the American Hospital Association")
    after = re.match(participle + author, rest) or re.search(
        # "a study published last month by X", "the survey of 18,000 pupils, carried out by X"
        r"\b(?:published|released|issued|compiled|conducted|carried\s+out|commissioned|prepared|produced|funded)\s+"
        r"(?:[\w,]+\s+){0,3}?" + author, rest)
    if after is None:  # "a document Matthesen prepared for her lawyers": the one who wrote it
        after = re.match(r"\s*(?:that\s+|which\s+)?(?:the\s+)?((?:[A-Z][\w’'&.-]*\s+(?:(?:of|and|for)\s+(?:the\s+)?)?){0,4}[A-Z][\w’'&.-]*)\s+(?:had\s+|has\s+)?"
                         r"(?:prepared|wrote|written|filed|released|published|issued|sent|compiled|drafted|signed|"
                         r"submitted|posted|commissioned)\b", rest)
    if after is None and low[at] in _PUBLISHED_IN:  # "a report in the Argus Leader": the paper that ran it
        after = re.match(r"\s*in\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?"
                         r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
                         r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
                         r"((?:[A-Z][\w’'&.!-]*\s*(?:of\s+|and\s+|for\s+)?)+)", rest)
    if after is None:  # "figures provided by the sheriff's office", "a report by the council's finance officers"
        common = re.match(participle + r"(?:by|from)\s+(the\s+[a-z]+(?:[’']s\s+[a-z]+(?:\s+[a-z]+)?)?)"
                          r"(?:\s+(?:after|before|on|at|in|during|last|this|earlier)\b.*)?\s*$", rest)
        if common is not None:
            return common.group(1), low[at]
    if after is not None:  # "a report by the Nurses' Union", "a lawsuit filed by the council": its author
        name = re.sub(r"\s+of\s+[A-Z][\w\s]*$", "", after.group(1).strip(" ,.")) if low[at] in _PUBLISHED_IN \
            and not re.match(r"\s*(?:by|from)\b", rest) else after.group(1)
        described = re.match(r"\s*(?:[a-z-]+\s+){1,3}((?:[A-Z][\w’'&.-]*\s*(?:of\s+|and\s+|for\s+)?)+)", rest[after.end(1):])
        if described is not None and re.fullmatch(r"[A-Z][a-z]+(?:ish|ian|ese|an|i)\s*", name):
            name = described.group(1)  # "by the British patient charity Breast Forward": the charity, not "British"
        return name.strip(" ,.").removesuffix(" of").removesuffix(" and"), low[at]
    before = [re.sub(r"[’']s$", "", w) for w in words[:at]]
    named = [w for w in before if w[:1].isupper() and w.lower() not in _STOP_CAPS and w.lower() not in ("internal", "leaked",
                                                                        "secret", "official", "new", "confidential",
                                                                        "classified", "private", "unpublished",
                                                                        "this", "that", "these", "those", "its",
                                                                        "their", "his", "her", "our", "latest",
                                                                        "recent", "same", "earlier", "separate")]
    return (" ".join(named) if named else ""), low[at]


UNNAMED = Entity(["unnamed"], kind="anonymous")  # the speaker of a statement the text attributes to no one
# first words of a speaker phrase that make it an unnamed, anonymous source
_INDEFINITE = frozenset("a an one another some several two three four many other my his her their our your".split())
_SUBJECT_REACH = 300  # characters back a sentence's named subject stays the topic a description refers to
_GENDER_REACH = 400  # characters further back a known man or woman beats a nearer name of unknown gender
_LEDE_REACH = 400  # characters after "the company said" in which a firm named next is the one meant
ROLE_WINDOW = 1500  # characters back in which an unmatched role noun may find the person it refers to


def resolve_cue_speakers(reg: SpeakerRegistry, cues: list["CueHit"], in_quotes: bool,
                         outer: dict[int, Entity | None] | None = None) -> None:
    """Set ``cue.entity`` for every cue outside quotes (``in_quotes`` False) or inside them (True).

    Pronouns go to the speaker of the governing cue ("X said he ..."), else to the subject of the
    previous attribution, else to the most recent compatible mention; role nouns to titled persons.
    """
    last: dict[str, tuple[Entity, int]] = {}  # "person" / "body" → latest attribution
    by_sentence: dict[int, list["CueHit"]] = {}
    for cue in cues:
        by_sentence.setdefault(cue.sent_start, []).append(cue)
    for cue in cues:
        inside = cue.quote_level is not None
        embedded = any(o is not cue and o.content is not None and o.content[0] <= cue.start < o.content[1]
                       for o in by_sentence[cue.sent_start])
        if inside == in_quotes and cue.speaker is None and cue.extra.get("unnamed"):
            cue.entity = UNNAMED  # "X is accused of …": an accusation nobody in the text is named as making
        if inside == in_quotes and cue.speaker is not None:
            phrase = cue.speaker
            if phrase.form != "pronoun":
                head = _unnamed_head(phrase.text)
                known = reg.unnamed_roles.get(head) if head and phrase.text.lower().startswith("the ") else None
                # "A spokesperson who did not wish to be named said …. “…,” the spokesperson said": the same one
                document = _DOCUMENT_REF.match(phrase.text)
                paper = document.group(1).lower() if document else None
                if paper is not None and document.group(0).lower().startswith("the ") and known is None:
                    # "an audit released by the Office of Inspector General …. the auditors wrote", "the report
                    # said": the author of the one the article is about
                    known = next((reg.unnamed_roles[k] for k in _PAPER_KEYS.get(paper, (paper,))
                                  if k in reg.unnamed_roles), None)
                cue.entity = known if known is not None else _entity_for_phrase(reg, phrase)
                if head and cue.entity is not None:
                    reg.unnamed_roles[head] = cue.entity
                if paper is not None and cue.entity is not None and cue.entity.kind in ("organisation", "person") \
                        and paper not in reg.unnamed_roles:
                    reg.unnamed_roles[paper] = cue.entity
            else:
                gender = PRONOUNS.get(phrase.text.lower())
                cue.entity = _resolve_pronoun(reg, cue, by_sentence[cue.sent_start], gender, last, outer or {})
                if cue.entity is not None and gender in ("m", "f") and cue.entity.gender is None:
                    cue.entity.gender = gender
        if not inside and not embedded and cue.entity is not None:
            if cue.entity.kind == "anonymous" and cue.speaker is not None and single_unnamed_person(cue.speaker.text):
                cue.entity.unnamed_person = True  # "A nurse, who asked not to be named, said …. “…,” she said"
            last["person" if cue.entity.kind == "person" or cue.entity.unnamed_person else "body"] = (cue.entity, cue.start)
            voice = _SPOKES.search(cue.speaker.text) if cue.speaker is not None and cue.entity.kind != "person" else None
            if voice is not None:  # "A Downing Street spokeswoman said …. Asked …, she said": the body she speaks for
                last["spokesman" if voice.group(1) == "man" else "spokeswoman"] = (cue.entity, cue.start)
            if cue.entity.kind == "person" and cue.speaker is not None:
                reg.speaker_subjects.append((cue.speaker.start, cue.entity))
            elif cue.entity.kind == "organisation" and cue.speaker is not None and cue.speaker.form in ("name", "body") \
                    and _has_name(cue.entity.canonical):
                reg.org_subjects.add(cue.speaker.start)  # "Ordway said …. The company said": the firm that spoke
                if cue.speaker.start not in cue.entity.positions:
                    bisect.insort(cue.entity.positions, cue.speaker.start)
                    reg._timeline = None


_DOCUMENT_REF = re.compile(r"(?:the|an?|its|this)\s+(?:[\w-]+\s+){0,2}?(report|audit|auditors|review|investigation|inquiry)\b",
                           re.IGNORECASE)
_PAPER_KEYS = {"auditors": ("audit", "report"), "audit": ("audit", "report"), "report": ("report", "audit")}


_BODY_SUBJECT = re.compile(r"(?:^|[.!?]\s+)[Tt]he\s+([a-z]+),?\s+(?!said|says)[a-z]+", re.MULTILINE)


_ROLE_SUBJECT = re.compile(r"(?:^|[.!?][”\"’']?\s+)[Tt]he\s+((?:[a-z-]+\s+){0,2}[a-z-]+)\s+(?!said|says|told|tells)"
                           r"(?:[a-z]+ed|was|is|had|has|paused|smiled|laughed|shrugged|nodded|sighed|hesitated)\b",
                           re.MULTILINE)


def _role_subject_before(reg: SpeakerRegistry, pos: int, gender: str | None, exclude: set[int]) -> tuple[Entity, int] | None:
    """The person a short narrative sentence just before ``pos`` opens on by role ("The city manager paused."),
    resolved and of ``gender``: within this paragraph or the one before, 400 characters at most."""
    found = list(_ROLE_SUBJECT.finditer(reg.text, max(0, pos - 400), pos))
    if not found:
        return None
    noun = found[-1].group(1)
    if noun.split()[-1] not in PERSON_NOUNS or noun.split()[-1] in _KIN_NOUNS:
        return None
    ent = reg.role("the " + noun, found[-1].start(1))
    if ent is None or ent.kind != "person" or id(ent) in exclude or gender in ("m", "f") and ent.gender != gender:
        return None
    return ent, found[-1].start(1)


def _body_subject_before(reg: SpeakerRegistry, pos: int) -> tuple[Entity, int] | None:
    """The body a sentence just before ``pos`` in its paragraph opens on ("The trust rejected …"), resolved."""
    para = reg.text.rfind("\n", 0, pos) + 1
    found = list(_BODY_SUBJECT.finditer(reg.text, para, pos))
    if not found:
        return None
    noun = found[-1].group(1)
    if noun in _SUITS:  # "The suit alleges …. It also claims …": the one who sued
        filer = _filer(reg, found[-1].start(1), pos)
        return (filer, found[-1].start(1)) if filer is not None else None
    ent = reg.role("the " + noun, found[-1].start(1)) if noun in ORGLIKE_WORDS else None
    return (ent, found[-1].start(1)) if ent is not None and ent.kind == "organisation" else None


_PAIR_OPENING = re.compile(r"(?:^|(?<=[.!?]\s))((?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]+)\s+and\s+(?![A-Z][\w’'-]+[’']s\b)",
                           re.MULTILINE)


def _pair_subject_before(reg: SpeakerRegistry, pos: int) -> tuple[Entity, int] | None:
    """The known person first named in a paired subject opening a sentence of this paragraph before ``pos``
    ("Republican Gov. Eric Holcomb and leaders of the Legislature have …"), with where that sentence starts."""
    para = reg.text.rfind("\n", 0, pos) + 1
    for match in reversed(list(_PAIR_OPENING.finditer(reg.text, para, pos))):
        words = match.group(1).split()
        ent = next((e for n in (3, 2, 1) if len(words) >= n for e in [reg.lookup_person(" ".join(words[-n:]))]
                    if e is not None and e.kind == "person"), None)
        if ent is not None:
            return ent, match.start()
    return None


_SPOKES = re.compile(r"\bspokes(man|woman)\b", re.IGNORECASE)
_NAME_BEFORE_ASIDE = re.compile(r"(?:^|[.!?]\s+|\n)([A-Z][\w’'-]+)[ \t]*,[ \t]*$")


def _resolve_pronoun(reg: SpeakerRegistry, cue: "CueHit", cues: list["CueHit"], gender: str | None,
                     last: dict[str, tuple[Entity, int]], outer: dict[int, Entity | None]) -> Entity | None:
    exclude: set[int] = set()
    if cue.quote_level is not None:
        outer_ent = outer.get(cue.quote_level)
        if outer_ent is not None:
            exclude.add(id(outer_ent))  # "he" inside a quote is someone other than the speaker
        return reg.most_recent(cue.start, gender, exclude, persons_only=gender in ("m", "f"))
    assert cue.speaker is not None
    aside = _NAME_BEFORE_ASIDE.search(reg.text, max(0, cue.speaker.start - 60), cue.speaker.start)
    if aside is not None and reg.text.startswith(",", cue.end):  # "Oberndorfer, he said, had first raised …":
        named = reg.lookup_person(aside.group(1))  # the one the aside interrupts is someone else
        if named is not None:
            exclude.add(id(named))
    for other in cues:  # "Stoltenberg said he ..." : the governing cue's speaker
        if other is cue or other.content is None or other.entity is None or other.quote_level is not None:
            continue
        if other.sent_start == cue.sent_start and other.content[0] <= cue.speaker.start < other.content[1]:
            if compatible(other.entity, gender):
                return other.entity
    person = last.get("person")
    body = last.get("body")
    if gender in ("m", "f") and re.match(r"[\s“”\"‘’']*Asked\b", reg.text[cue.sent_start: cue.speaker.start]):
        # "Asked whether Ms Marchbank would correct the record, she said": whoever was asked, not Marchbank
        exclude |= {id(e) for e in reg.entities if any(cue.sent_start <= p < cue.speaker.start for p in e.positions)}
    voice = last.get("spokesman" if gender == "m" else "spokeswoman")
    if gender in ("m", "f") and voice is not None and (person is None or person[1] < voice[1]) \
            and cue.start - voice[1] < 600 and len(re.findall(r"\n+", reg.paragraph_gap(voice[1], cue.start))) <= 1:
        named = reg.most_recent(cue.speaker.start, gender, exclude)
        if named is None or max(p for p in named.positions if p < cue.speaker.start) < voice[1]:
            return voice[0]  # (no man or woman named since the spokesman spoke)
    if gender in ("m", "f"):
        opening = re.match(r"[\s“”\"‘’']*((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)\s+(?:had|has|was|is|would|will|could|did|should)\b",
                           reg.text[cue.sent_start: cue.speaker.start])
        if opening is not None and cue.content is not None and cue.content[0] <= cue.sent_start + opening.start(1):
            named = reg.lookup_person(opening.group(1))  # "Stainforth had left “nowhere to go”, he said": the one the
            if named is not None:  # words are about is not the one who says them
                exclude.add(id(named))
        here = reg.most_recent(cue.speaker.start, gender, exclude, window=cue.speaker.start - cue.sent_start)
        if here is not None and here.gender == gender and (person is None or here is not person[0]):
            # "While the campaign did not appeal to Julie Graham, …, she said": the woman just named
            return here
        role_subject = _role_subject_before(reg, cue.speaker.start, gender, exclude)
        if role_subject is not None and (person is None or person[1] < role_subject[1]):
            return role_subject[0]  # "Pruitt asked Amsel …. The city manager paused. “…,” he said": the manager
        k = bisect.bisect_left(reg.subjects, cue.sent_start, key=lambda item: item[0]) - 1
        # a named person who is the subject of a narrative sentence after the last attribution ("Adler was
        # more cautious. “…,” he said") or opens the paragraph: "he" is that person
        if k >= 0 and (person is None or person[1] < reg.subjects[k][2] <= cue.start or person[1] < reg.subjects[k][0]) \
                and cue.sent_start - reg.subjects[k][0] < 600 and len(re.findall(r"\n+", reg.paragraph_gap(reg.subjects[k][0], cue.start))) <= 1 \
                and compatible(reg.subjects[k][1], gender) \
                and not (gender == "m" and _looks_female(reg.subjects[k][1])) and id(reg.subjects[k][1]) not in exclude:
            # a new paragraph opening on a named person ("Vasko later addressed journalists. “…,” she said"):
            # "she" is that person, not the speaker of an earlier paragraph
            return reg.subjects[k][1]
        para = reg.text.rfind("\n", 0, cue.start) + 1
        opener = reg.paragraph_subject(para, gender, exclude)
        back = para
        for _ in range(2):  # "In an interview, Ilvane was relaxed. / Was he worried? / “No,” he said": the
            if opener is not None or back == 0:  # paragraph before opens on him, and no one has spoken since
                break
            end = back - 1
            while end > 0 and reg.text[end - 1] == "\n":
                end -= 1
            back = reg.text.rfind("\n", 0, end) + 1
            if person is not None and person[1] >= back or cue.start - back > 600:
                break
            opener = reg.paragraph_subject(back, gender, exclude, known=True)
        if opener is not None and (person is None or person[1] < back):
            return opener  # "Morrow laughed when asked about it. “…,” she said": the paragraph opens on her
        if body is not None and (person is None or body[1] > person[1]) and cue.start - body[1] < 600 \
                and _person_like(body[0], gender, unknown=True) and "\n\n" not in reg.text[body[1]: cue.start]:
            # "Tarik Osei told the council … “…,” he said": a name the tagger took for a body spoke last
            body[0].kind = "person"
            return body[0]
        if person is not None and len(re.findall(r"\n+", reg.paragraph_gap(person[1], cue.start))) >= 2:
            # the last speaker spoke paragraphs ago: a man or woman named in this paragraph or the one before
            # comes first ("… I thought of Elise Matthesen. How would she feel? / “…,” she replied")
            before = reg.text.rfind("\n", 0, len(reg.text[:para].rstrip()))
            fresh = reg.most_recent(cue.start, gender, exclude, window=cue.start - before)
            first = min((p for p in fresh.positions if before < p < cue.start), default=cue.start) if fresh else 0
            pronoun = r"\b(?:he|him|his)\b" if gender == "m" else r"\b(?:she|her|hers)\b"
            if fresh is not None and fresh.gender == gender and not re.search(  # (and not "he was photographed
                    # with Epstein": a pronoun before the new name keeps the chain going)
                    r"\b" + re.escape(surname_of(person[0].canonical)) + r"\b", reg.text[before: cue.start]) \
                    and not re.search(pronoun, reg.text[before: first], re.IGNORECASE):
                return fresh
        if person is not None and compatible(person[0], gender) and cue.start - person[1] < 2500:
            return person[0]
        found = reg.most_recent(cue.start, gender, exclude)
        if found is None and body is not None and cue.start - body[1] < 1500 and _person_like(body[0], gender):
            body[0].kind = "person"  # "Tamsin Arley said …. “…,” she said": a name the tagger took for a body
            return body[0]
        if found is None:  # a two-word subject the tagger did not know for a person: "Tamsin Arley met …"
            name = max(((p, n) for p, n in reg.subject_names if p < cue.start and cue.start - p < 600
                        and gender_of(n) in (None, gender)), default=None)
            if name is not None:
                found = reg.person(name[1], name[0])
        return found
    if gender == "p" and person is not None and person[0].gender is None and cue.start - person[1] < 400 \
            and (body is None or body[1] < person[1]) and "\n\n" not in reg.text[person[1]: cue.start]:
        return person[0]  # "Kym Lino, a spokesperson for Instagram, confirmed … “…,” they said": singular they
    if gender == "p":
        pair = _pair_subject_before(reg, cue.sent_start)
        if pair is not None and (person is None or person[1] < pair[1]) and (body is None or body[1] < pair[1]):
            return pair[0]  # "Gov. Eric Holcomb and leaders of the Legislature have avoided …. They said": Holcomb
    if gender == "n":
        subject = _body_subject_before(reg, cue.speaker.start)
        if subject is not None and (body is None or body[1] < subject[1]):
            return subject[0]  # "The trust rejected that. In a statement, it said …": the body just the subject
    if body is not None and cue.start - body[1] < 2500 and not (gender == "n" and body[0].kind == "anonymous"):
        return body[0]  # (never "it" for "Nurses at the hospital said …": an unnamed group is no "it")
    if gender == "n":
        return reg.most_recent(cue.start, None, {id(e) for e in reg.entities if e.kind == "person"},
                               persons_only=False)
    return None
