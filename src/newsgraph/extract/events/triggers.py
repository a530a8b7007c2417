"""Triggers: the words that signal a PLOVER event, found by one lexicon lookup per content token.

Every verb, noun or adjective whose lemma is in `data/plover_triggers.tsv` is a trigger; phrasal
keys are tried first, so `call on`, `open fire`, `cease-fire` and `air strike` win over `call`,
`open`, `fire` and `strike`. The lexicon was built from the PLOVER manual's category definitions
(draft 0.8, 2021, ch. 3) and CAMEO2PLOVER-2021 (CAMEO verb categories 03-20). Verbs it lacks come
from PETRARCH's CAMEO verb dictionary (`data/plover_cameo_triggers.tsv`, see `build_cameo_triggers`):
own phrasal keys, then CAMEO's, then own single words, then CAMEO's; the own lexicon wins on a key.

    >>> lookup(nlp("Spain called on Italy to close the harbour.")[1]).type
    'REQUEST'
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Token

from ...lexicon import LexiconError, table
from ..descriptors import role_words
from ..syntax import OBJECT_DEPS
from .lexicons import PACKAGE, cues, light_verbs, plover_types

TRIGGERS_FILE = "plover_triggers.tsv"
CAMEO_TRIGGERS_FILE = "plover_cameo_triggers.tsv"
NOUN_FRAMES_FILE = "plover_noun_frames.tsv"
#: coarse parts of speech a trigger can have
TRIGGER_POS = ("VERB", "NOUN", "ADJ")
#: the PLOVER event types, in the manual's order (`data/plover_types.tsv`)
PLOVER_TYPES = plover_types()
#: dependency labels of an adjective that codes an event as a predicate ("X is responsible for", "ready to")
_PREDICATE_ADJ_DEPS = ("acomp", "attr", "xcomp", "ROOT", "conj", "ccomp")
#: phrases of a listing verb that say what its object is listed as ("a terrorist organisation", "as a terror group")
_LISTING_DEPS = ("dobj", "dative", "oprd", "xcomp", "ccomp", "prep", "attr", "advcl")
#: particles the parser may label adverbs ("hit back at X", "pulled its forces back"), read as in "verb particle" keys
_ADVERB_PARTICLES = ("back", "out", "off", "down", "away")
#: modifiers that join an event noun into a two-word key ("air strike", "peace talks")
_NOUN_KEY_DEPS = ("compound", "amod", "nmod")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: the PLOVER type and context a lemma signals, and how its roles map."""

    type: str
    mode: str | None
    roles: frozenset[str]
    key: str = ""  # the lexicon key that matched ("attack", "open fire"), for rules that read the word's senses
    origin: str = "lexicon"  # "lexicon" (the project's own) or "cameo" (PETRARCH's verb dictionary)


@cache
def lexicon() -> dict[tuple[str, str], Trigger]:
    """(lemma or phrase, POS) → Trigger, from `data/plover_triggers.tsv` (columns lemma, pos,
    type, mode, roles, notes...)."""
    return _read(TRIGGERS_FILE, "lexicon")


@cache
def cameo_lexicon() -> dict[tuple[str, str], Trigger]:
    """(verb or verb phrase, "VERB") → Trigger from PETRARCH's CAMEO verb dictionary mapped to PLOVER
    (`data/plover_cameo_triggers.tsv`, built by `build_cameo_triggers`). The own lexicon wins on the same key and
    on every pattern of a verb it lists, except light verbs ("give approval" is SUPPORT, not a gift), whose patterns
    take the verb's role flags."""
    own = lexicon()
    light = light_verbs()
    out: dict[tuple[str, str], Trigger] = {}
    for key, trig in _read(CAMEO_TRIGGERS_FILE, "cameo").items():
        head = key[0].split(" ", 1)[0]
        verb = own.get((head, "VERB"))
        if key in own or (verb is not None and head not in light):
            continue  # the own lexicon's verbs keep their own types ("send troops" stays AID)
        # a light verb's pattern takes its role flags ("offered aid to X": the object is what is given)
        out[key] = replace(trig, roles=trig.roles | verb.roles) if verb is not None and verb.roles else trig
    return out


@cache
def noun_frames() -> dict[tuple[str, str], Trigger]:
    """(verb lemma, noun lemma) → Trigger from `data/plover_noun_frames.tsv` (verb, noun, type, mode, notes): the type
    an event noun takes as the object of that verb, with the noun's own roles."""
    own = lexicon()
    out: dict[tuple[str, str], Trigger] = {}
    for n, row in enumerate(table(PACKAGE, NOUN_FRAMES_FILE, 5, min_columns=3), 1):
        verb, noun, etype, mode = row[:4]
        noun_entry = own.get((noun.lower(), "NOUN"))
        if etype not in PLOVER_TYPES or noun_entry is None:
            raise LexiconError(f"data/{NOUN_FRAMES_FILE}: entry {n} '{verb} {noun}' has type '{etype}' or a noun that "
                               f"is no NOUN entry of {TRIGGERS_FILE}; types must be one of {PLOVER_TYPES}")
        out[(verb.lower(), noun.lower())] = Trigger(etype, mode or None, noun_entry.roles, f"{verb} {noun}".lower())
    return out


def _read(name: str, origin: str) -> dict[tuple[str, str], Trigger]:
    lex: dict[tuple[str, str], Trigger] = {}
    for n, row in enumerate(table(PACKAGE, name), 1):
        lemma, pos, etype, mode, roles = (row + ("",) * 5)[:5]
        if etype not in PLOVER_TYPES or pos not in TRIGGER_POS:
            raise LexiconError(f"data/{name}: entry {n} '{lemma}' has type '{etype}' / pos '{pos}'; "
                               f"types must be one of {PLOVER_TYPES}, pos one of {sorted(TRIGGER_POS)}")
        lex[(lemma.lower(), pos)] = Trigger(etype, mode or None,
                                            frozenset(r.strip() for r in roles.split(",") if r.strip()), lemma.lower(),
                                            origin)
    return lex


def lookup(tok: Token) -> Trigger | None:
    """The lexicon entry for a token, phrasal keys first (`call on`, `open fire`, `air strike`)."""
    pos = tok.pos_
    if pos not in TRIGGER_POS:
        return None
    lemma = _verb_lemma(tok) if pos == "VERB" else tok.lemma_.lower()
    phrasal = _verb_phrase_key(tok, lemma, lexicon()) if pos == "VERB" else _noun_phrase_key(tok, lemma)
    if phrasal is None and pos == "VERB" and not _governs_event_noun(tok):
        # "held talks", "lodged a protest": the noun of the own lexicon is the event, with its own phrases
        phrasal = _verb_phrase_key(tok, lemma, cameo_lexicon())
    if phrasal is not None:
        return phrasal
    if pos == "VERB" and visit_host(tok):
        return VISIT_HOSTED
    if pos == "VERB" and terror_listing(tok):
        return TERROR_LISTED
    if pos == "NOUN" and tok.dep_ == "compound":  # "aid groups", "riot police", "war crimes court"
        return None
    framed = _noun_frame(tok, lemma) if pos == "NOUN" else None
    if framed is not None:
        return framed
    if pos == "VERB" and (tok.dep_ == "amod" and not hyphen_agent(tok) or attributive_participle(tok)):
        return None  # "its long-threatened invasion" (but "Rwanda-backed rebels" names who backs them)
    if pos == "ADJ" and tok.dep_ not in _PREDICATE_ADJ_DEPS:
        return None  # adjectives code events only as predicates: "X is responsible for", "ready to"
    lex = lexicon()
    hit = lex.get((lemma, pos))
    if hit is None and pos == "VERB" and tok.tag_ == "VBG":  # "the sending of ..." tagged as a verb
        hit = lex.get((tok.lower_, "NOUN"))
    if hit is None and pos == "VERB":
        hit = cameo_lexicon().get((lemma, pos))
    if hit is not None and (lemma in light_verbs() or lemma in cues("means_verb") or "inverse" in hit.roles) \
            and _object_event_differs(tok, hit):
        return None  # "gave Putin a warning", "deployed tear gas", "received threats": the noun is the event
    if hit is not None and "to_only" in hit.roles and not _commits_to(tok):
        return None  # "committed atrocities" is no commitment
    return hit


#: the event of a host receiving a visitor (CAMEO 043 host a visit; the lexicon's "host")
VISIT_HOSTED = Trigger("CONSULT", "diplomatic", frozenset(), "receive visitor")


def visit_host(verb: Token) -> bool:
    """Whether a verb of receiving (`plover_cues.tsv` kind `host_verb`) has a visitor as its object: a person's
    name, an office (`role_words.txt`: "the Hungarian prime minister") or a `visitor_noun` ("an envoy"), each of
    its direct objects. Not in the passive ("was received by X": the visitor is the subject, which the roles would invert)."""
    if verb.lemma_.lower() not in cues("host_verb") or any(c.dep_ == "auxpass" for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # every object a visitor: "received 38 percent support, Johnson 3 percent" is a list, not a visit
    return bool(objects) and all(o.ent_type_ == "PERSON" or o.lemma_.lower() in role_words()
                                 or o.lemma_.lower() in cues("visitor_noun") for o in objects)


#: the event of listing someone as a terrorist group (a sanction: the news-dev and CAMEO 16 reading of a designation)
TERROR_LISTED = Trigger("SANCTION", "political", frozenset(), "designate terrorist")


def terror_listing(verb: Token) -> bool:
    """Whether a verb of listing (`plover_cues.tsv` kind `designating_verb`: designate, list, proscribe) names its
    object a terrorist group ("designated the Houthis a terrorist organisation", "lists HTS as a terrorist group"):
    a word of kind `designation_noun` in its object or predicate phrases."""
    if verb.lemma_.lower() not in cues("designating_verb"):
        return False
    marks = cues("designation_noun")
    return any(t.lemma_.lower() in marks for c in verb.children if c.dep_ in _LISTING_DEPS for t in c.subtree)


def _commits_to(verb: Token) -> bool:
    """Whether a verb governs a to-phrase, a to-infinitive or an amount ("committed to a ceasefire", "committed
    to pay", "committed $5 million"; not "committed atrocities")."""
    return any((c.dep_ == "prep" and c.lower_ == "to") or
               (c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)) or
               (c.dep_ in OBJECT_DEPS and (c.pos_ == "NUM" or c.ent_type_ == "MONEY" or
                                           any(g.pos_ == "NUM" or g.tag_ == "$" for g in c.children)))
               for c in verb.children)


def _verb_lemma(tok: Token) -> str:
    """The verb's lemma, repaired where spaCy's rule lemmatizer strips "-ed" down to another dictionary
    verb ("fined" -> "fin", a verb in WordNet) while the "-e" form is the trigger ("fine"): the "-e" form
    is taken only when the stripped one is no trigger and it is."""
    lemma = tok.lemma_.lower()
    lower = tok.lower_
    if tok.tag_ not in ("VBD", "VBN") or not lower.endswith("ed") or lemma != lower[:-2]:
        return lemma
    with_e = lower[:-1]
    known = lexicon().keys() | cameo_lexicon().keys()
    return with_e if (lemma, "VERB") not in known and (with_e, "VERB") in known else lemma


def _verb_phrase_key(tok: Token, lemma: str, lex: dict[tuple[str, str], Trigger]) -> Trigger | None:
    """A `verb prep noun`, `verb particle`, `verb prep` or `verb object` entry of `lex` ("take into custody",
    "call on", "open fire"). The three-word keys are idioms whose verb and preposition alone mean nothing
    ("took 40 people into custody", "took to the streets"; not "took the bus to Kyiv")."""
    particle = any(c.dep_ == "prt" for c in tok.children)
    for c in tok.children:
        if c.dep_ == "prep" and (c.i < tok.i or any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)):
            continue  # "called Lavrov on Tuesday" is no "call on"
        if c.dep_ == "prep" and particle:
            continue  # "turned the laptop over to the FBI" is no "turn to": the particle makes another verb
        if c.dep_ == "prep":
            idiom = next((lex.get((f"{lemma} {c.lower_} {o.lemma_.lower()}", "VERB")) for o in c.children
                          if o.dep_ == "pobj"), None)
            if idiom:
                return idiom
        if c.dep_ in ("prt", "prep") or c.dep_ in OBJECT_DEPS or (c.dep_ == "advmod" and c.lower_ in _ADVERB_PARTICLES):
            hit = lex.get((f"{lemma} {c.lemma_.lower()}", "VERB"))
            if hit:
                return hit
        if c.dep_ in OBJECT_DEPS and c.lemma_.lower() in cues("container_noun"):
            # "launched a barrage of rockets", "fired dozens of missiles": the bundle's of-phrase is the object
            # (an event noun there is the event itself: "imposed a package of sanctions", `_object_event_differs`)
            hit = next((found for o in _of_objects(c) if (o.lemma_.lower(), "NOUN") not in lexicon()
                        and (found := lex.get((f"{lemma} {o.lemma_.lower()}", "VERB")))), None)
            if hit:
                return hit
    return None


def _of_objects(noun: Token) -> list[Token]:
    """The objects of a noun's of-phrases ("a barrage of rockets": "rockets")."""
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


def attributive_participle(verb: Token) -> bool:
    """Whether a past participle the parser made a verb with an object only modifies a name or title ("to extradite
    deposed Prime Minister X", "will try ousted President Y", "freed jailed opposition leader Z"): no auxiliary, no
    subject, and a proper-noun object right after it. A verb of its own has a subject or auxiliary ("the army ousted
    President Y", "has ousted"), a reduced passive has no object ("ousted by the army")."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return False
    objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    return bool(objs) and objs[0].left_edge.i == verb.i + 1 and objs[0].left_edge.pos_ == "PROPN"


def hyphen_agent(participle: Token) -> Token | None:
    """The proper noun joined by a hyphen before a participle that modifies a noun ("Rwanda-backed
    rebels", "Iran-backed Houthis"): the one who does what the participle says."""
    doc = participle.doc
    if participle.tag_ != "VBN" or participle.i < 2:
        return None
    hyphen, agent = doc[participle.i - 1], doc[participle.i - 2]
    if hyphen.text in ("-", "–") and not hyphen.whitespace_ and not agent.whitespace_ and agent.pos_ == "PROPN":
        return agent
    return None


def _noun_frame(noun: Token, lemma: str) -> Trigger | None:
    """The entry of `data/plover_noun_frames.tsv` for an event noun as the object of a verb that gives it
    another type ("lodged a protest with X" is a complaint, ACCUSE; the noun alone is a street protest): the
    noun keeps its own roles and stays the event, so its actors are read as for any event noun."""
    head = noun.head
    if noun.dep_ not in OBJECT_DEPS or head.i == noun.i or head.pos_ != "VERB":
        return None
    frames = noun_frames()
    lower = head.lower_  # "staged" -> "stag": the rule lemmatizer's "-ed" repair as in `_verb_lemma`
    with_e = lower[:-1] if head.tag_ in ("VBD", "VBN") and lower.endswith("ed") else None
    return frames.get((head.lemma_.lower(), lemma)) or (frames.get((with_e, lemma)) if with_e else None)


def _governs_event_noun(verb: Token) -> bool:
    """Whether a verb's object is an event noun of the own lexicon ("held talks", "declared a ceasefire")."""
    lex = lexicon()
    return any(c.dep_ in OBJECT_DEPS and c.pos_ == "NOUN" and (
        (c.lemma_.lower(), "NOUN") in lex or _noun_phrase_key(c, c.lemma_.lower()) is not None) for c in verb.children)


def _noun_phrase_key(tok: Token, lemma: str) -> Trigger | None:
    """A hyphenated or two-word noun entry ("cease-fire", "air strike") ending in `tok`."""
    if tok.pos_ != "NOUN":
        return None
    lex = lexicon()
    doc = tok.doc
    if tok.i > 1 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
        # "cease-fire", "air-strike": the tokenizer splits the hyphen off
        first = doc[tok.i - 2].lower_
        hit = lex.get((f"{first}-{lemma}", "NOUN")) or lex.get((f"{first} {lemma}", "NOUN"))
        if hit:
            return hit
    if tok.i > 0:
        prev = doc[tok.i - 1]
        if prev.head.i == tok.i and prev.dep_ in _NOUN_KEY_DEPS:
            hit = lex.get((f"{prev.lemma_.lower()} {lemma}", "NOUN")) or lex.get((f"{prev.lower_} {lemma}", "NOUN"))
            if hit:
                return hit
    return None


def _object_event_differs(verb: Token, hit: Trigger) -> bool:
    """Whether a light verb's object is an event noun of another type ("gave Putin a warning"), also through a
    noun of quantity or bundle (`container_noun` cues: "imposed a package of sanctions" is the sanctions)."""
    containers = cues("container_noun")
    for c in verb.children:
        if c.dep_ in OBJECT_DEPS and c.pos_ == "NOUN" and c.i > verb.i:
            nouns = [c] + [o for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                           for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"] \
                if c.lemma_.lower() in containers else [c]
            if any((obj := lookup(n)) is not None and obj.type != hit.type for n in nouns):
                return True
    return False
