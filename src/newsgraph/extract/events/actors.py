"""Which actors a noun phrase names: the lookups every role rule asks, built once per article.

A noun phrase maps to an actor when a mention is its head, a possessor or modifier
(`Russia's army`, `NATO troops`, `North Korean soldiers` → North Korea) or an `of`/`from` phrase
(`doctors from two American aid groups` → United States), or the phrase of a participle of affiliation
(`ships associated with Israel`, `a tanker owned by Greece`; `data/affiliation_words.txt`). A noun of a state
whose possessor is a person stands for that person's country (`his country`, `her government`,
`Erdogan's administration` → Türkiye; `data/state_nouns.txt`), when the article names that country.
Coordination fans out
(`China, Iran and North Korea` gives three actors). Pronoun mentions come from the one pronoun
resolver (`resolve.coref`), run again with the article's direct quotes (`with_quote_speakers`: a
pronoun inside a speaker's own words is someone else; in indirect speech it is often the speaker,
"the air force said it shot down", so those quotes are not passed). A pronoun it left unresolved takes the
resolver's same-sentence fallback (`coref.clause_antecedent`: the subject of a governing clause, else the
nearest actor before it).

    >>> doc = nlp("Moldova condemned China and Iran.")
    >>> index = ActorIndex(doc, mentions, actors)    # mentions, actors: resolved mentions of doc
    >>> [actors[a].name for a in index.np_actors(doc[2])]    # the object and its conjunct
    ['China', 'Iran']
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.tokens import Doc, Token

from ...model import Actor, Mention, Quote
from ...resolve.coref import clause_antecedent, with_quote_speakers
from ...resolve.ids import actor_id
from ..mentions import stance_prefixes
from ..syntax import children, first_found, prep_object, token_span, with_conjuncts
from .lexicons import (
    affiliation_words,
    cues,
    first_person_pronouns,
    neuter_pronouns,
    personal_pronouns,
    plural_pronouns,
    prepositions,
    relative_pronouns,
    state_nouns,
)
from .settings import EventSettings
from .triggers import lookup

#: modifiers of a noun phrase that can name the actor it belongs to
_ACTOR_MODS = ("compound", "amod", "poss", "nmod", "npadvmod", "appos")
#: prepositions of an affiliation participle's phrase ("associated with", "belonging to", "owned by")
_AFFILIATION_PREPS = ("with", "to", "by", "of")


class ActorIndex:
    """Per-article lookups built once: token → actor id, actor types, and the noun-phrase and
    pronoun rules over them."""

    def __init__(self, doc: Doc, mentions: list[Mention], actors: dict[str, Actor],
                 settings: EventSettings = EventSettings(), quotes: Iterable[Quote] = ()) -> None:
        self.doc = doc
        self.actors = actors
        self.settings = settings
        self.tok_actor: list[str | None] = [None] * len(doc)
        quotes = list(quotes)
        direct = [q for q in quotes if q.kind != "indirect"]
        if direct:  # the one pronoun resolver again, now that the quotes' speakers are known (resolve/coref.py)
            mentions = with_quote_speakers(doc, mentions, actors, direct)
        for m in mentions:
            span = token_span(doc, m.start, m.end)
            if span is None or (m.how == "pronoun" and not self._pronoun_fits(span.text.lower(), m.actor)):
                continue
            for t in span:
                if self.tok_actor[t.i] is None:
                    self.tok_actor[t.i] = m.actor
        self._speakers_of_first_person(quotes)
        self._resolving: set[int] = set()

    def _pronoun_fits(self, pronoun: str, actor_id: str) -> bool:
        """A he/she mention of a non-person or an it mention of a person is a resolution error, not an actor."""
        if pronoun in personal_pronouns():
            return self.is_person(actor_id)
        if pronoun in neuter_pronouns():
            return not self.is_person(actor_id)
        return True

    def _speakers_of_first_person(self, quotes: Iterable[Quote]) -> None:
        """"I", "we", "our" inside a quote's own words name its speaker ("'We will respond,' the minister
        said"); in indirect speech the reporter's words stand between them, so only direct and mixed quotes."""
        first = first_person_pronouns()
        for q in quotes:
            span = token_span(self.doc, q.start, q.end) if q.speaker and q.kind != "indirect" else None
            for t in span or ():
                if t.lower_ in first and self.tok_actor[t.i] is None:
                    self.tok_actor[t.i] = q.speaker

    def is_person(self, actor_id: str) -> bool:
        a = self.actors.get(actor_id)
        return a is not None and a.type == "PERSON"

    def _is_place(self, actor_id: str) -> bool:
        """A place that is no political actor: a LOC of no country, or a body of water (`water_body` of
        plover_cues.tsv: a sea, a strait, a gulf). "Rebels in Ivory Coast" are tied to a state and
        "strikes in the Gaza Strip" hit a territory (LOC, PSE), but "ships in the Red Sea" belong to
        no one there (issue 16: the place of an event is its location, never its target unless the
        place itself is acted on)."""
        actor = self.actors.get(actor_id)
        if actor is None or actor.type != "LOC":
            return False
        return not actor.country or actor.name.split()[-1].lower() in cues("water_body")

    def country_of(self, person: str) -> str | None:
        """The actor of a person's country, when the person's country is known and the article names it
        (an event names only the article's actors)."""
        a = self.actors.get(person)
        if a is None or a.type != "PERSON" or not a.country:
            return None
        country = actor_id(f"country:{a.country}")
        return country if country in self.actors else None

    # ------------------------------------------------------------ noun phrases

    def np_actors(self, tok: Token | None, depth: int = 0) -> list[str]:
        """Actors of the noun phrase headed by `tok` and of its conjuncts (coordination fans out)."""
        if tok is None:
            return []
        out: list[str] = []
        for head in with_conjuncts(tok):
            for a in self._one(head, depth):
                if a not in out:
                    out.append(a)
        return out

    def head_actors(self, tok: Token) -> list[str]:
        """Actors of the noun phrase headed by `tok` alone, without its conjuncts: the antecedent of a
        relative clause ("tensions between the EU and Trump, who threatened ...": Trump)."""
        return list(dict.fromkeys(self._one(tok, 0)))

    def of_all(self, toks: Iterable[Token]) -> list[str]:
        """The actors of several noun phrases, in order (`[a for s in subjects for a in np_actors(s)]`)."""
        return [a for t in toks for a in self.np_actors(t)]

    def first_of(self, toks: Iterable[Token | None]) -> list[str]:
        """The actors of the first of `toks` that names any."""
        for t in toks:
            found = self.np_actors(t)
            if found:
                return found
        return []

    def in_phrases(self, preps: Mapping[str, Token], order: Iterable[str]) -> list[str]:
        """The actors of the first preposition in `order` whose phrase names any (`preps` maps a
        preposition to its object, as `syntax.prep_objects` gives). Through a preposition of place
        ("struck ships in the Red Sea") a place that is no political actor is where it happened, not who."""
        return first_found(preps, order, self.np_actors, keep=self._not_venues)

    def _not_venues(self, preposition: str, found: list[str]) -> list[str]:
        """`found` without the places a preposition of place (`location`) names as mere venues."""
        if preposition not in prepositions("location"):
            return found
        return [a for a in found if not self._is_place(a)]

    def _one(self, tok: Token, depth: int) -> list[str]:
        a = self.tok_actor[tok.i]
        if a:
            return [a]
        if tok.pos_ == "PRON":
            antecedent = self.relative_antecedent(tok)
            if antecedent is not None:  # "Ethiopia, which Eritrea accused": Ethiopia
                return self.head_actors(antecedent)
            a = self.pronoun(tok)
            return [a] if a else []
        # "Russia's army", "NATO troops", "North Korean soldiers", "Hungarian and Romanian officials";
        # possessors and compounds before adjectives, and no stance prefixes ("pro-Iranian group")
        mods = sorted(children(tok, _ACTOR_MODS), key=lambda c: (c.dep_ == "amod", c.i))
        for c in mods:  # "his Chinese counterpart Xi Jinping": an appositive person is the noun's own referent
            named = self.tok_actor[c.i] if c.dep_ == "appos" else None
            if named and self.is_person(named):  # (an appositive organization may lack the country a modifier gives)
                return [named]
        # nor a patron: "Rwanda-backed rebels" are not Rwanda (a proxy acts for itself; CAMEO codes the
        # group, not its backer); "Saudi-led coalition" is led, so it stays the leader's
        mods = [c for c in mods if not _takes_a_stance(c) and c.lower_ not in cues("patron_participle")]
        for c in mods:
            named = self.tok_actor[c.i] or (self.pronoun(c) if c.dep_ == "poss" else None)
            if named and c.dep_ == "poss" and tok.lemma_.lower() in state_nouns():
                named = self.country_of(named) or named  # "his country would respond": the person's country
            if named:
                return [named] + [x for x in (self.tok_actor[k.i] for k in c.conjuncts) if x and x != named]
        if depth < self.settings.actor_phrase_depth:
            # "leaders of the coalition", "doctors from two American aid groups", "rebels in the Ivory Coast"
            phrase_preps = prepositions("actor_phrase")
            if lookup(tok) is not None:  # "a summit in Hanoi", "the attack in Kabul": the venue, not an actor
                phrase_preps = tuple(p for p in phrase_preps if p not in prepositions("location"))
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in phrase_preps:
                    for p in children(c, ("pobj",)):
                        found = self._not_venues(c.lower_, self.np_actors(p, depth + 1))
                        if found:
                            return found
            for c in mods:
                if c.dep_ != "appos":
                    found = self._one(c, depth + 1)
                    if found:
                        return found
            found = self._affiliated(tok, depth)
            if found:
                return found
        return []

    def _affiliated(self, tok: Token, depth: int) -> list[str]:
        """The actor a noun is tied to by a participle of affiliation after it ("ships associated with
        Israel", "a tanker owned by Greece")."""
        for c in tok.children:
            if c.dep_ == "acl" and c.i > tok.i and c.lemma_.lower() in affiliation_words():
                for p in c.children:
                    if p.dep_ in ("prep", "agent") and p.lower_ in _AFFILIATION_PREPS:
                        found = self.np_actors(prep_object(p), depth + 1)
                        if found:
                            return found
        return []

    # ------------------------------------------------------------ pronouns

    def relative_antecedent(self, tok: Token) -> Token | None:
        """The noun a relative pronoun stands for: the head of its relative clause, the pronoun being the
        clause's object or subject or the object of its preposition ("Prigozhin, who Russia charged",
        "the rebels, against whom the army fought")."""
        if tok.tag_ not in ("WP", "WDT") or tok.lower_ not in relative_pronouns():
            return None
        clause = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
        return clause.head if clause.dep_ == "relcl" and clause.head.i != clause.i else None

    def pronoun(self, tok: Token) -> str | None:
        """A same-sentence antecedent for a pronoun the article-wide resolver left open (he/she → a
        person, it → a non-person, they → either): the one resolver's fallback,
        `resolve.coref.clause_antecedent`, over this index's noun-phrase rules."""
        low = tok.lower_
        if low not in personal_pronouns() and low not in neuter_pronouns() and low not in plural_pronouns():
            return None
        if tok.i in self._resolving:  # "some of them said they ...": no antecedent through itself
            return None
        self._resolving.add(tok.i)
        depth = self.settings.pronoun_subject_depth
        try:
            return clause_antecedent(tok, plural=low in plural_pronouns(), wants_person=low in personal_pronouns(),
                                     head_steps=self.settings.pronoun_head_steps,
                                     subject_actors=lambda c: self.np_actors(c, depth),
                                     token_actor=self.tok_actor.__getitem__, is_person=self.is_person)
        finally:
            self._resolving.discard(tok.i)


def _takes_a_stance(modifier: Token) -> bool:
    """"pro-Iranian", "anti-Russian", "anti-Maduro": the modifier is a stance towards an actor, not the actor.
    Every piece of such a compound counts, as the tokenizer splits it ("pro", "-", "Russian") and a
    mention may cover all three."""
    if modifier.dep_ not in ("amod", "compound", "nmod"):
        return False
    prefixes = stance_prefixes()
    doc = modifier.doc
    low = modifier.lower_

    def text(i: int) -> str:
        return doc[i].lower_ if 0 <= i < len(doc) else ""

    return (low.startswith(tuple(f"{p}-" for p in prefixes))
            or (low in prefixes and text(modifier.i + 1) == "-")
            or (low == "-" and text(modifier.i - 1) in prefixes)
            or (text(modifier.i - 1) == "-" and text(modifier.i - 2) in prefixes))


def dative_actors(verb: Token, index: ActorIndex) -> list[str]:
    """Actors of a verb's indirect object ("gave Tanzania a grant", "gave Putin a warning")."""
    return index.first_of(prep_object(d) if d.pos_ == "ADP" else d for d in children(verb, ("dative",)))
