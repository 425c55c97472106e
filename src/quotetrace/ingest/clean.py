"""Junk inside extracted article text, marked as labelled spans (the text itself is never changed).

Rules look at the shape of a line: short, built from UI vocabulary, without sentence structure
(no quotation marks, no reporting verb, few words). A line that reads like a sentence of the
article is never marked by a keyword alone. Labels say why a span was marked.
"""

from __future__ import annotations

import logging
import re
import string
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from quotetrace.ingest.boilerplate import MAX_LINE_CHARS, normalise_line
from quotetrace.records import Span

LOGGER = logging.getLogger(__name__)
LEARNED_BOILERPLATE = "learned-boilerplate"  # the label of lines learned from the corpus (corpus-dependent)

_BULLETS = "•·‣◦▪▸►»›*-–—|"
_LEAD = re.compile(rf"^[\s{re.escape(_BULLETS)}]*")
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_QUOTE_MARKS = re.compile(r"[\"“”„«]")  # not a lone "»": pages use it as an arrow ("Read more »")
_ASCII_LETTERS_AS_A = bytes.maketrans(string.ascii_letters.encode(), b"a" * 52)  # for _Line.least_words
# A reporting verb or clause makes a line a sentence of the article, whatever else it contains.
_REPORTING_WORDS = ("said", "says", "told", "tells", "according to", "added", "stated", "announced", "argued", "warned")
_REPORTING = re.compile(rf"\b(?:{'|'.join(_REPORTING_WORDS)})\b", re.I)
# The same on a lowered line without ASCII lookalikes (``_Line.may_contain``): 2x faster than ``re.I``. Lowering keeps
# every other character's length and whether it is a word character (tested over all of Unicode).
_REPORTING_LOWER = re.compile(_REPORTING.pattern)
# The characters outside ASCII that ``re.I`` matches to an ASCII letter (İ ı ſ K: tested exhaustively).
_ASCII_LOOKALIKES = re.compile("[\u0130\u0131\u017f\u212a]")

MAX_WIDGET_WORDS = 12  # UI prompts, appeals and badges are short
MAX_RULE_CHARS = 600  # no rule marks a longer line (paragraphs of prose), so they are not even looked at
MAX_LEARNED_RAW = 4 * MAX_LINE_CHARS  # the learner never counts a longer raw line (see BoilerplateLearner.observe)


class _Line:
    """One line of a text. Its words are found when a rule first asks: most lines are prose no rule reads."""

    __slots__ = ("start", "end", "core", "core_start", "_words", "_lowered", "_least_words")

    def __init__(self, start: int, end: int, core: str, core_start: int) -> None:
        self.start = start  # offset of the line's first character in the text
        self.end = end  # offset just past its last non-newline character
        self.core = core  # the line without leading bullets/whitespace and trailing whitespace
        self.core_start = core_start  # offset of ``core`` in the text
        self._words: tuple[str, ...] | None = None
        self._lowered: str | None = None
        self._least_words: int | None = None

    @property
    def words(self) -> tuple[str, ...]:
        """The words of ``core`` (empty for a line longer than any rule looks at)."""
        if self._words is None:
            self._words = tuple(_WORDS.findall(self.core)) if len(self.core) <= MAX_RULE_CHARS else ()
        return self._words

    @property
    def least_words(self) -> int:
        """A lower bound on ``len(self.words)``, without the regex: an ASCII letter after a space (or first) starts
        a word (``_WORDS`` matches letters, joined only by apostrophes). 0 for a line too long for any rule."""
        if self._least_words is None:
            if len(self.core) > MAX_RULE_CHARS:
                self._least_words = 0
            else:
                marked = self.core.encode("utf-8", "surrogatepass").translate(_ASCII_LETTERS_AS_A)
                self._least_words = marked.count(b" a") + marked.startswith(b"a")
        return self._least_words

    def may_contain(self, needles: tuple[str, ...]) -> bool:
        """False only when no case-insensitive regex can match one of ``needles`` (lowercase ASCII) in ``core``:
        a substring test standing before a slow ``re.I`` search, never changing its answer."""
        if self._lowered is None:
            # Non-ASCII letters that ``re.I`` equates with ASCII ones ("ſ" with "s") defeat the test: "" says so.
            lookalike = not self.core.isascii() and _ASCII_LOOKALIKES.search(self.core)
            self._lowered = "" if lookalike else self.core.lower()
        return not self._lowered or any(needle in self._lowered for needle in needles)


def _lines(text: str) -> Iterator[_Line]:
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        lead = _LEAD.match(body)
        skip = lead.end() if lead else 0
        # rstrip() strips what ``\s+$`` matches (str.isspace both), without a regex attempt at every space.
        stop = skip + len(body[skip:].rstrip())
        yield _Line(pos, pos + len(body), body[skip:stop], pos + skip)
        pos += len(raw)


def _sentence_like(line: _Line) -> bool:
    """A quote or a reporting verb: the line belongs to the article, not to the page around it."""
    if _has_quote_mark(line.core):
        return True
    if not line.may_contain(_REPORTING_WORDS):
        return False
    lowered = line._lowered  # set by may_contain: "" when lookalike letters make re.I necessary
    return bool(_REPORTING_LOWER.search(lowered) if lowered else _REPORTING.search(line.core))


def _has_quote_mark(core: str) -> bool:
    """``_QUOTE_MARKS.search(core)``, 10x faster: five substring tests."""
    return '"' in core or "“" in core or "”" in core or "„" in core or "«" in core


def _full(*patterns: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching a whole line (optional closing punctuation allowed)."""
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"^(?:{body})[\s.!?:…]*$", re.I)


# --- whole-line rules -------------------------------------------------------------------------

_ERROR_WIDGET = _full(
    r"oops!?", r"whoops!?", r"uh[ -]oh!?", r"sorry!?",
    r"(?:oops!?\s*)?something went wrong(?:[.,!]?\s*please try again(?: later)?)?",
    r"(?:please )?try again(?: later)?",
    r"an? (?:unexpected |unknown )?error (?:has )?occurred(?:[.,!]?\s*please try again(?: later)?)?",
    r"there (?:was|has been) (?:an error|a problem)(?: \w+){0,5}(?:[.,!]?\s*please try again(?: later)?)?",
    r"(?:error|failed to|unable to) load(?:ing)?(?: the)?(?: \w+){0,3}",
    r"your browser does not support(?: the)?(?: \w+){0,3}",
    r"(?:please )?enable javascript(?: \w+){0,6}", r"javascript is (?:disabled|required)(?: \w+){0,6}",
    r"this (?:video|content|embed|media) (?:is (?:not|no longer) available|cannot be (?:played|displayed))(?: \w+){0,4}",
    r"loading(?: comments| more)?(?:\.\.\.|…)?", r"please wait(?:\.\.\.|…)?",
)

_PAYWALL = _full(
    r"subscribe (?:now )?to (?:continue|keep) reading(?: \w+){0,6}",
    r"(?:this|the) (?:article|story|content|page) is (?:only )?(?:for|available to|reserved for) "
    r"(?:our )?(?:paying |premium )?(?:subscribers|members)(?: only)?",
    r"(?:for )?subscribers only", r"premium (?:content|article)", r"exclusive to (?:subscribers|members)",
    r"already a (?:subscriber|member)\??(?:\s*(?:log|sign) in(?: here)?)?",
    r"you(?:'|’)?ve (?:reached|used) (?:your|all your) (?:limit of )?(?:free )?(?:articles?|stories)(?: \w+){0,6}",
    r"you have (?:reached|used) (?:your|all your) (?:limit of )?(?:free )?(?:articles?|stories)(?: \w+){0,6}",
    r"(?:to )?(?:continue|keep) reading,? (?:please )?(?:subscribe|log in|sign in|register)(?: \w+){0,6}",
    r"unlock (?:this|the full) (?:article|story)(?: \w+){0,4}",
    r"(?:to )?read the (?:full|rest of the|whole) (?:article|story),? (?:please )?(?:subscribe|log in|sign in|register)(?: \w+){0,6}",
)

_ADVERTISEMENT = _full(
    r"advertisement", r"advertising", r"advert", r"ad", r"sponsored(?: content| post| by(?: \w+){1,4})?",
    r"paid (?:content|post|partnership)", r"scroll (?:down )?to continue(?: with content| reading)?",
    r"(?:the )?(?:story|article) continues (?:below|after)(?: (?:this |the )?(?:advertisement|ad))?",
    r"continue reading (?:below|the main story)", r"skip (?:advertisement|ad)",
)

_READ_MORE = re.compile(
    r"^(?:read more|read also|also read|more reading|see also|related(?: (?:articles?|stories|story|coverage|content|news|reading|topics?))?"
    r"|more on (?:this|the) (?:story|topic)|recommended(?: for you| reading| stories)?|most (?:read|popular|viewed)"
    r"|you (?:may|might) also (?:like|be interested in)|trending(?: now| stories)?|(?:latest|top) stories"
    r"|watch(?: now)?|listen(?: to this (?:article|story))?|further reading|see more|don[’']?t miss|more|also"
    r"|popular (?:on|in) [\w' ]{1,30}|most read in [\w' ]{1,30}|explore further|related posts?|editor[’']?s picks?"
    r"|(?:more|latest) (?:from|in|on) [\w'’ ]{1,30}|up next|next up|in case you missed it)"
    r"\s*(?:[:»›>|\-–—]|$)", re.I)

_CLICK_HERE = re.compile(r"^(?:please )?(?:click|tap) (?:here|this link|the link below)\b|\bby (?:clicking|tapping) here$"
                         r"|^visit [\w'’ .]{1,40} for more\b", re.I)

_SUBSCRIBE = re.compile(
    r"^(?:(?:please |click (?:here )?to |tap to )?(?:sign up|subscribe|register|opt in|(?:get|receive|join) "
    r"(?:our|the latest|the best|free|daily|weekly|breaking))\b.{0,80}\b(?:newsletters?|briefings?|bulletins?|digest|inbox|alerts?|updates|emails?|e-mails?|mailing list)\b"
    r"|(?:please )?(?:subscribe|sign up|register)(?: (?:now|today|here|for free|free))?"
    r"|subscribe (?:to|for) [\w'’.&-]+(?: [\w'’.&-]+){0,9}"
    r"|thanks? (?:you )?for (?:signing up|subscribing|registering)!?"
    r"|(?:our|the|daily|weekly|morning|evening|free) newsletters?"
    r"|(?:enter|type) your e-?mail(?: address)?(?: \w+){0,6}"
    r"|(?:log|sign) (?:in|out)(?: to (?:your account|continue|comment))?|create (?:an|your|a free) account"
    r"|by (?:signing up|subscribing),? you agree(?: \w+){0,12}"
    r")[\s.!?:…]*$", re.I)

_SHARE_WORDS = {
    "share", "shares", "shared", "sharing", "tweet", "retweet", "email", "e-mail", "mail", "print", "copy", "link",
    "copied", "url", "facebook", "twitter", "x", "whatsapp", "linkedin", "reddit", "telegram", "pinterest",
    "messenger", "flipboard", "pocket", "bluesky", "threads", "mastodon", "vk", "viber", "sms", "on", "via", "this",
    "article", "story", "page", "post", "the", "to", "with", "friends", "a", "friend", "send",
}
_SHARE_VERBS = {"share", "tweet", "email", "e-mail", "print", "copy", "send", "retweet"}
_NETWORKS = (r"(?:twitter|x|facebook|instagram|youtube|tiktok|linkedin|threads|bluesky|mastodon|telegram|whatsapp"
             r"|snapchat|google news|flipboard|pinterest|reddit|apple news)")
_FOLLOW = re.compile(
    rf"^(?:follow|like|join|find|connect with) (?:us|[\w'’ .&-]{{1,30}}?) on (?:(?:and|or|&)?\s*{_NETWORKS}\b[\s,./&]*){{1,8}}$"
    r"|^(?:like|enjoy(?:ed)?|love[ds]?) this (?:story|article|post)\?.{0,60}$"
    r"|^this (?:article|story) has been (?:sent|shared)\b.{0,40}$", re.I)

_UI_WORDS = {
    "order", "reprints", "permissions", "reprint",
    "menu", "close", "open", "search", "home", "skip", "to", "content", "main", "navigation", "back", "top", "next",
    "previous", "prev", "article", "story", "comments", "comment", "show", "hide", "load", "more", "view", "all",
    "save", "saved", "bookmark", "listen", "font", "size", "text", "print", "expand", "collapse", "toggle", "reply",
    "replies", "like", "likes", "gift", "this", "the", "a", "of", "now", "live", "updates", "min", "mins",
    "minute", "minutes", "read", "reading", "time", "play", "video", "audio", "audio", "photos", "gallery", "slideshow",
    "enlarge", "zoom", "fullscreen", "mute", "unmute", "caption", "credits", "jump", "section", "sections", "tags",
    "topics", "log", "in", "out", "sign", "account", "my", "profile", "settings", "notifications", "dark", "mode",
    "light", "edition", "language",
}

# Picture agencies, case-sensitive: "(ePA)" in a sentence is an abbreviation, "(EPA)" after a caption a credit.
_AGENCIES = (r"Getty Images|AFP(?: via Getty Images)?|AP|Reuters|REUTERS|EPA(?:-EFE)?|Shutterstock|Alamy|iStock"
             r"|Unsplash|PA(?: Media| Wire)?|Bloomberg|Xinhua|TASS|Anadolu(?: Agency)?")
_CAPTION = re.compile(
    r"(?:^(?:(?:cover|main|top|lead|header|featured|hero|file|inset|above|below|pictured)\s+)?|[.(\[|]\s*)(?:photo(?:graph)?s?|image|picture|pic|illustration|graphic|video|footage|credit)"
    r"(?: credit)?\s*(?::|/|©|by\s+(?-i:[A-Z]))"
    rf"|^\(?(?-i:{_AGENCIES})(?:\s*(?:/|via|photo)\s*[\w .,'’-]{{0,60}})?\)?$"
    rf"|\((?:[\w .'’-]{{1,40}}/)?(?-i:{_AGENCIES})\)$"
    r"|\b(?-i:AP|AFP|Reuters|REUTERS|EPA|Getty) (?:photo|images?)\s*/"
    r"|^©\s*\w"
    r"|\bphoto by [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*(?: on| via| for| /|$)",
    re.I)

# An appeal is imperative ("Support ...", "Donate", "Become a member") ...
_APPEAL_START = {
    "support", "donate", "become", "help", "contribute", "give", "join", "please", "make", "chip", "consider",
    "back", "fund", "keep", "pledge", "buy",
}
_APPEAL = re.compile(
    r"\bdonat(?:e|ion|ions)\b|\bbecome (?:a|an|our) (?:member|supporter|patron|friend|subscriber)\b|\bchip in\b"
    r"|\bmake a (?:contribution|gift|pledge|donation)\b|\bcontribute (?:now|today|to (?:us|our))\b", re.I)
# ... or speaks of the outlet itself, which no news sentence does: "our patrons", "support our journalism".
_APPEAL_STRONG = re.compile(
    r"\b(?:our|a|become|be) patrons?\b|\bpatreon\b|\bsupport (?:us|our (?:work|journalism|reporting|newsroom|mission)|"
    r"(?:independent|quality|reader[- ]funded) (?:journalism|media|news|reporting))\b|\bbuy (?:us|me) a coffee\b"
    r"|\bhelp us (?:keep|stay|remain|continue)\b|\bkeep (?:us|this site|our \w+|\w+ journalism) (?:free|independent|going|alive)\b|\breader[- ]funded\b"
    r"|\b(?:our|your) (?:donations?|contributions?|support) (?:keeps?|makes?|helps?|funds?) (?:us|our|this)\b", re.I)

_BYLINE = re.compile(
    r"^(?i:by|written by|reporting by|reported by|words by|story by|text by|editing by|edited by|compiled by)\s*:?\s+"
    r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|del|al|bin|and|&|,))*\s*"
    r"(?:[,|/–—-]\s*(?:[A-Z][\w'’.-]*\s*){1,5})?$")
_AUTHOR_LABEL = re.compile(
    r"^(?i:author|authors|about the author|written by|posted by|contributor|reporter|editor)\s*:?"
    r"(?:\s+[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|del|al|bin|and|&|,))*)?\s*$")
_BIO = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s+(?:is|was|has been|writes|covers|reports)\b.{0,160}?"
    r"\b(?:editor|reporter|correspondent|writer|journalist|columnist|contributor|producer|author|freelancer"
    r"|blogger|analyst at|fellow at|covers|writes about|reports on)\b", re.S)
_SOCIAL = re.compile(
    r"\bfollow (?:him|her|them|me|us)\b|(?:^|\s)@[A-Za-z0-9_]{2,}\b|\b(?:twitter|x\.com|instagram|mastodon|"
    r"bluesky|threads|facebook|linkedin)\b.{0,40}@|\bemail (?:him|her|them|me) at\b", re.I)

# Every branch but the bare "Accept all" buttons (4 words at most) says "cookie".
_COOKIE = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site|this page) uses? cookies\b|\bby (?:continuing to (?:browse|use)|using) "
    r"(?:this|our) (?:web)?site\b.{0,80}\bcookies\b|^(?:accept|reject|manage|allow)(?: all)?(?: cookies| cookie "
    r"settings)?$|^cookie (?:settings|preferences|policy|notice|consent)$|\bcookies? (?:policy|settings|preferences)\b"
    r".{0,40}\b(?:accept|agree|consent)\b", re.I)

# "Copyright 2024 Name", "© Name": the keyword, then a year or only capitalised words; or "all rights reserved".
# "Write to Name at name@outlet.example", "Reach the reporter on Twitter at ...": contact lines of the author.
_CONTACT = re.compile(
    r"^(?i:write to|reach|contact|email|e-mail|follow) (?:the (?:author|reporters?|writers?)|[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}"
    r"(?: and [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})?|him|her|them) (?:at|on|via)\b.*(?:@|https?://|www\.)"
    r"|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$|^(?:https?://)?(?:www\.)?(?:twitter|x)\.com/\w+/?$")
# "Additional reporting by Name", "Name contributed reporting from Place.", "Name contributed to this report."
_CREDIT = re.compile(
    r"^\(?(?:(?i:additional reporting|reporting|editing|research|writing)(?i: by)\s+[A-Z][\w'’.-]*"
    r"(?:[\s,]+(?:[A-Z][\w'’.-]*|and|in|de|van|von|al))*[\s.;]*)+\)?[\s.]*$"  # "(Reporting by X; Editing by Y)"
    # "This article was first published by Meridian Wire.": a syndication credit
    r"|^(?i:this (?:article|story|report|piece) (?:was|is|has been) (?:first |originally )?(?:published|posted)"
    r"(?: (?:by|in|on|at) [^.!?]{2,60})?|republished with permission(?: (?:from|of) [^.!?]{2,60})?)\.?$"
    r"|^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5}(?:,? and [A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})? contributed "
    r"(?:reporting|to this (?:report|story|article))(?: from [\w ,.'’-]{1,60})?\.?$")
_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?" \
          r"|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAYS = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
_TIME_TOKEN = (rf"(?:\d[\d:/.+-]*(?:th|st|nd|rd)?|{_MONTHS}|{_WEEKDAYS}|[ap]\.?m\.?|at|on|utc|gmt|[ecmp][sd]t|bst|cet|cest"
               r"|et|pt|today|yesterday|ago|hours?|minutes?|mins?|days?)")
# "Updated at 1:23 p.m.", "Published 18 November 2019", "UPDATED: Tue., Nov. 19, 2019": nothing but date and time words.
_TIMESTAMP = re.compile(
    rf"^(?:(?:last )?updated|published|posted|first published|modified)\s*:?\s*(?:{_TIME_TOKEN}[\s,|–-]*){{1,8}}$",
    re.I)

_COPYRIGHT = re.compile(
    r"^(?i:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}\b.*|[A-Z][\w&.'’-]*(?:[\s,]+[A-Z0-9][\w&.'’-]*)*[\s.]*)$"
    r"|\b(?i:all rights reserved)\b")

_READ_TIME_GLUED = re.compile(
    r"(?:(?<=\S)|\s+|(?:\s*[|·•—–-]\s*))(\d{1,3})\s?(?:-\s?)?(?:min(?:ute)?s?\.?)\s+(?:read|reading time)\s*$", re.I)
_READ_TIME_LINE = _full(
    r"(?:reading time:?\s*)?(?:about |approx\.? )?\d{1,3}\s?(?:-\s?)?min(?:ute)?s?\.?(?: read|(?: of)? reading(?: time)?)?",
    r"(?:less than|under) (?:a|one|\d{1,3}) min(?:ute)?s?\.? read")


# Reader-comment widgets: counters, "Leave a Reply", "Comments are closed.", "Join the discussion".
_COMMENTS = _full(
    r"(?:(?:show|view|load|read|hide|see|top[- ]rated|user|reader|readers[’']?|all|latest|new|newest|join(?: the)?)"
    r"(?: \w+){0,2} )?(?:comments?|discussion|replies)(?: \(\d+\))?",
    r"\d+ (?:comments?|replies|responses)", r"comments? (?:are|is) (?:closed|disabled|open)",
    r"comments? powered by \w+", r"comment on this (?:story|article|post)", r"leave a (?:reply|comment)",
    r"you must (?:be )?log(?:ged)? in to (?:post a )?comment", r"(?:want to )?join the (?:discussion|conversation)\??",
    r"(?:tell us|let us know) what you think", r"have your say", r"(?:post|add|write) a comment",
)


def _share_line(line: _Line) -> bool:
    """Share buttons: only share vocabulary and network names (plus counts and separators)."""
    if line.least_words > 8 or not line.words or len(line.words) > 8:
        return False
    words = [w.casefold() for w in line.words]
    if not all(w in _SHARE_WORDS for w in words):
        return False
    return any(w in _SHARE_VERBS or w in {"facebook", "twitter", "whatsapp", "linkedin", "reddit", "telegram",
                                          "pinterest", "messenger", "flipboard", "bluesky", "mastodon"}
               for w in words)


def _ui_line(line: _Line) -> bool:
    """A line made only of interface words (menu, comments, back to top, ...)."""
    if line.least_words > 6 or not line.words or len(line.words) > 6:
        return False
    words = [w.casefold() for w in line.words]
    if not all(w in _UI_WORDS for w in words):
        return False
    # "The" or "A" alone, or a lone "Live", are not worth marking; need one interface word of substance.
    return any(w not in {"the", "a", "of", "this", "to", "in", "all", "now", "more", "live", "time", "text"}
               for w in words)


def _appeal_line(line: _Line) -> bool:
    if line.least_words > 25:
        return False
    words = line.words
    if not words or len(words) > 25:
        return False
    if _APPEAL_STRONG.search(line.core):
        return True
    return bool(_APPEAL.search(line.core)) and (len(words) <= 3 or words[0].casefold() in _APPEAL_START)


def _short(line: _Line, limit: int = MAX_WIDGET_WORDS) -> bool:
    return line.least_words <= limit and 0 < len(line.words) <= limit


# (label, test) in priority order; each test sees one non-empty line that is not sentence-like.
_RULES: tuple[tuple[str, Callable[[_Line], bool]], ...] = (
    ("error-widget", lambda ln: _short(ln) and bool(_ERROR_WIDGET.match(ln.core))),
    ("read-time", lambda ln: bool(_READ_TIME_LINE.match(ln.core))),
    ("paywall", lambda ln: _short(ln, 25) and bool(_PAYWALL.match(ln.core))),
    ("advertisement", lambda ln: _short(ln) and bool(_ADVERTISEMENT.match(ln.core))),
    # A short line, or one that says "cookie": the substring test spares most paragraphs their words.
    ("cookie", lambda ln: (_short(ln, 4) or (ln.may_contain(("cookie",)) and _short(ln, 60)))
     and bool(_COOKIE.search(ln.core))),
    ("read-more", lambda ln: _short(ln, 30) and bool(_READ_MORE.match(ln.core))),
    ("click-here", lambda ln: _short(ln, 20) and bool(_CLICK_HERE.match(ln.core))),
    ("subscribe", lambda ln: _short(ln, 25) and bool(_SUBSCRIBE.match(ln.core))),
    ("share", lambda ln: _share_line(ln) or (_short(ln) and bool(_FOLLOW.match(ln.core)))),
    ("donation", _appeal_line),
    ("caption", lambda ln: _short(ln, 25) and bool(_CAPTION.search(ln.core))),
    ("byline", lambda ln: _short(ln, 10) and bool(_BYLINE.match(ln.core) or _CREDIT.match(ln.core))),
    ("author-bio", lambda ln: _short(ln, 25) and bool(_CONTACT.match(ln.core))),
    ("timestamp", lambda ln: _short(ln, 12) and bool(_TIMESTAMP.match(ln.core))),
    ("copyright", lambda ln: _short(ln, 25) and bool(_COPYRIGHT.search(ln.core))),
    ("ui", lambda ln: _ui_line(ln) or (_short(ln) and bool(_COMMENTS.match(ln.core)))),
)

_NOT_IN_HEADLINE = frozenset({"read-more", "ui", "timestamp", "caption", "byline"})
TAIL_LINES = 4  # author bios sit among the last few non-empty lines


def _author_block(lines: list[_Line]) -> set[int]:
    """Indexes of author label and bio lines at the end of the article."""
    filled = [i for i, ln in enumerate(lines) if ln.core]
    tail = filled[-TAIL_LINES:]
    found: set[int] = set()
    for i in tail:
        line = lines[i]
        if _has_quote_mark(line.core):
            continue
        if _short(line, 8) and _AUTHOR_LABEL.match(line.core):
            found.add(i)
        elif _short(line, 60) and _BIO.match(line.core) and (
                _SOCIAL.search(line.core) or any(j in found for j in tail if j < i)):
            found.add(i)
        elif _short(line, 20) and _SOCIAL.search(line.core) and found:
            found.add(i)
    return found


def strip_read_time(line: str) -> str:
    """``line`` without a trailing reading-time badge ("2 min read"), glued or spaced."""
    glued = _READ_TIME_GLUED.search(line)
    return line[: glued.start()].rstrip() if glued else line


def mark_junk(text: str, boilerplate: frozenset[str] = frozenset(),
              normalised: Sequence[str | None] | None = None) -> tuple[Span, ...]:
    """Spans of ``text`` that are page junk, labelled with the reason; sorted and non-overlapping.

    ``boilerplate`` holds normalised lines learned for this article's outlet (see ``BoilerplateLearner``);
    ``normalised`` is ``boilerplate.candidate_lines(text)`` when the caller has it (same answer, less work).
    """
    lines = list(_lines(text))
    spans: list[Span] = []
    authors = _author_block(lines)
    repeats = Counter(ln.core for ln in lines if ln.core and len(ln.core) <= 200)
    previous = ""  # the last non-empty line, to spot a caption printed twice in a row
    for index, line in enumerate(lines):
        if not line.core:
            continue
        known = normalised[index] if normalised is not None and index < len(normalised) else None
        label = _classify(line, index, lines, authors, repeats, previous, boilerplate, known)
        if not previous and label in _NOT_IN_HEADLINE:
            label = None  # "Watch: ..." or "Live updates" as the first line is the article's own headline
        previous = line.core
        if label is not None:
            spans.append(Span(line.start, line.end, label))
            continue
        tail = line.core[-12:].casefold()
        if not (tail.endswith("read") or tail.endswith("reading time")) or len(line.core) > 250:
            continue  # cheap gate: the badge regex is costly to try at every position of every line
        glued = _READ_TIME_GLUED.search(line.core)
        if glued is not None and not _sentence_like(line):
            spans.append(Span(line.core_start + glued.start(), line.core_start + len(line.core), "read-time"))
    return tuple(spans)


def _classify(line: _Line, index: int, lines: list[_Line], authors: set[int], repeats: Counter[str],
              previous: str, boilerplate: frozenset[str], known: str | None = None) -> str | None:
    if index in authors:
        return "author-bio"
    # ``known`` is normalise_line of the raw line: equal to that of its core (bullets and spaces are no letters).
    if boilerplate and len(line.core) <= MAX_LEARNED_RAW \
            and (known if known is not None else normalise_line(line.core)) in boilerplate:
        return LEARNED_BOILERPLATE
    # The cheaper tests first: most article lines are sentences, and words start after spaces.
    if _sentence_like(line) or (line.least_words == 0 and not line.words):
        return None
    if repeats[line.core] > 1 and _short(line, 30) and line.core.count("|") < 2 \
            and _is_adjacent_repeat(line, index, lines, previous):
        return "caption-repeat"
    for label, test in _RULES:
        if test(line):
            return label
    return None


def _is_adjacent_repeat(line: _Line, index: int, lines: list[_Line], previous: str) -> bool:
    """The same line twice in a row (blank lines between allowed): a caption or widget printed twice."""
    if previous == line.core:
        return True
    for after in lines[index + 1:]:
        if after.core:
            return after.core == line.core
    return False
