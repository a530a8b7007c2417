"""HTML fragments a page repeats for every row: actor and fact links, event type badges, confidence labels, events.

They were Jinja macros (templates/_macros.html). A macro call costs about ten times a Python
call, and the relation page draws some 1,200 of them (200 events and 200 quotes, each with two
or three links and labels): rendering it took 10 ms of CPU per request, as much as half of its
reads, under 20 concurrent clients (issue 19). Each function returns exactly what its macro
drew, each value escaped as autoescape escaped it (`markupsafe.escape`), and the
templates call them under the macros' names (`templating.make_templates` makes them globals).
"""
from __future__ import annotations

from typing import Any

from jinja2.filters import do_urlencode
from markupsafe import Markup, escape

from . import render
from .charts import family_of


def actor_link(id: Any, name: Any) -> Markup:  # noqa: A002 - the macro's parameter name
    """A link to the actor's page, showing `name`."""
    return Markup(f'<a class="actor-link" href="/actor/{escape(do_urlencode(id))}">{escape(name)}</a>')


def fact_link(kind: str, article_id: Any, idx: Any, label: Any, cls: str = "fact-link") -> Markup:
    """A link that opens the article at the fact: #q-3 (quote 3) or #e-5 (event 5)."""
    return Markup(f'<a class="{escape(cls)}" href="/article/{escape(do_urlencode(article_id))}'
                  f'#{escape(render.fact_anchor(kind, idx))}">{escape(label)}</a>')


def etype(t: Any) -> Markup:
    """An event type's badge, coloured by its PLOVER family."""
    family = family_of(t)
    return Markup(f'<span class="etype fam-{escape(family)}" title="{escape(family.replace("-", " "))}">{escape(t)}</span>')


def confidence_label(record: Any) -> Markup:
    """" low confidence 0.32" for a fact below the threshold; nothing for a known, sufficient or an unknown one."""
    c = render.confidence_of(record)
    if c is None or not render.is_low_confidence(record):
        return Markup("")
    return Markup(f' <span class="conf-label" title="calibrated probability that this is right">low confidence '
                  f'{c:.2f}</span>')


def confidence_cell(record: Any) -> Markup:
    """A fact's confidence for a table cell: 0.87, or `unknown` when none is recorded."""
    c = render.confidence_of(record)
    if c is None:
        return Markup('<span class="unknown" title="no confidence recorded for this fact">unknown</span>')
    return Markup(f"{c:.2f}")


def event_item(e: Any) -> Markup:
    """One event of a list (the relation page's, 50 each way): meta line (date, type, mode, source -> target, modality,
    link to the sentence in its article, low confidence) and its sentence with the trigger marked."""
    low = " low-conf" if render.is_low_confidence(e) else ""
    mode = f" ({escape(e['mode'])})" if e["mode"] else ""
    source = actor_link(e["source"], e["source_name"] or e["source"]) if e["source"] else "?"
    target = actor_link(e["target"], e["target_name"] or e["target"]) if e["target"] else "?"
    before, trigger, after = render.sentence_parts(e["sentence"], e["trigger"], e["trigger_start"], e["sentence_start"])
    return Markup(f'<li class="event{low}"><div class="meta">{escape(e["date"] or "undated")} · {etype(e["type"])}{mode}\n'
                  f'    · {source} → {target}\n'
                  f'    · {escape(e["modality"])} · {fact_link("event", e["article_id"], e["idx"], e["title"] or "article")}'
                  f'{confidence_label(e)}</div>\n  \n'
                  f'  <p class="sentence">{escape(before)}<mark class="trigger">{escape(trigger)}</mark>{escape(after)}</p></li>')


GLOBALS = {"actor_link": actor_link, "fact_link": fact_link, "etype": etype, "confidence_label": confidence_label,
           "confidence_cell": confidence_cell, "event_item": event_item}
