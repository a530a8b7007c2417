"""Shaping a content span: the token range a frame gives, cut to what PolNeAR calls the content.

A content leaves out edge punctuation (but keeps quotation marks), a trailing conjunction, and
the writer's asides that end it (a non-restrictive relative clause, an apposition, a contrast
clause); a cue phrase inside its clause ("..., he said", "according to X, ...") is not part of it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .documents import is_document
from .lexicons import QuoteLexicons

#: the marks that set off a trailing aside (comma and the dashes)
ASIDE_MARKS = (",", "—", "–", "--", "-")
#: the punctuation a content may end with
FINAL_PUNCTUATION = ".!?"


def trim(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Token range [lo, hi) without edge punctuation other than quotation marks, and spaces
    (and without a trailing conjunction); None when nothing is left."""
    while lo < hi and (doc[lo].is_space or (doc[lo].is_punct and not doc[lo].is_quote)):
        lo += 1
    while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].dep_ == "cc" or (
            doc[hi - 1].is_punct and not doc[hi - 1].is_quote and doc[hi - 1].text not in FINAL_PUNCTUATION)):
        hi -= 1
    if hi <= lo:
        return None
    return lo, hi


def is_trailing_aside(tok: Token, lex: QuoteLexicons) -> bool:
    """A phrase the writer adds after a comma or dash to describe what was reported: a
    non-restrictive relative clause (", which ..."), an apposition (", the father of ...") or a
    contrast (", while others ..."), a consequence (", prompting X to ...", `consequence_participles.txt`)
    or an absolute with-clause (", with Moscow declaring ..."). (Other trailing participle clauses are
    left alone: measured on PolNeAR train, cutting them gained nothing, as ", saying ..." is often a
    report of its own.)"""
    first = tok.doc[tok.left_edge.i]
    if tok.dep_ == "relcl":
        return first.lower_ in lex.nonrestrictive_relatives
    if tok.dep_ == "appos":
        return True
    if tok.dep_ == "advcl" and first == tok and tok.tag_ == "VBG":
        return tok.lower_ in lex.consequence_participles  # ", prompting the city to add buses"
    if tok.dep_ == "prep" and tok.lower_ == "with":  # ", with unions declaring a victory": an absolute clause
        return any(o.dep_ == "pobj" and any(a.dep_ == "acl" and a.tag_ == "VBG" for a in o.children)
                   for o in tok.children)
    return tok.dep_ == "advcl" and first.lower_ in lex.contrast_subordinators


def drop_trailing_aside(doc: Doc, lo: int, hi: int, lex: QuoteLexicons) -> tuple[int, int]:
    """Cut a trailing aside (see `is_trailing_aside`) that ends the content: it describes the
    thing talked about and is the writer's addition (PolNeAR leaves it out)."""
    for tok in doc[lo:hi]:
        start = tok.left_edge.i
        if start - 1 > lo and doc[start - 1].text in ASIDE_MARKS \
                and tok.right_edge.i + 1 >= hi - 1 and is_trailing_aside(tok, lex):
            return lo, start - 1
    return lo, hi


def drop_trailing_relay(doc: Doc, lo: int, hi: int, lex: QuoteLexicons) -> tuple[int, int]:
    """Cut a relay clause the parser made the head of the content ("said the port is failing, the
    local service of Radio X wrote": "wrote" governs "failing"): the channel, not the words. Only a
    relay verb (`relay_verbs.txt`) that ends the content, with its subject after a comma."""
    for tok in doc[lo:hi]:
        if tok.lemma_.lower() not in lex.relay_verbs or tok.pos_ != "VERB" or tok.i < hi - 2:
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        said = next((c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i), None)
        if subj is None or said is None or subj.i < said.i:
            continue
        start = subj.left_edge.i
        if start - 1 > lo and doc[start - 1].text in ASIDE_MARKS:
            return lo, start - 1
    return lo, hi


#: dashes that set off a sentence-final "- X said" (a hyphen counts only with spaces around it)
REPORT_DASHES = ("-", "—", "–", "--")
#: the longest speaker phrase between such a dash and its speech verb ("- the foreign minister said")
MAX_DASH_SPEAKER_TOKENS = 6


def drop_trailing_report(doc: Doc, lo: int, hi: int, lex: QuoteLexicons) -> tuple[int, int]:
    """Cut a dash that opens a report of its own at the end of a content ("X said it had signed a deal
    - Y said on Friday"): a short phrase with a name or noun, then a speech verb in the past or present
    (issue 15: the parser may make the name the object of the content's last preposition, and the
    speech verb a second clause of the first cue). The dash must stand apart ("well-known" is a word)."""
    for k in range(lo + 1, hi - 1):
        dash = doc[k]
        if dash.text not in REPORT_DASHES or not doc[k - 1].whitespace_ or not dash.whitespace_:
            continue
        for v in range(k + 2, min(hi, k + 2 + MAX_DASH_SPEAKER_TOKENS)):
            verb = doc[v]
            if verb.lemma_.lower() in lex.speech_verbs and verb.tag_ in ("VBD", "VBZ", "VBP"):
                if any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in doc[k + 1:v]):
                    return lo, k
                break
            if verb.is_punct or verb.pos_ in ("VERB", "AUX"):
                break
    return lo, hi


def drop_trailing_medium(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Cut a trailing "in a statement ..." that ends the content ("called for a ceasefire in a statement
    issued on Friday": the parser hangs the medium on "ceasefire"): where it was said, not what. Only an
    indefinite document hung on a noun ("the changes in the statement" names a part of a text)."""
    for tok in doc[lo:hi]:
        if tok.dep_ == "prep" and tok.lower_ == "in" and tok.head.pos_ == "NOUN" and tok.i > lo \
                and tok.right_edge.i + 1 >= hi - 1 \
                and any(c.dep_ == "pobj" and is_document(c) and any(d.lower_ in ("a", "an") for d in c.lefts)
                        for c in tok.children):
            return lo, tok.i
    return lo, hi


def outer_side(lo: int, hi: int, clo: int, chi: int) -> tuple[int, int]:
    """The content of a clause [lo, hi) around a cue phrase [clo, chi): the part after the cue
    phrase when it leads, before it when it trails, all of it when it sits in between."""
    if clo <= lo:
        return chi, hi
    if chi >= hi:
        return lo, clo
    return lo, hi  # in the middle: the content is split around it (the cue is not content)


def is_adjunct(tok: Token, lex: QuoteLexicons) -> bool:
    """A time or circumstance phrase ("in December", "throughout the campaign"): not content."""
    if tok.dep_ == "prep" and tok.lower_ in lex.adjunct_prepositions:
        return True
    return any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)
