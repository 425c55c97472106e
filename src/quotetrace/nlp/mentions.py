"""Person and organisation mentions: titles, names inside titled noun phrases, a cheap text scanner."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from quotetrace.nlp.gender import is_given_name

TITLE_WORDS = frozenset(
    """president vice prime minister secretary secretary-general general chancellor spokesman spokeswoman
    spokesperson ambassador senator councillor councilor councilman councilwoman cr cr. cllr cllr. comrade alhaji
    alhaja haji hajiya barrister engr engr. hon hon. shri smt mzee nana counsel det det. ds dc dci di dsi dcs pc
    insp insp. supt supt. supervisor alderman alderwoman selectman ombudswoman ombudsperson sen. rep. representative gov. governor mayor mr. mrs. ms. dr. mr mrs ms dr
    chief director ceo chairman chairwoman chair king queen prince princess pope judge justice commissioner
    envoy commander lt. col. gen. adm. admiral colonel lieutenant captain capt. sgt. sergeant officer official
    head leader premier foreign defense defence deputy former then acting press attorney lawmaker congressman
    congresswoman speaker president-elect guardsman analyst professor prof. economist executive founder coach
    manager aide adviser advisor diplomat negotiator mp mep sheriff detective inspector superintendent
    archbishop bishop cardinal rabbi imam sheikh emir crown spokesmen officials leaders chiefs ministers
    correspondent reporter editor columnist author researcher scientist expert pastor father sister saint
    sir dame lord lady baron president's principal headmaster headteacher teacher farmer lawyer doctor nurse
    activist resident witness midfielder striker goalkeeper defender forward player singer actor actress
    novelist historian engineer pilot chef owner mother student entrepreneur investor banker ceo cfo coo
    cto chairperson ombudsman auditor prosecutor spokesperson commentator host anchor constable rev rev. revd revd.
    rt rt. ven ven. archdeacon canon dean vicar rector chaplain""".split()
)
# honours and qualifications written after a name ("Helen Stavely KC", "Ana Ruiz MP")
POST_NOMINALS = frozenset("KC QC SC MP MEP MSP MLA MPP TD AM OBE CBE MBE DBE KBE PhD MD DDS Esq CPA RN".split())
# title words that only modify a title ("Former", "Acting"): alone before a name, no title at all
TITLE_MODIFIERS = frozenset("former then acting deputy vice foreign defense defence press crown head".split())
# occupations that stand before a name like a title ("Critic Jon Vale", "Librarian Sofia Brandt")
OCCUPATIONS = frozenset(
    """critic conductor
    composer musician painter sculptor artist designer architect photographer filmmaker poet writer playwright
    dancer choreographer surgeon physician paramedic midwife pharmacist dentist vet veterinarian biologist
    physicist chemist geologist epidemiologist virologist psychologist climatologist meteorologist
    astronomer mathematician sociologist philosopher lecturer curator librarian archivist athlete runner
    sprinter cyclist swimmer skier boxer wrestler jockey trainer referee umpire skipper fisherman miner
    driver mechanic electrician plumber builder carpenter baker butcher grocer shopkeeper landlord tenant
    shepherd winemaker blogger influencer podcaster broadcaster presenter journalist photojournalist
    campaigner organiser organizer volunteer veteran survivor priest vicar nun monk coroner pathologist magistrate
    registrar examiner""".split()
)
PERSON_ROLES = frozenset(
    """chief secretary-general general minister president spokesman spokeswoman spokesperson leader official
    ambassador chancellor director head premier envoy commander senator governor mayor lawmaker prosecutor
    judge officer executive ceo chairman chairwoman founder analyst expert professor diplomat aide adviser
    advisor secretary premier king queen pope negotiator economist researcher scientist author editor
    correspondent spokespeople striker goalkeeper midfielder defender winger quarterback coach manager captain
    sprinter novelist poet singer actor actress geologist lawyer attorney solicitor watchman bishop""".split()
)
# nouns that can only name a person ("the British royal denied …", "the rapper claimed …"): a speaker even
# with a cue that is not a verb of saying
PERSON_NOUNS = PERSON_ROLES | OCCUPATIONS | (TITLE_WORDS - frozenset(
    "foreign defense defence deputy former then acting press vice crown".split())) | frozenset(
    """royal star rapper duke duchess monarch billionaire tycoon mogul legislator congressman filmmaker producer
    strategist pollster activist protester suspect defendant plaintiff teenager worker employee boss trader
    fan comedian guitarist drummer bassist frontman frontwoman singer-songwriter socialite heir heiress model
    golfer batsman bowler pitcher outfielder infielder rookie veteran incumbent challenger candidate nominee
    whistleblower songwriter lyricist composer musicologist novelist poet playwright screenwriter
    scientist researcher physician surgeon nurse pastor rabbi imam priest roommate flatmate classmate teammate
    colleague friend co-founder cofounder assistant successor predecessor neighbour neighbor rival ally""".split())
ORG_NOUNS = frozenset(
    """ministry kremlin government newspaper agency company department office pentagon police army military
    embassy committee council commission court party union bloc alliance administration campaign firm group
    board bank regulator authority authorities white house statement report documents document paper study
    survey outlet broadcaster network channel website magazine daily tabloid publication cabinet parliament
    congress senate presidency palace foundation institute university organisation organization federation
    association league society chamber coalition charity watchdog club directorate force constabulary headquarters
    centre center project mission bureau service""".split()
)
# nouns that stand for a business ("the company said", "the lender declined to comment")
COMPANY_NOUNS = frozenset(
    """company firm group bank lender carrier airline insurer retailer manufacturer carmaker automaker maker
    operator developer producer supplier utility startup conglomerate chain giant insurer broker brokerage label
    studio publisher chipmaker drugmaker steelmaker miner automaker broadcaster shipper shipbuilder refiner
    brewer grocer""".split()
)
ORG_NOUNS = ORG_NOUNS | COMPANY_NOUNS
# words in an organisation's name that make it a public body, never "the company"
PUBLIC_BODY_WORDS = frozenset(
    """ministry agency authority commission council court police government party union parliament army office
    department committee administration university institute federation association service staff forces
    guard command assembly senate congress cabinet presidency municipality city county region regional
    ombudsman""".split()
)
# social platforms the tagger often takes for persons ("posted on Twitter"): never a speaker's name
PLATFORMS = frozenset("twitter instagram facebook youtube tiktok weibo wechat reddit linkedin snapchat whatsapp "
                      "telegram tumblr threads bluesky".split())
# a live page's stamps ("Update, 7:10 PM ET:"): never a name
STAMPS = frozenset("update updated correction clarification et ct pt mt est edt cst cdt pst pdt gmt bst utc cet".split())
_STOP_CAPS = frozenset(
    """the a an in on at of for and but or to from by with as this that these those it its he she they we i
    his her their our earlier later meanwhile however while when after before since during monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july august september
    october november december today yesterday tomorrow according""".split()
) | STAMPS
_LOWER = r"[^\W\d_A-Z]"  # a lower-case letter, accented ones too ("Kovač", "Bergström")
_NAME = r"(?:[A-ZÀ-ÖØ-Þ]" + _LOWER + r"+(?:[-’'][A-Z]?" + _LOWER + r"+)*|Mc[A-Z][a-z]+|[A-Z]\.)"
_TITLES_BEFORE_NAMES = sorted((w for w in TITLE_WORDS | OCCUPATIONS if w.isalpha() or w.endswith(".") or "-" in w),
                              key=len, reverse=True)
# the lookahead (a short word, then a capital) rejects most positions before the long alternation is tried
_TITLED_NAME = re.compile(
    r"\b(?=[\w.\-]{1,%d}[ \t]+[A-ZÀ-ÖØ-Þ])((?i:" % len(_TITLES_BEFORE_NAMES[0])
    + "|".join(re.escape(w) for w in _TITLES_BEFORE_NAMES)
    + r"))[ \t]+(" + _NAME + r"(?:[ \t]+(?:(?:de|del|de[ \t]+la|da|dos|van|von|di)[ \t]+)?" + _NAME + r"){0,3})(?![\w’'])"
)
_PREFIX_WORDS = re.compile(r"((?:[A-Za-z][\w.\-]*\s+){0,3})$")


@dataclass(frozen=True)
class NameMention:
    """A name found in the text with any title seen beside it."""

    name: str
    start: int
    end: int
    title: str | None = None
    kind: str = "person"


def _is_title(word: str) -> bool:
    low = word.lower().strip(",")
    return low in TITLE_WORDS or low.split("-")[-1] in TITLE_WORDS or low in OCCUPATIONS


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """Split a capitalised run like [NATO, Secretary-General, Jens, Stoltenberg] into (title, name)."""
    last_title = -1
    for i, word in enumerate(words):
        if _is_title(word):
            last_title = i
        elif word.lower() in ("to", "of", "for") and last_title == i - 1 and i + 2 < len(words):
            last_title = i + 1  # "Ambassador to Russia William Burns": the place belongs to the title
    title, name = words[: last_title + 1], words[last_title + 1:]
    if len(name) > 3:  # long proper-noun runs ("Air National Guardsman Jack Teixeira"): keep the tail
        title, name = title + name[:-2], name[-2:]
    return title, name


def scan_titled_names(text: str) -> list[NameMention]:
    """Names introduced by a title anywhere in the text ("Kremlin spokesman Dmitry Peskov")."""
    out = []
    at = 0
    while (match := _TITLED_NAME.search(text, at)) is not None:
        at = match.end()
        if _in_headline(text, match.start()):
            continue
        title_word = match.group(1)
        if title_word[0].islower() and title_word.lower() in {"head", "chief", "official", "former", "then"}:
            continue  # "head Moscow" etc. are rarely a title before a name when lower case
        if title_word.lower() in TITLE_MODIFIERS and not _is_title(match.group(2).split()[0]):
            continue  # "Former Pellbury mayor …": "Former" qualifies the title after the name
        name_words = [re.sub(r"[’']s$", "", w) for w in match.group(2).split()]
        later = [k for k, w in enumerate(name_words) if k > 0 and _is_title(w)]
        if later:  # "Chief Financial Officer Tobias Renn": scan again from the last title word
            at = match.start(2) + match.group(2).find(match.group(2).split()[later[-1]])
            continue
        while name_words and (name_words[0].lower() in _STOP_CAPS or _is_title(name_words[0])):
            name_words = name_words[1:]
        while name_words and name_words[-1].lower() in _STOP_CAPS:
            name_words = name_words[:-1]
        if not name_words or all(len(w) <= 2 for w in name_words):
            continue
        if name_words[-1].lower() in ORG_NOUNS:
            continue  # "Defence Ministry", "Interior Agency": a body, not a titled person
        name = " ".join(name_words)
        start = match.start(2) + match.group(2).find(name_words[0])
        before = _PREFIX_WORDS.search(text, max(0, match.start() - 60), match.start())
        prefix = [w for w in (before.group(1).split() if before else [])
                  if w[:1].isupper() and w.lower() not in _STOP_CAPS]
        title = " ".join(prefix + [title_word]).strip()
        out.append(NameMention(name, start, start + len(name), title))
    return out


def _in_headline(text: str, pos: int) -> bool:
    """Title-case lines (headlines) make every word look like a name."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    words = text[lo: hi if hi >= 0 else len(text)].split()
    caps = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 4 and caps / len(words) > 0.6


def _masked(token: Token) -> bool:
    return len(token.text) >= 4 and token.text.count("x") == len(token.text)


def noun_phrase(head: Token) -> Span:
    """The head's noun phrase without relative clauses, appositions or trailing punctuation."""
    left = head.left_edge.i
    while left < head.i and (head.doc[left].is_punct or head.doc[left].is_quote or _masked(head.doc[left])):
        left += 1  # never start a speaker phrase inside the quote it attributes
    right = head.i
    for child in head.rights:
        if child.dep_ in {"relcl", "appos", "punct", "acl", "cc", "conj", "advcl"}:
            break
        right = child.right_edge.i
    comma = next((t.i for t in head.doc[head.i + 1: right] if t.text == "," and t.nbor().lower_ in ("a", "an", "the", "which",
                                                                                              "who")), None)
    if comma is not None and not any(t.text[:1].isupper() for t in head.doc[comma + 2: right + 1]):
        # "the Foundation for Campus Expression, a national advocacy group,": the name only (but "the chair of the
        # judges, the critic Fiona Lomax," keeps the name the role ends in)
        right = comma - 1
    return head.doc[left: right + 1]


def name_of(head: Token) -> tuple[str | None, str | None]:
    """(name, title) for a proper-noun head: the proper-noun run ending at the head, titles split off."""
    doc = head.doc
    i = head.i
    while i > 0 and doc[i - 1].pos_ == "PROPN" or (i > 1 and doc[i - 2].pos_ == "PROPN" and (
            doc[i - 1].text == "-" or doc[i - 1].text in ("'", "’") and doc[i - 2].lower_.endswith("s")
            and not doc[i - 2].whitespace_ and doc[i - 1].dep_ == "case")):  # ("The Motorists' Alliance")
        i -= 1
    last = head.i
    while last + 2 < len(doc) and doc[last + 1].text == "-" and not doc[last].whitespace_ \
            and not doc[last + 1].whitespace_ and doc[last + 2].pos_ == "PROPN":
        last += 2  # "Okafor-Reyes" cut at its hyphen, the head on the left half
    words: list[str] = []
    joined = False
    for t in doc[i: last + 1]:
        if t.text in ("'", "’") and words and t.dep_ == "case":
            words[-1] += t.text
        elif t.text == "-":  # "Lindqvist-Omondi" keeps its hyphen; a spaced dash joins nothing
            joined = bool(words) and not doc[t.i - 1].whitespace_ and not t.whitespace_
        elif joined:
            words[-1] += "-" + t.text
            joined = False
        else:
            words.append(t.text)
    words = [w for w in words if w.lower() not in {"’s", "'s"}]
    while len(words) > 1 and words[-1].rstrip(".,") in POST_NOMINALS:
        words.pop()  # "Helen Stavely KC": the letters after a name are no part of it
    title_words, name_words = split_title(words)
    if i > 0 and doc[i - 1].lower_ in ("to", "of", "for") and len(name_words) >= 3:
        # "Ambassador to Russia William Burns": the run opens with the place of the title before it
        title_words, name_words = title_words + name_words[:1], name_words[1:]
    lo = head.left_edge.i
    while lo < i and (doc[lo].is_punct or doc[lo].is_quote or _masked(doc[lo])):
        lo += 1
    left = doc[lo: i].text.strip()
    title = " ".join(([left] if left and not left.lower().startswith(("the ", "a ")) else []) + title_words).strip()
    if left.lower().startswith(("the ", "a ")):
        title = " ".join([left[4:] if left.lower().startswith("the ") else left[2:]] + title_words)
    name = " ".join(name_words).strip() or None
    if name and title:  # "President Rosa Elvira | Ochoa Valdivia", "leader Alberto Sáez | de Ibarra": one name, cut
        kept, particle = title.split(), name.split()[0] in _PARTICLES
        while kept and kept[-1][:1].isupper() and not _is_title(kept[-1]) and (is_given_name(kept[-1]) or particle) \
                and len(name.split()) < 5:
            particle = particle and not is_given_name(kept[-1])
            name = kept.pop() + " " + name
        title = " ".join(kept)
    return name, (title or None)


_PARTICLES = frozenset("de del da dos di van von du la".split())
