"""PLOVER event coding: who did what to whom, when, where, and how sure the text is about it.

Rules over the one spaCy parse, in the spirit of PETRARCH-2's dependency-based coder
(Norris, Schrodt & Beieler 2017, JOSS 2(9)) but with the PLOVER ontology (Halterman et al.
2023, "PLOVER and POLECAT"; PLOVER manual draft 0.8, 2021) and a small lexicon instead of
CAMEO's verb patterns:

1. **Trigger**: every verb, noun or adjective whose lemma is in `data/plover_triggers.tsv`
   (one dict lookup per content token; phrasal keys such as `call on`, `open fire`,
   `air strike` are tried first).
2. **Actor and recipient** from the syntax: subject / `by`-agent (passives swap roles),
   object or `to`/`against`/`with`/`on` phrase; for nouns the possessor, a modifier or a
   `by`/`from` phrase, and `to`/`against`/`of` for the recipient; `between A and B` gives
   both directions. Infinitive and participle clauses without a subject inherit the
   governing verb's (`agreed to send` → the subject of `agreed`). A noun phrase maps to an
   actor when a mention is its head, a modifier (`North Korean soldiers` → North Korea) or
   an `of`/`from` phrase (`doctors from two American aid groups` → United States).
   Coordination fans out: `China, Iran and North Korea` gives three events.
3. **Modality** (precedence `negated` > `possible` > `future` > `reported` > `asserted`):
   what the event's own clause says about its factuality is more specific than who claims
   it, and the claim stays traceable through `quote` either way. The cues (auxiliaries,
   control verbs such as `refused to` / `plans to`, adverbs, `it is possible that`,
   conditionals) are in `data/plover_cues.tsv`. A nominal event inside a prepositional
   phrase (`goals in the war`) is presupposed, so it does not inherit the verb's negation.
   `reported`: the trigger lies inside a quote's content span (then `quote` is its index),
   in the complement of a speech verb, or in a sentence with `according to`.
4. **Date**: the article date unless a DATE entity of the sentence parses (dateparser,
   relative to the article date, cached; called only when a sentence has a DATE entity).
   **Location**: a GPE/LOC/FAC entity in an `in`/`at`/`near` phrase of the trigger.

Events of one sentence come in order of syntactic prominence (the main clause's event
first), which is how `main_event` and the PLOVER evaluation pick one event per sentence.
`plover_category` applies the manual's future rules (3.1, 3.4) for comparison with coded data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ...model import Actor, Event, Mention, Quote

DATA_DIR = Path(__file__).parent.parent / "data"
TRIGGERS_FILE = DATA_DIR / "plover_triggers.tsv"
CONTEXTS_FILE = DATA_DIR / "plover_contexts.tsv"
CUES_FILE = DATA_DIR / "plover_cues.tsv"

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
                "FIGHT", "INVESTIGATE")
#: older PLOVER / CAMEO-era names found in coded data, mapped to the current ones
LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "YIELD": "CONCEDE"}
MODALITY_PRECEDENCE = ("negated", "possible", "future", "reported", "asserted")

_TRIGGER_POS = {"VERB", "NOUN", "ADJ"}
_SUBJ = {"nsubj", "csubj"}
_PASS_SUBJ = {"nsubjpass", "csubjpass"}
_OBJ = {"dobj", "obj"}
_INHERIT = {"xcomp", "advcl", "conj", "pcomp", "acl"}
_PERFORMATIVES = {"announce", "declare", "unveil", "pledge", "promise", "propose", "vow", "order", "threaten"}
_RESPONSES = {"REJECT", "ACCUSE", "INVESTIGATE", "REQUEST", "PROTEST"}  # event types about another event
_LIGHT_VERBS = {"give", "issue", "deliver", "extend", "offer"}  # verbs that lend their subject to an event noun
_TARGET_PREPS = ("to", "against", "with", "on", "upon", "into", "toward", "towards", "at", "over", "for")
_NOUN_TARGET_PREPS = ("to", "against", "on", "with", "into", "toward", "towards", "upon", "at")
_ACTOR_MODS = {"compound", "amod", "poss", "nmod", "npadvmod", "appos"}
_LOC_PREPS = {"in", "at", "near", "outside", "inside", "across", "around"}
_LOC_LABELS = {"GPE", "LOC", "FAC"}
_MALE_FEMALE = {"he", "him", "his", "she", "her", "hers"}
_NEUTER = {"it", "its"}
_PLURAL = {"they", "them", "their", "theirs"}  # people or groups
_COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
_MATERIAL_CONFLICT = {"SANCTION", "COERCE", "ASSAULT", "FIGHT", "MOBILIZE"}
_YEAR = re.compile(r"^(?:in |the year )?((?:1[89]|20)\d\d)$", re.I)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: the PLOVER type and context a lemma signals, and how its roles map."""

    type: str
    mode: str | None
    roles: frozenset[str]


def _rows(path: Path) -> list[list[str]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            rows.append([c.strip() for c in line.rstrip("\n").split("\t")])
    return rows


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], Trigger]:
    """(lemma or phrase, POS) → Trigger, from `data/plover_triggers.tsv`."""
    lex: dict[tuple[str, str], Trigger] = {}
    for n, row in enumerate(_rows(TRIGGERS_FILE), 1):
        row += [""] * (5 - len(row))
        lemma, pos, etype, mode, roles = row[:5]
        if etype not in PLOVER_TYPES or pos not in _TRIGGER_POS:
            raise ValueError(f"{TRIGGERS_FILE}: entry {n} '{lemma}' has type '{etype}' / pos '{pos}'; "
                             f"types must be one of {PLOVER_TYPES}, pos one of {sorted(_TRIGGER_POS)}")
        lex[(lemma.lower(), pos)] = Trigger(etype, mode or None,
                                            frozenset(r.strip() for r in roles.split(",") if r.strip()))
    return lex


@lru_cache(maxsize=1)
def context_cues() -> dict[str, str]:
    """lemma → PLOVER context, from `data/plover_contexts.tsv`."""
    return {row[0].lower(): row[1] for row in _rows(CONTEXTS_FILE) if len(row) >= 2}


@lru_cache(maxsize=1)
def modality_cues() -> dict[str, frozenset[str]]:
    """kind (speech, future, possible, negate) → lemmas, from `data/plover_cues.tsv`."""
    kinds: dict[str, set[str]] = {}
    for row in _rows(CUES_FILE):
        if len(row) >= 2:
            kinds.setdefault(row[0], set()).add(row[1].lower())
    return {k: frozenset(v) for k, v in kinds.items()}


# ---------------------------------------------------------------- trigger lookup

def lookup(tok: Token) -> Trigger | None:
    """The lexicon entry for a token, phrasal keys first (`call on`, `open fire`, `air strike`)."""
    pos = tok.pos_
    if pos not in _TRIGGER_POS:
        return None
    lex = lexicon()
    lemma = tok.lemma_.lower()
    if pos == "VERB":
        for c in tok.children:
            if c.dep_ == "prep" and (c.i < tok.i or any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)):
                continue  # "called Lavrov on Tuesday" is no "call on"
            if c.dep_ in ("prt", "prep") or c.dep_ in _OBJ:
                hit = lex.get((f"{lemma} {c.lemma_.lower()}", pos))
                if hit:
                    return hit
    elif pos == "NOUN" and tok.i > 1 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_:
        # "cease-fire", "air-strike": the tokenizer splits the hyphen off
        hit = lex.get((f"{tok.doc[tok.i - 2].lower_}-{lemma}", pos)) or lex.get((f"{tok.doc[tok.i - 2].lower_} {lemma}", pos))
        if hit:
            return hit
    if pos == "NOUN" and tok.i > 0:
        prev = tok.doc[tok.i - 1]
        if prev.head.i == tok.i and prev.dep_ in ("compound", "amod", "nmod"):
            hit = lex.get((f"{prev.lemma_.lower()} {lemma}", pos)) or lex.get((f"{prev.lower_} {lemma}", pos))
            if hit:
                return hit
    if pos == "NOUN" and tok.dep_ == "compound":  # "aid groups", "riot police", "war crimes court"
        return None
    if pos == "VERB" and tok.dep_ == "amod":  # "its long-threatened invasion", "the Israeli-occupied West Bank"
        return None
    if pos == "ADJ" and tok.dep_ not in ("acomp", "attr", "xcomp", "ROOT", "conj", "ccomp"):
        return None  # adjectives code events only as predicates: "X is responsible for", "ready to"
    hit = lex.get((lemma, pos))
    if hit is None and pos == "VERB" and tok.tag_ == "VBG":  # "the sending of ..." tagged as a verb
        hit = lex.get((tok.lower_, "NOUN"))
    if hit is not None and lemma in _LIGHT_VERBS:
        for c in tok.children:
            if c.dep_ in _OBJ and c.pos_ == "NOUN" and c.i > tok.i:
                obj = lookup(c)
                if obj is not None and obj.type != hit.type:
                    return None  # "gave Putin a warning": the warning is the event, not a gift
    return hit


# ---------------------------------------------------------------- actors of a noun phrase

class _Context:
    """Per-document lookups built once: token → actor, token → location entity, actor types."""

    def __init__(self, doc: Doc, mentions: list[Mention], actors: dict[str, Actor]):
        self.doc = doc
        self.actors = actors
        self.tok_actor: list[str | None] = [None] * len(doc)
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                if self.tok_actor[t.i] is None:
                    self.tok_actor[t.i] = m.actor
        self._resolving: set[int] = set()
        self.tok_loc: dict[int, Span] = {}
        self.dates: list[Span] = []  # DATE entities, read once (Span.ents rescans the whole doc)
        for ent in doc.ents:
            if ent.label_ in _LOC_LABELS:
                for t in ent:
                    self.tok_loc[t.i] = ent
            elif ent.label_ == "DATE":
                self.dates.append(ent)

    def is_person(self, actor_id: str) -> bool:
        a = self.actors.get(actor_id)
        return a is not None and a.type == "PERSON"

    def pronoun(self, tok: Token) -> str | None:
        """A same-sentence antecedent (he/she → a person, it/they → a non-person): the subject of
        a governing clause first (`Syria says it is willing`, `The union, the umbrella body for
        teachers, announced that it ...`), else the nearest actor before the pronoun."""
        low = tok.lower_
        if low not in _MALE_FEMALE and low not in _NEUTER and low not in _PLURAL:
            return None
        if tok.i in self._resolving:  # "some of them said they ...": no antecedent through itself
            return None
        self._resolving.add(tok.i)
        try:
            return self._antecedent(tok, low)
        finally:
            self._resolving.discard(tok.i)

    def _antecedent(self, tok: Token, low: str) -> str | None:
        fits = (lambda a: True) if low in _PLURAL else (
            lambda a, want=low in _MALE_FEMALE: self.is_person(a) == want)
        t = tok
        for _ in range(6):
            if t.head.i == t.i:
                break
            t = t.head
            for c in t.children:
                if c.dep_ in _SUBJ and c.i < tok.i and c.i != tok.i and c.pos_ != "PRON":
                    for a in self.np_actors(c, 2):
                        if fits(a):
                            return a
        sent = tok.sent
        before = [a for a in (self.tok_actor[i] for i in range(tok.i - 1, sent.start - 1, -1)) if a]
        if low in _PLURAL:  # nearest group first, a plural-named person ("Bosnian Serbs") only after
            return next((a for a in before if not self.is_person(a)), before[0] if before else None)
        return next((a for a in before if fits(a)), None)

    def np_actors(self, tok: Token | None, depth: int = 0) -> list[str]:
        """Actors of the noun phrase headed by `tok` and of its conjuncts (coordination fans out)."""
        if tok is None:
            return []
        out: list[str] = []
        for head in (tok, *tok.conjuncts):
            for a in self._one(head, depth):
                if a not in out:
                    out.append(a)
        return out

    def _one(self, tok: Token, depth: int) -> list[str]:
        a = self.tok_actor[tok.i]
        if a:
            return [a]
        if tok.pos_ == "PRON":
            a = self.pronoun(tok)
            return [a] if a else []
        # "Russia's army", "NATO troops", "North Korean soldiers", "Hungarian and Romanian officials";
        # possessors and compounds before adjectives, and no stance prefixes ("pro-Iranian group")
        mods = sorted((c for c in tok.children if c.dep_ in _ACTOR_MODS),
                      key=lambda c: (c.dep_ == "amod", c.i))
        for c in mods:
            if c.dep_ == "amod" and (c.lower_.startswith(("pro-", "anti-")) or (
                    c.i >= 2 and c.doc[c.i - 1].text == "-" and c.doc[c.i - 2].lower_ in ("pro", "anti"))):
                continue
            found = self.tok_actor[c.i] or (self.pronoun(c) if c.dep_ == "poss" else None)
            if found:
                return [found] + [x for x in (self.tok_actor[k.i] for k in c.conjuncts) if x and x != found]
        if depth < 3:
            # "leaders of the coalition", "doctors from two American aid groups", "rebels in the Ivory Coast"
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "from", "in", "throughout"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            found = self.np_actors(p, depth + 1)
                            if found:
                                return found
            for c in mods:
                if c.dep_ != "appos":
                    found = self._one(c, depth + 1)
                    if found:
                        return found
        return []


def _children(tok: Token, deps: set[str] | tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _pobj(prep: Token) -> Token | None:
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            return c
    return None


def _preps(tok: Token) -> dict[str, Token]:
    """prep word → its object, for the direct prepositional children of `tok` (first wins), and
    those the parser hangs on a particle ("kidnapped up to 16 Russian advisers")."""
    out: dict[str, Token] = {}
    kids = list(tok.children)
    kids += [g for c in kids if c.dep_ == "prt" for g in c.children]
    for c in kids:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ not in out:
            obj = _pobj(c)
            if obj is not None:
                out[c.lower_] = obj
    return out


def _subject(verb: Token, seen: int = 0) -> tuple[list[Token], bool]:
    """(subject tokens, passive?) of a verb, inherited from a governing verb when it has none."""
    subj = _children(verb, _SUBJ)
    if subj:
        s = subj[0]
        if verb.dep_ == "relcl" and s.tag_ in ("WDT", "WP", "WP$") or s.lower_ == "that" and verb.dep_ == "relcl":
            return [verb.head], False
        return [s], False
    psubj = _children(verb, _PASS_SUBJ)
    if psubj:
        s = psubj[0]
        if verb.dep_ == "relcl" and s.tag_ in ("WDT", "WP"):
            return [verb.head], True
        return [s], True
    if verb.dep_ == "relcl":
        return [verb.head], False
    if seen < 3 and verb.dep_ in _INHERIT and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "pcomp" and head.dep_ == "prep":  # "for providing its soldiers, X will ..."
            head = head.head
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "troops deployed in X": the noun is the patient
            return [verb.head], True
        if verb.dep_ == "acl":
            return [verb.head], False
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            s, passive = _subject(head, seen + 1)
            return s, (passive if verb.dep_ == "conj" else False)
    return [], False


# ---------------------------------------------------------------- roles

def _roles(tok: Token, trig: Trigger, ctx: _Context, speaker: str | None) -> tuple[list[str], list[str], bool]:
    """(source actors, target actors, mutual?) of a trigger from its syntax.

    `mutual` when a reciprocal trigger names both sides alike (`ties between A and B`,
    `A clashed with B`): then both directions are events; `war against B` stays one-way.
    """
    roles = trig.roles
    nominal = tok.pos_ == "NOUN" or (tok.tag_ == "VBG" and any(c.dep_ in ("det", "poss") for c in tok.children))
    if tok.pos_ == "ADJ":
        head = tok.head if tok.dep_ in ("acomp", "attr", "amod", "xcomp") else tok
        subj, _ = _subject(head)
        subj_actors = [a for s in subj for a in ctx.np_actors(s)]
        if "subj_target" in roles:  # "X is responsible for ...": claimed by the speaker
            return ([speaker] if speaker else []), subj_actors, False
        targets = [a for p, o in _preps(tok).items() if p in _TARGET_PREPS for a in ctx.np_actors(o)]
        return subj_actors, targets or _infinitive_targets(tok, trig, ctx, 1), False
    if nominal:
        return _nominal_roles(tok, trig, ctx)
    sources, targets = _verb_roles(tok, trig, ctx)
    with_ = _preps(tok).get("with")
    mutual = "sym" in trig.roles and with_ is not None and bool(targets) and targets == ctx.np_actors(with_)
    return sources, targets, mutual


def _verb_roles(tok: Token, trig: Trigger, ctx: _Context, depth: int = 0) -> tuple[list[str], list[str]]:
    roles = trig.roles
    subj, passive = _subject(tok)
    if not passive and any(c.dep_ == "auxpass" for c in tok.children):
        passive = True
    preps = _preps(tok)
    subj_actors = [a for s in subj for a in ctx.np_actors(s)]
    agent = preps.get("by")
    if passive:
        sources = ctx.np_actors(agent) if agent is not None else []
        targets = subj_actors
        if "obj_theme" in roles:  # "arms were sent to X by Y"
            to = preps.get("to")
            targets = ctx.np_actors(to) if to is not None else []
        return sources, targets
    if "inverse" in roles:  # "X received Y from Z", "X hosted Z"
        src = preps.get("from") or agent
        if src is not None:
            return ctx.np_actors(src), subj_actors
        obj = _children(tok, _OBJ)
        if trig.type == "CONSULT" and obj:  # host: the visitor is the actor (manual 3.2.2)
            return ctx.np_actors(obj[0]), subj_actors
        return [], subj_actors
    targets: list[str] = []
    dative = _children(tok, {"dative"})
    objs = _children(tok, _OBJ)
    if "obj_theme" in roles:
        targets = _dative_actors(tok, ctx)
        if not targets:
            for p in ("to", "with", "for"):
                if p in preps:
                    targets = ctx.np_actors(preps[p])
                    if targets:
                        break
        if not targets and len(objs) >= 2 and ctx.tok_actor[objs[0].i]:  # "gave Tanzania a grant"
            targets = ctx.np_actors(objs[0])
    else:
        for o in objs:
            if not ctx.tok_actor[o.i] and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children):
                continue  # "withdraw its troops from Lebanon": one's own troops are not the recipient
            targets = ctx.np_actors(o)
            if targets:
                break
        if not targets:
            targets = _dative_actors(tok, ctx)
        if not targets:
            for p in _TARGET_PREPS + ("from",):
                if p in preps:
                    targets = ctx.np_actors(preps[p])
                    if targets:
                        break
        if not targets and objs:  # "withdraw its troops from Lebanon": the recipient sits in the object's phrase
            op = _preps(objs[0])
            for p in ("from", "to", "against", "in"):
                if p in op:
                    targets = ctx.np_actors(op[p])
                    if targets:
                        break
    if not targets and "obj_theme" in roles and objs:  # "sent arms from X to Y" attached to the object
        op = _preps(objs[0])
        if "to" in op:
            targets = ctx.np_actors(op["to"])
    if not targets and trig.type == "REQUEST":
        # "demanded that North Korea forsake its program": the addressee is the clause's subject
        for c in tok.children:
            if c.dep_ == "ccomp":
                for k in c.children:
                    if k.dep_ in ("nsubj", "nsubjpass"):
                        targets = ctx.np_actors(k)
                if targets:
                    break
        # "called for sanctions against Nigeria", "demanded an admission by Moscow"
        asked = objs + [preps[p] for p in ("for",) if p in preps]
        for noun in asked:
            noun_preps = _preps(noun)
            for p in ("against", "on", "by", "from", "to"):
                if p in noun_preps:
                    targets = ctx.np_actors(noun_preps[p])
                    if targets:
                        break
            if targets:
                break
    if not targets and depth < 2:
        targets = _infinitive_targets(tok, trig, ctx, depth + 1)
    return subj_actors, targets


def _dative_actors(verb: Token, ctx: _Context) -> list[str]:
    """Actors of a verb's indirect object ("gave Tanzania a grant", "gave Putin a warning")."""
    for d in _children(verb, {"dative"}):
        found = ctx.np_actors(_pobj(d) if d.pos_ == "ADP" else d)
        if found:
            return found
    return []


def _infinitive_targets(tok: Token, trig: Trigger, ctx: _Context, depth: int) -> list[str]:
    """The recipient in the phrase of an infinitive the trigger governs: "agreed to provide aid
    for Romania", "offered to negotiate with Armenia", "willing to withdraw ... from Lebanon"."""
    for c in tok.children:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and c.i > tok.i:
            found = _verb_roles(c, lookup(c) or trig, ctx, depth)[1]
            if found:
                return found
    return []


def _nominal_roles(tok: Token, trig: Trigger, ctx: _Context) -> tuple[list[str], list[str]]:
    roles = trig.roles
    sources: list[str] = []
    targets: list[str] = []
    preps = _preps(tok)
    theme = preps.get("of")
    # phrases attached to the theme rather than the trigger: "the sending of soldiers ... from X to Y"
    deeper: dict[str, Token] = {}
    for holder in (tok, theme, *(theme.conjuncts if theme is not None else ())):
        if holder is None:
            continue
        for k, v in _preps(holder).items():
            if holder.i != tok.i:
                deeper.setdefault(k, v)
            for k2, v2 in _preps(v).items():  # "from Germany to Poland" chained on each other
                deeper.setdefault(k2, v2)
    for c in tok.children:
        if c.dep_ == "poss":
            sources = ctx.np_actors(c) or ([ctx.pronoun(c)] if ctx.pronoun(c) else [])
        elif c.dep_ in ("compound", "amod", "nmod") and ctx.tok_actor[c.i] and not sources:
            sources = ctx.np_actors(c)
    # "from" names the giver of a transfer ("the sending of soldiers from X"), else where one
    # withdraws or is expelled from ("the withdrawal of forces from Panama": the recipient)
    transfer = bool(roles & {"of_theme", "obj_theme"}) or trig.type == "AID"
    if not sources and "by" in preps:
        sources = ctx.np_actors(preps["by"])
    if transfer and not sources and "from" in preps:
        sources = ctx.np_actors(preps["from"])
    if transfer and not sources and "from" in deeper:
        sources = ctx.np_actors(deeper["from"])
    if not transfer and "from" in preps:
        targets = ctx.np_actors(preps["from"])
    if "between" in preps or "among" in preps:
        both = ctx.np_actors(preps.get("between") or preps.get("among"))
        if len(both) >= 2:
            return both[:1], both[1:], True
        sources = sources or both
    if theme is not None:
        if "of_source" in roles:
            if not sources:
                sources = ctx.np_actors(theme)
        elif not transfer and not targets:  # "the invasion of Cyprus"; for transfers it is what is given
            targets = ctx.np_actors(theme)
    for p in _NOUN_TARGET_PREPS:
        if not targets and p in preps:
            targets = ctx.np_actors(preps[p])
    if not targets and "to" in deeper:
        targets = ctx.np_actors(deeper["to"])
    # "on the side of X" names a belligerent: X fights the war; an involvement or aid goes to X.
    # The phrase may hang on the trigger or on the noun whose phrase holds it
    # ("the involvement of N in the war against U on the side of R").
    for holder in (tok, tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else None):
        side = _preps(holder).get("on") if holder is not None else None
        if side is None or side.lemma_ != "side":
            continue
        ally = _preps(side).get("of")
        if ally is None:
            continue
        if trig.type in ("FIGHT", "ASSAULT"):
            sources = sources or ctx.np_actors(ally)
        elif holder.i == tok.i:
            targets = targets or ctx.np_actors(ally)
        break
    if not sources or not targets:
        # a light verb governs the nominal event: "X held talks with Y", "X launched an attack on Y"
        head = tok.head
        if not sources and tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" \
                and _lends_subject(head.head):
            # "students converged for a rally", "youths threw stones during demonstrations"
            subj, passive = _subject(head.head)
            if not passive:
                sources = [a for s in subj for a in ctx.np_actors(s)]
        if tok.dep_ in _OBJ | {"attr", "nsubjpass"} and head.pos_ in ("VERB", "AUX") and _lends_subject(head):
            if not sources:
                subj, passive = _subject(head)
                if not passive:
                    sources = [a for s in subj for a in ctx.np_actors(s)]
            if not targets:
                hp = _preps(head)
                for p in _NOUN_TARGET_PREPS:
                    if p in hp:
                        targets = ctx.np_actors(hp[p])
                        if targets:
                            break
            if not targets:  # "gave Putin a stern warning": the indirect object
                targets = _dative_actors(head, ctx)
    return sources, targets, False


def _lends_subject(verb: Token) -> bool:
    """Whether a verb's subject is the agent of the event noun it governs: yes for support verbs
    ("launched an attack", "held talks", "imposed sanctions"), no for a verb that responds to
    the event ("spurned offers of talks", "accused X of attacks", "demanded a ceasefire") or a
    speech or stance verb."""
    own = lookup(verb)
    return not _talks_about(verb) and (own is None or own.type not in _RESPONSES)


def _talks_about(verb: Token) -> bool:
    """A speech or stance verb ("condemned the attack", "welcomed the agreement"): its subject
    speaks about the event it governs and is not the one who carried it out."""
    lemma = verb.lemma_.lower()
    # "announced a ceasefire", "declared war": saying it is doing it
    return lemma not in _PERFORMATIVES and lemma in _stance_verbs()


@lru_cache(maxsize=1)
def _stance_verbs() -> frozenset[str]:
    """The quote extractor's speech, attitude and stance verbs (extract/data/)."""
    from ..quotes import lexicon as quote_lexicon

    return frozenset().union(*(quote_lexicon(name) for name in ("speech_verbs.txt", "attitude_verbs.txt", "object_cues.txt")))


# ---------------------------------------------------------------- modality, speaker, date, location

def _governing_verb(tok: Token) -> Token | None:
    """The verb whose argument a nominal trigger is; None when it sits in a prepositional phrase."""
    t = tok
    if t.pos_ in ("VERB", "AUX"):
        return t
    if t.pos_ == "ADJ":
        return t.head if t.dep_ in ("acomp", "attr") else t
    for _ in range(2):
        if t.dep_ in _OBJ | _SUBJ | _PASS_SUBJ | {"attr", "appos", "conj"}:
            t = t.head
            if t.pos_ in ("VERB", "AUX"):
                return t
        else:
            return None
    return None


def _modality_cue(tok: Token) -> str:
    """negated / possible / future / reported / '' from the trigger's own clause and its control chain."""
    cues = modality_cues()
    found: set[str] = set()
    t = _governing_verb(tok)
    if tok.pos_ == "NOUN" and any(c.dep_ == "neg" or c.lower_ == "no" and c.dep_ == "det" for c in tok.children):
        found.add("negated")
    if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in cues.get("reported", ()) for c in tok.children):
        found.add("reported")  # "the alleged attack"
    steps = 0
    while t is not None and steps < 4:
        steps += 1
        for c in t.children:
            low = c.lower_
            if c.dep_ == "neg":
                found.add("negated")
            elif c.dep_ in ("aux", "auxpass"):
                if low in cues["possible"] or c.lemma_ in cues["possible"]:
                    found.add("possible")
                elif low in cues["future"] or c.lemma_ in cues["future"]:
                    found.add("future")
            elif c.dep_ == "advmod" and low in cues["possible"]:
                found.add("possible")
            elif c.dep_ in ("advmod", "amod") and low in cues.get("reported", ()):
                found.add("reported")  # "reportedly shelled", "the alleged attack"
            elif c.dep_ == "mark" and low in ("if", "unless"):
                found.add("possible")
            elif c.dep_ == "advcl" and c.i > t.i and any(g.dep_ == "mark" and g.lower_ in ("if", "unless")
                                                         for g in c.children):
                found.add("possible")  # "will withdraw ... unless X holds elections": conditional
        if t.dep_ == "xcomp" or (t.dep_ == "acomp" and t.pos_ == "ADJ"):
            head = t.head
            lemma = head.lemma_.lower()
            if lemma in cues["negate"]:
                found.add("negated")
            elif lemma in cues["future"] or lemma == "be" and t.tag_ == "VB":  # "is to visit"
                found.add("future")
            if t.pos_ == "ADJ" and t.lemma_.lower() in cues["future"]:  # "is willing to withdraw"
                found.add("future")
            t = head
            continue
        if t.dep_ == "ccomp":
            head = t.head
            if any(c.dep_ in ("acomp", "attr") and c.lower_ in cues["possible"] for c in head.children):
                found.add("possible")
        break
    for m in MODALITY_PRECEDENCE:
        if m in found:
            return m
    return ""


def _attribution(tok: Token, ctx: _Context) -> tuple[bool, str | None]:
    """(is the trigger reported speech?, the speaker's actor) from `according to X` or `X said that`."""
    cues = modality_cues()["speech"]
    sent = tok.sent
    for t in sent:
        if t.lower_ == "according" and t.dep_ == "prep":
            for to in t.children:
                obj = _pobj(to) if to.lower_ == "to" else None
                if obj is not None:
                    who = ctx.np_actors(obj)
                    return True, (who[0] if who else None)
    t = tok
    for _ in range(8):
        if t.dep_ in ("ccomp", "parataxis") or (t.dep_ == "ROOT" and t.i != tok.i):
            head = t.head if t.dep_ != "ROOT" else t
            if head.lemma_.lower() in cues:
                subj, _ = _subject(head)
                who = [a for s in subj for a in ctx.np_actors(s)]
                return True, (who[0] if who else None)
            if t.dep_ == "parataxis":  # "..., the ministry said" with the speech verb as a child
                pass
        if t.head.i == t.i:
            for c in t.children:  # "X attacked Y, officials said": speech verb attached below the root
                if c.dep_ in ("parataxis", "ccomp", "advcl") and c.lemma_.lower() in cues and c.i > tok.i:
                    subj, _ = _subject(c)
                    who = [a for s in subj for a in ctx.np_actors(s)]
                    return True, (who[0] if who else None)
            break
        t = t.head
    return False, None


_WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
           "nov", "dec")
_RELATIVE = re.compile(r"^(?:(?:late|early|on|last|this|past)\s+)?(today|tonight|yesterday|tomorrow|"
                       r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                       r"(?:\s+(?:morning|afternoon|evening|night))?$|^last\s+(week|month|year)$", re.I)
_DATE_HINT = re.compile(r"\d|\bago\b|\b(?:" + "|".join(_MONTHS) + r")\b", re.I)


_MONTH_RE = r"(?:" + "|".join(_MONTHS) + r")\.?"
_MONTH_DAY = re.compile(
    rf"^(?:(?P<m1>{_MONTH_RE})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_RE})(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<m3>{_MONTH_RE})(?:\s+of)?\s+(?P<y3>\d{{4}}))$", re.I)


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").index(key) + 1


@lru_cache(maxsize=4096)
def _parse_date(text: str, base: str) -> str | None:
    """A DATE entity's text as YYYY-MM-DD relative to the article date; None when it is no date.

    Common news forms (`Monday`, `yesterday`, `last week`, `2022`) are computed directly;
    other forms with a digit, a month name or `ago` go to dateparser; durations (`two
    years`, `recent months`) are no date."""
    from datetime import timedelta

    text = text.strip()
    try:
        base_dt = datetime.strptime(base, "%Y-%m-%d")
    except ValueError:
        return None
    m = _YEAR.match(text)
    if m:
        return f"{m.group(1)}-01-01"
    m = _RELATIVE.match(text)
    if m:
        word = (m.group(1) or m.group(2)).lower()
        if word in _WEEKDAYS:
            d = base_dt - timedelta(days=(base_dt.weekday() - _WEEKDAYS[word]) % 7)
        elif word == "yesterday":
            d = base_dt - timedelta(days=1)
        elif word == "tomorrow":
            d = base_dt + timedelta(days=1)
        elif word == "week":
            d = base_dt - timedelta(days=7)
        elif word == "month":
            d = (base_dt.replace(day=1) - timedelta(days=1)).replace(day=min(base_dt.day, 28))
        elif word == "year":
            d = base_dt.replace(year=base_dt.year - 1, day=min(base_dt.day, 28))
        else:
            d = base_dt
        return d.strftime("%Y-%m-%d")
    m = re.match(r"^(?:the\s+)?(?:early\s+|late\s+|mid-)?((?:1[89]|20)\d0)s$", text, re.I)
    if m:  # "the 1970s": the decade's first day
        return f"{m.group(1)}-01-01"
    m = _MONTH_DAY.match(text)
    if m:  # "September 29", "Sept. 29, 2016", "29 September 2016", "March 2015"
        month = _month_number(m.group("m1") or m.group("m2") or m.group("m3"))
        day = int(m.group("d1") or m.group("d2") or 1)
        year = m.group("y1") or m.group("y2") or m.group("y3")
        try:
            if year:
                return datetime(int(year), month, day).strftime("%Y-%m-%d")
            d = datetime(base_dt.year, month, day)
            if d > base_dt:  # no year given: the most recent such date, as news reports the past
                d = datetime(base_dt.year - 1, month, day)
            return d.strftime("%Y-%m-%d")
        except ValueError:
            return None
    if not _DATE_HINT.search(text):
        return None
    import dateparser  # slow import, only needed for the less common forms

    parsed = dateparser.parse(text, languages=["en"], settings={
        "RELATIVE_BASE": base_dt, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False})
    if parsed is None or not 1800 <= parsed.year <= 2200:
        return None
    return parsed.strftime("%Y-%m-%d")


def _event_date(sent: Span, tok: Token, article_date: str | None, ctx: _Context) -> str | None:
    """The sentence's own date nearest the trigger, else the article date."""
    if not article_date:
        return None
    dates = [e for e in ctx.dates if e.start >= sent.start and e.end <= sent.end]
    if not dates:
        return article_date
    dates.sort(key=lambda e: min(abs(e.start - tok.i), abs(e.end - 1 - tok.i)))
    for e in dates:
        text = re.sub(r"^(?:on|in|since|during|until|by)\s+", "", e.text.strip(), flags=re.I)
        d = _parse_date(text, article_date)
        if d:
            return d
    return article_date


def _location(tok: Token, ctx: _Context) -> Span | None:
    """A place in an `in`/`at`/`near` phrase of the trigger (or of its governing verb)."""
    heads = [tok]
    gv = _governing_verb(tok)
    if gv is not None and gv.i != tok.i:
        heads.append(gv)
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in _LOC_PREPS:
                obj = _pobj(c)
                if obj is None:
                    continue
                if obj.i in ctx.tok_loc:
                    return ctx.tok_loc[obj.i]
                for k in obj.children:  # "in the town of Samarra", "in the capital Kabul"
                    if k.i in ctx.tok_loc and k.dep_ in ("compound", "appos", "prep"):
                        return ctx.tok_loc[k.i]
                    if k.dep_ == "prep" and k.lower_ == "of":
                        o = _pobj(k)
                        if o is not None and o.i in ctx.tok_loc:
                            return ctx.tok_loc[o.i]
                    if k.dep_ == "appos" and k.i in ctx.tok_loc:
                        return ctx.tok_loc[k.i]
    return None


def _mode(tok: Token, trig: Trigger) -> str | None:
    """The lexicon's context, else the first context cue in the trigger's phrase."""
    if trig.mode:
        return trig.mode
    cues = context_cues()
    sub = tok.subtree if tok.pos_ == "NOUN" else (c for ch in tok.children if ch.dep_ in _OBJ | {"prep", "dative", "xcomp"} for c in ch.subtree)
    n = 0
    for t in sub:
        n += 1
        if n > 30:
            break
        ctx = cues.get(t.lemma_.lower())
        if ctx:
            return ctx
    return None


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


# ---------------------------------------------------------------- the extractor

def extract_events(doc: Doc, mentions: list[Mention], actors: dict[str, Actor],
                   quotes: list[Quote], article_date: str | None) -> list[Event]:
    """PLOVER events of a parsed article, in text order of sentences, main clause first.

    Args:
        doc: the article's one spaCy parse (needs the dependency parser).
        mentions: actor mentions with character offsets into `doc.text`.
        actors: actor id → Actor.
        quotes: attributions; an event inside a quote's content is `reported` with `quote` = its index.
        article_date: YYYY-MM-DD or None; relative dates in a sentence are normalized against it.
    Returns:
        Events with source/target actor ids (or None), trigger and sentence offsets, modality, date, location.
    """
    if not doc.has_annotation("DEP") or len(doc) == 0:
        return []
    ctx = _Context(doc, mentions, actors)
    quote_spans = sorted(((q.start, q.end, i) for i, q in enumerate(quotes)), key=lambda x: x[0])
    out: list[tuple[int, int, int, Event]] = []
    seen: set[tuple] = set()
    for sent in doc.sents:
        for tok in sent:
            trig = lookup(tok)
            if trig is None:
                continue
            qi = next((i for s, e, i in quote_spans if s <= tok.idx < e), None)
            if qi is not None and _heads_the_content(doc, tok, quotes[qi]):
                qi = None  # "X condemned the attack", "X signed an agreement": the event itself is no claim
            reported, speaker = _attribution(tok, ctx)
            if qi is not None:
                reported = True
                speaker = quotes[qi].speaker or speaker
            sources, targets, mutual = _roles(tok, trig, ctx, speaker)
            if trig.type == "ASSAULT" and tok.pos_ == "VERB":
                trig = _conventional(tok, trig)
            if trig.type == "MOBILIZE":
                trig = _by_whom_sent(tok, trig)
            modality = _modality_cue(tok) or ("reported" if reported else "asserted")
            place = _location(tok, ctx)
            location = place.text if place is not None else None
            if not targets and place is not None and not mutual:
                # no recipient named: the event is done to the place it happens in ("imposed a
                # curfew in Cizre", "killed 23 people in Tel Aviv"), as PLOVER and CAMEO code it
                loc_actor = ctx.tok_actor[place.start]
                if loc_actor is not None and loc_actor not in sources:
                    targets = [loc_actor]
            pairs = _pairs(sources, targets, trig, mutual)
            date = _event_date(sent, tok, article_date, ctx)
            mode = _mode(tok, trig)
            depth = _depth(tok)
            for src, tgt in pairs:
                key = (trig.type, src, tgt, tok.i)
                if key in seen:
                    continue
                seen.add(key)
                ev = Event(type=trig.type, mode=mode, source=src, target=tgt, trigger=tok.text,
                           trigger_start=tok.idx, trigger_end=tok.idx + len(tok.text),
                           sentence_start=sent.start_char, sentence_end=sent.end_char,
                           modality=modality, quote=qi, date=date, location=location)
                out.append((sent.start, depth, tok.i, ev))
            demand = _deontic(tok, ctx)
            if demand is not None:
                cue, speaker_ids, addressees = demand
                for src, tgt in _pairs(speaker_ids, addressees, Trigger("REQUEST", None, frozenset()), False):
                    key = ("REQUEST", src, tgt, cue.i)
                    if key in seen:
                        continue
                    seen.add(key)
                    ev = Event(type="REQUEST", mode=mode, source=src, target=tgt, trigger=cue.text,
                               trigger_start=cue.idx, trigger_end=cue.idx + len(cue.text),
                               sentence_start=sent.start_char, sentence_end=sent.end_char,
                               modality=_modality_cue(cue) or modality_if_quoted(qi), quote=qi, date=date,
                               location=location)
                    out.append((sent.start, _depth(cue), cue.i, ev))
    out.sort(key=lambda x: x[:3])
    return [e for *_, e in out]


def _heads_the_content(doc: Doc, tok: Token, quote: Quote) -> bool:
    """True when an event noun is the head of a quote's whole content: the quote is a stance
    towards that event ("condemned the attack"), which the writer presents as having happened,
    not a claim that it did."""
    if tok.pos_ != "NOUN" or quote.kind != "indirect":
        return False
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return span is not None and span.root.i == tok.i


_PEACEKEEPING = {"peacekeeper", "peacekeeping", "observer", "monitor", "peace-keeper", "peace-keeping"}
_INSPECTORS = {"inspector", "investigator"}


def _by_whom_sent(tok: Token, trig: Trigger) -> Trigger:
    """Deploying peacekeepers or observers is aid (CAMEO 074 "provide peacekeeping"), sending
    inspectors an investigation (CAMEO 09); other deployments stay MOBILIZE."""
    if tok.pos_ == "NOUN":
        theme = [t for c in tok.children if c.dep_ in ("prep", "compound", "amod") for t in c.subtree]
    else:
        theme = [t for c in tok.children if c.dep_ in _OBJ for t in c.subtree]
    lemmas = {t.lemma_.lower() for t in theme}
    if lemmas & _PEACEKEEPING:
        return Trigger("AID", "peacekeeping", trig.roles)
    if lemmas & _INSPECTORS:
        return Trigger("INVESTIGATE", trig.mode, trig.roles)
    return trig


def _conventional(tok: Token, trig: Trigger) -> Trigger:
    """ASSAULT by a state military (`Israeli tanks shelled`, `the army killed`) is FIGHT."""
    subj, passive = _subject(tok)
    if passive:
        subj = [_pobj(c) for c in tok.children if c.dep_ == "agent"]
    military = modality_cues().get("military_actor", frozenset())
    if any(s is not None and s.lemma_.lower() in military for s in subj):
        return Trigger("FIGHT", trig.mode or "military", trig.roles)
    return trig


def modality_if_quoted(qi: int | None) -> str:
    return "reported" if qi is not None else "asserted"


def _deontic(tok: Token, ctx: _Context) -> tuple[Token, list[str], list[str]] | None:
    """`X said Y must/should do Z`: X demands of Y (a REQUEST on the speech cue), PLOVER 3.8.

    Returns (cue token, speaker actors, addressee actors) or None. Only when the cue is not a
    trigger itself (`warned that ... must` is already a THREATEN)."""
    cues = modality_cues()
    if not any(c.dep_ == "aux" and c.lower_ in cues.get("deontic", ()) for c in tok.children):
        return None
    t = tok
    for _ in range(3):
        if t.dep_ not in ("ccomp", "acl", "relcl", "conj") or t.head.i == t.i:
            return None
        head = t.head
        lemma = head.lemma_.lower()
        is_cue = (head.pos_ == "VERB" and lemma in cues["speech"]) or (
            head.pos_ == "NOUN" and lemma in cues.get("speech_noun", ()))
        if is_cue:
            if lookup(head) is not None:
                return None
            verb = head if head.pos_ == "VERB" else (head.head if head.dep_ in _OBJ | {"attr"} else None)
            subj, passive = _subject(verb) if verb is not None else ([], False)
            speaker = [] if passive else [a for s in subj for a in ctx.np_actors(s)]
            addressee_subj, _ = _subject(tok)
            addressee = [a for s in addressee_subj for a in ctx.np_actors(s)]
            return head, speaker, addressee
        t = head
    return None


def _pairs(sources: list[str], targets: list[str], trig: Trigger,
           mutual: bool) -> list[tuple[str | None, str | None]]:
    """Source × target pairs; reciprocal triggers with several actors and no recipient pair them up."""
    sources = list(dict.fromkeys(sources))
    targets = [t for t in dict.fromkeys(targets)]
    if "sym" in trig.roles and not targets and len(sources) >= 2:
        return [(a, b) for a in sources for b in sources if a != b]
    pairs: list[tuple[str | None, str | None]] = []
    for s in sources or [None]:
        ts = [t for t in targets if t != s]
        for t in ts or [None]:
            pairs.append((s, t))
    if mutual:  # "ties between A and B", "A clashed with B": both directions
        pairs += [(t, s) for s, t in pairs if s and t and (t, s) not in pairs]
    return pairs


def main_event(events: list[Event], sentence_start: int | None = None, reach: int = 2) -> Event | None:
    """The most prominent event (of one sentence, if given) that names its actor.

    Events come in order of prominence; among the first `reach` triggers the first event with a
    source wins (a headline event without an actor says little), else the first event."""
    cands = [e for e in events if sentence_start is None or e.sentence_start == sentence_start]
    if not cands:
        return None
    triggers: list[int] = []
    for e in cands:
        if e.trigger_start not in triggers:
            triggers.append(e.trigger_start)
        if len(triggers) > reach:
            break
        if e.source:
            return e
    return cands[0]


def plover_category(event: Event) -> str:
    """The PLOVER category a coder would assign to an event, applying the future rules.

    Manual 3.1: cooperative actions (CONSULT, SUPPORT, COOPERATE, AID) in the future are AGREE.
    Future concessions and retreats (`will allow`, `is willing to withdraw`) are AGREE too, as
    CAMEO2PLOVER-2021 maps CAMEO's "express intent to yield / release / ease sanctions /
    de-escalate" (035-0356) and the PLOVER GSR codes them (manual 0.8 3.4 would keep CONCEDE).
    An announced future material-conflict action (sanction, coerce, assault, fight, mobilize)
    is a THREATEN (CAMEO 13 "threaten" covers announced coercive acts). The extractor keeps the
    action's own type plus modality `future`; this maps it for comparison with coded data.
    Refused or failed cooperation ("failed to reach agreement", "would not meet") is REJECT.
    """
    t = event.type
    if event.modality == "future":
        if t in _COOPERATIVE or t in ("RETREAT", "CONCEDE"):
            return "AGREE"
        if t in _MATERIAL_CONFLICT:
            return "THREATEN"
    if event.modality == "possible" and t in _MATERIAL_CONFLICT:
        return "THREATEN"  # "may halt ..., if", "could strike": a coercive act held out, not done
    if event.modality == "negated" and (t in _COOPERATIVE or t in ("AGREE", "CONCEDE")):
        return "REJECT"  # "failed to reach agreement", "refused to meet": CAMEO 12 / PLOVER REJECT
    return t
