"""The attributions cue words make: one pass over the tokens.

Each verb, adjective or noun a lexicon or the learned table knows as a cue gets its speaker
(`speakers`) and its best-scoring frame (`frames.scoring`); "according to X" takes the clause it
modifies. Words inside a quoted passage are not cues (the passage belongs to the outer speaker); a relay
verb with "as saying" leaves the cue to the participle ("quoted the minister as saying").
A speech verb with no content of its own is kept aside: it may be the cue of a quoted passage
next to it (`floating`).
"""
from __future__ import annotations

from spacy.tokens import Token

from ...model import Quote
from ..syntax import by_agent, coordination_head, first_child, subtree_range, token_end
from .content import outer_side
from .cues import may_be_cue
from .frames import Frame
from .frames.scoring import best_frame
from .index import ArticleIndex
from .records import frame_quote
from .speakers import SpeakerPhrase, cue_speaker, phrase_of, phrase_range

#: tokens of markup left in a text ("<b>said</b>"): the word after one is not a cue
_MARKUP_OPENERS = ("<", "</")
#: the longest name set right after an "according to" source noun ("the newspaper El Universo")
MAX_APPOSED_NAME_TOKENS = 4
#: a clause's subjects (a verb with none may have lost it to an "according to" source)
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
#: what may precede a raised-subject cue and belongs to it ("is widely expected")
_CUE_MODIFIER_DEPS = ("aux", "auxpass", "neg", "advmod")


def cue_word_quotes(index: ArticleIndex) -> tuple[list[Quote], list[Token]]:
    """(quotes of cue words and "according to", speech verbs left without a content)."""
    doc = index.doc
    quotes: list[Quote] = []
    bare: list[Token] = []
    for tok in doc:
        if tok.is_punct or tok.is_space or index.inside_passage(tok) or (
                tok.i > 0 and doc[tok.i - 1].text in _MARKUP_OPENERS):
            continue
        if may_be_cue(tok, index.lex, index.learned_lemmas):
            if relays_as_saying(index, tok):
                continue  # "Interfax quoted Ana Ruiz as saying": "saying" is the cue, Ruiz the speaker
            spk = cue_speaker(index, tok)
            scored = best_frame(index, tok, spk)
            if scored is None:
                if tok.lemma_.lower() in index.lex.speech_verbs and tok.pos_ != "NOUN":
                    bare.append(tok)
                continue
            if object_before_participle(index, tok, scored[0]):
                continue  # "criticised the network, saying it ...": the claim is the participle's
            q = _frame_quote(index, tok, *scored, spk)
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            q = _according_to_quote(index, tok)
        else:
            continue
        if q is not None:
            quotes.append(q)
    return quotes, bare


#: frames whose content is only the thing a verb acts on ("criticised X", "referred to X", "likened X")
_OBJECT_ONLY_RELS = ("dobj", "prep:to")


def object_before_participle(index: ArticleIndex, tok: Token, frame: Frame) -> bool:
    """A topic verb (`topic_object_verbs.txt`) whose content is only its object ("criticised the
    network", "referred to the fines") followed by a participle cue of its own ("..., saying it ...",
    "..., calling them ..."): the object names what was talked about, the participle's clause is the
    claim (issue 15, a blind check of news-dev quotes: such object-only contents were wrong). The
    participle keeps its own quote."""
    if tok.lemma_.lower() not in index.lex.topic_object_verbs or (
            frame.rel not in _OBJECT_ONLY_RELS and not frame.rel.startswith("dprep:")):
        return False
    return any(c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" and c.i >= frame.hi
               and may_be_cue(c, index.lex, index.learned_lemmas) for c in tok.rights)


def relays_as_saying(index: ArticleIndex, tok: Token) -> bool:
    """A relay verb with an "as saying" phrase ("quoted the minister as saying", "cited her as
    saying"): the attribution is the participle's, whose speaker is the relay verb's object."""
    if tok.lemma_.lower() not in index.lex.relay_verbs:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
               for c in tok.children)


def _frame_quote(index: ArticleIndex, tok: Token, frame: Frame, score: float,
                 spk: SpeakerPhrase | None) -> Quote | None:
    """The quote of cue word `tok` with its chosen frame; the cue takes a particle ("pointed out")."""
    doc = index.doc
    cue_lo, cue_hi = tok.i, tok.i + 1
    if frame.rel.startswith("subj+"):
        # the subject is reported, not speaking: the speaker is a by-agent if any,
        # and the auxiliaries belong to the cue ("is widely expected")
        agent = by_agent(tok)
        spk = phrase_of(agent) if agent is not None else None
        while cue_lo > frame.lo and doc[cue_lo - 1].head == tok and doc[cue_lo - 1].dep_ in _CUE_MODIFIER_DEPS:
            cue_lo -= 1
    for child in tok.rights:  # particles: "pointed out"
        if child.dep_ == "prt" and child.i == cue_hi:
            cue_hi += 1
    return frame_quote(index, (frame.lo, frame.hi), (cue_lo, cue_hi), spk, score=score)


def _according_to_quote(index: ArticleIndex, tok: Token) -> Quote | None:
    """"According to X, ...": X is the speaker, the clause the phrase modifies (all of a
    coordination: "A rose, B fell and C held, according to X") without the phrase the content."""
    doc = index.doc
    to = doc[tok.i + 1]
    src = first_child(to, ("pobj",))
    head = tok.head if tok.head != tok else None
    if src is None or head is None:
        return None
    lo, hi = subtree_range(coordination_head(head))
    plo, _ = subtree_range(tok)
    slo, shi = phrase_range(src)
    phi = max(shi, to.i + 1, subtree_range(src)[1])  # "according to a statement from the ministry, ..."
    named = apposed_name(index, src, shi)
    if named is not None:  # "According to the newspaper El Universo, ...": the parse made the name a subject
        src, shi = doc[named - 1], named
        phi = max(phi, named)
    swallowed = swallowed_subject(src, head)
    if swallowed is not None:
        phi = swallowed  # "According to the Kremlin, Putin and Xi discussed ...": the subject is content
    if phi < len(doc) and doc[phi].text == ",":
        phi += 1
    if all(t.is_punct and not t.is_quote for t in doc[phi:hi]):
        phi = hi  # "..., according to the ministry.": the phrase ends the clause, only its full stop follows
    lo, hi = outer_side(lo, hi, plo, phi)
    return frame_quote(index, (lo, hi), (tok.i, tok.i + 2), SpeakerPhrase(src, slo, shi), source="according")


def apposed_name(index: ArticleIndex, src: Token, shi: int) -> int | None:
    """End of a name set right after a common-noun source with no comma and closed by one ("according to
    the newspaper El Universo, ...", "the broadcaster Telemundo,"): a close apposition naming the source
    (Quirk et al. 1985, §17.70) that the parser often takes for the clause's subject. The name must be a
    resolved actor's mention of at most MAX_APPOSED_NAME_TOKENS proper nouns. None otherwise."""
    doc = index.doc
    if src.pos_ != "NOUN" or shi >= len(doc) or doc[shi].pos_ != "PROPN":
        return None
    end = shi
    while end < len(doc) and doc[end].pos_ == "PROPN" and end - shi < MAX_APPOSED_NAME_TOKENS:
        end += 1
    if end >= len(doc) or doc[end].text != ",":
        return None
    m = index.mention_at(doc[shi].idx, token_end(doc[end - 1]), doc[end - 1])
    if m is None or m.start != doc[shi].idx or m.end != token_end(doc[end - 1]) or m.actor not in index.actors:
        return None
    return end


def swallowed_subject(src: Token, verb: Token) -> int | None:
    """Where the clause's own subject starts when the parser made it a conjunct of the "according to"
    source ("According to the Kremlin, Putin and Xi discussed trade": "Putin" a conjunct of "Kremlin",
    "discussed" left without a subject): the first word after a comma in the source's subtree whose
    name heads a conjunct, when the verb has no subject. None otherwise (a list of sources, "according
    to Russia, China and Iran, ...", leaves the verb its subject)."""
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    doc = src.doc
    hi = subtree_range(src)[1]
    for k in range(src.i + 1, hi - 1):
        if doc[k].text != ",":
            continue
        name = doc[k + 1]
        while name.dep_ in ("compound", "flat") and name.head.i > name.i:
            name = name.head
        if name.dep_ == "conj" and name.head.i < k:
            return k + 1
    return None
