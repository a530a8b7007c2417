"""Build `data/plover_cameo_triggers.tsv` from PETRARCH's CAMEO verb dictionary and the CAMEO→PLOVER table.

The CAMEO verb dictionary of PETRARCH-2 (`CAMEO.2.0.txt`, openeventdata/petrarch2, MIT licence,
Copyright 2015 Open Event Data Alliance) lists about 4,700 verb patterns in synonym blocks: a block
`--- ATTACK [190] ---` with its verbs (WordNet synonyms, some with their own code `[182]`) and
patterns `- * OBJECT [code] # VERB`, a verb with the object that gives it its code. The PLOVER
project's table `CAMEO2PLOVER-2021.txt` (openeventdata/PLOVER, Schrodt 2021) maps CAMEO codes to
PLOVER types. This script keeps what PETRARCH's authors coded on purpose and drops the synonym
expansion, whose words mostly have other senses in news ("dominate", "overshadow" under ATTACK):

- `head`: a block's own verb with the block's code ("ATTACK" in `--- ATTACK [190] ---`);
- `coded`: a verb listed with its own code ("INJURE [182]");
- `object`: a verb and the head noun of its object pattern ("- * SANCTIONS [163] # IMPOSE" → `impose sanction`),
  for the verbs the pattern's comment names (else the block's own verb), synonym sets (`&CEASEFIRE`) expanded;
- `prep`: a verb and a lone preposition pattern ("- * (AGAINST) [130] # CONSPIRE" → `conspire against`).

Keys in `data/plover_cameo_exclusions.txt` (verbs whose common sense in news is no event) are left out, and
so are patterns with words before the verb (subject conditions), several phrases or clauses:
the extractor's roles find the actors. CAMEO codes map to PLOVER by the longest prefix in the table;
codes 01-02 (statements, appeals) have no PLOVER type and are dropped. Two project conventions
differ from the 2021 table and follow the PLOVER GSR: conventional force (CAMEO 19) is FIGHT, and
investigation (CAMEO 09) INVESTIGATE. Lemmas come from spaCy's English lemmatizer.

    python -m newsgraph.extract.events.build_cameo_triggers CAMEO.2.0.txt CAMEO2PLOVER-2021.txt \\
        > src/newsgraph/extract/data/plover_cameo_triggers.tsv
"""
from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ... import nlp as nlp_module
from ...lexicon import words
from .lexicons import PACKAGE

EXCLUSIONS_FILE = "plover_cameo_exclusions.txt"
#: PLOVER GSR conventions that differ from CAMEO2PLOVER-2021 (FIGHT for CAMEO 19, INVESTIGATE for 09)
GSR_CONVENTIONS = {"19": "FIGHT", "09": "INVESTIGATE"}
_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([0-9:]*)\]")
_PATTERN = re.compile(r"^-\s+(.*?)\s*\[([0-9:]*)\]\s*(?:#\s*(.*))?$")


@dataclass
class Block:
    """One verb block: its own verb and code, its verbs with their own codes, its patterns."""

    head: str
    code: str
    verbs: list[tuple[str, str]] = field(default_factory=list)   # (verb, own code or "")
    patterns: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (pattern, code, commented verbs)


def read_dictionary(path: Path) -> tuple[dict[str, list[str]], list[Block]]:
    """(synonym sets, verb blocks) of a PETRARCH verb dictionary."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current_set: str | None = None
    in_verbs = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.rstrip()
        if "VERB PATTERNS" in line:
            in_verbs = True
            continue
        if "TRANSFORMATIONS" in line:
            break
        if not in_verbs:
            if line.startswith("&"):
                current_set = line.strip()
                synsets[current_set] = []
            elif line.startswith("+") and current_set is not None:
                synsets[current_set].append(line[1:].split("#")[0].strip().rstrip("_"))
            continue
        m = _BLOCK.match(line)
        if m:
            blocks.append(Block(m.group(1), m.group(2)))
            continue
        if not blocks or not line.strip() or line.startswith("#"):
            continue
        pm = _PATTERN.match(line)
        if pm:
            commented = [v.strip() for v in (pm.group(3) or "").split(",") if re.fullmatch(r"[A-Z_+]+", v.strip())]
            blocks[-1].patterns.append((pm.group(1), pm.group(2), commented))
            continue
        if re.match(r"^[A-Z+]", line):
            word = line.split()[0]
            code = _CODE.search(line.split("#")[0])
            blocks[-1].verbs.append((word, code.group(1) if code else ""))
    return synsets, blocks


def read_mapping(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code → (PLOVER type, context) from CAMEO2PLOVER-2021.txt (`0311: AGREE,  , economic # ...`)."""
    out: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s*(\d{2,4})\s*:\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?", line)
        if m:
            context = (m.group(4) or "").strip()
            out.setdefault(m.group(1), (m.group(2), context if re.fullmatch(r"[a-z_]+", context) else ""))
    return out


def plover(code: str, mapping: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(PLOVER type, context) of a CAMEO code ("042:043" reads its first code), None for 01-02 and no code."""
    code = next((c for c in code.split(":") if c), "")
    if not code or code.startswith("---"):
        return None
    for k in range(len(code), 1, -1):
        if code[:k] in mapping:
            etype, context = mapping[code[:k]]
            return GSR_CONVENTIONS.get(code[:2], etype), context
    return None


def _verb_key(word: str) -> str:
    """A dictionary verb as a lexicon key: `+ROUND_UP` → `round up`."""
    return word.lstrip("+").replace("_", " ").strip().lower()


def _object_heads(pattern: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """The object head words of a `* OBJECT` pattern (a word, `{A B}`, `&SET`), `(PREP)` as `prep:` + word;
    None for patterns the extractor cannot read (subject words, several phrases, clauses)."""
    if not pattern.startswith("*"):
        return None
    rest = pattern[1:].strip().rstrip("$").strip()
    m = re.fullmatch(r"\((\w+)\)", rest)
    if m:
        return [f"prep:{m.group(1)}"]
    m = re.fullmatch(r"\{([A-Z' ]+)\}", rest)
    if m:
        return [m.group(1).split()[-1]]
    if re.fullmatch(r"&[A-Z_]+", rest):
        return [w for w in synsets.get(rest, []) if re.fullmatch(r"[A-Z']+", w)]
    if re.fullmatch(r"[A-Z']+", rest):
        return [rest]
    return None


def entries(synsets: dict[str, list[str]], blocks: list[Block], mapping: dict[str, tuple[str, str]],
            excluded: frozenset[str] = frozenset()) -> Iterator[tuple[str, str, str, str, str, str, str]]:
    """(key, type, context, roles, CAMEO code, kind, dictionary verb) rows, first entry per key wins; a code
    given for the passive only (`[:071]`, "receive aid") makes the subject the recipient (`inverse`)."""
    nlp = nlp_module.load()
    lemma_cache: dict[str, str] = {}

    def noun_lemma(word: str) -> str:
        if word not in lemma_cache:
            doc = nlp(f"the {word.lower()}")
            lemma_cache[word] = doc[-1].lemma_.lower()
        return lemma_cache[word]

    seen: set[str] = set()
    for block in blocks:
        candidates: list[tuple[str, str, str, str]] = []
        if not block.head.startswith("-") and block.head.replace("_", "").isalpha():
            candidates.append((_verb_key(block.head), block.code, "head", block.head))
        candidates += [(_verb_key(v), c, "coded", v) for v, c in block.verbs if c]
        for pattern, code, commented in block.patterns:
            heads = _object_heads(pattern, synsets)
            for verb in commented or [block.head]:
                for h in heads or []:
                    if h.startswith("prep:"):
                        candidates.append((f"{_verb_key(verb)} {h[5:].lower()}", code, "prep", verb))
                    else:
                        candidates.append((f"{_verb_key(verb)} {noun_lemma(h)}", code, "object", verb))
        for key, code, kind, verb in candidates:
            mapped = plover(code, mapping)
            if mapped is None or key in seen or key in excluded or not re.fullmatch(r"[a-z' ]+", key):
                continue
            seen.add(key)
            yield key, mapped[0], mapped[1], "inverse" if code.startswith(":") else "", code, kind, verb


HEADER = """# PLOVER triggers from PETRARCH-2's CAMEO verb dictionary, built by extract/events/build_cameo_triggers.py (do not edit by hand).
# Source: CAMEO.2.0.txt, openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf, data/dictionaries/ (MIT licence,
#   Copyright (c) 2015 Open Event Data Alliance; NSF grants SES89-10738 ... SES-1259190). A public dictionary, not gold data.
# Mapping: CAMEO2PLOVER-2021.txt, openeventdata/PLOVER @ 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f (PLOVER manual draft 0.8,
#   P. Schrodt, 17 Sept 2021; the PLOVER repository's gold records are CC BY-SA 4.0, the table states no licence of its own).
#   CAMEO 19 is FIGHT and CAMEO 09 INVESTIGATE, as in the PLOVER GSR and the project's own lexicon.
# The project's own lexicon (plover_triggers.tsv) wins over an entry here with the same key.
# Left out: the keys of plover_cameo_exclusions.txt, CAMEO 01-02 (no PLOVER type), patterns with subject words or clauses.
# key	pos	type	mode	roles	cameo	kind	dictionary verb
#   key: a verb lemma, "verb object-noun" or "verb preposition"; roles: inverse when CAMEO codes the passive only
#   (the subject receives); kind: head (a block's own verb), coded (a verb with its own code), object / prep (a verb
#   pattern with its object noun or preposition)"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dictionary", type=Path, help="CAMEO.2.0.txt")
    parser.add_argument("mapping", type=Path, help="CAMEO2PLOVER-2021.txt")
    args = parser.parse_args(argv)
    synsets, blocks = read_dictionary(args.dictionary)
    mapping = read_mapping(args.mapping)
    excluded = words(PACKAGE, EXCLUSIONS_FILE)
    print(HEADER)
    for key, etype, context, roles, code, kind, verb in entries(synsets, blocks, mapping, excluded):
        sys.stdout.write(f"{key}\tVERB\t{etype}\t{context}\t{roles}\t{code}\t{kind}\t{verb}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
