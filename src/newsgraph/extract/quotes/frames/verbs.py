"""Frames of cue verbs: each way a verb can govern what it reports.

`ccomp` (its clause: "said that ..."), `xcomp` ("wants to ...", with the addressee: "urged
Congress to act"), `dobj` ("criticized the plan"), `dobj+oprd` ("called him a liar"),
`dobj+prep:P` ("accused him of sexism"), `prep:P` ("called for ..."), `dprep:O:P` ("drew
attention to ..."), `passive` ("the plan was criticized by X": the plan), `outer` (the clause a
parenthetical or as-clause cue sits in: "..., he said", "As X pointed out, ...") and `subj+F`
(a raised or passive subject joined to frame F: "the plan seems to work"). Frames are listed
in a fixed order; scoring keeps the first of equally good ones.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...syntax import children, first_child, prep_object, subtree_range
from ..content import REPORT_DASHES, is_adjunct, outer_side
from ..cues import is_other_report
from ..lexicons import QuoteLexicons
from .frame import Frame, prep_frame

#: what the parser may hang on the verb that belongs to its object ("criticized his amendments
#: | to expand immigration")
OBJECT_TAIL_DEPS = ("prep", "xcomp", "acl", "relcl")


def verb_frames(tok: Token, lex: QuoteLexicons) -> list[Frame]:
    """Every frame of verb `tok`, in the order scoring reads them (see the module docstring)."""
    out: list[Frame] = []
    clause = clause_frame(tok, lex)
    if clause is not None:
        out.append(clause)
    obj = None
    for child in tok.children:
        if child.dep_ == "dobj":
            obj = child  # the last object, as the parse lists them
            continue
        frame = complement_frame(tok, child)
        if frame is not None:
            out.append(frame)
    passive = passive_frame(tok)
    if passive is not None:
        out.append(passive)
    if obj is not None:
        out.extend(object_frames(tok, obj, lex))
    else:
        out.extend(predicate_frames(tok))
    outer = outer_frame(tok)
    if outer is not None:
        out.append(outer)
    out.extend(raised_frames(tok, out, lex))
    return out


def clause_frame(tok: Token, lex: QuoteLexicons) -> Frame | None:
    """`ccomp`: the verb's clauses on one side of it, up to a coordinated report of another
    speaker ("X said A, and Y said B"). A clause whose subject is a reflexive ("the party found itself
    stuck", "he found himself isolated") tells the subject's state, not what it reported: no frame."""
    comps = [c for c in tok.children if c.dep_ == "ccomp"
             and not any(s.dep_ == "nsubj" and s.lower_ in lex.reflexives for s in c.children)
             and not _after_adjunct(tok, c, lex) and not _report_before_dash(tok, c, lex)]
    if not comps:
        comps = _clause_under_addressee(tok, lex)
    if not comps:
        return None
    side = [c for c in comps if (c.i > tok.i) == (comps[0].i > tok.i)]
    kept = side[:1 + next((k for k, c in enumerate(side[1:]) if is_other_report(c, lex)), len(side))]
    return Frame("ccomp", min(c.left_edge.i for c in kept), max(clause_end(c, lex) for c in kept))


def _report_before_dash(tok: Token, comp: Token, lex: QuoteLexicons) -> bool:
    """A clause before the verb that is a report of its own, set off from the verb's subject by a dash
    ("Turkey said it had a deal - Stoltenberg said the alliance was watching"): the parser hangs the
    first report under the second verb, but it is the first speaker's, not the second's content; the
    second verb keeps the clause after it and the first speech verb makes its own quote."""
    if comp.i > tok.i or not is_other_report(comp, lex):
        return False
    doc = tok.doc
    return any(doc[k].text in REPORT_DASHES and doc[k].dep_ == "punct" for k in range(comp.right_edge.i + 1, tok.i))


def _clause_under_addressee(tok: Token, lex: QuoteLexicons) -> list[Token]:
    """The that-clause the parser hung as a relative clause on a recipient verb's addressee ("told a
    weekly briefing that Lima wanted calm", "told the summit that ...") or on the object of a speech
    verb's prepositional phrase ("said at a news briefing that Lima opposes the plan"): a clause opened by "that" with
    a subject of its own, where "that" is the complementizer (a `mark`, or an "object" beside the
    clause's own object: a relative pronoun fills a gap, and this clause has none) is what was told."""
    hosts: list[Token] = []
    if tok.lemma_.lower() in lex.recipient_verbs and (obj := first_child(tok, ("dobj",))) is not None:
        hosts.append(obj)
    if tok.lemma_.lower() in lex.speech_verbs:  # "said at a regular press briefing that ..."
        hosts.extend(p for prep in tok.children if prep.dep_ == "prep" and prep.i > tok.i
                     and (p := first_child(prep, ("pobj",))) is not None)
    return [c for host in hosts for c in host.children
            if c.dep_ == "relcl" and c.i > host.i and _complementizer_clause(c)][:1]


def _complementizer_clause(clause: Token) -> bool:
    """The clause opens with "that" as its complementizer, not as a relative pronoun (see above)."""
    opener = clause.doc[clause.left_edge.i]
    if opener.lower_ != "that" or opener.head != clause:
        return False
    deps = [c.dep_ for c in clause.children if c != opener]
    return "nsubj" in deps or "nsubjpass" in deps if opener.dep_ == "mark" else (
        opener.dep_ == "dobj" and "dobj" in deps and ("nsubj" in deps or "nsubjpass" in deps))


#: parts of speech of a real object of a preposition ("after the meeting"), not a modifier left dangling
_NOMINAL_POS = ("NOUN", "PROPN", "PRON", "NUM")


def _after_adjunct(tok: Token, comp: Token, lex: QuoteLexicons) -> bool:
    """A clause the parser made the verb's complement although an adjunct preposition of the verb
    opens it ("confirmed the withdrawal after the paramilitary RSF declared control": `after` took
    "paramilitary" as its object): the clause is the adjunct's, not what was reported."""
    if any(m.dep_ == "mark" for m in comp.children):
        return False  # "said after the meeting that ...": the clause is the report
    return any(c.dep_ == "prep" and c.lower_ in lex.adjunct_prepositions and tok.i < c.i < comp.left_edge.i
               and c.right_edge.i + 1 >= comp.left_edge.i
               and all(o.pos_ not in _NOMINAL_POS for o in c.children if o.dep_ == "pobj") for c in tok.children)


def clause_end(head: Token, lex: QuoteLexicons) -> int:
    """End of a reported clause, cut before a coordinated report of another speaker
    ("X said A, and Y said B": the parser hangs "Y said B" inside A)."""
    doc = head.doc
    for child in head.rights:
        if child.dep_ == "conj" and is_other_report(child, lex):
            lo = child.left_edge.i
            while lo > head.i + 1 and (doc[lo - 1].dep_ == "cc" or doc[lo - 1].is_punct):
                lo -= 1
            return lo
    return head.right_edge.i + 1


def complement_frame(tok: Token, child: Token) -> Frame | None:
    """The frame one child after the verb gives: `xcomp`, a for-clause as `prep:for`, or `prep:P`."""
    if child.dep_ == "xcomp" and child.i > tok.i:
        return infinitive_frame(tok, child)
    marks = children(child, ("mark",))
    if child.dep_ == "advcl" and child.i > tok.i and any(m.lower_ == "for" for m in marks):
        # "calling for the US to act": the parser makes it a for-clause (content after its first mark)
        return Frame("prep:for", marks[0].i + 1, child.right_edge.i + 1)
    return prep_frame(tok, child)


def infinitive_frame(tok: Token, xcomp: Token) -> Frame:
    """`xcomp`; "urged Congress to pass", "called on X to act": the addressee goes with it."""
    lo, hi = subtree_range(xcomp)
    for sib in tok.children:
        if tok.i < sib.i < xcomp.i and sib.dep_ in ("dobj", "prep") and sib.right_edge.i + 1 == lo:
            lo = sib.i if sib.dep_ == "dobj" else sib.i + 1
            lo = min(lo, sib.left_edge.i) if sib.dep_ == "dobj" else lo
    return Frame("xcomp", lo, hi)


def passive_frame(tok: Token) -> Frame | None:
    """`passive`: "the plan was criticized by the union" (content: the plan)."""
    if not any(c.dep_ == "agent" for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.lower_ != "it"), None)
    return None if subj is None else Frame("passive", *subtree_range(subj))


def object_frames(tok: Token, obj: Token, lex: QuoteLexicons) -> list[Frame]:
    """Frames of a verb with a direct object: `dobj+oprd` or `dobj`, then `dprep:O:P` for the
    object's prepositions, then `dobj+prep:P` for the verb's prepositions after the object; none
    for an object under "no" ("made no mention of X", "gave no details"): nothing was said."""
    out: list[Frame] = []
    if any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
        return out
    oprd = first_child(tok, ("oprd",))
    if oprd is not None:
        out.append(Frame("dobj+oprd", obj.left_edge.i, oprd.right_edge.i + 1))
    elif obj.pos_ != "PRON" and obj.ent_type_ not in ("DATE", "TIME"):
        out.append(Frame("dobj", *_object_range(tok, obj, lex)))
    for g in list(obj.children) + [c for c in tok.children if c.dep_ == "prep" and c.i > obj.i]:
        if g.dep_ == "prep":
            p = prep_object(g)
            if p is not None:
                out.append(Frame(f"dprep:{obj.lemma_.lower()}:{g.lower_}", *subtree_range(p)))
    # the object with its complement: "accused him of sexism", "sees the party as weak"
    for g in tok.children:
        if g.dep_ == "prep" and g.i > obj.right_edge.i:
            p = prep_object(g)
            if p is not None:
                out.append(Frame(f"dobj+prep:{g.lower_}", obj.left_edge.i, p.right_edge.i + 1))
    return out


def _object_range(tok: Token, obj: Token, lex: QuoteLexicons) -> tuple[int, int]:
    """The object's phrase with what the parser hangs on the verb right after it and belongs to
    the object ("criticized his amendments | to expand immigration"), up to an adjunct."""
    lo, hi = subtree_range(obj)
    for sib in tok.rights:
        if sib.i < hi:
            continue
        if sib.left_edge.i == hi and sib.dep_ in OBJECT_TAIL_DEPS and not is_adjunct(sib, lex):
            hi = sib.right_edge.i + 1
        else:
            break
    return lo, hi


def predicate_frames(tok: Token) -> list[Frame]:
    """`dobj+oprd` without a parsed object: "called both Trump and Clinton 'crazy'": the parser
    may make the named one a predicate too, or fold it into the predicate; the content spans them all."""
    oprds = [c for c in tok.children if c.dep_ == "oprd" and c.i > tok.i]
    if not oprds:
        return []
    return [Frame("dobj+oprd", min(c.left_edge.i for c in oprds), max(c.right_edge.i for c in oprds) + 1)]


def outer_frame(tok: Token) -> Frame | None:
    """`outer`: the clause a parenthetical ("..., he said") or as-clause ("As X pointed out,
    ...") cue sits in, without the cue phrase."""
    if tok.dep_ == "parataxis" or (tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)):
        lo, hi = subtree_range(tok.head)
        return Frame("outer", *outer_side(lo, hi, *subtree_range(tok)))
    return None


def raised_subject(tok: Token, lex: QuoteLexicons) -> Token | None:
    """The subject a passive or raising verb shares with its complement (not its speaker):
    "X is expected to ...", "X seems to ...", or the noun a past participle modifies."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.i < tok.i:
        return tok.head
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    for c in tok.children:
        if c.i < tok.i and c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in lex.expletive_subjects:
            if c.dep_ == "nsubjpass" or passive or tok.lemma_.lower() in lex.raising_verbs:
                return c
    return None


def raised_frames(tok: Token, frames: list[Frame], lex: QuoteLexicons) -> list[Frame]:
    """`subj+F` for the `xcomp` and `prep:P` frames after a raised subject: "Rubio appeared to
    be on the upswing", "Roof is accused of killing ...", "the contests known as Super Tuesday":
    the subject belongs to the content."""
    raised = raised_subject(tok, lex)
    if raised is None:
        return []
    return [Frame("subj+" + rel, raised.left_edge.i, hi) for rel, lo, hi in frames
            if (rel == "xcomp" or rel.startswith("prep:")) and raised.i < tok.i < lo]
