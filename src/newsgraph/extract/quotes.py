"""Quote attribution: who said (or believes, or wants) what, over the one dependency parse.

Each attribution has a speaker (source), a cue and a content span, as in PolNeAR (Newell,
Margolin & Ruths 2018) and PARC (Pareti 2016). All steps read the article's one spaCy parse:

1. Cue frames. For each verb or noun, `frames` lists the contents it could govern: its clause
   (`ccomp`), infinitive (`xcomp`, "wants to ..."), object (`dobj`; with its predicate for
   "called him a liar"), the object of a preposition ("call for ...", "drew attention to ..."),
   the subject of a passive with a by-agent, the clause a parenthetical or as-clause cue sits in
   ("..., he said", "As X pointed out, ..."), and for nouns a that-clause ("X's statement that
   ...") or a prepositional object ("support for ..."). A frame is used when the hand lexicons
   in `data/` license it (speech and attitude verbs, phrasal cues, stance verbs, cue nouns) or
   when its precision on PolNeAR train, counted by `models/build_cue_frames.py` into
   `data/cue_frames.tsv`, is high enough; the best-scoring frame of a word wins. "According to
   X" takes the clause it modifies. Cue words inside a quoted passage are not cues (the passage
   belongs to the outer speaker), and a cue inside another attribution's content is dropped
   (PolNeAR's attributions do not nest).
2. Quotation marks (straight, curly, and the typewriter '' pair): a content inside or around a
   quoted passage is widened to the whole passage, which may run over several sentences or
   paragraphs; a split quote ('"X," he said, "Y."') is one content. A passage without a cue
   of its own takes a speech verb with no content next to it (also any verb before a colon:
   'Cruz continued: "..."'), or else continues the previous speaker: as part of the same quote
   within a paragraph, as a new quote in a following one (the Gender Gap Tracker's "floating
   quotes", Asr et al. 2021). Lines "Speaker: content" (headlines, transcripts) are quotes too.
3. Speakers: the cue's subject (the agent of a passive, the antecedent of a relative pronoun,
   the noun a participle modifies, the governing subject for participles and infinitives),
   resolved to an actor by the mention it holds; a pronoun goes to the most recent compatible
   earlier actor; a definite title ("the NATO Secretary General") to the person the article
   introduced with that title ("NATO Secretary General Mark Rutte").
4. Continuation: a sentence carrying a marker such as "also" or "in addition", right after a
   passage reported from a speaker (the same paragraph or the first sentence of the next), stays
   with that speaker; a heading, a new attribution, a new paragraph in the writer's voice or a
   sentence about another named actor ends the passage.

One pass over the tokens plus a few over the quoted passages; nothing is parsed again.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Mention, Quote

DATA = Path(__file__).parent / "data"

OPEN_QUOTES = "“«"
CLOSE_QUOTES = "”»"
STRAIGHT = '"'
MIN_FLOATING_WORDS = 4

PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them", "it"}
_OBJECT_TAIL = {"prep", "xcomp", "acl", "relcl"}
MIN_FRAME_SCORE = 0.2
MIN_CLASS_COUNT = 20
_PERSONAL = {"he", "she", "they", "i", "we", "you", "who"}
_EXPLETIVE = {"it", "there", "who", "which", "that", "what"}
LEARNED = DATA / "cue_frames.tsv"


@lru_cache(maxsize=None)
def lexicon(name: str) -> frozenset[str]:
    """A lexicon file from `data/`: one entry a line, `#` comments, lower-cased."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(l.strip().lower() for l in lines if l.strip() and not l.startswith("#"))


@lru_cache(maxsize=None)
def learned_frames() -> tuple[dict[tuple[str, str, str, str], tuple[int, int]], frozenset[str]]:
    """Frame statistics learned on PolNeAR train (see models/build_cue_frames.py): for each
    (lemma, V|N|A, frame, speaker class), how often it was seen and how often it was a gold
    attribution. Speaker class `*` is any; `a` a named actor or personal pronoun, `n` another
    noun phrase, `-` none."""
    table: dict[tuple[str, str, str, str], tuple[int, int]] = {}
    if LEARNED.exists():
        for line in LEARNED.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            lemma, pos, rel, src, n, hits = line.split("\t")
            table[(lemma, pos, rel, src)] = (int(n), int(hits))
    return table, frozenset(k[0] for k, (n, h) in table.items() if h / (n + 1) >= MIN_FRAME_SCORE)


@lru_cache(maxsize=None)
def _phrasal() -> dict[str, list[tuple[str | None, str]]]:
    out: dict[str, list[tuple[str | None, str]]] = {}
    for entry in lexicon("phrasal_cues.txt"):
        words = entry.split()
        obj = words[1] if len(words) == 3 else None
        out.setdefault(words[0], []).append((obj, words[-1]))
    return out


# --------------------------------------------------------------------------- quoted passages
def quoted_passages(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages, quotation marks included.

    Curly marks pair explicitly, straight ones alternate. A passage left open at the end of a
    paragraph closes there and, when the next paragraph opens a quote (the convention for
    quotes over several paragraphs), continues into it.
    """
    spans: list[tuple[int, int]] = []
    start = None
    open_at_break = False
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        at = i
        if c == "'" and text[i:i + 2] == "''":  # typewriter double quote (NYT archive style)
            c = STRAIGHT
            i += 1
        if c == "\n":
            if start is not None:
                spans.append((start, i))
                start = None
                open_at_break = True
            elif open_at_break and text[i:i + 1] == "\n" and i + 1 < n and not text[i + 1].isspace() \
                    and text[i + 1] not in OPEN_QUOTES + STRAIGHT:
                open_at_break = False
        elif c in OPEN_QUOTES or (c == STRAIGHT and start is None):
            if open_at_break and spans and text[spans[-1][1]:at].isspace():
                start = spans.pop()[0]
            else:
                start = at
            open_at_break = False
        elif (c in CLOSE_QUOTES or c == STRAIGHT) and start is not None:
            spans.append((start, i + 1))
            start = None
            open_at_break = False
        elif not c.isspace():
            open_at_break = False
        i += 1
    if start is not None:
        spans.append((start, n))
    return spans


# --------------------------------------------------------------------------- spans
def _span_of(tokens_lo: Token, tokens_hi: Token) -> tuple[int, int]:
    return tokens_lo.idx, tokens_hi.idx + len(tokens_hi)


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Token range [lo, hi) without edge punctuation other than quotation marks, and spaces."""
    while lo < hi and (doc[lo].is_space or (doc[lo].is_punct and not doc[lo].is_quote)):
        lo += 1
    while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].dep_ == "cc" or (
            doc[hi - 1].is_punct and not doc[hi - 1].is_quote and doc[hi - 1].text not in ".!?")):
        hi -= 1
    if hi <= lo:
        return None
    return lo, hi


def _subtree_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _is_adjunct(tok: Token) -> bool:
    """A time or circumstance phrase ("in December", "throughout the campaign"): not content."""
    if tok.dep_ == "prep" and tok.lower_ in lexicon("adjunct_prepositions.txt"):
        return True
    return any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)


def _pos_code(tok: Token) -> str:
    """V (verb), N (noun) or A (adjective): the part-of-speech column of cue_frames.tsv."""
    return "N" if tok.pos_ == "NOUN" else "A" if tok.pos_ == "ADJ" else "V"


def _trailing_aside(tok: Token) -> bool:
    """A phrase the writer adds after a comma or dash to describe what was reported: a
    non-restrictive relative clause (", which ..."), an apposition (", the father of ...") or a
    contrast (", while others ..."). (A trailing participle clause is left alone: measured on
    PolNeAR train, cutting it gained nothing, as ", saying ..." is often a report of its own.)"""
    first = tok.doc[tok.left_edge.i]
    if tok.dep_ == "relcl":
        return first.lower_ in ("which", "who", "whom", "whose")
    if tok.dep_ == "appos":
        return True
    return tok.dep_ == "advcl" and first.lower_ in ("while", "though", "although", "whereas")


def _drop_trailing_relative(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Cut a trailing aside (see `_trailing_aside`) that ends the content: it describes the thing
    talked about and is the writer's addition (PolNeAR leaves it out)."""
    for tok in doc[lo:hi]:
        start = tok.left_edge.i
        if start - 1 > lo and doc[start - 1].text in (",", "—", "–", "--", "-") \
                and tok.right_edge.i + 1 >= hi - 1 and _trailing_aside(tok):
            return lo, start - 1
    return lo, hi


def _outer_side(lo: int, hi: int, clo: int, chi: int) -> tuple[int, int]:
    """The content of a clause [lo, hi) around a cue phrase [clo, chi): the part after the cue
    phrase when it leads, before it when it trails, all of it when it sits in between."""
    if clo <= lo:
        return chi, hi
    if chi >= hi:
        return lo, clo
    return lo, hi  # in the middle: the content is split around it (the cue is not content)


def _speaker_range(tok: Token) -> tuple[int, int]:
    """The speaker noun phrase: premodifiers and the head (not relative clauses or appositions)."""
    lo = tok.left_edge.i
    hi = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "nummod") or (child.dep_ == "prep" and child.text == "of"
                                                           and child.i == hi):
            hi = child.right_edge.i + 1
        else:
            break
    return lo, hi


# --------------------------------------------------------------------------- the extractor
class _Extractor:
    def __init__(self, doc: Doc, mentions: list[Mention], actors: dict[str, Actor],
                 use_learned: bool = True) -> None:
        self.doc = doc
        self.text = doc.text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.m_starts = [m.start for m in self.mentions]
        self.actors = actors
        self.passages = quoted_passages(doc.text)
        self.p_starts = [a for a, _ in self.passages]
        self.speech = lexicon("speech_verbs.txt")
        self.attitude = lexicon("attitude_verbs.txt")
        self.nouns = lexicon("noun_cues.txt")
        self.objects = lexicon("object_cues.txt")
        self.phrasal = _phrasal()
        self.titles = self._titles()
        self.learned, self.learned_lemmas = (learned_frames() if use_learned else (None, None))

    # -------------------------------------------------------------- actors
    def _mention_at(self, start: int, end: int, head: Token | None = None) -> Mention | None:
        """A mention inside [start, end): the one holding `head` if given, else the last one."""
        i = bisect_right(self.m_starts, end) - 1
        best = None
        while i >= 0 and self.mentions[i].end > start - 200:
            m = self.mentions[i]
            if m.start >= start and m.end <= end or (m.start < end and start < m.end):
                if head is not None and m.start <= head.idx < m.end:
                    return m
                if best is None:
                    best = m
            i -= 1
        return best if head is None else None

    def _titles(self) -> list[tuple[int, frozenset[str], str]]:
        """(offset, title words, person id) for every PERSON mention introduced with a title."""
        out = []
        doc = self.doc
        for m in self.mentions:
            if self.actors.get(m.actor) is None or self.actors[m.actor].type != "PERSON":
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            words = set()
            j = span.start - 1
            while j >= 0 and j >= span.start - 6 and doc[j].pos_ in ("PROPN", "NOUN", "ADJ") \
                    and doc[j].ent_type_ != "PERSON":
                words.add(doc[j].lower_)
                j -= 1
            j = span.end
            while j < len(doc) and j < span.end + 6 and doc[j].pos_ in ("PROPN", "NOUN") \
                    and doc[j].ent_type_ != "PERSON" and not doc[j].is_sent_start:
                words.add(doc[j].lower_)
                j += 1
            for tok in span:
                for child in tok.children:
                    if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN"):
                        words.add(child.lower_)
                        words.update(c.lower_ for c in child.lefts if c.dep_ in ("compound", "amod"))
            if words:
                out.append((m.start, frozenset(words), m.actor))
        return out

    def _resolve(self, head: Token, lo: int, hi: int) -> str | None:
        """Actor id of a speaker phrase doc[lo:hi] with head token `head`."""
        start, end = self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1])
        m = self._mention_at(start, end, head)
        if m is not None:
            return m.actor
        low = head.lower_
        if low in ("who", "that", "which") and head.head.dep_ == "relcl" and head.head.head != head.head:
            ante = head.head.head
            return self._resolve(ante, *_speaker_range(ante)) if ante.i != head.i else None
        if head.pos_ == "PRON":
            if low in PERSON_PRONOUNS:
                return self._recent(start, ("PERSON",))
            if low in GROUP_PRONOUNS:
                return self._recent(start, ("ORG", "GPE", "NORP") if low != "they"
                                    else ("ORG", "NORP", "GPE", "PERSON"))
            return None
        if head.pos_ in ("NOUN", "PROPN"):
            best = None
            for off, words, actor in self.titles:
                if off >= start:
                    break
                if low in words:
                    best = actor
            return best
        return None

    def _recent(self, before: int, types: tuple[str, ...]) -> str | None:
        i = bisect_right(self.m_starts, before) - 1
        while i >= 0:
            m = self.mentions[i]
            a = self.actors.get(m.actor)
            if a is not None and a.type in types and m.end <= before:
                return m.actor
            i -= 1
        return None

    # -------------------------------------------------------------- cues
    def _subject(self, cue: Token) -> Token | None:
        """Speaker head: subject, passive agent, relative-clause head, or the governing subject."""
        tok = cue
        for _ in range(3):
            agent = None
            subj = None
            for child in tok.children:
                if child.dep_ in ("nsubj", "csubj") and subj is None:
                    subj = child
                elif child.dep_ == "nsubjpass" and subj is None:
                    subj = child
                elif child.dep_ == "agent":
                    for g in child.children:
                        if g.dep_ == "pobj":
                            agent = g
            if agent is not None:
                return agent
            if subj is not None:
                if subj.dep_ == "nsubjpass" and subj.lower_ == "it":
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

    # -------------------------------------------------------------- cue frames
    def frames(self, tok: Token) -> list[tuple[str, int, int]]:
        """Candidate contents a cue word could govern, each named by its frame.

        Frames: `ccomp` (clause), `xcomp` ("wants to ..."), `dobj`, `dobj+oprd` ("called him a
        liar"), `prep:P` (object of preposition P), `dprep:O:P` ("drew attention to"), `passive`
        (the subject of a passive with a by-agent: "the plan was criticized by X"), `outer`
        (the clause a parenthetical or as-clause cue sits in), and for nouns `that` ("the claim
        that ...") and `prep:P` ("support for ...").
        """
        out: list[tuple[str, int, int]] = []
        doc = self.doc
        if tok.pos_ in ("VERB", "AUX"):
            comps = [c for c in tok.children if c.dep_ == "ccomp"]
            if comps:
                side = [c for c in comps if (c.i > tok.i) == (comps[0].i > tok.i)]
                kept = side[:1 + next((k for k, c in enumerate(side[1:]) if self._other_report(c)), len(side))]
                out.append(("ccomp", min(c.left_edge.i for c in kept), max(self._clause_end(c) for c in kept)))
            obj = None
            for child in tok.children:
                dep = child.dep_
                if dep == "xcomp" and child.i > tok.i:
                    lo, hi = _subtree_range(child)
                    # "urged Congress to pass", "called on X to act": the addressee goes with it
                    for sib in tok.children:
                        if tok.i < sib.i < child.i and sib.dep_ in ("dobj", "prep") and sib.right_edge.i + 1 == lo:
                            lo = sib.i if sib.dep_ == "dobj" else sib.i + 1
                            lo = min(lo, sib.left_edge.i) if sib.dep_ == "dobj" else lo
                    out.append(("xcomp", lo, hi))
                elif dep == "dobj":
                    obj = child
                elif dep == "advcl" and child.i > tok.i and any(
                        g.dep_ == "mark" and g.lower_ == "for" for g in child.children):
                    # "calling for the US to act": the parser makes it a for-clause
                    mark = next(g for g in child.children if g.dep_ == "mark")
                    out.append(("prep:for", mark.i + 1, child.right_edge.i + 1))
                elif dep == "prep" and child.i > tok.i:
                    p = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                    if p is not None:
                        out.append(("prep:" + child.lower_, *_subtree_range(p)))
            if any(c.dep_ == "agent" for c in tok.children):
                # passive: "the plan was criticized by the union" (content: the plan)
                sp = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.lower_ != "it"), None)
                if sp is not None:
                    out.append(("passive", *_subtree_range(sp)))
            if obj is not None:
                oprd = next((c for c in tok.children if c.dep_ == "oprd"), None)
                if oprd is not None:
                    out.append(("dobj+oprd", obj.left_edge.i, oprd.right_edge.i + 1))
                elif obj.pos_ != "PRON" and obj.ent_type_ not in ("DATE", "TIME"):
                    lo, hi = _subtree_range(obj)
                    # the parser often hangs the object's own modifiers on the verb:
                    # "criticized his amendments | to expand immigration"
                    for sib in tok.rights:
                        if sib.i < hi:
                            continue
                        if sib.left_edge.i == hi and sib.dep_ in _OBJECT_TAIL and not _is_adjunct(sib):
                            hi = sib.right_edge.i + 1
                        else:
                            break
                    out.append(("dobj", lo, hi))
                for g in list(obj.children) + [c for c in tok.children if c.dep_ == "prep" and c.i > obj.i]:
                    if g.dep_ == "prep":
                        p = next((x for x in g.children if x.dep_ in ("pobj", "pcomp")), None)
                        if p is not None:
                            out.append((f"dprep:{obj.lemma_.lower()}:{g.lower_}", *_subtree_range(p)))
            oprds = [c for c in tok.children if c.dep_ == "oprd" and c.i > tok.i]
            if obj is None and oprds:
                # "called both Trump and Clinton 'crazy'": the parser may make the named one a
                # predicate too, or fold it into the predicate; the content spans them all
                out.append(("dobj+oprd", min(c.left_edge.i for c in oprds), max(c.right_edge.i for c in oprds) + 1))
            if obj is not None:
                # the object with its complement: "accused him of sexism", "sees the party as weak"
                for g in tok.children:
                    if g.dep_ == "prep" and g.i > obj.right_edge.i:
                        p = next((x for x in g.children if x.dep_ in ("pobj", "pcomp")), None)
                        if p is not None:
                            out.append((f"dobj+prep:{g.lower_}", obj.left_edge.i, p.right_edge.i + 1))
            if tok.dep_ == "parataxis" or (tok.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)):
                lo, hi = _subtree_range(tok.head)
                out.append(("outer", *_outer_side(lo, hi, *_subtree_range(tok))))
            raised = self._raised_subject(tok)
            if raised is not None:
                # "Rubio appeared to be on the upswing", "Roof is accused of killing ...",
                # "the contests known as Super Tuesday": the subject belongs to the content
                for rel, lo, hi in list(out):
                    if (rel == "xcomp" or rel.startswith("prep:")) and raised.i < tok.i < lo:
                        out.append(("subj+" + rel, raised.left_edge.i, hi))
        elif tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "ROOT"):
            # "X is confident that ...", "X was critical of ...", "X is eager to ..."
            for child in tok.children:
                if child.dep_ == "ccomp":
                    out.append(("ccomp", *_subtree_range(child)))
                elif child.dep_ == "xcomp" and child.i > tok.i:
                    out.append(("xcomp", *_subtree_range(child)))
                elif child.dep_ == "prep" and child.i > tok.i:
                    p = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                    if p is not None:
                        out.append(("prep:" + child.lower_, *_subtree_range(p)))
        elif tok.pos_ == "NOUN":
            for child in tok.children:
                if child.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that"
                                                         for g in child.children):
                    lo, hi = _subtree_range(child)
                    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i > tok.i:
                        # the clause runs up to the verb the noun is subject of (the parser may
                        # hang the clause's last words on that verb)
                        hi = tok.head.i
                        while hi > lo and doc[hi - 1].head == tok.head and doc[hi - 1].dep_ in ("aux", "auxpass", "neg"):
                            hi -= 1
                    out.append(("that", lo, hi))
                elif child.dep_ == "prep" and child.i > tok.i:
                    p = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                    if p is not None:
                        out.append(("prep:" + child.lower_, *_subtree_range(p)))
        return out

    def _raised_subject(self, tok: Token) -> Token | None:
        """The subject a passive or raising verb shares with its complement (not its speaker):
        "X is expected to ...", "X seems to ...", or the noun a past participle modifies."""
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.i < tok.i:
            return tok.head
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        for c in tok.children:
            if c.i < tok.i and c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _EXPLETIVE:
                if c.dep_ == "nsubjpass" or passive or tok.lemma_.lower() in lexicon("raising_verbs.txt"):
                    return c
        return None

    def _hand_frame(self, lemma: str, pos: str, rel: str) -> bool:
        """Frames the hand-written lexicons license (see the files in data/)."""
        if pos == "N":
            return rel == "that" and lemma in self.nouns
        if pos == "A":
            return lemma in lexicon("attitude_adjectives.txt") and (
                rel in ("ccomp", "xcomp") or rel in ("prep:of", "prep:about", "prep:that"))
        speech, att = lemma in self.speech, lemma in self.attitude
        if rel in ("ccomp", "outer"):
            return speech or att
        if rel == "xcomp":
            return att or lemma in lexicon("xcomp_speech_verbs.txt")
        if rel == "dobj+oprd":
            return lemma in lexicon("naming_verbs.txt")
        if rel in ("dobj", "passive"):
            return lemma in self.objects or (speech and lemma not in lexicon("recipient_verbs.txt"))
        if rel.startswith("prep:"):
            return (None, rel[5:]) in self.phrasal.get(lemma, ())
        if rel.startswith("dprep:"):
            _, obj, prep = rel.split(":")
            return (obj, prep) in self.phrasal.get(lemma, ())
        return False

    def speaker_class(self, spk: tuple[Token, int, int] | None) -> str:
        """`a`: a named actor or personal pronoun; `n`: another noun phrase; `-`: none."""
        if spk is None:
            return "-"
        head = spk[0]
        if head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or head.lower_ in _PERSONAL:
            return "a"
        return "n"

    def frame_score(self, lemma: str, pos: str, rel: str, src: str = "*") -> float:
        """How likely this frame is an attribution: the learned precision on PolNeAR train
        (smoothed; by speaker class when seen often enough), or a prior of 0.5 for a frame
        the hand lexicons license."""
        hand = self._hand_frame(lemma, pos, rel)
        stat = None
        if self.learned is not None:
            stat = self.learned.get((lemma, pos, rel, src))
            if stat is None or stat[0] < MIN_CLASS_COUNT:
                stat = self.learned.get((lemma, pos, rel, "*"))
        if stat is None:
            return 0.5 if hand else 0.0
        n, hits = stat
        return (hits + 1) / (n + 2) if hand else hits / (n + 1)

    def _content_of(self, cue: Token, spk: tuple[Token, int, int] | None = None
                    ) -> tuple[int, int, str] | None:
        """The best-scoring frame of a cue word (content range and frame name), if it scores at
        least MIN_FRAME_SCORE."""
        lemma = cue.lemma_.lower()
        pos = _pos_code(cue)
        src = self.speaker_class(spk)
        best, best_score = None, MIN_FRAME_SCORE
        for rel, lo, hi in self.frames(cue):
            sc = self.frame_score(lemma, pos, rel, src)
            if sc >= best_score and hi > lo:
                best, best_score = (lo, hi, rel), sc + 1e-9
        return best

    def _other_report(self, tok: Token) -> bool:
        """A speech verb with its own subject, or coordinated with its own clause ("says A and
        says B", which the parser may hang inside A): a report of its own, not part of a content."""
        return tok.lemma_.lower() in self.speech and any(
            k.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "conj" and k.dep_ == "ccomp") for k in tok.children)

    def _clause_end(self, head: Token) -> int:
        """End of a reported clause, cut before a coordinated report of another speaker
        ("X said A, and Y said B": the parser hangs "Y said B" inside A)."""
        doc = self.doc
        for child in head.rights:
            if child.dep_ == "conj" and self._other_report(child):
                lo = child.left_edge.i
                while lo > head.i + 1 and (doc[lo - 1].dep_ == "cc" or doc[lo - 1].is_punct):
                    lo -= 1
                return lo
        return head.right_edge.i + 1

    def _is_cue_lemma(self, lemma: str) -> bool:
        return (lemma in self.speech or lemma in self.attitude or lemma in self.objects
                or lemma in lexicon("attitude_adjectives.txt")
                or lemma in self.phrasal or lemma in lexicon("naming_verbs.txt") or lemma in self.nouns)

    def _make(self, content: tuple[int, int], cue_lo: int, cue_hi: int,
              spk: tuple[Token, int, int] | None, kind: str = "indirect") -> Quote | None:
        content = _drop_trailing_relative(self.doc, *content)
        trimmed = _trim(self.doc, *content)
        if trimmed is None:
            return None
        lo, hi = trimmed
        start, end = self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1])
        return self._quote(start, end, cue_lo, cue_hi, spk, kind)

    def _quote(self, start: int, end: int, cue_lo: int, cue_hi: int,
               spk: tuple[Token, int, int] | None, kind: str) -> Quote:
        doc = self.doc
        cs, ce = doc[cue_lo].idx, doc[cue_hi - 1].idx + len(doc[cue_hi - 1])
        if spk is not None:
            head, slo, shi = spk
            ss, se = doc[slo].idx, doc[shi - 1].idx + len(doc[shi - 1])
            return Quote(self._resolve(head, slo, shi), self.text[ss:se], ss, se,
                         self.text[cs:ce], cs, ce, self.text[start:end], start, end, kind)
        return Quote(None, None, None, None, self.text[cs:ce], cs, ce,
                     self.text[start:end], start, end, kind)

    def _speaker(self, cue: Token) -> tuple[Token, int, int] | None:
        if cue.pos_ == "NOUN":  # "Smith's claim that ...", "Smith voiced support for ..."
            subj = next((c for c in cue.children if c.dep_ == "poss"), None)
            if subj is None and cue.dep_ in ("dobj", "attr") and cue.head != cue:
                subj = self._subject(cue.head)
        elif (cue.dep_ == "conj" and cue.head.dep_ == "ccomp" and self._other_report(cue)
              and not any(k.dep_ in ("nsubj", "nsubjpass") for k in cue.children)):
            subj = self._subject(cue.head.head)  # "He says A and says B": B's speaker is the outer one
        else:
            subj = self._subject(cue) or self._adjacent_speaker(cue)
        if subj is None:
            return None
        lo, hi = _speaker_range(subj)
        return subj, lo, hi

    def _adjacent_speaker(self, cue: Token) -> Token | None:
        """A name or pronoun right before or right after a speech verb the parse gave no subject
        ('"...," Bozell answers', '"...," read one'): the parser often mislabels it next to a quote."""
        if cue.pos_ not in ("VERB", "AUX") or cue.lemma_.lower() not in self.speech:
            return None
        doc = self.doc
        for k in (cue.i - 1, cue.i + 1):
            if 0 <= k < len(doc) and not self._inside_passage(doc[k]):
                t = doc[k]
                if t.pos_ == "PROPN" or t.lower_ in _PERSONAL or (t.pos_ == "PRON" and t.lower_ in ("one", "someone")):
                    head = t
                    while head.dep_ in ("compound", "flat") and head.head != head and head.head.pos_ == "PROPN":
                        head = head.head
                    return head
        return None

    def run(self) -> list[Quote]:
        doc = self.doc
        quotes: list[Quote] = []
        self.bare: list[Token] = []
        for tok in doc:
            lemma = tok.lemma_.lower()
            if tok.is_punct or tok.is_space or self._inside_passage(tok) or (
                    tok.i > 0 and doc[tok.i - 1].text in ("<", "</")):  # markup left in a text
                continue
            if tok.pos_ in ("VERB", "AUX", "NOUN", "ADJ") and (self._is_cue_lemma(lemma) or (
                    self.learned_lemmas is not None and lemma in self.learned_lemmas)):
                spk = self._speaker(tok)
                got = self._content_of(tok, spk)
                if got is None:
                    if lemma in self.speech and tok.pos_ != "NOUN":
                        self.bare.append(tok)
                    continue
                lo, hi, rel = got
                cue_lo, cue_hi = tok.i, tok.i + 1
                if rel.startswith("subj+"):
                    # the subject is reported, not speaking: the speaker is a by-agent if any,
                    # and the auxiliaries belong to the cue ("is widely expected")
                    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                    pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
                    spk = (pobj, *_speaker_range(pobj)) if pobj is not None else None
                    while cue_lo > lo and doc[cue_lo - 1].head == tok and doc[cue_lo - 1].dep_ in (
                            "aux", "auxpass", "neg", "advmod"):
                        cue_lo -= 1
                for child in tok.rights:  # particles: "pointed out"
                    if child.dep_ == "prt" and child.i == cue_hi:
                        cue_hi += 1
                q = self._make((lo, hi), cue_lo, cue_hi, spk)
                if q is not None:
                    quotes.append(q)
            elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                to = doc[tok.i + 1]
                src = next((c for c in to.children if c.dep_ == "pobj"), None)
                head = tok.head if tok.head != tok else None
                if src is None or head is None:
                    continue
                while head.dep_ == "conj" and head.head != head:
                    head = head.head  # "A rose, B fell and C held, according to X": all of it
                lo, hi = _subtree_range(head)
                plo, phi = _subtree_range(tok)
                slo, shi = _speaker_range(src)
                phi = max(shi, to.i + 1)
                if phi < len(doc) and doc[phi].text == ",":
                    phi += 1
                lo, hi = _outer_side(lo, hi, plo, phi)
                q = self._make((lo, hi), tok.i, tok.i + 2, (src, slo, shi))
                if q is not None:
                    quotes.append(q)
        quotes.extend(self._colon_lines())
        quotes = self._widen_to_passages(quotes)
        quotes = self._outermost(quotes)
        quotes = self._floating(quotes)
        quotes = self._continuations(quotes)
        quotes.sort(key=lambda q: q.start)
        return quotes

    # -------------------------------------------------------------- quotation marks
    def _inside_passage(self, tok: Token) -> bool:
        """True for a token strictly inside a quoted passage of several words."""
        i = bisect_right(self.p_starts, tok.idx) - 1
        if i < 0:
            return False
        a, b = self.passages[i]
        return a < tok.idx and tok.idx + len(tok) < b - 1 and b - a > 20

    @staticmethod
    def _outermost(quotes: list[Quote]) -> list[Quote]:
        """PolNeAR-style univocal attributions: drop a quote whose cue lies in another's content."""
        by_len = sorted(quotes, key=lambda q: q.start - q.end)
        kept: list[Quote] = []
        for q in by_len:
            c = q.cue_start if q.cue_start is not None else q.start
            if any(k.start < c < k.end - 1 and not (k.start <= q.start and q.end <= k.end and
                                                    k.kind == "direct" and q.kind == "direct")
                   for k in kept):
                continue
            kept.append(q)
        return kept

    def _passage_around(self, start: int, end: int) -> tuple[int, int] | None:
        i = bisect_right(self.p_starts, end) - 1
        while i >= 0:
            a, b = self.passages[i]
            if b <= start:
                return None
            if a < end and start < b:
                return a, b
            i -= 1
        return None

    def _widen_to_passages(self, quotes: list[Quote]) -> list[Quote]:
        out = []
        for q in quotes:
            start, end, kind = q.start, q.end, q.kind
            for (a, b) in self.passages[max(0, bisect_right(self.p_starts, q.start) - 1):]:
                if a >= end:
                    break
                if b <= start:
                    continue
                if a <= start + 1 and b >= end - 1 or (a >= start and b <= end):
                    # content sits inside a passage, or a passage inside the content
                    if a <= start + 1 and b >= end - 1:
                        start, end = min(start, a), max(end, b)
                        kind = "direct"
                    else:
                        kind = "mixed" if kind != "direct" else kind
                        nxt = self.doc.char_span(b, end, alignment_mode="expand")
                        if nxt is not None and len(nxt) > 1 and nxt[0].is_space is False and \
                                nxt[0].tag_ == "VBG" and nxt[0].dep_ == "advcl":
                            end = b  # '... "X," referring to Y': the participle is the writer's
                            break
                elif a < start < b and b - start > (end - start) / 2:
                    start, end, kind = a, max(end, b), "direct"
                elif start < a < end < b:
                    # a verbatim part that runs on past the parsed clause: 'said that "X. Y."'
                    end, kind = b, ("mixed" if kind != "direct" else kind)
            if kind == "direct" and q.cue_start is not None and q.cue_end is not None:
                # split quote: '"X," he said, "Y."' -> one content
                nxt = bisect_right(self.p_starts, max(end, q.cue_end))
                if q.cue_start >= end and nxt < len(self.passages):
                    a, b = self.passages[nxt]
                    gap = self.text[max(end, q.cue_end, q.speaker_end or 0):a]
                    if len(gap) <= 3 and gap.strip() in (",", ""):
                        end = b
            if (start, end, kind) != (q.start, q.end, q.kind):
                q = Quote(q.speaker, q.speaker_text, q.speaker_start, q.speaker_end, q.cue,
                          q.cue_start, q.cue_end, self.text[start:end], start, end, kind)
            out.append(q)
        # one content per passage: keep the first (by cue) when several cues widened to it
        seen: set[tuple[int, int]] = set()
        dedup = []
        for q in out:
            if q.kind == "direct" and (q.start, q.end) in seen:
                continue
            seen.add((q.start, q.end))
            dedup.append(q)
        return dedup

    def _floating(self, quotes: list[Quote]) -> list[Quote]:
        """Quoted passages with no cue: continue the previous direct quote's speaker."""
        covered = sorted(((q.start, q.end, q) for q in quotes), key=lambda x: (x[0], x[1]))
        out = list(quotes)
        for a, b in self.passages:
            if any(s <= a < e or a <= s < b for s, e, _ in covered):
                continue
            words = len(self.text[a:b].split())
            if _looks_like_title(self.text[a:b]):
                continue  # “Guardians of the Galaxy,”: a work's title, not somebody's words
            cue = self._bare_cue_for(a, b)
            if words < MIN_FLOATING_WORDS and not (cue is not None and self._adjacent(cue, a, b)):
                # a short passage is a quote only right next to its cue ('she said, "No."');
                # elsewhere it is a title or a scare-quoted word
                continue
            if cue is not None:
                out.append(self._quote(a, b, cue.i, cue.i + 1, self._speaker(cue), "direct"))
                covered.append((a, b, out[-1]))
                covered.sort(key=lambda x: x[0])
                continue
            prev = [q for s, e, q in covered if e <= a and q.speaker_start is not None]
            if not prev:
                continue
            p = prev[-1]
            between = self.text[p.end:a]
            if len(between) > 400:
                continue
            if "\n" not in between:
                # same paragraph: '"X," he said. "Y."' is one quote running on
                merged = Quote(p.speaker, p.speaker_text, p.speaker_start, p.speaker_end, p.cue,
                               p.cue_start, p.cue_end, self.text[p.start:b], p.start, b, "direct")
                out[out.index(p)] = merged
                covered = [(s, e, merged if q is p else q) for s, e, q in covered]
                covered.append((a, b, merged))
                covered.sort(key=lambda x: x[0])
                continue
            out.append(Quote(p.speaker, p.speaker_text, p.speaker_start, p.speaker_end, None, None,
                             None, self.text[a:b], a, b, "direct"))
            covered.append((a, b, out[-1]))
            covered.sort(key=lambda x: x[0])
        return out

    def _adjacent(self, cue: Token, a: int, b: int) -> bool:
        """The cue verb touches passage [a, b): only a comma, colon or the speaker between."""
        if cue.idx >= b:
            gap = self.text[b:cue.idx]
            return len(gap) <= 3 and not gap.strip(" ,")
        gap = self.text[cue.idx + len(cue):a]
        return len(gap) <= 3 and not gap.strip(" ,:")

    def _bare_cue_for(self, a: int, b: int) -> Token | None:
        """A speech verb with no content of its own next to passage [a, b): in the sentence the
        passage ends in (after it), or introducing it from just before ("He said:")."""
        end_tok = self.doc.char_span(b - 1, b, alignment_mode="expand")
        start_tok = self.doc.char_span(a, a + 1, alignment_mode="expand")
        if end_tok is None or start_tok is None:
            return None
        # introduced by a colon: 'Cruz continued: "..."' (any verb before the colon)
        before = self.text[max(0, a - 300):a].rstrip()
        if before.endswith(":") and start_tok[0].i > 0:
            colon = self.doc.char_span(a - (len(self.text[max(0, a - 300):a]) - len(before)) - 1, a,
                                       alignment_mode="expand")
            if colon is not None:
                c = colon[0]
                verbs = [t for t in c.sent if t.i < c.i and t.pos_ == "VERB" and not self._inside_passage(t)]
                if verbs:
                    root = c.sent.root
                    return root if root in verbs else verbs[-1]
        sent_end = end_tok[0].sent
        best = None
        for cue in self.bare:
            if cue.idx >= b and cue.i < sent_end.end:
                if best is None or cue.idx < best.idx:
                    best = cue
        if best is not None:
            return best
        for cue in reversed(self.bare):
            if cue.idx < a and not self.text[cue.idx + len(cue):a].strip(" ,:\n\t") or (
                    cue.idx < a and cue.sent.start == start_tok[0].sent.start):
                return cue
            if cue.idx < a:
                break
        return None

    # -------------------------------------------------------------- colon lines
    def _colon_lines(self) -> list[Quote]:
        """`Speaker: content` lines (headlines "Ryan: FBI Decision ...", transcripts "TAPPER: ...").

        A line opening with a short name phrase (at most five tokens, with a proper noun) and a
        colon: the phrase is the speaker, the colon the cue, the rest of the line the content.
        """
        out = []
        doc, text = self.doc, self.text
        pos = 0
        for line in text.split("\n"):
            start = pos
            pos += len(line) + 1
            colon = line.find(":", 1, 80)
            if colon < 0 or not line[colon + 1:].strip() or len(line[colon + 1:].split()) < 3:
                continue
            lead = doc.char_span(start, start + colon, alignment_mode="expand")
            if lead is None or not 0 < len(lead) <= 5 or any(t.is_punct and t.text not in ".-'’" for t in lead):
                continue
            if not (any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
                        or (t.is_upper and t.is_alpha and len(t) > 1) for t in lead)
                    or (len(lead) > 1 and all(t.is_title for t in lead))):
                continue
            if lead[0].is_lower:
                continue
            c_lo = start + colon + 1
            while c_lo < pos - 1 and text[c_lo].isspace():
                c_lo += 1
            c_hi = pos - 1
            while c_hi > c_lo and text[c_hi - 1].isspace():
                c_hi -= 1
            head = lead.root
            actor = self._resolve(head, lead.start, lead.end)
            out.append(Quote(actor, lead.text, lead.start_char, lead.end_char, ":", start + colon,
                             start + colon + 1, text[c_lo:c_hi], c_lo, c_hi, "indirect"))
        return out

    # -------------------------------------------------------------- continuation
    def _new_actor_subject(self, sent: Span, speaker: str | None) -> bool:
        """True when the sentence's main subject names a person or organisation other than the
        speaker, or is a personal pronoun (a new agent, not a further claim)."""
        root = sent.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return False
        if subj.lower_ in _PERSONAL and subj.lower_ != "who":
            return True
        m = self._mention_at(subj.idx, subj.idx + len(subj), subj)
        if m is None or m.actor == speaker:
            return False
        actor = self.actors.get(m.actor)
        return actor is not None and actor.type in ("PERSON", "ORG")

    def _continuations(self, quotes: list[Quote]) -> list[Quote]:
        """Sentences with a continuation marker right after a reported passage (see module doc)."""
        if not quotes:
            return quotes
        markers = [tuple(m.split()) for m in lexicon("continuation_markers.txt")]
        doc, text = self.doc, self.text
        by_end = sorted(quotes, key=lambda q: q.end)
        out = list(quotes)
        qi = 0
        last: Quote | None = None
        last_para = -1
        para = 0
        sent_in_para = 0
        for sent in doc.sents:
            if "\n" in text[sent.start_char - 2 if sent.start_char >= 2 else 0:sent.start_char] or (
                    sent.start > 0 and "\n" in doc[sent.start - 1].text):
                para += 1
                sent_in_para = 0
            else:
                sent_in_para += 1
            words = [t for t in sent if not t.is_space]
            if not words:
                continue
            own = False
            while qi < len(by_end) and by_end[qi].start < sent.end_char:
                if by_end[qi].end > sent.start_char:
                    own = True
                    last = by_end[qi]
                    last_para = para
                qi += 1
            if own:
                continue
            heading = words[-1].text not in ".!?\"”'’)"
            if heading:
                last = None
                continue
            if last is None or not (para == last_para or (para == last_para + 1 and sent_in_para == 0)):
                last = None
                continue
            low = [t.lower_ for t in words[:12]]
            marker = None
            for m in markers:
                for k in range(len(low) - len(m) + 1):
                    if tuple(low[k:k + len(m)]) == m and not (
                            k + len(m) < len(low) and low[k + len(m)] == "to"):  # "in addition to ..."
                        marker = (words[k], words[k + len(m) - 1])
                        break
                if marker:
                    break
            if marker is None:
                if para != last_para:  # a new paragraph in the writer's voice ends the passage
                    last = None
                continue
            if _narrates_past(sent):
                # "Sanders also won Oklahoma": the writer narrating events, not a further claim
                last = None
                continue
            if self._new_actor_subject(sent, last.speaker):
                # "Obama will also try ...": the writer now reports another actor's doings
                last = None
                continue
            lo, hi = _trim(doc, sent.start, sent.end) or (sent.start, sent.end)
            s, e = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
            q = Quote(last.speaker, last.speaker_text, last.speaker_start, last.speaker_end,
                      text[marker[0].idx:marker[1].idx + len(marker[1])], marker[0].idx,
                      marker[1].idx + len(marker[1]), text[s:e], s, e, "indirect")
            out.append(q)
            last, last_para = q, para
        return out


_TITLE_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "with", "at", "by", "from"}
_SPOKEN_WORDS = {"i", "i'm", "i’m", "we", "we're", "we’re", "you", "he", "she", "they", "it", "it's", "it’s", "is",
                 "are", "was", "will", "can", "don't", "don’t", "not", "no", "yes", "my", "our", "your"}


def _looks_like_title(passage: str) -> bool:
    """A short quoted passage whose words are capitalized, like the title of a book, film, show
    or campaign slogan ("Make America Great Again."), not a sentence somebody said."""
    words = [w for w in passage.strip("\"“”‘’'«» ,.!?:;").split() if any(ch.isalpha() for ch in w)]
    if not 1 <= len(words) <= 8:
        return False
    content = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return (len(content) >= 2 and all(w[:1].isupper() for w in content)
            and not any(w.lower().strip(",.!?") in _SPOKEN_WORDS for w in words))


def _narrates_past(sent: Span) -> bool:
    """True when the sentence's main verb is in the simple past ("also won", "also did not
    return"): a reported claim running on without a cue keeps the present or future."""
    root = sent.root
    verbs = [root] + [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    return any(v.tag_ == "VBD" for v in verbs)


def extract_quotes(doc: Doc, mentions: list[Mention], actors: dict[str, Actor]) -> list[Quote]:
    """Attributions in `doc`: speaker (actor id or None), cue and content spans (char offsets).

    Args:
        doc: the article's one spaCy parse.
        mentions: resolved actor mentions (offsets into `doc.text`).
        actors: actor id -> Actor.
    Returns:
        Quotes in text order.
    """
    return _Extractor(doc, mentions, actors).run()
