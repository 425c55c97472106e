"""The speaker registry of one article, built from its text and its parsed units."""

from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Span

from quotetrace.nlp.attribution import DEMONYMS, CueHit, ParsedUnit, is_masked
from quotetrace.nlp.marks import MarkPair
from quotetrace.nlp.gender import gender_of, is_given_name
from quotetrace.nlp.mentions import (_STOP_CAPS, COMPANY_NOUNS, ORG_NOUNS, PERSON_NOUNS, PLATFORMS, TITLE_WORDS, name_of,
                                     scan_titled_names, split_title)
from quotetrace.nlp.speakers import CORPORATE_SUFFIXES, OPENERS, Entity, SpeakerRegistry


def build_registry(text: str, pairs: list[MarkPair], units: list[ParsedUnit], cues: list[CueHit]) -> SpeakerRegistry:
    """Every person and body of the article: titled names, tagged persons and organisations, cue subjects,
    acronyms, appositions, and the named subjects of narrative sentences (for pronouns after them)."""
    reg = SpeakerRegistry()
    reg.text = text
    quoted = sorted((p.open, p.close + 1) for p in pairs if p.parent is None)
    for mention in scan_titled_names(text):
        reg.person(mention.name, None, mention.title)
    for match in _GIVEN_AND_SURNAME.finditer(text):  # "Tom Harper" in a sentence never parsed: "Harper" later is him
        first, last = match.group(1), match.group(2)
        if text.startswith(("By ", "BY ", "by "), text.rfind("\n", 0, match.start()) + 1):
            continue  # the byline: the reporter, never a speaker of the story
        before = _CAPITALISED_BEFORE.search(text, max(0, match.start() - 30), match.start())
        opener = before is not None and text[max(0, before.start(1) - 3): before.start(1)].rstrip(" “\"‘'")[-1:] in (
            "", ".", "\n", "!", "?") and is_given_name(first)  # "Opener Sam Okafor was unbeaten": a role, then a name
        if before is not None and before.group(1).lower() not in TITLE_WORDS and not _nationality(before.group(1)) \
                and not opener:
            # "Lowmere General Hospital": inside a longer name; but "Councillor Ruben Kask", "American Kayla Monroe"
            continue
        aged = _AGE_AFTER.match(text, match.end()) is not None  # "Hatice Demirel, 54,": a person whatever her name
        if first.lower() not in _NOT_FIRST and last.lower() not in _NOT_SURNAME and (is_given_name(first) or aged):
            reg.person(match.group(0))
    for match in [*_ROLE_THEN_NAME.finditer(text), *_NAME_THEN_ROLE.finditer(text)]:
        # "Its spokesman, Sizwe Mahlangu, was blunter", "Ottilie Sarkis, a musicologist at …" (never parsed)
        role, name = match.group("role"), match.group("name")
        if role.lower() in PERSON_NOUNS and reg.lookup_person(name) is None \
                and name.split()[0].lower() not in _STOP_CAPS and not any(w.lower() in ORG_NOUNS for w in name.split()):
            reg.person(name, match.start("name"), role)  # (before the tagger's organisations: it stays a person)
    for match in [*_GIVEN_THEN_ROLE.finditer(text), *_FIRST_NAME_AGED.finditer(text)]:
        # "Marcus, a sophomore, said he …", "Yelitza, 29, a Venezuelan hairdresser,": a person by first name only
        name = match.group("name")
        if (is_given_name(name) or match.re is _FIRST_NAME_AGED) and name.lower() not in _STOP_CAPS \
                and reg.lookup_person(name) is None:
            reg.person(name, match.start("name"))
    for match in _PARTY_TAG.finditer(text):  # "Rep. Dwayne Custer (R-Ga.)": "the Georgia Republican" later
        person = reg.lookup_person(match.group(1))
        if person is not None and person.kind == "person":
            party = _PARTIES[match.group(2)]
            if party not in person.titles:
                person.titles.append(party)
    for cue in cues:  # "The group that owns her music, Big Machine, says": a body, whatever the tagger says
        if cue.speaker is not None and cue.speaker.form == "body" and cue.speaker.title:
            reg.body_names.add(cue.speaker.text)
    orgs: list[tuple[ParsedUnit, Span]] = []
    for unit in units:
        for ent in unit.doc.ents:
            if ent.label_ == "ORG":
                orgs.append((unit, ent))
            if ent.label_ in ("GPE", "LOC", "NORP"):
                reg.places.add(re.sub(r"^the\s+", "", ent.text.lower()))
            if ent.label_ != "PERSON" or any(is_masked(t) for t in ent):  # a masked quote is nobody's name
                continue
            if "/" in ent.text or ent.end < len(unit.doc) and unit.doc[ent.end].text.startswith("/"):
                continue  # a photo credit, "(Mara Ellison/Capitol Wire)": the photographer never speaks
            at = ent.end + (0 if ent[-1].text in ("’s", "'s") else 1)
            if at < len(unit.doc) and unit.doc[at - 1].text in ("’s", "'s") \
                    and unit.doc[at].lower_ in _SAINTS_PLACES and unit.doc[at].text[:1].isupper():
                owned = unit.doc[ent.start: at + 1]  # "St Aldric’s Palace": a body named for a person
                reg.body(owned.text, unit.start + owned.start_char)
                continue
            words = [w for w in re.sub(r"[’']s\b", "", ent.text).split() if any(c.isalnum() for c in w)]  # ("• Marisol")
            _, name = split_title(words)
            if name and any(len(w) > 2 for w in name) and not (len(name) == 1 and name[0].lower() in PLATFORMS | DEMONYMS):
                if reg.person(" ".join(name)).kind != "person":
                    orgs.append((unit, ent))  # "Dick Clark Productions" tagged PERSON: a firm, maybe a subject
    for ent in [e for e in reg.entities if e.kind == "person" and len(e.canonical.split()) == 1]:
        if ent.canonical.endswith("s") and (ent.canonical.lower() in reg.places or ent.canonical.lower() in _PARTY_MEMBERS):
            ent.kind = "organisation"  # "House Republicans" read as a titled name: a party's members, no person
            reg.forget(ent)
    for cue in cues:
        phrase = cue.speaker
        if phrase is not None and phrase.form == "name" and phrase.person:
            reg.person(phrase.text, None, phrase.title)
    for unit, ent in orgs:  # after the persons: a person the tagger calls ORG stays a person
        _register_org(reg, unit, ent)
    for match in _FIRM_APPOSITION.finditer(text):  # firms named in sentences never parsed ("Veritas Cycle, a
        name = match.group("before") or match.group("after")  # Canadian recycler"; "One of those firms, Globexa")
        at = match.start("before") if match.group("before") else match.start("after")
        if name.split()[0].lower() in _STOP_CAPS:
            continue
        known = next((e for e in reg.entities if e.canonical == name), None)
        if known is not None and known.kind == "person" and not is_given_name(name.split()[0]):
            known.kind = "organisation"  # "Veritas Cycle", tagged a person, "a Canadian recycler"
            reg.forget(known)
        elif known is None and reg.lookup_person(name) is None and not is_given_name(name.split()[0]):
            known = reg.body(name, at)
        if known is not None and known.kind == "organisation" and match.group("before") \
                and re.search(r"(?:^|\n|[.!?][ \t]+)$", text[max(0, at - 3): at]):
            reg.org_subjects.add(min((p for p in known.positions if p >= at), default=at))
            # ("Pellham Generics, one of the largest suppliers, welcomed the study": the sentence is about it)
    for match in _ACRONYM.finditer(text):
        acronym, words = match.group(2), match.group(1).split()
        for k in range(len(words) - 1):  # "South Korea’s Ministry of Trade, Industry and Energy (MOTIE)"
            stems = [_ELIDED.sub("", w) for w in words[k:]]  # ("l'Hexagone": H)
            initials = _ascii("".join(stem[0].upper() for stem in stems
                                      if stem[:1].isupper() or stem in ("of", "and", "for", "on", "de", "du")))
            if words[k][:1].isupper() and _is_subsequence(acronym.rstrip("s"), initials):
                full = " ".join(words[k:]).rstrip(",")
                reg.alias(acronym, full, match.start(1) + match.group(1).find(full))
                break
    _relatives_sharing_a_surname(reg, text)
    reg.harvest_titles(text)
    _firms_not_persons(reg)
    _surnames_first(reg)
    _surnames_not_bodies(reg)
    reg.add_positions(text, quoted)
    _nicknames(reg, text)
    main_cues = {(c.unit, c.token_i) for c in cues if c.speaker is not None}  # ("X was asked about Y": X is the topic)
    sourced = {c.sent_start for c in cues if c.lemma == "according to"}
    for u, unit in enumerate(units):  # named persons that are a narrative sentence's subject, for pronouns next
        for sent in unit.doc.sents:
            if (u, sent.root.i) in main_cues or unit.start + sent.start_char in sourced:
                continue  # an attribution sentence already tells who speaks ("X was a witness testifying" does not)
            subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN"), None)
            if subj is None:  # "Their manager, Paolo Ferri, was asked …": the name in apposition to the subject
                subj = next((a for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"
                             for a in c.children if a.dep_ == "appos" and a.pos_ == "PROPN"), None)
            if subj is None and sent.root.pos_ == "PROPN" and sent.root.i - sent.start <= 2:
                subj = sent.root  # misparse "Buckley, who had …, worried about …": the name is left as the root
            name, title = name_of(subj) if subj is not None else (None, None)
            # the full name first: "Walter Reddick" is the uncle, though "Reddick" alone is his nephew named first
            found = (name and len(name.split()) >= 2 and reg.lookup_person(name)) or (
                reg.lookup_person(subj.text) if subj is not None else None)
            if found is None and subj is not None:
                if name and title and len(name.split()) >= 2 and split_title(title.split())[0]:
                    found = reg.person(name, None, title)  # "Councillor Petra Sund": a titled name is a person
                elif name and len(name.split()) >= 2 and (subj.ent_type_ not in ("ORG", "GPE", "LOC", "FAC", "NORP")
                                                          or _personal(sent)):
                    reg.subject_names.append((unit.start + subj.idx, name))  # maybe a person: "Conductor Ilse Brandt"
            if found is not None and found.kind == "person":
                pos = unit.start + subj.idx  # type: ignore[union-attr]
                reg.subjects.append((pos, found, text.rfind("\n", 0, pos) + 1))
    reg.subjects.sort(key=lambda item: item[0])
    return reg


_AGE_AFTER = re.compile(r",[ \t]+\d{1,3}[ \t]*,")
_MEDIA_WORDS = frozenset("news times post journal daily weekly today tv radio press network channel magazine "
                         "herald tribune gazette review street square river park hall airport station".split())
_NOT_FIRST = _STOP_CAPS | TITLE_WORDS
_NOT_SURNAME = _STOP_CAPS | ORG_NOUNS | _MEDIA_WORDS
_CAPITALISED_BEFORE = re.compile(r"([A-Z][\w’'-]*)[ \t]+$")
# common nouns written in capitals that the tagger calls organisations ("a super PAC", "the company's IPO")
_NOT_BODIES = frozenset("PAC IPO CEO CFO COO CTO GDP AI".split())
_FIRM_WORDS = r"(?:company|firm|startup|start-up|recycler|retailer|lender|insurer|carrier|airline|manufacturer|maker|" \
              r"provider|supplier|distributor|wholesaler|developer|operator|chain|brand|platform|app|chipmaker|drugmaker|" \
              r"automaker|carmaker|bank|group|PAC)"
_FIRM_NAME = r"[A-Z][\w&’'.-]+(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&’'.-]+){0,3}"
_FIRM_APPOSITION = re.compile(r"(?P<before>" + _FIRM_NAME + r"),[ \t]+(?:(?:one[ \t]+of[ \t]+)?(?:a|an|the)[ \t]+"
                              r"(?:[\w-]+[ \t]+){0,3}?" + _FIRM_WORDS + r"s?\b|(?:which[ \t]+was[ \t]+)?(?:founded|headquartered|incorporated)[ \t]+"
                              r"(?:in|by)\b)|\b" + _FIRM_WORDS + r"s?,[ \t]+(?P<after>" + _FIRM_NAME + r"),")
# "Its spokesman, Sizwe Mahlangu,", "the company's founder, Ada Brandt,": a person named after a role
_ROLE_THEN_NAME = re.compile(r"\b(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]he)[ \t]+(?:[\w’'-]+[ \t]+){0,3}?(?P<role>[A-Za-z][a-z-]+),"
                             r"[ \t]+(?P<name>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){1,2}),")
_NAME_THEN_ROLE = re.compile(r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?P<name>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){1,2}),[ \t]+(?:(?:a|an|the)"
                             r"[ \t]+)?(?:[\w’'-]+[ \t]+){0,3}?(?P<role>[a-z][a-z-]+)[ \t]+(?:at|of|for|with|who|in|from)\b",
                             re.MULTILINE)
_SAINTS_PLACES = frozenset("palace cathedral church college hospital school abbey chapel infirmary".split())
_GIVEN_THEN_ROLE = re.compile(r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?:(?:Another|One|A[ \t]+third),[ \t]+)?(?P<name>[A-Z][a-zà-ÿ]+),[ \t]+"
                              r"(?:a|an)[ \t]+[^,.\n“”\"]{2,160},"
                              r"[ \t]+(?:said|says|told|tells|added|recalled|explained)\b", re.MULTILINE)
_PLACE_OR_BODY_TAILS = frozenset("fire county city district department council board authority agency township "
                                 "borough parish province region".split())
_FIRST_NAME_AGED = re.compile(r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?P<name>[A-Z][a-zà-ÿ]+),[ \t]+(?:\d{1,2}|a[ \t]+\d{1,2}-year-old)"
                               r"[ \t]*,", re.MULTILINE)
_PARTY_MEMBERS = frozenset("republicans democrats conservatives liberals tories socialists greens".split())
_PARTY_TAG = re.compile(r"([A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2})[ \t]*\((R|D|I)-[A-Z][\w.]*\)")
_PARTIES = {"R": "Republican", "D": "Democrat", "I": "Independent"}
_GIVEN_AND_SURNAME = re.compile(r"(?<![\w’'.-])([A-Z][a-z]+)[ \t]+((?:Mc|Mac|O’|O')?[A-ZÀ-ÖØ-Þ][^\W\d_A-Z]+(?:-[A-Z][^\W\d_A-Z]+)?)"
                                r"(?![\w/-]|[’'](?!s\b))(?![ \t]+[A-Z])")  # (and "Sven Ostrowski’s 44-yard field goal")
# "Customs and Border Protection (CBP)", "the Chinese Center for Disease Control and Prevention (CDC)"
_ACRONYM = re.compile(r"((?:(?:[ld][’'])?[A-ZÀ-ÖØ-Þ][\w&’'.-]*,?[ \t]+(?:(?:of|and|for|the|on|de|du|des|la|le|del|&)[ \t]+)*)"
                      r"{1,9}?(?:[ld][’'])?[A-ZÀ-ÖØ-Þ][\w&’'.-]*)[ \t]*\(([A-Z][A-Z&]{1,7}s?)\)")
_ELIDED = re.compile(r"^[ld][’']")  # "l'Hexagone": the name's initial is H


def _ascii(letters: str) -> str:
    """Letters without their accents ("É" is the E of "EDH")."""
    return unicodedata.normalize("NFKD", letters).encode("ascii", "ignore").decode()


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return bool(short) and short[0] == long[:1] and all(c in letters for c in short)


def _register_org(reg: SpeakerRegistry, unit: ParsedUnit, ent: Span) -> None:
    """A named organisation (for "the company" later), noting whether it sits in its sentence's subject."""
    words = ent.text.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if not words or not words[0][:1].isupper() or _inside_quote_mask(ent) or " ".join(words) in _NOT_BODIES:
        return
    cut = next((t.i - ent.start for t in ent if t.text[:1].islower() and t.lower_ not in _NAME_LINKS), None)
    if cut is not None:  # "American Music Awards after Swift": the tagger ran past the name
        ent = ent[:cut]
        words = [w for w in ent.text.split() if w.lower() not in ("the", "a", "an")]
        if not words:
            return
    known = reg.lookup_person(words[-1]) if len(words) >= 2 else None
    if known is not None and len(known.canonical.split()) >= 2 and known.canonical in " ".join(words):
        return  # "Governor Nadia Ostrova" tagged ORG: already known as a person
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if len(words) >= 2 and is_given_name(words[-1]) and following is not None and following.text[:1].isupper() \
            and any(w.lower() in TITLE_WORDS for w in words[:-1]):
        return  # "Chief Financial Officer Tobias Renn" cut into "Financial Officer Tobias": a titled person
    if len(words) == 1 and words[0].lower() in COMPANY_NOUNS:
        return  # "Carmaker says …" in a subhead: the common noun, capitalised, names no firm
    pos = unit.start + ent.start_char + ent.text.find(words[0])
    if len(words) == 1 and is_given_name(words[0]) and words[0].lower() not in DEMONYMS \
            and (ent.start == 0 or ent.doc[ent.start - 1].lower_ != "the") and ent.root.dep_ in ("nsubj", "nsubjpass") \
            and _personal(ent.root.sent) and reg.lookup_person(words[0]) is None:
        reg.person(words[0], pos)  # "Tiffany, who lives on Birchwood Lane, said she …": a resident, first name only
        return
    body = reg.body(re.sub(r"[’']s$", "", " ".join(words)), pos)
    if body.kind != "organisation":
        return
    if ent.root.dep_ == "nsubj" and _personal(ent.root.sent) and not body.is_firm():
        return  # "Marta Ilves won her third title": a person the tagger took for an organisation
    token = ent.root
    while token.dep_ in ("pobj", "prep", "compound", "poss", "case") and token.head.i != token.i:
        token = token.head  # "Shares in Varn Telecom fell": the company is inside the subject
    if token.dep_ in ("nsubj", "nsubjpass"):
        reg.org_subjects.add(pos)


def _nationality(word: str) -> bool:
    """"American", "Danish", "Dane": a nationality word before a name, no part of it."""
    low = word.lower()
    return low in DEMONYMS or len(low) > 4 and low.endswith(("an", "ian", "ese", "ish"))


_CALLED_PRONOUN = re.compile(r"\b(?:[Ee]veryone|[Ee]verybody|[Ff]riends|[Ff]amily|[Pp]eople)[ \t]+(?:called|calls|call)[ \t]+"
                             r"(him|her)[ \t]+([A-Z][a-z]+)\b")
_CALLED_NAME = re.compile(r"\b([A-Z][a-z]+)(?:[ \t]+[A-Z][\w’'-]+)?,?[ \t]+(?:\d{1,3},[ \t]+)?(?:whom|who)[ \t]+(?:everyone|everybody|"
                          r"friends|family|people)[ \t]+(?:calls|called|call)[ \t]+([A-Z][a-z]+)\b")
_QUOTED_NICKNAME = re.compile(r"\b([A-Z][a-z]+)[ \t]+[“\"‘']([A-Z][a-z]+)[”\"’'][ \t]+([A-Z][\w’'-]+)")


# capitalised words that open a sentence before a surname ("Yet Sondland has …", "Although Ford …")
_OPENING_WORDS = OPENERS | frozenset("yet although though whereas because since unless if once so even only just thus hence "
                                     "besides perhaps maybe indeed sadly".split())


def _relatives_sharing_a_surname(reg: SpeakerRegistry, text: str) -> None:
    """"Darnell Prescott walked out of the courthouse …" (never parsed) when Odessa Prescott is known: another
    first name before a known person's surname is another person of that family, whatever the name lists say."""
    surnames = {e.canonical.split()[-1] for e in reg.entities if e.kind == "person" and len(e.canonical.split()) == 2}
    for match in _GIVEN_AND_SURNAME.finditer(text):
        first, last = match.group(1), match.group(2)
        if last not in surnames or first.lower() in _STOP_CAPS | _OPENING_WORDS or first.lower() in TITLE_WORDS \
                or first.lower() in _NOT_FIRST or reg.lookup_person(match.group(0)) is not None:
            continue
        before = _CAPITALISED_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if before is not None and before.group(1).lower() not in TITLE_WORDS:
            continue  # inside a longer name ("Prescott Street Clinic" is not at stake here, "Harmon Prescott Hall" is)
        reg.person(match.group(0), match.start())


def _nicknames(reg: SpeakerRegistry, text: str) -> None:
    """Nicknames the text gives: "Everyone called him Mike", "Benedetto, 71, whom everyone calls Benny",
    'Augustine “Gus” Pell': the nickname (and the nickname with the surname) is that person."""
    for match in _CALLED_PRONOUN.finditer(text):
        person = reg.most_recent(match.start(), "m" if match.group(1) == "him" else "f", set())
        if person is not None and len(person.canonical.split()) >= 2:
            reg.nickname(match.group(2), person)
    for match in _CALLED_NAME.finditer(text):
        person = next((e for e in reg.entities if e.kind == "person" and len(e.canonical.split()) >= 2
                       and e.canonical.split()[0] == match.group(1)), None)
        if person is not None:
            reg.nickname(match.group(2), person)
    for match in _QUOTED_NICKNAME.finditer(text):
        name = f"{match.group(1)} {match.group(3)}"
        person = reg.lookup_person(name) or reg.person(name, match.start())  # a name with a nickname is a person's
        if person.kind == "person":
            reg.nickname(match.group(2), person)
            nicknamed = f"{match.group(2)} {match.group(3)}"  # the tagger's "Sundial Whitford" in 'Caleb "Sundial"
            for other in [e for e in reg.entities if e is not person and nicknamed in e.names]:  # Whitford'
                _merge(reg, other, person)
            person.names[:] = [n for n in person.names if n != nicknamed] or [name]


def _merge(reg: SpeakerRegistry, ent: Entity, into: Entity) -> None:
    """``ent`` is ``into`` under another name: its names and mentions go there, and it goes."""
    into.names.extend(n for n in ent.names if n not in into.names)
    into.positions = sorted(set(into.positions + ent.positions))
    reg.entities.remove(ent)
    reg.forget(ent)


def _surnames_first(reg: SpeakerRegistry) -> None:
    """"Wong" after "Wong Ka-leung", "Yip" after "Yip Kwok-wah": a surname written first, with a hyphenated given
    name after it, is that person, not a second one."""
    persons = [e for e in reg.entities if e.kind == "person"]
    for ent in [e for e in persons if len(e.canonical.split()) == 1]:
        full = [p for p in persons if len(p.canonical.split()) in (2, 3) and p.canonical.split()[-2] == ent.canonical
                and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", p.canonical.split()[-1])]  # (also "Kelvin Tse Chun-hei")
        if len(full) == 1:
            _merge(reg, ent, full[0])


def _surnames_not_bodies(reg: SpeakerRegistry) -> None:
    """"Ochoa Valdivia", tagged an organisation, after "President Rosa Elvira Ochoa Valdivia": her two surnames."""
    persons = [e for e in reg.entities if e.kind == "person" and len(e.canonical.split()) >= 3]
    for ent in [e for e in reg.entities if e.kind == "organisation" and len(e.canonical.split()) >= 2]:
        person = next((p for p in persons if p.canonical.endswith(" " + ent.canonical)), None)
        if person is not None:
            _merge(reg, ent, person)


def _firms_not_persons(reg: SpeakerRegistry) -> None:
    """A one-word "person" that opens a known organisation's name ("Ordway" after "Ordway Automation") is that
    organisation's short name: the tagger took the firm for a person. So is an untitled "person" whose name ends
    in a body's word and does not open on a given name ("Ridge Fire", "Ridge County")."""
    for ent in [e for e in reg.entities if e.kind == "person" and not e.titles and len(e.canonical.split()) >= 2]:
        words = ent.canonical.split()
        if words[-1].lower() in _PLACE_OR_BODY_TAILS and not is_given_name(words[0]) and gender_of(ent.canonical) is None:
            ent.kind = "organisation"
            reg.forget(ent)
    firms = [e for e in reg.entities if e.kind == "organisation" and len(e.canonical.split()) >= 2]
    for ent in [e for e in reg.entities if e.kind == "person"]:
        words = ent.canonical.split()
        firm = next((f for f in firms if f.canonical.split()[: len(words)] == words and (
            len(words) == 1 and all(len(n.split()) == 1 for n in ent.names)  # "Ordway" … "Ordway Automation"
            or gender_of(ent.canonical) is None
            and all(w.lower().strip(".,") in CORPORATE_SUFFIXES for w in f.canonical.split()[len(words):]))), None)
        # (and "Halcyon Tone" … "Halcyon Tone Records": the firm without its suffix)
        if firm is not None:
            _merge(reg, ent, firm)


_NAME_LINKS = frozenset("of and for the on de du des la le von van & da di del y".split())


def _personal(sent: Span) -> bool:
    """A sentence with a third-person personal pronoun ("her", "his"): its named subject is a person."""
    return any(t.lower_ in ("he", "she", "his", "her", "him", "herself", "himself") for t in sent)


def _inside_quote_mask(ent: Span) -> bool:
    return any(t.text.count("x") == len(t.text) and len(t.text) >= 4 for t in ent)
