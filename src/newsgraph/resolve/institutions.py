"""Institutions of a state named by a description → an organization with its country, or the state itself.

"The Indian Defence Ministry", "Russia's defense ministry", "the Ministry of Defence of Russia" and
"the French embassy in Algiers" name an institution of a state without naming it: the noun phrase's
institution words (`data/institutions.tsv`: "defence ministry", "embassy", "intelligence agency")
give its kind, and a country among its modifiers gives the state: a country or demonym mention
("Indian", "Russia's"), a capital or seat standing for its government ("Ankara's intelligence
agency"), a political name of a state ("Zionist regime", `data/state_names.tsv`), a person whose
country the actor table knows ("the Assad regime"), or "of <country>" after the institution. A place
after "in" is where it sits, not whose it is ("the French embassy in Algiers" is France's).

An organization becomes the actor `<canonical> of <country>` (key `org:<iso3> <canonical>`, so every
printing of Russia's defence ministry is one actor, sector from the table); a government, regime or
administration is the state itself, as the CAMEO and PLOVER coding manuals code "the Serbian
government" as Serbia. A description without a country ("the ministry", "Defense Ministry") joins
the article's institution of the same kind, the nearest before it first; with none, it belongs to
the country the article is about, when one country stands out (`dominant_country`). So does "the
government" or "the administration" naming no state: the state of the one such phrase before it that named
one (two: none), else the country the article is about.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..lexicon import table
from ..model import Actor, Mention
from .countries import country_word, demonym_of, short_name, with_article
from .ids import actor_id
from .knowledge import builtin
from .organizations import lookup
from .places import state_or_seat
from .text import fold, tokens

_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_MAX_MODIFIERS = 6
DOMINANT_MIN = 3  # mentions of a country before an unqualified "the Defense Ministry" is taken to be its
_SKIPPABLE = {"the", "a", "an", "this", "that", "its", "their", "'s", "’s", "new", "current", "incoming",
              "outgoing", "ruling", "top", "then"}


@dataclass(frozen=True)
class Institution:
    canonical: str
    sector: str
    kind: str  # org | state


@lru_cache(maxsize=1)
def institutions() -> dict[str, Institution]:
    """Folded phrase → institution kind (data/institutions.tsv)."""
    return {fold(p): Institution(c, s, k) for p, c, s, k in table("newsgraph.resolve", "institutions.tsv", 4, min_columns=4)}


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(p.split()[-1] for p in institutions()) | frozenset(
        p.split()[0] for p in institutions() if " of " in p)


@lru_cache(maxsize=1)
def state_names() -> dict[str, tuple[str, str]]:
    """Folded political name of a state → (ISO3, name|modifier) (data/state_names.tsv)."""
    return {fold(f): (iso, kind) for f, iso, kind in table("newsgraph.resolve", "state_names.tsv", 3, min_columns=3)}


@dataclass
class InstitutionFinding:
    """Institution mentions to add, the actors they need, and the mentions they replace (by index)."""

    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    replaced: set[int] = field(default_factory=set)


@dataclass
class _Phrase:
    start: int  # token span of the description
    end: int
    institution: Institution
    country: str | None
    country_tokens: list[int] = field(default_factory=list)


class _Finder:
    def __init__(self, doc: Doc, mentions: list[Mention], actors: dict[str, Actor], date: str | None) -> None:
        self.doc, self.mentions, self.actors, self.date = doc, mentions, actors, date
        self.token_mentions: dict[int, list[int]] = {}
        for k, m in enumerate(mentions):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            for i in range(span.start, span.end) if span is not None else ():
                self.token_mentions.setdefault(i, []).append(k)

    # ------------------------------------------------------------------ countries
    def country_of_token(self, t: Token) -> str | None:
        """The state a modifier token stands for (see the module docstring)."""
        for k in self.token_mentions.get(t.i, []):
            actor = self.actors.get(self.mentions[k].actor)
            if actor is not None and actor.type == "PERSON":
                entry = builtin().lookup(actor.name, self.date) if len(actor.name.split()) > 1 else None
                return entry.country if entry else actor.country
            if actor is not None and actor.country and (
                    actor.id == actor_id(f"country:{actor.country}") or actor.type in {"GPE", "NORP"}):
                return actor.country
        said = state_names().get(fold(t.text))
        if said:
            return said[0]
        return country_word(t.text) if t.text[:1].isupper() else None

    def _is_table_org(self, t: Token) -> bool:
        for k in self.token_mentions.get(t.i, []):
            actor = self.actors.get(self.mentions[k].actor)
            if actor is not None and actor.type == "ORG" and lookup(actor.name) is not None:
                return True
        return False

    # ------------------------------------------------------------------ phrases
    def phrase_at(self, head: Token) -> _Phrase | None:
        """The institution description headed by `head`, with its country if the phrase names one."""
        doc = self.doc
        anchor = head.head if head.dep_ == "compound" and head.head.i > head.i else head  # "Kenyan police officers"
        start = max(anchor.left_edge.i, head.i - _MAX_MODIFIERS)
        while start < head.i and (doc[start].is_space or doc[start].text in {",", "(", "“", '"', "—"}
                                  or any(t.is_space or t.text in {",", "(", "“", '"', "—"} for t in doc[start:head.i])):
            start += 1
        words: list[Token] = []
        country, country_tokens = None, []
        for t in doc[start:head.i + 1]:
            if self._is_table_org(t):
                return None  # "NATO's military": the alliance's body, not a state's
            found = self.country_of_token(t)
            if found:
                country = country or found
                country_tokens.append(t.i)
            elif t.tag_ == "POS" and words and t.i - 1 == words[-1].i:
                words.append(t)  # "prime minister's office": part of the institution's words
            elif t.lower_ not in _SKIPPABLE and not t.is_punct:
                words.append(t)
        end = head.i + 1
        of_country, end = self._of_chain(head, words, end)
        country = country or of_country
        institution = self._match(words)
        if country is None and institution is not None and institution.kind == "state":
            country = self._seat_after_in(head)
        if institution is None or (institution.canonical == "Ministry" and end == head.i + 1 and _named_after_of(head)):
            return None  # "Chile's Ministry of Mining": a named ministry the table does not know keeps its name
        while start < head.i and doc[start].lower_ in {"the", "a", "an", "this", "that"}:
            start += 1
        return _Phrase(start, end, institution, country, country_tokens)

    def _of_chain(self, head: Token, words: list[Token], end: int) -> tuple[str | None, int]:
        """"Ministry of Defence of Russia": institution words after "of", then the country."""
        t = head
        for _ in range(3):
            prep = next((c for c in t.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in prep.rights if c.dep_ == "pobj"), None) if prep is not None else None
            if prep is None or obj is None:
                return None, end
            found = self.country_of_token(obj)
            if found:
                # "the office of Belarusian President Alexander Lukashenko": the office of that president
                titles = [x for x in obj.subtree if x.i < obj.i and x.lower_ in {"president", "prime", "minister"}]
                if titles and self._match(words) is None:
                    words.extend([prep, *titles])
                return found, obj.i + 1
            inner = [x for x in obj.subtree if x.i <= obj.i and not x.is_punct and x.lower_ not in _SKIPPABLE - {"the"}]
            phrase = " ".join([w.lower_ for w in words] + ["of"] + [x.lower_ for x in inner])
            if not any(p.startswith(phrase) for p in institutions()):
                return None, end
            words.extend([prep, *inner])
            end, t = obj.i + 1, obj
        return None, end

    def _seat_after_in(self, head: Token) -> str | None:
        """The state of "the interim government in Bangladesh", "the regime in Tehran": for a government, unlike
        an embassy, the country or capital after "in" is whose it is; another city's ("the authorities in
        Cusco") are a region's or a town's."""
        prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "in"), None)
        obj = next((c for c in prep.rights if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is None or not state_or_seat(" ".join(t.text for t in obj.subtree if not t.is_punct and t.lower_ != "the")):
            return None
        return self.country_of_token(obj)

    @staticmethod
    def _match(words: list[Token]) -> Institution | None:
        lowered = [w.lower_ for w in words]
        while lowered:
            hit = institutions().get(" ".join(lowered).replace(" ’s", "'s").replace(" 's", "'s"))
            if hit:
                return hit
            if words[len(words) - len(lowered)].tag_ not in {"JJ", "VBN", "NN", "NNP"}:
                return None
            lowered = lowered[1:]  # "new", "interim": an adjective before the institution words
        return None


def _named_after_of(head: Token) -> bool:
    """The noun has an "of" phrase naming something ("Ministry of Mining"): a name, not a description."""
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in prep.rights if c.dep_ == "pobj"), None) if prep is not None else None
    return obj is not None and obj.text[:1].isupper()


def find_institutions(doc: Doc, mentions: list[Mention], actors: dict[str, Actor], date: str | None,
                      name_of: Callable[[str], str] = short_name) -> InstitutionFinding:
    """Institution descriptions of a Doc (see the module docstring)."""
    finder = _Finder(doc, mentions, actors, date)
    found = InstitutionFinding()
    seen: dict[str, list[tuple[int, str]]] = {}  # canonical -> [(start char, actor id)]
    orphans: list[_Phrase] = []
    taken: set[int] = set()
    for head in tokens(doc):
        if head.tag_ not in _NOUN_TAGS or head.lower_ not in _heads() or head.i in taken:
            continue
        phrase = finder.phrase_at(head)
        if phrase is None:
            continue
        taken.update(range(phrase.start, phrase.end))
        if phrase.country is None:
            orphans.append(phrase)
            continue
        aid = _actor_for(phrase, found, actors, name_of)
        seen.setdefault(phrase.institution.canonical, []).append((doc[phrase.start].idx, aid))
        _add(doc, phrase, aid, finder, found)
    dominant = dominant_country(mentions, actors)
    for phrase in orphans:
        options = seen.get(phrase.institution.canonical, [])
        if phrase.institution.kind == "state":
            _orphan_state(doc, phrase, options, dominant or sole_country(mentions, actors), found, actors, name_of,
                          finder)
            continue
        if not options and dominant and phrase.institution.kind == "org" and phrase.institution.canonical != "Ministry":
            phrase.country = dominant  # "the Defense Ministry" in a story about one country is that country's
            aid = _actor_for(phrase, found, actors, name_of)
            seen.setdefault(phrase.institution.canonical, []).append((doc[phrase.start].idx, aid))
            _add(doc, phrase, aid, finder, found)
            continue
        at = doc[phrase.start].idx
        before = [aid for start, aid in options if start < at]
        joined = before[-1] if before else (options[0][1] if options else None)
        if joined is not None and phrase.institution.kind == "org":
            _add(doc, phrase, joined, finder, found)
    return found


#: state words that, naming no state, may be another's than the article's ("the regime" of an adversary in state
#: media, "authorities" of a region or town): left open
_NOT_OF_THE_STORY = {"regime", "authorities"}
#: where a bare "the government" acts: subject, passive subject, possessor, agent of a passive
_ACTING = {"nsubj", "nsubjpass", "poss", "agent"}


def _orphan_state(doc: Doc, phrase: _Phrase, options: list[tuple[int, str]], dominant: str | None,
                  found: InstitutionFinding, actors: dict[str, Actor], name_of: Callable[[str], str],
                  finder: _Finder) -> None:
    """"The government", "the interim government" naming no state: the state of the one such phrase before it
    that named one outside quotation marks ("Serbia's government ... the government"; two states: none), else,
    when no such phrase came before, the country the article is about (`dominant_country`, or the one country a
    short article names, `sole_country`), else nothing. Only where it acts (`_ACTING`: "the government said", not
    "they blame the government", where a pronoun would then find it), and not `_NOT_OF_THE_STORY` nor a
    phrase whose "in"/"of" says whose it is."""
    head = doc[phrase.end - 1]
    if head.dep_ not in _ACTING:
        return  # "blame the government": whose is left to the pronouns and the reader
    if head.lower_ in _NOT_OF_THE_STORY or phrase.end < len(doc) and doc[phrase.end].lower_ in {"in", "of"} or \
            any(c.dep_ == "prep" and c.lower_ in {"in", "of"} for c in head.children):
        return  # "the government in Kabul", "the regime", "authorities in Puntland": not decided here
    at = doc[phrase.start].idx
    before = {aid for start, aid in options if start < at and not _in_quotation(doc.text, start)}
    if len(before) == 1:
        _add(doc, phrase, before.pop(), finder, found)
    elif not before and not any(start < at for start, _ in options) and dominant:
        phrase.country = dominant
        _add(doc, phrase, _actor_for(phrase, found, actors, name_of), finder, found)


def _in_quotation(text: str, at: int) -> bool:
    """Is character `at` inside quotation marks opened earlier in its paragraph (someone's words, which name
    no antecedent for the narrator's "the government")?"""
    paragraph = text[text.rfind("\n", 0, at) + 1:at]
    return (paragraph.count('"') % 2 == 1) or paragraph.count("“") > paragraph.count("”")


def sole_country(mentions: list[Mention], actors: dict[str, Actor]) -> str | None:
    """The one country a short article names (any number of times) when it names no other: whose "the
    government said" is (a wire brief on Sri Lanka names no second state); None otherwise."""
    named = {a.country for m in mentions if (a := actors.get(m.actor)) is not None and a.country
             and a.id == actor_id(f"country:{a.country}")}
    return named.pop() if len(named) == 1 else None


def dominant_country(mentions: list[Mention], actors: dict[str, Actor]) -> str | None:
    """The country an article is about: mentioned at least `DOMINANT_MIN` times and at least twice as often as
    any other country; None when no country stands out."""
    counts: Counter[str] = Counter()
    for m in mentions:
        actor = actors.get(m.actor)
        if actor is not None and actor.country and actor.id == actor_id(f"country:{actor.country}"):
            counts[actor.country] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < DOMINANT_MIN or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def _actor_for(phrase: _Phrase, found: InstitutionFinding, actors: dict[str, Actor],
               name_of: Callable[[str], str]) -> str:
    iso3, inst = phrase.country or "", phrase.institution
    if inst.kind == "state":
        aid = actor_id(f"country:{iso3}")
        if aid not in actors and aid not in found.actors:
            found.actors[aid] = Actor(aid, name_of(iso3), "GPE", iso3, (), None)
        return aid
    aid = actor_id(f"org:{iso3.lower()} {fold(inst.canonical)}")
    if aid not in actors and aid not in found.actors:
        demonym = demonym_of(iso3)  # "Serbian Police", "Sudanese Armed Forces": the other usual printing
        aliases = (f"{demonym} {inst.canonical}",) if demonym else ()
        found.actors[aid] = Actor(aid, f"{inst.canonical} of {with_article(name_of(iso3))}", "ORG", iso3, aliases,
                                  inst.sector)
    return aid


def _demonym_printing(doc: Doc, phrase: _Phrase) -> str | None:
    """"Oman's foreign ministry" printed with the demonym, "Omani foreign ministry": how other outlets
    name the same institution, kept as an alias so a search by either finds it."""
    first = phrase.start
    if not phrase.country or first not in phrase.country_tokens or first + 2 >= phrase.end or \
            doc[first + 1].tag_ != "POS":
        return None
    demonym = demonym_of(phrase.country)
    return f"{demonym} {Span(doc, first + 2, phrase.end).text}" if demonym else None


def _add(doc: Doc, phrase: _Phrase, aid: str, finder: _Finder, found: InstitutionFinding,
         name_of: Callable[[str], str] = short_name) -> None:
    span = Span(doc, phrase.start, phrase.end)
    how = "metonym" if phrase.institution.kind == "state" else "description"
    found.mentions.append(Mention(aid, span.start_char, span.end_char, span.text, how))
    actor = found.actors.get(aid)
    if actor is not None and actor.type == "ORG":
        new = [x for x in (span.text, _demonym_printing(doc, phrase)) if x and x != actor.name and x not in actor.aliases]
        if new:
            found.actors[aid] = Actor(actor.id, actor.name, actor.type, actor.country, (*actor.aliases, *new), actor.sector)
    iso3 = phrase.country or ""
    for i in phrase.country_tokens if iso3 and phrase.institution.kind == "org" else ():
        covered = any(finder.actors.get(finder.mentions[k].actor) is not None and
                      finder.actors[finder.mentions[k].actor].id == actor_id(f"country:{iso3}")
                      for k in finder.token_mentions.get(i, []))
        if not covered:  # "Indian" inside NER's "Indian Defence Ministry": the country is named too
            country = actor_id(f"country:{iso3}")
            if country not in finder.actors and country not in found.actors:
                found.actors[country] = Actor(country, name_of(iso3), "GPE", iso3, (), None)
            t = doc[i]
            found.mentions.append(Mention(country, t.idx, t.idx + len(t.text), t.text, "demonym"))
    for k, m in enumerate(finder.mentions):
        actor = finder.actors.get(m.actor)
        inside = span.start_char <= m.start and m.end <= span.end_char
        if inside and actor is not None and actor.type == "ORG" and lookup(actor.name) is None:
            found.replaced.add(k)  # "Indian Defence Ministry" as NER printed it: the institution now
