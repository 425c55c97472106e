"""Which quoted spans are speech and of which kind (fictional texts; every name is invented)."""

from __future__ import annotations

import pytest

from quotetrace.nlp.pipeline import extract_text


def _kinds(text: str) -> dict[str, str]:
    return {q.text: q.kind for q in extract_text(text) if q.kind != "indirect"}


@pytest.mark.parametrize("text, second", [
    ("“The river is rising,” said Aldo Brenn, who has farmed the valley for forty years, “and nobody is listening.”",
     "and nobody is listening."),
    ('"This contract," union negotiator Mette Sand said, "protects every driver in the depot."',
     "protects every driver in the depot."),
    ("”I kept the lights on,” said Rolf Ek, the night porter. ”That was my job.”", "That was my job."),
])
def test_second_part_of_split_quote_is_direct(text, second):
    kinds = _kinds(text)
    assert kinds.get(second) == "direct", kinds


@pytest.mark.parametrize("text, title", [
    ("His second album, “Lanterns Over Varn”, went to number one in Estmark.", "Lanterns Over Varn"),
    ("The council's report, \"Streets for Everyone\", was published on Tuesday.", "Streets for Everyone"),
])
def test_title_of_a_work_in_apposition_is_not_a_quote(text, title):
    assert title not in _kinds(text)


@pytest.mark.parametrize("text, label", [
    ("The bank will close its 'Gold' accounts next year, a spokesman said.", "Gold"),
    ("Shoppers queued for the \"Family Box\" offer, the chain said on Monday.", "Family Box"),
])
def test_capitalised_label_in_marks_is_not_a_quote(text, label):
    assert label not in _kinds(text)


def test_lowercase_fragment_stays_a_partial_quote():
    kinds = _kinds("The senator called the plan “a gift to the smugglers” on Friday.")
    assert kinds.get("a gift to the smugglers") == "partial"


@pytest.mark.parametrize("text, fragment", [
    ("The vote was held on Friday. Councillor Dag Heller labelled the plan “a disgrace to the city.”",
     "a disgrace to the city."),
    ("The vote was held on Friday. Councillor Dag Heller blamed “greedy developers” for the delay.",
     "greedy developers"),
    ("The vote was held on Friday. Councillor Dag Heller begged colleagues “not to lose sight of” the tenants.",
     "not to lose sight of"),
])
def test_words_in_marks_after_a_verb_of_judging_are_the_subjects_partial_quote(text, fragment):
    quotes = {q.text: (q.kind, q.speaker) for q in extract_text(text)}
    assert quotes.get(fragment) == ("partial", "Dag Heller"), quotes


@pytest.mark.parametrize("text", [
    "The vote was held on Friday. As Councillor Dag Heller put it, the plan is “pure madness.”",
    "The vote was held on Friday. In Councillor Dag Heller's words, the plan is “pure madness.”",
    "The vote was held on Friday. In the words of Councillor Dag Heller, the plan is “pure madness.”",
])
def test_words_in_marks_after_as_x_put_it_are_xs(text):
    quotes = {q.text: (q.kind, q.speaker) for q in extract_text(text)}
    assert quotes.get("pure madness.") == ("partial", "Dag Heller"), quotes


def test_quote_sentence_without_a_cue_keeps_the_previous_speaker():
    text = ("“The pool will reopen in June,” manager Erik Dahl said. “The roof is fixed.” "
            "A lifeguard, Sanna Moe, said staff had been retrained.")
    quotes = {q.text: q.speaker for q in extract_text(text)}
    assert quotes.get("The roof is fixed.") == "Erik Dahl", quotes


def test_lower_case_words_after_a_work_noun_are_a_partial_quote_but_a_capitalised_title_is_not():
    from quotetrace.nlp.pipeline import extract_text

    text = "Her new album, “Cold Harbour,” sold well. Critic Jon Vale called the album “a shrug set to music.”"
    quotes = extract_text(text)
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [("partial", "a shrug set to music.", "Jon Vale")]


def test_a_fragment_holding_a_full_stop_is_a_partial_of_the_clause_it_opens_in():
    from quotetrace import extract
    text = ('Minister Ola Brekk said on Tuesday that Estmark "is going to have to make a deal that I like. '
            'If they don\'t, that\'s it."')
    partial = [q for q in extract(text) if q.kind == "partial"]
    assert [(q.text.split(".")[0], q.speaker) for q in partial] == [("is going to have to make a deal that I like",
                                                                     "Ola Brekk")]


def test_coordinated_reported_clauses_are_two_statements():
    from quotetrace import extract
    spans = [q.text for q in extract("Envoy Ola Brekk has said he spoke several times with the president and was "
                                     "acting on his direction.") if q.kind == "indirect"]
    assert spans == ["he spoke several times with the president", "was acting on his direction"]
    spans = [q.text for q in extract("Judge Mirja Sol said the evidence was incomplete and adjourned the trial "
                                     "until June.") if q.kind == "indirect"]
    assert len(spans) == 1  # her own act is not a second statement


@pytest.mark.parametrize("text, spans", [
    ("Korvane launched its console. The key to its success, says Jonas Rell, is the company's own network.",
     ["is the company's own network"]),
    ("Papers are shrinking. Meanwhile, Ken Dorr says, they are trying to buy time through cuts.",
     ["they are trying to buy time through cuts"]),
    ("The tech teams isolated the problem, Ravel said, and patched the software as sign-ups continued.",
     ["The tech teams isolated the problem", "patched the software as sign-ups continued"]),
    ("The new terminal will open on schedule, director Jonas Eld has said, despite a strike by handlers.",
     ["The new terminal will open on schedule"]),
])
def test_an_attribution_set_off_by_commas(text, spans):
    from quotetrace import extract
    assert [q.text for q in extract(text) if q.kind == "indirect"] == spans


def test_titles_and_scare_quoted_words_are_not_speech():
    from quotetrace import extract
    text = ("Dunmore+ launched with films from “Star Voyage,” Marvelous Studios and classic fare, including "
            "“Mary Pippins” and “Bimbi.”\n\n“With the rivals’ poll-tested ‘quid-pro-quo’ narrative in shambles, the "
            "public should not be fooled,” spokeswoman Ada Grisholm said.")
    quotes = extract(text)
    assert [q.text for q in quotes if q.kind != "indirect"] == [
        "With the rivals’ poll-tested ‘quid-pro-quo’ narrative in shambles, the public should not be fooled,"]


def test_as_x_put_it_names_who_used_the_words():
    from quotetrace import extract
    quotes = extract("Ola Brekk runs the chain. There is hope, since the “new Dunmore,” as Brekk put it, will have "
                     "national heft.")
    found = [(q.kind, q.speaker) for q in quotes if q.text.startswith("new Dunmore")]
    assert len(found) == 1 and found[0][0] == "partial" and found[0][1].endswith("Brekk")
    quotes = extract("Perhaps there is hope, since the “new Dunmore,” as Ola Brekk dubbed the merger, will have heft.")
    assert [(q.kind, q.speaker) for q in quotes if q.text.startswith("new Dunmore")] == [("partial", "Ola Brekk")]


def test_a_clause_wholly_in_marks_after_that_is_reported_speech_and_a_partial_quote():
    text = "The mayor, Liv Torsen, promised residents on Monday that “this will never happen again.”"
    quotes = {(q.kind, q.text.strip("“”.")): q.speaker for q in extract_text(text)}
    assert quotes == {("indirect", "this will never happen again"): "Liv Torsen",
                      ("partial", "this will never happen again"): "Liv Torsen"}, quotes


def test_words_marked_inside_a_reported_clause_are_the_speakers_partial_quote():
    text = "Kevin Mair spoke on Tuesday. The tech teams isolated the problem, Mair said, and “patched” the software."
    quotes = {(q.kind, q.text): q.speaker for q in extract_text(text)}
    assert quotes.get(("partial", "patched")) == "Kevin Mair", quotes


def test_a_characterisation_belongs_to_the_describer_however_the_as_is_hung():
    text = ("Omar Lamm is an analyst at Strator. Lamm further described the idea that the army is training the "
            "militia at the base as “certainly absurd.”")
    quotes = {(q.kind, q.text.rstrip(".")): q.speaker for q in extract_text(text)}
    assert quotes.get(("partial", "certainly absurd")) == "Omar Lamm", quotes


@pytest.mark.parametrize("text, marked", [
    ("Harold Fenwick, 71, known to regulars as \"the Rye Guy,\" said on Tuesday that the bakery would close.",
     "the Rye Guy,"),
    ("Known to his soldiers as ‘the Gatekeeper’, the colonel said the last night was chaos.", "the Gatekeeper"),
    ("The opposition Civic Forum, which backed Verdan, hailed what it called a “turning point” for the province.",
     "turning point"),
])
def test_a_name_or_term_someone_is_known_by_is_not_a_quote(text, marked):
    assert not any(text[q.start:q.end] == marked for q in extract_text(text))


def test_what_someone_called_a_phrase_stays_their_words():
    text = "Ostby, the ferry operator, cut its forecast, blaming what it called “a buyers' strike” in the south."
    assert any(q.kind == "partial" and text[q.start:q.end] == "a buyers' strike" for q in extract_text(text))


def test_a_quote_right_after_said_inside_a_quote_is_the_sayers_not_the_next_clauses():
    text = ("Dara Whelan scored twelve points against the Harbor Kings on Sunday.\n\n"
            "“Coach (Ivo) Marsh came in here and said, ‘Congratulations,’ and I thought he was joking about "
            "my turnovers,” Whelan said.\n\n"
            "“She'd say, ‘I don't want to know about the scores. I want to know about the fans.’ And then she'd "
            "ask me what the fans were saying,” said Tomas Brill, a bookseller who knew Nessa Vard for years.")
    speakers = {q.text: q.speaker for q in extract_text(text) if q.parent_id is not None}
    assert speakers.get("Congratulations,") == "Marsh", speakers


@pytest.mark.parametrize("text, fragment", [
    ("Mayor Lena Ortiz spoke on Monday.\n\nGovernor Paul Brandt was quoted as saying the budget was \"dead on "
     "arrival\" by the Capitol Gazette, said Ortiz.", "dead on arrival"),
    ("Mayor Lena Ortiz spoke on Monday.\n\nGovernor Paul Brandt was known for telling aides \"the budget is my "
     "business\" despite being new to the job, said another witness, former aide Carla Mendez.",
     "the budget is my business"),
])
def test_marked_words_someone_is_quoted_or_known_for_saying_are_theirs_not_the_teller_s(text, fragment):
    quotes = extract_text(text)
    assert {q.text: q.speaker for q in quotes if q.kind == "partial"}.get(fragment) == "Paul Brandt"
    assert not any(q.kind == "indirect" and q.speaker == "Paul Brandt" for q in quotes)  # the teller's statement


def test_a_headline_quote_after_a_colon_is_the_words_of_the_quoted_person_the_story_names_most():
    text = ("Students buy car for custodian who walked to work: ‘I thought they were pranking me’\n\n"
            "WESTBROOK, N.C. — For two years, Harold Benning walked three miles to unlock Ridgeview High.\n\n"
            "On Tuesday, a group of students led by senior Priya Natarajan handed Benning the keys to a sedan.\n\n"
            "“We just wanted him to sit down for once,” Natarajan said.\n\n"
            "“I figured it was a joke,” Benning said. “Then I saw the bow.”\n\n"
            "Benning, who retires in June, said he would drive to the coast first. “Forty-one years married and "
            "I never took her to the ocean,” Benning said.")
    assert {q.text: q.speaker for q in extract_text(text)}["I thought they were pranking me"] == "Harold Benning"


def test_a_quote_paragraph_after_an_embedded_post_keeps_the_speaker_of_the_quote_before_it():
    text = ("Redmere City named a new manager on Wednesday.\n\n"
            "Redmere said in a statement: \"Ivo is one of the most accomplished managers in Europe.\n\n"
            "\"He is renowned for his tactical prowess and has managed six clubs.\n\n"
            "Club statement\n\n"
            "— Redmere City (@RedmereCity) November 20, 2019\n\n"
            "\"He has won a domestic title in four different countries.\"")
    speakers = {q.text: q.speaker for q in extract_text(text)}
    assert speakers["He has won a domestic title in four different countries."] == "Redmere City", speakers


def test_words_inside_a_quote_after_i_said_are_the_outer_speaker_s():
    text = ("Her daughter, Ava, 11, said she never stopped believing Juniper was alive.\n\n"
            "“I kept her bowl by the back door the whole time. Mom said, ‘Maybe we should put it away,’ and I said, "
            "‘No way.’” Ava said.")
    speakers = {q.text: q.speaker for q in extract_text(text) if q.parent_id is not None}
    assert speakers.get("No way.") == "Ava", speakers


def test_a_nested_quote_that_opens_by_addressing_someone_is_not_theirs():
    text = ("Evangeline Roux quit singing in 1985. The label, she says, stopped returning her calls.\n\n"
            "“The head of A&R sat me down and said, ‘Evangeline, the market has moved on.’ I said, ‘Then the market "
            "can move on without me,’ and I went home,” she says.")
    speakers = {q.text: q.speaker for q in extract_text(text) if q.parent_id is not None}
    assert speakers.get("Evangeline, the market has moved on.") != "Evangeline Roux", speakers
    assert speakers.get("Then the market can move on without me,") == "Evangeline Roux", speakers
