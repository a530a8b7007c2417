"""`eval news`: the matching rules of score_news.py on made-up predictions, and agreement with that script.

The tiny set (tests/data/news_tiny: two sets, hand-written texts, gold in the news-dev format) is
scored both by `newsgraph.eval.news` and by ../shared/tools/news-score/score_news.py, which must
print the same figures.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsgraph.eval.news import (
    SHARED_FIGURES,
    find_sets,
    fold,
    form_occurrences,
    format_report,
    is_gold_actor,
    match_predictions,
    quote_key,
    run_news_eval,
    score_set,
)

TINY = Path(__file__).resolve().parents[1] / "data" / "news_tiny"
SCORE_NEWS = Path(__file__).resolve().parents[3] / "shared" / "tools" / "news-score" / "score_news.py"


def actor(id_: str, name: str, typ: str = "PERSON", country: str | None = None, aliases: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"id": id_, "name": name, "type": typ, "country": country, "aliases": list(aliases)}


def gold_row(**parts: Any) -> dict[str, Any]:
    return {"file": "a.txt", "speakers": [], "actors": [], "events": [], **parts}


# ------------------------------------------------------------------------------ folding and actor identity
def test_fold_drops_accents_quotes_case_and_spaces():
    assert fold("  Zourabichvíli’s  “Plan” ") == "zourabichvilis plan"


def test_quote_key_is_the_first_five_folded_words():
    assert quote_key("“We Will  protect the cod stocks together,") == "we will protect the cod"


def test_name_or_alias_matches_without_leading_the():
    assert is_gold_actor(actor("o", "The Fishery Council", "ORG", aliases=("FC",)), "the fishery council", typ="ORG")
    assert is_gold_actor(actor("o", "Fishery Council", "ORG", aliases=("FC",)), "FC", typ="ORG")


def test_country_matches_by_iso3_for_country_like_types():
    assert is_gold_actor(actor("c", "Norwegians", "NORP", "NOR"), "Norway", "NOR", "GPE")
    assert is_gold_actor(actor("c", "Oslo", "GPE", "NOR"), "Norway", "NOR", None)


def test_organization_of_a_country_is_not_the_country():
    assert not is_gold_actor(actor("o", "Norwegian Coast Guard", "ORG", "NOR"), "Norway", "NOR", "GPE")


def test_iso3_alone_does_not_match_a_gold_organization():
    assert not is_gold_actor(actor("c", "Norway", "GPE", "NOR"), "Norwegian Coast Guard", "NOR", "ORG")


@pytest.mark.parametrize("predicted, gold, same", [
    ("Jon Smith", "John Smith", True),        # difflib ratio >= 0.85
    ("J. Smith", "John Smith", True),         # same last word and first initial
    ("Mark Smith", "John Smith", False),      # another first initial
    ("Smith", "John Smith", False),           # one word is not enough for the initial rule
])
def test_close_person_names(predicted, gold, same):
    assert is_gold_actor(actor("p", predicted), gold, "GBR", "PERSON") is same


def test_person_rule_applies_when_only_the_gold_side_is_a_person():
    assert is_gold_actor(actor("o", "Jon Smith", "ORG"), "John Smith", None, "PERSON")


def test_no_actor_is_no_match():
    assert not is_gold_actor(None, "Norway", "NOR", "GPE")


# ------------------------------------------------------------------------------ where forms stand
def test_form_is_matched_as_a_whole_word():
    text = "The US and USB makers"
    mentions = [{"actor": "u", "start": 4, "end": 6}]
    assert form_occurrences("US", text, mentions, {"u": actor("u", "United States", "GPE", "USA")}) == [
        [actor("u", "United States", "GPE", "USA")]]


def test_form_absent_from_the_text_counts_once_with_no_actor():
    assert form_occurrences("Sweden", "Norway spoke.", [], {}) == [[]]


def test_a_mention_overlapping_part_of_a_form_covers_it():
    text = "Prime Minister Solberg spoke."
    got = form_occurrences("Minister Solberg", text, [{"actor": "p", "start": 15, "end": 22}], {"p": actor("p", "Ingrid Solberg")})
    assert got == [[actor("p", "Ingrid Solberg")]]


# ------------------------------------------------------------------------------ figures on made-up predictions
TEXT = "Norway and Oslo. Solberg said patrols start. Denmark said no."
ACTORS = [actor("nor", "Norway", "GPE", "NOR"), actor("osl", "Oslo", "GPE", "NOR"), actor("sol", "Ingrid Solberg", "PERSON", "NOR"),
          actor("dnk", "Denmark", "GPE", "DNK")]


def prediction(**parts: Any) -> dict[str, Any]:
    return {"source": "in/a.txt", "text": TEXT, "actors": ACTORS, "mentions": [], "quotes": [], "events": [], **parts}


def test_actor_forms_and_merge():
    gold = gold_row(actors=[{"name": "Norway", "type": "GPE", "iso3": "NOR", "forms": ["Norway", "Oslo"]},
                            {"name": "Sweden", "type": "GPE", "iso3": "SWE", "forms": ["Sweden"]}])
    mentions = [{"actor": "nor", "start": 0, "end": 6}, {"actor": "osl", "start": 11, "end": 15}]
    r = score_set([gold], {"a.txt": prediction(mentions=mentions)})
    assert (r["counts"]["forms_ok"], r["counts"]["forms"]) == (2, 3)  # Sweden never occurs: one miss
    assert (r["counts"]["merged"], r["counts"]["actors"]) == (0, 2)  # Norway's forms land on two actors
    assert r["misses"]["actor_forms"] == ["a.txt: 'Sweden' -> no mention (gold Sweden)"]


SPEAKERS = gold_row(speakers=[{"name": "Ingrid Solberg", "type": "PERSON", "country": "NOR", "direct": [],
                                "indirect": ["patrols start.", "boats will sail at dawn tomorrow"]},
                               {"name": "Denmark", "type": "GPE", "country": "DNK", "direct": ["no"], "indirect": []}])
QUOTES = [{"speaker": "sol", "text": "Patrols start. Boats will sail at dawn"}, {"speaker": "nor", "text": "no"},
          {"speaker": None, "text": "no"}]


def test_speaker_recall_needs_a_quote_given_to_the_speaker():
    r = score_set([SPEAKERS], {"a.txt": prediction(quotes=QUOTES)})
    assert r["figures"]["speaker_recall"] == 0.5  # Denmark's words went to Norway
    assert r["misses"]["speakers"] == ["a.txt: Denmark has no quote"]


def test_speaker_precision_counts_only_quotes_with_a_speaker():
    r = score_set([SPEAKERS], {"a.txt": prediction(quotes=QUOTES)})
    assert (r["counts"]["pred_quotes_ok"], r["counts"]["pred_quotes"]) == (1, 2)


def test_quote_recall_finds_an_openings_first_five_words_in_its_speakers_quote():
    r = score_set([SPEAKERS], {"a.txt": prediction(quotes=QUOTES)})
    assert (r["counts"]["qprefix_ok"], r["counts"]["qprefix"]) == (2, 3)  # Denmark's "no" is Norway's quote


EVENT_GOLD = gold_row(actors=[{"name": "Norway", "type": "GPE", "iso3": "NOR", "forms": []},
                              {"name": "Denmark", "type": "GPE", "iso3": "DNK", "forms": []}],
                      events=[{"source": "Norway", "target": "Denmark", "plover": "AGREE", "trigger": "signed"},
                              {"source": "Denmark", "target": "Norway", "plover": "ACCUSE", "trigger": "accused"},
                              {"source": "Norway", "target": "Denmark", "plover": "CONSULT", "trigger": "met"}])
EVENTS = [{"source": "osl", "target": "dnk", "type": "AID", "trigger": "met"},
          {"source": "nor", "target": "dnk", "type": "AGREE", "trigger": "signed"},
          {"source": "dnk", "target": None, "type": "ACCUSE", "trigger": "accused"}]


def test_event_recall_needs_the_dyad_and_the_type():
    r = score_set([EVENT_GOLD], {"a.txt": prediction(events=EVENTS)})
    # AGREE found; CONSULT has its dyad (Oslo stands for Norway by ISO3) with another type; ACCUSE lacks a target
    assert (r["counts"]["dyads_ok"], r["counts"]["events_ok"], r["counts"]["events"]) == (2, 1, 3)
    assert r["misses"]["events"][-1] == "a.txt: Norway -> Denmark CONSULT ('met'): dyad found as ['AGREE', 'AID']"


def test_share_of_predicted_events_with_both_actors():
    r = score_set([EVENT_GOLD], {"a.txt": prediction(events=EVENTS)})
    assert r["figures"]["event_both_actors"] == pytest.approx(2 / 3)


def test_missing_article_counts_every_gold_item_as_missed():
    gold = gold_row(actors=[{"name": "Norway", "type": "GPE", "iso3": "NOR", "forms": ["Norway"]}],
                    events=[{"source": "Norway", "target": "Norway", "plover": "AID", "trigger": "x"}])
    r = score_set([gold], {})
    assert r["missing"] == 1
    assert r["figures"]["actor_forms"] == 0.0 and r["figures"]["event_recall"] == 0.0
    assert r["figures"]["speaker_precision"] is None and r["figures"]["event_both_actors"] is None


def test_predictions_matched_by_file_name():
    by_name = match_predictions(["a.txt", "b.txt"], [{"source": "x/b.txt"}, {"source": "y/a.txt"}])
    assert by_name["a.txt"]["source"] == "y/a.txt"


def test_predictions_matched_by_position_when_names_collide():
    first, second = {"source": "<text>"}, {"source": "<text>"}
    by_order = match_predictions(["a.txt", "b.txt"], [first, second])
    assert by_order["a.txt"] is first and by_order["b.txt"] is second


def test_find_sets_names_the_folder_when_there_is_no_gold(tmp_path):
    with pytest.raises(FileNotFoundError, match="no gold.jsonl"):
        find_sets(tmp_path)
    assert [p.name for p in find_sets(TINY)] == ["alpha", "beta"]


def test_given_articles_are_scored_without_running_the_pipeline():
    articles = [{"source": "beta/01-prices.txt", "text": "Ana Costa", "actors": [actor("c", "Ana Costa")],
                 "mentions": [{"actor": "c", "start": 0, "end": 9}], "quotes": [], "events": []}]
    report = run_news_eval(str(TINY / "beta"), articles)
    (beta,) = report["sets"]
    assert (beta["counts"]["forms_ok"], beta["counts"]["forms"]) == (2, 4)  # "Costa" lies inside the mention
    assert "0.500 (2/4)" in format_report(report).splitlines()[2]


# ------------------------------------------------------------------------------ agreement with the shared script
def _script_figures(root: Path) -> dict[str, dict[str, str]]:
    """Run score_news.py on `root` with this environment's newsgraph; {set: {figure: printed value}}."""
    newsgraph = shutil.which("newsgraph", path=str(Path(sys.executable).parent))
    if newsgraph is None:
        pytest.skip(f"no newsgraph command beside {sys.executable}")
    out = subprocess.run([sys.executable, str(SCORE_NEWS), newsgraph, "--root", str(root)],
                         capture_output=True, text=True, timeout=600)
    sets = {}
    for line in out.stdout.splitlines():
        head, _, body = line.partition(": ")
        sets[head.removeprefix("news ")] = dict(part.split("=", 1) for part in body.split())
    assert sets, f"score_news.py printed no figures: {out.stderr[-400:]}"
    return sets


def test_figures_agree_with_score_news(tmp_path):
    if not SCORE_NEWS.exists():
        pytest.skip(f"{SCORE_NEWS} not found (../shared is absent)")
    root = tmp_path / "news_tiny"
    shutil.copytree(TINY, root)
    expected = _script_figures(root)
    report = run_news_eval(str(root))
    assert [s["set"] for s in report["sets"]] == sorted(expected)
    for s in report["sets"]:
        mine = {"articles": str(s["articles"]), "missing": str(s["missing"]),
                **{k: "n/a" if s["figures"][k] is None else f"{s['figures'][k]:.3f}" for k in SHARED_FIGURES}}
        assert mine == expected[s["set"]], s["set"]
    alpha = report["sets"][0]
    assert alpha["missing"] == 1  # 04 is an exact copy of 01: extract prints it once, as the CLI does
