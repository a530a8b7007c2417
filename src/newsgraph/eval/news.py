"""Scoring on hand-annotated real news: the figures of `../shared/tools/news-score/score_news.py`.

The news development set (`news-dev/world/`, `news-dev/story/`) holds one `gold.jsonl` row per
text file: `speakers` (name, type, country, `direct` and `indirect` quote openings), `actors`
(name, type, iso3 and every surface `forms` in the text) and `events` (source and target actor
names, PLOVER type). This module computes, per set, exactly what the shared script computes, so
the figures agree with it to the last digit; the rules below are that script's, restated:

- an actor *stands for* a gold actor (`is_gold_actor`) when a folded name or alias equals the
  gold name (accents, quotation marks, case and a leading "the" dropped); or, for a country
  (gold type GPE or none), the predicted actor is a GPE/COUNTRY/NORP/LOC (or untyped) with the
  gold ISO3; or, when either side is a PERSON, the predicted name is close to the gold name
  (difflib ratio >= 0.85, or same last word and same first initial, both names of 2+ words);
- actor forms: each place a gold form stands in the text (whole-word, case-sensitive; a form
  that never occurs counts once, as a miss) is covered by a mention of an actor standing for
  the gold actor;
- actor merge: gold actors whose right forms all land on exactly one predicted actor;
- speaker recall: gold speakers with at least one predicted quote whose speaker stands for them
  (for a GPE speaker its country is the ISO3 to match);
- speaker precision: predicted quotes with a speaker whose speaker stands for some gold speaker
  of the article;
- attributed-quote recall: gold direct and indirect openings whose first five folded words lie
  inside the folded text of a quote given to that speaker;
- event recall: gold events for which a predicted event has a source and a target standing for
  the gold ones and the gold PLOVER type; dyad recall: the same without the type.

One figure the shared script does not compute, asked for by the events work: the share of
predicted events that carry both a source and a target (`event_both_actors`).

Predictions are the JSON contract of `newsgraph extract --format jsonl`, matched to gold rows by
the file name of their `source` (by position when names do not identify them and the counts
agree); `run_news_eval` runs that extraction in-process unless it is given the articles.
"""
from __future__ import annotations

import difflib
import json
import re
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..ingest import extract

GOLD_FILE = "gold.jsonl"
PERSON_NAME_RATIO = 0.85  # score_news.py: difflib ratio from which two person names are the same person
QUOTE_KEY_WORDS = 5  # score_news.py: a gold opening is found by its first five folded words
COUNTRY_TYPES = ("GPE", "COUNTRY", "NORP", "LOC", "")  # predicted types that may stand for a gold country
FIGURES = ("actor_forms", "actor_merge", "speaker_recall", "speaker_precision", "quote_recall",
           "event_recall", "dyad_recall", "event_both_actors")
SHARED_FIGURES = FIGURES[:-1]  # the ones score_news.py prints; the last is this module's own
# figure -> (numerator count, denominator count)
RATIOS = {"actor_forms": ("forms_ok", "forms"), "actor_merge": ("merged", "actors"),
          "speaker_recall": ("speakers_ok", "speakers"), "speaker_precision": ("pred_quotes_ok", "pred_quotes"),
          "quote_recall": ("qprefix_ok", "qprefix"), "event_recall": ("events_ok", "events"),
          "dyad_recall": ("dyads_ok", "events"), "event_both_actors": ("pred_events_both", "pred_events")}
MISS_KINDS = ("actor_forms", "actor_merge", "speakers", "speaker_precision", "quotes", "events", "event_both_actors")

_QUOTE_CHARS = re.compile(r"[\u2018\u2019\u201c\u201d\"'`]")
_SPACES = re.compile(r"\s+")

Prediction = dict[str, Any]
Actors = dict[Any, Prediction]  # by actor id; a missing or null id looks up nothing, as in the script


# ------------------------------------------------------------------------------ matching rules
def fold(text: str | None) -> str:
    """Accents, quotation marks, case and extra spaces dropped (score_news.py `fold`)."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _QUOTE_CHARS.sub("", text)
    return _SPACES.sub(" ", text).strip().lower()


def strip_the(name: str) -> str:
    """A folded name without a leading "the "."""
    return name[4:] if name.startswith("the ") else name


def actor_names(actor: Prediction) -> set[str]:
    """The folded name and aliases of a predicted actor, without a leading "the"."""
    names = [actor.get("name", "")] + list(actor.get("aliases") or [])
    return {strip_the(fold(n)) for n in names if n}


def _close_person_names(predicted: str, gold: str) -> bool:
    """Same person by spelling: near-identical, or same last word and first initial (2+ words each)."""
    if difflib.SequenceMatcher(None, predicted, gold).ratio() >= PERSON_NAME_RATIO:
        return True
    p, g = predicted.split(), gold.split()
    return p[-1:] == g[-1:] and len(p) > 1 and len(g) > 1 and p[0][0] == g[0][0]


def is_gold_actor(actor: Prediction | None, name: str, iso3: str | None = None, typ: str | None = None) -> bool:
    """Does a predicted actor stand for the gold actor `name` (of ISO3 `iso3`, type `typ`)? See the module docstring."""
    if not actor:
        return False
    gold = strip_the(fold(name))
    if gold in actor_names(actor):
        return True
    predicted_type = (actor.get("type") or "").upper()
    if iso3 and typ in ("GPE", None) and actor.get("country") == iso3 and predicted_type in COUNTRY_TYPES:
        return True
    if typ == "PERSON" or predicted_type == "PERSON":
        predicted = strip_the(fold(actor.get("name", "")))
        return bool(predicted) and _close_person_names(predicted, gold)
    return False


def speaker_iso3(speaker: dict[str, Any]) -> str | None:
    """A gold speaker's country counts as its ISO3 only when the speaker is a country (GPE)."""
    return speaker.get("country") if speaker.get("type") == "GPE" else None


def quote_key(opening: str) -> str:
    """The first five folded words of a gold quote opening."""
    return " ".join(fold(opening).split()[:QUOTE_KEY_WORDS])


def form_occurrences(form: str, text: str, mentions: list[Prediction],
                     actors: Actors) -> list[list[Prediction | None]]:
    """Each place `form` stands in `text` (whole word), with the actors of the mentions overlapping it.

    A form that never occurs gives one place with no actor, so it counts as one miss.
    """
    spots = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text)]
    return [[actors.get(m.get("actor")) for m in mentions
             if (m.get("start") or 0) < i + len(form) and (m.get("end") or 0) > i] for i in spots] or [[]]


# ------------------------------------------------------------------------------ scoring
@dataclass
class Tally:
    """Counts of one set, and a line per miss by kind (see MISS_KINDS)."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        [n for pair in RATIOS.values() for n in pair] + ["missing"], 0))
    misses: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in MISS_KINDS})

    def add(self, name: str, value: bool | int = 1) -> None:
        self.counts[name] += int(value)

    def miss(self, kind: str, line: str) -> None:
        self.misses[kind].append(line)


def _name(actor: Prediction | None) -> str | None:
    return actor.get("name") if actor else None


def _score_actors(gold: dict[str, Any], text: str, mentions: list[Prediction], actors: Actors,
                  tally: Tally) -> None:
    file = gold["file"]
    for ga in gold.get("actors", []):
        tally.add("actors")
        landed: dict[Any, str | None] = {}
        for form in ga.get("forms", []):
            for got in form_occurrences(form, text, mentions, actors):
                right = [a for a in got if is_gold_actor(a, ga["name"], ga.get("iso3"), ga.get("type"))]
                tally.add("forms")
                tally.add("forms_ok", bool(right))
                landed.update((a.get("id"), _name(a)) for a in right if a)
                if not right:
                    tally.miss("actor_forms", f"{file}: {form!r} -> {[_name(a) for a in got] or 'no mention'} "
                                              f"(gold {ga['name']})")
        tally.add("merged", len(landed) == 1)
        if len(landed) != 1:
            tally.miss("actor_merge", f"{file}: {ga['name']}: right forms on {len(landed)} predicted actors "
                                      f"{sorted(str(n) for n in landed.values())}")


def _score_quotes(gold: dict[str, Any], quotes: list[Prediction], actors: Actors, tally: Tally) -> None:
    file = gold["file"]
    gold_speakers = gold.get("speakers", [])
    for q in quotes:
        if not q.get("speaker"):
            continue
        speaker = actors.get(q["speaker"])
        ok = any(is_gold_actor(speaker, s["name"], speaker_iso3(s), s.get("type")) for s in gold_speakers)
        tally.add("pred_quotes")
        tally.add("pred_quotes_ok", ok)
        if not ok:
            tally.miss("speaker_precision", f"{file}: {str(q.get('text', ''))[:60]!r} given to {_name(speaker)}")
    for s in gold_speakers:
        mine = [q for q in quotes
                if is_gold_actor(actors.get(q.get("speaker")), s["name"], speaker_iso3(s), s.get("type"))]
        tally.add("speakers")
        tally.add("speakers_ok", bool(mine))
        if not mine:
            tally.miss("speakers", f"{file}: {s['name']} has no quote")
        for opening in s.get("direct", []) + s.get("indirect", []):
            key = quote_key(opening)
            ok = any(key in fold(q.get("text", "")) for q in mine)
            tally.add("qprefix")
            tally.add("qprefix_ok", ok)
            if not ok:
                tally.miss("quotes", f"{file}: quote {opening!r} by {s['name']} not found")


def _score_events(gold: dict[str, Any], events: list[Prediction], actors: Actors, tally: Tally) -> None:
    file = gold["file"]
    known = {ga["name"]: (ga.get("iso3"), ga.get("type")) for ga in gold.get("actors", [])}

    def side(actor_id: Any, name: str) -> bool:
        return is_gold_actor(actors.get(actor_id), name, *known.get(name, (None, None)))

    for ge in gold.get("events", []):
        dyad = [e for e in events if side(e.get("source"), ge["source"]) and side(e.get("target"), ge["target"])]
        typed = any(e.get("type") == ge["plover"] for e in dyad)
        tally.add("events")
        tally.add("dyads_ok", bool(dyad))
        tally.add("events_ok", typed)
        if not typed:
            found = f"dyad found as {sorted({str(e.get('type')) for e in dyad})}" if dyad else "no dyad"
            tally.miss("events", f"{file}: {ge['source']} -> {ge['target']} {ge['plover']} "
                                 f"({ge.get('trigger')!r}): {found}")
    for e in events:
        both = bool(e.get("source")) and bool(e.get("target"))
        tally.add("pred_events")
        tally.add("pred_events_both", both)
        if not both:
            tally.miss("event_both_actors", f"{file}: {e.get('type')} {e.get('trigger')!r}: source "
                                            f"{_name(actors.get(e.get('source')))}, target {_name(actors.get(e.get('target')))}")


def score_article(gold: dict[str, Any], predicted: Prediction | None, tally: Tally) -> None:
    """Add one gold row and its prediction (None: the article is missing) to the tally."""
    if predicted is None:
        tally.add("missing")
        predicted = {}
    actors = {a.get("id"): a for a in predicted.get("actors", [])}
    _score_actors(gold, predicted.get("text", ""), predicted.get("mentions", []), actors, tally)
    _score_quotes(gold, predicted.get("quotes", []), actors, tally)
    _score_events(gold, predicted.get("events", []), actors, tally)


def figures(counts: dict[str, int]) -> dict[str, float | None]:
    """Every figure from the counts; None where its denominator is 0 (the script prints n/a)."""
    return {name: (counts[num] / counts[den] if counts[den] else None) for name, (num, den) in RATIOS.items()}


def score_set(gold: list[dict[str, Any]], predicted: dict[str, Prediction]) -> dict[str, Any]:
    """Score one set: gold rows against predictions keyed by file name. Pure: no parsing, no I/O."""
    tally = Tally()
    for row in gold:
        score_article(row, predicted.get(row["file"]), tally)
    return {"articles": len(gold), "missing": tally.counts["missing"], "figures": figures(tally.counts),
            "counts": tally.counts, "misses": tally.misses}


# ------------------------------------------------------------------------------ reading and running
def find_sets(folder_or_root: str | Path) -> list[Path]:
    """The set folders: the folder itself when it holds gold.jsonl, else its sub-folders that do (sorted)."""
    root = Path(folder_or_root)
    if (root / GOLD_FILE).is_file():
        return [root]
    sets = sorted(d for d in root.iterdir() if (d / GOLD_FILE).is_file()) if root.is_dir() else []
    if not sets:
        raise FileNotFoundError(f"{root}: no {GOLD_FILE} here or in a sub-folder; pass a news-dev set folder "
                                f"(e.g. ../shared/eval-data/news-dev/world) or the folder holding the sets")
    return sets


def read_gold(folder: Path) -> list[dict[str, Any]]:
    """The gold rows of one set, in file order."""
    lines = (folder / GOLD_FILE).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def match_predictions(files: list[str], articles: list[Prediction]) -> dict[str, Prediction]:
    """Predictions keyed by the file name of their `source`; by position when names collide or are absent
    and there is one article per file (score_news.py `extract`)."""
    by_name: dict[str, Prediction] = {}
    for article in articles:
        name = Path(str(article.get("source") or "")).name
        if name:
            by_name[name] = article
    if len(by_name) < len(articles) and len(articles) == len(files):
        by_name = dict(zip(files, articles, strict=True))
    return by_name


def extract_set(paths: Iterable[Path]) -> tuple[list[Prediction], list[str]]:
    """Run the pipeline as `newsgraph extract PATHS --format jsonl` does: JSON objects, and input errors."""
    errors: list[InputError] = []
    articles = [json.loads(json.dumps(a.to_dict(), ensure_ascii=False))
                for a in extract([str(p) for p in paths], on_error=errors.append)]
    return articles, [str(e) for e in errors]


HELDOUT_EVERY = 5  # every fifth excerpt of a set (file order) is held out: its errors are never read


def split_gold(gold: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(dev rows, held-out rows): every fifth row is held out. Misses are listed for dev rows only, so
    the rules are never read against the held-out part; its figure is reported beside the dev figure."""
    heldout = [row for i, row in enumerate(gold) if i % HELDOUT_EVERY == HELDOUT_EVERY - 1]
    dev = [row for i, row in enumerate(gold) if i % HELDOUT_EVERY != HELDOUT_EVERY - 1]
    return dev, heldout


def run_news_eval(folder_or_root: str, articles: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Score every set under `folder_or_root` (a set folder, or a folder of sets such as news-dev/).

    With `articles` (JSON-contract objects, e.g. read from a saved `newsgraph extract` output) they
    are matched to each set's files by file name; without, the pipeline runs on each set's files.
    """
    sets = []
    for folder in find_sets(folder_or_root):
        gold = read_gold(folder)
        files = [row["file"] for row in gold]
        started = time.perf_counter()
        predicted, errors = (articles, []) if articles is not None else extract_set(folder / f for f in files)
        matched = match_predictions(files, predicted)
        result = score_set(gold, matched)
        dev, heldout = split_gold(gold)
        dev_result, heldout_result = score_set(dev, matched), score_set(heldout, matched)
        result["misses"] = dev_result["misses"]  # never list the held-out part's errors
        sets.append({"set": folder.name, "folder": str(folder), **result, "errors": errors,
                     "dev_figures": dev_result["figures"], "heldout_figures": heldout_result["figures"],
                     "heldout_files": [row["file"] for row in heldout],
                     "seconds": round(time.perf_counter() - started, 1)})
    return {"root": str(folder_or_root), "sets": sets}


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def format_report(report: dict[str, Any], misses: bool = False) -> str:
    """A plain-text table of a `run_news_eval` result, one column per set; with `misses`, every miss by kind."""
    sets = report["sets"]
    width = max([len(s["set"]) for s in sets] + [6])
    lines = [f"news-dev {report['root']}: " + ", ".join(f"{s['set']} {s['articles']} article(s)"
                                                        + (f" ({s['missing']} missing)" if s["missing"] else "")
                                                        for s in sets)]
    lines.append(f"{'figure':<20}" + "".join(f" {s['set']:>{width}}" + " " * 13 for s in sets))
    for name in FIGURES:
        num, den = RATIOS[name]
        cells = "".join(f" {_fmt(s['figures'][name]):>{width}} {'(' + str(s['counts'][num]) + '/' + str(s['counts'][den]) + ')':<12}"
                        for s in sets)
        lines.append(f"{name:<20}{cells}")
    for s in sets:
        for part, key in (("dev part", "dev_figures"), (f"held-out part ({len(s['heldout_files'])} files)", "heldout_figures")):
            lines.append(f"{s['set']} {part}: " + "  ".join(f"{name} {_fmt(s[key][name])}" for name in FIGURES))
    for s in sets:
        lines.extend(f"{s['set']}: input error: {e}" for e in s["errors"])
        if misses:
            for kind, items in s["misses"].items():
                if items:
                    lines.append(f"{s['set']}: {len(items)} misses, {kind} (dev part only)")
                    lines.extend(f"  {item}" for item in items)
    return "\n".join(lines)
