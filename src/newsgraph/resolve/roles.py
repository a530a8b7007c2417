"""Roles and labels of people within an article, and definite descriptions resolved to their holder.

A pre-modifier or appositive (`NATO Secretary General Mark Rutte`, `Rutte, NATO's secretary
general`) gives (person, role, of); a later definite description (`the NATO Secretary General`,
`the Russian dictator`, `the head of the Kremlin`) refers to the holder of a matching role in the
article (nearest before it, else after), or else to the holder in the knowledge table at the
article's date. Roles match when their words are the same or both name the leader of the same
country or organization ("head", "president", "dictator": `knowledge.LEADER_ROLES`). What neither
decides stays an unresolved descriptor (actor None) that the store may resolve at ingest from the
roles seen in the corpus at that date (`corpus.py`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from .. import nlp as nlp_module
from ..extract.descriptors import Candidate, candidates, role_words
from ..lexicon import table
from ..lexicon import words as word_list
from ..model import Actor, Descriptor, Mention
from .knowledge import LEADER_ROLES, builtin, role_synonyms
from .organizations import lookup
from .sectors import sector_of
from .text import fold

# Labels that judge rather than name an office: a description with one is a "description" mention.
EVALUATIVE = frozenset({"dictator", "autocrat", "tyrant", "despot", "strongman", "criminal", "war criminal", "butcher",
                        "killer", "murderer", "terrorist", "aggressor", "warlord", "oligarch"})
ROLE_ACTOR_MAX_WORDS = 4
_NOT_OFFICES = frozenset({"candidate", "nominee", "activist", "journalist", "correspondent", "analyst", "founder",
                          "businessman", "tycoon", "billionaire", "oligarch", "criminal", "terrorist", "killer",
                          "murderer", "butcher", "aggressor", "warlord"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "SPY", "COP", "JUD", "LEG", "IGO"})
_MODIFIERS_ONLY = frozenset({"vice", "prime", "deputy", "foreign", "defense", "defence", "interior", "finance", "justice",
                             "supreme", "state", "war", "military", "rights"})


@dataclass
class RoleFinding:
    mentions: list[Mention]
    descriptors: list[Descriptor]
    new_actors: dict[str, Actor]


def role_of(words: list[str]) -> str | None:
    """The office in a list of folded words: the role words, in order ("secretary general", "dictator")."""
    kept = [w for w in words if w in role_words()]
    while kept and kept[-1] in _MODIFIERS_ONLY and not (kept == ["war"]):
        kept.pop()
    if kept[:1] == ["war"] and len(kept) == 1:
        return None
    return " ".join(kept) or None


def role_class(role: str | None) -> str | None:
    if not role:
        return None
    last = role.split()[-1]
    return "leader" if role in LEADER_ROLES or last in {"president", "leader", "head", "dictator", "ruler", "chancellor",
                                                        "king", "queen", "autocrat", "tyrant", "despot", "emir"} and \
        not any(w in role for w in ("vice", "deputy", "minister of", "spokes")) and \
        all(w in role_words() for w in role.split()) else role


def _field_head(tokens: Span, role: str | None, owners: dict[int, str]) -> str | None:
    """A one-word leader role ("chief", "head", "leader") with a common noun of a body or field in the same
    description ("Pakistan's army chief", "the opposition leader", "the head of Nigeria's police") heads that
    body or field, not the state: the role keeps the noun ("army chief", "police head"), so neither a president
    named in the article nor the country's head of state in the actor table is taken for it. Nouns naming the
    state itself ("the leader of the country", "the junta chief": data/polity_nouns.txt) keep the leader.
    `owners` are the tokens of the owner and of other non-organization actors; a noun of another organization's
    name stays a field ("navy" of "Ukraine's navy chief", linked to the navy)."""
    if not role or len(role.split()) != 1 or role_class(role) != "leader":
        return role
    heads = [k for k, t in enumerate(tokens) if t.lower_ == role]
    if not heads:
        return role
    field = [t.lower_ for k, t in enumerate(tokens) if k != heads[-1] and t.i not in owners and t.is_alpha
             and t.lower_ not in _former_words()
             and (t.tag_ in {"NN", "NNS"} or t.tag_ in {"NNP", "NNPS"} and t.text.islower())  # "navy" tagged NNP
             and t.lower_ not in role_words() and t.lower_ not in _polity_nouns()]
    return " ".join([*field, role]) if field else role


def phrase_role(phrase: str, role: str | None) -> str | None:
    """The role of a description given as a string (`newsgraph resolve "Pakistan's army chief"`), with the
    article resolver's field and past-office rules applied to the phrase as the pipeline tags it."""
    if not role:
        return role
    tokens = nlp_module.load()(phrase)[:]
    after_of = next((t.i for t in tokens if t.lower_ == "of"), len(tokens))
    names = {t.i: "" for t in tokens if t.tag_ in {"NNP", "NNPS"} and not t.text.islower()
             or t.i > after_of and t.text[:1].isupper()}  # "president of the Riigikogu": the owner
    return _past_office(tokens, _field_head(tokens, role, names))


@lru_cache(maxsize=1)
def named_offices() -> dict[str, frozenset[str]]:
    """Leader offices of their own (data/named_offices.tsv) -> the same office under other names."""
    return {fold(office): frozenset(fold(o) for o in same.split("|") if o)
            for office, same in table("newsgraph.resolve", "named_offices.tsv", 2)}


def _past_office(tokens: Span, role: str | None) -> str | None:
    """"former president" for "Iran's former president", "the ex-president", "the late king", "Former President
    Ana Ruiz" (data/former_words.txt): an office held before, so neither the holder at the article's date nor
    a person titled with the present office is taken for it; a later "the former president" takes back the
    person titled so."""
    if not role:
        return role
    last = role.split()[-1]
    heads = [k for k, t in enumerate(tokens) if t.lower_ == last]
    before = tokens[:heads[-1]] if heads else tokens
    return f"former {role}" if any(t.lower_ in _former_words() for t in before) else role


@lru_cache(maxsize=1)
def _former_words() -> frozenset[str]:
    return word_list("newsgraph.resolve", "former_words.txt")


@lru_cache(maxsize=1)
def _polity_nouns() -> frozenset[str]:
    return word_list("newsgraph.resolve", "polity_nouns.txt")


def _compatible(role_a: str | None, role_b: str | None) -> bool:
    if not role_a or not role_b:
        return False
    offices = named_offices()
    if role_a in offices and role_b in offices and role_b != role_a and role_b not in offices[role_a]:
        return False  # "the prime minister" is not the person titled "President"
    return role_a == role_b or role_class(role_a) == role_class(role_b) == "leader" or \
        role_a.split()[-1] == role_b.split()[-1] and role_class(role_a) != "leader" and len(role_a.split()) == 1


def find_roles(doc: Doc, linked: list[tuple[Span, str]], actors: dict[str, Actor], date: str | None,
               actor_id) -> RoleFinding:  # type: ignore[no-untyped-def]
    """Descriptors and role/description mentions of an article (see the module docstring). Longer than 60
    lines because the two passes (titled names first, their roles then resolving the bare descriptions)
    share the article's token index and holder list."""
    token_actor: dict[int, str] = {}
    for span, aid in linked:
        for i in range(span.start, span.end):
            token_actor[i] = aid
    persons = [span for span, aid in linked if actors[aid].type == "PERSON"]
    person_actor = {(span.start, span.end): aid for span, aid in linked}
    found = candidates(doc, persons)

    def describe(c: Candidate) -> tuple[str | None, str | None, str]:
        tokens = doc[c.start:c.end]
        of = next((token_actor[t.i] for t in tokens if t.i in token_actor and actors[token_actor[t.i]].type != "PERSON"),
                  None)
        words = [t.lower_ for t in tokens if t.i not in token_actor and t.lower_ not in {"of", "the", "a", "an"}]
        cut = next((k for k, t in enumerate(tokens) if t.lower_ == "of"), len(tokens))
        role = _role_with_of(tokens, token_actor) or role_of([t.lower_ for t in tokens[:cut] if t.i not in token_actor]) \
            or role_of(words)
        role = _past_office(tokens, _field_head(tokens, role, {i: a for i, a in token_actor.items()
                                                                if a == of or actors[a].type != "ORG"}))
        label_tokens = [t for t in tokens if t.tag_ != "POS"]
        while label_tokens and label_tokens[0].lower_ in {"the", "this", "that", "a", "an"}:
            label_tokens = label_tokens[1:]
        while label_tokens and label_tokens[0].i in token_actor:
            label_tokens = label_tokens[1:]
        while label_tokens and label_tokens[0].tag_ == "POS":
            label_tokens = label_tokens[1:]
        label = " ".join(t.text if (t.i in token_actor or (k > 0 and t.tag_ == "NNP" and any(x.lower_ == "of" for x in label_tokens[:k])))
                         else t.lower_ for k, t in enumerate(label_tokens))
        return role, of, label

    mentions: list[Mention] = []
    descriptors: list[Descriptor] = []
    new_actors: dict[str, Actor] = {}
    holders: list[tuple[int, str, str | None, str]] = []  # (token start, role, of, actor)
    described = [(c, *describe(c)) for c in found]
    described = [(c if c.holder is not None else _with_named_holder(doc, c, persons), role, of, label)
                 for c, role, of, label in described]
    for c, role, of, label in described:
        if c.holder is None or not role:
            continue
        aid = person_actor[(c.holder.start, c.holder.end)]
        holders.append((c.start, role, of, aid))
        span = doc[c.start:c.end]
        descriptors.append(Descriptor(aid, label, role, of, span.start_char, span.end_char, span.text, c.kind))
        if c.kind == "appositive":
            mentions.append(Mention(aid, span.start_char, span.end_char, span.text, "role"))
    for c, role, of, label in described:
        if c.holder is not None or not role:
            continue
        span = doc[c.start:c.end]
        if of is None and (any(t.tag_ == "POS" for t in span) or _named_owner(span)):
            continue  # "the group's leader", "the Leader of the Islamic Revolution": an owner no actor stands
            # for, so no holder of another's office
        holder = _holder_in_article(holders, c.start, role, of)
        if holder is None:
            holder = _holder_in_knowledge(role, of, actors, date, actor_id, new_actors, label)
        descriptors.append(Descriptor(holder, label, role, of, span.start_char, span.end_char, span.text, "description"))
        if holder is not None:
            how = "description" if (role in EVALUATIVE or any(w in EVALUATIVE for w in role.split()) or label != role
                                    and not label.endswith(role)) else "role"
            mentions.append(Mention(holder, span.start_char, span.end_char, span.text, how))
        elif (office := _role_actor(label, role, of, actors, actor_id, new_actors)) is not None:
            words = _office_words(span, token_actor)
            mentions.append(Mention(office, words.start_char, words.end_char, words.text, "role"))
    return RoleFinding(mentions, descriptors, new_actors)


def _named_owner(span: Span) -> bool:
    """Does a description name its owner by a capitalised name after "of" ("the Leader of the Islamic
    Revolution", "the head of Central Command")?"""
    cut = next((k for k, t in enumerate(span) if t.lower_ == "of"), None)
    return cut is not None and any(t.text[:1].isupper() and t.lower_ not in {"the", "a", "an"} for t in span[cut + 1:])


def _role_with_of(tokens: Span, token_actor: dict[int, str]) -> str | None:
    """An office whose name holds "of", when the actor table knows it ("secretary of state")."""
    words = [t.lower_ for t in tokens if t.i not in token_actor and t.tag_ not in {"DT", "POS"}]
    for i in range(len(words)):
        for j in range(len(words), i + 2, -1):
            phrase = " ".join(words[i:j])
            if " of " in phrase and phrase in builtin().by_role:
                return phrase
    return None


def _with_named_holder(doc: Doc, c: Candidate, persons: list[Span]) -> Candidate:
    """"The US ambassador to the UN, Jane Roe, said": a name set off right after a description is its
    holder (the appositive the other way round)."""
    i = c.end
    while i < len(doc) and doc[i].dep_ == "prep" and c.start <= doc[i].head.i < i:
        i = doc[i].right_edge.i + 1  # "ambassador to the UN"
    if i + 1 >= len(doc) or doc[i].text != ",":
        return c
    person = next((p for p in persons if p.start == i + 1), None)
    after = person.end if person is not None else None
    if person is None or after is None or (after < len(doc) and doc[after].text not in {",", ".", ";", "—", "–"}):
        return c
    return Candidate(c.start, c.end, "appositive", person)


def _office_words(span: Span, token_actor: dict[int, str]) -> Span:
    """The description without its determiner and owner ("top economic adviser" of "Brazil's top economic
    adviser"): the role actor's mention, beside the owner's own, leaving the whole description to the
    holder the corpus step may find."""
    start = span.start
    while start < span.end - 1 and (span.doc[start].i in token_actor or span.doc[start].tag_ in {"DT", "POS"}):
        start += 1
    return span.doc[start:span.end]


def _role_actor(label: str, role: str, of: str | None, actors: dict[str, Actor], actor_id,  # type: ignore[no-untyped-def]
                new_actors: dict[str, Actor]) -> str | None:
    """An office no holder is known for, of a named country or of a state body or known organization: a role
    actor ("Brazil's top economic adviser", key `role:<owner id>:<label>`) with the owner's country. Its
    descriptor stays open (actor None), so the corpus step may still find the holder among the stored
    articles. A long or odd label, a candidacy ("nominee"), a name after "of" ("head of Pakistan army": the
    owner again) or another owner makes none."""
    owner = actors.get(of) if of else None
    if owner is None or not label or len(label.split()) > ROLE_ACTOR_MAX_WORDS or any(c.isdigit() for c in label) \
            or " - " in label or role.split()[-1] in _NOT_OFFICES or re.search(r"\bof [A-Z]", label):
        return None
    is_country = owner.country is not None and owner.id == actor_id(f"country:{owner.country}")
    if not is_country and not (owner.type == "ORG" and (lookup(owner.name) or owner.sector in _STATE_SECTORS)):
        return None  # a party label or a stranger's company is no office of a state or known body
    aid = actor_id(f"role:{owner.id}:{fold(label)}")
    if aid not in actors and aid not in new_actors:
        sector = sector_of(role) or (owner.sector if owner.type == "ORG" else None)
        new_actors[aid] = Actor(aid, f"{owner.name}'s {label}", "PERSON", owner.country, (), sector)
    return aid


def _holder_in_article(holders: list[tuple[int, str, str | None, str]], at: int, role: str, of: str | None) -> str | None:
    fits = [h for h in holders if _compatible(role, h[1]) and (of is None or h[2] is None or h[2] == of)]
    exact_of = [h for h in fits if of is not None and h[2] == of]
    fits = exact_of or fits
    if not fits:
        return None
    before = [h for h in fits if h[0] < at]
    if before:
        return before[-1][3]
    # A holder named only later must hold the very office: "the leader" is no "Hamas chief" who comes after
    # (a description points back to its holder; forward only when the words are the same).
    after = [h for h in fits if h[1] == role]
    return after[0][3] if after else None


def _holder_in_knowledge(role: str, of: str | None, actors: dict[str, Actor], date: str | None, actor_id,  # type: ignore[no-untyped-def]
                         new_actors: dict[str, Actor], label: str | None = None) -> str | None:
    if of is None or of not in actors:
        return None
    of_actor = actors[of]
    country = of_actor.country if of_actor.type in {"GPE", "NORP"} or of_actor.id == actor_id(f"country:{of_actor.country}") else None
    key_role = "head" if role_class(role) == "leader" else role
    if country and role in named_offices():  # "Russia's prime minister": that office's holder, no other leader
        entry = builtin().holder(role, country, None, date)
        if entry is not None and fold(entry.role or "") not in {role, *named_offices()[role]}:
            entry = None
    else:
        entry = builtin().holder(key_role, country, None if country else of_actor.name, date)
    if entry is None and label and fold(label) in role_synonyms():
        entry = builtin().holder(fold(label), country, None if country else of_actor.name, date)  # "top diplomat"
    table_org = lookup(of_actor.name)
    for name in ([] if country else [*of_actor.aliases, *([table_org.acronym] if table_org else [])]):
        entry = entry or builtin().holder(key_role, None, name, date)
    if entry is None:
        return None
    aid = actor_id(f"person:{fold(entry.name)}")
    if aid not in actors and aid not in new_actors:
        new_actors[aid] = Actor(aid, entry.name, "PERSON", entry.country, (), entry.sector)
    return aid
