"""Reported (indirect) statements (fictional texts; every name is invented)."""

from __future__ import annotations

import pytest

from quotetrace.nlp.pipeline import extract_text


def _indirect(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_text(text) if q.kind == "indirect"]


def _reported(text: str) -> list[str]:
    return [span for span, _ in _indirect(text)]


@pytest.mark.parametrize("text, first, second, speaker", [
    ("Harbour master Enno Vik said the channel would be dredged in April, adding that ships should expect delays.",
     "the channel would be dredged in April", "ships should expect delays", "Enno Vik"),
    ("Head teacher Sofie Lund told parents the school would stay open, and adding that heating was being repaired.",
     "the school would stay open", "heating was being repaired", "Sofie Lund"),
])
def test_adding_that_is_a_second_statement_by_the_same_speaker(text, first, second, speaker):
    found = _indirect(text)
    assert (first, speaker) in found, found
    assert (second, speaker) in found, found


@pytest.mark.parametrize("text", [
    "A guard at the prison, who asked not to be named, said the cells were flooded.",
    "Two staff members, who spoke on condition that their names be withheld, said the cells were flooded.",
])
def test_terms_of_anonymity_are_not_a_statement(text):
    found = _indirect(text)
    assert all("named" not in t and "withheld" not in t for t, _ in found), found
    assert any(t == "the cells were flooded" for t, _ in found), found


@pytest.mark.parametrize("text, content, speaker", [
    # "that" after an adverbial the parser attaches elsewhere
    ("The Osterby water board said in a short statement that the reservoir was full again.",
     "the reservoir was full again", "Osterby water board"),
    ("Coach Britt Lau told the club's radio station on Sunday that the squad was exhausted.",
     "the squad was exhausted", "Britt Lau"),
    # inverted attribution in the middle of the sentence
    ("The tunnel under the Essel will be finished by 2031, transport minister Ole Brask has said, despite delays.",
     "The tunnel under the Essel will be finished by 2031", "Ole Brask"),
    # gerund object
    ("Festival director Kai Olsen denied selling more tickets than the park could hold when he met the council.",
     "selling more tickets than the park could hold", "Kai Olsen"),
    # object followed by its own verb: a clause, not an object
    ("The Osterby ferry line acknowledged the timetable for the winter had been wrong, but said refunds were ready.",
     "the timetable for the winter had been wrong", "Osterby ferry line"),
])
def test_reported_clause_found_from_the_words_when_the_parse_misses_it(text, content, speaker):
    found = _indirect(text)
    assert any(t == content for t, _ in found), found
    assert dict(found)[content] is not None and speaker.split()[-1] in dict(found)[content], found


@pytest.mark.parametrize("text, content", [
    ("Port director Ansa Brun said the new cranes had arrived two weeks early.", "the new cranes had arrived two weeks early"),
    ("Although the Varn Chess Club says its members voted for the move, several founders resigned.",
     "its members voted for the move"),
    ("Asked about the crowds, Ansa Brun joked that the cranes were more popular than the mayor.",
     "the cranes were more popular than the mayor"),
    ("Port director Ansa Brun disputed that the cranes had arrived late.", "the cranes had arrived late"),
    ("Port director Ansa Brun disputed the notion that the cranes had arrived late.", "the cranes had arrived late"),
    ("Port director Ansa Brun volunteered that the cranes had arrived late.", "the cranes had arrived late"),
    ("Port director Ansa Brun assured residents that the cranes were safe to use.", "the cranes were safe to use"),
    ("Port director Ansa Brun made it clear that the cranes were safe to use.", "the cranes were safe to use"),
    ("Port director Ansa Brun made clear the cranes were safe to use.", "the cranes were safe to use"),
])
def test_bare_clause_after_a_speech_verb(text, content):
    assert any(t == content for t, _ in _indirect(text)), _indirect(text)


def test_told_takes_its_object_as_addressee_not_content():
    found = _indirect("“We lost the vote,” Ansa Brun told the Osterby Herald after the count.")
    assert not any("Osterby Herald" in t for t, _ in found), found


def test_reported_clause_holding_a_quoted_fragment_keeps_both():
    quotes = extract_text("Inspector Tove Sand said the kitchen was “a danger to every diner” and closed it.")
    kinds = {(q.kind, q.text) for q in quotes}
    assert ("partial", "a danger to every diner") in kinds, kinds
    assert any(k == "indirect" and "the kitchen was" in t for k, t in kinds), kinds


def test_a_statement_reported_in_a_noun_names_its_author():
    from quotetrace.nlp.pipeline import extract_text

    text = ("The dam was finished in 2011 despite a warning from geologist Ivo Strand, who had surveyed the valley, "
            "that the rock was “as soft as cheese.”")
    quotes = {(q.kind, q.speaker): q.text for q in extract_text(text)}
    assert quotes[("indirect", "Ivo Strand")].startswith("the rock was")
    assert quotes[("partial", "Ivo Strand")] == "as soft as cheese."


def test_a_directive_with_an_object_is_not_a_statement():
    from quotetrace.nlp.pipeline import extract_text

    assert extract_text("The mayor urged residents to boil their water until Friday.") == []


def test_a_reason_clause_after_a_reported_object_is_part_of_it():
    from quotetrace.nlp.pipeline import extract_text

    text = "Coach Mira Kallas stressed the value of the cup run, since it had paid for the new stand."
    quotes = extract_text(text)
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", "Mira Kallas")]
    assert quotes[0].text.endswith("paid for the new stand")


def test_projects_reports_a_forecast():
    quotes = extract_text("Separately, the Velland Budget Office projects that the tariffs will reduce output by 0.3 percent.")
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [
        ("indirect", "Velland Budget Office", "the tariffs will reduce output by 0.3 percent")]


@pytest.mark.parametrize("text, first, second, speaker", [
    ("Port director Aud Rike told the Aster Ledger on Monday that the crane was safe, and that “nobody was ever at risk.”",
     "the crane was safe", "nobody was ever at risk", "Aud Rike"),
    ("Ferry chief Olle Brand said the company employs 300 people, and he sees a future for every one of them.",
     "the company employs 300 people", "he sees a future for every one of them", "Olle Brand"),
    ("Estate agent Eva Sand said she related to him as someone raised by one parent, and she was impressed with "
     "his record.", "she related to him as someone raised by one parent", "she was impressed with his record",
     "Eva Sand"),
    ("Analysts at Nomura said the order favoured banks and identified two lenders as its key beneficiaries.",
     "the order favoured banks", "identified two lenders as its key beneficiaries", "Nomura"),
    ("Ines Varga, the ferry company's lawyer, told the Varn Herald in a statement that her client did not intend to "
     "cause harm and did not make plans to do so.", "her client did not intend to cause harm",
     "did not make plans to do so", "Ines Varga"),
])
def test_a_clause_coordinated_with_the_reporting_verb_goes_on_reporting(text, first, second, speaker):
    found = [(t.strip("“”."), s) for t, s in _indirect(text)]
    assert (first, speaker) in found, found
    assert (second, speaker) in found, found


@pytest.mark.parametrize("text, reported", [
    ("Ferry chief Olle Brand said the company employs 300 people, and he left the hall.",
     "the company employs 300 people"),
    ("The broker said the company resold the parts to a refinery and declined to comment further.",
     "the company resold the parts to a refinery and declined to comment further"),
])
def test_narration_coordinated_with_the_reporting_verb_is_not_reported(text, reported):
    found = _indirect(text)
    assert [t for t, _ in found] == [reported], found


def test_an_infinitive_noun_like_cue_opening_a_clause_reports():
    found = _indirect("The vote allowed councillor Eir Mo to claim that the ferry plan had majority support.")
    assert ("the ferry plan had majority support", "Eir Mo") in found, found


def test_a_participle_after_an_attribution_reports_for_the_same_speaker():
    text = ("“We have the biggest fleet on the coast,” harbour chief Rune Kvist says, boasting that "
            "the new ferries can “cross in any weather.”")
    found = [(t.strip("“”."), s) for t, s in _indirect(text)]
    assert ("the new ferries can “cross in any weather", "Rune Kvist") in found, found


@pytest.mark.parametrize("text, content, speaker", [
    # an appositive subject the parser turned into a reduced relative clause
    ("Ferrel's parent company, The Ostra Group, announced on Sept. 30 that it was withdrawing its listing, "
     "shortly after Lund stepped down.", "it was withdrawing its listing", "Ostra Group"),
    # the clause's subject taken for the verb's object, its verb for a participle
    ("The unions said more than 15,000 people registered for the rally.",
     "more than 15,000 people registered for the rally", None),
    # a source nobody names still reports
    ("Pollution has shaved three years from the lives of people in Varn, according to one estimate.",
     "Pollution has shaved three years from the lives of people in Varn", None),
    ("The Varn ferry talks failed on Monday, according to two people familiar with the matter.",
     "The Varn ferry talks failed on Monday", None),
    ("The Varn ferry sank within minutes, according to witnesses.", "The Varn ferry sank within minutes", None),
    # a noun-like verb form ("claims", "states") before "that" is worth parsing
    ("The trial began on Friday. The lawsuit claims that Ines Varga took two million crowns from the fund.",
     "Ines Varga took two million crowns from the fund", None),
    ("The trial began on Friday. Court documents state that Ines Varga took two million crowns from the fund.",
     "Ines Varga took two million crowns from the fund", None),
    # a role opening an article is not the person named in the words it reports
    ("The trial began on Friday. The judge ruled that Ines Varga must repay the fund.",
     "Ines Varga must repay the fund", None),
    # a side of a court case argues without naming anyone, and is never the Ministry of Defence
    ("The trial began on Friday. The Ministry of Defence said the evidence was clear. The defence argued that the "
     "evidence had been contaminated.", "the evidence had been contaminated", None),
    ("The trial began on Friday. The prosecution argued that the evidence was clear.", "the evidence was clear", None),
    # passive hearsay with an empty "it": reported, no one named
    ("The trial began on Friday. It was reported last week that Ines Varga had left the country.",
     "Ines Varga had left the country", None),
    # "per X" is "according to X"; "per cent" is no source
    ("The plague spread fast. The disease, per the Varn Health Agency, is often found in small mammals.",
     "is often found in small mammals", "Varn Health Agency"),
    ("The plague spread fast. The disease is often found in small mammals, per the Varn Health Agency.",
     "The disease is often found in small mammals", "Varn Health Agency"),
    # "as reported by X": X's report, unless X only relays someone's words
    ("The vote was held on Friday. As first reported by the Varn Herald, the ferry talks had failed.",
     "the ferry talks had failed", "Varn Herald"),
    ("The vote was held on Friday. As reported by the Varn Herald, Mayor Ines Varga said the ferry talks had failed.",
     "the ferry talks had failed", "Ines Varga"),
    # the parser makes the subject the root and its verbs modifiers of it
    ("The vote was held on Friday. The group, Ferry Workers United, formed in recent weeks and sent a letter to "
     "management this month stating that they want to be heard.", "they want to be heard", "Ferry Workers United"),
    # a participle after a passive speaks for the agent when the passive's subject is a thing
    ("The vote was held on Friday. The photo was denied by Mayor Ines Varga, hinting that it was a fake.",
     "it was a fake", "Ines Varga"),
    # "that" taken for the object of a relative clause on the place the words were said
    ("Gideon Marsh was convicted on Friday. His lawyer, Felix Duran, said outside the courthouse that his client "
     "would appeal.", "his client would appeal", "Felix Duran"),
    # a report in a noun with words between the owner and the noun
    ("One of the strangest moments of the inquiry was Varga’s own doubling-down admission that she did not know "
     "the name of the witness.", "she did not know the name of the witness", "Varga"),
    # a participle of a verb of speaking is no attribution that "according to" would only relay
    ("Police were called at midnight. Officers responding to a report of gunfire found the victim lying on the "
     "sidewalk, according to a police report released Sunday.",
     "Officers responding to a report of gunfire found the victim lying on the sidewalk", None),
    # "X said A, according to Y": Y only relays X's words
    ("The couple was quarantined, and the Varn Health Agency said it had traced people who might have been exposed "
     "to the patients, according to Ola Berg of the Varn Herald.",
     "it had traced people who might have been exposed to the patients", "Varn Health Agency"),
    # a verb in the words reported is no attribution that "according to" would only relay
    ("The Varn ferry talks failed because the sides could not agree on a date, according to Ines Varga.",
     "The Varn ferry talks failed because the sides could not agree on a date", "Ines Varga"),
    # "of" hung on the object; a participle opening a clause; the clause's subject taken for an object
    ("Mayor Ines Varga accused the utility of failing to warn residents before the outages.",
     "failing to warn residents before the outages", "Ines Varga"),
    ("Smoke will descend on Varn this week, with forecasters warning that pollution is likely to reach severe levels.",
     "pollution is likely to reach severe levels", None),
    ("Analyst Tor Simms suggested the most likely reason residents stay in the camp is fear of retribution.",
     "the most likely reason residents stay in the camp is fear of retribution", "Tor Simms"),
    # asides with an appositive, or an "as" the parser hangs anywhere
    ("The vote was held on Friday. The workers, said union steward Ruth Ambler, were treated badly by the company.",
     "were treated badly by the company", "Ruth Ambler"),
    ("The allergy is rare. The condition, as the Varn Herald very recently explained, is complex and rare.",
     "is complex and rare", "Varn Herald"),
    ("This system, says Rikard Lock, an immunologist at the University of Varn, Ostby, helps direct the body's "
     "response to danger.", "helps direct the body's response to danger", "Rikard Lock"),
    ("Speaking on behalf of the campaign group Save Brackley Meadows, Alison Pryor, a retired teacher from Ashcott, "
     "said the village had already absorbed 300 new homes since 2016.",
     "the village had already absorbed 300 new homes since 2016", "Alison Pryor"),
    ("Paramedics Union of SA secretary Dale Hocking said crews were spending entire shifts outside one hospital.",
     "crews were spending entire shifts outside one hospital", "Dale Hocking"),
    ("Shares of Sahyadri Bank fell 6.4 per cent after analysts at Kotwal Securities cut their rating on the stock, "
     "saying the lender's deposit growth had lagged its loan book.",
     "the lender's deposit growth had lagged its loan book", "Kotwal Securities"),
    ("Judge Franklin Voss, writing for the majority, said Congress had acted clearly on who may work in the country.",
     "Congress had acted clearly on who may work in the country", "Franklin Voss"),
    ("Gov. Judith Ransome, a Republican, ordered flags lowered to half-staff and said in a statement that she was "
     "heartbroken.", "she was heartbroken", "Judith Ransome"),
    ("The House Ethics Committee opened an inquiry. In a brief statement issued by its chair, Rep. Maureen Castellan, "
     "R-Ind., and its top Democrat, Rep. Curtis Obi, D-Md., the committee said the panel had voted unanimously.",
     "the panel had voted unanimously", "House Ethics Committee"),
    ("Pitching coach Dewey Falk said Brennaman had shown no warning signs in his bullpen sessions.",
     "Brennaman had shown no warning signs in his bullpen sessions", "Dewey Falk"),
    ("Shortly before their arrival, Webb admitted to threatening the girl, and hiding her from the police.",
     "threatening the girl", "Webb"),
    ("For example, as Herbert notes, being able to taste traces of pathogens gives the body more time to respond.",
     "being able to taste traces of pathogens gives the body more time to respond", "Herbert"),
])
def test_statements_the_parser_hides(text, content, speaker):
    assert (content, speaker) in _indirect(text)


@pytest.mark.parametrize("text", [
    "The ferry line closed. Ines Varga would not say whether the ferry would run again.",
    "The ferry line closed. Ines Varga did not say when the ferry would run again.",
    "The ferry line closed. The operators have not disclosed how many ferries would be needed.",
    "The ferry line closed. Others, though, might argue that the ferry should never have run.",
    "The ferry line closed. A whistleblower would then have claimed that the ferry was unsafe.",
])
def test_a_question_left_unanswered_or_a_hypothetical_claim_is_no_statement(text):
    assert _indirect(text) == []


def test_a_participle_after_a_passive_with_a_person_as_its_subject_is_that_persons():
    found = _indirect("The vote was held on Friday. Olle Brand was questioned by police, insisting that he was innocent.")
    assert found == [("he was innocent", "Olle Brand")], found


@pytest.mark.parametrize("second", ["while Councillor Dag Heller said", "whereas Councillor Dag Heller argued"])
def test_two_speakers_set_against_each_other_in_one_sentence_keep_their_own_words(second):
    found = _indirect(f"The vote was held on Friday. Mayor Rhea Falk said the plan would help renters, {second} "
                      "it would hurt them.")
    assert ("the plan would help renters", "Rhea Falk") in found and ("it would hurt them", "Dag Heller") in found, found


def test_a_question_put_to_the_speaker_in_an_aside_is_not_her_statement():
    found = _indirect("The vote was held on Friday. Mayor Rhea Falk, asked whether she would resign, said she would "
                      "serve out her term.")
    assert found == [("she would serve out her term", "Rhea Falk")], found


@pytest.mark.parametrize("text", [
    "The fire spread on Wednesday. Governor Elena Marchetti declared a state of emergency for the county on "
    "Wednesday night, freeing state funds.",
    "The cafe opened in 1990. Nadia Holm wrote her first novel on the backs of restaurant receipts during slow shifts.",
    "The bakery opened in 1987. Tomas Lind added a sourdough rye to the menu this spring.",
    "Trade talks resumed. The deal would allow leaders from both countries to claim an easy victory.",
    "The patient recovered. Blood tests revealed that his body had made antibodies to the feathers.",
    "The patient recovered. Those facts suggest that the receptors evolved early.",
    "The siege went on. Police have laid siege to the campus and threatened to use live ammunition on the students.",
    "The club confirmed the news. Olle Brand has agreed a deal to manage the club until the end of the season.",
    "The mice were sick. To confirm the link between the parasites and the cells, Olle Brand ordered more mice.",
])
def test_an_act_with_a_thing_reports_no_words(text):
    assert _indirect(text) == []


def test_an_abstract_noun_the_parser_makes_a_subject_never_speaks():
    found = _indirect("Police were called at midnight. A neighbor who asked not to be identified because she feared "
                      "retaliation said the shouting lasted an hour.")
    assert all(speaker is None or "retaliation" not in speaker for _, speaker in found), found


def test_a_when_clause_with_its_own_speaker_stays_inside_the_words_reported():
    found = _indirect("The summit ended on Friday. Ines Varga admitted that there is a contradiction when the Varn "
                      "League says it wants the port to reopen but refuses to pay for it.")
    assert found == [("there is a contradiction when the Varn League says it wants the port to reopen but refuses to "
                      "pay for it", "Ines Varga")], found


def test_per_cent_and_per_barrel_are_no_sources():
    assert _indirect("Prices rose 3 per cent last year, to 40 dollars per barrel.") == []


def test_according_to_plan_is_no_statement():
    assert _indirect("The launch of the Varn ferry went ahead according to plan.") == []


@pytest.mark.parametrize("text, content", [
    # the terms of a partial identity are not a statement
    ("A commander near Drevny, who asked to be identified only by his call sign, Falcon, told Wire the other side "
     "had rearmed.", "the other side had rearmed"),
    # a clause before the verb is no report when one follows it
    ("While the campaign did not appeal to Julie Gram, a health officer, she said she did not want to judge it.",
     "she did not want to judge it"),
])
def test_only_the_reported_clause_is_a_statement(text, content):
    found = _indirect(text)
    assert [t for t, _ in found] == [content], found


def test_that_parsed_as_an_object_opens_no_content():
    found = _indirect("Harbour master Enno Vik said in an email that the channel would be dredged.")
    assert found == [("the channel would be dredged", "Enno Vik")], found


def test_a_relative_clause_after_a_reported_object_is_no_report():
    found = _indirect("Some callers on launch day reported telephone wait times that exceeded two hours.")
    assert not any(t.startswith("that exceeded") for t, _ in found), found


@pytest.mark.parametrize("text, content, speaker", [
    ("Prince Edvard spoke to the broadcaster. The most telling contradiction was his claim that he visited the "
     "banker in 2010 to end the friendship.", "he visited the banker in 2010 to end the friendship", "Edvard"),
    ("Adam Schell opened the inquiry. Schell's assertion that he doesn't know the witness's name is hard to believe.",
     "he doesn't know the witness's name", "Adam Schell"),
])
def test_a_claim_owned_by_its_author_reports(text, content, speaker):
    found = _indirect(text)
    assert any(t == content and s is not None and s.endswith(speaker) for t, s in found), found


def test_in_her_view_reports_her_opinion():
    found = _indirect("Jenny Plass is a physiologist at Varn University. But in her view, calling them taste "
                      "receptors entrenched the idea that they work only in the mouth.")
    assert ("calling them taste receptors entrenched the idea that they work only in the mouth", "Jenny Plass") \
        in found, found


@pytest.mark.parametrize("text, content, speaker, relay", [
    ("Harbour chief Enno Vik spoke on Monday. Vik said on Monday the talks had stalled, the Lowmere news agency "
     "reported.", "the talks had stalled", "Enno Vik", "Lowmere news agency"),
    ("Harbour chief Enno Vik spoke on Monday. The talks have stalled, Nordpost quoted Vik as saying.",
     "The talks have stalled", "Enno Vik", "Nordpost"),
    ("Nordpost cited harbour chief Enno Vik as saying the talks had stalled.", "the talks had stalled", "Enno Vik",
     "Nordpost"),
    ("Harbour chief Anton Belik arrived late. Nordpost quoted him as saying the talks had stalled.",
     "the talks had stalled", "Anton Belik", "Nordpost"),
    ("Vik said the port was to blame, the harbour office said in a statement.", "the port was to blame", "Vik", None),
])
def test_an_outlet_or_office_relaying_a_statement_is_not_its_speaker(text, content, speaker, relay):
    found = [(q.text, q.speaker, q.context.relay) for q in extract_text(text) if q.kind == "indirect"]
    assert found == [(content, speaker, relay)]


@pytest.mark.parametrize("text, content, speaker", [
    ("The trial went on. Orm is accused of hiding the money in offshore accounts.",
     "hiding the money in offshore accounts", None),
    ("The trial went on. It is alleged that Orm hid the money in offshore accounts.",
     "Orm hid the money in offshore accounts", None),
    ("The war went on. Velland was accused by Kordany of shelling the dam on Sunday.",
     "shelling the dam on Sunday", "Kordany"),
    ("The trial went on. Critics accused the utility of overkill and of using blackouts as a crutch.",
     "overkill and of using blackouts as a crutch", None),
    ("The trial went on. According to the indictment, Orm hid the money in offshore accounts.",
     "Orm hid the money in offshore accounts", None),
])
def test_accusations_and_court_papers_report_even_when_nobody_is_named(text, content, speaker):
    assert _indirect(text) == [(content, speaker)]


def test_who_is_accused_is_never_the_accuser():
    text = "The trial went on. Orm, who is accused of hiding the money from his partners, denied every charge put to him."
    assert all(speaker != "Orm" for content, speaker in _indirect(text) if "hiding" in content)


def test_a_relative_clause_after_a_cue_reports_nothing():
    text = ("Tomas Reyes was the third witness testifying Tuesday who listened in on the call with the minister. "
            "The helicopter, which it said crashed in the hills, was found on Monday, the army said.")
    found = {text[q.start:q.end] for q in extract_text(text)}
    assert not any(t.startswith("who listened") for t in found)


def test_the_source_an_outlet_cites_is_not_part_of_the_report():
    text = "The Lowmere Courier reported on Monday that the plant would close, citing Mayor Ann Holt."
    assert _reported(text) == ["the plant would close"]


@pytest.mark.parametrize("text, reported", [
    ("A former mayor took cash from developers, a jury at Castlebridge Crown Court heard on Monday.",
     ["A former mayor took cash from developers"]),
    ("The inquest heard that the driver had been drinking.", ["the driver had been drinking"]),
    ("She heard a loud bang and ran outside.", []),
])
def test_what_a_court_heard_is_reported_by_no_one_named(text, reported):
    assert _indirect(text) == [(span, None) for span in reported]


@pytest.mark.parametrize("text, reported", [
    ("Gordon Ashcombe, 66, denies six counts of bribery and one count of misconduct.", []),
    ("Mayor Ann Holt denied the allegations against her on Monday.", []),
    ("Mayor Ann Holt denied taking bribes from the developers.", ["taking bribes from the developers"]),
])
def test_denying_a_charge_is_a_plea_and_denying_an_act_a_statement(text, reported):
    assert _reported(text) == reported


def test_a_court_ruling_that_reports_its_finding():
    text = "The Constitutional Court on Tuesday struck down the law, ruling that it violated the right to privacy."
    assert _indirect(text) == [("it violated the right to privacy", "Constitutional Court")]


@pytest.mark.parametrize("text", [
    "State Senator Marisol Ortega has promised to bring the bill back next year.",
    "The minister vowed to fight on until the end of the season.",
    "Mayor Ann Holt pledged to rebuild the pier by the summer.",
])
def test_a_promise_to_act_is_no_reported_statement(text):
    assert _indirect(text) == []


@pytest.mark.parametrize("text, reported", [
    ("Interior Minister Pavel Radan said the government respected the ruling but warned that it would leave police "
     "weaker.", [("the government respected the ruling", "Pavel Radan"), ("it would leave police weaker", "Pavel Radan")]),
    ("The Rovenian Defence Ministry said its air defences had shot down 14 drones and denied targeting residential areas.",
     [("its air defences had shot down 14 drones", "Rovenian Defence Ministry"),
      ("targeting residential areas", "Rovenian Defence Ministry")]),
    ("Colonel Issa Kambou said all ministers must report by noon and warned that any who failed would be arrested.",
     [("all ministers must report by noon", "Issa Kambou"), ("any who failed would be arrested", "Issa Kambou")]),
])
def test_a_second_reporting_verb_after_and_or_but_is_the_same_speakers_second_statement(text, reported):
    assert _indirect(text) == reported


@pytest.mark.parametrize("text, reported", [
    ("In a post on Saturday, Ragna Solvik wrote that she had telephoned Verdan to congratulate him and that the "
     "province deserves a governor with a clear mandate.",
     ["she had telephoned Verdan to congratulate him", "the province deserves a governor with a clear mandate"]),
    ("The Vardanian Foreign Ministry said the government had never obstructed access and that armed groups were "
     "hoarding food.", ["the government had never obstructed access", "armed groups were hoarding food"]),
])
def test_said_that_a_and_that_b_is_two_statements(text, reported):
    assert _reported(text) == reported


@pytest.mark.parametrize("text, reported", [
    ("Mayor Ann Holt never claimed that the pier would reopen.", []),
    ("Mayor Ann Holt did not say whether the pier would reopen.", []),
    ("Mayor Ann Holt said the pier would not reopen.", ["the pier would not reopen"]),
])
def test_a_negated_report_says_nothing(text, reported):
    assert _reported(text) == reported


def test_a_second_verb_phrase_with_be_or_have_is_a_second_statement():
    text = "Team principal Ines Galvao said the rookie had been badly shaken but was otherwise fine."
    assert _reported(text) == [
        "the rookie had been badly shaken", "was otherwise fine"]


@pytest.mark.parametrize("text, reported", [
    ("The regulators demanded answers from wireless providers whose equipment failed during the outages.", []),
    ("Interior Minister Ana Ruiz conceded delays in the hurricane aid on Monday.", []),
    ("The Ministry of Transport acknowledged the tender for the rail link had been delayed.",
     ["the tender for the rail link had been delayed"]),
])
def test_a_noun_object_is_no_statement_unless_the_parser_split_a_clause(text, reported):
    assert _reported(text) == reported


@pytest.mark.parametrize("text", [
    '"Now you\'re telling us that was for nothing?" Lena Sato said, her voice breaking.',
    "“I thought I was about to die on that road,” Travis Hensley told jurors, his voice catching. “I think of it "
    "every day.”",
])
def test_an_absolute_phrase_after_the_attribution_is_no_statement(text):
    assert not any("voice" in span for span in _reported(text))


def test_a_second_verb_inside_a_sourced_clause_keeps_its_own_subject():
    text = ("According to a criminal complaint filed in Westerly Heights Municipal Court, Lamar Eddings knocked on "
            "Brandt's window and told him the spot was needed for his grandmother.")
    quotes = {q.text: q.speaker for q in extract_text(text) if q.kind == "indirect"}
    assert quotes.get("the spot was needed for his grandmother") == "Lamar Eddings", quotes


def test_told_the_deputy_he_had_been_clocked_reports_the_clause_not_the_addressee():
    text = "According to the affidavit, Hargis told the deputy he had been clocked going 74 mph in a 55 mph zone."
    quotes = {q.text: q.speaker for q in extract_text(text) if q.kind == "indirect"}
    assert quotes.get("he had been clocked going 74 mph in a 55 mph zone") == "Hargis", quotes


def test_a_clause_the_parser_reads_as_the_verb_s_complement_is_reported():
    text = ("His wife, Elaine Petrakis, told reporters her husband was “sleeping fine” and was confident the jury would "
            "see through the government's case.")
    assert any(span.startswith("her husband was") and speaker == "Elaine Petrakis" for span, speaker in _indirect(text))


def test_a_state_of_mind_coordinated_with_the_reporting_verb_is_reported():
    text = ("His wife, Elaine Petrakis, told reporters her husband was “sleeping fine” and was confident the jury would "
            "see through the government's case.")
    assert ("was confident the jury would see through the government's case", "Elaine Petrakis") in _indirect(text)
