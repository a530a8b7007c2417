"""`newsgraph eval quotes|events|actors|news`: scores on public gold data (README, "Accuracy").

Thin faces over `eval.polnear` (quote attribution), `eval.plover` and `eval.conflibert` (event
coding), `eval.actors` (actor resolution) and `eval.news` (hand-annotated real news); the
scorers read the gold files and do the work.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..eval import actors as actor_eval
from ..eval import claims as claims_eval
from ..eval import conflibert as conflibert_eval
from ..eval import news as news_eval
from ..eval import plover as plover_eval
from ..eval import polnear as polnear_eval
from .options import EvalFormatOption
from .output import Format, fail, out


def eval_quotes(polnear: Annotated[str, typer.Option("--polnear", help="PolNeAR root (holding data/) or a split folder.")],
                split: Annotated[str, typer.Option("--split", help="train, dev or test.")] = "dev",
                limit: Annotated[Optional[int], typer.Option("--limit", help="Score only the first N articles.")] = None,
                baseline: Annotated[bool, typer.Option("--baseline/--no-baseline", help="Also score textacy's direct_quotations.")] = True,
                format: EvalFormatOption = Format.table) -> None:
    """Score quote attribution against PolNeAR (content P/R/F1, speaker accuracy, textacy baseline)."""
    try:
        report = polnear_eval.run_quote_eval(polnear, split, limit, baseline=baseline)
    except FileNotFoundError as exc:
        fail(exc)
    if format == Format.jsonl:
        print(json.dumps(report))
    else:
        print(polnear_eval.format_report(report))


def eval_events(plover: Annotated[Optional[str], typer.Option("--plover", help="PLOVER GSR JSON file (e.g. PLOVER_GSR_dev.json).")] = None,
                petrarch: Annotated[Optional[str], typer.Option("--petrarch", help="PETRARCH-2 validation XML (PETR2_GSR_validation.xml).")] = None,
                conflibert: Annotated[Optional[str], typer.Option("--conflibert", help="ConfliBERT CAMEO folder (conflibert-cameo/, PentaClass + source/target tags).")] = None,
                limit: Annotated[Optional[int], typer.Option("--limit", help="Score only the first N records.")] = None,
                format: EvalFormatOption = Format.table) -> None:
    """Score PLOVER event coding: type accuracy, macro-F1, source/target ISO3 accuracy."""
    if not plover and not petrarch and not conflibert:
        fail(ValueError("give --plover FILE, --petrarch FILE and/or --conflibert DIR"))
    reports = []
    try:
        if plover:
            reports.append((plover_eval.run_event_eval(plover, limit), plover_eval.format_report))
        if petrarch:
            reports.append((plover_eval.run_petrarch_eval(petrarch, limit), plover_eval.format_report))
        if conflibert:
            reports.append((conflibert_eval.run(conflibert, limit), conflibert_eval.format_report))
    except FileNotFoundError as exc:
        fail(exc)
    for report, formatter in reports:
        if format == Format.jsonl:
            print(json.dumps({k: v for k, v in report.items() if k != "records"}))
        else:
            print(formatter(report))


def eval_actors(ngec: Annotated[Optional[str], typer.Option("--ngec", help="NGEC actor_resolution_*.tsv")] = None,
                gum: Annotated[Optional[str], typer.Option("--gum", help="GUM folder (holding coref/gum/tsv).")] = None,
                dictionary: Annotated[Optional[list[str]], typer.Option("--dictionary", help="Also score after importing this user dictionary (repeatable).")] = None,
                limit: Annotated[Optional[int], typer.Option("--limit", help="GUM: score only the first N documents.")] = None,
                failures: Annotated[bool, typer.Option("--failures/--no-failures", help="List NGEC failures.")] = False,
                format: EvalFormatOption = Format.table) -> None:
    """Score actor resolution: NGEC country/sector accuracy and none-precision; GUM B3 vs spaCy-NER-only."""
    if not ngec and not gum:
        fail(ValueError("give --ngec FILE and/or --gum FOLDER"))
    try:
        reports = actor_eval.run_actor_eval(ngec, gum, dictionary or [], limit)
    except FileNotFoundError as exc:
        fail(exc)
    for r in reports:
        if format is Format.jsonl:
            print(json.dumps({k: v for k, v in r.items() if failures or k != "failures"}, ensure_ascii=False))
        else:
            out.print(actor_eval.format_report(r, failures), markup=False, highlight=False)


def eval_news(folder: Annotated[str, typer.Argument(help="A news-dev set folder (holding gold.jsonl) or the folder of sets.")],
              misses: Annotated[bool, typer.Option("--misses/--no-misses", help="List every miss by kind (dev part only).")] = False,
              format: EvalFormatOption = Format.table) -> None:
    """Score actors, speakers, quotes and events on hand-annotated real news (the figures of score_news.py)."""
    try:
        report = news_eval.run_news_eval(folder)
    except FileNotFoundError as exc:
        fail(exc)
    if format is Format.jsonl:
        for s in report["sets"]:
            print(json.dumps(s if misses else {k: v for k, v in s.items() if k != "misses"}, ensure_ascii=False))
    else:
        out.print(news_eval.format_report(report, misses), markup=False, highlight=False)


def eval_claims(folder: Annotated[str, typer.Argument(help="A claim set folder (holding gold.jsonl with claim ids per file), e.g. news-dev/story.")],
                verbose: Annotated[bool, typer.Option("--verbose", "-v", help="One line per gold claim.")] = False,
                format: EvalFormatOption = Format.table) -> None:
    """Score claim clusters against a claim catalogue (the figures of score_claims.py)."""
    root = Path(folder)
    if not (root / "gold.jsonl").is_file():
        fail(FileNotFoundError(f"{root / 'gold.jsonl'}: no gold file here; give a claim set folder such as news-dev/story"))
    score = claims_eval.run_claims_eval(root)
    if format is Format.jsonl:
        print(json.dumps(asdict(score), ensure_ascii=False))
        return
    if verbose:
        for r in score.claims:
            out.print(f"  {r.claim}: {r.files} files; best cluster {r.cluster!r} coverage {r.coverage:.2f} "
                      f"purity {r.purity:.2f} {'RECOVERED' if r.recovered else ''}", markup=False, highlight=False)
    out.print(score.line(), markup=False, highlight=False)
