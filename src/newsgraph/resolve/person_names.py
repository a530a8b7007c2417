"""Personal names: parts by `nameparser`, gender by honorific or given name (`gender-guesser`), stable keys.

A name as printed is split into title(s), given name, middle, family name and suffix by
`nameparser` (Gray 2012, the maintained `HumanName` parser), whose title list already knows
thousands of titles ("Sen.", "Gen", "Counselor") and which words are both titles and given names
("Dean Phillips", "Major Garrett"). The project adds its own role words and honorifics
(`data/honorifics.tsv`). Two printings of a person share a key when their given and family names
agree: a middle initial or a suffix does not make another person ("Donald J. Trump" = "Donald
Trump", "Joseph R. Biden Jr." = "Joseph Biden"), but a middle *name* is kept, so family-name-first
names stay whole ("Lee Jae Myung", "Yoon Suk Yeol", "Ban Ki-moon").

Gender comes from what the text says, strongest first: an honorific ("Mrs. Clinton", "Mr. Sanders"),
then the given name as `gender-guesser` (about 40,000 first names, Michael 2007) reads it; only its
firm answers count ("mostly_female" for "Bernie" does not), and "andy" (androgynous) and unknown
names give no gender. A gender read from a given name is weaker evidence than an honorific: the
resolvers let an honorific or a pronoun overrule it.

Two family names are one romanized name when their spelling keys agree (`spelling_key`,
`data/romanization.tsv`): "Araghchi" and "Araqchi".

    >>> parse("Sen. John F. Kerry Jr.").key
    'john kerry'
    >>> parse("Mrs. Clinton").gender
    'female'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import gender_guesser.detector as gender_detector
from nameparser import HumanName
from nameparser.config import Constants

from ..lexicon import mapping, table, words
from .text import fold

_PACKAGE = "newsgraph.resolve"
_INITIAL = re.compile(r"^(?:[A-Za-z]\.?)+$|^(?:[A-Za-z]\.)+[A-Za-z]?$")
# Titles in nameparser's list that South Asian and Arab names also carry as part of the name ("Sheikh Hasina").
_NAME_WORDS = ("sheikh", "shaikh", "sheikha", "begum")
_MALE = {"male"}  # gender-guesser's "mostly_" answers are too often wrong for news names ("Bernie")
_FEMALE = {"female"}


@lru_cache(maxsize=1)
def honorifics() -> dict[str, str]:
    """Folded honorific without its period → gender it says (male, female, any)."""
    return mapping(_PACKAGE, "honorifics.tsv")


@lru_cache(maxsize=1)
def _constants() -> Constants:
    """nameparser's constants plus the project's honorifics, the job titles it lacks (`data/job_titles.txt`) and
    the role words of `extract/data/role_words.txt`."""
    constants = Constants()
    constants.titles.remove(*(w for w in _NAME_WORDS if w in constants.titles))
    constants.titles.add(*honorifics())
    constants.titles.add(*words(_PACKAGE, "job_titles.txt"))
    constants.titles.add(*(w for w in words("newsgraph.extract", "role_words.txt") if w.isalpha()))
    return constants


@lru_cache(maxsize=1)
def _detector() -> gender_detector.Detector:
    return gender_detector.Detector(case_sensitive=False)


def honorific_gender(word: str) -> str | None:
    """'male' or 'female' for a gendered honorific ("Mr.", "Mrs", "Sheikha"), else None."""
    said = honorifics().get(fold(word).rstrip("."))
    return said if said in {"male", "female"} else None


def is_honorific(word: str) -> bool:
    return fold(word).rstrip(".") in honorifics()


def is_name_title(word: str) -> bool:
    """"Sheikh", "Begum": a title that South Asian and Arab names also carry as part of the name, never a
    name alone."""
    return fold(word).rstrip(".") in _NAME_WORDS


def is_title(word: str) -> bool:
    """A title nameparser or the project knows ("President", "Gen.", "Mrs", "Spokesperson")."""
    return fold(word).rstrip(".") in _constants().titles


@lru_cache(maxsize=65536)
def given_name_gender(given: str) -> str | None:
    """'male' / 'female' when gender-guesser reads the first given name so; None for androgynous or unknown."""
    first = given.split()[0] if given.split() else ""
    first = first.split("-")[0]
    if len(first) < 2 or not first[:1].isupper():
        return None
    said = _detector().get_gender(first)
    return "male" if said in _MALE else "female" if said in _FEMALE else None


def is_given_name(word: str) -> bool:
    """A word gender-guesser knows as a first name (of any gender)."""
    return len(word) > 1 and _detector().get_gender(word) != "unknown"


def is_initial(word: str) -> bool:
    """"J.", "F", "H.W." (a middle initial), not "Jo"."""
    return bool(_INITIAL.match(word)) and sum(c.isalpha() for c in word) <= 3 and (
        "." in word or len(word) == 1)


@dataclass(frozen=True)
class NameParts:
    """A personal name's parts as printed; empty strings where a part is absent."""

    titles: tuple[str, ...]
    given: str
    middle: str
    family: str
    suffix: str

    @property
    def name(self) -> str:
        """The name without titles and suffix, middle initials kept ("Donald J. Trump")."""
        return " ".join(p for p in (self.given, self.middle, self.family) if p)

    @property
    def key(self) -> str:
        """Folded given + middle names + family name; middle initials and suffixes dropped."""
        middle = [w for w in self.middle.split() if not is_initial(w)]
        return fold(" ".join(p for p in (self.given, *middle, self.family) if p))

    @property
    def is_full(self) -> bool:
        """Given and family name both present ("Mark Rutte", not "Rutte" or "Mr. Rutte")."""
        return bool(self.given and self.family)

    @property
    def honorific_gender(self) -> str | None:
        """The gender a title says ("Mrs."), else None."""
        return next((said for title in self.titles if (said := honorific_gender(title))), None)

    @property
    def gender(self) -> str | None:
        """From an honorific first, else from the given name."""
        return self.honorific_gender or (given_name_gender(self.given) if self.given else None)

    @property
    def display(self) -> str:
        """The name as it should be shown: without titles, with a generational suffix ("John Paul II")."""
        return " ".join(p for p in (self.given, self.middle, self.family, self.suffix) if p)


@lru_cache(maxsize=65536)
def parse(surface: str) -> NameParts:
    """Parts of a personal name; a lone word is a family name ("Rutte", "Mr. Trump")."""
    human = HumanName(surface.strip(), constants=_constants())
    titles = tuple(t for t in human.title.split() if t)
    given, middle, family = human.first, human.middle, human.last
    if given and not family and not middle:
        given, family = "", given  # news style: a lone name is the family name
    if not family and middle:
        middle, family = "", middle
    return NameParts(titles, given, middle, family, human.suffix)


def family_words(parts: NameParts) -> set[str]:
    """Folded forms a lone family name may take: the whole family name, its last word, and without an
    Arabic article ("al-Busaidi", "Busaidi")."""
    family = fold(parts.family)
    forms = {family, family.split()[-1]} if family else set()
    forms |= {f.split("-", 1)[1] for f in list(forms) if f.startswith(("al-", "el-", "ad-", "as-", "ash-", "at-"))}
    return forms


_MIN_SPELLING_KEY = 5  # shorter names share keys by chance ("Shen" / "Chen")


@lru_cache(maxsize=1)
def _romanization() -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in table(_PACKAGE, "romanization.tsv", 2, min_columns=2))


@lru_cache(maxsize=65536)
def spelling_key(name: str) -> str | None:
    """The name with the romanization alternations of `data/romanization.tsv` made one and doubled letters
    single ("Araqchi" and "Araghchi" → "aragshi"); None for a name too short to tell apart by spelling."""
    key = fold(name)
    for a, b in _romanization():
        key = key.replace(a, b)
    key = re.sub(r"(.)\1+", r"\1", key)
    return key if len(key.replace(" ", "")) >= _MIN_SPELLING_KEY else None
