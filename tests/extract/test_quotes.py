"""Quote attribution, one phenomenon at a time, on sentences written for these tests."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Doc

from newsgraph.extract.quotes import QuoteSettings, extract_quotes, looks_like_title, quoted_passages
from newsgraph.extract.quotes.index import ArticleIndex
from newsgraph.extract.quotes.lexicons import quote_lexicons
from newsgraph.extract.quotes.records import continued_quote, new_quote
from newsgraph.extract.quotes.speakers import cue_speaker
from newsgraph.model import Quote
from newsgraph.pipeline import annotate_mentions


def find(article, content_part: str):
    """The quote whose content contains `content_part` (exactly one)."""
    hits = [q for q in article.quotes if content_part in q.text]
    assert len(hits) == 1, f"{content_part!r} in {[q.text for q in article.quotes]}"
    return hits[0]


def speaker_name(article, quote) -> str | None:
    names = {a.id: a.name for a in article.actors}
    return names.get(quote.speaker)


# (text, content fragment, expected speaker_text, expected cue, expected kind)
CASES = [
    # direct quotes: straight and curly marks, speaker after, before, in the middle
    ('"The budget is balanced," Maria Lopez said on Monday.',
     "The budget is balanced", "Maria Lopez", "said", "direct"),
    ("Maria Lopez said: “The budget is balanced and the deficit is gone.”",
     "the deficit is gone", "Maria Lopez", "said", "direct"),
    ("“We will not raise taxes,” the governor told reporters.",
     "We will not raise taxes", "the governor", "told", "direct"),
    # split quote: one content from the first mark to the last
    ('"The talks went well," Ahmed Karimi said, "and we will meet again in May."',
     "we will meet again in May", "Ahmed Karimi", "said", "direct"),
    # a quote over several sentences
    ('Tom Becker said: "Prices are falling. Wages are rising. Families will feel it soon."',
     "Families will feel it soon", "Tom Becker", "said", "direct"),
    # indirect speech with speech and attitude verbs
    ("Senator Ellen Park warned that the bridge would close in winter.",
     "the bridge would close in winter", "Senator Ellen Park", "warned", "indirect"),
    ("The mayor insisted the plan was legal.", "the plan was legal", "The mayor", "insisted", "indirect"),
    ("Jacob Stein believes that the court will rule against the company.",
     "the court will rule against the company", "Jacob Stein", "believes", "indirect"),
    ("The union wants to reopen the negotiations.", "to reopen the negotiations", "The union", "wants",
     "indirect"),
    # according to X, as X pointed out, parenthetical cues
    ("According to Maria Lopez, the harbour will reopen next month.",
     "the harbour will reopen next month", "Maria Lopez", "According to", "indirect"),
    ("As Maria Lopez pointed out, the harbour has been closed for a year.",
     "the harbour has been closed for a year", "Maria Lopez", "pointed out", "indirect"),
    ("The harbour will reopen next month, Maria Lopez stressed.",
     "The harbour will reopen next month", "Maria Lopez", "stressed", "indirect"),
    # X's statement that ...
    ("Kofi Mensah's statement that the mine was safe angered the families.",
     "the mine was safe", "Kofi Mensah", "statement", "indirect"),
    # passive with an agent
    ("It was announced by the ministry that the border would reopen.",
     "the border would reopen", "the ministry", "announced", "indirect"),
    # mixed: paraphrase with a verbatim part
    ('Lena Vogel said the reform was "a disaster for small farms" and should be withdrawn.',
     "a disaster for small farms", "Lena Vogel", "said", "mixed"),
    # institution as speaker
    ("The Kremlin said that the talks had failed.", "the talks had failed", "The Kremlin", "said",
     "indirect"),
    # stance towards an object, naming verbs
    ("The senator criticized the new tariff plan.", "the new tariff plan", "The senator", "criticized",
     "indirect"),
    # adjectives of attitude
    ("Several governors are confident that the bill will pass.", "the bill will pass",
     "Several governors", "confident", "indirect"),
    # a verbatim part running on past the reported clause
    ('Ana Ruiz said that the plan was "a mistake. It will cost us dearly."',
     "It will cost us dearly", "Ana Ruiz", "said", "mixed"),
    # a passage introduced by any verb and a colon
    ('Ana Ruiz continued: "We will take this to the supreme court if we must."',
     "We will take this to the supreme court", "Ana Ruiz", "continued", "direct"),
    # headline and transcript style "Speaker: content"
    ("Maria Lopez: Harbour Will Reopen Next Month\n\nThe port authority met on Monday.",
     "Harbour Will Reopen Next Month", "Maria Lopez", ":", "indirect"),
]


@pytest.mark.parametrize("text,content,speaker,cue,kind", CASES, ids=[c[1][:30] for c in CASES])
def test_phenomenon(analyze_text, text, content, speaker, cue, kind):
    article = analyze_text(text)
    q = find(article, content)
    assert q.speaker_text == speaker
    assert q.cue == cue
    assert q.kind == kind
    assert text[q.start:q.end] == q.text
    if q.speaker_start is not None:
        assert text[q.speaker_start:q.speaker_end] == q.speaker_text
    if q.cue_start is not None:
        assert text[q.cue_start:q.cue_end] == q.cue


@pytest.mark.parametrize("text", [
    "The storm destroyed three bridges and the town lost power.",
    "Russia has invited foreign troops to its territory.",
    "Prices rose by four percent in March.",
])
def test_no_attribution_in_plain_narration(analyze_text, text):
    assert analyze_text(text).quotes == []


def test_split_quote_is_one_content(analyze_text):
    text = '"We are ready," Ahmed Karimi said, "and nobody will stop us."'
    (q,) = analyze_text(text).quotes
    assert q.text.startswith('"We are ready,"') and q.text.endswith('"and nobody will stop us."')


def test_cues_inside_a_quote_do_not_make_their_own_speaker(analyze_text):
    text = 'Ahmed Karimi said: "I think we can win. We know the voters want change."'
    article = analyze_text(text)
    assert len(article.quotes) == 1
    assert article.quotes[0].speaker_text == "Ahmed Karimi"


def test_coordinated_reports_of_two_speakers_stay_apart(analyze_text):
    text = ("Most farmers said the harvest was poor, and the minister said the state would help.")
    article = analyze_text(text)
    farmers = find(article, "the harvest was poor")
    minister = find(article, "the state would help")
    assert farmers is not minister
    assert "minister" not in farmers.text
    assert minister.speaker_text == "the minister"


def test_passage_after_a_quote_in_the_same_paragraph_runs_on(analyze_text):
    text = 'Ana Ruiz said the plan was dead. "We will not support it. Not now, not ever."'
    (q,) = analyze_text(text).quotes
    assert q.speaker_text == "Ana Ruiz" and q.text.endswith('not ever."')


def test_quote_over_paragraphs_and_floating_quote(analyze_text):
    text = ('"The first part of the plan is ready," Tom Becker said.\n\n'
            '"The second part will take another two years to finish."')
    article = analyze_text(text)
    q = find(article, "The second part will take")
    assert q.speaker_text == "Tom Becker" and q.kind == "direct"


def test_pronoun_speaker_resolves_to_earlier_person(analyze_text):
    text = ("Maria Lopez visited the harbour on Monday. She said that the repairs were finished.")
    article = analyze_text(text)
    q = find(article, "the repairs were finished")
    assert q.speaker_text == "She"
    assert speaker_name(article, q) == "Maria Lopez"


def test_title_speaker_resolves_to_the_titled_person(analyze_text):
    text = ("Harbour Commissioner Maria Lopez opened the new pier on Monday.\n\n"
            "According to the Harbour Commissioner, the pier will serve ten ships a day.")
    article = analyze_text(text)
    q = find(article, "the pier will serve ten ships a day")
    assert speaker_name(article, q) == "Maria Lopez"


def test_continuation_stays_with_the_speaker(analyze_text):
    text = ("According to Maria Lopez, the harbour will reopen next month.\n\n"
            "In addition, the ferry service will double its crossings.\n\n"
            "The weather in the region was mild last week.")
    article = analyze_text(text)
    q = find(article, "the ferry service will double")
    assert speaker_name(article, q) == "Maria Lopez"
    assert q.cue == "In addition"
    assert not [x for x in article.quotes if "weather" in x.text]


def test_new_paragraph_in_writers_voice_ends_the_passage(analyze_text):
    text = ("According to Maria Lopez, the harbour will reopen next month.\n\n"
            "The harbour was built in 1890.\n\n"
            "The ferry service will also double its crossings.")
    article = analyze_text(text)
    assert len(article.quotes) == 1


@pytest.mark.parametrize("text,spans", [
    ('a "b c" d "e"', ['"b c"', '"e"']),
    ("a “b c” d", ["“b c”"]),
    # a quote left open at a paragraph end continues when the next paragraph opens a quote
    ("“One two.\n\n“Three four.” five", ["“One two.\n\n“Three four.”"]),
    # ... and closes at the paragraph end otherwise
    ('x "open\n\nplain text', ['"open']),
])
def test_quoted_passages(text, spans):
    assert [text[a:b] for a, b in quoted_passages(text)] == spans


SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def test_seed_article_claims_go_to_rutte(seed_article):
    """Golden test: the seed article's claims by NATO's Secretary General (../shared)."""
    gold = json.loads((SHARED / "tools" / "seed-check" / "seed.json").read_text())
    names = {a.id: a.name for a in seed_article.actors}
    by_rutte = [q.text for q in seed_article.quotes if names.get(q.speaker) == "Mark Rutte"]
    hit = [k for k in gold["quotes_by_rutte"] if any(k in t for t in by_rutte)]
    assert len(hit) >= 8, hit
    wrong = [q for q in seed_article.quotes if names.get(q.speaker) in
             {"Vladimir Putin", "Russia", "North Korea", "China", "Ukraine"}]
    assert wrong == []


@pytest.mark.parametrize("text,content,absent", [
    # raising verbs: the subject is part of what is reported, and it is not the speaker
    ("The new harbour plan seems to favour the large shipping firms.",
     "The new harbour plan seems to favour the large shipping firms", "harbour plan"),
    # passives: "X is expected to ..."
    ("Most of the delegates are widely expected to back the proposal on Friday.",
     "Most of the delegates are widely expected to back the proposal", "delegates"),
])
def test_subject_of_a_raising_or_passive_cue_is_content_not_speaker(analyze_text, text, content, absent):
    article = analyze_text(text)
    q = find(article, content)
    assert q.speaker_text is None or absent not in q.speaker_text
    assert q.cue in ("seems", "are widely expected")


def test_trailing_apposition_is_the_writers_not_the_content(analyze_text):
    text = "Senator Ellen Park criticized Carl Berg, the former mayor of the harbour town."
    q = find(analyze_text(text), "Carl Berg")
    assert q.speaker_text == "Senator Ellen Park"
    assert "former mayor" not in q.text


def test_past_narration_after_a_claim_is_not_a_continuation(analyze_text):
    text = ("According to Maria Lopez, the harbour will reopen next month.\n\n"
            "The ferry company also bought two new boats in March.")
    article = analyze_text(text)
    assert not [q for q in article.quotes if "boats" in q.text]


def test_in_addition_to_is_not_a_continuation_marker(analyze_text):
    text = ("According to Maria Lopez, the harbour will reopen next month.\n\n"
            "In addition to the harbour, the city runs two airports.")
    assert not [q for q in analyze_text(text).quotes if "airports" in q.text]


def test_short_quote_right_after_its_cue(analyze_text):
    text = 'Asked whether she would run again, Maria Lopez shook her head and said, "No."'
    q = find(analyze_text(text), '"No."')
    assert q.speaker_text == "Maria Lopez" and q.kind == "direct"


def test_short_scare_quote_is_not_a_quote(analyze_text):
    text = 'The town calls the old pier "the wall" and tourists like it.'
    assert not [q for q in analyze_text(text).quotes if q.text == '"the wall"']


def test_quoted_title_is_not_a_floating_quote(analyze_text):
    text = ('"The harbour will reopen in May," Maria Lopez said.\n\n'
            'Lopez later appeared on “Good Morning Harbour City” to discuss the plan.')
    article = analyze_text(text)
    assert not [q for q in article.quotes if "Good Morning" in q.text]
    assert find(article, "The harbour will reopen").speaker_text == "Maria Lopez"


@pytest.mark.parametrize("passage, title", [
    ("“Guardians of the Galaxy,”", True), ("“Make America Great Again.”", True),
    ("''We're America.''", False), ("''Hopefully,''", False), ("“I Will Not Resign”", False),
])
def test_looks_like_title(passage, title):
    assert looks_like_title(passage, quote_lexicons()) is title


@pytest.mark.parametrize("text, content", [
    ('Senator Ellen Park called both ministers "reckless".', 'both ministers "reckless"'),
    ('Senator Ellen Park called the harbour plan "a costly mistake".', 'the harbour plan "a costly mistake"'),
])
def test_naming_verb_without_a_parsed_object(analyze_text, text, content):
    """"X called Y Z": the parser may tag both Y and Z as predicates, or fold Y into Z."""
    q = find(analyze_text(text), content.split()[-1].strip('"'))
    assert q.speaker_text == "Senator Ellen Park" and q.cue == "called"
    assert content.split()[0] in q.text


def test_speaker_next_to_the_verb_when_the_parse_gives_no_subject(nlp):
    """A parse that mislabels the name next to a speech verb ('"We won," Lopez said' with
    Lopez as a modifier) still gives the adjacent name as the speaker."""
    words = ["“", "We", "won", ",", "”", "Lopez", "said", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[False, True, False, False, True, True, False, False],
              heads=[6, 2, 6, 6, 6, 6, 6, 6], deps=["punct", "nsubj", "ccomp", "punct", "punct", "npadvmod", "ROOT", "punct"],
              pos=["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"],
              lemmas=["“", "we", "win", ",", "”", "Lopez", "say", "."])
    index = ArticleIndex.build(doc, [], {}, QuoteSettings())
    speaker = cue_speaker(index, doc[6])
    assert speaker is not None and speaker.head.text == "Lopez"
    assert cue_speaker(index, doc[2]) is not None  # "won" has its own subject


def test_coordinated_reports_of_one_speaker_are_two_quotes(analyze_text):
    """"X says A and says B": the parser hangs the second report inside A; it is B, by X."""
    text = ("Maria Lopez visited the port. She says the old pier was unsafe for years "
            "and says the city approved a new one in May.")
    article = analyze_text(text)
    first, second = find(article, "the old pier was unsafe"), find(article, "the city approved a new one")
    assert first is not second and "approved" not in first.text
    assert speaker_name(article, second) == "Maria Lopez"


def test_settings_change_the_output(nlp):
    """A threshold in QuoteSettings is the one the extractor reads: with no frame good enough,
    an indirect report is not a quote."""
    doc = nlp("The mayor insisted the plan was legal.")
    mentions, actors = annotate_mentions(doc)
    assert [q.text for q in extract_quotes(doc, mentions, actors)] == ["the plan was legal"]
    assert extract_quotes(doc, mentions, actors, settings=QuoteSettings(min_frame_score=1.1)) == []


def test_pronouns_resolve_to_actors_of_their_kind():
    """The speaker pronoun table derives from data/pronouns.tsv: people for he/she, groups for
    it/them, and either for a plural subject ("they said")."""
    table = quote_lexicons().pronoun_antecedents
    assert table["she"] == ("PERSON",) and table["him"] == ("PERSON",)
    assert "PERSON" not in table["it"] and "PERSON" not in table["them"]
    assert "PERSON" in table["they"] and "ORG" in table["they"]
    assert "his" not in table and "we" not in table


def test_relative_pronouns_and_personal_speakers():
    lex = quote_lexicons()
    assert lex.subject_relatives == {"who", "which", "that"}
    assert lex.nonrestrictive_relatives == {"who", "whom", "whose", "which"}
    assert lex.personal_speakers == {"i", "we", "you", "he", "she", "they", "who"}


def test_new_quote_slices_every_text_from_the_article():
    text = "Lopez: the pier is open."
    q = new_quote(text, content=(7, 24), kind="indirect", speaker="a1", speaker_span=(0, 5), cue_span=(5, 6))
    assert q == Quote("a1", "Lopez", 0, 5, ":", 5, 6, "the pier is open.", 7, 24, "indirect")


def test_continued_quote_keeps_the_speaker_and_takes_the_new_cue():
    text = "Lopez said the pier is open. Also the ferry runs."
    first = new_quote(text, content=(11, 28), kind="indirect", speaker="a1", speaker_span=(0, 5), cue_span=(6, 10))
    later = continued_quote(first, text, (29, 49), "indirect", cue_span=(29, 33))
    assert (later.speaker, later.speaker_text, later.cue, later.text) == ("a1", "Lopez", "Also", "Also the ferry runs.")
    assert continued_quote(first, text, (29, 49), "direct").cue is None


@pytest.mark.parametrize("text", [
    "The coalition found itself squeezed between its voters and its donors.",
    "After the vote the senator found himself isolated in his own caucus.",
])
def test_a_clause_about_the_subject_itself_is_no_report(analyze_text, text):
    """"found itself squeezed": the clause's subject is a reflexive, so the verb tells a state, not a report."""
    assert analyze_text(text).quotes == []


def test_a_found_clause_with_its_own_subject_stays_a_report(analyze_text):
    a = analyze_text("The inquiry found that the guards had fired first.")
    assert [q.text for q in a.quotes] == ["that the guards had fired first"]


@pytest.mark.parametrize("text", [
    "The union called off the strike on Friday after a late offer.",
    "Organisers called off the march towards the capital on Sunday.",
])
def test_a_particle_that_makes_a_verb_of_action_is_no_cue(analyze_text, text):
    assert analyze_text(text).quotes == []


def test_call_for_stays_a_cue(analyze_text):
    a = analyze_text("The union called for a new offer on Friday.")
    assert [q.text for q in a.quotes] == ["a new offer"]


@pytest.mark.parametrize("text", [
    "The mining company declined to comment on the spill.",
    "Alma Reyes refused to say how many workers had been laid off.",
])
def test_a_refusal_to_speak_is_no_quote(analyze_text, text):
    """"declined to comment", "refused to say": nothing was said, so nothing is quoted."""
    assert analyze_text(text).quotes == []


@pytest.mark.parametrize("text, content", [
    ("Alma Reyes does not believe the bridge will reopen this year.", "the bridge will reopen"),
    ("The union refused to accept the offer, its leader said.", "The union refused to accept the offer"),
])
def test_a_negated_belief_or_a_refused_act_stays_a_report(analyze_text, text, content):
    assert any(content in q.text for q in analyze_text(text).quotes)


@pytest.mark.parametrize("text", [
    "The lobbyists kept referring to them as unfair.",
    "Residents complained about it for weeks.",
])
def test_a_content_that_is_one_pronoun_is_no_quote(analyze_text, text):
    assert analyze_text(text).quotes == []


def test_a_clause_opened_by_an_adjunct_preposition_is_not_the_content(analyze_text):
    """"confirmed X after the paramilitary RSF declared Y": the parser takes "paramilitary" for the object
    of "after" and the next clause for what was confirmed; X is, and the clause is a report of its own."""
    article = analyze_text("Chad’s defence ministry acknowledged the loss of two border posts near Tine "
                           "after the rebel Front for Change (FACT) announced victory in the region.")
    assert [(q.cue, q.text) for q in article.quotes] == [
        ("acknowledged", "the loss of two border posts near Tine"),
        ("announced", "victory in the region")]


def test_a_that_clause_after_an_adjunct_is_still_the_content(analyze_text):
    article = analyze_text("The minister said after the meeting that the talks had failed.")
    assert [q.text for q in article.quotes] == ["that the talks had failed"]


@pytest.mark.parametrize("text, content", [
    ("The UN Security Council called for an immediate ceasefire in a statement issued on Friday.",
     "an immediate ceasefire"),
    ("Ana Ruiz rejected the changes in the statement.", "the changes in the statement"),
    ("Ana Ruiz said she was interested in a statement of principles.", "she was interested in a statement of principles"),
])
def test_the_medium_a_statement_was_made_in_is_not_its_content(analyze_text, text, content):
    """"called for X in a statement issued on Friday": the parser hangs the medium on X; it is where the
    words were said. A definite document or one a word governs ("interested in") stays."""
    assert [q.text for q in analyze_text(text).quotes] == [content]


@pytest.mark.parametrize("text, content", [
    ("Foreign ministry spokesperson Ana Ruiz told a weekly briefing that Lima wanted calm at the border.",
     "that Lima wanted calm at the border"),
    ("Spokesman Tomas Berg told a routine press briefing that Oslo opposed the new quotas.",
     "that Oslo opposed the new quotas"),
])
def test_a_that_clause_parsed_under_the_addressee_is_what_was_told(analyze_text, text, content):
    """The parser hangs the clause on the audience as a relative clause ("told a briefing | that ..."):
    opened by the complementizer with a subject of its own, it is the report (frames.verbs)."""
    assert [q.text for q in analyze_text(text).quotes] == [content]


@pytest.mark.parametrize("text, content, speaker", [
    ("Foreign Ministry spokesman Omar Haddad said at a weekly briefing that Amman rejects the new settlement plan.",
     "that Amman rejects the new settlement plan", "Omar Haddad"),
])
def test_a_that_clause_parsed_under_a_speech_verbs_setting_is_what_was_said(analyze_text, text, content, speaker):
    """"said at a weekly briefing | that ...": the parser hangs the clause on the briefing as a relative clause
    whose "that" is an object beside the clause's own object; it is the report, not the inner stance verb's."""
    article = analyze_text(text)
    names = {a.id: a.name for a in article.actors}
    assert [(q.text, names.get(q.speaker)) for q in article.quotes] == [(content, speaker)]


@pytest.mark.parametrize("text", [
    "She spoke at a briefing that lasted two hours.",
    "The envoy said little at a summit that ended early on Friday.",
])
def test_a_real_relative_clause_on_a_speech_verbs_setting_is_no_report(analyze_text, text):
    """A relative clause with a gap ("a briefing that lasted ...": "that" is its subject) stays the setting's."""
    assert [q.text for q in analyze_text(text).quotes if q.text.startswith("that")] == []


@pytest.mark.parametrize("text", [
    "She told the story that her father loved.",
    "He told a joke that everyone had heard before.",
])
def test_a_real_relative_clause_on_what_was_told_is_no_report(analyze_text, text):
    assert [q.text for q in analyze_text(text).quotes if q.text.startswith("that")] == []


def test_a_quotation_left_open_at_the_end_of_the_text_keeps_the_articles_quotes(analyze_text):
    """A last paragraph that opens a quotation and ends in a space (an excerpt cut mid-sentence) once made
    the floating-quote step fail on the empty token range of that space, and the article lost every quote."""
    article = analyze_text('Mayor Ines Kovac said on Friday that the bridge would reopen in spring.\n\n'
                           '"We will keep the detour open until the last inspection, because ')
    assert ("that the bridge would reopen in spring", "Mayor Ines Kovac") in \
        [(q.text, q.speaker_text) for q in article.quotes]
