"""Where and to whom something was said: venue or medium, addressee, and who relayed it."""

from __future__ import annotations

import re

from quotetrace.records import QuoteContext

_DET = r"(?:a|an|the|his|her|their|its|this|last\s+week's|a\s+joint)"
_VENUE_AT = re.compile(
    r"\b(?:at|during)\s+" + _DET + r"\s+(?:[\w\-’']+\s+){0,3}?(?:press\s+conference|news\s+conference|"
    r"briefing|summit|meeting|rally|hearing|event|forum|session|ceremony|speech|debate|conference|"
    r"gathering|address|talks|panel|roundtable|interview)\b(?:\s+(?:with|in|of|at|on)\s+[^,.;:“”\"]{1,60}?)?"
    r"(?=\s*(?:[,.;:“”\"]|$|\s+(?:on|last|this|that|earlier|when|after)\b))",
    re.IGNORECASE,
)
_VENUE_IN = re.compile(
    r"\bin\s+" + _DET + r"\s+(?:[\w\-’']+\s+){0,2}?(?:interview|statement|speech|address|post|op-ed|letter|"
    r"broadcast|conference\s+call|call|video|podcast|tweet|message|press\s+release|briefing|report|"
    r"testimony|memo|email|e-mail|column|article|blog\s+post|televised\s+address|remarks)\b"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today))?"
    r"(?:\s+(?:with|of|on|to|for|in)\s+[^,.;:“”\"]{1,60}?)?"
    r"(?=\s*(?:[,.;:“”\"]|$|\s+(?:on|last|this|that|earlier|when|after|replying|referring|on)\b))",
    re.IGNORECASE,
)
_VENUE_ON = re.compile(
    r"\b(?:on|to)\s+((?:[A-Z][\w’'.\-]*|X)(?:\s+[A-Z][\w’'.\-]*){0,3})(?=\s*(?:[,.;:]|$|\s+[a-z]))"
)
_MEDIA = re.compile(
    r"^(?:X|Twitter|Telegram|Facebook|Instagram|TikTok|YouTube|Truth\s+Social|LinkedIn|Threads|Weibo|"
    r"[A-Z][\w.]*\s+(?:News|TV|Radio|Channel|Television)|CNN|BBC|MSNBC|NBC|CBS|ABC|PBS|NPR|RT|Sky\s+News|"
    r"Al\s+Jazeera|Fox|CNBC|Bloomberg(?:\s+TV)?)$"
)
_RELAY = re.compile(
    r"\b(?:as\s+)?(?:reported|cited|quoted|relayed|carried)\s+by\s+((?:the\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,4})"
    # "Interfax quoted Peskov as saying", "…, the RIA news agency reported": the outlet relays
    r"|\b((?:the\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})\s+(?:quoted|cited)\s+[^.;]{1,80}?\s+as\s+saying\b"
    r"|,\s+((?:the\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3}(?:\s+(?:news\s+agency|newspaper|agency|daily|"
    r"broadcaster|television))?)\s+reported\b"
    r"|\bvia\s+((?:the\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})"
    # "…,” he said, according to the Intelligencer": a source named after an attribution relays it
    r"|\b(?:said|says|told\s+\w+|wrote|writes|added)\b[^.;]{0,80}?,\s+according\s+to\s+"
    r"((?:the\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,4})"
)
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def context_of(attribution: str, addressee: str | None = None) -> QuoteContext:
    """Venue, addressee and relay found in the attribution text (the quote itself removed)."""
    venue = None
    for pattern in (_VENUE_IN, _VENUE_AT):
        match = pattern.search(attribution)
        if match:
            venue = match.group(0).strip()
            break
    if venue is None:
        for match in _VENUE_ON.finditer(attribution):
            name = match.group(1).strip()
            if name.split()[0] not in _WEEKDAYS and _MEDIA.match(name):
                venue = match.group(0).strip()
                break
    relay = None
    match = _RELAY.search(attribution)
    if match:
        relay = re.sub(r"^the\s+", "", next(g for g in match.groups() if g).strip()).rstrip(".")
    return QuoteContext(venue=venue, addressee=addressee, relay=relay)
