"""Acronyms of organizations an article prints: in brackets in the organization's own language, with the
lowercase words of a transliterated name, without "of <Country>", and undefined ones whose initials spell one
organization of the article; plus job titles and honorifics before names, and demonyms alone for their country.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from newsgraph.resolve.organizations import acronym_definitions, initials_in_article


def _names_of(article, surface):
    names = {x.id: x.name for x in article.actors}
    return {names[m.actor] for m in article.mentions if m.text == surface}


@pytest.mark.parametrize("text, acronym, name", [
    # the acronym spells the name in the party's own language (Slovenska demokratska stranka)
    ("The opposition Slovenian Democratic Party (SDS) walked out of the chamber on Tuesday. SDS deputies said "
     "the budget was illegal.", "SDS", "Slovenian Democratic Party"),
])
def test_bracketed_acronym_defines_the_organization(analyze_text, text, acronym, name):
    a = analyze_text(text, "2024-05-02")
    assert _names_of(a, acronym) == {name}


def test_lowercase_words_of_a_transliterated_name_give_no_letter():
    assert acronym_definitions([("Jamiat Ulema-e-Islam", "JUI")]) == {"JUI": "Jamiat Ulema-e-Islam"}


@pytest.mark.parametrize("bracketed", ["UK", "US", "AP"])
def test_a_country_or_two_letters_in_brackets_define_nothing(bracketed):
    assert acronym_definitions([("Ministry of Defence", bracketed)]) == {}


def test_undefined_acronym_joins_the_one_name_its_initials_spell(analyze_text):
    a = analyze_text("South Africa's opposition United Democratic Movement criticised the new budget on Wednesday. "
                     "The UDM said pensioners would lose out.", "2024-09-12")
    assert _names_of(a, "UDM") == {"United Democratic Movement"}


def test_closing_of_country_is_no_letter_of_the_acronym():
    assert initials_in_article({"PRP"}, ["Progressive Reform Party of Suriname"]) == {
        "PRP": "Progressive Reform Party of Suriname"}


@pytest.mark.parametrize("acronym, names", [
    ("GDP", ["Georgian Dream Party"]),  # an English word in WordNet
    ("NDP", ["National Democratic Party", "New Democratic Party"]),  # two names spell it
    ("NDP", ["National Development Party of Growth"]),  # the initials do not spell it in order
])
def test_undefined_acronym_stays_apart(acronym, names):
    assert initials_in_article({acronym}, names) == {}


@pytest.mark.parametrize("text, name", [
    ("Constable Grace Wanjiru told the court that the suspect had fled on foot.", "Grace Wanjiru"),
    ("Councilman Derek Holloway said the library would reopen in March.", "Derek Holloway"),
    ("Crown Prince Salman bin Hamad met the visiting delegation in Manama.", "Salman bin Hamad"),
    ("Alhaji Musa Bello told reporters in Kano that the market would reopen.", "Musa Bello"),
])
def test_job_title_or_honorific_is_no_part_of_the_name(analyze_text, text, name):
    a = analyze_text(text, "2024-05-02")
    assert name in {x.name for x in a.actors if x.type == "PERSON"}
    assert not any(x.name.split()[0] in {"Constable", "Councilman", "Crown", "Alhaji"} for x in a.actors)


@pytest.mark.parametrize("text, demonym, iso3", [
    ("Maldivian President Ibrahim Solih flew to Colombo for talks on fisheries.", "Maldivian", "MDV"),
    ("Gabonese officials said the border post would reopen on Monday.", "Gabonese", "GAB"),
    ("Kazakh President Nursultan Nazarbayev opened the new airport.", "Kazakh", "KAZ"),
])
def test_demonym_alone_is_its_country(analyze_text, text, demonym, iso3):
    a = analyze_text(text, "2019-05-02")
    countries = {x.country for x in a.actors for m in a.mentions if m.actor == x.id and m.text == demonym
                 and x.type == "GPE"}
    assert countries == {iso3}


def test_name_before_a_table_acronym_in_brackets_is_the_table_organization(analyze_text):
    a = analyze_text("Troops clashed with the National Liberation Army (ELN) near the Venezuelan border. "
                     "The ELN said two of its fighters died.", "2025-02-03")
    assert _names_of(a, "National Liberation Army") == _names_of(a, "ELN") == {"National Liberation Army of Colombia"}


def test_a_name_with_other_words_is_not_the_table_organization_of_its_bracketed_acronym(analyze_text):
    a = analyze_text("The Armenian National Congress (ANC) boycotted the vote in Yerevan on Sunday.", "2025-02-03")
    assert "African National Congress" not in _names_of(a, "Armenian National Congress")
