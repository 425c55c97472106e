"""Quote patterns on fictional sentences (all names, places and events here are invented)."""

from __future__ import annotations

import pytest

from quotetrace.nlp.pipeline import extract_text
from quotetrace.records import Quote


def _match(quotes: list[Quote], kind: str, snippet: str) -> Quote:
    found = [q for q in quotes if q.kind == kind and snippet in q.text]
    assert found, f"no {kind} quote with {snippet!r} in {[(q.kind, q.text) for q in quotes]}"
    return found[0]


# (text, [(kind, speaker, snippet), ...]) — every expected quote must be found with its speaker
CASES = [
    # direct, attribution after / before / inverted / colon
    ("“We will rebuild the school,” Principal Omar Haddad said.", [("direct", "Omar Haddad", "rebuild the school")]),
    ("Principal Omar Haddad said: “We will rebuild the school.”", [("direct", "Omar Haddad", "rebuild the school")]),
    ("“The vote was rigged from the start,” said opposition leader Mara Quist.",
     [("direct", "Mara Quist", "rigged from the start")]),
    ("Mayor Ana Ruiz was blunt: “The bridge will reopen in May.”", [("direct", "Ana Ruiz", "bridge will reopen")]),
    ("Mayor Ana Ruiz said the work was on time. \"The bridge will reopen in May,\" she said.",
     [("direct", "Ana Ruiz", "bridge will reopen")]),
    # split quote
    ("“We are not leaving,” said Tomas Berg, the union leader. “Not now, not ever.”",
     [("direct", "Tomas Berg", "not leaving"), ("direct", "Tomas Berg", "Not now, not ever")]),
    # pronoun resolved to the previous speaker, not to the last name mentioned
    ("Governor Lena Marsh met Chancellor Piet Aalders on Friday. Marsh said the dam held. "
     "“It held because we prepared,” she said.", [("direct", "Lena Marsh", "It held because")]),
    ("Coach Ivan Petrov praised the team. Midfielder Sara Holm scored twice. “We trained all winter,” he said.",
     [("direct", "Ivan Petrov", "trained all winter")]),
    # surname → full name, title dropped
    ("Defence Minister Petra Kovac visited the base on Monday. “Morale is high,” Kovac told soldiers.",
     [("direct", "Petra Kovac", "Morale is high")]),
    # role noun → the titled person introduced earlier
    ("Finance Minister Oskar Lind presented the budget. The minister said the deficit would shrink next year.",
     [("indirect", "Oskar Lind", "deficit would shrink")]),
    # apposition
    ("The port will stay closed, the harbour's chief executive, Nadia Sorel, has said.",
     [("indirect", "Nadia Sorel", "port will stay closed")]),
    # organisation and document speakers
    # a body the text never names is no speaker name (tests/fixtures/gold/README.md: unnamed → null)
    ("The ministry said in a statement that the talks had collapsed.", [("indirect", None, "talks had collapsed")]),
    # a document speaks for its author when the text names one, else nobody (gold guidelines)
    ("Leaked budget documents revealed that the tunnel would cost twice the estimate.",
     [("indirect", None, "tunnel would cost twice")]),
    # "As X reports, CLAUSE" and an inverted "…, reports X": the clause is the report
    ("As Lena Darrow reports for the Lowmere Courier, the first cases came to light last week.",
     [("indirect", "Lena Darrow", "first cases came to light")]),
    ("Varn has recorded 26 cases of the disease in ten years, reports Meridian Wire.",
     [("indirect", "Meridian Wire", "recorded 26 cases")]),
    # a that-clause the parser hangs on a noun after the verb of saying
    ("Union President Kai Gambrell told a few thousand teachers who covered the Statehouse lawn that the "
     "Legislature should direct money from the reserves toward schools.",
     [("indirect", "Kai Gambrell", "Legislature should direct money")]),
    ("Harrow Air president Tomas Clarke told reporters at a press conference that the airline will resume "
     "its expansion in 2027.", [("indirect", "Tomas Clarke", "resume its expansion")]),
    ("Sonja Vell, his attorney, told the Courier in a statement that her client did not intend to cause harm.",
     [("indirect", "Sonja Vell", "did not intend to cause harm")]),
    # "According to his aunt, X, “…”": the name in apposition is the source
    ("According to his aunt, Jana Starling, “He was brilliant from the start, reading at an adult level in "
     "kindergarten.” He played chess.", [("direct", "Jana Starling", "brilliant from the start")]),
    # "accused X of being …" reports the accusation; after ", and" a finite verb goes on reporting
    ("Stella Grimsby spoke on Monday. Grimsby also accused the Democrats of being blinded by their hatred for "
     "President Varga.",
     [("indirect", "Stella Grimsby", "being blinded by their hatred")]),
    # an aside in mid-sentence: the words after it are the report
    ("The car has new lights. That, Orlen Motors says, allows the car to light up road markings precisely.",
     [("indirect", "Orlen Motors", "allows the car to light up")]),
    ("A further 17 makers, according to the report by the Varn Solar Programme, had plants of 30-600 MW.",
     [("indirect", "Varn Solar Programme", "had plants of 30-600 MW")]),
    # figures and data speak for whoever released them
    ("According to data released by the Energy Ministry in August, new capacity reached 1.64 GW.",
     [("indirect", "Energy Ministry", "new capacity reached")]),
    # a semicolon closes the clause before the cue: the that-clause after it is the content
    ("The merged papers may not follow the trend; Ossian Reed has said that he expects large savings.",
     [("indirect", "Ossian Reed", "expects large savings")]),
    ("The Harbour Authority's annual report said that cargo volumes fell by a fifth.",
     [("indirect", "Harbour Authority", "cargo volumes fell")]),
    ("Tarnby Rail announced the closure of two depots. The statement said that no jobs would be lost.",
     [("indirect", "Tarnby Rail", "no jobs would be lost")]),
    # a dateline is neither speaker nor content; an organisation keeps its full name
    ("MARROW — The Northmere Transport Ministry said on Monday that the tunnel would reopen in June.",
     [("indirect", "Northmere Transport Ministry", "The tunnel would reopen"[4:])]),
    # indirect forms
    ("According to police chief Maria Olsen, the suspect fled on foot.",
     [("indirect", "Maria Olsen", "suspect fled on foot")]),
    ("Senator Paul Kerr warned in March that the levee could fail.", [("indirect", "Paul Kerr", "levee could fail")]),
    ("Defence Minister Petra Kovac denied any wrongdoing by the army.",
     [("indirect", "Petra Kovac", "any wrongdoing by the army")]),
    ("Economist Rosa Dumas insisted the recovery was real.", [("indirect", "Rosa Dumas", "recovery was real")]),
    # partial quotes
    ("Senator Paul Kerr called the plan “a disaster in waiting” during the hearing.",
     [("partial", "Paul Kerr", "a disaster in waiting")]),
    ("Mayor Ana Ruiz declared that the town’s “darkest winter” was over.", [("partial", "Ana Ruiz", "darkest winter")]),
    # closing marks used as openers, straight quotes, single quotes
    ("The agency said the dam was ”structurally sound.”", [("partial", None, "structurally sound")]),
    ("'We have no plans to sell,' CEO Lars Falk told investors.", [("direct", "Lars Falk", "no plans to sell")]),
    # Source:/Quote: layout
    ("Source: Mayor Ana Ruiz at a council meeting\n\nQuote: \"The bridge will reopen in May.\"",
     [("direct", "Ana Ruiz", "bridge will reopen")]),
    # attribution closing the previous paragraph; reduced passive "Asked ..." is not the speaker's cue
    ("The prime minister, Elena Varga, addressed parliament. She said:\n\n“We will defend every village.”",
     [("direct", "Elena Varga", "defend every village")]),
    ("Asked whether troops would be sent, Defence Minister Elena Varga replied: “Not today.”",
     [("direct", "Elena Varga", "Not today")]),
    # inverted attribution after a question, then a pronoun for that speaker
    ("“Will the government step in?” asked one worker, Tom Reyes. “Nobody knows,” he said.",
     [("direct", "Tom Reyes", "government step in"), ("direct", "Tom Reyes", "Nobody knows")]),
    # multi-paragraph quote
    ("“We trained all winter,” the coach, Ivan Petrov, said. “Nobody believed in us.\n“Now we have the cup.”",
     [("direct", "Ivan Petrov", "Nobody believed"), ("direct", "Ivan Petrov", "Now we have the cup")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_pattern(text, expected):
    quotes = extract_text(text)
    for quote in quotes:
        assert quote.text == text[quote.start: quote.end]
    for kind, speaker, snippet in expected:
        assert _match(quotes, kind, snippet).speaker == speaker


# (text, snippet that must NOT be extracted as any quote)
NOT_QUOTES = [
    ("Critics dismissed the company’s “innovative” packaging as a gimmick.", "innovative"),
    ("She starred in the film “Quiet Harbour” last year.", "Quiet Harbour"),
    ("The army launched “Operation Northern Gate” at dawn.", "Operation Northern Gate"),
    ("The mayor’s office didn’t comment on the ’90s-era tunnel or Kelby’s port.", "90s"),
    # an announcement of a thing reports no words; a question "about" something is no statement;
    # test results are findings, not speech
    ("The Lowmere Brothers announced the 30-date tour while closing out their concert at the Ryman.", "30-date tour"),
    ("Varn Motors has revealed the second production model in its electric range at the Lowmere show.",
     "second production model"),
    ("Republican counsel Sten Castell asked the witness about concerns within the council.", "concerns within"),
    ("Breathing tests showed that his lungs could not hold as much air as normal.", "lungs could not hold"),
    ("To start, the vote confirms recent polling on the merger in the three northern towns.", "recent polling"),
]


@pytest.mark.parametrize(("text", "snippet"), NOT_QUOTES)
def test_not_a_quote(text, snippet):
    assert not [q for q in extract_text(text) if snippet in q.text]


def test_dateline_is_not_content():
    quotes = extract_text("KELBY, March 9 (Harbour Wire) - The port will stay closed, Mayor Ana Ruiz said.")
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [("indirect", "Ana Ruiz", "The port will stay closed")]


def test_reduced_passive_is_not_reported_speech():
    quotes = extract_text("Asked whether troops would be sent, Defence Minister Elena Varga replied: “Not today.”")
    assert [q.kind for q in quotes] == ["direct"]


def test_direct_quote_with_said_is_one_quote():
    quotes = extract_text("“We will rebuild the school by autumn,” Principal Omar Haddad said.")
    assert [q.kind for q in quotes] == ["direct"]
    assert quotes[0].cue is not None and quotes[0].cue.lemma == "say"


def test_split_quote_links_parts():
    text = "“We are not leaving,” said Tomas Berg, the union leader. “Not now, not ever.”"
    first, second = extract_text(text)
    assert second.continues == first.id


def test_words_a_speaker_reports_of_herself_are_hers():
    text = ("Mary Velden wrote songs that summer.\n\n“I called a friend of mine and I said: ‘Look, could you help me "
            "make them into songs?’” she said.")
    inner = _match(extract_text(text), "direct", "could you help me")
    assert inner.speaker == "Mary Velden" and inner.context.relay is None


def test_nested_quote_speaker_and_relay():
    text = ("Farmer Ruth Almond spoke after her neighbour Jorge Pena left. "
            "“He looked at me and he said: ‘Never sell the farm,’ and I never did,” she said.")
    quotes = extract_text(text)
    outer = next(q for q in quotes if q.text.startswith("He looked"))
    inner = next(q for q in quotes if q.text.startswith("Never sell"))
    assert outer.speaker == "Ruth Almond"
    assert inner.parent_id == outer.id
    assert inner.speaker == "Jorge Pena"
    assert inner.context.relay == "Ruth Almond"


def test_context_venue_addressee_relay():
    quotes = extract_text("“Prices will fall,” central bank chief Anna Weiss told reporters at a news conference.")
    assert quotes[0].context.addressee == "reporters"
    assert quotes[0].context.venue == "at a news conference"
    quotes = extract_text("President Karl Brandt said the border would stay open, as reported by the Daily Ledger.")
    assert quotes[0].context.relay == "Daily Ledger"
    assert quotes[0].text == "the border would stay open"
    quotes = extract_text("“We are ready,” Senator Paul Kerr said in an interview with the Marrow Gazette.")
    assert quotes[0].context.venue == "in an interview with the Marrow Gazette"
    quotes = extract_text("“We are ready,” Senator Paul Kerr said on Fox News on Sunday.")
    assert quotes[0].context.venue == "on Fox News"


def test_unbalanced_marks_stay_in_their_paragraph():
    text = "He said “this never ends\nA plain paragraph follows. It has more words, and nobody speaks."
    for quote in extract_text(text):
        assert "\n" not in quote.text and quote.end <= text.index("\n")


# Quote paragraphs with no attribution of their own (fiction). Each case: text, expected (speaker, snippet, whole).
CARRIED = [
    # a multi-paragraph quote (reopened, closed at the end) is one quote, after a paragraph naming the speaker
    ("Port captain Edda Voss read a prepared statement to the inquiry.\n\n"
     "“No vessel should have left port that night. The forecast was clear.\n\n"
     "“We failed the crew of the Marlow, and I will carry that.”\n\nThe inquiry resumes on Monday.",
     "Edda Voss", "No vessel should have left port that night. The forecast was clear.\n\n“We failed"),
    # single marks, same convention
    ("Professor Ilse Marr, who led the survey, looked back on ten winters on the ice.\n\n"
     "‘The first year we lost every instrument.\n\n‘By the fifth we had learned to listen to the ice.’",
     "Ilse Marr", "The first year we lost every instrument.\n\n‘By the fifth"),
    # a standalone quote paragraph after the speaker said something in reported speech
    ("Senator Rafe Ostrander told reporters the bill would pass by June.\n\n\"We have the votes. We always had.\"",
     "Rafe Ostrander", "We have the votes."),
    # a standalone quote after a paragraph that only names the person
    ("Goalkeeper Tove Lindqvist was carried off the pitch by her team-mates.\n\n\"This is for my grandmother.\"",
     "Tove Lindqvist", "This is for my grandmother."),
]


@pytest.mark.parametrize(("text", "speaker", "snippet"), CARRIED)
def test_unattributed_quote_paragraph_takes_the_speaker_before_it(text: str, speaker: str, snippet: str) -> None:
    quotes = [q for q in extract_text(text) if q.kind == "direct"]
    assert len(quotes) == 1, [(q.kind, q.text) for q in quotes]
    assert snippet in quotes[0].text and quotes[0].speaker == speaker
    assert text[quotes[0].start: quotes[0].end] == quotes[0].text


def test_quote_opening_the_article_has_no_speaker_to_carry() -> None:
    quotes = extract_text("\"Nobody saw it coming.\"\n\nThe flood reached the square by noon.")
    assert [q.speaker for q in quotes if q.kind == "direct"] == [None]


# Speakers without a title match, and anonymous sources (fiction): (text, snippet, expected speaker)
ROLE_AND_ANONYMOUS = [
    ("Orla Brennick coached the national side for eleven years. The former coach said the new stadium "
     "was a mistake.", "new stadium was a mistake", "Orla Brennick"),
    ("Pieter Vansloot finished his final season on Saturday. The 41-year-old said he would open a bakery.",
     "would open a bakery", "Pieter Vansloot"),
    ("\"We heard the roof go first,\" one neighbour said.", "We heard the roof go first", None),
    ("A senior official at the port authority said the cranes would be idle until March.",
     "cranes would be idle", None),
]


@pytest.mark.parametrize(("text", "snippet", "speaker"), ROLE_AND_ANONYMOUS)
def test_role_nouns_fall_back_to_the_person_just_named_and_anonymous_sources_stay_unnamed(
        text: str, snippet: str, speaker: str | None) -> None:
    quote = next(q for q in extract_text(text) if snippet in q.text)
    assert quote.speaker == speaker
    assert quote.speaker_mention is not None  # the surface form is kept even when nobody is named


def test_sentence_opener_is_not_part_of_the_title() -> None:
    quotes = extract_text("Earlier Calderian President Petro Halyk said the border would stay shut.")
    assert [(q.speaker, q.speaker_mention.title if q.speaker_mention else None) for q in quotes] == [
        ("Petro Halyk", "Calderian President")]


def test_declined_to_say_is_not_a_statement_but_called_for_is():
    from quotetrace.nlp.pipeline import extract_text

    assert extract_text("The harbour master declined to say when the port would reopen.") == []
    quotes = extract_text("Fishermen in Tarnby called for a new harbour wall on Monday.")
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [("indirect", "a new harbour wall", None)]


def test_dateline_with_city_and_country_is_not_the_speaker():
    from quotetrace.nlp.pipeline import extract_text

    text = "OSTERBY, Varn — The fire chief, Nils Hagen, said the blaze had been put out by midnight."
    quotes = extract_text(text)
    assert [q.speaker for q in quotes] == ["Nils Hagen"]
