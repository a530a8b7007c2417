"""The controlled vocabulary: PLOVER event types and their families, modalities, quote kinds.

One place that says which values `--type`, `--modality` and their API and web counterparts
accept, what each means, and what to say when a value is not one of them. The terms are data
(`data/plover_event_types.tsv`, `event_families.tsv`, `modalities.tsv`, `quote_kinds.tsv`, read
through `newsgraph.lexicon`); their definitions paraphrase the PLOVER manual (Open Event Data
Alliance; Halterman et al. 2023, "PLOVER and POLECAT"), chapter 3, and the families are its four
"quad categories" (verbal/material cooperation/conflict).

    >>> check_event_type("assault")
    'ASSAULT'
    >>> expand_event_type("Verbal conflict")
    ('REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'INVESTIGATE')
    >>> check_event_type("CRITICIZE")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newsgraph.errors.UnknownValueError: NG009 unknown event type 'CRITICIZE'; valid types: ACCUSE, AGREE, ...

Matching ignores case and surrounding space; a family may be written with hyphens, spaces or
underscores (`material-conflict`, `material conflict`). A near miss gets a suggestion
(`ASSUALT` -> did you mean ASSAULT?), by `difflib`'s similarity ratio.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache

from .errors import UnknownValueError
from .lexicon import LexiconError, data_path, table

PACKAGE = "newsgraph"
TYPES_FILE = "plover_event_types.tsv"
FAMILIES_FILE = "event_families.tsv"
MODALITIES_FILE = "modalities.tsv"
QUOTE_KINDS_FILE = "quote_kinds.tsv"
#: where a user reads the definitions; named in every error about an event type
SEE_TYPES = "`newsgraph types` lists each type with its definition."
_SEPARATORS = re.compile(r"[\s_-]+")


@dataclass(frozen=True, slots=True)
class EventType:
    """A PLOVER event type: its family (quad category), a one-line definition and an example sentence."""

    name: str
    family: str
    definition: str
    example: str


@dataclass(frozen=True, slots=True)
class Term:
    """A value of a small closed set (a family, a modality, a quote kind) and what it means."""

    name: str
    meaning: str
    example: str = ""


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    types: tuple[EventType, ...]
    families: tuple[Term, ...]
    modalities: tuple[Term, ...]
    quote_kinds: tuple[Term, ...]


def _terms(name: str, columns: int) -> tuple[Term, ...]:
    return tuple(Term(*row) for row in table(PACKAGE, name, columns, min_columns=columns))


def build_event_types(type_rows: tuple[tuple[str, ...], ...], families: tuple[Term, ...]) -> tuple[EventType, ...]:
    """Event types from (name, family, definition, example) rows, checked against the families:
    a type listed twice or a family that is not one of `families` is a broken data file."""
    family_names = {f.name for f in families}
    where = data_path(PACKAGE, TYPES_FILE)
    seen: set[str] = set()
    out = []
    for name, family, definition, example in type_rows:
        if name in seen:
            raise LexiconError(f"{where}: event type {name} is listed twice")
        if family not in family_names:
            raise LexiconError(f"{where}: event type {name} has family {family!r}, not one of "
                               f"{', '.join(sorted(family_names))} ({FAMILIES_FILE})")
        seen.add(name)
        out.append(EventType(name, family, definition, example))
    return tuple(out)


@cache
def _vocabulary() -> _Vocabulary:
    families = _terms(FAMILIES_FILE, 2)
    types = build_event_types(table(PACKAGE, TYPES_FILE, 4, min_columns=4), families)
    return _Vocabulary(types, families, _terms(MODALITIES_FILE, 3), _terms(QUOTE_KINDS_FILE, 3))


def event_types() -> tuple[EventType, ...]:
    """Every PLOVER event type the extractor can emit, in the PLOVER manual's order."""
    return _vocabulary().types


def families() -> tuple[Term, ...]:
    """The four type families (PLOVER's quad categories), in the manual's order."""
    return _vocabulary().families


def modalities() -> tuple[Term, ...]:
    """The modalities an event can have (`model.Modality`), from asserted to negated."""
    return _vocabulary().modalities


def quote_kinds() -> tuple[Term, ...]:
    """The kinds of quote (`model.QuoteKind`): direct, indirect, mixed."""
    return _vocabulary().quote_kinds


def _type_names() -> tuple[str, ...]:
    return tuple(t.name for t in event_types())


def _family_key(value: str) -> str:
    return _SEPARATORS.sub("-", value.strip().lower()).strip("-")


def _suggestion(value: str, candidates: tuple[str, ...]) -> str | None:
    close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.75)
    return close[0] if close else None


def _unknown_type(value: str) -> UnknownValueError:
    types = _type_names()
    family_names = tuple(f.name for f in families())
    suggestion = _suggestion(value.strip().upper(), types) or _suggestion(_family_key(value), family_names)
    return UnknownValueError("event type", value, {"valid types": tuple(sorted(types)), "families": family_names},
                             suggestion=suggestion, see=SEE_TYPES)


def _family(value: str) -> str | None:
    key = _family_key(value)
    return next((f.name for f in families() if f.name == key), None)


def check_event_type(value: str) -> str:
    """The canonical name of an event type (`AID`) or family (`verbal-conflict`) written any case.

    Raises `UnknownValueError` (NG009) listing the valid types and families otherwise.
    """
    upper = value.strip().upper()
    if upper in _type_names():
        return upper
    family = _family(value)
    if family is not None:
        return family
    raise _unknown_type(value)


def expand_family(value: str) -> tuple[str, ...]:
    """The types of a family, in the manual's order; `UnknownValueError` listing the families otherwise."""
    family = _family(value)
    if family is None:
        names = tuple(f.name for f in families())
        raise UnknownValueError("event type family", value, {"families": names},
                                suggestion=_suggestion(_family_key(value), names), see=SEE_TYPES)
    return tuple(t.name for t in event_types() if t.family == family)


def expand_event_type(value: str) -> tuple[str, ...]:
    """The types a `--type` value selects: a type itself, or every type of a family."""
    name = check_event_type(value)
    return expand_family(name) if _family(name) is not None else (name,)


def _check_term(what: str, plural: str, value: str, terms: tuple[Term, ...]) -> str:
    key = value.strip().lower()
    names = tuple(t.name for t in terms)
    if key in names:
        return key
    raise UnknownValueError(what, value, {f"valid {plural}": names}, suggestion=_suggestion(key, names))


def check_modality(value: str) -> str:
    """The canonical modality (`reported`) written any case; `UnknownValueError` listing them otherwise."""
    return _check_term("modality", "modalities", value, modalities())


def check_quote_kind(value: str) -> str:
    """The canonical quote kind (`direct`) written any case; `UnknownValueError` listing them otherwise."""
    return _check_term("quote kind", "quote kinds", value, quote_kinds())


def types_table_rows() -> tuple[tuple[str, str, str, str], ...]:
    """(type, family, definition, example) per event type, for `newsgraph types` and the web."""
    return tuple((t.name, t.family, t.definition, t.example) for t in event_types())


def _family_label(name: str) -> str:
    return name.replace("-", " ")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def format_glossary() -> str:
    """The Markdown glossary the README includes: one line per event type (name, family,
    definition), the families, then the modalities and quote kinds with their meanings."""
    lines = ["### PLOVER event types", "",
             "`--type` takes a type or a family (`--type verbal-conflict`); `newsgraph types` adds an example of each.", "",
             "| type | family | definition |", "|---|---|---|"]
    lines += [f"| {t.name} | {_family_label(t.family)} | {_cell(t.definition)} |" for t in event_types()]
    lines += ["", "### Type families (PLOVER quad categories)", ""]
    lines += [f"- **{f.name}** ({', '.join(expand_family(f.name))}): {f.meaning}" for f in families()]
    lines += ["", "### Event modalities", ""]
    lines += [f"- **{m.name}**: {m.meaning} *{m.example}*" for m in modalities()]
    lines += ["", "### Quote kinds", ""]
    lines += [f"- **{k.name}**: {k.meaning} *{k.example}*" for k in quote_kinds()]
    return "\n".join(lines) + "\n"
