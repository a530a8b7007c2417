"""Who speaks: unnamed sources, documents and their issuers, page furniture that never speaks, and
cues that are acts, not speech. One phenomenon per test, on sentences written for these tests."""
from __future__ import annotations

import pytest

from newsgraph.extract.quotes import QuoteSettings
from newsgraph.extract.quotes.anonymous import ANONYMOUS_TYPE
from newsgraph.extract.quotes.index import ArticleIndex
from newsgraph.extract.quotes.not_speakers import is_furniture
from newsgraph.model import Actor, Mention


def actors_by_id(article):
    return {a.id: a for a in article.actors}


def speakers_of(article, content_part: str) -> list[str | None]:
    """The speaker names of every quote whose content contains `content_part`."""
    names = {a.id: a.name for a in article.actors}
    return [names.get(q.speaker) for q in article.quotes if content_part in q.text]


# ------------------------------------------------------------------ quotes need a speech, thought or stance cue
def test_signing_a_bill_is_no_quote(analyze_text):
    article = analyze_text("Governor Alma Reyes signed the water bill on Friday.")
    assert [q.text for q in article.quotes] == []


def test_a_chamber_passing_a_bill_is_no_quote(analyze_text):
    article = analyze_text("The state senate passed the highway budget after a long night.")
    assert [q.text for q in article.quotes] == []


def test_greeting_and_taking_questions_are_no_quotes(analyze_text):
    article = analyze_text("The mayor greeted the volunteers and took questions from pupils.")
    assert [q.text for q in article.quotes] == []


def test_making_no_mention_of_someone_is_no_quote(analyze_text):
    article = analyze_text("In her speech, Governor Alma Reyes made no mention of her rival.")
    assert [q.text for q in article.quotes] == []


@pytest.mark.parametrize("text", [
    "The rebels attacked two tankers in the strait on Sunday.",
    "The army attacked the camp with drones and artillery.",
])
def test_an_attack_on_a_place_or_with_weapons_is_no_quote(analyze_text, text):
    """"attack" is a cue of criticism ("attacked the plan"), but on ships, camps or with weapons it is an
    assault (the material cues of the PLOVER manual, data/material_cues.tsv)."""
    assert [q.cue for q in analyze_text(text).quotes] == []


def test_an_attack_on_a_plan_is_still_criticism(analyze_text):
    article = analyze_text("Senator Ana Ruiz attacked the budget plan as reckless.")
    assert [(q.cue, q.text) for q in article.quotes] == [("attacked", "the budget plan as reckless")]


def test_a_speech_verb_still_makes_a_quote(analyze_text):
    article = analyze_text("Governor Alma Reyes said the water bill would lower prices.")
    assert [q.text for q in article.quotes] == ["the water bill would lower prices"]


# ------------------------------------------------------------------ unnamed sources
def test_an_anonymous_official_is_an_explicit_anonymous_speaker(analyze_text):
    article = analyze_text("A senior Canadian official said the talks had stalled over fishing rights.")
    (quote,) = article.quotes
    speaker = actors_by_id(article)[quote.speaker]
    assert quote.anonymous is True
    assert speaker.type == ANONYMOUS_TYPE
    assert speaker.name == "senior Canadian official"
    assert speaker.country == "CAN"
    assert speaker.sector == "GOV"


def test_people_familiar_with_the_matter_keep_what_the_text_says_of_them(analyze_text):
    article = analyze_text("People familiar with the matter said the merger would be announced soon.")
    (quote,) = article.quotes
    assert quote.anonymous is True
    assert actors_by_id(article)[quote.speaker].name == "people familiar with the matter"


def test_a_later_definite_mention_is_the_same_anonymous_source(analyze_text):
    article = analyze_text("A senior official said the border would reopen. The official added that "
                           "trucks would be checked first.")
    first, second = article.quotes
    assert first.speaker == second.speaker and second.anonymous


def test_a_named_speaker_is_not_anonymous(analyze_text):
    article = analyze_text("Foreign Minister Lena Berg said the talks had stalled.")
    (quote,) = article.quotes
    assert quote.anonymous is False
    assert actors_by_id(article)[quote.speaker].type == "PERSON"


# ------------------------------------------------------------------ documents speak for their issuers
def test_a_joint_statement_is_each_named_partys(analyze_text):
    article = analyze_text("A joint statement by Kenya and Uganda welcomed the ceasefire in the border region.")
    assert sorted(speakers_of(article, "the ceasefire")) == ["Kenya", "Uganda"]
    assert not any(q.anonymous for q in article.quotes)


def test_parties_speaking_in_a_joint_statement_each_speak(analyze_text):
    article = analyze_text("In a joint statement, Chile and Peru said the fishing quotas would be shared.")
    assert sorted(speakers_of(article, "the fishing quotas")) == ["Chile", "Peru"]


def test_coordinated_speakers_without_a_joint_statement_stay_one_quote(analyze_text):
    article = analyze_text("Chile and Peru said the fishing quotas would be shared.")
    assert len(speakers_of(article, "the fishing quotas")) == 1


def test_the_statement_goes_to_the_issuer_of_the_statement_before(analyze_text):
    article = analyze_text("Norway issued a statement on Monday. The statement said the embassy would stay open.")
    assert speakers_of(article, "the embassy would stay open") == ["Norway"]


def test_the_platform_of_a_post_is_not_its_issuer(analyze_text):
    article = analyze_text("A post on Telegram by Ukraine's army said the bridge had been hit.")
    assert "Telegram" not in speakers_of(article, "the bridge had been hit")


# ------------------------------------------------------------------ page furniture never speaks
def test_a_dateline_colon_line_is_no_speaker(analyze_text):
    article = analyze_text("GENEVA: The negotiators met for a third day without a deal.")
    assert all(q.speaker_text != "GENEVA" for q in article.quotes)


def test_a_title_case_dateline_opening_the_story_is_no_speaker(analyze_text):
    """"New Delhi: <a paragraph>" opening the text: a dateline in title case, not a capital speaking."""
    article = analyze_text("Cape Town: The provincial government has asked the national treasury for emergency funds "
                           "after floods destroyed roads, bridges and more than two thousand homes along the coast "
                           "last week. Officials expect the bill to rise.")
    assert all(q.speaker_text != "Cape Town" for q in article.quotes)


def test_a_capital_speaking_in_a_short_colon_headline_still_speaks(analyze_text):
    article = analyze_text("Beijing: we will answer any provocation\n\nThe foreign ministry spoke on Monday.")
    assert any(q.speaker_text == "Beijing" for q in article.quotes)


def test_a_dateline_with_an_agency_tag_is_no_speaker(nlp):
    doc = nlp("LIMA (AP) — The minister said the port would reopen.")
    assert is_furniture(doc, 0, 1)
    assert not is_furniture(doc, 7, 8)  # "minister"


def test_a_dateline_with_its_country_is_no_speaker(nlp):
    doc = nlp("KAMPALA, Uganda — The minister said the port would reopen.")
    assert is_furniture(doc, 0, 1)


def test_a_name_in_a_photo_credit_is_no_speaker(nlp):
    doc = nlp("The bridge after the flood. (Photo: Maria Lopez/Reuters)\nThe mayor said repairs would start.")
    lo = next(t.i for t in doc if t.text == "Maria")
    assert is_furniture(doc, lo, lo + 2)


def test_an_agency_tag_is_no_speaker(nlp):
    doc = nlp("(Reuters) - The central bank said rates would stay on hold.")
    at = next(t.i for t in doc if t.text == "Reuters")
    assert is_furniture(doc, at, at + 1)


def test_a_byline_is_no_speaker(nlp):
    doc = nlp("By Maria Lopez\nThe central bank said rates would stay on hold.")
    assert is_furniture(doc, 1, 3)


def test_a_writers_parenthetical_aside_can_speak(nlp):
    doc = nlp("Taxes will rise. (Maria Lopez has also called for lower fuel duties next year.)")
    at = next(t.i for t in doc if t.text == "Maria")
    assert not is_furniture(doc, at, at + 2)


def test_a_transcript_speaker_in_capitals_still_speaks(analyze_text):
    article = analyze_text("TAPPER: We will be back after this short break with more news.")
    assert [q.speaker_text for q in article.quotes] == ["TAPPER"]


# ------------------------------------------------------------------ confidence
def test_every_quote_has_a_confidence_between_0_and_1(analyze_text):
    article = analyze_text('"The bridge is safe," Maria Lopez said. Officials said it would reopen. '
                           "According to the ministry, repairs cost a million dollars.")
    assert article.quotes
    assert all(q.confidence is not None and 0.0 <= q.confidence <= 1.0 for q in article.quotes)


def test_a_named_direct_quote_is_more_certain_than_one_without_a_speaker(analyze_text):
    article = analyze_text('"The bridge is safe and will reopen soon," Maria Lopez said.\n\n'
                           "The bridge was said to be safe by then.")
    named = next(q for q in article.quotes if q.speaker_text == "Maria Lopez")
    others = [q for q in article.quotes if q.speaker is None]
    assert all(named.confidence > q.confidence for q in others)


# ------------------------------------------------------------------ pronouns and quotes
def test_a_pronoun_speaker_does_not_fall_back_to_a_name_inside_a_quote(nlp):
    text = 'Ana Lee spoke first. "Tom Cole will lose," she said. He left.'
    doc = nlp(text)
    actors = {"lee": Actor("lee", "Ana Lee", "PERSON"), "cole": Actor("cole", "Tom Cole", "PERSON")}
    mentions = [Mention("lee", 0, 7, "Ana Lee"), Mention("cole", text.index("Tom"), text.index("Tom") + 8, "Tom Cole")]
    index = ArticleIndex.build(doc, mentions, actors, QuoteSettings())
    assert index.recent_actor(text.index("He left"), ("PERSON",)) == "lee"


# ------------------------------------------------------------------ spokespeople, relays, misparsed subjects
def test_an_unnamed_spokesperson_speaks_for_the_institution(analyze_text):
    article = analyze_text("A spokesman at Peru's foreign ministry said the embassy would reopen in May.")
    assert speakers_of(article, "embassy would reopen") == ["Ministry of Foreign Affairs of Peru"]


def test_a_spokesperson_named_earlier_with_that_title_speaks_again(analyze_text):
    article = analyze_text("Foreign ministry spokesperson Ana Ruiz spoke on Monday. "
                           "The ministry spokesperson said the embassy would reopen.")
    assert speakers_of(article, "embassy would reopen") == ["Ana Ruiz"]


def test_words_a_news_agency_relays_are_the_inner_speakers(analyze_text):
    article = analyze_text("The Foreign Office said on Monday that the new visa rules were unfair, Reuters reported.")
    assert [(q.speaker_text, q.text) for q in article.quotes] == [
        ("The Foreign Office", "that the new visa rules were unfair")]


@pytest.mark.parametrize("text, content, speaker", [
    ("Mayor Ana Ruiz said the port is failing badly this winter, the local service of Radio Norte wrote.",
     "the port is failing badly this winter", "Mayor Ana Ruiz"),
    ("Mayor Ana Ruiz said the harbour fees will rise, the newspaper wrote.", "the harbour fees will rise",
     "Mayor Ana Ruiz"),
])
def test_words_a_newspaper_relays_are_the_inner_speakers_without_the_relay_clause(analyze_text, text, content, speaker):
    """"X said Y, the paper wrote": the paper passes X's words on; its clause is no part of them, even
    when the parser hangs "wrote" over the reported clause."""
    article = analyze_text(text)
    assert [(q.speaker_text, q.text) for q in article.quotes] == [(speaker, content)]


def test_according_to_without_an_inner_cue_keeps_its_source(analyze_text):
    article = analyze_text("According to the harbour master, the pier will reopen in May.")
    assert [(q.speaker_text, q.text) for q in article.quotes] == [
        ("the harbour master", "the pier will reopen in May.")]


def test_was_quoted_by_an_agency_as_saying_is_the_subjects(analyze_text):
    article = analyze_text("Chilean Foreign Minister Ana Ruiz was quoted by Tass as saying the sanctions were unfair.")
    assert speakers_of(article, "the sanctions were unfair") == ["Ana Ruiz"]


@pytest.mark.parametrize("text, content, speaker_text", [
    ("Prices rose by 5 percent last year, according to the central bank.", "Prices rose by 5 percent last year",
     "the central bank"),
    ("The envoy was recalled, according to a statement from Peru's foreign ministry.", "The envoy was recalled",
     "a statement"),
    ("According to a statement from Peru's foreign ministry, the envoy was recalled.", "the envoy was recalled.",
     "a statement"),
])
def test_an_according_to_phrase_is_no_part_of_its_content(analyze_text, text, content, speaker_text):
    """"..., according to X." at the end of the clause (only the full stop after it) and "According to a
    statement from X, ..." with its "from" phrase: the source phrase is not content."""
    assert [(q.speaker_text, q.text) for q in analyze_text(text).quotes] == [(speaker_text, content)]


def test_quoted_as_saying_gives_the_words_to_the_person_quoted(analyze_text):
    article = analyze_text("The agency Interfax quoted Ana Ruiz as saying the port would reopen.")
    assert speakers_of(article, "the port would reopen") == ["Ana Ruiz"]


def test_a_noun_inside_the_quote_is_not_the_speaker_of_the_cue_after_it(analyze_text):
    article = analyze_text('"Next week the delegates will debate, and hopefully approve, the Coastal Fisheries '
                           'Accord," WHO chief Amara Kone Diallo said in his speech to the assembly.')
    assert speakers_of(article, "Coastal Fisheries") == ["Amara Kone Diallo"]


def test_a_passage_quoted_as_saying_is_the_person_quoted(analyze_text):
    article = analyze_text('"The port will reopen next week, and the fees will fall," Interfax quoted Ana Ruiz as saying.')
    assert [(q.speaker_text, q.cue) for q in article.quotes] == [("Ana Ruiz", "saying")]


def test_a_name_after_a_long_title_is_the_speaker(analyze_text):
    article = analyze_text("The press secretary of the President of Peru Ana Ruiz announced that the talks had failed.")
    assert speakers_of(article, "the talks had failed") == ["Ana Ruiz"]


@pytest.mark.parametrize("text, speaker_text, speaker", [
    ("Speaking at the annual meeting of the Inter-American Development Bank in Quito, Ecuador, Peruvian "
     "Finance Minister Jorge Vela said inflation would fall.", "Peruvian Finance Minister Jorge Vela", "Jorge Vela"),
    ("At a briefing held alongside the Pacific Islands Forum (PIF) Leaders' retreat in Nadi, Fiji, "
     "Samoa's Permanent Secretary of Foreign Affairs Helen Tuilagi underlined the need for funding.",
     "Samoa's Permanent Secretary of Foreign Affairs Helen Tuilagi", "Helen Tuilagi"),
    ("Speaking to reporters after the Mercosur summit in Asuncion, Paraguay, Brazilian Foreign Minister Mauro "
     "Vieira said the deal was close.", "Brazilian Foreign Minister Mauro Vieira", "Mauro Vieira"),
])
def test_a_name_after_a_long_fronted_phrase_is_the_speaker(analyze_text, text, speaker_text, speaker):
    """The parser hangs the title and name after a fronted phrase's comma inside that phrase, or makes
    the fronted participle or the meeting the subject: the speaker is the name before the verb."""
    article = analyze_text(text)
    names = {a.id: a.name for a in article.actors}
    assert [(q.speaker_text, names.get(q.speaker)) for q in article.quotes] == [(speaker_text, speaker)]


@pytest.mark.parametrize("text, content, speaker", [
    ("The Indian Defence Ministry said in a statement that two drones were shot down.",
     "that two drones were shot down", "Ministry of Defence of India"),
    ("Peru's foreign ministry said in a statement that the envoy had been recalled.",
     "that the envoy had been recalled", "Ministry of Foreign Affairs of Peru"),
])
def test_said_in_a_statement_that_is_the_subjects(analyze_text, text, content, speaker):
    """"X said in a statement that ...": the parser hangs the that-clause on "statement"; the words
    are still X's."""
    assert speakers_of(analyze_text(text), content) == [speaker]


def test_a_counterpart_named_in_apposition_shares_a_joint_statement(analyze_text):
    article = analyze_text("President Jorge Vela and his Chilean counterpart Ana Ruiz said in a joint statement "
                           "that trade would grow.")
    assert sorted(speakers_of(article, "trade would grow")) == ["Ana Ruiz", "Jorge Vela"]


@pytest.mark.parametrize("text, content, speaker", [
    ("The vote was seen as a setback for Prime Minister Jorge Vela who warned last week that the coalition "
     "could collapse.", "that the coalition could collapse", "Jorge Vela"),
    ("The deal is expected to please Chilean President Ana Ruiz who said last month that the border would "
     "stay open.", "that the border would stay open", "Ana Ruiz"),
])
def test_a_named_speaker_inside_a_speakerless_attribution_keeps_the_words(analyze_text, text, content, speaker):
    """A raised-subject cue with no speaker ("were seen as", "is expected to") holds a named actor's own
    attribution: PolNeAR's univocal rule would drop the inner one, and the words would be nobody's."""
    assert speaker in speakers_of(analyze_text(text), content)


def test_a_speaker_pronoun_is_no_one_its_own_words_name(analyze_text):
    """"He said Vela would attend": "he" is not Vela (Condition C); with no other man before, no one."""
    article = analyze_text("Jorge Vela met Ana Ruiz on Monday. He said Vela would attend the summit.")
    assert speakers_of(article, "Vela would attend") == [None]


@pytest.mark.parametrize("text, content, speaker", [
    ("Talks With Kyiv Will Resume Next Week - Peskov\n\nKremlin spokesman Dmitry Peskov said talks would resume.",
     "Talks With Kyiv Will Resume Next Week", "Dmitry Peskov"),
    ("Rebels Attack Two Tankers in the Gulf - Military Spokesman\n\nThe rebels attacked two tankers, rebel "
     "military spokesman Omar Haddad said.", "Rebels Attack Two Tankers in the Gulf", "Omar Haddad"),
])
def test_a_headline_ending_in_a_dash_and_a_source_is_the_sources(analyze_text, text, content, speaker):
    """The wire headline "Claim - Source": the source speaks; a title is whom the story then introduces
    with it."""
    assert speakers_of(analyze_text(text), content) == [speaker]


@pytest.mark.parametrize("text", [
    "Israel Strikes Targets in Southern Lebanon - Al Jazeera\n\nIsrael struck targets.",
    "Floods Hit Northern Peru - Live Updates\n\nFloods hit the north.",
])
def test_a_headline_ending_in_an_outlet_or_label_has_no_speaker(analyze_text, text):
    assert [q.cue for q in analyze_text(text).quotes] == []


def test_they_in_a_joint_statement_are_the_parties_named_before(analyze_text):
    article = analyze_text("Peru and Chile signed a trade deal on Monday. They said in a joint statement that "
                           "tariffs would fall.")
    assert sorted(speakers_of(article, "tariffs would fall")) == ["Chile", "Peru"]


def test_they_in_a_joint_statement_with_an_unnamed_party_stays_unlinked(analyze_text):
    article = analyze_text("Peru and dock workers signed a deal. They said in a joint statement that tariffs "
                           "would fall.")
    assert speakers_of(article, "tariffs would fall") == [None]


def test_a_colon_after_a_speech_verb_makes_one_quote_not_two(analyze_text):
    """"Politico reported: ...": the verb's frame attributes the words; the line is no second, speakerless
    "Speaker: content" quote."""
    article = analyze_text("Politico reported: An apparent setback for the tech sector could revive the campaign "
                           "against the rules.")
    assert [(q.speaker_text, q.cue) for q in article.quotes] == [("Politico", "reported")]


@pytest.mark.parametrize("text, question", [
    ('Asked whether the talks would resume, Ana Ruiz said: "We will see."', "whether the talks would resume"),
    ("Asked about the budget, Jorge Vela said cuts were coming.", "the budget"),
])
def test_the_one_asked_is_not_the_speaker_of_the_question(analyze_text, text, question):
    """"Asked X, Ruiz said Y": Ruiz was asked X (a fronted passive participle); she says only Y."""
    assert set(speakers_of(analyze_text(text), question)) <= {None}


def test_a_claim_others_reject_is_not_theirs(analyze_text):
    article = analyze_text("Protesters gathered in the square to reject the claim that the vote was fair.")
    assert "Protesters" not in [q.speaker_text for q in article.quotes if q.cue == "claim"]


def test_a_subject_after_a_fronted_phrase_is_kept(analyze_text):
    article = analyze_text("After the long meeting of the council in Lima, the trade minister said the deal was close.")
    assert [q.speaker_text for q in article.quotes] == ["the trade minister"]


@pytest.mark.parametrize("text, speaker", [
    ("NAIROBI (AP) — Kenyan Health Minister Susan Wafula said Tuesday the clinics would reopen.", "Susan Wafula"),
    ("DAKAR (AP) — Senegalese Prime Minister Amadou Ba said on Monday the vote would go ahead.", "Amadou Ba"),
    ("LUSAKA, Zambia (AP) — Zambian President Hakainde Hichilema said the mine would reopen.",
     "Hakainde Hichilema"),
    ("KAMPALA, Uganda (AP) — Ugandan army spokesman Felix Kulayigye said the troops had withdrawn.",
     "Felix Kulayigye"),
])
def test_a_titled_name_after_a_wire_dateline_speaks(analyze_text, text, speaker):
    """The parser makes the dateline the subject and the titled name its apposition (AP style): the
    dateline never speaks, the name after its dash does."""
    article = analyze_text(text)
    (quote,) = article.quotes
    assert actors_by_id(article)[quote.speaker].name == speaker


def test_the_country_of_a_dateline_is_no_speaker(nlp):
    doc = nlp("ABUJA, Nigeria (AP) — The finance minister said the naira would stabilise.")
    at = next(t.i for t in doc if t.text == "Nigeria")
    assert is_furniture(doc, at, at + 1)


def test_a_country_after_a_comma_inside_a_sentence_is_no_dateline(nlp):
    doc = nlp("Officials in Accra, Ghana - the capital - said the budget would be cut.")
    at = next(t.i for t in doc if t.text == "Ghana")
    assert not is_furniture(doc, at, at + 1)


@pytest.mark.parametrize("text, content, speakers", [
    ("According to a statement from the Kremlin, Putin and Lukashenko discussed the gas deal.",
     "Putin and Lukashenko discussed the gas deal", ["Russia"]),
    ("According to Reuters, Biden and Netanyahu spoke by phone on Sunday.",
     "Biden and Netanyahu spoke by phone on Sunday", ["Reuters"]),
])
def test_the_subject_after_an_according_to_source_is_content_not_a_speaker(analyze_text, text, content, speakers):
    """The parser makes the clause's subject a conjunct of the source ("the Elysee, Macron and Scholz"):
    the subject is what is reported, and the people it names never become co-speakers."""
    article = analyze_text(text)
    assert [q.text.rstrip(".") for q in article.quotes] == [content]
    assert speakers_of(article, content) == speakers


def test_a_statement_from_a_list_of_issuers_is_each_issuers(analyze_text):
    article = analyze_text("A statement from Chile, Peru and Bolivia said the lithium talks would resume.")
    assert sorted(speakers_of(article, "lithium talks")) == ["Bolivia", "Chile", "Peru"]


@pytest.mark.parametrize("text, speaker", [
    ("President of the Senate Sen. Ana Ruiz (R-Ore.) said the budget would pass.", "Ana Ruiz"),
    ("Chair of the committee Sen. Jorge Vela (D-N.M.) said the hearing would resume.", "Jorge Vela"),
    ("Majority Leader of the House Rep. Tom Baker (R-Ohio) said the budget would pass.", "Tom Baker"),
])
def test_a_party_tag_after_a_titled_name_keeps_the_name_the_speaker(analyze_text, text, speaker):
    """US style "(R-Ore.)" after the name that ends a title phrase: the parenthesis is a tag of the name."""
    article = analyze_text(text)
    (quote,) = article.quotes
    assert actors_by_id(article)[quote.speaker].name == speaker


@pytest.mark.parametrize("text, speaker", [
    ("In a statement to Reuters, the company's chief executive, Maria Lopez, said the plant would close.",
     "Maria Lopez"),
    ("In an interview with the BBC, the party's deputy leader, Kwame Mensah, said the vote was rigged.",
     "Kwame Mensah"),
])
def test_a_name_closed_by_a_comma_after_a_fronted_phrase_speaks(analyze_text, text, speaker):
    """The parser hangs the title and the name on the fronted phrase's object and leaves the verb no
    subject: the name right before the verb's comma speaks (`fronted_subject`)."""
    article = analyze_text(text)
    (quote,) = article.quotes
    assert actors_by_id(article)[quote.speaker].name == speaker


def test_a_constituency_in_brackets_after_a_name_does_not_speak(analyze_text):
    """British style "MP Name (Constituency)": the tagger may take the constituency for a person."""
    article = analyze_text("Labour MP Maria Lopez (Hackney North) said the cuts were cruel.")
    (quote,) = article.quotes
    assert actors_by_id(article)[quote.speaker].name == "Maria Lopez"


def test_a_name_after_an_honorific_title_speaks(analyze_text):
    """Gulf style "His Highness Sheikh ...": the honorific is parsed as the subject, the name as its apposition."""
    article = analyze_text("His Highness Sheikh Tamim bin Hamad Al Thani stressed the importance of a truce.")
    (quote,) = article.quotes
    assert actors_by_id(article)[quote.speaker].name == "Tamim bin Hamad Al Thani"


@pytest.mark.parametrize("text, content, speaker", [
    ("Zambia's government said it had repaid the loan. The government said the next payment was due in May.",
     "the next payment was due in May", "Zambia"),
    ("The Ghanaian government ordered an audit. The government also said ministers would declare their assets.",
     "ministers would declare their assets", "Ghana"),
    ("The Malian army said it had retaken the town. The military said the insurgents had fled north.",
     "the insurgents had fled north", "Army of Mali"),
])
def test_a_bare_definite_institution_refers_back_to_the_one_named_before(analyze_text, text, content, speaker):
    """"The government said" after "Zambia's government": the definite noun refers back to the article's one
    government (data/institution_back_references.tsv; "the military" to an earlier army)."""
    assert speakers_of(analyze_text(text), content) == [speaker]


@pytest.mark.parametrize("text, content", [
    ("The Malian army accused the Nigerien army of shelling the town. The military said the border would close.",
     "the border would close"),
    ('"The Malian army has lied to us," a farmer said. The military said the town was safe.',
     "the town was safe"),
])
def test_a_bare_definite_institution_with_no_single_antecedent_stays_unlinked(analyze_text, text, content):
    """Two armies named before, or one named only inside someone's quoted words: no antecedent.
    ("The government" is the actor resolver's, by the same rule: one state named before it outside quotation
    marks, else the story's country when none is; two such states leave it open.)"""
    assert speakers_of(analyze_text(text), content) == [None]


def test_a_definite_epithet_for_someone_named_is_no_anonymous_source(analyze_text):
    """"The populist firebrand" renames a person already named (epithet anaphora), it is no unnamed source."""
    article = analyze_text("Peru's President Ana Ruiz addressed the summit. The veteran economist said the budget "
                           "was too large.")
    assert [q.anonymous for q in article.quotes if "budget" in q.text] == [False]
    assert all(a.type != ANONYMOUS_TYPE for a in article.actors)


def test_an_unnamed_source_taken_up_definitely_stays_anonymous(analyze_text):
    article = analyze_text("An economist at the central bank said prices would fall. The economist said rates "
                           "would be cut.")
    assert [q.anonymous for q in article.quotes] == [True, True]


@pytest.mark.parametrize("text, speaker", [
    ("Hezbollah's spokesman, Ana Ruiz, said the convoy had been attacked.", "Ana Ruiz"),
    ("The Houthis' spokesperson, Jorge Vela Ortiz, said the truce was over.", "Jorge Vela Ortiz"),
    ("The Red Cross spokesperson, Tomas Berg, said the convoy had been turned back.", "Tomas Berg"),
])
def test_a_named_spokesperson_in_apposition_speaks_not_the_body(analyze_text, text, speaker):
    """"The group's spokesman, Name, said": the parser hangs the name as an apposition after the comma;
    the body the spokesman speaks for is not the speaker when he is named."""
    article = analyze_text(text)
    (quote,) = article.quotes
    assert actors_by_id(article)[quote.speaker].name == speaker


def test_a_dateline_parsed_as_a_second_subject_does_not_speak(analyze_text):
    article = analyze_text("KUALA LUMPUR -- A Peru army foreign ministry official said Thursday that elections were near.")
    assert [q.speaker_text for q in article.quotes] == ["A Peru army foreign ministry official"]


def test_an_epithet_with_a_demonym_is_the_one_compatriot_named_before(analyze_text):
    article = analyze_text("Peruvian President Ana Ruiz rejected the offer on Sunday. "
                           "The former Peruvian tennis champion said she would not negotiate.")
    assert speakers_of(article, "would not negotiate") == ["Ana Ruiz"]


def test_an_epithet_that_fits_two_compatriots_stays_unlinked(analyze_text):
    article = analyze_text("Peruvian President Ana Ruiz met Peruvian senator Jorge Vela on Sunday. "
                           "The former Peruvian tennis champion said she would not negotiate.")
    assert speakers_of(article, "would not negotiate") == [None]


def test_coordinated_speakers_who_blame_one_another_each_speak(analyze_text):
    article = analyze_text("Lima and Quito have blamed one another for the collapse of the talks.", "2024-03-01")
    assert sorted(speakers_of(article, "collapse of the talks")) == ["Ecuador", "Peru"]


def test_a_title_with_its_name_in_apposition_is_that_person(analyze_text):
    article = analyze_text("Peruvian leader Ana Ruiz spoke on Monday. "
                           "The group\u2019s leader Jorge Vela said his fighters would go home.")
    assert speakers_of(article, "fighters would go home") == ["Jorge Vela"]


def test_an_owned_title_is_not_whoever_else_held_that_title(analyze_text):
    article = analyze_text("Peruvian leader Ana Ruiz spoke on Monday. The Coastal Front rebel group announced a truce. "
                           "The group's leader said its fighters would go home.")
    assert speakers_of(article, "fighters would go home") == [None]


def test_a_statement_referred_to_twice_keeps_its_issuer(analyze_text):
    article = analyze_text("A spokesman at Peru's foreign ministry said in a statement posted on X that the talks had "
                           'ended. "We remain hopeful," the statement added. '
                           "According to the statement, the next round will take place in Lima.")
    assert speakers_of(article, "next round") == ["Ministry of Foreign Affairs of Peru"]


@pytest.mark.parametrize("text, content, issuer", [
    ("An intelligence assessment from Norway's defence ministry said the brigade had lost most of its tanks.",
     "the brigade had lost", "Ministry of Defence of Norway"),
    ("A report by Amnesty International said the prisoners had been beaten.", "the prisoners had been beaten",
     "Amnesty International"),
    ("Finland's defence ministry published an update on Sunday. The update said the drones came from the east.",
     "the drones came from", "Ministry of Defence of Finland"),
])
def test_an_assessment_report_or_update_speaks_for_its_issuer(analyze_text, text, content, issuer):
    assert speakers_of(analyze_text(text), content) == [issuer]


@pytest.mark.parametrize("text, not_speaker", [
    ("Northwind Bank cuts 900 jobs, says Clara Holm will step down", "Clara Holm"),
    ("Harbour council bans rallies, says Omar Diallo must leave the city", "Omar Diallo"),
])
def test_the_subject_of_the_reported_clause_is_not_the_speaker_after_says(analyze_text, text, not_speaker):
    """A headline "..., says X will ...": X begins the reported clause (it has its own verb), so it is no
    inverted speaker ('"...," says X')."""
    a = analyze_text(text)
    names = {x.id: x.name for x in a.actors}
    assert not_speaker not in [names.get(q.speaker) for q in a.quotes]


def test_a_media_report_names_no_state_issuer(analyze_text):
    article = analyze_text("Polish state media reports said the convoy had turned back at the border.")
    assert "Poland" not in speakers_of(article, "the convoy had turned back")


@pytest.mark.parametrize("text, content, country", [
    ("A Norwegian official said the fishing talks had stalled.", "the fishing talks had stalled", "NOR"),
    ("An Egyptian diplomat said the crossing would reopen soon.", "the crossing would reopen", "EGY"),
])
def test_an_indefinite_official_of_a_country_is_an_anonymous_source(analyze_text, text, content, country):
    """"A Norwegian official said": an unnamed source of that country (anonymous, with its country), not a
    named role actor "Norway's official" that every such source of the country would share."""
    article = analyze_text(text)
    quote = next(q for q in article.quotes if content in q.text)
    speaker = next(a for a in article.actors if a.id == quote.speaker)
    assert quote.anonymous and speaker.type == ANONYMOUS_TYPE and speaker.country == country
    assert speaker.name[:1].isupper()  # the demonym keeps its capital


def test_they_as_speaker_takes_no_group_from_an_earlier_sentence(analyze_text):
    a = analyze_text("The Harbour Police closed the square in Lindoria on Monday. Thousands of dock workers "
                     "marched anyway. They argue that the new fares are far too high.", "2024-01-01")
    quote = next(q for q in a.quotes if "fares" in q.text)
    assert quote.speaker_text == "They" and quote.speaker is None


# ------------------------------------------------------------------ titles named by an apposition, epithets
@pytest.mark.parametrize("text, content, speaker", [
    ("The state Commissioner for Water, Engr. Musa Bello, disclosed that two dams were leaking.",
     "two dams were leaking", "Musa Bello"),
    ("The army spokesman in Borno State, Col. Ibrahim Lawal, confirmed the capture of the camp.",
     "the capture of the camp", "Ibrahim Lawal"),
    ("The Governor of Kaduna State, Grace Adeyemi, has insisted that the schools will reopen.",
     "the schools will reopen", "Grace Adeyemi"),
])
def test_a_name_set_off_by_commas_after_a_title_subject_speaks(analyze_text, text, content, speaker):
    """"The <title>, <Name>, said": the comma-closed apposition names the title's holder (Nigerian and
    Indian house style), also when the parser hangs it on the title's "of/in" phrase."""
    assert speakers_of(analyze_text(text), content) == [speaker]


def test_a_list_of_names_is_no_title_and_holder(analyze_text):
    article = analyze_text("Musa Bello, Ibrahim Lawal, said the dams were leaking.")
    assert "Ibrahim Lawal" not in speakers_of(article, "the dams were leaking")


@pytest.mark.parametrize("text", [
    'Fatima Odhiambo lost her stall in the flood. "The water took everything," the 52-year-old said.',
    'Fatima Odhiambo lost her stall in the flood. The 52-year-old trader said the water took everything.',
])
def test_an_age_epithet_is_the_person_just_named(analyze_text, text):
    """"the 52-year-old said": news style for the person named just before."""
    assert speakers_of(analyze_text(text), "water took everything") == ["Fatima Odhiambo"]


def test_an_age_epithet_without_anyone_named_stays_unlinked(analyze_text):
    article = analyze_text('The market flooded overnight. "The water took everything," the 52-year-old said.')
    assert speakers_of(article, "water took everything") == [None]


@pytest.mark.parametrize("text, content, speaker", [
    ("Ambassador Pedro Salinas met officials in Lima on Monday. The diplomat said trade talks would resume.",
     "trade talks would resume", "Pedro Salinas"),
    ("Senator Joan Whitaker toured the mill on Friday. The lawmaker said the plant would stay open.",
     "the plant would stay open", "Joan Whitaker"),
])
def test_a_definite_hypernym_of_a_title_is_its_holder(analyze_text, text, content, speaker):
    """"Ambassador X ... the diplomat said": the description renames the person with a broader noun
    (`data/title_hypernyms.tsv`)."""
    article = analyze_text(text)
    (q,) = [q for q in article.quotes if content in q.text]
    assert speakers_of(article, content) == [speaker] and not q.anonymous


def test_a_hypernym_does_not_take_a_person_of_another_title(analyze_text):
    article = analyze_text("Governor Joan Whitaker toured the mill on Friday. The diplomat said the plant would stay open.")
    assert "Joan Whitaker" not in speakers_of(article, "the plant would stay open")


def test_a_statement_issued_by_an_actor_is_that_actors(analyze_text):
    article = analyze_text("The statement, issued by the Kenya Defence Forces, said the troops repelled the attack.")
    assert speakers_of(article, "troops repelled the attack") == ["Kenya Defence Forces"]


# ------------------------------------------------------------------ "This was announced by X"
@pytest.mark.parametrize("text, content, speaker", [
    ("Two bridges over the river will close for repairs until March. This was announced by the city's mayor "
     "Ihor Tkachuk.", "Two bridges over the river will close for repairs until March.", "Ihor Tkachuk"),
    ("Heating in the city will be restored by Friday.\n\nThis was stated by Deputy Minister Olena Kovalenko.",
     "Heating in the city will be restored by Friday.", "Olena Kovalenko"),
])
def test_this_was_announced_by_reports_the_sentence_before(analyze_text, text, content, speaker):
    """Ukrainian and Russian report order ("This was announced by X"): the content is the previous sentence."""
    article = analyze_text(text)
    assert [(q.text, speaker_name) for q in article.quotes
            for speaker_name in speakers_of(article, q.text)] == [(content, speaker)]


@pytest.mark.parametrize("text", [
    "The mayor resigned on Friday. This was a surprise to many residents.",
    "Prices rose in May. This means that wages fell.",
])
def test_a_demonstrative_that_is_no_passive_report_is_no_quote_of_the_sentence_before(analyze_text, text):
    assert not [q for q in analyze_text(text).quotes if q.text.startswith(text.split(".")[0])]


def test_this_keeps_its_own_content_when_the_sentence_before_is_already_a_quote(analyze_text):
    article = analyze_text("Air defence shot down 20 drones overnight, the air force said. "
                           "This was confirmed by spokesman Yuriy Ihnat.")
    assert len([q for q in article.quotes if "20 drones" in q.text]) == 1


@pytest.mark.parametrize("text, content, speaker", [
    ("Chile's foreign ministry spokesman said on Sunday that the border would stay open.\n\n"
     "Spokesman Pablo Araya later told reporters in Santiago that talks with Bolivia were continuing.",
     "the border would stay open", "Pablo Araya"),
    ("Korea's chief cabinet secretary said Seoul would protest the launch.\n\n"
     "Chief Cabinet Secretary Min Ho-jun also said the missile fell into the sea.",
     "Seoul would protest the launch", "Min Ho-jun"),
])
def test_a_definite_title_named_only_later_is_its_one_holder(analyze_text, text, content, speaker):
    """Role first, name later (news leads): the article's one holder of the title, named after the phrase."""
    assert speakers_of(analyze_text(text), content) == [speaker]


@pytest.mark.parametrize("text", [
    "The company's spokesman said the factory would close.\n\nLater, government spokesman Ana Ruiz said the state "
    "would help the workers.",
    "A spokesman said the factory would close.\n\nLater, spokesman Ana Ruiz said the state would help the workers.",
])
def test_a_title_named_later_needs_one_fitting_holder_and_a_definite_phrase(analyze_text, text):
    """Another institution's spokesman or an indefinite "a spokesman": nobody is chosen."""
    assert speakers_of(analyze_text(text), "the factory would close") == [None]


@pytest.mark.parametrize("text, content, speaker", [
    ("The federal government will build 300 new clinics next year. The Minister of Health, Grace Adeyemi, "
     "disclosed this on Monday in Abuja.", "The federal government will build 300 new clinics next year.",
     "Grace Adeyemi"),
    ("The state will recruit 5,000 teachers before the next session.\n\nGovernor Peter Obi said this on Tuesday "
     "while speaking to journalists in Awka.", "The state will recruit 5,000 teachers before the next session.",
     "Peter Obi"),
])
def test_a_speech_verb_with_this_as_object_reports_the_sentence_before(analyze_text, text, content, speaker):
    """Nigerian report order ("X disclosed this on Monday"): the content is the previous sentence."""
    article = analyze_text(text)
    assert [q.text for q in article.quotes] == [content]
    assert speakers_of(article, content) == [speaker]


@pytest.mark.parametrize("text", [
    "The team lost again. Nobody expected this.",
    "The Minister of Health, Grace Adeyemi, disclosed this while speaking in Abuja.",
])
def test_this_as_object_without_a_speech_verb_or_a_sentence_before_is_no_quote(analyze_text, text):
    assert analyze_text(text).quotes == []


def test_this_as_object_leaves_a_sentence_that_is_already_a_quote(analyze_text):
    article = analyze_text("Governor Peter Obi said the state would recruit 5,000 teachers. He said this on Tuesday.")
    assert len([q for q in article.quotes if "5,000 teachers" in q.text]) == 1


# ------------------------------------------------------------------ a name after a title the NER missed or mistyped
@pytest.mark.parametrize("text, content, speaker", [
    ("Mayor Obiageli Nwachukwu announced that the market would reopen on Monday.", "market would reopen",
     "Obiageli Nwachukwu"),
    ("Oman's Minister of Energy Salim Al-Aufi said the new pipeline would open in May.",
     "new pipeline would open", "Salim Al-Aufi"),
])
def test_a_name_after_a_title_is_the_speaker_when_the_ner_missed_it(analyze_text, text, content, speaker):
    """A title word, then two to four capitalised proper nouns ending the speaker phrase: the title's holder,
    a person, even when the entity recognizer saw no name (titled_names.py)."""
    article = analyze_text(text)
    assert speakers_of(article, content) == [speaker]
    person = next(a for a in article.actors if a.name == speaker)
    assert person.type == "PERSON"


def test_a_name_after_a_title_typed_as_a_body_is_the_speaker(analyze_text):
    """A name set off by commas after a title reads as its holder even when the NER typed it ORG."""
    article = analyze_text("The Governor of Kwara State, Abdulrahman Abdulrazaq, has promised to pay the new "
                           "minimum wage from January.")
    assert speakers_of(article, "pay the new minimum wage") == ["Abdulrahman Abdulrazaq"]


@pytest.mark.parametrize("text, content", [
    ("The Tulsa County Sheriff Office said the road would stay closed overnight.", "road would stay closed"),
    ("Minister of Finance said the budget would be tabled in March.", "budget would be tabled"),
])
def test_a_title_before_a_body_or_no_name_makes_no_person(analyze_text, text, content):
    """A capitalised run holding a body's word ("Sheriff Office"), or a title with no name after it, is no
    person: the rule makes no speaker of its own there."""
    article = analyze_text(text)
    made = {a.name for a in article.actors if a.type == "PERSON"}
    assert not made & {"County Sheriff Office", "Sheriff Office", "Finance"}


# ------------------------------------------------------------------ an agency relaying a named person's report
@pytest.mark.parametrize("text, content, speaker", [
    ("After talks that went on all night, Governor Ana Ruiz has claimed to have reached a deal with the striking "
     "miners, according to Xinhua.", "reached a deal with the striking miners", "Ana Ruiz"),
    ("On Tuesday, Defence Minister Shin Won-sik pledged a stern response to any provocation, according to Yonhap.",
     "a stern response to any provocation", "Shin Won-sik"),
])
def test_a_report_after_a_fronted_phrase_relayed_by_an_agency_is_the_persons(analyze_text, text, content, speaker):
    """"After ..., X has claimed ..., according to <agency>": the agency (a state agency too, sector GOV) relays
    X's report, which a fronted adverbial opens before X's name (passages._opens_content)."""
    assert speakers_of(analyze_text(text), content) == [speaker]


def test_a_report_relayed_according_to_a_ministry_stays_the_ministrys(analyze_text):
    """Only a news medium relays: "according to the ministry, X said" nests, as PolNeAR annotates it."""
    article = analyze_text("After the vote, Senator Ana Ruiz said the bill was dead, according to the Interior Ministry.")
    assert "Ana Ruiz" not in speakers_of(article, "the bill was dead")


# ------------------------------------------------------------------ "according to the broadcaster X,"
def test_a_name_set_right_after_an_according_to_noun_is_the_source(analyze_text):
    """"According to the broadcaster Telemundo, ...": the name closes the source phrase (a close apposition,
    no comma between), though the parser takes it for the clause's subject (attributions.apposed_name)."""
    article = analyze_text("According to the broadcaster Telemundo, the shelter had reached capacity by Sunday.")
    quotes = [(q.text, q.speaker_text) for q in article.quotes]
    assert quotes == [("the shelter had reached capacity by Sunday.", "the broadcaster Telemundo")]
    assert speakers_of(article, "reached capacity") == ["Telemundo"]


def test_a_name_after_the_comma_of_an_according_to_noun_stays_in_the_content(analyze_text):
    article = analyze_text("According to the agency, Chile has closed the mountain pass.")
    assert [q.text for q in article.quotes] == ["Chile has closed the mountain pass."]
