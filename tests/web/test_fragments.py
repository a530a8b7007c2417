"""The fragments drawn in Python (web/fragments.py) are byte for byte what the Jinja macros they replaced drew,
escaping included: each is compared with the macro's source, rendered by an autoescaping environment, over
ordinary, missing and hostile values (markup, quotes, ampersands in names, ids, labels and sentences)."""
from __future__ import annotations

import jinja2
import pytest

from newsgraph.web import charts, fragments, render

# The macros as templates/_macros.html defined them before they became Python functions.
MACROS = """
{% macro actor_link(id, name) -%}
<a class="actor-link" href="/actor/{{ id|urlencode }}">{{ name }}</a>
{%- endmacro %}
{% macro fact_link(kind, article_id, idx, label, cls="fact-link") -%}
<a class="{{ cls }}" href="/article/{{ article_id|urlencode }}#{{ fact_anchor(kind, idx) }}">{{ label }}</a>
{%- endmacro %}
{% macro confidence_label(record) -%}
{% set c = confidence_of(record) %}
{%- if is_low_confidence(record) %} <span class="conf-label" title="calibrated probability that this is right">low confidence {{ "%.2f"|format(c) }}</span>{% endif -%}
{%- endmacro %}
{% macro confidence_cell(record) -%}
{% set c = confidence_of(record) %}
{%- if c is none %}<span class="unknown" title="no confidence recorded for this fact">unknown</span>{% else %}{{ "%.2f"|format(c) }}{% endif -%}
{%- endmacro %}
{% macro etype(t) -%}
<span class="etype fam-{{ family_of(t) }}" title="{{ family_of(t)|replace('-', ' ') }}">{{ t }}</span>
{%- endmacro %}
{% macro event_item(e) -%}
<li class="event{% if is_low_confidence(e) %} low-conf{% endif %}"><div class="meta">{{ e.date or "undated" }} · {{ etype(e.type) }}{% if e.mode %} ({{ e.mode }}){% endif %}
    · {% if e.source %}{{ actor_link(e.source, e.source_name or e.source) }}{% else %}?{% endif %} → {% if e.target %}{{ actor_link(e.target, e.target_name or e.target) }}{% else %}?{% endif %}
    · {{ e.modality }} · {{ fact_link("event", e.article_id, e.idx, e.title or "article") }}{{ confidence_label(e) }}</div>
  {% set parts = sentence_parts(e.sentence, e.trigger, e.trigger_start, e.sentence_start) %}
  <p class="sentence">{{ parts[0] }}<mark class="trigger">{{ parts[1] }}</mark>{{ parts[2] }}</p></li>
{%- endmacro %}
"""
HOSTILE = '<script>alert("x")</script> & \'q\''


@pytest.fixture(scope="module")
def macros():
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.globals.update(sentence_parts=render.sentence_parts, fact_anchor=render.fact_anchor,
                       confidence_of=render.confidence_of, is_low_confidence=render.is_low_confidence,
                       family_of=charts.family_of)
    return env.from_string(MACROS).module


def _same(macros, name: str, *args: object) -> None:
    assert str(getattr(fragments, name)(*args)) == str(getattr(macros, name)(*args))


@pytest.mark.parametrize(("id_", "name"), [("a1b2", "Lena Ortiz"), ("x/y z?&#", HOSTILE), ("c:é", None)])
def test_actor_link(macros, id_, name):
    _same(macros, "actor_link", id_, name)


@pytest.mark.parametrize(("kind", "article_id", "idx", "label"), [("quote", "harbour-01", 3, "The title"),
                                                                 ("event", "a/b c#?&", 0, HOSTILE)])
def test_fact_link(macros, kind, article_id, idx, label):
    _same(macros, "fact_link", kind, article_id, idx, label)
    _same(macros, "fact_link", kind, article_id, idx, label, 'other" cls')


@pytest.mark.parametrize("event_type", ["ACCUSE", "AID", "NOT-A-TYPE", HOSTILE])
def test_etype(macros, event_type):
    _same(macros, "etype", event_type)


@pytest.mark.parametrize("confidence", [None, 0.0, 0.123, 0.5, 0.999, 1, "0.2"])
def test_confidence_label_and_cell(macros, confidence):
    _same(macros, "confidence_label", {"confidence": confidence})
    _same(macros, "confidence_cell", {"confidence": confidence})


def _event(**changes: object) -> dict[str, object]:
    sentence = "Karl Brandt accused the Harbour Council of waste."
    event = {"date": "2024-05-02", "type": "ACCUSE", "mode": None, "source": "p1", "source_name": "Karl Brandt",
             "target": "o1", "target_name": "Harbour Council", "modality": "asserted", "article_id": "harbour-02",
             "idx": 1, "title": "Ferry row", "sentence": sentence, "trigger": "accused", "trigger_start": 112,
             "sentence_start": 100, "confidence": 0.9}
    return {**event, **changes}


@pytest.mark.parametrize("changes", [
    {}, {"mode": "threaten", "confidence": 0.1}, {"date": None, "title": None, "source": None, "target_name": None},
    {"source_name": HOSTILE, "target": "x&y", "title": HOSTILE, "modality": "<b>", "mode": HOSTILE},
    {"sentence": HOSTILE, "trigger": "alert", "trigger_start": 0, "sentence_start": 0},
    {"trigger": "", "confidence": None}, {"trigger": "absent"}])
def test_event_item(macros, changes):
    _same(macros, "event_item", _event(**changes))
