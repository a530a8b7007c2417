"""Roles: an event's source (who acts) and target (to whom), from the trigger's syntax.

For a verb: the subject, or the `by`-agent of a passive (passives swap roles), acts on the
object or on a `to`/`against`/`with`/`on` phrase; for an adjective predicate the subject acts
on its `to`/`against`... phrase; nouns are `nominal_roles`. Infinitive and participle clauses
without a subject inherit the governing verb's (`agreed to send` → the subject of `agreed`), and
a trigger whose own phrases name no recipient takes it from an infinitive it governs (`agreed
to provide aid to Malawi`). A participle on a statement (`issued a declaration demanding ...`,
`released a statement condemning X`) is the statement's issuer's act, and the infinitive of a noun
of intent that of whoever holds it (`the IMF reached an agreement to grant X a loan`). An infinitive
after an object is the object's act (`the attacks prompted the US to strike`, `forced Ethiopia to
withdraw`). The trigger lexicon's role flags (`data/plover_triggers.tsv`)
change the mapping: `inverse` (X received from Y), `obj_theme` (the object is what is given),
`subj_target` (X is responsible: the speaker accuses X), `sym` (reciprocal: one event between the two, `extractor.pairs`).

    >>> doc = nlp("Germany sent tanks to Poland.")    # index = ActorIndex(doc, mentions, actors)
    >>> sources, targets, mutual = event_roles(doc[1], lookup(doc[1]), index, None)
    >>> [actors[a].name for a in sources + targets], mutual
    (['Germany', 'Poland'], False)
"""
from __future__ import annotations

from spacy.tokens import Token

from ..syntax import OBJECT_DEPS, children, inherited_subject, prep_object, prep_objects, with_conjuncts
from .actors import ActorIndex, dative_actors
from .commitments import discussed, talked_about
from .control import condition_subjects, contacted, object_controller, passive_participle
from .ended_acts import ending, lifted
from .ended_ties import ended_tie
from .lexicons import cues, document_nouns, prepositions, type_group
from .modality import intended_infinitive, promised_infinitive
from .nominal_roles import agent_phrase, amount_of, host_actors, lends_subject, nominal_roles
from .responses import answered_from
from .settings import EventSettings
from .themes import SENDING_TYPES, forces_sender, sent_theme
from .triggers import Trigger, hyphen_agent, lookup
from .verdicts import verdict

#: dependency labels under which an adjective predicates of its head's subject ("X is ready to")
_PREDICATE_ADJ_DEPS = ("acomp", "attr", "amod", "xcomp")


def event_roles(tok: Token, trig: Trigger, index: ActorIndex, speaker: str | None,
                settings: EventSettings = EventSettings()) -> tuple[list[str], list[str], bool]:
    """(source actors, target actors, mutual?) of a trigger from its syntax.

    `mutual` when a reciprocal trigger names both sides alike (`ties between A and B`,
    `A clashed with B`): one event between the two sides (`extractor.pairs`); `war against B` is one-way.
    """
    judged = verdict(tok, index)
    if judged is not None:  # "the raid was a violation", X said; "X called the raid a provocation": X accuses;
        judges = judged.namers or ([speaker] if speaker else [])  # a verdict no one is said to pass is no event
        return judges, judged.targets if judges else [], False
    if tok.pos_ == "ADJ":
        return _adjective_roles(tok, trig, index, speaker, settings)
    agent = hyphen_agent(tok) if tok.dep_ == "amod" else None
    if agent is not None:  # "Rwanda-backed M23": Rwanda backs M23; "Qatar-mediated talks between A and B"
        sources = index.np_actors(agent)
        parties = mediated_parties(tok.head, index) if tok.lemma_.lower() in cues("mediate") else []
        return sources, [a for a in parties or index.np_actors(tok.head) if a not in sources], False
    if tok.pos_ == "NOUN" or (tok.tag_ == "VBG" and any(c.dep_ in ("det", "poss") for c in tok.children)):
        return nominal_roles(tok, trig, index, settings)
    sources, targets = verb_roles(tok, trig, index, settings)
    with_ = prep_objects(tok).get("with")
    mutual = "sym" in trig.roles and with_ is not None and bool(targets) and targets == index.np_actors(with_)
    sides = list(dict.fromkeys(sources))
    if len(sides) == 2 and not [t for t in targets if t not in sides] and _tie_object(tok):
        # "Saudi Arabia and Iran restored diplomatic relations": one act between the two co-subjects (three
        # or more pair up only through a reciprocal trigger, `extractor.pairs`)
        return sides[:1], sides[1:], True
    return sources, targets, mutual


def _tie_object(verb: Token) -> bool:
    """Whether a verb that acts through its object (not a stance or response verb: `lends_subject`) has a tie or
    a reciprocal event as object ("restored relations", "resumed talks", "normalised ties"; `tie_noun` of
    plover_cues.tsv, or an event noun of a reciprocal type): its co-subjects then act on each other (PLOVER
    codes one event between them), while "Chile and Peru welcomed the talks" speaks of talks held by others."""
    if not lends_subject(verb):
        return False
    for obj in children(verb, OBJECT_DEPS):
        event = lookup(obj)
        if obj.lemma_.lower() in cues("tie_noun") or obj.lower_ in cues("tie_noun") or (
                event is not None and ("sym" in event.roles or event.type in type_group("reciprocal"))):
            return True
    return False


def _adjective_roles(tok: Token, trig: Trigger, index: ActorIndex, speaker: str | None,
                     settings: EventSettings) -> tuple[list[str], list[str], bool]:
    """"X is hostile to Y", "X is ready to send aid to Y"; "X is responsible for ..." (`subj_target`):
    the speaker holds X responsible."""
    head = tok.head if tok.dep_ in _PREDICATE_ADJ_DEPS else tok
    subj, _ = inherited_subject(head, settings.subject_inherit_steps)
    subj_actors = index.of_all(subj)
    if "subj_target" in trig.roles:
        return ([speaker] if speaker else []), subj_actors, False
    target_preps = prepositions("verb_target")
    targets = [a for p, o in prep_objects(tok).items() if p in target_preps for a in index.np_actors(o)]
    return subj_actors, targets or infinitive_targets(tok, trig, index, settings, 1), False


def _subject_actors(tok: Token, index: ActorIndex, settings: EventSettings) -> tuple[list[str], bool]:
    """(the actors of a verbal trigger's subject, whether the verb is passive): its own or inherited
    subject, the issuer of a statement-like subject, or the controller of an infinitive."""
    subj, passive = inherited_subject(tok, settings.subject_inherit_steps)
    # "Asked by Chile to mediate, Peru agreed": Peru is asked
    passive = passive or any(c.dep_ == "auxpass" for c in tok.children) or passive_participle(tok)
    if tok.dep_ == "relcl" and subj == [tok.head]:  # "the EU and Trump, who threatened": Trump alone
        subj_actors = index.head_actors(tok.head)
    elif not passive:
        subj_actors = [a for s in subj for a in _agent_of_subject(s, index, settings)]
    else:
        subj_actors = index.of_all(subj)
    if not subj_actors and not passive:
        subj_actors = _issuer(tok, index, settings)
    controller = object_controller(tok)
    if controller is not None and not children(tok, ("nsubj", "nsubjpass")):
        # "the attacks prompted the US to strike": the US strikes; "used schemes to finance": no actor, the user acts
        subj_actors = index.np_actors(controller) or subj_actors
    return subj_actors, passive


def verb_roles(tok: Token, trig: Trigger, index: ActorIndex, settings: EventSettings = EventSettings(),
               depth: int = 0) -> tuple[list[str], list[str]]:
    """(source actors, target actors) of a verbal trigger; `depth` counts the infinitives followed."""
    subj_actors, passive = _subject_actors(tok, index, settings)
    preps = prep_objects(tok)
    if (passive or not subj_actors) and (trig.type in SENDING_TYPES or "obj_theme" in trig.roles):
        sent = _sending_roles(tok, preps, passive, index, settings)
        if sent is not None:  # "a plan to send Ghanaian police to Liberia", "Zambian troops were deployed to Malawi"
            return sent
    if passive:
        return _passive_roles(tok, trig, preps, subj_actors, index, settings)
    if "inverse" in trig.roles:
        return _inverse_roles(tok, trig, preps, subj_actors, index)
    objs = children(tok, OBJECT_DEPS)
    if trig.type == "CONSULT" and tok.lemma_.lower() in cues("topic_verb"):
        objs = []  # "discussed Bolivia with Chile": the object of a verb of discussing is what is talked about
    if trig.type == "CONSULT":  # "discussed the situation in southern Russia": a topic, not a partner
        objs = [o for o in objs if o.lemma_.lower() not in cues("topic_noun") and not talked_about(o)]
    if trig.type == "REQUEST" and any(_own(o, index) for o in objs):
        return subj_actors, []  # "ordered his fighters to turn around": asked of one's own, of no one else
    if "obj_theme" in trig.roles:
        targets = _theme_recipient(tok, preps, objs, index)
    else:
        targets = _patient_recipient(tok, preps, objs, index)
    # the subject named again is no recipient ("condemned the expulsion of its diplomats by X": the expelled are
    # its own); the rules below look further
    targets = [t for t in targets if t not in subj_actors]
    if not targets and trig.type == "REQUEST":
        targets = _request_addressee(tok, preps, objs, index)
    if not targets and trig.type in type_group("answers_agent") and objs:
        # "condemned the violations by Israel": the wrongdoer; "rejected a request by Turkey": the asker; the
        # by-phrase of the object, or of the active verb, where the parser often hangs it: no agent there
        by = agent_phrase(objs[0]) or preps.get("by") or _participle_agent(objs[0]) or answered_from(objs[0])
        targets = [a for a in index.np_actors(by) if a not in subj_actors]
    if not targets and trig.type == "CONSULT":
        targets = [a for a in _topic_partner(tok, index) if a not in subj_actors]
    if not targets and trig.type == "CONSULT" and tok.lemma_.lower() in cues("mediate"):
        targets = [a for a in mediated_parties(tok, index) if a not in subj_actors]
    if not targets and trig.type == "CONCEDE":  # "allow US planes to land", parsed as a clause: who is let
        targets = [a for c in children(tok, ("ccomp",)) for a in index.of_all(children(c, ("nsubj",)))]
    if not targets:  # "pledged 500 million euros in aid to Ukraine": the recipient of the aid
        targets = [a for a in _in_kind_recipients(objs, index) if a not in subj_actors]
    if not targets and objs and tok.lemma_.lower() in cues("promise_object"):
        targets = [a for a in _promised_recipients(objs[0], index, settings) if a not in subj_actors]
    if not targets and depth < settings.infinitive_depth:
        targets = infinitive_targets(tok, trig, index, settings, depth + 1)
    if not targets and trig.type == "THREATEN" and depth < settings.infinitive_depth:
        targets = [t for t in _threatened(tok, index, settings, depth + 1) if t not in subj_actors]
    if not targets and trig.type == "THREATEN" and depth == 0:  # "threatened to strike unless Peru withdrew": Peru
        targets = [t for t in index.of_all(condition_subjects(tok, subj_actors, index)) if t not in subj_actors]
    if trig.type in type_group("addressed") and not [t for t in targets if t not in subj_actors]:
        # "called Netanyahu to discuss the war"; "called X to congratulate him", "him" taken for the caller
        targets = [t for t in contacted(tok, index) if t not in subj_actors] or targets
    return subj_actors, targets


def _sending_roles(verb: Token, preps: dict[str, Token], passive: bool, index: ActorIndex,
                   settings: EventSettings) -> tuple[list[str], list[str]] | None:
    """(sources, targets) of a sending or deployment of forces or arms that names no sender (`themes`): the
    forces' own state (a by-agent when there is one) sends them to the actor of a to/into... phrase of the verb,
    or of the forces, where the parser may hang it. None when what is sent is no such forces."""
    subjects, _ = inherited_subject(verb, settings.subject_inherit_steps)
    theme = sent_theme(verb, passive, subjects)
    senders = forces_sender(theme, index)
    if theme is None or not senders:
        return None
    sources = (index.np_actors(preps.get("by")) if passive else []) or senders
    order = prepositions("verb_target")
    targets = index.in_phrases(preps, order) or index.in_phrases(prep_objects(theme), order)
    return sources, [t for t in targets if t not in sources]


def _agent_of_subject(subj: Token, index: ActorIndex, settings: EventSettings) -> list[str]:
    """The actors of an active verb's subject. An event noun as subject with no actor of its own acts
    through whoever did that event ("the bombing of the port by US jets destroyed ...": the US; "the attack
    on the embassy killed two guards": no one named), never through the one it was done to, whom its
    of/on-phrase names (PLOVER codes the perpetrator as source). Talks between two sides are both sides, and a
    meeting's participants are its own actors."""
    found: list[str] = []
    for noun in with_conjuncts(subj):
        event = lookup(noun) if noun.pos_ == "NOUN" and not index.tok_actor[noun.i] else None
        if event is None:
            found += index.head_actors(noun)
            continue
        sources, targets, mutual = nominal_roles(noun, event, index, settings)
        if mutual:
            found += sources + targets
        elif "sym" in event.roles or event.type in type_group("reciprocal"):
            found += index.head_actors(noun)  # "a meeting of NATO ministers agreed": its participants
        else:  # "a Taliban-claimed car bomb struck": no source phrase, the noun's own modifiers, never its victim
            found += sources or [a for a in index.head_actors(noun) if a not in targets]
    return list(dict.fromkeys(found))


def _participle_agent(noun: Token) -> Token | None:
    """The by-agent of a passive participle on a noun ("the plan drafted by Chile", "the resolution put
    forward by X"): who made what is answered."""
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            by = prep_objects(c).get("by")
            if by is not None:
                return by
    return None


def _in_kind_recipients(objs: list[Token], index: ActorIndex) -> list[str]:
    """The recipient of the event noun an object amount is given in ("pledged 500 million euros in aid to
    Ukraine", "provided $60 billion in military assistance to Kyiv", "$70 million of aid for Romania"): its
    to/with/for phrase, else the amount's own, where the parser often hangs it ("provide 70 million dollars
    of aid for Romania": the amount is what is given)."""
    for obj in objs:
        noun = next((n for p, n in prep_objects(obj).items() if p in prepositions("amount_kind")), None)
        amount = amount_of(noun) if noun is not None else None
        if noun is not None and amount is not None and amount.i == obj.i and lookup(noun) is not None:
            # an event noun giving the amount's kind ("in aid"), not a place ("invested $2 billion in Kenya")
            order = prepositions("theme_recipient")
            found = index.in_phrases(prep_objects(noun), order) or index.in_phrases(prep_objects(obj), order)
            if found:
                return found
    return []


def mediated_parties(tok: Token, index: ActorIndex) -> list[str]:
    """The parties a mediator talks with: the `between` phrase of the verb, of its object or of the noun of
    its phrase ("mediated between A and B", "mediated talks between A and B", "brokered a ceasefire between A
    and B", "mediated in the conflict between A and B"); PLOVER CONSULT, the mediator as source."""
    holders = [tok, *children(tok, OBJECT_DEPS), *prep_objects(tok).values()]
    for holder in holders:
        sides = prep_objects(holder).get("between")
        if sides is not None:
            return index.np_actors(sides)
    return []


def _topic_partner(verb: Token, index: ActorIndex) -> list[str]:
    """The partner of a consultation in a with-phrase the parser hung on its topic ("discussed the situation
    with President X", "discussed trade and the situation with X", "reviewed relations with X's foreign
    minister"): a topic noun has no partner of its own, so the phrase tells whom the talks were with
    (PLOVER CONSULT: the parties who meet or talk). Only a person: "discussed the situation with Iran" may
    name the topic's other side rather than the one talked to."""
    objs = children(verb, OBJECT_DEPS)
    # "discussed relations and the situation with X": the parser may join the second topic to the verb
    stray = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN"] if objs else []
    for obj in objs + stray:
        for noun in (obj, *obj.conjuncts):
            if noun.lemma_.lower() not in cues("topic_noun") and not discussed(noun):
                continue
            found = [a for a in index.np_actors(prep_objects(noun).get("with")) if index.is_person(a)]
            if found:
                return found
    return []


def _issuer(clause: Token, index: ActorIndex, settings: EventSettings) -> list[str]:
    """Who holds the statement or plan a clause hangs on: the subject of the verb whose object it is.
    A participle on a statement ("the PKK issued a declaration demanding ...", "released a statement
    condemning X"), a to-infinitive on a noun of intent ("the IMF reached an agreement to grant X a loan",
    "Japan has no plans to send troops")."""
    noun = clause.head
    on_statement = noun.lemma_.lower() in document_nouns() and clause.tag_ == "VBG"
    if clause.dep_ != "acl" or not (on_statement or intended_infinitive(clause)) or noun.dep_ not in OBJECT_DEPS:
        return []
    subj, passive = inherited_subject(noun.head, settings.subject_inherit_steps)
    return [] if passive else index.of_all(subj)


def _own(obj: Token, index: ActorIndex) -> bool:
    """Whether an object is the subject's own people or things ("its troops", "his fighters"): a noun
    naming no actor, with a possessive pronoun."""
    return not index.tok_actor[obj.i] and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)


def _passive_roles(verb: Token, trig: Trigger, preps: dict[str, Token], subj_actors: list[str],
                   index: ActorIndex, settings: EventSettings) -> tuple[list[str], list[str]]:
    """"Kenya was invaded by Tanzania": the by-agent acts on the subject; "arms were sent to X by
    Y" (`obj_theme`): the subject is what is given, the to-phrase the recipient. With no by-agent, the
    perpetrator of an event noun the act happened in ("three soldiers were killed in an attack by PKK
    militants", "wounded during an Israeli raid"; prepositions `joined_event`) did it."""
    sources = index.np_actors(preps.get("by")) or _event_perpetrators(verb, preps, index, settings)
    if "obj_theme" in trig.roles:
        return sources, index.np_actors(preps.get("to"))
    return sources, subj_actors


def _event_perpetrators(verb: Token, preps: dict[str, Token], index: ActorIndex,
                        settings: EventSettings) -> list[str]:
    """The sources of an event noun in a phrase of a passive verb ("killed in an attack by X", "wounded in a
    Taliban ambush"), for `_passive_roles`."""
    for prep in prepositions("joined_event"):
        noun = preps.get(prep)
        event = lookup(noun) if noun is not None and noun.pos_ == "NOUN" else None
        if noun is not None and event is not None and noun.i > verb.i:
            found = nominal_roles(noun, event, index, settings)[0]
            if found:
                return found
    return []


def _inverse_roles(tok: Token, trig: Trigger, preps: dict[str, Token], subj_actors: list[str],
                   index: ActorIndex) -> tuple[list[str], list[str]]:
    """"X received Y from Z", "X hosted Z": the subject is the recipient. The giver's phrase may hang on what is
    received ("received a shipment of vaccines from India", "received a loan from the World Bank")."""
    obj = children(tok, OBJECT_DEPS)
    src = preps.get("from") or preps.get("by") or (_giver_phrase(obj[0]) if obj else None)
    if src is not None:
        return [a for a in index.np_actors(src) if a not in subj_actors], subj_actors
    if trig.type == "CONSULT" and obj and lookup(obj[0]) is None:  # host: the visitor is the actor (manual 3.2.2);
        return index.np_actors(obj[0]), subj_actors            # "hosted a summit in Hanoi" names no visitor
    if obj:  # "received asylum in Russia": the host gave it
        return host_actors(obj[0], tok, index), subj_actors
    return [], subj_actors


def _promised_recipients(obj: Token, index: ActorIndex, settings: EventSettings) -> list[str]:
    """Whom a promised or offered act is aimed at, when the object of a verb of promising is an event noun
    ("offered recognition of Somaliland", "pledged support for the Philippines", "promised a withdrawal from
    Lebanon"): the noun's own target, as for an infinitive the verb governs ("offered to recognise X")."""
    event = lookup(obj)
    if event is None or obj.pos_ != "NOUN":
        return []
    return nominal_roles(obj, event, index, settings)[1]


def _giver_phrase(received: Token) -> Token | None:
    """The `from` phrase of a received thing or of the noun of its `of` phrase ("a shipment of vaccines from
    India")."""
    for holder in (received, prep_objects(received).get("of")):
        found = prep_objects(holder).get("from") if holder is not None else None
        if found is not None:
            return found
    return None


def _theme_recipient(verb: Token, preps: dict[str, Token], objs: list[Token], index: ActorIndex) -> list[str]:
    """The recipient when the object is what is given: the indirect object ("gave Tanzania a
    grant"), a to/with/for phrase of the verb, else of the object, where the parser often hangs it ("sent arms
    from X to Y", "shared evidence with Chile about the attack", "provided funding for Chile's army")."""
    order = prepositions("theme_recipient")
    targets = dative_actors(verb, index) or index.in_phrases(preps, order)
    if not targets and len(objs) >= 2 and index.tok_actor[objs[0].i]:  # "gave Tanzania a grant"
        targets = index.np_actors(objs[0])
    if not targets and objs:
        targets = index.in_phrases(prep_objects(objs[0]), order)
    return targets


def _patient_recipient(verb: Token, preps: dict[str, Token], objs: list[Token], index: ActorIndex) -> list[str]:
    """The recipient of an act done to someone: the object, the indirect object, a target phrase
    of the verb ("clashed with X"), else a phrase of the object ("withdraw its troops from Lebanon")."""
    targets: list[str] = []
    for o in objs:
        if _own(o, index):
            continue  # "withdraw its troops from Lebanon": one's own troops are not the recipient
        targets = index.np_actors(o)
        if targets:
            break
    if not targets:
        targets = dative_actors(verb, index)
    if not targets:
        targets = index.in_phrases(preps, prepositions("verb_target") + prepositions("verb_fallback_target"))
    if not targets and objs:
        order = prepositions("object_phrase_target")
        noun_event = lookup(objs[0])
        if noun_event is not None and noun_event.type not in type_group("place_patient"):
            # "hosted a summit in Hanoi": the venue of the event noun, not a recipient ("imposed a curfew in X" is)
            order = tuple(p for p in order if p not in prepositions("location"))
        targets = index.in_phrases(prep_objects(objs[0]), order)
    return targets


def _request_addressee(verb: Token, preps: dict[str, Token], objs: list[Token], index: ActorIndex) -> list[str]:
    """Whom a demand is made of: the subject of the demanded clause ("demanded that North Korea
    forsake its program"), else the actor in a phrase of what is asked for ("called for sanctions
    against Nigeria", "demanded an admission by Moscow").

    Each asked-for noun that has such a phrase replaces the answer found so far, as the rule was
    tuned on PLOVER GSR dev."""
    targets: list[str] = []
    for c in children(verb, ("ccomp",)):
        for k in children(c, ("nsubj", "nsubjpass")):
            targets = index.np_actors(k)
        if targets:
            break
    if objs and not targets:  # "sought refuge in Germany": the host is asked
        targets = host_actors(objs[0], verb, index)
    order = prepositions("request_target")
    asked = objs + [preps[p] for p in ("for",) if p in preps]
    for noun in asked:
        noun_preps = prep_objects(noun)
        if any(p in noun_preps for p in order):
            targets = index.in_phrases(noun_preps, order)
        if targets:
            break
    return targets


def infinitive_targets(tok: Token, trig: Trigger, index: ActorIndex, settings: EventSettings, depth: int) -> list[str]:
    """The recipient in the phrase of an infinitive the trigger governs: "agreed to provide aid
    for Romania", "offered to negotiate with Armenia", "willing to withdraw ... from Lebanon"."""
    for c in tok.children:
        if (c.dep_ == "xcomp" or promised_infinitive(c)) and c.pos_ in ("VERB", "AUX") and c.i > tok.i:
            found = _clause_targets(c, lookup(c) or trig, index, settings, depth)
            if found:
                return found
    return []


def _clause_targets(verb: Token, trig: Trigger, index: ActorIndex, settings: EventSettings, depth: int) -> list[str]:
    """The recipients of a governed clause's act, as the extractor codes that act: the other side of a tie it
    ends ("threatened to cut ties with Kosovo", `ended_ties`), whom an act it ends or a restriction it lifts was
    aimed at ("refused to lift sanctions on Chile", `ended_acts`), else its verb's recipients."""
    sources, targets = verb_roles(verb, trig, index, settings, depth)
    ended = ending(verb, index) or ended_tie(verb, index) or lifted(verb, index)
    partners = [t for t in ended.targets if t not in sources] if ended is not None else []
    return partners or targets



def _threatened(tok: Token, index: ActorIndex, settings: EventSettings, depth: int) -> list[str]:
    """Whom a warning threatens: the recipient of the act its that-clause announces ("warned that Russia
    would strike Kyiv", "warned it would hold Rwanda to account"); CAMEO 13 codes the threatened party."""
    for c in tok.children:
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and c.i > tok.i:
            found = _clause_targets(c, lookup(c) or Trigger("THREATEN", None, frozenset()), index, settings, depth)
            if found:
                return found
    return []


def each_other(tok: Token) -> bool:
    """Whether the trigger's object or a phrase of it is a reciprocal pronoun ("blamed each other",
    "clashed with one another"): its co-subjects then act on one another, both ways."""
    for c in tok.children:
        obj = c if c.dep_ in OBJECT_DEPS else (prep_object(c) if c.dep_ == "prep" else None)
        if obj is not None and _is_reciprocal_pronoun(obj):
            return True
    return False


def _is_reciprocal_pronoun(tok: Token) -> bool:
    """"each other", "one another" (the parser heads them on either word)."""
    doc = tok.doc
    pair = {(doc[i].lower_, doc[i + 1].lower_) for i in (tok.i - 1, tok.i) if 0 <= i < len(doc) - 1}
    return bool(pair & {("each", "other"), ("one", "another")})
