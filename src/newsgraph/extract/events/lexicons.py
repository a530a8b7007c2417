"""The word lists and tables of the event rules, read through `newsgraph.lexicon` from `extract/data/`.

Each function names one list by what the rules use it for; the files say where the words came
from. Loading is cached by `newsgraph.lexicon`, so the rules call these in their hot paths.

    >>> "announce" in performative_verbs()
    True
    >>> prepositions("noun_target")[:2]
    ('to', 'against')
"""
from __future__ import annotations

from functools import cache

from ...lexicon import LexiconError, mapping, table, words

PACKAGE = "newsgraph.extract"


# ---------------------------------------------------------------- PLOVER types

@cache
def plover_types() -> tuple[str, ...]:
    """The PLOVER event types, in the manual's order (`data/plover_types.tsv`)."""
    return tuple(row[0] for row in table(PACKAGE, "plover_types.tsv", 2))


@cache
def type_group(group: str) -> frozenset[str]:
    """The PLOVER types of a group the coding rules name: cooperative, material_conflict, response."""
    found = frozenset(row[0] for row in table(PACKAGE, "plover_types.tsv", 2)
                      if group in (g.strip() for g in row[1].split(",")))
    if not found:
        raise LexiconError(f"data/plover_types.tsv: no type is in group '{group}'; add it to the types' group column")
    return found


def legacy_types() -> dict[str, str]:
    """Older PLOVER / CAMEO-era type names in coded data → current PLOVER types."""
    return mapping(PACKAGE, "plover_legacy_types.tsv", lower=False)


# ---------------------------------------------------------------- cues

@cache
def context_cues() -> dict[str, str]:
    """lemma → PLOVER context, from `data/plover_contexts.tsv`."""
    return mapping(PACKAGE, "plover_contexts.tsv")


@cache
def modality_cues() -> dict[str, frozenset[str]]:
    """kind (speech, future, possible, negate, reported, deontic, speech_noun, military_actor,
    conditional) → lemmas, from `data/plover_cues.tsv`."""
    kinds: dict[str, set[str]] = {}
    for kind, lemma in table(PACKAGE, "plover_cues.tsv", 2, min_columns=2):
        kinds.setdefault(kind, set()).add(lemma.lower())
    return {k: frozenset(v) for k, v in kinds.items()}


def cues(kind: str) -> frozenset[str]:
    """The lemmas of one kind of `data/plover_cues.tsv` (empty when the kind has none)."""
    return modality_cues().get(kind, frozenset())


@cache
def stance_verbs() -> frozenset[str]:
    """Speech, attitude and stance verbs, the quote extractor's lists (`speech_verbs.txt`,
    `attitude_verbs.txt`, `object_cues.txt`): whoever says them talks about an event."""
    return frozenset().union(*(words(PACKAGE, name) for name in ("speech_verbs.txt", "attitude_verbs.txt", "object_cues.txt")))


def performative_verbs() -> frozenset[str]:
    """Speech verbs that do what they say ("announced a ceasefire", "declared war")."""
    return words(PACKAGE, "performative_verbs.txt")


def light_verbs() -> frozenset[str]:
    """Verbs of giving that lend their subject to the event noun they govern ("gave a warning")."""
    return words(PACKAGE, "light_verbs.txt")


def affiliation_words() -> frozenset[str]:
    """Participles and adjectives that tie a noun to the actor of their phrase ("ships associated with Israel")."""
    return words(PACKAGE, "affiliation_words.txt")


def state_nouns() -> frozenset[str]:
    """Nouns of a state that stand for a person possessor's country ("his country", "her government")."""
    return words(PACKAGE, "state_nouns.txt")


def document_nouns() -> frozenset[str]:
    """Nouns of statements and documents that say what their issuers say (`document_nouns.txt`, the quote
    extractor's list; `plover_cues.tsv` kind `speech_noun` adds a few): "issued a statement condemning X"."""
    return words(PACKAGE, "document_nouns.txt") | cues("speech_noun")


@cache
def deployment_themes() -> tuple[tuple[str, str, frozenset[str]], ...]:
    """(type, mode or "", lemmas) in file order: what is deployed decides a deployment's type."""
    groups: dict[tuple[str, str], set[str]] = {}
    for lemma, etype, mode in table(PACKAGE, "deployment_themes.tsv", 3, min_columns=2):
        groups.setdefault((etype, mode), set()).add(lemma.lower())
    return tuple((etype, mode, frozenset(lemmas)) for (etype, mode), lemmas in groups.items())


# ---------------------------------------------------------------- prepositions

@cache
def prepositions(slot: str) -> tuple[str, ...]:
    """The prepositions of one role slot of `data/event_prepositions.tsv`, in the order they are tried."""
    found = tuple(prep.lower() for name, prep in table(PACKAGE, "event_prepositions.tsv", 2, min_columns=2) if name == slot)
    if not found:
        raise LexiconError(f"data/event_prepositions.tsv: no preposition for slot '{slot}'; add rows '{slot}<TAB>word'")
    return found


# ---------------------------------------------------------------- pronouns

@cache
def _pronoun_rows() -> tuple[tuple[str, str, str, str, frozenset[str]], ...]:
    return tuple((p.lower(), person, number, gender, frozenset(c.strip() for c in case.split(",")))
                 for p, person, number, gender, case in table(PACKAGE, "pronouns.tsv", 5, min_columns=5))


@cache
def personal_pronouns() -> frozenset[str]:
    """he/him/his, she/her/hers: third-person singular pronouns of a person (no reflexives)."""
    return frozenset(p for p, person, number, gender, case in _pronoun_rows()
                     if person == "3" and gender in ("male", "female") and "reflexive" not in case)


@cache
def neuter_pronouns() -> frozenset[str]:
    """it/its: third-person singular pronouns of a thing, state or organisation (no reflexives)."""
    return frozenset(p for p, person, number, gender, case in _pronoun_rows()
                     if person == "3" and gender == "neuter" and "reflexive" not in case)


@cache
def first_person_pronouns() -> frozenset[str]:
    """I/me/my, we/us/our: in a quote they name its speaker (no reflexives)."""
    return frozenset(p for p, person, number, gender, case in _pronoun_rows() if person == "1" and "reflexive" not in case)


@cache
def plural_pronouns() -> frozenset[str]:
    """they/them/their/theirs: third-person plural pronouns of people or groups (no reflexives)."""
    return frozenset(p for p, person, number, gender, case in _pronoun_rows()
                     if person == "3" and number == "plural" and "reflexive" not in case)


@cache
def reflexive_pronouns() -> frozenset[str]:
    """itself, themselves, himself...: an object that is the subject again ("would defend itself")."""
    return frozenset(p for p, person, number, gender, case in _pronoun_rows() if "reflexive" in case)


@cache
def relative_pronouns() -> frozenset[str]:
    """who, whom, which, that: pronouns that stand for the noun their relative clause modifies
    (`relative_pronouns.tsv`, the quote extractor's list; possessive "whose" left out)."""
    return frozenset(p.lower() for p, case, *_ in table(PACKAGE, "relative_pronouns.tsv", 4, min_columns=2)
                     if {"subject", "object"} & {c.strip() for c in case.split(",")})


# ---------------------------------------------------------------- calendar

@cache
def _calendar(kind: str) -> dict[str, int]:
    return {word.lower(): int(number) for word, name, number in table(PACKAGE, "calendar_words.tsv", 3, min_columns=3)
            if name == kind}


def months() -> dict[str, int]:
    """Month names and abbreviations → month number (1-12), in file order."""
    return _calendar("month")


def weekdays() -> dict[str, int]:
    """Weekday names → weekday number (0 = Monday), in file order."""
    return _calendar("weekday")
