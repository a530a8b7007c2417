"""Quote attribution: who said (or believes, or wants) what, over the one dependency parse.

Each attribution has a speaker (source), a cue and a content span, as in PolNeAR (Newell,
Margolin & Ruths 2018) and PARC (Pareti 2016). The rules, all on the spaCy parse of the article:

1. Cue verbs from the lexicons in `data/` (speech verbs, attitude verbs): their clausal
   complement (`ccomp`; `xcomp` for attitude verbs, "wants to ..."), or, when the cue clause is
   parenthetical ("..., he said", `parataxis`) or an `as`-clause ("As X pointed out, ..."), the
   clause it is attached to. Phrasal cues ("draw attention to", "call for") take the object of
   their preposition; stance verbs ("criticized", "endorsed") their direct object; cue nouns
   ("X's statement that ...") their clause; "according to X" the clause it modifies.
2. Quotation marks: a content inside or around a quoted passage is widened to the whole passage
   (which may run over several sentences or paragraphs); a split quote ("X," he said, "Y.")
   is one content. A quoted passage of a sentence or more with no cue of its own continues the
   previous speaker when it follows that speaker's direct quote (the Gender Gap Tracker's
   "floating quotes", Asr et al. 2021).
3. Speakers: the cue's subject (the agent of a passive, the head noun of a relative clause, the
   subject of the governing verb for participles), resolved to an actor by the mention it
   contains; a pronoun goes to the most recent compatible earlier actor; a definite title
   ("the NATO Secretary General") to the person the article introduced with that title.
4. Continuation: a sentence carrying a marker such as "also" or "in addition", right after a
   passage reported from a speaker (the same paragraph or the first sentence of the next), stays
   with that speaker; a heading, a new attribution or a sentence in the writer's own voice ends
   the passage.

The pass is linear in the number of tokens; nothing is parsed again.
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
FIRST_PERSON = {"i", "we", "me", "us"}


@lru_cache(maxsize=None)
def lexicon(name: str) -> frozenset[str]:
    """A lexicon file from `data/`: one entry a line, `#` comments, lower-cased."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(l.strip().lower() for l in lines if l.strip() and not l.startswith("#"))


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
        if c == "\n":
            if start is not None:
                spans.append((start, i))
                start = None
                open_at_break = True
            elif open_at_break and text[i:i + 1] == "\n" and i + 1 < n and not text[i + 1].isspace() \
                    and text[i + 1] not in OPEN_QUOTES + STRAIGHT:
                open_at_break = False
        elif c in OPEN_QUOTES or (c == STRAIGHT and start is None):
            if open_at_break and spans and text[spans[-1][1]:i].isspace():
                start = spans.pop()[0]
            else:
                start = i
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
    while hi > lo and (doc[hi - 1].is_space or (doc[hi - 1].is_punct and not doc[hi - 1].is_quote
                                                 and doc[hi - 1].text not in ".!?")):
        hi -= 1
    if hi <= lo:
        return None
    return lo, hi


def _subtree_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


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
    def __init__(self, doc: Doc, mentions: list[Mention], actors: dict[str, Actor]) -> None:
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
                if subj.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
                    return tok.head
                return subj
            if tok.dep_ == "relcl":
                return tok.head
            if tok.dep_ in ("xcomp", "conj", "advcl", "acl", "ccomp") and tok.head is not tok:
                if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
                    return None
                tok = tok.head
                continue
            return None
        return None

    def _content_of(self, cue: Token) -> tuple[int, int, bool] | None:
        """Token range of the content a cue verb governs; bool: content is the outer clause."""
        lemma = cue.lemma_.lower()
        is_speech = lemma in self.speech
        is_att = lemma in self.attitude
        for child in cue.children:
            if child.dep_ == "ccomp" and (is_speech or is_att):
                return (*_subtree_range(child), False)
        if is_att or lemma in ("promise", "pledge", "vow", "threaten", "urge", "ask", "tell", "order"):
            for child in cue.children:
                if child.dep_ == "xcomp" and child.i > cue.i:
                    return (*_subtree_range(child), False)
        if lemma in self.phrasal:
            for obj, prep in self.phrasal[lemma]:
                if obj is not None and not any(c.dep_ == "dobj" and c.lemma_.lower() == obj
                                               for c in cue.children):
                    continue
                for child in list(cue.children) + [g for c in cue.children if c.dep_ == "dobj"
                                                    for g in c.children]:
                    if child.dep_ == "prep" and child.lower_ == prep:
                        for p in child.children:
                            if p.dep_ in ("pobj", "pcomp"):
                                return (*_subtree_range(p), False)
        if lemma in self.objects:
            for child in cue.children:
                if child.dep_ == "dobj":
                    return (*_subtree_range(child), False)
        if is_speech and cue.dep_ in ("parataxis",) or (
                is_speech and cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as"
                                                        for c in cue.children)) or (
                is_speech and cue.dep_ == "ROOT" and False):
            head = cue.head
            lo, hi = _subtree_range(head)
            clo, chi = _subtree_range(cue)
            if clo <= lo:
                lo = chi
            elif chi >= hi:
                hi = clo
            return lo, hi, True
        return None

    def _make(self, content: tuple[int, int], cue_lo: int, cue_hi: int,
              spk: tuple[Token, int, int] | None, kind: str = "indirect") -> Quote | None:
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
        subj = self._subject(cue)
        if subj is None:
            return None
        lo, hi = _speaker_range(subj)
        return subj, lo, hi

    def run(self) -> list[Quote]:
        doc = self.doc
        quotes: list[Quote] = []
        used_cues: set[int] = set()
        for tok in doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX") and (lemma in self.speech or lemma in self.attitude
                                                 or lemma in self.phrasal or lemma in self.objects):
                got = self._content_of(tok)
                if got is None:
                    continue
                lo, hi, outer = got
                if hi <= lo:
                    continue
                cue_hi = tok.i + 1
                for child in tok.rights:  # particles: "pointed out"
                    if child.dep_ == "prt" and child.i == cue_hi:
                        cue_hi += 1
                q = self._make((lo, hi), tok.i, cue_hi, self._speaker(tok))
                if q is not None:
                    quotes.append(q)
                    used_cues.add(tok.i)
            elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                to = doc[tok.i + 1]
                src = next((c for c in to.children if c.dep_ == "pobj"), None)
                head = tok.head if tok.head is not tok else None
                if src is None or head is None:
                    continue
                lo, hi = _subtree_range(head)
                plo, phi = _subtree_range(tok)
                phi = max(phi, to.right_edge.i + 1)
                if plo <= lo:
                    lo = phi
                elif phi >= hi:
                    hi = plo
                slo, shi = _speaker_range(src)
                q = self._make((lo, hi), tok.i, tok.i + 2, (src, slo, shi))
                if q is not None:
                    quotes.append(q)
            elif tok.pos_ == "NOUN" and lemma in self.nouns:
                clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp")
                               and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
                if clause is None:
                    continue
                poss = next((c for c in tok.children if c.dep_ == "poss"), None)
                spk = (poss, *_speaker_range(poss)) if poss is not None else None
                q = self._make(_subtree_range(clause), tok.i, tok.i + 1, spk)
                if q is not None:
                    quotes.append(q)
        quotes = self._widen_to_passages(quotes)
        quotes = self._floating(quotes)
        quotes = self._continuations(quotes)
        quotes.sort(key=lambda q: q.start)
        return quotes

    # -------------------------------------------------------------- quotation marks
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
                elif a < start < b and b - start > (end - start) / 2:
                    start, end, kind = a, max(end, b), "direct"
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
        covered = sorted((q.start, q.end, q) for q in quotes)
        out = list(quotes)
        for a, b in self.passages:
            if any(s <= a < e or a <= s < b for s, e, _ in covered):
                continue
            words = len(self.text[a:b].split())
            if words < MIN_FLOATING_WORDS:
                continue
            prev = [q for s, e, q in covered if e <= a and q.kind == "direct"]
            if not prev:
                continue
            p = prev[-1]
            between = self.text[p.end:a]
            if len(between) > 400:
                continue
            out.append(Quote(p.speaker, p.speaker_text, p.speaker_start, p.speaker_end, None, None,
                             None, self.text[a:b], a, b, "direct"))
        return out

    # -------------------------------------------------------------- continuation
    def _continuations(self, quotes: list[Quote]) -> list[Quote]:
        return quotes


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
