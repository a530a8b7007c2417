"""Run the actor probe (actors_probe.txt) and print what fails: `python tests/resolve/probe/run_probe.py [-v]`.

Each expected form must be covered, wherever it stands, by a mention of an actor that stands for the
expected actor (the news scorer's `is_gold_actor`, with any of the accepted names); each expected actor's
forms must all land on one predicted actor (merge); two forms marked `!=` must never share an actor (a
wrong merge). A paragraph passes when all of its checks pass.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.api import extract_many
from newsgraph.eval.news import form_occurrences, is_gold_actor

PROBE = Path(__file__).with_name("actors_probe.txt")


@dataclass
class Expected:
    names: list[str]
    typ: str | None
    iso3: str | None
    forms: list[str]


@dataclass
class Paragraph:
    date: str
    text: str = ""
    actors: list[Expected] = field(default_factory=list)
    apart: list[tuple[str, str]] = field(default_factory=list)


def read_probe(path: Path = PROBE) -> list[Paragraph]:
    """The probe file as paragraphs (format in its header)."""
    out: list[Paragraph] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            out.append(Paragraph(line[3:].strip()))
        elif not out or line.startswith("#") or not line.strip():
            continue
        elif line.startswith("> "):
            names, typ, iso3, forms = (p.strip() for p in line[2:].split("|"))
            out[-1].actors.append(Expected([n.strip() for n in names.split(" / ")], typ or None, iso3 or None,
                                           [f.strip() for f in forms.split(";") if f.strip()]))
        elif line.startswith("!= "):
            a, b = (p.strip() for p in line[3:].split(";"))
            out[-1].apart.append((a, b))
        else:
            out[-1].text = (out[-1].text + " " + line).strip()
    return out


def _right(actor: dict[str, Any] | None, want: Expected) -> bool:
    """The scorer's test, and for an organization of a country no other country ("Democratic Party" of Korea
    is not the American one)."""
    if actor and want.typ == "ORG" and want.iso3 and actor.get("country") not in {None, want.iso3}:
        return False
    return any(is_gold_actor(actor, n, want.iso3, want.typ) for n in want.names)


def check(par: Paragraph, result: dict[str, Any]) -> list[str]:
    """The failed checks of one paragraph, as lines."""
    actors = {a["id"]: a for a in result["actors"]}
    mentions = result["mentions"]
    fails: list[str] = []
    for want in par.actors:
        landed: set[str] = set()
        for form in want.forms:
            for got in form_occurrences(form, par.text, mentions, actors):
                hits = [a for a in got if _right(a, want)]
                landed |= {a["id"] for a in hits if a}
                if not hits:
                    fails.append(f"form {form!r} -> {[a and a.get('name') for a in got] or 'no mention'} "
                                 f"(want {want.names[0]})")
        if len(landed) > 1:
            fails.append(f"merge {want.names[0]}: {sorted(actors[i]['name'] for i in landed)}")
    for a, b in par.apart:
        ids_a = {x["id"] for g in form_occurrences(a, par.text, mentions, actors) for x in g if x}
        ids_b = {x["id"] for g in form_occurrences(b, par.text, mentions, actors) for x in g if x}
        if ids_a & ids_b:
            fails.append(f"wrong merge {a!r} = {b!r}")
    return fails


def main(argv: list[str]) -> int:
    pars = read_probe()
    results = extract_many([{"text": p.text, "date": p.date} for p in pars])
    passed = forms = forms_ok = 0
    for par, art in zip(pars, results, strict=True):
        fails = check(par, art.to_dict())
        n = sum(len(w.forms) for w in par.actors)
        forms += n
        forms_ok += n - sum(f.startswith("form ") for f in fails)
        passed += not fails
        if fails and "-q" not in argv:
            print(f"{par.date} {par.text[:70]}")
            for f in fails:
                print("   ", f)
    print(f"probe: {passed}/{len(pars)} paragraphs pass; forms {forms_ok}/{forms}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
