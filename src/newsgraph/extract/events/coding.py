"""Coding: the PLOVER type and context an event gets beyond what its trigger's lexicon entry says.

- ASSAULT by a state military (`Israeli tanks shelled`, `the army killed`) is FIGHT: the PLOVER
  GSR codes conventional military force (CAMEO 19) as FIGHT, unconventional violence (CAMEO
  18/20) as ASSAULT.
- A deployment's type depends on what is deployed (`data/deployment_themes.tsv`): peacekeepers
  are AID (CAMEO 074), inspectors INVESTIGATE (CAMEO 09).
- Sending armed forces somewhere is a deployment, not aid (`sent_forces`): "sent troops to the border", "to
  northern Iraq" is MOBILIZE (PLOVER manual 0.8, 3.14 "all military or police moves that fall short of the
  actual use of force"); forces sent to a state or body by name ("sent troops to Mali") or to help someone
  ("sent troops to help X fight insurgents") are military aid (3.6 "military and police assistance including
  arms and personnel", whose benefit accrues to the recipient).
- A promise of a material-conflict act is a threat (`commitments.promised_threat`: "vowed to attack").
- The context (`mode`, manual table 2.1) is the lexicon's, else the first cue word in the
  trigger's phrase (`data/plover_contexts.tsv`).
- `plover_category` applies the manual's future rules for comparison with coded data.

    >>> plover_category(Event(type="AID", modality="future", ...))
    'AGREE'
"""
from __future__ import annotations

from dataclasses import replace
from itertools import islice

from spacy.tokens import Token

from ...model import Event
from ..syntax import OBJECT_DEPS, inherited_subject, prep_object
from .commitments import promised_threat
from .lexicons import context_cues, cues, deployment_themes, legacy_types, type_group
from .settings import EventSettings
from .triggers import Trigger

#: older PLOVER / CAMEO-era names found in coded data, mapped to the current ones
LEGACY_TYPES = legacy_types()
#: phrases of a verbal trigger read for context cues ("sent troops", "fired on the army", "agreed to send arms")
_CONTEXT_DEPS = frozenset(OBJECT_DEPS + ("prep", "dative", "xcomp"))
#: phrases of a deployment noun that say what is deployed ("deployment of peacekeepers", "peacekeeping mission")
_DEPLOYED_NOUN_DEPS = ("prep", "compound", "amod")
#: entity types of a named destination that is a place forces move to, not a recipient ("the Mediterranean")
_PLACE_ENTS = ("LOC", "FAC")


def recode(tok: Token, trig: Trigger, settings: EventSettings = EventSettings()) -> Trigger:
    """The trigger's entry with the type the rules of this module give it in context."""
    if trig.type == "ASSAULT" and tok.pos_ == "VERB":
        trig = conventional(tok, trig, settings)
    if trig.type == "AID" and tok.pos_ == "VERB":
        trig = sent_forces(tok, trig)
    if trig.type == "MOBILIZE":
        trig = by_whom_sent(tok, trig)
    return promised_threat(tok, trig)


def conventional(tok: Token, trig: Trigger, settings: EventSettings = EventSettings()) -> Trigger:
    """ASSAULT by a state military (`Israeli tanks shelled`, `the army killed`) is FIGHT."""
    subj: list[Token | None]
    own, passive = inherited_subject(tok, settings.subject_inherit_steps)
    subj = [prep_object(c) for c in tok.children if c.dep_ == "agent"] if passive else list(own)
    military = cues("military_actor")
    if any(s is not None and s.lemma_.lower() in military for s in subj):
        return replace(trig, type="FIGHT", mode=trig.mode or "military")
    return trig


def sent_forces(tok: Token, trig: Trigger) -> Trigger:
    """A verb of sending (`plover_cues.tsv` kind `sending_verb`) whose object is armed forces (kind `moving_force`,
    also through a quantity: "sent hundreds of soldiers") deploys them: MOBILIZE, or AID when a purpose clause says
    they go to help (kind `aid_purpose`: "sent troops to help X"), or RETREAT when they go home (kind `homeward`).
    Other sending keeps the trigger's type."""
    if tok.lemma_.lower() not in cues("sending_verb"):
        return trig
    forces = cues("moving_force")
    sent = [c for c in tok.children if c.dep_ in OBJECT_DEPS]
    sent += [o for c in sent for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
             for o in p.children if o.dep_ == "pobj"]
    if not any(c.lemma_.lower() in forces for c in sent):
        return trig
    if any(c.lower_ in cues("homeward") for c in tok.children if c.dep_ in ("advmod", "npadvmod")):
        return replace(trig, type="RETREAT", mode="military")  # "sent its troops home": a withdrawal
    if aid_purpose(tok) or _to_a_state(tok):
        return trig  # military aid: its context comes from the words of its phrase ("troops")
    return replace(trig, type="MOBILIZE", mode="military")


def _to_a_state(tok: Token) -> bool:
    """Whether a verb's to-phrase names a state or organization by its bare name ("to Mali", "to NATO"; not "to
    northern Iraq", "to the Libyan border", "to the Mediterranean"): the recipient of the forces, not a place."""
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ == "to":
            return any(o.dep_ == "pobj" and o.pos_ == "PROPN" and o.ent_type_ not in _PLACE_ENTS and
                       not any(m.dep_ in ("amod", "compound") for m in o.children) for o in c.children)
    return False


def aid_purpose(tok: Token) -> bool:
    """Whether a verb has a purpose clause of helping ("to help X", "to defend X"; kind `aid_purpose`)."""
    purposes = cues("aid_purpose")
    return any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in purposes for c in tok.children)


def by_whom_sent(tok: Token, trig: Trigger) -> Trigger:
    """Deploying peacekeepers or observers is aid (CAMEO 074 "provide peacekeeping"), sending
    inspectors an investigation (CAMEO 09); other deployments stay MOBILIZE."""
    deps = _DEPLOYED_NOUN_DEPS if tok.pos_ == "NOUN" else OBJECT_DEPS
    lemmas = {t.lemma_.lower() for c in tok.children if c.dep_ in deps for t in c.subtree}
    for etype, mode, themes in deployment_themes():
        if lemmas & themes:
            return replace(trig, type=etype, mode=mode or trig.mode)
    if tok.pos_ == "VERB" and aid_purpose(tok):  # "deployed troops to help Mozambique": military aid
        return replace(trig, type="AID", mode="military")
    return trig


def event_context(tok: Token, trig: Trigger, settings: EventSettings = EventSettings()) -> str | None:
    """The lexicon's context, else the first context cue in the trigger's phrase."""
    if trig.mode:
        return trig.mode
    context = context_cues()
    if tok.pos_ == "NOUN":
        phrase = tok.subtree
    else:
        phrase = (c for ch in tok.children if ch.dep_ in _CONTEXT_DEPS for c in ch.subtree)
    for t in islice(phrase, settings.context_cue_tokens):
        found = context.get(t.lemma_.lower())
        if found:
            return found
    return None


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
    cooperative, material_conflict = type_group("cooperative"), type_group("material_conflict")
    if event.modality == "future":
        if t in cooperative or t in ("RETREAT", "CONCEDE"):
            return "AGREE"
        if t in material_conflict:
            return "THREATEN"
    if event.modality == "possible" and t in material_conflict:
        return "THREATEN"  # "may halt ..., if", "could strike": a coercive act held out, not done
    if event.modality == "negated" and (t in cooperative or t in ("AGREE", "CONCEDE")):
        return "REJECT"  # "failed to reach agreement", "refused to meet": CAMEO 12 / PLOVER REJECT
    return t
