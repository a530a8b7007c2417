"""Mentions → canonical actors: surnames, folded spellings, countries, demonyms, acronyms, stable ids."""
from __future__ import annotations

import pytest


def _actor_of(article, surface):
    ids = {m.actor for m in article.mentions if m.text == surface}
    assert ids, f"{surface!r} not found among {[m.text for m in article.mentions]}"
    assert len(ids) == 1, f"{surface!r} resolved to several actors"
    return next(iter(ids))


def _by_id(article):
    return {a.id: a for a in article.actors}


def test_seed_clusters(seed_article):
    a = seed_article
    rutte = _actor_of(a, "Mark Rutte")
    assert _actor_of(a, "Rütte") == rutte
    russia = _actor_of(a, "Russia")
    assert _actor_of(a, "Russian Federation") == russia
    korea = _actor_of(a, "North Korea")
    assert _actor_of(a, "DPRK") == korea
    putin, nato = _actor_of(a, "Vladimir Putin"), _actor_of(a, "NATO")
    assert _actor_of(a, "Putin") == putin
    assert len({rutte, putin, nato, russia, korea}) == 5
    actors = _by_id(a)
    assert (actors[russia].name, actors[russia].country) == ("Russia", "RUS")
    assert (actors[korea].name, actors[korea].country) == ("North Korea", "PRK")


@pytest.mark.parametrize("text, full, short", [
    ("Angela Merkel met reporters in Berlin. Merkel said little.", "Angela Merkel", "Merkel"),
    ("Prime Minister Kaja Kallas spoke first. Later, Kallas left for Tallinn.", "Kaja Kallas", "Kallas"),
    ("Viktor Orbán arrived on Monday. Orban then met the press.", "Viktor Orbán", "Orban"),
])
def test_surname_and_folded_spelling_link_to_full_name(analyze_text, text, full, short):
    article = analyze_text(text)
    assert _actor_of(article, short) == _actor_of(article, full)
    assert {m.how for m in article.mentions if m.text == short} == {"surname"}


def test_two_people_with_one_surname_take_the_nearest(analyze_text):
    article = analyze_text("Hillary Clinton spoke first. Clinton was brief. Then Bill Clinton spoke. Clinton was long.")
    mentions = [m for m in article.mentions if m.text == "Clinton"]
    names = _by_id(article)
    assert [names[m.actor].name for m in mentions] == ["Hillary Clinton", "Bill Clinton"]


@pytest.mark.parametrize("form, iso3", [
    ("the Russian Federation", "RUS"), ("the DPRK", "PRK"), ("the United States", "USA"),
    ("Britain", "GBR"),
])
def test_country_names_resolve_to_country_actor(analyze_text, form, iso3):
    article = analyze_text(f"Officials from {form} met on Monday.")
    countries = [a for a in article.actors if a.type == "GPE"]
    assert [a.country for a in countries] == [iso3]


@pytest.mark.parametrize("sentence, iso3", [
    ("North Korean soldiers arrived at the border.", "PRK"),
    ("Chinese diplomats arrived at the border.", "CHN"),
    ("The French minister arrived in the city.", "FRA"),
    ("Ukrainian troops held the line.", "UKR"),
])
def test_demonyms_resolve_to_country(analyze_text, sentence, iso3):
    article = analyze_text(sentence)
    demonyms = [m for m in article.mentions if m.how == "demonym"]
    assert demonyms, article.mentions
    assert _by_id(article)[demonyms[0].actor].country == iso3


def test_acronym_and_expansion_are_one_actor(analyze_text):
    article = analyze_text("The North Atlantic Treaty Organization met in Brussels. NATO leaders agreed to act.")
    assert _actor_of(article, "North Atlantic Treaty Organization") == _actor_of(article, "NATO")


def test_derived_acronym_without_table(analyze_text):
    article = analyze_text("The International Rescue Committee sent teams. The IRC said more help was needed.")
    assert _actor_of(article, "International Rescue Committee") == _actor_of(article, "IRC")


def test_organization_of_a_country_is_not_the_country(analyze_text):
    article = analyze_text("The Russian Defense Ministry said the strike hit a depot.")
    orgs = [a for a in article.actors if a.type == "ORG"]
    assert [(a.name, a.country) for a in orgs] == [("Ministry of Defence of Russia", "RUS")]
    by_id = _by_id(article)
    # the demonym alone names the country; the ministry's words are the ministry's
    assert {m.text for m in article.mentions if by_id[m.actor].type == "GPE"} == {"Russian"}


def test_lone_surname_mislabelled_as_place_links_to_person(analyze_text):
    article = analyze_text("President Yoon Suk Yeol met the minister in Seoul. Yoon said the talks went well.")
    yoon = _actor_of(article, "Yoon Suk Yeol")
    assert {m.actor for m in article.mentions if m.text == "Yoon"} == {yoon}


def test_ids_are_stable_across_articles(analyze_text):
    first = analyze_text("Mark Rutte met officials of the Russian Federation in Brussels.", "2024-01-01")
    second = analyze_text("Russia rejected the proposal. Rutte, who met Mark Rutte's staff, said nothing.", "2024-02-01")
    assert _actor_of(first, "Mark Rutte") == _actor_of(second, "Mark Rutte")
    assert _actor_of(first, "Russian Federation") == _actor_of(second, "Russia")


def test_lone_surname_of_an_office_holder_is_the_same_actor_across_articles(analyze_text):
    """An article that only says "Zelensky" and one that says "Volodymyr Zelensky" name one actor
    (the office holder of the project's actor table with that surname, at the article's date)."""
    short = analyze_text("Zelensky said the front line was holding.", "2024-11-06")
    full = analyze_text("Volodymyr Zelensky visited the front on Monday.", "2024-11-06")
    assert _actor_of(short, "Zelensky") == _actor_of(full, "Volodymyr Zelensky")
    actor = _by_id(short)[_actor_of(short, "Zelensky")]
    assert (actor.name, actor.country) == ("Volodymyr Zelensky", "UKR")


def test_lone_surname_of_an_undated_article_joins_the_current_office_holder(analyze_text):
    article = analyze_text("Zelensky said the front line was holding.", None)
    assert _by_id(article)[_actor_of(article, "Zelensky")].name == "Volodymyr Zelensky"


@pytest.mark.parametrize("text, date", [
    ("Smith said the plan would fail.", "2024-11-06"),            # nobody in the table
    ("Zelensky said the show would go on.", "1990-03-01"),        # long before any office he held
])
def test_lone_surname_stays_itself_without_an_office_holder(analyze_text, text, date):
    article = analyze_text(text, date)
    surname = text.split()[0]
    assert _by_id(article)[_actor_of(article, surname)].name == surname


@pytest.mark.parametrize("text, acronym, name", [
    ("Kenyan officers of the Multinational Security Support Mission patrolled the port on Friday. "
     "MSS said officers had stopped several attacks.", "MSS", "Multinational Security Support Mission"),
    ("China's Ministry of State Security warned of spies. The MSS said foreign agents had tried to recruit "
     "students.", "MSS", "Ministry of State Security"),
    ("Fighters of the Syrian National Army took the town. The SNA said it held the bridge.", "SNA",
     "Syrian National Army"),
])
def test_an_ambiguous_acronym_is_the_body_the_article_names_in_full(analyze_text, text, acronym, name):
    """The table lists an acronym several bodies share with a qualifier ("MSS Haiti", "MSS China"): a bare
    "MSS" is the one of them the article names in full."""
    article = analyze_text(text)
    assert _by_id(article)[_actor_of(article, acronym)].name == name


def test_an_ambiguous_acronym_alone_names_no_table_body(analyze_text):
    article = analyze_text("The MSS said officers had stopped several attacks.")
    assert _by_id(article)[_actor_of(article, "MSS")].name == "MSS"


@pytest.mark.parametrize("text, surface, name, type_", [
    # a several-word name of the organization table, whatever NER labels it
    ("Fighters of Hayat Tahrir al-Sham entered the town at dawn.", "Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham", "ORG"),
    # the exact name of a state labelled a region is the state
    ("Regional envoys urged South Sudan's leaders to agree on a date.", "South Sudan", "South Sudan", "GPE"),
])
def test_table_and_state_names_keep_their_kind(analyze_text, text, surface, name, type_):
    a = analyze_text(text, "2024-06-03")
    m = next(m for m in a.mentions if m.text == surface)
    got = next(x for x in a.actors if x.id == m.actor)
    assert (got.name, got.type) == (name, type_)


@pytest.mark.parametrize("text, acronym, name", [
    # initials in order, of a two-word name
    ("The Civic Alliance (CA) left the coalition on Friday. CA leaders said the budget was unfair.",
     "CA", "Civic Alliance"),
    # a name translated from another language: the same initials in another order
    ("Peru's National Jury of Elections (JNE) rejected the appeal. The JNE said its ruling was final.",
     "JNE", "National Jury of Elections"),
])
def test_acronym_defined_in_brackets_is_that_organization(analyze_text, text, acronym, name):
    a = analyze_text(text, "2024-06-03")
    names = {x.id: x.name for x in a.actors}
    found = {names[m.actor] for m in a.mentions if m.text == acronym}
    assert found and all(name in n for n in found), found


def test_initials_without_brackets_define_no_acronym(analyze_text):
    a = analyze_text("The Georgian Dream Party won the vote. GDP grew by three percent last year.", "2024-06-03")
    names = {x.id: x.name for x in a.actors}
    assert not any("Georgian" in names[m.actor] for m in a.mentions if m.text == "GDP")


def _actor_by_surface(article, surface):
    m = next(m for m in article.mentions if m.text == surface)
    return next(x for x in article.actors if x.id == m.actor)


@pytest.mark.parametrize("text, surface, country", [
    # a party name several countries' parties bear: the country the article names
    ("South Korea's main opposition Democratic Party won a landslide in Busan and Seoul.", "Democratic Party", "KOR"),
    ("New Zealand's opposition Labour Party accused the government of cutting school funding.", "Labour Party", "NZL"),
    # the table's party where the article names its country, or no country at all
    ("Chuck Schumer said the Republican Party had abandoned Kyiv.", "Republican Party", "USA"),
    ("The Democratic Party chose its candidate in Chicago on Thursday.", "Democratic Party", "USA"),
])
def test_shared_party_name_is_the_party_of_the_story_country(analyze_text, text, surface, country):
    assert _actor_by_surface(analyze_text(text, "2024-06-03"), surface).country == country


@pytest.mark.parametrize("text, surface, not_country", [
    # an English word that names only a small town ("Alliance", Ohio) gives no country to a name
    ("The United Democratic Alliance said it would back the president for a second term.",
     "United Democratic Alliance", "USA"),
    ("The Liberal Party lost seats in the capital.", "Liberal Party", "USA"),
])
def test_word_that_names_a_small_town_gives_no_country(analyze_text, text, surface, not_country):
    assert _actor_by_surface(analyze_text(text, "2024-06-03"), surface).country != not_country


@pytest.mark.parametrize("place, country", [("Gaza", "PSE"), ("West Bank", "PSE"), ("Darfur", "SDN"), ("Donbas", "UKR")])
def test_conflict_regions_lie_in_their_state(place, country):
    from newsgraph.resolve.places import place_country

    assert place_country(place) == country


def test_region_of_several_states_gives_no_country():
    from newsgraph.resolve.places import place_country

    assert place_country("Sahel") is None


@pytest.mark.parametrize("text, surface, name, country", [
    ("Zimbabwe's ruling ZANU-PF party said it would change the rules.", "ZANU-PF party", "ZANU-PF", "ZWE"),
    ("Leaders of Pakistan Tehreek-e-Insaf said the count had been rigged.", "Pakistan Tehreek-e-Insaf",
     "Pakistan Tehreek-e-Insaf", "PAK"),
    ("The Nepali Congress voted against the motion on Wednesday.", "Nepali Congress", "Nepali Congress", "NPL"),
])
def test_parties_of_the_table(analyze_text, text, surface, name, country):
    got = _actor_by_surface(analyze_text(text, "2024-06-03"), surface)
    assert (got.name, got.country) == (name, country)
