"""A person's name after a speaker's title that the entity recognizer missed or typed as a body.

"Governor Umo Eno declared", "Kuwait's Minister of Oil Tareq Al-Roumi noted", "the chairperson Moussa
Faki Mahamat called": the small NER model misses or mistypes names it rarely saw (African, Arabic and
Asian names above all), so the speaker phrase holds a title and a name but no person. A title word
(`person_names.is_title`: nameparser's titles, the project's honorifics and role words) followed by a run
of two to four capitalised proper-noun words that ends the phrase is, in news style, the title's holder
(the "title + name" premodifier of Quirk et al. 1985, §17.91; AP style puts formal titles before names).
A run holding a body's word ("Lagos State", `data/organization_name_words.txt`), a title, a country or a
name of the organization table is no person. The name's parts and key are `person_names.parse`'s, so
the person is the one the actor resolver would make of the same name.
"""
from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from ...lexicon import words
from ...model import Actor, Mention
from ...resolve.countries import country_word
from ...resolve.ids import actor_id
from ...resolve.organizations import lookup
from ...resolve.person_names import is_given_name, is_title, parse
from ..syntax import token_end
from .index import ArticleIndex

PACKAGE = "newsgraph.extract"
#: how many words (a hyphenated word counts once) a holder's name may have
MIN_NAME_WORDS, MAX_NAME_WORDS = 2, 4
#: prepositions between a title and its portfolio ("Minister of Oil", "Minister for Health")
PORTFOLIO_PREPOSITIONS = ("of", "for")
#: entity types whose actor in the title phrase gives the holder's country ("Kuwait's Minister of Oil")
_COUNTRY_TYPES = ("GPE", "NORP")


@cache
def organization_name_words() -> frozenset[str]:
    """Heads of bodies' names (`data/organization_name_words.txt`)."""
    return words(PACKAGE, "organization_name_words.txt")


def _name_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text.replace("-", "").replace("'", "").isalpha() and \
        tok.pos_ == "PROPN" and not is_title(tok.text) and tok.lower_ not in organization_name_words()


def titled_name_range(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Token range [a, hi') of the name that ends the phrase [lo, hi) after a title word, else None."""
    while hi > lo and (doc[hi - 1].is_punct and doc[hi - 1].text != "-"):
        hi -= 1
    a = hi
    n_words = 0
    while a > lo:
        tok = doc[a - 1]
        if tok.text == "-" and a - 2 > lo and not tok.whitespace_ and not doc[a - 2].whitespace_:
            a -= 2  # "Al-Roumi" tokenized "Al - Roumi": one word
            continue
        if not _name_word(tok):
            break
        a -= 1
        n_words += 1
    if n_words < MIN_NAME_WORDS or a == lo or a == hi:
        return None
    if not _is_title_word(doc[a - 1]):
        start = _after_portfolio(doc, lo, a, hi)  # "Minister of Oil Tareq Al-Roumi"
        if start is None:
            return None
        a = start
    if sum(t.text != "-" and doc[t.i - 1].text != "-" for t in doc[a:hi]) > MAX_NAME_WORDS:
        return None
    name = doc[a:hi].text
    if lookup(name) is not None or country_word(name) or not _name_word(doc[a]):
        return None
    return a, hi


def _is_title_word(tok: Token) -> bool:
    return is_title(tok.text) or any(is_title(p) for p in tok.text.split("-") if p)


def _after_portfolio(doc: Doc, lo: int, a: int, hi: int) -> int | None:
    """Where the name starts in a run that follows a title's "of"/"for" phrase ("Minister of | Oil Tareq
    Al-Roumi"): at its first given name (`person_names.is_given_name`) that leaves two words, when a title
    word heads the phrase ("Minister of ..."); else None. A name whose given name gender-guesser does not
    know stays unread there ("Minister of Labour Mahad ...": where the portfolio ends is unknown)."""
    if doc[a - 1].lower_ not in PORTFOLIO_PREPOSITIONS or a - 2 < lo or not _is_title_word(doc[a - 2]):
        return None
    for i in range(a + 1, hi - 1):
        if doc[i].text != "-" and doc[i - 1].text != "-" and is_given_name(doc[i].text):
            return i
    return None


def titled_person(index: ArticleIndex, lo: int, hi: int) -> str | None:
    """The person named after a title at the end of the speaker phrase [lo, hi): the actor of a mention
    that is exactly that name (a person, or a body the NER mistook it for), else a new person actor
    (added to `index.actors`) of the phrase's country. None when the phrase ends in no such name or
    in a mention that is not exactly the name."""
    doc = index.doc
    found = titled_name_range(doc, lo, hi)
    if found is None:
        return None
    a, b = found
    start, end = doc[a].idx, token_end(doc[b - 1])
    inside = [m for m in index.mentions_in(doc[lo].idx, end) if m.end > start]
    if inside:
        same = len(inside) == 1 and inside[0].start == start and inside[0].end == end
        actor = index.actors.get(inside[0].actor) if same else None
        return actor.id if actor is not None and actor.type in ("PERSON", "ORG") else None
    parts = parse(doc[a:b].text)
    if not parts.is_full:
        return None
    aid = actor_id(f"person:{parts.key}")
    if aid not in index.actors:
        index.actors[aid] = Actor(id=aid, name=parts.display, type="PERSON", country=_country(index, lo, a))
    return aid


def _country(index: ArticleIndex, lo: int, a: int) -> str | None:
    """The country a place or nationality in the title names ("Kuwait's Minister of Oil")."""
    doc = index.doc
    for m in index.mentions_in(doc[lo].idx, doc[a].idx):
        actor = index.actors.get(m.actor)
        if actor is not None and actor.type in _COUNTRY_TYPES and actor.country:
            return actor.country
    return None


def mistyped_holder(index: ArticleIndex, title: Token, mention: Mention) -> bool:
    """The body-typed actor of a name set off after a title ("The Governor of Lagos State, Babajide
    Sanwo-Olu, has vowed") reads as the title's holder: the title word is a person's title, every word
    of the mention is a capitalised proper noun and none a body's word or a title, and the table knows
    no organization of that name."""
    actor = index.actors.get(mention.actor)
    if actor is None or actor.type != "ORG" or not is_title(title.text) or lookup(mention.text) is not None:
        return False
    span = index.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    real = [t for t in span or () if t.text != "-"]
    return MIN_NAME_WORDS <= len(real) <= MAX_NAME_WORDS and all(_name_word(t) for t in real)
