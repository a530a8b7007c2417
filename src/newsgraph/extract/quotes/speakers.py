"""Choosing a quote's speaker: the phrase that says it, and the actor that phrase stands for.

The speaker phrase is the cue's subject: the agent of a passive ("was criticized by X"), the
antecedent of a relative pronoun ("X, who said"), the noun a participle modifies ("a tweet
saying ..."), or the governing verb's subject for participles, infinitives and coordinated
verbs. For a cue noun it is the possessor ("X's claim that ...") or the subject of the verb the
noun is object of ("X voiced support for ..."). When the parse gives a speech verb no subject,
a name or pronoun right next to it is taken ('"...," Bozell answers'); so too when the parse gives
a verb after a quoted passage a subject inside that passage ('"... the Fisheries Accord," WHO chief
Diallo said', where the title is misparsed as a clause): the words a speaker quotes never speak.

The phrase is resolved to an actor (`resolve_speaker`) by the mention it holds (names, and the
pronouns and descriptions the actor resolver linked: it applies gender and number agreement and
the rule that a third-person pronoun inside a quote is not that quote's speaker); a pronoun it
left unlinked goes to the most recent earlier actor of a compatible type named outside quoted
passages; a definite title ("the Harbour Commissioner") to the person the article introduced
with that title; a document ("a joint statement") to its issuers (`documents`); an unnamed source
("a senior official") to an anonymous actor (`anonymous`). Datelines, credits, bylines, agency
tags and section labels never speak (`not_speakers`).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Span, Token

from ...model import Mention
from ...resolve.coref import plural_since
from ..descriptors import role_words
from ..syntax import char_range, first_child, subject, token_end
from .anonymous import anonymous_speaker, is_unnamed_source
from .back_references import institution_referent
from .cues import is_addressed, is_other_report
from .documents import document_issuers, is_document
from .index import ArticleIndex
from .lexicons import title_hypernyms
from .not_speakers import is_furniture
from .titled_names import mistyped_holder, titled_person

#: subjects of a cue (of two before the verb, the nearer wins: `_subject_and_agent`)
SPEAKER_SUBJECT_DEPS = ("nsubj", "csubj", "nsubjpass")
#: adverbs that make coordinated speakers speak together ("jointly announced")
JOINT_ADVERBS = ("jointly", "together")
#: reciprocal objects that make coordinated speakers each speak ("A and B blamed one another")
RECIPROCALS = ("one another", "each other")
#: how a mention names its actor outright (not a pronoun, role or description)
_NAME_HOWS = ("name", "alias", "surname", "acronym")
#: parts of speech of a title and name phrase ("Peru's Minister of Economy Jorge Vela")
_TITLE_POS = ("PROPN", "NOUN", "ADJ", "DET", "PART", "ADP")
#: a short parenthesis after a name: a party and state or constituency tag ("(R-Wis.)", "(Hackney North)")
_NAME_TAG = re.compile(r"\s*\([^()]{1,30}\)$")
#: named-actor entity types: a speaker of class `a`
ACTOR_ENTITY_TYPES = ("PERSON", "ORG", "NORP", "GPE")


class ResolvedSpeaker(NamedTuple):
    """The actor a speaker phrase stands for, and how it was found.

    `kind`: `name` (a named mention), `pronoun`, `description` (a title or role), `anonymous` (an
    unnamed source), `document` (a statement's issuer) or `none`; `co_speakers`: the other actors
    of a coordination or a joint document ("A and B said")."""

    actor: str | None
    kind: str
    anonymous: bool = False
    co_speakers: tuple[str, ...] = ()


NO_SPEAKER = ResolvedSpeaker(None, "none")


class SpeakerPhrase(NamedTuple):
    """A speaker's head token and its phrase as the token range [lo, hi)."""

    head: Token
    lo: int
    hi: int


def phrase_range(tok: Token) -> tuple[int, int]:
    """The speaker noun phrase: premodifiers and the head (not relative clauses or appositions),
    with a following compound, flat name part, number or "of" phrase ("Secretary of State")."""
    lo = tok.left_edge.i
    hi = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "nummod") or (child.dep_ == "prep" and child.text == "of"
                                                           and child.i == hi):
            hi = child.right_edge.i + 1
        else:
            break
    return lo, hi


def phrase_of(head: Token) -> SpeakerPhrase:
    """The speaker phrase headed by `head`."""
    return SpeakerPhrase(head, *phrase_range(head))


def subject_of_cue(cue: Token, max_climb: int) -> Token | None:
    """Speaker head: subject, passive agent, relative-clause head, or the governing subject
    (climbing at most `max_climb` levels)."""
    tok = cue
    for _ in range(max_climb):
        subj, agent = _subject_and_agent(tok)
        if agent is not None:
            return agent
        if subj is not None:
            if subj.dep_ == "nsubjpass" and (subj.lower_ == "it" or _raised_passive(tok, cue)):
                return None
            return subj  # a relative pronoun too ("who said"), resolved via its antecedent
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok.head  # "a tweet saying ...", "the PAC backing Bush"
        if tok.dep_ in ("pcomp", "pobj") and tok.head.head != tok.head:
            tok = tok.head.head  # "by listing ..."
            continue
        if tok.dep_ in ("xcomp", "conj", "advcl", "acl", "ccomp", "acomp") and tok.head != tok:
            tok = tok.head
            continue
        return None
    return None


def _raised_passive(tok: Token, cue: Token) -> bool:
    """The cue itself is a passive with an infinitive ("the talks are said to have lasted", "who is
    reported to have resigned", "X was urged to resign"): its subject is what the words are about
    or whom they address, never who spoke them (subject-to-subject raising; Huddleston & Pullum 2002,
    ch. 14 §4.2). Only for the cue itself: climbing from "admit" to "was forced to admit" keeps her."""
    return tok == cue and any(c.dep_ == "xcomp" for c in tok.children)


def _subject_and_agent(tok: Token) -> tuple[Token | None, Token | None]:
    """In one pass over the children: the subject (`SPEAKER_SUBJECT_DEPS`) and the object of the
    last by-agent, as the parse lists them ("was criticized by the union"). Of two subjects before
    the verb the nearer wins: the parser makes a dateline or headline fragment glued before the
    sentence a second subject ("KUALA LUMPUR -- A senior official said")."""
    subj = agent = None
    for child in tok.children:
        if child.dep_ in SPEAKER_SUBJECT_DEPS:
            if subj is None or subj.i < child.i < tok.i:
                subj = child
        elif child.dep_ == "agent":
            agent = next((g for g in reversed(list(child.children)) if g.dep_ == "pobj"), agent)
    return subj, agent


def adjacent_speaker(index: ArticleIndex, cue: Token) -> Token | None:
    """A name or pronoun right before or right after a speech verb the parse gave no subject
    ('"...," Bozell answers', '"...," read one'): the parser often mislabels it next to a quote. Not the
    subject of the clause the verb reports ("..., says Smith will resign": Smith begins what is said)."""
    lex = index.lex
    if cue.pos_ not in ("VERB", "AUX") or cue.lemma_.lower() not in lex.speech_verbs:
        return None
    doc = index.doc
    for k in (cue.i - 1, cue.i + 1):
        if 0 <= k < len(doc) and not index.inside_passage(doc[k]):
            t = doc[k]
            if t.pos_ == "PROPN" or t.lower_ in lex.personal_speakers or (
                    t.pos_ == "PRON" and t.lower_ in lex.indefinite_speakers):
                head = t
                while head.dep_ in ("compound", "flat") and head.head != head and head.head.pos_ == "PROPN":
                    head = head.head
                if k > cue.i and head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ccomp" and head.head.head == cue:
                    continue  # "..., says Smith will resign": Smith begins the reported clause
                return head
    return None


def relayed_speaker(index: ArticleIndex, cue: Token) -> Token | None:
    """The object of a relay verb a cue depends on: "Interfax quoted the minister as saying ...",
    "state media cited her as saying ...": the minister speaks, the medium relays; in the passive the
    subject ("the minister was quoted by Tass as saying"), not the agent."""
    prep = cue.head if cue.dep_ == "pcomp" else None
    if prep is None or prep.lower_ != "as" or prep.head == prep:
        return None
    verb = prep.head
    if verb.lemma_.lower() not in index.lex.relay_verbs:
        return None
    return first_child(verb, ("dobj",)) or first_child(verb, ("nsubjpass",))


def cue_speaker(index: ArticleIndex, cue: Token) -> SpeakerPhrase | None:
    """The speaker phrase of a cue word (see the module docstring)."""
    max_climb = index.settings.max_subject_climb
    subj: Token | None
    if is_addressed(cue):
        return None  # "Asked whether ..., Ruiz said": Ruiz was asked
    if cue.pos_ == "NOUN":  # "Smith's claim that ...", "Smith voiced support for ..."
        subj = first_child(cue, ("poss",))
        if subj is None and cue.dep_ in ("dobj", "attr") and cue.head != cue:
            subj = subject_of_cue(cue.head, max_climb)
        elif subj is None and (verb := _speech_verb_of_medium(index, cue)) is not None:
            subj = subject_of_cue(verb, max_climb)
    elif (cue.dep_ == "conj" and cue.head.dep_ == "ccomp" and is_other_report(cue, index.lex)
          and subject(cue, ("nsubj", "nsubjpass")) is None):
        subj = subject_of_cue(cue.head.head, max_climb)  # "He says A and says B": B's speaker is the outer one
    else:
        subj = relayed_speaker(index, cue) or subject_of_cue(cue, max_climb) or adjacent_speaker(index, cue)
        if subj is not None and index.inside_passage(subj) and not index.inside_passage(cue):
            subj = adjacent_speaker(index, cue)  # a quoted noun parsed as the subject of the cue after it
        if subj is None and (aged := age_epithet_before(index, cue)) is not None:
            return aged  # '"...," the 45-year-old said': the parse hangs "old" on the verb
        fronted = fronted_subject(index, cue)
        if fronted is not None and _swallowed(index, subj, fronted):
            return fronted
    if subj is None:
        return None
    phrase = phrase_of(subj)
    if is_furniture(index.doc, phrase.lo, phrase.hi) or is_furniture(index.doc, subj.i, subj.i + 1):
        return past_furniture(index, phrase)
    return phrase


def past_furniture(index: ArticleIndex, furniture: SpeakerPhrase) -> SpeakerPhrase | None:
    """The phrase after a dateline the parser took for the subject ("NAIROBI (AP) — Kenyan President
    Ana Ruiz said": the dateline is the subject, the speaker its apposition): the first apposition of
    the dateline's head after it that is no furniture itself (the agency tag "(AP)" is one). None when
    there is none: a dateline never speaks (`not_speakers`)."""
    for child in furniture.head.rights:
        if child.dep_ != "appos" or child.i < furniture.hi:
            continue
        phrase = phrase_of(child)
        if not is_furniture(index.doc, phrase.lo, phrase.hi) and not is_furniture(index.doc, child.i, child.i + 1):
            return phrase
    return None


def fronted_subject(index: ArticleIndex, cue: Token) -> SpeakerPhrase | None:
    """The title and name between a fronted phrase's last comma and the cue ("Speaking at the
    meeting in Quito, Ecuador, Peruvian Finance Minister Jorge Vela said"): the parser often hangs
    the name inside the fronted phrase (a conjunct of "Ecuador", the object of "in"). Only a phrase
    of nouns, names and "of" whose last word is a named actor's mention."""
    doc = index.doc
    k = cue.i - 1
    if k > 1 and doc[k].text == "," and doc[k - 1].pos_ == "PROPN":
        k -= 1  # "In a statement to Reuters, the firm's chief, Ana Ruiz, said": an apposition closed by a comma
    if cue.pos_ != "VERB" or k < 1 or doc[k].pos_ != "PROPN" or index.inside_passage(doc[k]):
        return None
    j = k
    while j > max(cue.sent.start, k - index.settings.title_window_tokens - 4) and doc[j].text != ",":
        if doc[j].pos_ not in _TITLE_POS:
            return None
        j -= 1
    if doc[j].text != "," or j <= cue.sent.start:
        return None
    m = index.mention_at(doc[k].idx, token_end(doc[k]), doc[k])
    actor = index.actors.get(m.actor) if m is not None else None
    if m is None or actor is None or actor.type not in ("PERSON", "ORG") or m.start < doc[j].idx:
        return None
    return SpeakerPhrase(doc[k], j + 1, k + 1)


def _swallowed(index: ArticleIndex, subj: Token | None, fronted: SpeakerPhrase) -> bool:
    """Is the parsed subject no real one beside the `fronted` phrase: none, a fronted participle
    ("Speaking at ..."), a word of the fronted phrase's name whose phrase runs back past its comma,
    or a plain noun before the comma that names no actor ("the meeting in Vientiane")?"""
    if subj is None or subj.dep_ == "csubj":
        return True
    if fronted.lo <= subj.i < fronted.hi:
        return phrase_range(subj)[0] < fronted.lo
    if subj.i >= fronted.lo or subj.pos_ != "NOUN" or is_document(subj) or is_unnamed_source(subj) \
            or subj.lower_ in index.lex.spokesperson_nouns or subj.lower_ in role_words():
        return False
    return not index.mentions_in(*char_range(index.doc, *phrase_range(subj)))


def _speech_verb_of_medium(index: ArticleIndex, cue: Token) -> Token | None:
    """The speech verb a cue noun is the medium of ("The ministry said in a statement that ...", where
    the parser hangs the that-clause on "statement"): the words are the verb's subject's."""
    prep = cue.head if cue.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "in" or prep.dep_ != "prep" or prep.head == prep:
        return None
    verb = prep.head
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in index.lex.speech_verbs else None


def speaker_class(index: ArticleIndex, spk: SpeakerPhrase | None) -> str:
    """`a`: a named actor or personal pronoun; `n`: another noun phrase; `-`: none (the speaker
    class column of cue_frames.tsv)."""
    if spk is None:
        return "-"
    head = spk.head
    if head.ent_type_ in ACTOR_ENTITY_TYPES or head.lower_ in index.lex.personal_speakers:
        return "a"
    return "n"


def speaker_actor(index: ArticleIndex, spk: SpeakerPhrase) -> str | None:
    """Actor id of a speaker phrase (see `resolve_speaker`)."""
    return resolve_speaker(index, spk).actor


def resolve_speaker(index: ArticleIndex, spk: SpeakerPhrase | None) -> ResolvedSpeaker:
    """The actor a speaker phrase stands for (see the module docstring): the mention holding its
    head; for a relative pronoun its antecedent's; for a document its issuers; for an unnamed
    source an anonymous actor; for a pronoun the linked mention, else the most recent earlier
    actor of a compatible type; for a noun a person the article introduced with that title."""
    if spk is None or is_furniture(index.doc, spk.lo, spk.hi) or is_furniture(index.doc, spk.head.i, spk.head.i + 1):
        return NO_SPEAKER
    head, lo, hi = spk
    start, end = char_range(index.doc, lo, hi)
    named = _appositive_person(index, head, hi)
    if named is not None:  # "The group's leader Ana Ruiz said"
        return ResolvedSpeaker(named, "name")
    unnamed = is_unnamed_source(head)
    m = index.mention_at(start, end, head)
    if (titled := _titled_holder(index, spk, m)) is not None:  # "Governor Umo Eno declared"
        return ResolvedSpeaker(titled, "name")
    if m is not None and unnamed and _described_only(index, m.actor, head):
        m = None  # a role actor made of the description itself: the source stays unnamed
    if m is None and head.lower_ in role_words():
        named = _trailing_person(index, start, end, head)
        if named is not None:  # "the press secretary of the President of Peru Ana Ruiz"
            return ResolvedSpeaker(named, "name")
    if (m is None or (m.how not in _NAME_HOWS and _described_only(index, m.actor, head))) and \
            (named := later_titled(index, spk, end)) is not None:
        return ResolvedSpeaker(named, "description")  # "Japan's chief cabinet secretary said ... Chief
        # Cabinet Secretary Ana Ruiz added": the article's one holder of that title, named after
    if head.lower_ in index.lex.spokesperson_nouns and (m is None or _described_only(index, m.actor, head)):
        spoken_for = spokesperson_speaker(index, spk)
        if spoken_for is not None:
            return ResolvedSpeaker(spoken_for, "description")
    joint = _joint_they(index, head)
    if joint is not None:  # "Peru and Chile signed a deal. They said in a joint statement ..."
        return joint
    if m is not None:
        kind = "pronoun" if head.pos_ == "PRON" else "name" if m.how == "name" else "description"
        return ResolvedSpeaker(m.actor, kind, False, _conjunct_actors(index, head, m.actor))
    low = head.lower_
    lex = index.lex
    if low in lex.subject_relatives and head.head.dep_ == "relcl" and head.head.head != head.head:
        ante = head.head.head
        if ante.i != head.i:
            return resolve_speaker(index, phrase_of(ante))
        return ResolvedSpeaker(None, "pronoun")
    if is_document(head):
        issuers = document_issuers(index, head, _head_actor)
        return ResolvedSpeaker(issuers[0], "document", False, issuers[1:]) if issuers else ResolvedSpeaker(None, "document")
    if head.pos_ == "PRON":
        types = lex.pronoun_antecedents.get(low)
        return ResolvedSpeaker(index.recent_actor(start, types, plural_since(head)) if types else None, "pronoun")
    if head.pos_ in ("NOUN", "PROPN", "ADJ"):
        best = None
        owned = first_child(head, ("poss",)) is not None  # "the group's leader": not whoever was titled "leader"
        titles = {low} | title_hypernyms().get(low, frozenset())
        for person in index.titled if not owned and head.pos_ != "ADJ" else ():
            if person.offset >= start:
                break
            if titles & person.title_words:
                best = person.actor
        if best is not None:
            return ResolvedSpeaker(best, "description")
        if is_age_epithet(index.doc[lo:hi]):  # "the 45-year-old said": the person just named
            return ResolvedSpeaker(index.recent_actor(start, ("PERSON",)), "description")
        compatriot = epithet_referent(index, spk, start, end)
        if compatriot is not None:
            return ResolvedSpeaker(compatriot, "description")
        institution = institution_referent(index, lo, hi)
        if institution is not None:  # "Somalia's government said ... The government said"
            return ResolvedSpeaker(institution, "description")
        if unnamed and not definite_epithet(index, spk):
            return ResolvedSpeaker(anonymous_speaker(index, head), "anonymous", True)
    return ResolvedSpeaker(None, "description")  # a phrase that names no actor: kept, unlinked


def _titled_holder(index: ArticleIndex, spk: SpeakerPhrase, m: Mention | None) -> str | None:
    """The person named after a title at the end of a phrase whose head holds no person's mention: a name
    the NER missed or typed as a body (`titled_names`)."""
    if m is not None and getattr(index.actors.get(m.actor), "type", None) == "PERSON":
        return None
    return titled_person(index, spk.lo, spk.hi)


def is_age_epithet(phrase: Span) -> bool:
    """A definite phrase that describes a person by age ("the 45-year-old", "the 70-year-old mother of
    three"): news style for the person just named (an epithet, Poesio & Vieira 1998)."""
    words = [t.lower_ for t in phrase]
    if not words or words[0] != "the":
        return False
    return any(words[k] in ("year", "years") and words[k + 1:k + 3] == ["-", "old"] for k in range(len(words) - 2))


def age_epithet_before(index: ArticleIndex, cue: Token) -> SpeakerPhrase | None:
    """ "the N-year-old" right before a speech verb the parse gave no subject: the phrase, headed by "old"."""
    doc = index.doc
    k = cue.i - 1
    if cue.lemma_.lower() not in index.lex.speech_verbs or k < 5 or doc[k].lower_ != "old":
        return None
    lo = k - 5  # the | 45 | - | year | - | old
    phrase = doc[lo:cue.i]
    return SpeakerPhrase(doc[k], lo, cue.i) if is_age_epithet(phrase) and doc[lo + 1].like_num else None


def later_titled(index: ArticleIndex, spk: SpeakerPhrase, end: int) -> str | None:
    """The person a definite or possessive title phrase ("the foreign ministry spokesman", "Japan's chief
    cabinet secretary") stands for when the article names its holder only after it ("... Spokesman Ana
    Ruiz later told reporters"): the one person of the whole article introduced with the head title,
    named after the phrase, whose other title words (if any) are among the phrase's ("government
    spokesman Ana Ruiz" is not "the company's spokesman"). Cataphoric role-then-name order of news leads
    (the news-dev convention: role-only speakers are their holders)."""
    head, lo, hi = spk
    doc = index.doc
    if head.pos_ not in ("NOUN", "PROPN") or head.lower_ not in role_words() | index.lex.spokesperson_nouns:
        return None
    if doc[lo].lower_ != "the" and first_child(head, ("poss",)) is None:
        return None  # "a spokesman said": an unnamed source, not the one named later
    low = head.lower_
    words = {t.lower_ for t in doc[lo:hi] if t.i != head.i and t.pos_ in ("NOUN", "PROPN", "ADJ")}
    holders = {p.actor for p in index.titled if low in p.title_words}
    fits = {p.actor for p in index.titled if p.offset >= end and low in p.title_words
            and (not p.title_words - {low} or (p.title_words - {low}) & words)}
    return fits.pop() if len(fits) == 1 and len(holders) == 1 else None


def definite_epithet(index: ArticleIndex, spk: SpeakerPhrase) -> bool:
    """A definite singular epithet ("the libertarian economist said", after "President Ana Ruiz ...")
    whose noun the article has not used before: it renames someone already named, so it is no unnamed
    source (an unnamed source is introduced indefinitely, "an economist at the bank said", and only then
    taken up as "the economist"). Such a phrase stays unlinked rather than become an anonymous actor."""
    head = spk.head
    if index.doc[spk.lo].lower_ != "the" or head.tag_ != "NN" or head.lower_ not in index.lex.epithet_nouns:
        return False
    return not any(t.lemma_.lower() == head.lemma_.lower() for t in index.doc[:spk.lo])


def outside_own_content(index: ArticleIndex, spk: SpeakerPhrase, resolved: ResolvedSpeaker,
                        content: tuple[int, int]) -> ResolvedSpeaker:
    """A speaker pronoun is no actor its own content names ("He said Vela would attend": "he" is not
    Vela; binding theory's Condition C, Chomsky 1981): such a resolution is dropped (the pronoun
    resolver already skips names in a content before the cue, `resolve.coref`)."""
    if resolved.kind != "pronoun" or resolved.actor is None:
        return resolved
    named = {m.actor for m in index.mentions_in(*content) if m.how in _NAME_HOWS}
    return ResolvedSpeaker(None, "pronoun") if resolved.actor in named else resolved


def epithet_referent(index: ArticleIndex, spk: SpeakerPhrase, start: int, end: int) -> str | None:
    """The person a definite epithet with a demonym refers back to ("The former Peruvian tennis champion
    said" after "Peruvian President Ana Ruiz"): the article's only person of that country named before it
    (`epithet_nouns.txt`). None when the phrase is not definite, names no country, or several people of
    that country came before (the epithet could be any of them)."""
    head = spk.head
    first = index.doc[spk.lo]
    if head.lower_ not in index.lex.epithet_nouns or first.lower_ != "the" or head.pos_ != "NOUN":
        return None
    countries = {a.country for m in index.mentions_in(start, end)
                 if (a := index.actors.get(m.actor)) is not None and a.type in ("GPE", "NORP") and a.country}
    if len(countries) != 1:
        return None
    (iso3,) = countries
    people = {m.actor for m in index.mentions[:index.first_mention_at(start)]
              if (a := index.actors.get(m.actor)) is not None and a.type == "PERSON" and a.country == iso3}
    return people.pop() if len(people) == 1 else None


def _appositive_person(index: ArticleIndex, head: Token, hi: int) -> str | None:
    """The person a title head names in the apposition right after it ("The group's leader Ana Ruiz",
    "the envoy, Vela, said"), or whose whole name follows the title with no comma ("His Highness Sheikh
    Tamim bin Hamad Al Thani stressed"): the parser hangs the name beside the title, not under it. (Any
    name after the title's comma, "the envoy, Jorge Vela,", was tried: the news-dev held-out figures fell.)
    A spokesperson's named apposition speaks ("the rebels' spokesman, Ana Ruiz, said"), not the body he
    speaks for."""
    after_comma = head.lower_ in index.lex.spokesperson_nouns
    for child in head.rights:
        if child.dep_ == "appos" and (child.i <= hi + 1 or _name_right_after(child, hi)
                                      or (after_comma and child.left_edge.i <= hi + 1)):
            m = index.mention_at(child.idx, token_end(child), child)
            actor = index.actors.get(m.actor) if m is not None else None
            if m is not None and actor is not None and (actor.type == "PERSON" or mistyped_holder(index, head, m)):
                return m.actor
            return titled_person(index, head.i, child.right_edge.i + 1) if child.left_edge.i == hi else None
    return _closed_appositive_person(index, head)


def _closed_appositive_person(index: ArticleIndex, head: Token) -> str | None:
    """The full name of a person set off by commas between a title subject and its verb ("The state
    Commissioner for Health, Dr. Ana Ruiz, disclosed", "The police spokesman in Kano, SP Ana Ruiz,
    confirmed", "The Governor of Lagos, Ana Ruiz, has vowed"): a non-restrictive apposition names the
    title's holder (Quirk et al. 1985, §17.65). The parser hangs it on the title or on the last noun of
    the title's "of/in/for" phrase. A name only opened by a comma ("the envoy, Jorge Vela and ...") stays
    out: that looser rule lowered the story held-out speaker precision (c8a0017)."""
    verb = head.head
    if head.dep_ not in ("nsubj", "nsubjpass") or verb.i < head.i or head.ent_type_ == "PERSON":
        return None  # "Ana Ruiz, Tom Ruiz, ..." is a list, not a title and its holder
    for tok in head.subtree:
        if tok.dep_ != "appos" or not _closed_before(tok, verb):
            continue
        m = index.mention_at(tok.idx, token_end(tok), tok)
        actor = index.actors.get(m.actor) if m is not None else None
        if m is None or actor is None or m.how != "name" or " " not in m.text or \
                (actor.type != "PERSON" and not mistyped_holder(index, head, m)):
            return None  # a full name only: "The envoy, Ruiz, said" may be the envoy's subject, not its holder
        return m.actor
    return None


def _closed_before(appos: Token, verb: Token) -> bool:
    """`appos` sits between commas, and only the verb's auxiliaries and adverbs follow the second one."""
    doc = appos.doc
    lo, hi = appos.left_edge.i, appos.right_edge.i
    if lo == 0 or hi + 2 > verb.i or doc[lo - 1].text != "," or doc[hi + 1].text != ",":
        return False
    return all(t.head == verb and t.dep_ in ("aux", "auxpass", "neg", "advmod") for t in doc[hi + 2:verb.i])


def _name_right_after(appos: Token, hi: int) -> bool:
    """The apposition's phrase starts right at `hi` with a word, not a bracket or comma: "His Highness |
    Sheikh Tamim ...", not "Diane Abbott | (Hackney North)", a constituency the tagger took for a person."""
    first = appos.doc[appos.left_edge.i]
    return appos.left_edge.i == hi and not first.is_punct


def _trailing_person(index: ArticleIndex, start: int, end: int, head: Token) -> str | None:
    """The person named at the end of a title phrase [start, end) whose head is the title ("the press
    secretary of the President of Peru Ana Ruiz"): the parse hangs the name inside the "of" phrase. Not
    the title itself ("A Russian official": the role actor of the description names nobody). A party tag
    may follow the name ("the Speaker of the House Rep. Ana Ruiz (R-Ohio)"): it is cut before the search."""
    tag = _NAME_TAG.search(index.text[start:end].rstrip(" ,."))
    if tag is not None:
        end = start + tag.start()
    inside = index.mentions_in(start, end)
    last = inside[-1] if inside else None
    actor = index.actors.get(last.actor) if last is not None else None
    if last is None or actor is None or actor.type != "PERSON" or index.text[last.end:end].strip(" ,.") != "" \
            or last.start <= head.idx:
        return None
    return last.actor


def spokesperson_speaker(index: ArticleIndex, spk: SpeakerPhrase) -> str | None:
    """The actor an unnamed spokesperson speaks for ("a spokesman at Peru's foreign ministry",
    "the Kremlin spokesperson"): a person the article introduced with this title and a word of the
    phrase ("Foreign Ministry spokesperson Ana Ruiz" ... "the ministry spokesperson"), else the
    organization (or state) the phrase or its "at/of/for/from" phrase names, else a person introduced
    with the title alone. None when the phrase names no one."""
    head, lo, hi = spk
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("at", "of", "for", "from"):
            hi = max(hi, child.right_edge.i + 1)
    start, end = char_range(index.doc, lo, hi)
    words = {t.lower_ for t in index.doc[lo:hi] if t.i != head.i and t.pos_ in ("NOUN", "PROPN", "ADJ")}
    earlier = [p for p in index.titled if p.offset < start and head.lower_ in p.title_words]
    for person in reversed(earlier):
        if words & person.title_words:
            return person.actor
    spoken_for = None
    for m in index.mentions_in(start, end):
        actor = index.actors.get(m.actor)
        if actor is not None and actor.type in ("ORG", "GPE") and (spoken_for is None or actor.type == "ORG"):
            spoken_for = m.actor
    if spoken_for is not None:
        return spoken_for
    return earlier[-1].actor if earlier and not words else None


def _described_only(index: ArticleIndex, actor_id: str, head: Token) -> bool:
    """The actor resolution linked an unnamed source's phrase to an actor named by the description
    itself ("Canada's senior official"), not to a named person it refers back to: such an actor
    names nobody, so the source is anonymous."""
    actor = index.actors.get(actor_id)
    if actor is None:
        return True
    name = actor.name.lower()
    return head.lower_ in name or head.lemma_.lower() in name


def _head_actor(index: ArticleIndex, tok: Token) -> str | None:
    """The actor a single phrase head stands for (a document's issuer): its mention, or what its
    phrase resolves to when that is not another document."""
    if is_document(tok):
        return None
    return resolve_speaker(index, phrase_of(tok)).actor


def _joint_they(index: ArticleIndex, head: Token) -> ResolvedSpeaker | None:
    """"They" speaking jointly (`speaks_jointly`) right after a sentence whose subject coordinates named
    actors ("Peru and Chile signed a deal. They said in a joint statement ..."): each of them speaks."""
    if head.lower_ != "they" or head.sent.start == 0 or not speaks_jointly(head):
        return None
    prev = index.doc[head.sent.start - 1].sent
    subj = next((t for t in prev.root.children if t.dep_ in ("nsubj", "nsubjpass") and t.conjuncts), None)
    if subj is None:
        return None
    parties: list[str] = []
    for t in (subj, *subj.conjuncts):
        m = index.mention_at(t.idx, token_end(t), t)
        if m is None or m.actor in parties:
            return None  # a party the sentence does not name: not all speakers are known
        parties.append(m.actor)
    return ResolvedSpeaker(parties[0], "pronoun", False, tuple(parties[1:]))


def speaks_jointly(head: Token) -> bool:
    """The speaker's verb says the words are joint: "A and B said in a joint statement", "A and B
    jointly announced", "A and B blamed one another" (PolNeAR keeps "A and B said" as one attribution of one source; a joint
    statement is each party's, the convention of the news development set)."""
    verb = head.head
    if head.dep_ not in ("nsubj", "nsubjpass") or verb == head:
        return False
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in JOINT_ADVERBS:
            return True
        if child.dep_ == "dobj" and " ".join(t.lower_ for t in child.subtree) in RECIPROCALS:
            return True  # "Lima and Quito blamed one another": each says it of the other
        obj = first_child(child, ("pobj",)) if child.dep_ == "prep" else None
        if obj is not None and is_document(obj) and any(g.lower_ == "joint" for g in obj.lefts):
            return True
    return False


def _conjunct_actors(index: ArticleIndex, head: Token, first: str) -> tuple[str, ...]:
    """The named actors coordinated with the speaker head ("Russia and China said ... in a joint
    statement"), other than `first`, when they speak jointly (`speaks_jointly`)."""
    if not head.conjuncts or not speaks_jointly(head):
        return ()
    out: list[str] = []
    for conj in head.conjuncts:
        if conj.i < head.i:
            continue
        m = index.mention_at(conj.idx, token_end(conj), conj)
        named = next((c for c in conj.rights if c.dep_ == "appos"), None) if m is None else None
        if named is not None:  # "A and his Chilean counterpart Ana Ruiz said in a joint statement"
            m = index.mention_at(named.idx, token_end(named), named)
        if m is not None and m.actor != first and m.actor not in out:
            out.append(m.actor)
    return tuple(out)
