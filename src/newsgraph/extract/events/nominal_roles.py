"""Roles of an event noun: who acts and on whom in "the Turkish invasion of Cyprus".

The source is the possessor or an actor modifier (`Russia's attack`, `the Turkish invasion`), a
`by` phrase, or the `from` phrase (`the delivery of tanks from Germany`, `a warning from China`), which
for leaving or expelling names what is left, the target (`the withdrawal of forces from Panama`); the
target an `of` phrase (`the invasion of Cyprus`, not for transfers: there it is what is given),
a `to`/`against`/`on` phrase, or `between A and B` for one event between the two. A verb that governs the
noun lends its subject when it is a support verb (`X launched an attack on Y`, `held talks with
Y`) but not when it responds to or speaks about the event (`spurned offers of talks`,
`condemned the attack`); the subject of a verb of undergoing is the target (`Russia faces EU sanctions`,
`Google paid a fine to the Commission`, `Japan ignored a warning from China`). An event noun that gives
the kind of an amount (`pledged 500 million euros in aid to X`) is governed through the amount.

    >>> doc = nlp("The Turkish invasion of Cyprus divided the island.")   # index = ActorIndex(doc, ...)
    >>> sources, targets, mutual = nominal_roles(doc[2], lookup(doc[2]), index)
    >>> [actors[a].name for a in sources + targets]
    ['Türkiye', 'Cyprus']
"""
from __future__ import annotations

from spacy.tokens import Token

from ..syntax import OBJECT_DEPS, SUBJECT_DEPS, children, inherited_subject, prep_objects
from .actors import ActorIndex, dative_actors
from .commitments import accused_of
from .control import object_controller
from .lexicons import cues, performative_verbs, prepositions, stance_verbs, type_group
from .settings import EventSettings
from .triggers import Trigger, lexicon, lookup

#: modifiers of an event noun that name its actor ("NATO strikes", "the Turkish invasion")
_ACTOR_MODIFIER_DEPS = ("compound", "amod", "nmod")
#: relations of an event noun to a verb that may lend it its subject ("launched an attack", "talks were held")
_SUPPORTED_DEPS = frozenset(OBJECT_DEPS + ("attr", "nsubjpass"))


def nominal_roles(tok: Token, trig: Trigger, index: ActorIndex,
                  settings: EventSettings = EventSettings()) -> tuple[list[str], list[str], bool]:
    """(source actors, target actors, mutual?) of an event noun.

    The rules run in a fixed order, each filling only what is still empty, so the order is the
    precedence: own modifiers, `by`, transfer `from`, `between`, `of`, target phrases, `on the
    side of`, then the governing verb (a light verb)."""
    preps = prep_objects(tok)
    theme = preps.get("of")
    deeper = _deeper_phrases(tok, theme)
    sources = _modifier_sources(tok, index)
    undergoer = _undergoer(tok, index, settings)
    if undergoer is not None:  # "Russia faces new sanctions from the EU", "Google paid a fine to the Commission"
        sources = sources or index.in_phrases(preps, ("by", "from")) or \
            index.in_phrases(prep_objects(tok.head), ("by", "from", "to"))
        return [a for a in sources if a not in undergoer], undergoer, False
    targets: list[str] = []
    # "from" names the giver of a transfer ("the sending of soldiers from X"), else where one
    # withdraws or is expelled from ("the withdrawal of forces from Panama": the recipient)
    transfer = bool(trig.roles & {"of_theme", "obj_theme"}) or trig.type == "AID"
    if not sources:
        sources = index.np_actors(agent_phrase(tok))
    if transfer and not sources and "from" in preps:
        sources = index.np_actors(preps["from"])
    if transfer and not sources and "from" in deeper:
        sources = index.np_actors(deeper["from"])
    if not transfer and "from" in preps and not _received(tok):  # "received sanctions from X": X is the source
        if trig.type in type_group("departure"):  # "the withdrawal of forces from Panama": what is left
            targets = index.np_actors(preps["from"])
        elif not sources:  # "a warning from China", "criticism from Germany": who gave it
            sources = index.np_actors(preps["from"])
    sides = next((preps[p] for p in prepositions("both_sides") if p in preps), None)
    if sides is not None and tok.lemma_.lower() in cues("mediate"):  # "Qatar's mediation between A and B"
        parties = index.np_actors(sides)
        if not sources:  # "Qatar offered mediation between A and B": the light verb's subject mediates
            sources, _ = _from_governing_verb(tok, index, [], parties, settings)
        return sources, [a for a in parties if a not in sources], False
    if sides is not None:  # "ties between Brazil and Argentina"
        both = index.np_actors(sides)
        if len(both) >= 2:
            return both[:1], both[1:], True
        sources = sources or both
    if theme is not None:
        if "of_source" in trig.roles:
            if not sources:
                sources = index.np_actors(theme)
        elif not transfer and not targets:  # "the invasion of Cyprus"; for transfers it is what is given
            targets = index.np_actors(theme)
    if not targets:
        targets = index.in_phrases(preps, prepositions("noun_target"))
    if not targets and "to" in deeper:
        targets = index.np_actors(deeper["to"])
    if not targets and trig.type in type_group("cooperative"):  # "support for Palestine", "aid for Gaza"
        targets = index.in_phrases(preps, prepositions("noun_beneficiary"))
    pair = hyphen_pair(tok, index)
    if pair is not None and not targets:  # "Iran-US talks", "the Israel-Hamas war"
        if "sym" in trig.roles or trig.type in type_group("reciprocal"):
            return [pair[0]], [pair[1]], True
        sources = sources or list(pair)
    sources, targets = _side_of(tok, trig, index, sources, targets)
    if not sources or not targets:  # "pledged 500 million euros in aid to X": the amount is the verb's object
        sources, targets = _from_governing_verb(amount_of(tok) or tok, index, sources, targets, settings)
    if not sources and trig.type in type_group("reciprocal"):
        sources = _talks_before(tok, index, settings)
    if not targets and trig.mode == "legal":  # "an arrest warrant for X", "issued warrants for X"
        holders = [tok] + ([tok.head] if tok.dep_ in OBJECT_DEPS else [])
        targets = next((found for h in holders if (found := index.in_phrases(prep_objects(h),
                                                                             prepositions("legal_target")))), [])
    return sources, targets, False


def agent_phrase(noun: Token) -> Token | None:
    """The object of an event noun's `by` phrase, or of the `by` phrase the parser hung on the noun of its `of`
    phrase ("the expulsion of its diplomats by Estonia", "the detention of two fishermen by the coast guard"):
    who did it, as in the passive clause the noun stands for."""
    preps = prep_objects(noun)
    if "by" in preps:
        return preps["by"]
    theme = preps.get("of")
    return prep_objects(theme).get("by") if theme is not None else None


def _undergoer(tok: Token, index: ActorIndex, settings: EventSettings) -> list[str] | None:
    """Who undergoes an event noun: the subject of a verb of undergoing that governs it ("Russia faces new
    sanctions", "Google agreed to pay a fine", "the army suffered an attack"; plover_cues kind undergo).
    None when no such verb governs the noun; empty when its subject names no actor."""
    head = tok.head
    if tok.dep_ not in OBJECT_DEPS or head.pos_ != "VERB" or head.lemma_.lower() not in cues("undergo"):
        return None
    subj, passive = inherited_subject(head, settings.subject_inherit_steps)
    return [] if passive else index.of_all(subj)


def amount_of(noun: Token) -> Token | None:
    """The amount an event noun gives the kind of ("500 million euros in aid", "$60 billion in military
    assistance", "$70 million of aid"): the number or money noun whose `in`/`of` phrase it is
    (`amount_kind` of event_prepositions.tsv); None for any other noun."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in prepositions("amount_kind"):
        return None
    holder = prep.head  # the amount, or the verb the parser hung the phrase on ("pledged $5m in aid")
    candidates = [o for o in holder.children if o.dep_ in OBJECT_DEPS] if holder.pos_ == "VERB" else [holder]
    amount = next((a for a in candidates if a.pos_ in ("NOUN", "NUM") and (
        a.pos_ == "NUM" or a.ent_type_ == "MONEY" or any(c.pos_ == "NUM" or c.tag_ == "$" for c in a.children))), None)
    verb = holder if holder.pos_ == "VERB" else holder.head
    if amount is not None and prep.lower_ != "in" and lookup(verb) is None:
        return None  # "had $12M of unspent donations": an amount held, not given (`in` predates this check)
    return amount


def given_by_verb(noun: Token) -> bool:
    """Whether an event noun is the kind of an amount a verb of its own type gives ("provided 25,000 tons of
    food aid", "sent $5 million in aid"): the verb's event is the same act, so the noun codes none of its own."""
    amount = amount_of(noun)
    if amount is None:
        return False
    verb, own = amount.head, lookup(noun)
    given = lookup(verb) if verb.pos_ == "VERB" else None
    return own is not None and given is not None and given.type == own.type


def _received(tok: Token) -> bool:
    """Whether an event noun is the object of a verb whose subject receives it ("received sanctions from X",
    trigger role `inverse`)."""
    return tok.dep_ in OBJECT_DEPS and tok.head.pos_ == "VERB" and receiving(tok.head)


def receiving(verb: Token) -> bool:
    """Whether a verb's subject receives what it governs (trigger role `inverse`: "received", "hosted"), even
    where the verb itself codes no event beside an event noun ("received threats")."""
    entry = lexicon().get((verb.lemma_.lower(), "VERB"))
    return entry is not None and "inverse" in entry.roles


def _talks_before(tok: Token, index: ActorIndex, settings: EventSettings) -> list[str]:
    """The subject of the clause a reciprocal event noun is the occasion of ("X called off the march after
    negotiations with Y", "following a meeting with Y, X said"): X took part in it."""
    head = tok.head
    if tok.dep_ != "pobj" or head.dep_ != "prep" or head.lower_ not in prepositions("occasion") \
            or head.head.pos_ not in ("VERB", "AUX"):
        return []
    subj, passive = inherited_subject(head.head, settings.subject_inherit_steps)
    return [] if passive else index.of_all(subj)


def hyphen_pair(tok: Token, index: ActorIndex) -> tuple[str, str] | None:
    """Two actors joined by a hyphen before an event noun ("Iran-US talks", "the India-Pakistan war"): the
    parser hangs the first on the second, both as compounds."""
    doc = tok.doc
    for c in tok.children:
        second = index.tok_actor[c.i]
        if c.dep_ != "compound" or second is None:
            continue
        for k in c.children:
            first = index.tok_actor[k.i]
            if k.dep_ == "compound" and first is not None and first != second and k.i + 2 == c.i \
                    and doc[k.i + 1].text in ("-", "–"):
                return first, second
    return None


def _deeper_phrases(tok: Token, theme: Token | None) -> dict[str, Token]:
    """Phrases attached to the theme rather than the trigger ("the sending of soldiers ... from X
    to Y"), and phrases chained on the trigger's own ("from Germany to Poland"): first wins."""
    deeper: dict[str, Token] = {}
    for holder in (tok, theme, *(theme.conjuncts if theme is not None else ())):
        if holder is None:
            continue
        for k, v in prep_objects(holder).items():
            if holder.i != tok.i:
                deeper.setdefault(k, v)
            for k2, v2 in prep_objects(v).items():
                deeper.setdefault(k2, v2)
    return deeper


def _modifier_sources(tok: Token, index: ActorIndex) -> list[str]:
    """The possessor ("Russia's attack", "its attack") or an actor modifier ("NATO strikes")."""
    sources: list[str] = []
    for c in tok.children:
        if c.dep_ == "poss":
            sources = index.np_actors(c)
            if not sources:
                antecedent = index.pronoun(c)
                sources = [antecedent] if antecedent else []
        elif c.dep_ in _ACTOR_MODIFIER_DEPS and index.tok_actor[c.i] and not sources:
            sources = index.np_actors(c)
    return sources


def _side_of(tok: Token, trig: Trigger, index: ActorIndex, sources: list[str],
             targets: list[str]) -> tuple[list[str], list[str]]:
    """"on the side of X" names a belligerent: X fights the war; an involvement or aid goes to X.
    The phrase may hang on the trigger or on the noun whose phrase holds it ("the involvement of
    N in the war against U on the side of R")."""
    holder_of_phrase = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else None
    for holder in (tok, holder_of_phrase):
        side = prep_objects(holder).get("on") if holder is not None else None
        if holder is None or side is None or side.lemma_ != "side":
            continue
        ally = prep_objects(side).get("of")
        if ally is None:
            continue
        if trig.type in ("FIGHT", "ASSAULT"):
            sources = sources or index.np_actors(ally)
        elif holder.i == tok.i:
            targets = targets or index.np_actors(ally)
        break
    return sources, targets


def _from_governing_verb(tok: Token, index: ActorIndex, sources: list[str], targets: list[str],
                         settings: EventSettings) -> tuple[list[str], list[str]]:
    """A light verb governs the nominal event: "X held talks with Y", "X launched an attack on Y",
    "gave Putin a stern warning"; or the noun is in its phrase: "students converged for a rally"."""
    head = tok.head
    steps = settings.subject_inherit_steps
    if not sources and tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" \
            and head.lower_ in prepositions("joined_event") and lends_subject(head.head):
        # "students converged for a rally", "youths threw stones during demonstrations"
        subj, passive = inherited_subject(head.head, steps)
        if not passive:
            sources = index.of_all(subj)
    carrier = _container_of(tok)  # "imposed a package of sanctions": the package is the verb's object
    head = carrier.head
    if carrier.dep_ in _SUPPORTED_DEPS and head.pos_ in ("VERB", "AUX") and lends_subject(head):
        if receiving(head):  # "Assad received asylum in Russia", "received sanctions from X"
            subj, passive = inherited_subject(head, steps)
            if not targets and not passive:
                targets = index.of_all(subj)
            if not sources:
                sources = index.in_phrases(prep_objects(head), ("from", "by")) or \
                    index.in_phrases(prep_objects(tok), ("from", "by")) or host_actors(tok, head, index)
            return sources, targets
        accused = accused_of(head, index) if not sources else None
        if accused is not None:  # "accused India of violating a deal with Japan": India's deal, not the accuser's
            sources = accused
        controller = object_controller(head) if not sources and not children(head, SUBJECT_DEPS) else None
        if controller is not None:  # "urged Japan to send aid to Haiti": Japan's aid, not the urger's
            sources = index.np_actors(controller)
        if not sources:
            subj, passive = inherited_subject(head, steps)
            if not passive:
                sources = index.of_all(subj)
        if not targets:
            targets = index.in_phrases(prep_objects(head), prepositions("noun_target"))
        if not targets:  # "gave Putin a stern warning": the indirect object
            targets = dative_actors(head, index)
    return sources, targets


def _container_of(noun: Token) -> Token:
    """The noun of quantity or bundle an event noun is the of-phrase of (`container_noun` cues: "a
    package of sanctions", "a series of strikes"), which stands in its place in the clause; else the noun."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in cues("container_noun"):
        return prep.head
    return noun


def host_actors(noun: Token, verb: Token | None, index: ActorIndex) -> list[str]:
    """The host named for a haven noun ("asylum in Russia", "received asylum in Russia"): its own `in`
    phrase or its verb's; nothing for other nouns."""
    if noun.lemma_.lower() not in cues("haven"):
        return []
    holders = [noun] + ([verb] if verb is not None else [])
    return next((found for h in holders if (found := index.in_phrases(prep_objects(h), prepositions("host")))), [])


def lends_subject(verb: Token) -> bool:
    """Whether a verb's subject is the agent of the event noun it governs: yes for support verbs
    ("launched an attack", "held talks", "imposed sanctions"), no for a verb that responds to
    the event ("spurned offers of talks", "accused X of attacks", "demanded a ceasefire", "accepted the
    demands of X": group `answers_agent`, which answers someone else's act) or a speech or stance verb."""
    own = lookup(verb)
    answers = own is not None and own.type in type_group("answers_agent") and \
        verb.lemma_.lower() not in cues("lift_restriction")  # "lifted its curfew": its own restriction
    return not talks_about(verb) and not answers and (own is None or own.type not in type_group("response"))


def talks_about(verb: Token) -> bool:
    """A speech or stance verb ("condemned the attack", "welcomed the agreement"): its subject
    speaks about the event it governs and is not the one who carried it out. A performative
    ("announced a ceasefire", "declared war") says it is doing it."""
    lemma = verb.lemma_.lower()
    return lemma not in performative_verbs() and lemma in stance_verbs()
