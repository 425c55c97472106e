"""Speaker resolution for unnamed people and staff (fictional texts; every name is invented)."""

from __future__ import annotations

import pytest

from quotetrace.nlp.pipeline import extract_text
from quotetrace.nlp.speakers import Entity


def _speaker(text: str, snippet: str) -> str | None:
    found = [q for q in extract_text(text) if snippet in q.text]
    assert found, f"no quote with {snippet!r}"
    return found[0].speaker


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Strategists at Orlen Partners said the merger would fail.", "merger would fail", "Orlen Partners"),
    ("Officials at the Varn Water Board said supplies were safe.", "supplies were safe", "Varn Water Board"),
    ("Analysts said the merger would fail.", "merger would fail", None),
    ("Villagers in Osterby said the road had been closed for a week.", "road had been closed", None),
    ("A firefighter in Lowmere said the blaze was under control.", "blaze was under control", None),
    ("Union members said they would strike in March.", "strike in March", None),
])
def test_unnamed_staff_speak_for_their_named_body_and_the_public_is_anonymous(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_name_in_apposition_after_a_role_with_of_phrase():
    text = "The governor of Osterby province, Lina Maas, said on Monday the curfew would end."
    assert _speaker(text, "curfew would end") == "Lina Maas"


def test_source_label_line_keeps_lowercase_words_of_the_body():
    text = "08:10 Floods in the south\n\nSource: Osterby district council\nQuote: \"Three villages are cut off.\""
    assert _speaker(text, "Three villages") == "Osterby district council"


@pytest.mark.parametrize("text, snippet, body", [
    ("A Downing Street spokesperson said the minister had full confidence in Ms Pryor.", "full confidence",
     "Downing Street"),
    ("City Hall officials said the Ferrow Street depot would stay open.", "depot would stay open", "City Hall"),
    ("UN envoys said on Tuesday that the ceasefire was holding.", "ceasefire was holding", "UN"),
    ("WHO officials said the outbreak had peaked.", "outbreak had peaked", "WHO"),
])
def test_acronym_body_staff_speak_for_the_body(text, snippet, body):
    assert _speaker(text, snippet) == body


@pytest.mark.parametrize("text, snippet, body", [
    ("Online grocer Basko will stop deliveries to the islands in June, the firm said.", "stop deliveries", "Basko"),
    ("Varn Rail has cancelled all night trains for a week, the operator said on Monday.", "night trains", "Varn Rail"),
])
def test_unnamed_body_after_its_clause_is_the_clause_subject(text, snippet, body):
    assert _speaker(text, snippet) == body


@pytest.mark.parametrize("text, snippet, body", [
    ("The Supreme Court of Estmark said the appeal would be heard in May.", "appeal would be heard", "Supreme Court of Estmark"),
    ("The High Command of Norvik said three drones had been shot down.", "three drones", "High Command of Norvik"),
])
def test_of_phrase_body_names_stay_whole(text, snippet, body):
    assert _speaker(text, snippet) == body


def test_pronoun_in_a_new_paragraph_goes_to_the_named_subject_opening_it():
    text = ("Mayor Ivar Holm said the budget was final.\n\nCouncillor Petra Sund then stood up. "
            "“This budget forgets the north,” she said.")
    assert _speaker(text, "forgets the north") == "Petra Sund"













def test_a_name_in_apposition_to_coordinated_roles_speaks():
    text = "The deal was announced on Monday. Crisply’s founder and largest shareholder, Theo Brandt, said he backed it."
    assert _speaker(text, "he backed it") == "Theo Brandt"



def test_a_named_campaign_speaks_for_its_candidate():
    text = "The debate ended late. Mayor Victor Amsel spoke first. The Amsel campaign said in an email that he had won."
    assert _speaker(text, "he had won") == "Victor Amsel"









def test_pronoun_after_an_attribution_sentence_keeps_the_last_speaker():
    text = ("Mayor Ivar Holm said the budget was final. “Nobody will get more,” he said. "
            "“We have no more to give,” he said.")
    assert _speaker(text, "no more to give") == "Ivar Holm"


def test_demo_corpus_guillemet_quote_is_found_with_its_speaker():
    from pathlib import Path
    path = Path(__file__).resolve().parents[2] / "examples" / "corpus" / "e1-vst-reckless-gamble.txt"
    if not path.exists():
        pytest.skip("demo corpus absent")
    text = path.read_text(encoding="utf-8")
    opened = text.index("«")
    found = [q for q in extract_text(text) if q.kind == "direct" and opened < q.start < text.index("»", opened)]
    assert found and found[0].speaker == "Irma Vasko"


@pytest.mark.parametrize("text, snippet, author", [
    ("According to a lawsuit filed by Harrow Capital, the fund lost two million crowns.", "fund lost", "Harrow Capital"),
    ("According to a petition signed by the Tarnby Anglers' Club, the lake has been overfished for years.",
     "lake has been overfished", "Tarnby Anglers' Club"),
    # a paper's report speaks for the paper; a document someone drew up, for its writer
    ("According to a report in the Lowmere Courier, the mayor launched the campaign on Monday.",
     "mayor launched", "Lowmere Courier"),
    ("Ines Vald was his partner. According to a document Vald prepared for her lawyers in October of 2006, the "
     "will specified that his family would get nothing.", "family would get nothing", "Ines Vald"),
    ("According to a letter the Ministry of Health sent to hospitals, staff must wear masks.", "must wear masks",
     "Ministry of Health"),
])
def test_according_to_a_document_by_its_author(text, snippet, author):
    assert _speaker(text, snippet) == author


def test_a_study_that_found_something_speaks_for_its_author():
    text = "A review commissioned by the Tarnby Rail Board found that half the stations lacked ramps."
    assert _speaker(text, "half the stations lacked ramps") == "Tarnby Rail Board"


def test_found_with_a_person_subject_is_not_a_cue():
    assert extract_text("Divers found the wreck of the ferry off Saltan Point on Friday.") == []


@pytest.mark.parametrize("text, snippet, speaker", [
    ("“The roof leaked all winter,” one tenant said. Another said the landlord had never answered a letter.",
     "landlord had never answered", None),
    ("Most shopkeepers on Quay Street stayed shut. Some said the insurers had stopped paying out.",
     "insurers had stopped paying", None),
    ("One nurse said the ward was full. Another, Ida Rosk, said three beds had been closed.",
     "three beds had been closed", "Ida Rosk"),
])
def test_indefinite_determiner_subjects_are_anonymous_unless_named(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


@pytest.mark.parametrize("text, snippet, company", [
    ("Dunmore Shipping lost two vessels in the storm. The company said the crews were safe.", "crews were safe",
     "Dunmore Shipping"),
    ("Investors sold shares in Osterby Power after the outage. Repairs would take a week, the utility said.",
     "Repairs would take a week", "Osterby Power"),
])
def test_company_nouns_refer_to_the_named_business(text, snippet, company):
    assert _speaker(text, snippet) == company


def test_a_public_body_is_never_the_company():
    text = ("The Varn Competition Authority fined Tellwick Mobile on Friday. The company said the fine was unfair.")
    assert _speaker(text, "fine was unfair") == "Tellwick Mobile"


def test_role_noun_resolves_to_a_person_introduced_in_apposition_one_sentence_earlier():
    text = ("Hedda Brun, the regional governor, flew to the islands on Monday. Arriving in Skarholm, the governor "
            "said the ferries would run again by Friday.")
    assert _speaker(text, "ferries would run again") == "Hedda Brun"


def test_short_form_of_an_organisation_name_is_the_whole_body():
    text = ("The Supreme Council of Varn said the vote would go ahead. The session would open at noon, the Council "
            "said.")
    assert _speaker(text, "session would open") == "Supreme Council of Varn"


@pytest.mark.parametrize("text, snippet, issuer", [
    ("The Osterby Transport Board published an inquiry on Monday. The inquiry concluded that the signals had "
     "failed.", "signals had failed", "Osterby Transport Board"),
    ("A survey by economists at the Bank of Tarnby showed that rents had doubled.", "rents had doubled",
     "Bank of Tarnby"),
])
def test_documents_speak_for_the_organisation_that_issued_them(text, snippet, issuer):
    assert _speaker(text, snippet) == issuer


@pytest.mark.parametrize("text, snippet, writer", [
    ("The vote is on Friday. Mayor Ilse Varga released a statement that warned taxes would rise.",
     "taxes would rise", "Ilse Varga"),
    ("The vote is on Friday. Mayor Ilse Varga issued a statement warning that taxes would rise.",
     "taxes would rise", "Ilse Varga"),
    ("Ilse Varga is the mayor. On Monday she sent residents a letter saying that taxes would rise.",
     "taxes would rise", "Ilse Varga"),
    ("The vote is on Friday. Varga cited a report that warned taxes would rise.", "taxes would rise", None),
])
def test_a_message_speaks_for_whoever_issued_it_not_for_whoever_cited_it(text, snippet, writer):
    assert _speaker(text, snippet) == writer


@pytest.mark.parametrize("text, snippet, speaker", [
    ("The vote was held on Friday. Vera Lindqvist-Omondi said the talks had failed.", "talks had failed",
     "Vera Lindqvist-Omondi"),
    ("The vote was held on Friday. Anna-Lena Brik said the talks had failed.", "talks had failed", "Anna-Lena Brik"),
])
def test_hyphenated_names_keep_their_hyphen(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


@pytest.mark.parametrize("text, snippet, speaker", [
    ("The vote was held on Friday. At some point, Lund’s late father told Starner that the checks had arrived.",
     "the checks had arrived", None),
    ("The vote was held on Friday. Tom Kane's wife, Ann Kane, said the checks had arrived. Later Kane's wife said "
     "she was tired.", "she was tired", "Ann Kane"),
])
def test_a_relative_named_only_through_someone_else_is_anonymous_unless_introduced(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_an_unnamed_officer_of_a_named_body_speaks_for_the_body():
    text = "The vote was held on Friday. The talks failed, the Varn Rail Holdings chief executive said."
    assert _speaker(text, "talks failed") == "Varn Rail Holdings"


def test_unnamed_staff_never_speak_for_the_outlet_they_addressed():
    text = "The vote was held on Friday. In a statement to CNN, a ministry spokesperson said the talks had failed."
    assert _speaker(text, "talks had failed") is None


@pytest.mark.parametrize("text, snippet, leader", [
    ("A team led by Maria Lind warned that the glaciers were retreating.", "glaciers were retreating", "Maria Lind"),
    ("A team of scientists led by Maria Lind said the glaciers were retreating.", "glaciers were retreating",
     "Maria Lind"),
    ("A team of scientists said the glaciers were retreating.", "glaciers were retreating", None),
])
def test_a_group_led_by_a_named_person_speaks_through_its_leader(text, snippet, leader):
    assert _speaker(text, snippet) == leader


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Goalkeeper Ola Nyberg saved two penalties on Sunday. “I guessed right twice,” the 31-year-old Swede said.",
     "guessed right", "Ola Nyberg"),
    ("Chef Anton Pirelli closed his restaurant in Varn last week. The Italian said the rent had tripled.",
     "rent had tripled", "Anton Pirelli"),
    ("The vote was held on Friday. Anton Pirelli spoke first. The former mayor of Varn said the talks had failed.",
     "talks had failed", "Anton Pirelli"),
    ("The match ended 2-1. Milo Garrick scored twice. The Ostby United forward said he was delighted.",
     "he was delighted", "Milo Garrick"),
    ("The vote was held on Friday. Councillor Wim Tarrant voted against. The Labour councillor said the plan was "
     "flawed.", "the plan was flawed", "Wim Tarrant"),
])
def test_a_description_stands_for_the_person_just_named(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_a_persons_office_speaks_for_that_person():
    text = "Governor Lina Maas's office said she would not seek a second term."
    assert _speaker(text, "second term") == "Lina Maas"


@pytest.mark.parametrize("text, snippet", [
    ("Aid workers said the bridge had been washed away.", "bridge had been washed away"),
    ("Transport officials in Osterby said the line would reopen in May.", "line would reopen"),
    ("Environmental groups warned that the river was dying.", "river was dying"),
    ("Prices rose in March. Businesses also complained of poor communications and say that the cuts were too broad.",
     "cuts were too broad"),
    ("Municipalities, which run most schools, said they needed money for kitchens. The Association of Velland "
     "Municipalities agreed.", "needed money"),
])
def test_unnamed_groups_opening_a_sentence_are_anonymous(text, snippet):
    assert _speaker(text, snippet) is None


@pytest.mark.parametrize("text, speaker", [
    ("“Vote early, vote once.” — Tilda Marsh, returning officer", "Tilda Marsh"),
    ("\"No comment.\" - Osterby Port Authority", "Osterby Port Authority"),
])
def test_a_quote_signed_after_a_dash(text, speaker):
    quotes = extract_text(text)
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", speaker)]


def test_pronoun_after_a_narrative_sentence_about_another_person_is_that_person():
    text = ("Judge Ana Sola said the hearing would resume on Monday. Prosecutor Ivo Ring looked unhappy. "
            "“We are ready today,” he said.")
    assert _speaker(text, "We are ready today") == "Ivo Ring"


def test_quoted_as_saying_names_the_speaker():
    text = "Coach Mira Kallas was quoted as saying the pitch was a disgrace."
    assert _speaker(text, "pitch was a disgrace") == "Mira Kallas"


def test_when_asked_whether_is_not_the_speakers_statement():
    quotes = extract_text("“Not yet,” said Mayor Ivo Lind when asked whether the bridge was safe.")
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Ivo Lind")]


def test_a_common_noun_opening_the_clause_is_not_the_body_that_speaks():
    text = ("The Osterby Savings Bank cut its rates on Monday. Chairman Pal Rye said more cuts were likely. "
            "Demand was weak, the bank said.")
    assert _speaker(text, "Demand was weak") == "Osterby Savings Bank"


@pytest.mark.parametrize("text, snippet", [
    ("Internal files seen by the Varn Herald showed that the dam had cracked twice.", "dam had cracked"),
    ("A confidential memo revealed that the ferry had failed its inspection.", "ferry had failed"),
    ("The volunteers said the beach had been cleaned by noon.", "beach had been cleaned"),
])
def test_unauthored_documents_and_unnamed_definite_groups_have_no_speaker(text, snippet):
    assert _speaker(text, snippet) is None


def test_a_definite_document_speaks_for_the_body_that_published_it():
    text = "The Osterby Rail Board released its annual review on Monday. The review found that delays had halved."
    assert _speaker(text, "delays had halved") == "Osterby Rail Board"


# real-news attribution patterns, each in fictional wording: (text, quote snippet, speaker)
REAL_NEWS_PATTERNS = [
    # appositive and inverted attributions follow the words
    ("Korvane launched its console on Tuesday. “It was built for the cloud,” Jonas Rell, head of games at "
     "Korvane, tells the Lowmere Courier.", "built for the cloud", "Jonas Rell"),
    ("“Our plan is to be where the player is,” Strauss Odell, chief executive of Take-Nine, adds.",
     "where the player is", "Strauss Odell"),
    ("“I was on holiday with my parents,” said Wim Tarrant, a consultant for online sellers who runs a shop.",
     "on holiday with my parents", "Wim Tarrant"),
    ("“We had some issues,” Ravel, Dunmore’s head of streaming, said Tuesday at a conference.",
     "We had some issues", "Ravel"),
    # suffixed and surname first names keep one speaker
    ("Ferran Obell Jr., 55, pleaded guilty on Monday. Obell said he regretted the calls.", "regretted the calls",
     "Ferran Obell Jr."),
    ("Zhao Minfei, a professor in Harbin, said the outbreak was contained. Zhao said the vaccine works.",
     "vaccine works", "Zhao Minfei"),
    # acronyms staff and unnamed groups
    ("Coastal Border Authority (CBA) said it would not allow the clinic. A CBA spokesperson said the agency "
     "has medical staff.", "agency has medical staff", "Coastal Border Authority"),
    ("Coastal Border Authority (CBA) said it would not allow the clinic.", "would not allow", "Coastal Border Authority"),
    ("Dunmore Records rejected the claim. Dunmore said it had never blocked her.", "never blocked her", "Dunmore Records"),
    ("Velland officials said the risk was low.", "risk was low", None),
    ("Fifty-one percent said the inquiry was fair.", "inquiry was fair", None),
    ("People familiar with the talks said a deal was close.", "deal was close", None),
    ("Osk's supporters said the verdict was unjust.", "verdict was unjust", None),
    ("Korvane cut 400 jobs. A Korvane spokesperson said the firm was cooperating.", "firm was cooperating", "Korvane"),
    # org appositions and narrative subjects
    ("The group, Harbour Workers Coalition, wrote to the board. The group said on Monday that the contract "
     "confused employees.", "contract confused employees", "Harbour Workers Coalition"),
    ("The company that runs the festival, Dunmore Productions, denies that anything has been agreed.",
     "anything has been agreed", "Dunmore Productions"),
    ("Tomas Reyl was the third witness testifying on Tuesday who heard the call. He said he was not concerned "
     "about its content.", "not concerned", "Tomas Reyl"),
    # named descriptions platforms pronouns and brokerages
    ("Rafael Oste beat Hans Dorrego-Castel 6-3, 7-5. \"I played one of the best matches of the year,\" the "
     "14th-ranked Oste said.", "best matches", "Rafael Oste"),
    ("Mia Tarrow said teenagers often post on Instagram. \"I am so ahead of other parents,\" she said.",
     "ahead of other parents", "Mia Tarrow"),
    ("Anders Kolm met Virginia Osk in 2001. “Oh, actually? Yes,” he assures himself.", "Oh, actually",
     "Anders Kolm"),
    ("\"Demand is falling,\" said Harrow Equities. A slowdown could follow, the brokerage said.",
     "slowdown could follow", "Harrow Equities"),
    # voices of persons and bodies
    ("Teachers did not see Governor Ed Marrow on Tuesday. His office said he was keeping long-standing plans.",
     "long-standing plans", "Ed Marrow"),
    ("Coastal Border Authority did not accept the offer. A spokesperson who did not wish to be named said the agency "
     "never gives vaccines.", "never gives vaccines", "Coastal Border Authority"),
    ("VU officials said the border would stay open.", "border would stay open", "VU"),
    ("Dunmore Records denied the allegations. \"We were shocked,\" the statement read.", "We were shocked",
     "Dunmore Records"),
    # characterisations in quoted words
    ("The Navy Command rejected these accusations as “patently false,” and analysts agreed.", "patently false",
     "Navy Command"),
    ("Ilse Marr introduced Rask to the audience as \"someone who has redefined the job\".", "redefined the job",
     "Ilse Marr"),
    ("Ukraine was promised membership despite a warning from envoy Tor Bakke that Moscow views it as "
     "“the brightest of all red lines.”", "brightest of all", "Tor Bakke"),
    # a surname the tagger takes for another word ("Early says")
    ("\"The market grows,\" says Chris Early, a vice president at Ubisoft. While the lineup is light, Early says "
     "there is a chance that future games could be built for it.", "there is a chance", "Chris Early"),
    # "with X warning of “…”", where the tagger makes "warning" a noun
    ("Velland and Kordany criticised the shift, with Foreign Minister Ayman Sadiq warning of \"dangerous "
     "consequences\".", "dangerous consequences", "Ayman Sadiq"),
    # "he" after a paragraph whose subject is a named man, even with an attribution further back
    ("Minister Ola Brekk said the deal was legal.\n\nTomas Reyl visited the harbour on Tuesday.\n\n\"Here we are on a "
     "historic day,\" he told dock workers, according to a statement.", "historic day", "Tomas Reyl"),
    # marked words inside someone's reported clause are theirs, not the clause subject's
    ("Envoy Ola Brekk said that after legal advice Velland had concluded the settlements were \"not, per se, "
     "unlawful\", adding that courts would decide.", "not, per se", "Ola Brekk"),
    # "the man" after "a man …": the unnamed person introduced, not the doctor named since
    ("A Lowmere man fell ill after buying a duvet. Dr Owen Darby treated him. \"It does not affect me now,\" the man "
     "wrote in the case study.", "does not affect me", None),
    # but "Lund, a judge at the court, … the judge told" is Lund
    ("Kaspar Lund, a judge at the appeals court, has overseen the case. \"This court will not be rushed,\" the judge "
     "told lawyers.", "will not be rushed", "Kaspar Lund"),
    # observers of a place are no one we can name
    ("About 200 troops remain at the base. Middle East observers say the base is vital to stopping arms trafficking.",
     "base is vital", None),
    # common nouns speak through any reporting verb, but not inside someone else's reported clause
    ("Education advocacy groups estimated this year that a 9% funding increase was needed.", "funding increase", None),
    ("At the summit in July the Velland Alliance refused to invite Kordany. The summit also concluded that Kordany "
     "must first reform its courts.", "must first reform", "Velland Alliance"),
    # two subjects side by side are one phrase misparsed: "CPUC President X said"
    ("In a letter calling for the meeting, VPUC President Marybel Batjer said that “lack of service endangers "
     "lives.”", "lack of service", "Marybel Batjer"),
    # an acronym names the body it spells
    ("Coastal Border Authority rejected the plan on Monday. CBA said the agency has medical staff.", "medical staff",
     "Coastal Border Authority"),
    # demonstrative documents and reporters with their paper
    ("The doctors cited findings by the Harbour Office of Inspector General. That report found children in some "
     "facilities had no showers.", "had no showers", "Harbour Office of Inspector General"),
    ("The couple was isolated, according to Sarah Vorn of the Lowmere Courier. Vorn of the Courier reports that "
     "officials are minimizing information.", "minimizing information", "Sarah Vorn"),
    # a known surname the tagger takes for something else, described: "the 14th-ranked Schwartzman"
    ("Diego Weissman beat Carl Mayer in straight sets. Later Petra Holm and Jan Brodsky won the doubles match.\n\n"
     "“It's the end of the season but I played one of my best matches,” the 14th-ranked Weissman said.",
     "best matches", "Diego Weissman"),
    # a body by its apposition stays a body, and "they" / "the company" are that body
    ("The group that owns most of her music, Harrow Machine, says she may sing. Harrow Machine have denied doing "
     "anything wrong.\n\n“At no point did we block her,” they said in a statement.", "At no point", "Harrow Machine"),
    # "the statement" is the one its issuer was said to issue; "the report" the one a body wrote
    ("On Monday, Pellan Records issued a statement that let Ava Rune perform at the Lumen Music Awards after "
     "Rune criticised her label. The statement, which was obtained by a magazine, claimed that both sides "
     "had agreed.", "both sides", "Pellan Records"),
    ("The delay was revealed by the Harbour Times, which obtained an internal Rivers Agency progress report. The "
     "Varn burst its banks in 2024. The report showed that only half the wall was built.", "half the wall",
     "Rivers Agency"),
    # a firm the tagger calls a person is still the subject "the production company" refers to
    ("Dick Lane Productions denied that it had settled. “No agreement was made,” the production company said in "
     "a separate statement to a magazine.", "No agreement", "Dick Lane Productions"),
    ("The singer is unhappy, according to a new report by E! News.", "The singer is unhappy", "E! News"),
    # a present-tense cue opening the sentence after a bare name; a court rules; an owned body keeps its owner
    ("Prince Marcus gave an interview. Marcus claims that he felt bound to visit him in person.", "felt bound",
     "Marcus"),
    # a quote holding a nested quote is parsed whole: its words are never the speaker of the verb after it;
    # an appositive may hold commas ("at Harrow Defense, Space, and Security")
    ("“Using the lift of the Block 1B, we have a ‘Fewest Steps to the Moon’ approach that minimizes mission "
     "complexity, while offering the safest path,” Jon Chalk, senior vice president for launch at Harrow Defense, "
     "Space, and Security, said in that statement.", "Fewest Steps", "Jon Chalk"),
    # an unnamed spokesperson speaks for the body last a subject; "the spokesperson" later is the same one
    ("Varn Border Protection, part of the Interior Ministry, did not accept the offer. A spokesperson who did not "
     "wish to be named said in a statement emailed to the Courier that the agency never gave vaccines.\n\n"
     "“Operating a vaccine programme is not feasible,” the spokesperson said.", "not feasible",
     "Varn Border Protection"),
    # a full name in a sentence never parsed still tells who a bare surname later is (and their gender)
    ("The film would lead to Tom Harper and Jessie Buckley in the end. A sample came in. “It grabbed me by the "
     "heart,” he said. Harper knew in his bones it was right; so did Mary Velden. “It just connected,” he said.",
     "It just connected", "Tom Harper"),
    # a football club the tagger calls a person is a body, never the man a description refers to
    ("Jose Marinho has agreed a deal to replace Mauricio Pocheno as Tottenham's manager.\n\nNegotiations between "
     "the London side and Marinho's representatives intensified.\n\nThe Portuguese boss "
     "had been out of work since being sacked by Manchester United in December 2018.\n\nThe 56-year-old said after "
     "his appointment: \"I am excited to be joining a club with such a great heritage.\"", "I am excited",
     "Jose Marinho"),
    # the name right before the verb after a comma speaks, whatever subject the parser took
    ("Jana Starling is his aunt. “The thing with Elise bothered” Ford’s family, Starling said.", "Elise bothered",
     "Jana Starling"),
    # a description refers to the named subject of the sentence before, not the last name in it
    ("Eyamba Sowers did not know Deval Parrish was coming to the gathering. The real estate agent said she related "
     "to him as someone raised in a single-parent home.", "related to him", "Eyamba Sowers"),
    # a scientist's laboratory speaks for the scientist; a poll for whoever ran it
    ("In 2010 the laboratory of Stefan Ligeti, who was then at Varn University, reported that smooth muscle "
     "expresses receptors for bitter taste.", "smooth muscle", "Stefan Ligeti"),
    ("A similarly fresh Meridian poll has lower numbers, but also shows that most voters want an inquiry.",
     "most voters want", "Meridian"),
    # a title abbreviation before the name after the verb is no name
    ("The bill drew criticism. “It is a heavy-lift vehicle,” said Rep. Brian Babcock (R-TX), ranking member.",
     "heavy-lift", "Brian Babcock"),
    # plural people are a group, never one of them: the group named for them, else nobody
    ("Doctors for Open Camps offered free vaccines. Lena Arroyo, a physician, said they were ready. The doctors "
     "warned that migrants are not the only people at risk.", "not the only people", "Doctors for Open Camps"),
    ("Lena Arroyo, a physician, said they were ready. The doctors warned that migrants are not the only people "
     "at risk.", "not the only people", None),
    # "agency officials": the agency the clause is about; "US officials" speak for the US
    ("The Varn Space Agency plans to spend $2.6 billion on its lander contracts through 2028, agency officials "
     "said.", "lander contracts", "Varn Space Agency"),
    ("The talks ended. US officials said American forces had launched a rescue mission.", "rescue mission", "US"),
    # "one Weibo commenter", "a senior Kordany official": indefinite voices stay anonymous whatever names qualify
    # them
    ("“Don't hide things like this,” one Weibo commenter said.", "hide things", None),
    ("The talks stalled. A senior Kordany security official said the army would not withdraw.", "not withdraw",
     None),
    # sources and unnamed generic bodies stay anonymous; a long-introduced "a man" is still "the man"
    ("Reporter Ines Varga of the Courier spoke to a source inside the camp. “Nobody is stopping them,” the "
     "source said.", "Nobody is stopping", None),
    ("This comes after police said the protesters had no option but to come out.", "no option", None),
    ("A Varn man developed a rare allergy, his doctors say. " + "The case was unusual. " * 80 + "Dr Owen Delby "
     "treated him. “It doesn't affect me now,” the man wrote in the case study.", "affect me now", None),
    ("The International Court met in May. Derlund's top court last week ruled that members must label the "
     "goods.", "must label", "Derlund's top court"),
    # a name the parser leaves as the root of its sentence is still the narrative subject "she" refers to
    ("Singer Maren Holt recorded the demo in a day. “We had it by dinner,” she said. Actress Ylva Stenberg sang it "
     "in the film. Stenberg, who hadn’t sung in years before the shoot, worried about doing justice to a song like "
     "“Varnholm,” especially given that she had no training. “But the story really moved me,” she said.",
     "story really moved me", "Ylva Stenberg"),
    # a body named by one kind of noun is not what another kind of noun refers to
    ("The patient was isolated, the state-run Orvik News Agency said, citing the regional health commission. "
     "No one else has shown symptoms, the commission said.", "No one else has shown", None),
    ("The patient was isolated, the state-run Orvik News Agency said. Authorities say that the cases appear to "
     "be unrelated.", "the cases appear", None),
    # an acronym defined in the text names the body, however the tagger cut its name
    ("Estmark’s Ministry of Trade, Industry and Energy (MOTIE) unveiled a plan. According to data released by "
     "MOTIE in August, capacity reached 1.64 GW.", "capacity reached", "Ministry of Trade, Industry and Energy"),
    ("The World Health Organization (WHO) met in Varn. The WHO said the virus was spreading.",
     "virus was spreading", "World Health Organization"),
    # several bodies are nobody we can name; a name ending an appositive speaks; an object does what it was led to
    ("Ostra Launch and Varn Space won contracts. “It is exciting,” said Jon Kell of Ostra Launch. The companies "
     "said they wanted to carry passengers.", "carry passengers", None),
    ("Morrison testified on Tuesday. Another diplomat, former special envoy to Estmark Kurt Vollan, shifted his "
     "account to say Sandlin did discuss the inquiry.", "Sandlin did discuss", "Kurt Vollan"),
    # a firm the tagger calls a person is a firm when the text says so; a lede's "the airline" is named next
    ("Regulators fined Lumio, the maker of a homework app. Lumio said it would appeal. In a statement, the company "
     "said it had never sold data.", "never sold data", "Lumio"),
    ("A jet carrying 174 people landed safely at Fennick on Sunday after an engine fire, the airline said. "
     "Nordair flight NA 402 turned back twelve minutes into the flight, the airline said in a statement.",
     "A jet carrying", "Nordair"),
    # "the directorate" is the body whose name ends in the word
    ("Waiting times rose, figures published on Thursday by the National Health Directorate showed. The directorate "
     "said an early wave of influenza had put pressure on wards.", "early wave of influenza",
     "National Health Directorate"),
    # an opening's definite role is the person named next (a byline is no antecedent)
    ("Council defies minister over housing\n\nBy Rhys Abern, Local Government Correspondent\n\nThe leader of Carrow "
     "council has said she will not approve 3,000 new homes. Annelise Thorn, who has led the council since 2022, "
     "told a meeting on Tuesday that the targets were unfair.", "will not approve", "Annelise Thorn"),
    # a headline's role is the person the article names with it, not the town in it
    ("Former Brackwater mayor denies taking bribes as trial opens\n\nBRACKWATER, June 10 (Wire) – Former "
     "Brackwater mayor Anselm Rokke denied accepting money from a developer as his trial opened on Monday.",
     "taking bribes", "Anselm Rokke"),
    # findings speak for whoever published them, however the parser hung the author on
    ("Waits grew. A study published last month by the University of Fennick found that patients who waited longer "
     "were more likely to die.", "more likely to die", "University of Fennick"),
    ("Parents agreed. A survey published on Monday by the polling firm Norstad showed 58 percent of adults backed "
     "the teachers.", "58 percent", "Norstad"),
    ("Figures released this month by the Ministry of Justice showed robberies had risen by 23 percent.",
     "robberies had risen", "Ministry of Justice"),
    # a source who gives only a first name or a call sign speaks under it
    ("One resident of Orm, who gave only her first name, Liv, said she had spent the night upstairs.",
     "spent the night", "Liv"),
    ("A commander near Drevny, who asked to be identified only by his call sign, Falcon, told Wire the other side "
     "had used the truce to move ammunition.", "move ammunition", "Falcon"),
    # a name set off after a role with a place; a spokesman for a named office; a role word met as a title
    ("The Skarn Water Directorate raised the warning level. A geologist at the directorate, Per Arne Nessa, said "
     "the slope had been moving for a decade.", "slope had been moving", "Per Arne Nessa"),
    ("Aasheim made a claim. “We do not comment on fairy tales,” said a spokesman for the Office of the Prime Minister.",
     "fairy tales", "Office of the Prime Minister"),
    ("Carrow goalkeeper Piet Abram collided with Holmsby striker Kofi Anders. “It was an accident,” the striker said.",
     "an accident", "Kofi Anders"),
    # several unnamed people are a group nobody names, whatever follows the head noun
    ("The interview was a disaster. Former royal PR aides called it “an articulated lorry crash” performance.",
     "lorry crash", None),
    ("Use rose. The authors of the research published in the journal Varn Psychiatry argued that the climb is "
     "a concern.", "the climb is", None),
    ("Flooding hit Orm. Estmark authorities said the road would stay closed.", "road would stay closed", None),
    # unless a body is named for them, before or just after an opening
    ("A landslide cut the road to Hovdoy on Tuesday, police said. The Fennick Police Department said eleven "
     "people had been evacuated.", "A landslide cut", "Fennick Police Department"),
    # a company's spokesperson never speaks for the regulator that fined it
    ("The Fennick Data Authority fined a telecom operator on Monday. A company spokesperson said the firm would "
     "appeal.", "would appeal", None),
    # an unnamed source is the "she" after her, not the last woman named; a paragraph opening on a woman is hers
    ("Dr. Yasmin Okon said the figures understated the problem. A nurse at Aster General Hospital, who asked not "
     "to be named, said her ward was full.\n\n“You stop counting the shifts,” she said.", "stop counting", None),
    ("Mayor Ines Morrow will not run again. One senior council official, who asked not to be named, said a "
     "campaign website had been registered.\n\nMorrow laughed when asked about it. “Ravi is a careful man,” she "
     "said.", "careful man", "Ines Morrow"),
    # a firm whose shares trade is a company, whatever the tagger said
    ("Shares in Skarvik Energi, which had been expected to lead the consortium, fell 3.4 percent. The company said "
     "in a statement it remained committed to the market.", "remained committed", "Skarvik Energi"),
    # a woman named earlier in the pronoun's own sentence beats the last woman quoted
    ("“It works,” said Hege Lund, an agency director. While the campaign did not appeal to Julie Gram, a health "
     "officer, she said she did not want to judge it.", "did not want to judge", "Julie Gram"),
    # a group with a name of its own speaks as written; a common noun opening a sentence does not
    ("Marrow faces a vote on Friday. The Democrats are alleging that his call was improper and that leading "
     "Democrats were misled.", "call was improper", "Democrats"),
    # a predicate noun ("Berg is an economist") names the economist; it introduces no unnamed one
    ("Ann Berg is an economist at Harrow Bank. The economist warned that rates would rise.", "rates would rise",
     "Ann Berg"),
    # a split quote's second half is hers, not the subject of a new subordinate clause after it
    ("Ivar Lund emailed Per Dahl in May. Ines Vald found him. “He looked surprised,” she wrote in an email. “Sort "
     "of quizzical. Not pained.” Although he had written a will, it was never signed.", "quizzical", "Ines Vald"),
    # "US" is an abbreviation, never the pronoun "us"
    ("The talks ended on Monday. The US welcomed the exchange, saying the hostages had suffered.",
     "hostages had suffered", "US"),
    # a surname the tagger took for a common noun opening the sentence
    ("Lars Orm was impeached. The hearings go on. Orm has recently tried to suggest that he barely knows his envoy.",
     "barely knows his envoy", "Lars Orm"),
    # a document parsed apart from its owner speaks for the owner
    ("Ada Rell spoke first. Later he referred to Rell’s earlier report that concluded there was only a 50 percent "
     "chance of success.", "50 percent chance", "Ada Rell"),
    # the words end on a place; the witness who says them follows the verb
    ("Orm was known for telling others he ran the port despite being the envoy in Tarnby, said another witness in "
     "the inquiry, former adviser Lise Hald.", "known for telling", "Lise Hald"),
    # a surname the tagger took for an adverb, with an adverb of its own before the verb
    ("“We are ready,” said Chris Early of Ubisoft. Bandwidth is an issue in remote markets, but Early still says "
     "the company believes in streaming.", "believes in streaming", "Chris Early"),
]


@pytest.mark.parametrize("text, snippet, speaker", REAL_NEWS_PATTERNS)
def test_real_news_attribution_patterns(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_a_source_after_an_attribution_relays_it():
    quotes = extract_text("Congressman Dale Marrow spoke in Wheeling. Border agents \"say you have got to pay attention "
                          "to this,\" he said, according to the Lowmere Courier, the local newspaper.")
    assert {(q.speaker, q.context.relay) for q in quotes} == {("Dale Marrow", "Lowmere Courier")}


def test_a_quoted_subheading_belongs_to_whoever_says_its_words():
    text = ("Here are the highlights:\n\n\"My fears have been realized\"\n\nTomas Reyl told the committee, \"I feared "
            "how its disclosure would play. My fears have been realized.\"")
    heading = [q for q in extract_text(text) if q.text.startswith("My fears")]
    assert [q.speaker for q in heading] == ["Tomas Reyl"]


def test_the_place_of_a_title_is_not_part_of_the_name():
    from quotetrace.nlp.mentions import split_title
    assert split_title("then-Velland Ambassador to Kordany Tor Bakke".split()) == (
        ["then-Velland", "Ambassador", "to", "Kordany"], ["Tor", "Bakke"])
    assert split_title("Secretary of State Ola Brekk".split()) == (["Secretary", "of", "State"], ["Ola", "Brekk"])


def test_a_one_word_name_met_only_as_a_place_is_no_person():
    from quotetrace.nlp.speakers import place_words

    text = "He was flown to Skarn hospital. The Skarn Red Cross thanked the volunteers who came from Skarn."
    assert "Skarn" in place_words(text)
    assert "Kolstad" not in place_words("Kolstad said she would decide. Kolstad's Liberal Party won 8 percent.")


def test_names_the_text_calls_a_business():
    from quotetrace.nlp.speakers import body_names

    names = body_names("Regulators fined Lumio, the maker of a homework app. Shares in Skarvik Energi fell. "
                       "Ostrand Telecom will cut 1,200 jobs, the company said. Nordbank shares fell.")
    assert {"Lumio", "Skarvik Energi", "Ostrand Telecom", "Nordbank"} <= names
    assert "Regulators" not in names


# each case one rule of speaker resolution, named by its id
@pytest.mark.parametrize("text, snippet, speaker", [
    pytest.param("Composer Anna Brandt said the film was late. Director Jon Aker said it was not.\n\nAs it turned out, "
                 "Brandt had spent years on the score. She was more nervous about it than Maria Lind has ever been about anything. "
                 "“It was terrifying,” she said.",
                 "It was terrifying", "Anna Brandt", id="pronoun_goes_to_the_woman_a_paragraph_opens_on_not_one_named_in_a_comparison"),
    # the tagger labels "Zoltan Brisk" an organisation, and "Zoltan" is not in the list of given names
    pytest.param("The port closed in May after the storm. Mayor Jon Aker said it would stay shut.\n\n"
                 "Zoltan Brisk told the council on Monday that the port would reopen. “We are nearly ready,” he said.",
                 "We are nearly ready", "Zoltan Brisk", id="pronoun_after_a_name_the_tagger_took_for_a_body_goes_to_that_name"),
    pytest.param("Robin Skau, a spokesperson for Varnbook, confirmed that the app tracks shoppers. "
                 "“We use a model to find likely sellers,” they said in an email.",
                 "We use a model", "Robin Skau", id="singular_they_after_a_named_spokesperson_is_that_person"),
    # "Crump" opens its paragraph (so its capital proves nothing there); the article writes it mid-sentence before
    pytest.param("Lawmakers met Crump and his aides on Monday to discuss the budget.\n\n"
                 "Crump has recently tried to suggest that he barely knows the ambassador.",
                 "he barely knows the ambassador", "Crump", id="a_surname_tagged_as_a_common_noun_opening_a_paragraph_still_speaks"),
    pytest.param("Agent Vera Holm said the books had sold badly. “Nobody wanted them,” she said.\n\n"
                 "The estate was settled in May.\n\nThe new edition appears in June.\n\n"
                 "When the deal was struck, I thought of Anna Brandt. How would she feel about it?\n\n"
                 "“I don’t even have words,” she replied in an email.",
                 "I don’t even have words", "Anna Brandt", id="she_paragraphs_after_the_last_speaker_is_the_woman_just_named"),
    pytest.param("Foreign Minister Pavel Renko said the border would reopen. “We have rebuilt trust,” Renko said.\n\n"
                 "His Kellmarki counterpart, Tomas Eberle, struck a more cautious tone. Speaking to KRT, he said border "
                 "checks would remain strict for six months.",
                 "border checks would remain strict", "Tomas Eberle", id="pronoun_goes_to_the_man_a_paragraph_opens_on_after_a_description"),
    pytest.param("The reef is dying. Her co-author, Priya Lindqvist, a data scientist at the same university, said the "
                 "team had used underwater drones.",
                 "underwater drones", "Priya Lindqvist", id="a_name_in_apposition_to_a_hyphenated_role_speaks"),
    pytest.param("Gideon Marsh was convicted of fraud on Friday.\n\nAssistant District Attorney Simon Kettering told "
                 "jurors that Marsh had treated the club like a bank.\n\n“He wrote the checks, he signed the checks,” "
                 "the prosecutor said.",
                 "He wrote the checks", "Simon Kettering", id="the_prosecutor_is_the_district_attorney_not_the_defendant"),
    pytest.param("The budget failed. Governor Ruth Abernethy vetoed it on Monday. Senator Gwen Tolliver told the Marlow "
                 "Ledger that a deal was near. The governor's office said late Tuesday that a new plan would follow.",
                 "a new plan would follow", "Ruth Abernethy", id="a_roles_office_speaks_for_the_person_holding_the_role"),
    pytest.param("Inside, Arturo Menendez is shaping the first of 600 loaves.\n\n“People think baking is romantic,” the "
                 "66-year-old said.\n\nThis month he will hand the keys to his son, Tomas Menendez, who has worked there "
                 "since he was 14.\n\n“I thought it was nonsense,” Tomas said.",
                 "People think baking is romantic", "Arturo Menendez", id="a_surname_two_people_share_goes_to_the_one_last_named_in_full"),
    pytest.param("The reef is bleaching. The Tessaly Marine Park Authority, which manages the reef, said in a statement "
                 "that it was reviewing the findings.\n\nThe agency said it had already expanded its coral nurseries.",
                 "already expanded", "Tessaly Marine Park Authority", id="the_agency_is_the_authority_just_named"),
    pytest.param("Teachers are angry. A spokeswoman for the Vessaria Education Association, the state's largest teachers' "
                 "union, said the union was preparing rallies.",
                 "preparing rallies", "Vessaria Education Association", id="a_spokeswoman_for_a_named_body_with_an_appositive_speaks_for_the_body"),
    pytest.param("The Ostravian Defence Ministry said troops had left the border. The ministry said the drills were over. "
                 "Kellmark's Foreign Ministry said it welcomed the move.",
                 "the drills were over", "Ostravian Defence Ministry", id="the_ministry_is_the_one_named_before_not_one_named_in_the_next_sentence"),
    pytest.param("The quake struck at dawn. Interior Minister Selin Arkadi said 40 people had died.\n\n"
                 "In the village of Karsu, Hatice Demirel, 54, stood outside her ruined house. “We have nothing left,” she said.",
                 "We have nothing left", "Hatice Demirel", id="she_is_the_woman_of_unknown_first_name_the_paragraph_opens_on"),
    pytest.param("The quake struck at dawn. A spokesman for the Kadorian Seismological Institute, Baran Ozdil, warned that "
                 "aftershocks were possible.",
                 "aftershocks were possible", "Baran Ozdil", id="a_spokesman_for_a_named_body_named_in_apposition_speaks_himself"),
    pytest.param("Walking protects memory, according to a large study by researchers at the University of Calder published "
                 "Wednesday in the Journal of Geriatric Medicine.\n\nThe researchers followed 48,000 people for a decade "
                 "at the start of the study.\n\nThe study found that the benefit levelled off above 9,000 steps.",
                 "the benefit levelled off", "University of Calder", id="the_study_speaks_for_the_university_that_made_it_not_the_journal_it_appeared_in"),
    pytest.param("The app was fined on Monday by Qubitly regulators. Qubitly said it would cooperate fully with regulators.",
                 "it would cooperate fully", "Qubitly", id="a_company_name_the_tagger_took_for_an_adverb_still_speaks"),
    pytest.param("Police were called at midnight. He was taken to Carver Memorial Hospital and was in stable condition, "
                 "a spokeswoman for the hospital said.",
                 "in stable condition", "Carver Memorial Hospital", id="a_spokeswoman_for_the_hospital_speaks_for_the_hospital_named_before"),
    pytest.param("Priya Lindqvist, a data scientist, said the team had used drones.\n\n“The drones changed everything,” "
                 "Lindqvist said. “We went from twenty sites a season to more than a hundred.”\n\n"
                 "She added that the raw survey data would be made public next month.",
                 "raw survey data", "Priya Lindqvist", id="a_masked_quote_is_never_a_speakers_name"),
    pytest.param("The plant closed in March. Tarnvale Steel shut its last furnace on Friday. The steelmaker said it "
                 "could not compete with imports.", "could not compete", "Tarnvale Steel", id="the_steelmaker_is_the_firm"),
    pytest.param("Prince Edvard, the younger brother of the heir to the Norvik throne, Anselm, has told friends that the "
                 "interview was a success.\n\nIn it, the Norvikian royal flatly denied taking money from the fund.",
                 "taking money", "Edvard", id="a_person_noun_speaks_with_any_cue_and_is_the_last_speaker_not_the_last_name"),
    pytest.param("Mara Velde, the rapper from Osterby, released her album on Friday. Critics were divided.\n\n"
                 "The rapper insisted the record was her best.", "record was her best", "Mara Velde",
                 id="the_rapper_is_the_person_just_named"),
    pytest.param("The Lowmere Courier reported on Monday that the plant would close. The newspaper reported that 300 "
                 "jobs would go.", "300 jobs", "Lowmere Courier", id="the_newspaper_is_the_outlet_named_before"),
    pytest.param("The mayor had resigned, local media reported.", "mayor had resigned", None,
                 id="local_media_report_anonymously"),
    pytest.param("Anna Keddie won the prize on Tuesday.\n\nKeddie’s grandfather, Magnus Keddie, ran the ferry for 40 "
                 "years.\n\nKeddie said she would use the prize money to fix her mother’s roof.", "fix her mother",
                 "Anna Keddie", id="a_bare_surname_relatives_share_is_the_person_named_first"),
    pytest.param("WILMINGTON, Delaware, June 4 (Wire) - Kestrel Robotics has sued rival Ordway Automation in federal "
                 "court, alleging that Ordway poached a team of engineers.", "Ordway poached", "Kestrel Robotics",
                 id="a_dateline_with_place_and_date_is_never_the_speaker"),
    pytest.param("The Competition Review Authority (CRA) said on Thursday that the deal would raise prices.",
                 "raise prices", "Competition Review Authority", id="a_document_noun_inside_a_bodys_name_is_no_document"),
    pytest.param("Halvard Semiconductor cut its forecast. Chief Financial Officer Tobias Renn said demand was weak. "
                 "The firm said margins would recover.", "margins would recover", "Halvard Semiconductor",
                 id="a_long_title_before_a_name_makes_no_organisation"),
    pytest.param("The regulator blocked the takeover of Lumen Cinemas.\n\nLumen said in a statement that it would "
                 "appeal.", "would appeal", "Lumen", id="a_name_the_tagger_took_for_a_plural_speaks"),
    pytest.param("The Association of Velland Municipalities backed the plan.\n\nMunicipalities said they needed money "
                 "for kitchens.", "needed money", None, id="a_plural_written_capitalised_only_in_a_longer_name_is_a_group"),
    pytest.param("Kestrel Robotics said on Tuesday that it had sued Ordway Automation Inc.\n\n“The suit is baseless,” Ordway "
                 "said in a statement.\n\nThe company said its engineers brought no files with them.", "engineers brought",
                 "Ordway Automation", id="a_firm_the_tagger_took_for_a_person_is_the_company_that_spoke_last"),
    pytest.param("Opening the case for the prosecution, Helen Stavely KC alleged that the mayor had lied.",
                 "the mayor had lied", "Helen Stavely", id="letters_after_a_name_are_no_part_of_it"),
    pytest.param("Former Pellbury mayor took bribes, prosecutor says\n\nProsecutor Helen Stavely told the jury that the "
                 "mayor had lied.", "the mayor had lied", "Helen Stavely",
                 id="former_before_a_place_is_no_title_before_a_name"),
    pytest.param("Four men stole watches from a shop in central Kerrin on Tuesday, Northvale Police said.\n\nThe gang, "
                 "the force said, had covered their faces with helmets.", "covered their faces", "Northvale Police",
                 id="the_force_is_the_police_named_before"),
    pytest.param("Four men stole watches from a shop in central Kerrin on Tuesday, Northvale Police said.\n\nThe raid "
                 "lasted three minutes, according to a police statement.", "lasted three minutes", "Northvale Police",
                 id="a_police_statement_speaks_for_the_police_named_before"),
    pytest.param("The Constitutional Court on Tuesday struck down the law, ruling that it violated the right to privacy."
                 "\n\nIn a 7-2 decision, the court’s judges said the act gave the ministry too much power.",
                 "too much power", "Constitutional Court", id="the_courts_judges_speak_for_the_court"),
    pytest.param("Anna Keddie won the prize.\n\nThe chair of the judges, the critic and broadcaster Fiona Lomax, called "
                 "the novel “a quiet triumph.” She said the panel had been ambushed by it.", "the panel had been",
                 "Fiona Lomax", id="a_name_closing_a_described_apposition_speaks"),
    pytest.param("The International Committee of the Red Cross (ICRC) oversaw the exchange.\n\nThe ICRC said in a statement "
                 "that it had acted as a neutral intermediary.", "neutral intermediary", "International Committee of the Red Cross",
                 id="initials_the_tagger_took_for_a_common_noun_are_a_body"),
    pytest.param("Remesa Rapida says it now has 400,000 users. Its co-founder, Julian Paredes, said cash pickup would "
                 "vanish within ten years.", "cash pickup", "Julian Paredes", id="a_hyphenated_role_cut_by_the_parser"),
    pytest.param("Anna Okafor-Reyes, who runs a pressing plant in Leeds, said demand was strong.", "demand was strong",
                 "Anna Okafor-Reyes", id="a_hyphenated_surname_cut_by_the_parser"),
    pytest.param("Dale Hutchins was arrested at 9:40 p.m., Police Chief Ronald Mercer said.\n\nThe woman, 49, told "
                 "dispatchers Hutchins had pointed a handgun at her.", "pointed a handgun", None,
                 id="the_woman_is_never_the_man_just_named"),
    pytest.param("Next came Luis Ortega, 34, of Port Alden, who said he rides a bicycle to work.", "rides a bicycle",
                 "Luis Ortega", id="who_after_a_persons_home_town_is_the_person"),
    pytest.param("Dale Hutchins was arrested at 9:40 p.m., Police Chief Ronald Mercer said.\n\nShe escaped through a back "
                 "door, police said.", "escaped through", None, id="police_is_no_titled_police_chief"),
    pytest.param("In a letter to parents posted on Tuesday, Superintendent Karen Hollis wrote that no decision had been "
                 "made.\n\n“I know this is hard news,” the letter said.", "hard news", "Karen Hollis",
                 id="the_letter_speaks_for_the_person_who_wrote_it"),
    pytest.param("Fortnightly bin collections ‘will save £1.2m a year’, says council leader\n\nCouncil leader Janet Pryce "
                 "told the meeting the council had no realistic alternative.", "Fortnightly bin collections", "Janet Pryce",
                 id="a_headline_role_is_the_person_holding_it"),
    pytest.param("Belvora and Trasna swap 212 prisoners, ombudsman says\n\nThe exchange was overseen by Belvora's "
                 "ombudsman, Daria Solen, who said 3,000 people were still held.", "Belvora and Trasna swap", "Daria Solen",
                 id="a_headline_title_word_is_the_person_with_that_title"),
    pytest.param("That is what happened to Veritas Cycle, a Canadian recycler that filed for protection in February. In a "
                 "court filing, the company said it had underestimated the cost of its hub.", "underestimated the cost",
                 "Veritas Cycle", id="a_firm_named_in_apposition_in_a_sentence_never_parsed"),
    pytest.param("State Senator Marisol Ortega said the bill had stalled.\n\nBack at St. Aurelia, Marchbanks has started "
                 "keeping a spreadsheet. She says she plans to send it to every legislator in Ohio.\n\nEarlier, Denise "
                 "Marchbanks, a nurse, said the pumps were old.", "send it to every legislator", "Denise Marchbanks",
                 id="she_is_the_woman_a_paragraph_opens_on_after_a_place_with_an_abbreviation"),
    pytest.param("Mads Kjeldsen scored twice on Sunday.\n\n“I thought about that all night,” the Dane recalled.",
                 "all night", "Mads Kjeldsen", id="the_dane_is_the_person_just_named"),
    pytest.param("One Western diplomat, who spoke on condition of anonymity, said the gap amounted to 600 names.",
                 "the gap amounted", None, id="a_diplomat_described_by_an_adjective_is_anonymous"),
    pytest.param("Several said the claim was impossible to assess.", "impossible to assess", None,
                 id="several_opening_a_sentence_is_anonymous"),
    pytest.param("A Foreign Office spokeswoman said the government was working urgently with neighbours.",
                 "working urgently", "Foreign Office", id="a_foreign_office_spokeswoman_speaks_for_the_foreign_office"),
    pytest.param("Okoye quit, the Hallworth Police said. A government spokesperson said ministers respected the regulator.",
                 "ministers respected", None, id="a_government_spokesperson_is_no_other_body_named_before"),
    pytest.param("Den Pruitt, 81, has grown marrows since 1968. His son Gary Pruitt, 52, won this year.\n\n“I taught "
                 "him everything he knows,” said the 81-year-old.", "I taught him", "Den Pruitt",
                 id="the_81_year_old_is_the_person_given_that_age"),
    pytest.param("“Half the room thought I’d lost my mind,” Ewa Nowak says.\n\nHer brother, Piotr Nowak, who runs the "
                 "shop floor, was firmly in the first half.\n\n“Customers still ring on a Friday,” her brother said.",
                 "Customers still ring", "Piotr Nowak", id="her_brother_is_the_man_introduced_as_her_brother"),
    pytest.param("Freja Sorensen retired hurt, trailing 20-year-old American Kayla Monroe 6-3 2-1.\n\nMonroe said she had "
                 "felt really bad for her opponent.\n\nMonroe is coached by her father, Dwayne Monroe, who said she was "
                 "ready.", "felt really bad", "Kayla Monroe", id="a_nationality_before_a_name_is_no_part_of_it"),
    pytest.param("Niall Brennan was sacked on Monday. His representatives said he was disappointed but not surprised.",
                 "disappointed but not surprised", "Niall Brennan", id="his_representatives_speak_for_him"),
    pytest.param("Ian Marchetti scored 20 goals last season. Marchetti’s agent said his client had been approached.",
                 "his client had been approached", "Ian Marchetti", id="a_players_agent_speaks_for_him"),
    pytest.param("The subcommittee chairwoman, Rep. Lorraine Whitcomb (R-Miss.), said she appreciated the apology.",
                 "appreciated the apology", "Lorraine Whitcomb", id="a_party_and_state_tag_is_no_name"),
    pytest.param("One official said the talks were close. Another official said the secretary had pushed for the delay.",
                 "pushed for the delay", None, id="another_official_is_anonymous"),
    pytest.param("Opener Sam Okafor was unbeaten on 142 and shared a stand with the left-handed Ravi Desai, who made 88."
                 "\n\nOkafor said at the close that he had sent his teammate a message.\n\n“He’s a mate,” the "
                 "29-year-old said.", "He’s a mate", "Sam Okafor",
                 id="a_unisex_given_name_after_a_sentence_opening_role_is_a_name_and_the_29_year_old_the_last_speaker"),
    pytest.param("Court reporter\n\nBy Nadia Ferrars, Courts Correspondent\n\nOpening the case, Helen Stavely KC "
                 "alleged that the mayor had lied.\n\n“The case is a simple one,” she told the jury.",
                 "The case is a simple one", "Helen Stavely", id="the_bylines_reporter_is_never_she"),
    pytest.param("Coach Lars Henriksen left out captain Michael Storm.\n\n“Others are ahead of him,” Henriksen told a news "
                 "conference.\n\nStorm gave a different account. Speaking on Thursday, the defender said he had been told "
                 "of the decision in a two-minute conversation.", "two-minute conversation", "Michael Storm",
                 id="the_defender_is_the_man_the_paragraph_opens_on_not_the_last_speaker"),
    pytest.param("WASHINGTON (Capitol Wire) - The head of the Federal Emergency Management Agency conceded Wednesday that "
                 "the agency had been too slow.\n\nRaymond Dufresne, the FEMA administrator, told the panel that his staff "
                 "had been overwhelmed.", "too slow", "Raymond Dufresne",
                 id="the_head_of_an_agency_in_a_lede_is_the_person_named_next"),
    pytest.param("The family of Patricia Nolan, a retired librarian who died after surgery at Brookfield Memorial Hospital, "
                 "alleges that nurses ignored signs of bleeding.", "nurses ignored", None,
                 id="the_family_of_someone_is_no_one_named"),
    pytest.param("Hospitals have been forced to ration antibiotics, according to a report by the state's Public Accounts "
                 "Office.", "forced to ration", "Public Accounts Office", id="a_report_by_the_states_office"),
    pytest.param("\"Everybody remembers what happened last time,\" says Anna Okafor-Reyes, an analyst at Leewood Partners.",
                 "Everybody remembers", "Anna Okafor-Reyes", id="a_hyphenated_surname_after_the_verb"),
    pytest.param("A spokesperson for the Department for Environment, Food and Rural Affairs said the government was "
                 "investing a record sum.", "investing a record sum", "Department for Environment, Food and Rural Affairs",
                 id="a_bodys_name_with_a_comma_list"),
    pytest.param("The Medicines Evaluation Authority said on Tuesday that it declined to approve the drug made by Corvantis "
                 "Therapeutics.\n\nIn a letter to the company, the agency wrote that the trial had missed its main goal.",
                 "missed its main goal", "Medicines Evaluation Authority", id="the_agency_is_the_authority_named_before"),
    pytest.param("Kingsholm have been searching for a striker. Their manager, Paolo Ferri, was asked about Victor Okoro at "
                 "his press conference on Tuesday.\n\n‘He’s a fantastic player, but he’s not our player,’ the Italian "
                 "said.", "fantastic player", "Paolo Ferri", id="the_italian_is_the_subject_asked_about_someone_else"),
    pytest.param("Mateo Ibarra beat second seed Luka Kovač 6-3, 7-6 on Saturday. His coach, Jordi Serrat, had told him to "
                 "relax.\n\nKovač, who had been bidding for a third title, said a wrist problem had affected his backhand.",
                 "wrist problem", "Luka Kovač", id="a_name_with_an_accent_before_a_score"),
    pytest.param("Harlan County Judge Miriam Castellanos sentenced Gregory Lanning on Friday. Lanning's lawyer told the judge "
                 "Lanning had repaid $41,000. Lanning said he was sorry. Lanning wept. Lanning sat down.\n\n“But remorse is "
                 "cheap when you’ve been caught,” the judge said.", "remorse is cheap", "Miriam Castellanos",
                 id="the_judge_is_the_person_titled_judge_not_one_a_misparse_gave_the_word"),
])
def test_speaker_resolution_rule(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


@pytest.mark.parametrize("text, snippet", [
    ("Nurses at Halden hospital said the Varrow Valley Health Trust had ignored them for years.\n\n"
     "The trust rejected that account. In a statement, it said it had raised pay for midwives last year.",
     "raised pay"),
    ("Parents said the Brisk Lane Academy Trust had cut music lessons without warning.\n\n"
     "The trust disputed the claim. It said lessons would resume in the spring.", "lessons would resume"),
])
def test_it_is_the_body_a_sentence_just_opened_on_not_an_unnamed_group(text, snippet):
    assert _speaker(text, snippet) in ("Varrow Valley Health Trust", "Brisk Lane Academy Trust")


@pytest.mark.parametrize("text, snippet, speaker", [
    ('Chief says officer "had seconds to decide"\n\nMARSTON (AP) - Police Chief Ivo Brankovic said on Tuesday '
     "that the officer had acted within policy.", "had seconds to decide", "Ivo Brankovic"),
    ('Merger agreed; CEO says jobs "safe for now"\n\nThe chief executive of Tallis Steel, Maren Oakes, said the '
     "plants would stay open.", "safe for now", "Maren Oakes"),
    ("DA now says witness was pressured\n\nDistrict Attorney Lenora Fisk told the court on Monday that the "
     "witness had been pressured by detectives.", "witness was pressured", "Lenora Fisk"),
])
def test_a_headline_role_word_standing_alone_is_the_person_holding_the_role(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Ilse Maran has sued her former agent Tomas Brill, according to a complaint Maran filed on Friday in "
     "Harwick County Court.\n\nThe suit alleges that Brill kept royalties from three albums. It also claims that "
     "he forged her signature on two contracts.", "forged her signature", "Ilse Maran"),
    ("The lawsuit, filed in Ostry District Court by her son, Piet Vandal, also names two nurses. It alleges that "
     "the ward was understaffed.", "ward was understaffed", "Piet Vandal"),
    ("Ilse Maran has sued her former agent Tomas Brill.\n\nThe suit alleges that Brill kept royalties from three "
     "albums.", "kept royalties", "Ilse Maran"),
])
def test_a_suit_speaks_for_whoever_filed_it(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker



def test_a_noun_the_speaker_denied_is_no_report_of_the_clause_before():
    # the parse spaCy gives a real sentence: "a prospect Varga" taken for the subject of "denied"
    from spacy.tokens import Doc

    from quotetrace.nlp.attribution import _noun_then_clause
    from quotetrace.nlp.model import load_model

    words = ["Lind", "met", "them", ",", "a", "prospect", "Varga", "denied", "."]
    heads = [1, 7, 1, 7, 6, 6, 7, 7, 7]
    deps = ["nsubj", "ccomp", "dobj", "punct", "det", "compound", "nsubj", "ROOT", "punct"]
    tags = ["NNP", "VBD", "PRP", ",", "DT", "NN", "NNP", "VBD", "."]
    pos = ["PROPN", "VERB", "PRON", "PUNCT", "DET", "NOUN", "PROPN", "VERB", "PUNCT"]
    doc = Doc(load_model().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    assert _noun_then_clause(doc[7])
    doc = Doc(load_model().vocab, words=["a", "spokesman", "Ivo", "Varga", "denied", "it"], heads=[3, 3, 3, 4, 4, 4],
              deps=["det", "compound", "compound", "nsubj", "ROOT", "dobj"],
              tags=["DT", "NN", "NNP", "NNP", "VBD", "PRP"], pos=["DET", "NOUN", "PROPN", "PROPN", "VERB", "PRON"])
    assert not _noun_then_clause(doc[4])


def test_a_firm_that_spoke_last_is_never_taken_for_the_man_a_pronoun_means():
    text = ("We meet in a cafe near his house, and Julian Falk, 44, is having the kind of year most actors only dream "
            "about. The film’s distributor, Harrow Films, said last week that it would widen the release.\n\n"
            "Five years ago, he says, he was ready to give it all up.")
    assert _speaker(text, "ready to give it all up") == "Julian Falk"


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Kestovian Prime Minister Ilse Marrow’s office said she had spoken to the president on Monday.",
     "spoken to the president", "Ilse Marrow"),
    ("Deputy Finance Minister Tomas Verdan's spokesman said the budget was on track.", "budget was on track",
     "Tomas Verdan"),
])
def test_a_titled_persons_office_speaks_for_the_person(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Waiting times at Harwick General rose again.\n\nHarwick and Dunmore NHS Foundation Trust said it had opened "
     "40 beds since October.", "opened 40 beds", "Harwick and Dunmore NHS Foundation Trust"),
    ("The United Nations and the European Union said the decision would not change the law.", "would not change",
     "United Nations"),
])
def test_two_place_names_joined_before_a_bodys_word_are_one_body(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_a_womans_given_name_outweighs_a_mr_with_her_surname():
    text = ("“They sent somebody who killed him,” Loretta Vance, the man's mother, said on Monday.\n\n"
            "Owen Vance was shot in the kitchen of the home he shared with his mother.\n\n"
            "“Mr. Vance was in crisis at 4 o'clock on a Sunday,” Councilor Amara Diallo said.\n\n"
            "Mayor Joan Whitaker said she had spoken with Loretta Vance by phone on Monday.\n\n"
            "Loretta Vance said her son had stopped taking his medication in the spring.\n\n"
            "“He wasn't a monster. He was sick, and he was scared,” she said.")
    assert _speaker(text, "wasn't a monster") == "Loretta Vance"


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Tomas Brill, 23, was charged on Friday.\n\nThe shop's owner, who asked not to be named because he feared "
     "harassment, said the caller had sounded nervous.", "sounded nervous", None),
    ("Harwick Border Agency did not accept the offer. A spokesperson who did not wish to be named said the agency "
     "had never given vaccines.", "never given vaccines", "Harwick Border Agency"),
])
def test_someone_who_asked_not_to_be_named_is_anonymous_unless_speaking_for_a_body(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_a_spokesperson_of_a_name_the_tagger_took_for_a_place_speaks_for_it():
    text = ("The thriller series “Dry Creek” premieres on the streaming service Tessera next month. A Tessera "
            "spokesperson said the series would launch as scheduled on Oct. 3.")
    assert _speaker(text, "launch as scheduled") == "Tessera"


def test_a_representative_for_a_role_speaks_for_the_person_holding_it():
    text = ("The actor Fraser Lomond, 40, has not commented on the record.\n\nA representative for the actor said on "
            "Tuesday that he had not yet heard the album.")
    assert _speaker(text, "not yet heard the album") == "Fraser Lomond"


@pytest.mark.parametrize("text, snippet, speaker", [
    ("The Marwick Borough Council said on Monday it would consult residents. According to a report by the "
     "council's finance officers, closing the five libraries will save about £1.1m a year.", "closing the five",
     "Marwick Borough Council"),
    ("The teen faces charges of threats of violence, according to a petition filed in juvenile court by the Kettle "
     "Lake County Attorney's Office.", "faces charges", "Kettle Lake County Attorney's Office"),
])
def test_a_document_speaks_for_the_body_that_wrote_or_filed_it(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Dockworkers at Port Ellis will extend their strike by a week, their union said on Friday.\n\nThe National "
     "Union of Port Workers said members had rejected the offer. The Retail Federation said shops were running "
     "short.", "extend their strike", "National Union of Port Workers"),
    ("Junior doctors will stage a five-day walkout, their union has announced.\n\nThe Association of Hospital "
     "Doctors said talks had collapsed.", "five-day walkout", "Association of Hospital Doctors"),
])
def test_their_union_is_the_union_the_article_names(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_a_narrative_subject_named_in_full_is_not_the_relative_named_first():
    text = ("Colton James Reddick, of Lower Marlow, was arraigned on Sunday, police said.\n\n"
            "Reddick told detectives he thought he had hit a deer, according to the affidavit.\n\n"
            "The uncle, Walter Reddick, 64, has not been charged. Reached by phone Monday, he said he had let his "
            "nephew park the truck in the barn.")
    assert _speaker(text, "park the truck") == "Walter Reddick"


def test_he_after_a_question_is_the_man_the_paragraph_before_opened_on():
    text = ("“Today we start looking up again,” Marcus Ilvane, the chief executive, told the crowd.\n\n"
            "Dev Ramaswamy, the vice president of software, said the kit would be released next week.\n\n"
            "In a brief interview after the keynote, Ilvane was relaxed, even playful.\n\n"
            "Was he worried about the price?\n\n"
            "“Worried? No. Aware? Yes,” he said.")
    assert _speaker(text, "Worried? No") == "Marcus Ilvane"


@pytest.mark.parametrize("text, snippet, speaker", [
    ("According to the Lowmere Courier, Finance Minister Ana Ruiz said that the budget would be cut.",
     "budget would be cut", "Ana Ruiz"),
    ("According to the Harbour Post, Ivo Tancredi, a doctor at Kestrel Hospital, wrote in a blog post that the "
     "couple had been moved on November 3.", "couple had been moved", "Ivo Tancredi"),
    ("According to state media, Defence Minister Ivo Tancredi told parliament that the border was secure.",
     "border was secure", "Ivo Tancredi"),
    ("According to two people familiar with the matter, Lidstrom’s team has proposed that the Red Cross verify "
     "both lists.", "Red Cross verify", None),
])
def test_according_to_relays_a_named_speakers_report(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_the_agency_is_a_body_named_in_a_sentence_that_was_never_parsed():
    text = ("“We are claiming a molecule,” Renner told a news briefing.\n\nThe observations were made by the Aldren "
            "Space Telescope, which is operated by the Euro-Pacific Space Agency. More observing time had been "
            "granted for next spring, the agency said in a statement.")
    assert _speaker(text, "More observing time") == "Euro-Pacific Space Agency"


@pytest.mark.parametrize("text, snippet, speaker", [
    ("The Therapeutic Products Administration on Friday refused to approve the therapy, a blow to its maker, "
     "Nerith Biosciences, which said it would appeal.\n\nIn a letter to the company, the agency said a new trial "
     "would be needed.", "new trial would be needed", "Therapeutic Products Administration"),
    ("The Harwick Border Agency said families were safe, and the Trump administration said it would act.\n\n"
     "The agency said it would not provide vaccines.", "not provide vaccines", "Harwick Border Agency"),
])
def test_the_agency_can_be_an_administration_but_never_a_presidents(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_a_masked_quote_is_never_its_own_speaker():
    text = ('Armed forces spokesman Colonel Ivo Darrow told VNA that the militia had "deliberately stored rockets '
            'among civilians". "Those who hide missiles under vegetable stalls bear responsibility for every drop of '
            'blood," the colonel was quoted as saying.')
    assert _speaker(text, "vegetable stalls") == "Ivo Darrow"


def test_the_scot_is_the_man_just_named_though_the_tagger_calls_scot_a_person():
    text = ("In England, Neil Rutherford was in no mood for compromise. Speaking before Sunday's home game, the Scot "
            "said he had no problem at all with the doctors.")
    assert _speaker(text, "no problem at all") == "Neil Rutherford"


def test_the_club_is_the_team_named_in_a_sentence_never_parsed():
    text = ("Saltmarsh Town have sacked manager Phil Garside after seven straight defeats.\n\nThe club said in a "
            "statement on Monday that Garside had left by mutual consent.")
    assert _speaker(text, "left by mutual consent") == "Saltmarsh Town"


def test_the_aged_description_parsed_as_modifiers_and_a_coordinated_added_keep_the_speaker():
    text = ("Harbridge manager Gareth Lyle, 52, said his side were ready.\n\n“It is a big game,” he said.\n\n"
            "The 52-year-old confirmed that striker Rui Almada would miss the game after picking up a fifth booking "
            "against Dunmore last weekend, and added that the club had no plans to appeal.")
    assert _speaker(text, "would miss the game") == "Gareth Lyle"
    assert _speaker(text, "no plans to appeal") == "Gareth Lyle"


@pytest.mark.parametrize("text, snippet, speaker", [
    ('Superintendent proposes closing three schools\n\nParents pack board meeting; union says district "blindsided" '
     "families\n\nCarla Jessup, president of the Westbrook Falls Education Association, said the union learned of "
     "the plan on Monday.", "blindsided", "Westbrook Falls Education Association"),
    ("Regulator rejects gene therapy, citing ‘uninterpretable’ data\n\nWASHINGTON — The Therapeutic Products "
     "Administration said on Friday that the trial had produced results that were “uninterpretable”.",
     "uninterpretable", "Therapeutic Products Administration"),
])
def test_a_headlines_bare_body_noun_is_the_body_the_article_names(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_a_bodys_name_keeps_its_capitalised_for_tail_and_the_headquarters_is_it():
    text = ("The Coordination Headquarters for Prisoners of War, a Lutvian government body, said most of those freed "
            "were soldiers. Twelve were civilians, the headquarters said.")
    assert _speaker(text, "most of those freed") == "Coordination Headquarters for Prisoners of War"
    assert _speaker(text, "Twelve were civilians") == "Coordination Headquarters for Prisoners of War"


def test_a_statement_issued_by_the_person_a_sentence_opens_on_speaks_for_her():
    text = ("The Harlow Water Commission voted 4-1 on Tuesday to raise rates, on the advice of Brightline Utility "
            "Advisors, which said the pipes were failing.\n\nMayor Sheila Townsend, who appoints the commissioners, "
            "called the increase painful in a statement issued shortly after the vote.\n\n“I wish there were another "
            "way. There isn’t,” the statement said.")
    assert _speaker(text, "another way") == "Sheila Townsend"


def test_an_aged_description_with_a_firms_noun_is_a_person():
    text = ("Nathan Greer, chief executive of Larkspur Development Group, said the tower would go ahead.\n\n"
            "“We just don’t own any land there,” Greer said.\n\n"
            "The 47-year-old developer said the company had already cut two stories from its design.")
    assert _speaker(text, "cut two stories") == "Nathan Greer"


def test_he_after_a_role_opened_narrative_sentence_is_that_role_holder():
    text = ("City Manager Gregory Amsel presented the plan on Tuesday.\n\nCouncil member Robert Pruitt said the plan "
            "was rushed. Pruitt asked Amsel whether it could start by Jan. 1. The city manager paused.\n\n"
            "“It will be tight,” he said.")
    assert _speaker(text, "It will be tight") == "Gregory Amsel"


def test_a_person_named_after_a_role_in_a_sentence_never_parsed_is_registered():
    text = ("The TB Justice Coalition said in a statement that promises were worth nothing. “We are watching,” said "
            "Mathieu Delacroix-Bah, a trade official.\n\nIts spokesman, Sizwe Mahlangu, was blunter. “We have heard "
            "these promises before,” he said.")
    assert _speaker(text, "heard these promises") == "Sizwe Mahlangu"


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Isaiah Freeman died in custody in March.\n\nIsaiah Freeman's mother, Gloria Freeman, sat in the front row.\n\n"
     "After the verdict, Freeman's mother said the family would keep fighting.", "keep fighting", "Gloria Freeman"),
    ("Jury deadlocks; Freeman's mother: ‘We will be back as many times as it takes’\n\nA judge declared a mistrial "
     "in the trial of a deputy charged with killing Andre Freeman.\n\nHis mother, Gloria Freeman, said the family "
     "would keep fighting.", "We will be back", "Gloria Freeman"),
    ("Kessler's father said the boy had been bullied.", "had been bullied", None),
])
def test_a_named_persons_relative_is_the_one_introduced_so(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_the_former_holder_of_a_role_is_the_one_titled_former():
    text = ("Party leader Ola Birkeland said the vote would go ahead.\n\nSofie Skovgaard, a former party leader, "
            "said the rebels had the numbers.\n\nThe former party leader said on Monday that the rebels had "
            "collected enough signatures.")
    assert _speaker(text, "enough signatures") == "Sofie Skovgaard"


@pytest.mark.parametrize("text, snippet, speaker", [
    ("The song's run has been a triumph for Halcyon Tone Records, which signed her two years ago. Her lawyer said "
     "he had written to Halcyon Tone last month.\n\nHalcyon Tone Records said in a statement that it took any "
     "claim seriously.", "took any claim seriously", "Halcyon Tone Records"),
    ("Photo: Lucia Ferrante performs at the awards in April.\n\nOttilie Sarkis, a musicologist at the Vanterpool "
     "Conservatory, listened to both recordings. She said the two melodies shared a shape.", "shared a shape",
     "Ottilie Sarkis"),
])
def test_a_firm_without_its_suffix_and_a_person_described_after_her_name(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Devika Raman, the chief technology officer, said the numbers were right. Tomas Berg, the chief financial "
     "officer, said the audit was on time.\n\n“We shipped everything,” the CTO said.", "shipped everything",
     "Devika Raman"),
    ("Oren Blum, the chief financial officer of Halvern, said his firm never agreed to the terms. Ines Cole, the "
     "chief financial officer of Ledgerly, declined to comment at first. Cole, reached by phone, said she was "
     "bound by an agreement.\n\n“I'd love to talk. I can't,” the CFO said.", "I'd love to talk", "Ines Cole"),
])
def test_an_abbreviated_chief_and_the_last_mentioned_of_two_holders(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_the_state_party_member_is_the_one_tagged_with_that_party():
    text = ("Rep. Dwayne Custer (R-Ga.) dismissed the account as gossip. Rep. Alma Reyes (D-Calif.) disagreed.\n\n"
            "\"You've got a guy eavesdropping on a call over calamari,\" the Georgia Republican said.")
    assert _speaker(text, "eavesdropping") == "Dwayne Custer"


def test_a_title_in_a_who_was_clause_is_the_persons():
    text = ("Teresa Blaine, who was mayor of Ostry Falls from 1996 to 2008, said the ledger was a safety net. "
            "Councillor Ruth Okafor said the store had kept the town alive.\n\n"
            "“People forget that,” the former mayor said.")
    assert _speaker(text, "People forget that") == "Teresa Blaine"


def test_a_cue_before_a_colon_opens_the_next_quote_not_the_one_before():
    text = ("Her co-writers Lena Smith and Kate Yorke came to the project with a similar view. “It’s a totally "
            "different muscle,” Yorke said. “You have to take yourself out of it a little bit.” Smith agreed: “It’s a "
            "different job altogether.”")
    assert _speaker(text, "take yourself out") == "Kate Yorke"
    assert _speaker(text, "different job altogether") == "Lena Smith"


def test_a_nested_quote_after_a_named_asker_is_the_askers_not_the_narrators():
    text = ("“I then heard President Corliss ask, quote, ‘So he’s going to do the inquiry?’” Dale Holms testified. "
            "“The ambassador replied that he would.”")
    inner = [q for q in extract_text(text) if q.text.startswith("So he")]
    assert [q.speaker for q in inner] == ["Corliss"]


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Benedetto Castellane, 71, whom everyone calls Benny, did write things down. His brother Arturo Castellane "
     "kept the books.\n\nBenny said the bank had been more patient than the Church.", "more patient",
     "Benedetto Castellane"),
    ("Augustine “Gus” Pell ran the hardware store for 52 years. His son Dennis Pell runs it now.\n\n"
     "“A nail costs what it costs,” Gus told the paper in 2011.", "A nail costs", "Augustine Pell"),
])
def test_a_nickname_the_text_gives_is_the_person(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_a_relative_named_in_a_sentence_never_parsed_is_registered_by_the_shared_surname():
    text = ("PORT SABLE — Darnell Prescott walked out of the courthouse at 4:12 p.m. Tuesday and into the arms of "
            "his mother, 23 years after he was convicted.\n\n“I never stopped saying it,” Prescott, now 47, told "
            "reporters, one arm still around Odessa Prescott, 74.")
    assert _speaker(text, "never stopped saying it") == "Darnell Prescott"


def test_a_party_read_as_a_titled_name_is_no_person():
    text = ("5 takeaways from Frederick Halloran's testimony\n\nBy Jeremy Voss\n\nFrederick Halloran came to "
            "Capitol Hill on Wednesday as the witness Republicans hoped would steady the ship. By the time he left, "
            "he had done something closer to the opposite.\n\nThe hotelier-turned-ambassador, a Pryce donor long "
            "considered friendly to the White House, testified that there was “a straight trade” linking a White "
            "House visit to an investigation.")
    assert _speaker(text, "straight trade") == "Frederick Halloran"


def test_a_photo_credit_is_never_a_given_name_and_surname():
    from quotetrace.nlp.registry import _GIVEN_AND_SURNAME

    assert "Mara Ellison" not in [m.group(0) for m in _GIVEN_AND_SURNAME.finditer("Thursday. (Mara Ellison/Capitol Wire)")]
    assert _GIVEN_AND_SURNAME.search("on Thursday, Mara Ellison said")


def test_a_lay_role_no_one_named_holds_is_no_one_named():
    text = ("Dr. Owen Dempsey said the patient was given steroids and recovered within a year, Dempsey said.\n\n"
            "\"It doesn't affect me at all now,\" the patient wrote in the case study.")
    assert _speaker(text, "doesn't affect me") is None


def test_the_company_in_a_lede_is_the_firm_the_sentence_opens_on_though_never_tagged():
    import json
    from pathlib import Path

    probes = Path(__file__).resolve().parents[1] / "fixtures" / "gold" / "probes.jsonl"
    text = next(json.loads(line)["text"] for line in probes.open(encoding="utf-8") if '"id": "R02"' in line)
    assert _speaker(text, "laying off") == "Corvane"


def test_a_sentence_opening_adverb_is_no_name_with_an_appositive():
    text = ("Separately, Arden County Legal Services filed a lawsuit in state Superior Court on Wednesday on behalf of "
            "nine surviving tenants, alleging that Voigt Property Group violated the state's habitability laws.")
    assert _speaker(text, "violated the state") == "Arden County Legal Services"


def test_a_name_glued_to_a_title_run_speaks():
    text = "Mayor Pro Tem Anita Sorensen said she would ask the council to consider a formal censure at its next meeting."
    assert _speaker(text, "formal censure") == "Anita Sorensen"


def test_a_name_whose_appositive_is_a_that_clause_is_a_firm():
    text = ("Tom Hardiman, the head teacher, said the roof had leaked for years.\n\n"
            "Brennan Structural, the contractor that inspected Holmefield in 2021, said in a statement that it had "
            "followed the brief. The firm added that its report had recommended further intrusive surveys.")
    assert _speaker(text, "intrusive surveys") == "Brennan Structural"


def test_the_poll_is_the_one_the_article_opened_on():
    text = ("Nearly two-thirds of voters think the country is on the wrong track, according to a national poll "
            "released Wednesday by the Hartwell Center for Public Opinion.\n\n"
            + "Democrats in the House said the majority was within reach, and officials of the House agreed. " * 16
            + "\n\nThe poll found the economy remained the top concern for voters in both parties.")
    assert _speaker(text, "economy remained") == "Hartwell Center for Public Opinion"


def test_a_documents_owner_before_a_word_of_its_title():
    text = ("Sentrova's IPO filing shows the cybersecurity firm lost $212 million last year\n\n"
            "Sentrova, the cloud-security startup last valued at $9 billion, filed publicly for an initial public "
            "offering on Monday.\n\nThe company plans to list on the Nasdaq under the ticker \"SNTV\", according to the filing.")
    assert _speaker(text, "plans to list") == "Sentrova"


def test_a_name_founded_by_someone_is_a_firm():
    text = ("Kofi Mensah said fees were too high.\n\nRemesa Rápida, founded in 2019 by two former bank engineers, lets "
            "senders move money from app to app for a flat fee. The company says it now has 400,000 active users.")
    assert _speaker(text, "400,000 active users") == "Remesa Rápida"


def test_who_said_after_a_persons_home_town_tagged_a_name():
    text = ("Among those in the public gallery was Sandra Pelham, 43, from Harlowfield, who said she had been forced "
            "to use a food bank for the first time in her life when her payment failed to arrive.")
    assert _speaker(text, "food bank") == "Sandra Pelham"


def test_a_person_tagged_name_before_a_firms_studios_suffix_is_that_firm():
    text = ("“Meet Me at the Lantern,” the lavish original musical from Monarch Lane Studios, took an estimated "
            "$78 million.\n\nMonarch Lane said the film had taken a further $64 million in 41 international markets.")
    assert _speaker(text, "further $64 million") == "Monarch Lane Studios"


def test_a_participle_cue_after_a_reported_clause_is_the_reporters_own_statement():
    text = ("Prime Minister Leif Amundar stood by his finance minister, saying she had his \"full and unconditional "
            "confidence\". He argued that the market moves reflected global factors as much as the budget, noting that "
            "U.S. yields had also risen overnight.")
    noted = [q for q in extract_text(text) if q.cue is not None and q.cue.lemma == "note"]
    assert [(q.text, q.speaker) for q in noted] == [("U.S. yields had also risen overnight", "Leif Amundar")]


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Crestline Energy Inc. said on Monday that Prairie's board had rejected two approaches.", "rejected two approaches",
     "Crestline Energy"),
    ("Ashby & Lowe Group plc said its chief executive would leave the business.", "would leave the business",
     "Ashby & Lowe Group"),
    ("The IG Fahrzeugbau union said it would demand a binding job guarantee.", "binding job guarantee", "IG Fahrzeugbau"),
])
def test_a_body_is_credited_without_its_legal_form_or_common_noun(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_display_keeps_a_persons_name_and_a_name_that_is_only_a_noun():
    assert Entity(["Tom Ekwueme"]).display == "Tom Ekwueme"
    assert Entity(["Granite Peak Partners LLC"], kind="organisation").display == "Granite Peak Partners"
    assert Entity(["Smith & Co."], kind="organisation").display == "Smith"
    assert Entity(["Its union"], kind="organisation").display == "Its union"


@pytest.mark.parametrize("text, snippet, speaker", [
    ("The committee's ranking Democrat, Rep. Lucinda Moya of New Mexico, said she supported the investigation.",
     "supported the investigation", "Lucinda Moya"),
    ("Mayor Bernadette Quayle toured the town on Thursday.\n\n“People are exhausted,” Cr Quayle said.",
     "People are exhausted", "Bernadette Quayle"),
    ("“We have four law professors and zero fact witnesses,” Doug Hartsell said.\n\nTwo days earlier, Hartsell released "
     "a 123-page report arguing that the evidence “does not establish” that Pryce conditioned the aid on an "
     "investigation. The report also said Pryce had “legitimate and long-standing concerns” about corruption.",
     "legitimate and long-standing concerns” about", "Doug Hartsell"),
])
def test_party_descriptions_council_titles_and_a_report_a_person_released(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_a_hyphenated_name_ending_a_role_appositive_is_whole():
    text = ("Its mediator, former Ghanaian foreign minister Abena Osei-Tutu, said she hoped to meet Delamou ‘as early as "
            "Saturday’.")
    assert _speaker(text, "hoped to meet") == "Abena Osei-Tutu"


def test_a_firm_named_in_apposition_opening_a_sentence_is_what_the_sentence_is_about():
    text = ("Kelderby University said in a statement that two of the study's authors had received consulting fees.\n\n"
            "Pellham Generics, one of the largest suppliers of the pill in Britain, welcomed the study. The company had "
            "seen \"no unusual change in demand\" since the paper was circulated to journalists, a spokeswoman said.")
    assert _speaker(text, "no unusual change in demand\" since") == "Pellham Generics"


def test_an_unnamed_role_in_the_opening_is_the_one_later_given_that_title():
    text = ("A retired engineer who lay on the kitchen floor for nine hours died from complications that would "
            "\"probably\" have been avoided with earlier treatment, a coroner has ruled.\n\n"
            "Raymond Kettle, 79, fell at his home in March.\n\nRecording a narrative conclusion on Thursday, assistant "
            "coroner Michael Drury said the delay had been caused by a system under pressure.\n\n"
            "A neighbour said Mr Kettle had been a keen gardener.")
    assert _speaker(text, "retired engineer") == "Michael Drury"
    assert _speaker(text, "keen gardener") is None


@pytest.mark.parametrize("text, snippet, speaker", [
    ("The National Union of Nursing Staff (NUNS) said 87 per cent of members who returned ballots had backed a walkout.",
     "backed a walkout", "National Union of Nursing Staff"),
    ("The Motorists' Alliance said a 5p rise would add about £3 to the cost of filling a typical family car.",
     "5p rise", "Motorists' Alliance"),
    ("Board papers published by the trust in March showed that it had spent £41m on agency staff.", "spent £41m", None),
])
def test_body_names_ending_in_staff_or_after_a_plural_possessive_and_no_month_for_an_author(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_a_contraction_of_you_is_never_a_name():
    text = "We spoke with Brennan on Monday.\n\nQ: You've said you're not a politician. You've held office for six years."
    assert all(q.speaker != "You've" for q in extract_text(text))


def test_the_aged_description_before_an_adverb_is_the_writer():
    text = ("Fiona Carradine, the chief executive, resigned on Monday.\n\nThe 49-year-old later wrote on LinkedIn that she "
            "was \"proud of what we rebuilt\", and that the warehouse problems had been a painful lesson.")
    assert _speaker(text, "proud of what we rebuilt") == "Fiona Carradine"


def test_a_signature_after_a_dash_beats_the_speaker_before_and_a_bullet_opens_the_line():
    text = ("Brazil's health ministry said it was reviewing the report.\n\n“Resistance does not respect borders. Neither "
            "can our response.” — Matthias Krenn, director, GASP\n\nWhat they said\n\n• “Harlowfield has been taken for "
            "granted for a generation. Not any more.” — Fiona Castellane, Labour\n")
    assert _speaker(text, "Resistance does not") == "Matthias Krenn"
    assert _speaker(text, "taken for granted") == "Fiona Castellane"


def test_a_resident_named_by_first_name_only_is_a_person_for_she_after():
    text = ("Carla Mendez, the county's emergency manager, said air monitoring had found nothing.\n\n"
            "Tiffany, who lives on Birchwood Lane about half a mile from the plant, said she smelled something like "
            "\"burnt matches times a hundred\" before the alert came through.\n\n"
            "\"My daughter started coughing and I just grabbed her and the dog and went to the basement,\" she said.")
    assert _speaker(text, "My daughter started coughing") == "Tiffany"


def test_a_subheads_capitalised_company_noun_names_no_firm():
    text = ("Valmont and Hanseong to build €2.6bn battery plant in northern France\n\n"
            "Carmaker says site will supply cells for 600,000 cars a year\n\n"
            "BRESSENAY, France, Nov 7 — Valmont Automobiles SA said on Thursday that it would build a €2.6 billion battery "
            "cell factory in Bressenay with South Korea’s Hanseong Cell Co.\n\n"
            "The joint venture will be owned 51% by Valmont and 49% by Hanseong, the carmaker said.")
    assert _speaker(text, "site will supply") == "Valmont Automobiles"
    assert _speaker(text, "joint venture") == "Valmont Automobiles"


def test_a_firms_short_name_without_partners_is_that_firm():
    text = ("Granite Peak Partners, the private-equity firm that bought Ostler two years ago, said production would "
            "move south.\n\nA Granite Peak spokeswoman said the firm would “honor all of its obligations”.")
    assert _speaker(text, "honor all") == "Granite Peak Partners"


def test_he_in_an_aside_is_not_the_one_the_aside_interrupts():
    text = ("“This is not a defensive deal. It is the opposite,” Matthias Oberndorfer said.\n\n"
            "Jonas Dremmler, the supplier's chief executive and the founder's grandson, said the family had weighed a "
            "listing for more than a year before it accepted Korvel's approach. Oberndorfer, he said, had first raised "
            "the idea over dinner at an industry fair in 2022.")
    assert _speaker(text, "first raised the idea") == "Jonas Dremmler"


def test_a_name_with_an_appositive_after_a_list_items_label():
    text = ("• Federal workers: Tony Marchetti, president of the National Federal Workers Union, said members were "
            "“scared and angry in about equal measure”.")
    assert _speaker(text, "members were") == "Tony Marchetti"


def test_a_name_in_apposition_before_the_writer_does_not_write():
    text = ("In the letter, addressed to Prairie's chair, Eleanor Haugen, Crestline chief executive Dale Whitcomb wrote "
            "that Crestline had been \"patient and respectful\".")
    assert _speaker(text, "had been") == "Dale Whitcomb"


@pytest.mark.parametrize("text, snippet, speaker", [
    ("A survey by the British patient charity Breast Forward found that 38% of women would want to be told.",
     "38% of women", "Breast Forward"),
    ("Data from the blockchain analytics firm Chainlight showed that Kestrel's wallets held about $640 million.",
     "wallets held", "Chainlight"),
])
def test_a_finding_by_a_body_described_before_its_name(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_everyone_is_no_speaker():
    text = "Everyone says it was a coincidence. “Maybe it was,” she said, “but I was the one sitting up with him.”"
    assert all(q.speaker != "Everyone" for q in extract_text(text))


@pytest.mark.parametrize("text, snippet, speaker", [
    ("But the Minister of Labour and Employment, Dr Yusuf Maikano Danbaba, in a statement, said the offer was a "
     "starting point.", "starting point", "Yusuf Maikano Danbaba"),
    ("The President of the TUF, Comrade (Mrs) Ngozi Adindu, said the federation's council would meet on Friday.",
     "would meet on Friday", "Ngozi Adindu"),
    ("Counsel for NESCO, Khurram Baig, told the court that the notice had been uploaded on June 25.", "been uploaded",
     "Khurram Baig"),
    ("Reacting, the Head of Corporate Affairs of the CRB, Mr Ekow Quansah-Mensah, said in a telephone interview that "
     "the Board had released the money.", "released the money", "Ekow Quansah-Mensah"),
])
def test_an_office_then_its_holder_in_apposition(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Sentencing Furlong, Mr Justice Eamon Gilroy said the case was another example of the consequences of a punch.",
     "another example", "Eamon Gilroy"),
    ("Driver jailed for eight years\n\nWidow tells court husband’s death has left ‘a hole that nobody can fill’\n\n"
     "Peter Mayhew, 61, was killed in March.\n\nMr Mayhew’s widow, Helen Mayhew, 59, said in a statement that she had "
     "not slept through a night since.", "hole that nobody", "Helen Mayhew"),
    ("DCI Neil Castell led the inquiry.\n\nOutside court, DCI Castell said Reuben had been “an entirely innocent young "
     "man”.", "entirely innocent", "Neil Castell"),
    ("Prosecuting, Gideon March KC told the jury the panels were real. “They were simply not Coldharbour’s,” March KC "
     "said.", "simply not", "Gideon March"),
])
def test_court_reporting_participles_relatives_ranks_and_silks(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


@pytest.mark.parametrize("text, snippet, speaker", [
    ("WIERZBNO GÓRNE, Poland — Karbona Energia, the state-controlled utility that owns the colliery, said on Monday "
     "that it would shut both by 2030.", "shut both", "Karbona Energia"),
    ("Update, 7:10 PM ET: Leah Brandvold wrote in a follow-up post that she had spoken with Marsh.", "spoken with Marsh",
     "Leah Brandvold"),
    ("Marketing brochures promised high returns. In fact, Mr March said, most of the interest came from later "
     "investors.", "most of the interest", "March"),
    ("Cattle were sold at least 19 times, according to an investigation by the campaign group Canopy Watch published "
     "on Wednesday.", "Cattle were sold", "Canopy Watch"),
])
def test_datelines_and_update_stamps_are_no_speakers_but_mr_march_is(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_a_lower_case_word_tagged_a_proper_noun_is_no_name():
    text = ("The Grammy-winning singer, 31, wed hockey star Brody Kincaid on Saturday, a rep for the singer confirmed.\n\n"
            "\"They are overjoyed,\" the rep said in a statement.")
    assert all(q.speaker not in ("rep", "we") for q in extract_text(text))


def test_a_palace_named_for_a_saint_is_a_body_its_spokesperson_speaks_for():
    text = ("‘There is a particular silence in a palace corridor when everyone knows something except you,’ he writes. "
            "‘I grew up inside that silence.’\n\nSt Aldric’s Palace declined to comment on specific claims in the "
            "memoir. But a palace spokesperson said on Monday that the King ‘loves both his sons very much’ and hoped "
            "they could find ‘a way back to one another, privately’.")
    assert _speaker(text, "the King") == "St Aldric’s Palace"


def test_a_dateline_opening_a_paragraph_is_never_the_subject():
    text = ("BUENOS AIRES, 14 March (Agencia Austral) - The Casa Rosada said on Thursday that the pension reform bill “is "
            "not negotiable in its essence” and will be sent to Congress before the end of the month.")
    assert _speaker(text, "pension reform bill") == "Casa Rosada"


def test_a_titled_four_word_name_and_a_name_with_a_particle_stay_whole():
    text = ("LIMA, 30 November (Agencia Sudamericana de Noticias) - Congress admitted a motion to remove President Rosa "
            "Elvira Ochoa Valdivia on Thursday.\n\nPresident Rosa Elvira Ochoa Valdivia said she would face it with the "
            "truth. Opposition leader Alberto Sáez de Ibarra said the motion was overdue.")
    assert _speaker(text, "face it with") == "Rosa Elvira Ochoa Valdivia"
    assert _speaker(text, "motion was overdue") == "Alberto Sáez de Ibarra"


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Senate Minority Leader Dana Whitcomb, R-Tillery, said the savings at the pharmacy counter would reappear in "
     "premiums.", "savings at the pharmacy", "Dana Whitcomb"),
    ("The Foundation for Campus Expression, a national advocacy group, sent a letter to Westbrook's president, Catherine "
     "Albright, on Monday arguing that the reversal “chills the very debate a university exists to host”.",
     "the reversal", "Foundation for Campus Expression"),
])
def test_a_party_tag_and_a_bodys_appositive_are_no_part_of_the_name(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Not all governors are convinced. In Córdoba, Ricardo Ambrosetti, a Peronist who has backed several government "
     "initiatives, said on Radio Mediterránea Sur that he would not support “a reform written in an office in Buenos "
     "Aires”.", "he would not support", "Ricardo Ambrosetti"),
    ("Outside Congress, a retiree who had travelled from La Plata said she had not been able to buy her heart medication "
     "for two months.", "heart medication", None),
])
def test_a_place_is_never_the_one_who_speaks_there(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Gov. Graham Whitford has not said publicly whether he supports the bill. The governor's office said in a statement "
     "that Whitford “supports transparency in all its forms” and would review any bill.", "supports transparency in all",
     "Graham Whitford"),
    ("German coalition row over steel aid deepens; Chancellor insists debt brake “stays”\n\n"
     "BERLIN, 5 November (Mitteleuropa Presse) - The dispute within the coalition intensified on Tuesday.\n\n"
     "The Chancellor, Ulrike Brandstätter, tried to calm the waters. “We will resolve this one too,” Brandstätter said.",
     "debt brake", "Ulrike Brandstätter"),
])
def test_an_abbreviated_title_and_a_capitalised_role_before_a_name(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_a_common_noun_phrase_no_one_named_is_no_speaker_name():
    text = ("Residents packed the hall on Monday.\n\n“We build what the code lets us build,” the company said in a "
            "statement. The freed soldier said he had heard his language and started crying.")
    assert _speaker(text, "We build what") is None
    assert _speaker(text, "heard his language") is None


def test_the_website_a_reporter_read_is_no_outlet_that_spoke():
    text = ("News Nation tried to find out about this initiative and landed on the webpage of the mall. According to the "
            "website, the name of the oxygen bar is ‘Oxy Pure’.")
    assert _speaker(text, "the name of the oxygen bar") is None


def test_both_men_after_two_named_people_is_the_first_named():
    text = ("Kevin King and Timothy Weeks were abducted in 2016.\n\n"
            "Both men claimed at the time that they were being treated well.")
    assert _speaker(text, "treated well") == "Kevin King"


def test_a_student_named_by_first_name_and_year_is_he_in_the_next_paragraph():
    text = ("“I support the TAs,” said Grace, a senior majoring in biology.\n\n"
            "Marcus, a sophomore, said he had joined the picket line on Friday and did not mind waiting.\n\n"
            "“My TA basically taught me calculus. I can wait a couple of weeks,” he said.")
    assert _speaker(text, "My TA basically") == "Marcus"


@pytest.mark.parametrize("text, snippet, speaker", [
    ("09:52\nThe chair of the Treasury committee, Harriet Osei, has weighed in. In a post on X, the MP wrote: “Millions "
     "of people cannot pay for their shopping this morning.”", "Millions of people", "Harriet Osei"),
    ("• Environmental groups said the deal “ducks the hard question” of new oil licences.", "ducks the hard", None),
])
def test_a_role_in_capitals_and_a_group_after_a_bullet(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Ombudswoman Lidia Sava met the freed prisoners. Ombudswoman Sava said most had lost between 15 and 30 kilograms.",
     "most had lost", "Lidia Sava"),
    ("The Marisol Star is managed by Brightwater Ship Management in Rotterdam.\n\nBrightwater said it had lost contact "
     "with the vessel at 04:12 local time.", "lost contact", "Brightwater Ship Management"),
])
def test_an_ombudswoman_and_a_firm_without_its_ship_management(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_a_day_before_a_persons_office_is_no_part_of_the_name():
    text = ("President Aurel Veness visited the port.\n\n"
            "On Wednesday Veness’s office said he had spoken by telephone with Ingrid Solvang.")
    assert _speaker(text, "spoken by telephone") == "Aurel Veness"


def test_a_surname_written_first_is_the_full_name_after_it():
    text = ("Secretary for Development Wong Ka-leung said on Tuesday that the flats would go ahead.\n\n"
            "Wong said the first public rental flats would be ready for intake by 2031.")
    assert _speaker(text, "ready for intake") == "Wong Ka-leung"


def test_a_q_and_a_label_is_no_part_of_a_name():
    text = ("Q. Douglas Prentiss says ratios would force the hospital to close beds.\n\n"
            "A. Doug has been saying that since 2016. Beds close now.")
    assert all(not (q.speaker or "").startswith(("A.", "Q.")) for q in extract_text(text))


def test_a_person_named_by_first_name_and_age_is_she_after():
    text = ("Lucía Herrera, who runs the shelter, said beds were full.\n\n"
            "Yelitza, 29, a Venezuelan hairdresser, arrived at the station on Sunday with her partner.\n\n"
            "“The jungle takes something from everyone,” she said.")
    assert _speaker(text, "The jungle takes") == "Yelitza"


def test_a_bare_spokesperson_after_a_persons_office_was_asked_speaks_for_that_person():
    text = ("Health Secretary Rachel Emsworth told MPs that waits had doubled, NHS England figures show.\n\n"
            "Claimwatch asked Ms Emsworth’s office whether she would correct the record. A spokesperson said she had no "
            "plans to do so.")
    assert _speaker(text, "no plans to do so") == "Rachel Emsworth"


def test_a_headline_quote_then_its_speaker_after_a_colon():
    text = ("‘I stopped asking permission’: Adaeze Okafor on building a bank for market women\n\n"
            "The co-founder of Kolo Bank talks about her grandmother's ledger.")
    assert _speaker(text, "I stopped asking") == "Adaeze Okafor"


def test_a_roommate_named_in_apposition_is_a_person_for_she_after():
    text = ("Eight years ago Adaeze Okafor co-founded Kolo Bank with her former university roommate, Funmi "
            "Adebayo-Clarke, and a borrowed laptop.\n\n"
            "Adebayo-Clarke, who runs the engineering team, says the two have not had a serious argument since 2019. "
            "She will not say what that argument was about. “Ask Adaeze. She'll tell you she won,” she says.")
    assert _speaker(text, "Ask Adaeze") == "Funmi Adebayo-Clarke"


def test_the_project_is_the_project_named_before():
    text = ("Analysts at DeepMap, an open-source mapping project, said they had geolocated the video to Lozove. "
            "The front line around Lozove was “fluid”, the project said.")
    assert _speaker(text, "front line around") == "DeepMap"


def test_people_of_a_nationality_are_an_unnamed_group():
    text = ("Oil slick from offshore platform has ruined our catch, Ghanaian fishermen say\n\n"
            "AXIM, Ghana, Sept 3 (Wire) — Fishermen along Ghana's western coast say an oil slick that washed ashore "
            "last week has fouled their nets and driven fish away.")
    assert _speaker(text, "ruined our catch") is None


def test_a_group_the_sentence_opens_on_with_a_relative_clause_is_unnamed():
    text = ("Caleb, a junior who leads the campus group Students for Open Inquiry, said his group would hold its own "
            "event.\n\nStudents who organized the petition said they were relieved, though several said they had never called for "
            "the invitation to be rescinded.")
    assert _speaker(text, "they were relieved") is None


def test_a_participle_framing_a_report_is_no_cue_of_its_own():
    text = "Responding to Governor Paul Jones, Mayor Anna Smith said the plan was dead."
    quotes = extract_text(text)
    assert [(q.text, q.speaker) for q in quotes] == [("the plan was dead", "Anna Smith")]


def test_they_after_a_paired_subject_is_the_person_named_first():
    text = ("Nearly 300 districts closed for the rally. The State Police said at least 5,000 people came in.\n\n"
            "Republican Gov. Dale Wexford and leaders of the Legislature have avoided criticism of teachers. "
            "They seem intent on not antagonising educators. However, they said they don’t expect to raise "
            "school funding until 2021.")
    assert _speaker(text, "don’t expect to raise") == "Dale Wexford"


def test_a_government_qualified_by_another_nationality_is_not_the_one_named_before():
    text = ("The Government of Veydan denied the claims on Monday.\n\n"
            "According to the Omani government, as of 2016, the country had admitted more than a million refugees.")
    assert _speaker(text, "the country had admitted") == "Omani government"


def test_a_firm_the_tagger_never_tagged_is_known_by_its_founder_or_parent_company():
    text = ("Wevo is reportedly being investigated by the New York State Attorney General. According to Reuters, "
            "the NYAG’s questions include whether Wevo founder and former CEO Adam Pell engaged in self-dealing.\n\n"
            "Wevo is headquartered in New York City. A company spokesperson said in an email that the firm "
            "had received an inquiry and was cooperating.")
    assert _speaker(text, "had received an inquiry") == "Wevo"


@pytest.mark.parametrize("text, snippet, speaker", [
    ("A man hauling a trailer of lumber, who identified himself only as Travis, said his mother's house on Route K "
     "had been flattened.", "had been flattened", "Travis"),
    ("A woman at the next table, who gave her name only as Debbie, said she had been without power since Thursday.",
     "without power since Thursday", "Debbie"),
    ("A few metres away, a nursing student who asked to be identified only as Amani said she had been hit in the leg.",
     "hit in the leg", "Amani"),
    ("A 19-year-old engineering student, who asked to be called Max because he feared expulsion, said he had left "
     "the library on the first night.", "left the library", "Max"),
    ("A passenger who identified himself only as Cody, 24, said he had climbed out over the wing.", "climbed out",
     "Cody"),
])
def test_someone_who_gave_a_first_name_only_speaks_under_it(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Server says restaurant pocketed her $1,500 tip\n\nBy Lindsay Carver, Kessler Falls Gazette\n\n"
     "KESSLER FALLS, Iowa — Alyssa Monroe said she had picked up the check at table 14 on a slow Tuesday.",
     "restaurant pocketed her", "Alyssa Monroe"),
    ("Tornado that killed 6 in Brannock was an EF-4, weather service says\n\nBy Kendra Vaughan\n\n"
     "BRANNOCK, Mo. — The tornado that tore through the town on Saturday night was an EF-4 with peak winds of "
     "about 175 mph, the National Weather Service said Monday.", "killed 6 in Brannock", "National Weather Service"),
])
def test_a_headline_s_everyman_or_bare_body_is_the_one_the_lede_names(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_the_report_and_the_auditors_are_the_author_of_the_audit_the_article_is_about():
    text = ("WASHINGTON — The Civil Space Administration's lunar cargo lander will not fly before 2029, according "
            "to an audit released Tuesday by the agency's Office of Inspector General.\n\n"
            "“Program officials accepted optimistic contractor estimates,” the auditors wrote.\n\n"
            "Halvorsen Aerospace, the prime contractor, said it had met every milestone. The company said "
            "the changes were needed. Tull told reporters the engine was fine.\n\n"
            "Most of those changes were administrative, with no effect on the schedule, the report said.")
    assert _speaker(text, "Program officials accepted") == "Office of Inspector General"
    assert _speaker(text, "Most of those changes") == "Office of Inspector General"


def test_the_bureau_is_the_bureau_named_before_not_the_storm():
    text = ("Severe Tropical Cyclone Marlo crossed the coast at 2am on Thursday.\n\n"
            "Marlo brought wind gusts of up to 260km/h, the Bureau of Meteorology said. By Thursday afternoon it "
            "had weakened, but the bureau warned that heavy rainfall would continue for at least two days.")
    assert _speaker(text, "heavy rainfall would continue") == "Bureau of Meteorology"


@pytest.mark.parametrize("text, snippet, speaker", [
    ("A Downing Street spokeswoman told reporters the prime minister had full confidence in the home secretary. "
     "Asked repeatedly whether Ms Marchbank would correct the record, she said: “The home secretary has set out "
     "the position to the House.”", "has set out the position", "Downing Street"),
    ("Secretary of State Roland Pike spoke by phone with both foreign ministers on Thursday night. A State "
     "Department readout of the call said Pike had underscored the importance of calm.", "underscored the importance",
     "State Department"),
])
def test_the_one_asked_answers_and_a_readout_speaks_for_its_department(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_the_city_based_company_is_the_company_never_the_city():
    text = ("SAN JOSE, California, Oct 24 - Tessaline Semiconductor said on Thursday that orders would cool well into "
            "next year, sending shares of the chipmaker down nearly 9%.\n\n"
            "The San Jose, California-based company said it expects revenue of $3.05 billion for the quarter.")
    assert _speaker(text, "it expects revenue") == "Tessaline Semiconductor"


def test_a_firm_named_once_in_full_is_credited_by_its_full_name():
    text = ("Hanseo said on Monday it would appeal the ruling. The company has 4,000 employees.\n\n"
            "The permit had been granted to Hanseo Energy in 2021.\n\n"
            "Hanseo said it would scrutinise the assessment “line by line.”")
    assert _speaker(text, "scrutinise the assessment") == "Hanseo Energy"


def test_a_body_by_its_initials_is_no_description_of_the_last_person():
    text = ("Jo Stanhope, chief executive of the Professional Footballers’ Union, said the union had supported several "
            "Vale players through the process.\n\n"
            "“Players must be able to raise concerns without fearing for their careers,” Stanhope said.\n\n"
            "It was aware of the matter and was in contact with the club, the FA said, adding that it would not comment "
            "further.")
    assert _speaker(text, "in contact with the club") == "FA"


def test_the_person_a_reported_clause_opens_on_is_not_the_he_who_reports_it():
    text = ("“If he’d gone to Varenne, that would have been a disaster,” Nick Halloway said.\n\n"
            "On the penalty, however, Halloway agreed with the stewards. Oliver Stainforth had left “nowhere for "
            "Vermeulen to go”, he said.")
    assert _speaker(text, "nowhere for Vermeulen") == "Nick Halloway"


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Amelia Fairbrother, a conservation biologist at the University of Lenham, said breeding had been “an insurance "
     "policy”.\n\nIn a 2021 review published in the Journal of Applied Conservation, Fairbrother and two co-authors "
     "wrote that zoo-born pandas had contributed modestly to the wild population.", "zoo-born pandas",
     "Amelia Fairbrother"),
    ("Presiding Judge Margaret Ashdown joined Whitley's opinion, as did four other judges. Judge Ellen Voss wrote a "
     "concurrence saying that the case should trouble anyone who has ever trusted an expert.", "should trouble anyone",
     "Ellen Voss"),
    ("Sen. Gloria Ashby greets voters.\n\nOn Monday, the campaign released a one-page letter from her physician, "
     "Dr. Howard Lin, stating that the senator was in excellent health for a woman of any age.", "in excellent health",
     "Howard Lin"),
])
def test_the_writer_of_a_paper_a_concurrence_or_a_letter_speaks(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


@pytest.mark.parametrize("text, snippet, speaker", [
    ("The Peach State Police Benevolent Association said the law had been about space.\n\n“Nobody in our membership "
     "is afraid of a camera,” said the association's president, Sgt. Darryl Mott.", "afraid of a camera", "Darryl Mott"),
    ("In the crowd in Harlan Falls was Ruth Ann Mabry, 68, a retired schoolteacher from Cobb's Landing, who said she "
     "had voted for Whitcomb twice.", "voted for Whitcomb", "Ruth Ann Mabry"),
])
def test_a_rank_or_a_home_town_is_no_name(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_a_body_s_press_office_is_the_body():
    text = "The frog is new to science, the University of Northbrook’s press office said in a statement."
    assert _speaker(text, "new to science") == "University of Northbrook"


@pytest.mark.parametrize("text, snippet, speaker", [
    ("Alonzo Reyes apologised on Tuesday. The Pottery Workers union called the remark cruel.\n\n"
     "Reyes, 55, spent the morning trying to contain the damage. In a statement, he said his words had been clumsy.\n\n"
     "“I answered a hard question badly,” the statement said.", "answered a hard question", "Alonzo Reyes"),
    ("Safe Streets Now, a super PAC supporting Dunleavy, released a statement within minutes of the debate's end. "
     "The group said it would spend an additional $4 million on television.", "spend an additional", "Safe Streets Now"),
])
def test_the_statement_someone_gave_and_a_super_pac_called_the_group(text, snippet, speaker):
    assert _speaker(text, snippet) == speaker


def test_a_quoted_nickname_between_given_name_and_surname_is_no_part_of_the_name():
    text = ("Caleb \"Sundial\" Whitford, the Ravel specialist for Ironclad Gaming, said he had been given no warning.\n\n"
            "“Twenty-two meters is better than fifteen,” Whitford said.")
    assert _speaker(text, "better than fifteen") == "Caleb Whitford"


def test_a_clergy_style_is_a_title_and_an_office_of_a_place_is_its_holder():
    text = ("Bishop of Fenmoor warns the church is “managing its own decline”\n\n"
            "The Rt Rev Nicholas Greer, the Bishop of Fenmoor, said the measure treated parish churches as liabilities.")
    assert _speaker(text, "treated parish churches") == "Nicholas Greer"
    assert _speaker(text, "managing its own decline") == "Nicholas Greer"


def test_a_publication_cited_or_told_is_not_the_company():
    text = ("Fees fell by a third last year, according to the Cross-Border Payments Monitor.\n\n"
            "One of those firms, Globexa Transfers, handles Morales’s payments. In a statement, the company said its "
            "fees reflect the real cost of delivering cash safely.")
    assert _speaker(text, "reflect the real cost") == "Globexa Transfers"


def test_an_unnamed_man_in_the_lede_is_the_man_the_next_sentence_names():
    text = ("Couple staged bear attack on SUV, investigators say\n\nBy Nate Ferriday\n\n"
            "A Colorado man told his insurance company that a black bear had clawed its way into his SUV. The only "
            "animal involved was his brother-in-law, investigators say.\n\n"
            "Grant Farrow, 44, and his wife, Melissa Farrow, 41, were charged with insurance fraud, the district "
            "attorney's office announced Thursday.")
    assert _speaker(text, "a black bear had clawed") == "Grant Farrow"


def test_an_update_stamp_is_no_speaker_whatever_the_parse_makes_of_it():
    text = ("Vantly to cut 400 jobs\n\nVantly, a cloud software firm, said on Monday it would cut 400 jobs.\n\n"
            "Update, 5:20 PM ET: Vantly said staff in Ireland and Germany would go through a formal consultation.")
    assert _speaker(text, "formal consultation") == "Vantly"


def test_a_rep_for_a_named_person_speaks_for_that_person():
    text = ("Maddie Soto responded within hours. “Thank you for finally saying it,” Soto wrote on Instagram.\n\n"
            "A rep for Soto told Spotlight Weekly that Soft Serve would launch as planned in the spring.")
    assert _speaker(text, "launch as planned") == "Maddie Soto"


def test_a_first_name_with_a_long_description_then_said_is_a_person():
    text = ("Measles cases rose to 41 on Monday, health officials said.\n\n"
            "Kayla, a 34-year-old mother of three who asked that her last name not be used because she feared "
            "harassment online, said she had stopped vaccinating her children.\n\n"
            "“I'm not anti-science,” she said.")
    assert _speaker(text, "not anti-science") == "Kayla"


def test_a_memo_written_by_a_role_and_its_holder_speaks_for_the_holder():
    text = ("The committee wasted no time, telling donors the majority was within reach. A separate memo, written by "
            "the committee’s executive director, Nadia Farrow, argued that Republicans were running with an anchor.")
    assert _speaker(text, "running with an anchor") == "Nadia Farrow"


def test_a_first_name_given_after_the_verb_speaks():
    text = ("The vigil was banned for the fourth year running.\n\n"
            "“I did not come to shout anything. I came to remember,” said a 52-year-old office worker who gave only her "
            "surname, Chen, as she was led away by two policewomen.")
    assert _speaker(text, "I came to remember") == "Chen"


def test_a_report_last_fall_from_a_named_body_is_that_body_s():
    text = ("By the numbers: Rural hospitals in Pennsylvania have run negative operating margins in four of the past "
            "five years, according to a report last fall from the American Hospital Association.")
    assert _speaker(text, "negative operating margins") == "American Hospital Association"


def test_the_sheriff_s_office_is_the_named_agency_not_the_sheriff():
    text = ("Sheriff Dwight Pennington said the man had been drinking since noon, the Hollis County Sheriff's Office "
            "said in a news release.\n\n"
            "The sheriff's office said the mower was towed to an impound lot.")
    assert _speaker(text, "towed to an impound lot") == "Hollis County Sheriff's Office"


def test_the_network_is_the_broadcaster_not_the_magazine_told_before():
    text = ("A source close to the couple told Starwatch Weekly that the two had grown tired of sharing every milestone.\n\n"
            "Kestrel Broadcasting, which airs Up Late, said in a statement on Tuesday that Monday’s episode had drawn the "
            "show’s largest streaming audience since January. The network added Cole would return to the program in "
            "December to promote the new season.")
    assert _speaker(text, "Cole would return") == "Kestrel Broadcasting"


def test_the_network_is_an_untagged_tv_broadcaster_named_before():
    text = ("A rep for Whitfield confirmed to Starwatch Weekly that the baby is due in April.\n\n"
            "Bayline TV congratulated its former star in a post on X. “The Harbor House family just got bigger. "
            "Congratulations, Bryce and Marcus!” the network wrote. A spokesperson for the network said there were no "
            "plans for a reunion special, despite fan speculation.")
    assert _speaker(text, "no plans for a reunion") == "Bayline TV"


@pytest.mark.parametrize("attribution", ["bassist Danny Okafor begins.", "Okafor cuts in.", "Danny Okafor laughs.",
                                         "interjected Danny Okafor."])
def test_a_name_and_a_verb_we_do_not_list_after_a_quote_are_its_speaker(attribution):
    text = ("Rafe Ollerton said the band was tired, and bassist Danny Okafor agreed. “We are tired,” Ollerton said.\n\n"
            "‘It was never about the tambourine,’ " + attribution)
    assert _speaker(text, "never about the tambourine") == "Danny Okafor"


def test_the_first_of_two_surnames_alone_is_the_same_person():
    text = ("Fidel Mamani Choque, president of the Ccollpa Alta peasant community, said the offer amounted to "
            "“crumbs from a rich man's table”.\n\n"
            "Energy Minister Carla Ruiz said talks would resume on Monday.\n\n"
            "“For fifteen years the trucks have passed through our land,” Mamani, 58, said by telephone.")
    assert _speaker(text, "For fifteen years") == "Fidel Mamani Choque"


def test_a_three_word_headline_run_is_no_second_surname():
    text = ("Jessa Rayne Announces Tour Break After Hospital Stay\n\n"
            "Jessa Rayne said on Monday that she would take three months off. “I need rest,” Rayne said.")
    assert _speaker(text, "I need rest") == "Jessa Rayne"


def test_an_acronym_of_a_french_name_with_accents_and_an_elided_article_is_that_body():
    text = ("Énergie de l'Hexagone (EDH) will keep four nuclear reactors offline for up to six weeks longer than "
            "planned, the company said on Tuesday.\n\n"
            "EDH said inspections at its Saint-Aubin plant had found cracks on welds in safety circuits.")
    assert _speaker(text, "had found cracks") == "Énergie de l'Hexagone"


@pytest.mark.parametrize("voice, body", [
    ("A spokesman for South Korean battery maker Hanseong Energy Solutions", "Hanseong Energy Solutions"),
    ("A spokeswoman for the Kenyan airline Skyhaven", "Skyhaven"),
])
def test_a_spokesman_for_a_firm_described_before_its_name_speaks_for_it(voice, body):
    text = "Nickel prices rose.\n\n" + voice + " said the company had secured nickel under long-term contracts."
    assert _speaker(text, "had secured nickel") == body


def test_the_genre_singer_is_the_person_not_staff_of_a_body():
    text = ("“I made those records in my mother's basement,” Calloway, 38, said in a statement shared with reporters "
            "on Monday.\n\n"
            "The R&B singer says his 2009 contract was built to keep him in debt forever.")
    assert _speaker(text, "built to keep him") == "Calloway"


def test_a_full_name_in_the_possessive_is_a_given_name_and_surname():
    from quotetrace.nlp.registry import _GIVEN_AND_SURNAME

    found = [m.group(0) for m in _GIVEN_AND_SURNAME.finditer("to set up Sven Ostrowski’s 44-yard field goal")]
    assert found == ["Sven Ostrowski"]
    assert not _GIVEN_AND_SURNAME.search("to set up Sven Ostrowski’d")


def test_a_first_name_is_the_person_not_a_boat_with_that_name():
    text = ("Cheryl Pardy pushed through a crowd of about 200 people and threw her arms around her husband.\n\n"
            "“We never stopped believing,” Cheryl said, still holding Justin’s hand.\n\n"
            "The two men were found aboard their disabled 38-foot longliner, the Cheryl Lynn, the rescue centre said.")
    assert _speaker(text, "We never stopped") == "Cheryl Pardy"


def test_a_name_with_a_role_in_apposition_without_an_article_is_a_person():
    text = ("Julien Barre, Lodestar's head of partnerships, told reporters that about 40 titles had agreed to join.\n\n"
            "Arnaud Vidal, digital director of the regional daily Le Courrier du Centre, was blunter. He said his "
            "newspaper's traffic from search had fallen by almost a fifth since Lodestar launched.")
    assert _speaker(text, "traffic from search") == "Arnaud Vidal"


@pytest.mark.parametrize("text, name", [
    ("A woman who gave her name only as Priya, a nurse at Bayview General Hospital, said she pays $1,900 a month.",
     "Priya"),
    ("A woman who introduced herself as Kathy, from Orchard Hill, said her street already floods twice a year.", "Kathy"),
])
def test_a_first_name_given_before_an_apposition_speaks(text, name):
    assert _speaker("Residents spoke for three hours.\n\n" + text, " a ") == name


def test_the_state_party_member_with_no_party_tag_is_the_person_just_named():
    text = ("Tax bill heads to the Senate\n\n"
            "Sen. Orrin Maddox spoke to reporters on Tuesday. The Texas Republican said the bill would pass by Friday.")
    assert _speaker(text, "would pass by Friday") == "Orrin Maddox"


def test_a_memo_to_someone_from_a_named_official_is_that_official_s():
    text = ("Silver Hollow caps short-term rentals\n\n"
            "A memo to the board from Town Manager Eileen Brocker, dated Feb. 2, found that the number of short-term "
            "rental listings in Silver Hollow had grown from 212 in 2017 to 641 last summer.")
    assert _speaker(text, "short-term rental listings") == "Eileen Brocker"


def test_the_union_of_a_subhead_with_no_name_never_stands_for_the_union_named_later():
    text = ("Dockers at Harrowmouth begin eight-day strike as pay talks stall\n\n"
            "Port operator warns of ‘significant disruption’ to supply chains; members ‘cannot live on promises’, says "
            "union\n\n"
            "More than 1,100 dock workers at the port of Harrowmouth walked out on Monday morning, after the Docks and "
            "Freight Union rejected a pay offer that the operator, Seaward Port Holdings, had described as “final and "
            "best”.\n\n"
            "Crane drivers formed picket lines at three gates from 6am. The stoppage, the union said, will run until "
            "midnight next Tuesday.")
    assert _speaker(text, "will run until midnight") == "Docks and Freight Union"


def test_a_country_s_regulator_is_the_regulator_the_text_names():
    text = ("Cinema deal faces inquiry\n\n"
            "The Competition Review Authority said in March that it would examine the merger of the two chains.\n\n"
            "Britain’s competition regulator said on Tuesday the deal would leave film-goers with higher ticket prices.")
    assert _speaker(text, "higher ticket prices") == "Competition Review Authority"


def test_a_first_name_known_alone_is_the_full_name_that_opens_on_it():
    text = ("Toddler’s family races to fund rare surgery\n\n"
            "The page, set up on July 2 by Zara's aunt, Adaeze Okafor-Reid, had raised about $212,000 by Tuesday.\n\n"
            "Adaeze, 35, said she had never run a fundraiser before. “I had to Google how to do it at midnight,” she "
            "said.")
    assert _speaker(text, "Google how to do it") == "Adaeze Okafor-Reid"


def test_the_chief_executive_of_a_firm_is_the_one_named_so_not_its_staff():
    text = ("Chatbot maker will not bring in age checks this year\n\n"
            "Daniel Whitcombe, chief executive of Lumora, gives evidence to the committee on Wednesday.\n\n"
            "The chief executive of Lumora, the London start-up behind the Hollis chatbot, told MPs on Wednesday that "
            "the company would not introduce mandatory age checks before the end of the year.")
    assert _speaker(text, "mandatory age checks") == "Daniel Whitcombe"


def test_a_senior_official_of_a_named_body_speaks_for_it():
    text = ("IPO frenzy draws regulator's warning\n\n"
            "A senior Sebi official, speaking on condition of anonymity, said the regulator was not looking at "
            "mainboard issues such as Rangoli's.")
    assert _speaker(text, "mainboard issues") == "Sebi"


def test_the_letter_is_the_one_who_wrote_in_it():
    text = ("VA chief skips hearing\n\n"
            "VA Secretary Delphine Marsh did not appear before Congress. In a four-page letter to the committee released "
            "Tuesday night, she wrote that she had relied in good faith on figures supplied by regional directors.\n\n"
            "\"I have spent my career caring for veterans,\" the letter said.")
    assert _speaker(text, "caring for veterans") == "Delphine Marsh"
