"""Names the small NER model missed, found from what the article and the project's tables vouch for.

Each finder returns spaCy spans; `extract/mentions.py` adds them where no entity already stands:

- `table_organizations`: the organization table's acronyms and names ("Houthis", "M23", "IGAD"),
  matched case-sensitively (an acronym, a name of several words, or one word that is no English
  word: "Hezbollah", never "Reform");
- `honorific_names`: the capitalised words after a personal honorific ("Mrs. Clinton");
- `personal_names`: a given name the first-name list knows followed by one or two capitalised
  proper nouns, the last of them no English word ("Mark Carney said");
- `country_names`: a capitalised country name, demonym, capital or seat of power ("China on Monday
  urged ...", "Kyiv said"), not glued to another name ("Jordan Peterson");
- `state_name_spans`: political names of states ("the Islamic Republic", `data/state_names.tsv`);
- `family_names`: each capitalised occurrence of a family name of the article's full names
  ("Sandu said" after "Maia Sandu"), of the first word of one full name when it is no English word,
  title, particle or place ("Abiy said" after "Abiy Ahmed": people news calls by their first name),
  or of a one-word name NER labelled elsewhere in the article,
  unless another capitalised name stands next to it ("Chelsea Clinton", "Clinton Foundation").

- `defined_acronyms`: each occurrence of an acronym the article defines ("the Democratic Alliance (DA)").

`split_person_suffix` cuts a person glued after a known place or organization ("Haiti Noor Gabow").
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from ..lexicon import table, words
from .countries import country_word, is_demonym, limited_recognition
from .knowledge import builtin
from .organizations import article_acronyms, known, lookup
from .person_names import family_words, is_given_name, is_honorific, is_title, parse
from .places import place_country, state_or_seat
from .text import doc_text, fold, tokens
from .wordnet import is_dictionary_word
from .zones import Zones

_NAME_TAGS = {"NNP", "NNPS"}
#: entity labels of a capitalised word before a family name that is no given name ("In February Mwangi")
_TIME_ENTITIES = {"DATE", "TIME"}
#: NER labels a name of a state with limited recognition may wrongly carry (see `country_names`)
_NOT_ACTOR_ENTITIES = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "FAC"}


@lru_cache(maxsize=1)
def state_names_table() -> dict[str, tuple[str, str]]:
    """Political name of a state as printed → (ISO3, name|modifier) (data/state_names.tsv)."""
    return {f: (iso, kind) for f, iso, kind in table("newsgraph.resolve", "state_names.tsv", 3, min_columns=3)}
_MAX_COUNTRY_WORDS = 5


@lru_cache(maxsize=1)
def _organization_pattern() -> re.Pattern[str] | None:
    """Table forms worth finding in raw text (see the module docstring)."""
    forms = set()
    for org in set(known().values()):
        for form in {org.acronym, org.name, *org.aliases}:
            if not form or not form[:1].isupper() and not form.startswith(("al-", "al ")):
                continue
            if len(form.split()) > 1 or form.isupper() or any(c.isdigit() for c in form) or not is_dictionary_word(form):
                forms.add(form)
    if not forms:
        return None
    body = "|".join(re.sub("['’]", "['’]", re.escape(f)) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?:{body})(?![\w\-])")


def table_organizations(doc: Doc, zones: Zones) -> list[Span]:
    pattern = _organization_pattern()
    out = []
    for m in pattern.finditer(doc_text(doc)) if pattern else ():
        span = doc.char_span(m.start(), m.end(), label="ORG")
        if span is not None and not zones.covers(m.start(), m.end()):
            out.append(span)
    return out


def honorific_names(doc: Doc, zones: Zones) -> list[Span]:
    """"Mrs. Clinton", "Mr Borrell": the capitalised words after a personal honorific."""
    out = []
    toks = tokens(doc)
    for t in toks:
        if not t.text[:1].isupper() or not is_honorific(t.text):
            continue
        i = t.i + 1
        while i < len(toks) and toks[i].text == ".":
            i += 1
        j = i
        while j < len(toks) and j - i < 3 and toks[j].text[:1].isupper() and toks[j].tag_ in _NAME_TAGS \
                and not is_title(toks[j].text):
            j += 1
        if j > i and not zones.covers(toks[i].idx, toks[j - 1].idx + len(toks[j - 1].text)):
            out.append(Span(doc, i, j, label="PERSON"))
    return out


def looks_like_personal_name(doc: Doc, start: int, end: int) -> bool:
    """Two or three capitalised words, the first a given name (no stop word, no country), the last no
    English word or a family name of the actor table ("Godfrey Otunge", "Laurent Saint-Cyr")."""
    words = doc[start:end].text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha()
                                           for w in words):
        return False
    first, last = words[0], words[-1]
    if doc[start].is_stop or not is_given_name(first) or country_word(first):
        return False
    return not is_dictionary_word(last) or bool(builtin().entries_for(last))


def personal_names(doc: Doc, zones: Zones) -> list[Span]:
    """Given name + family name that NER left unlabelled ("Mark Carney said on Friday")."""
    out = []
    toks = tokens(doc)
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.ent_type_ or t.tag_ not in _NAME_TAGS or not t.text[:1].isupper():
            i += 1
            continue
        for end in (i + 3, i + 2):
            if end <= len(toks) and not any(x.ent_type_ for x in toks[i:end]) and \
                    all(x.tag_ in _NAME_TAGS for x in toks[i:end]) and looks_like_personal_name(doc, i, end) and \
                    not (end < len(toks) and toks[end].text[:1].isupper() and toks[end].tag_ in _NAME_TAGS):
                if not zones.covers(t.idx, toks[end - 1].idx + len(toks[end - 1].text)):
                    out.append(Span(doc, i, end, label="PERSON"))
                i = end
                break
        else:
            i += 1
    return out


def _whole_entity_or_none(words: list[Token]) -> bool:
    """The words are outside any entity, or exactly one entity of a kind that is no actor."""
    if not any(x.ent_type_ for x in words):
        return True
    first, last = words[0], words[-1]
    return first.ent_iob_ == "B" and first.ent_type_ in _NOT_ACTOR_ENTITIES and \
        all(x.ent_iob_ == "I" and x.ent_type_ == first.ent_type_ for x in words[1:]) and \
        (last.i + 1 >= len(last.doc) or last.doc[last.i + 1].ent_iob_ != "I")


def country_names(doc: Doc, zones: Zones) -> list[Span]:
    """Capitalised country names, states with limited recognition ("Somaliland"), demonyms, capitals and seats
    of power NER missed ("Kyiv said"), not glued to another capitalised name."""
    out = []
    toks = tokens(doc)
    whole = doc_text(doc)
    i = 0
    while i < len(toks):
        t = toks[i]
        if not t.text[:1].isupper() or t.ent_type_ and t.ent_type_ not in _NOT_ACTOR_ENTITIES:
            i += 1
            continue
        for n in range(min(_MAX_COUNTRY_WORDS, len(toks) - i), 0, -1):
            words = toks[i:i + n]
            text = whole[words[0].idx:words[-1].idx + len(words[-1].text)]
            if not words[-1].text[:1].isupper():
                continue
            if fold(text) in limited_recognition():
                if not _whole_entity_or_none(words):
                    continue  # NER knows these states poorly ("Somaliland" as a PRODUCT): its label does not count
            elif any(x.ent_type_ for x in words) or not state_or_seat(text):
                continue
            span = doc[i:i + n]
            before = toks[i - 1] if i > 0 else None
            after = toks[i + n] if i + n < len(toks) else None
            glued = any(x is not None and x.text[:1].isupper() and x.tag_ in _NAME_TAGS and not x.is_sent_start
                        and not is_title(x.text) for x in (before, after) if x is not before or not span[0].is_sent_start)
            if not glued and not zones.covers(span.start_char, span.end_char):
                out.append(Span(doc, i, i + n, label="NORP" if is_demonym(span.text) else "GPE"))
            i += n - 1
            break
        i += 1
    return out


def family_names(doc: Doc, spans: list[Span], zones: Zones) -> list[Span]:
    """Each capitalised occurrence of a full name's family name that no span covers ("Sandu said"), and of a
    one-word name NER found elsewhere in the article ("Starmer" once labelled, then missed), with that
    label; a one-word name that is an English word ("Reform") is not repeated."""
    forms: dict[str, str] = {}
    firsts: dict[str, set[str]] = {}
    for span in spans:
        if span.label_ == "PERSON" and len(span) >= 2:
            parts = parse(span.text)
            if parts.is_full:
                forms.update((f, "PERSON") for f in family_words(parts) if len(f) > 2)
                firsts.setdefault(fold(parts.given.split()[0]), set()).add(parts.key)
    forms.update((w, "PERSON") for w, keys in firsts.items()
                 if len(keys) == 1 and (_first_name_reference(w) or family_name_first(w)))
    for span in spans:
        text = span.text
        if len(span) == 1 and len(text) > 2 and text[:1].isupper() and not text.isupper() and \
                not is_dictionary_word(text) and fold(text) not in forms:
            forms[fold(text)] = span.label_
    out = []
    toks = tokens(doc)
    for t in toks:
        if not t.text[:1].isupper() or fold(t.text) not in forms:
            continue
        before = toks[t.i - 1] if t.i > 0 else None
        after = toks[t.i + 1] if t.i + 1 < len(toks) else None
        if before is not None and before.text[:1].isupper() and before.tag_ == "NNP" and not is_title(before.text) \
                and not before.is_sent_start and not before.is_space and before.ent_type_ not in _TIME_ENTITIES:
            continue  # "Chelsea Clinton": another person of that family (not "In February Mwangi said")
        if after is not None and after.text[:1].isupper() and after.tag_ in _NAME_TAGS:
            continue  # "Clinton Foundation"
        if not zones.covers(t.idx, t.idx + len(t.text)):
            out.append(Span(doc, t.i, t.i + 1, label=forms[fold(t.text)]))
    return out


def defined_acronyms(doc: Doc, spans: list[Span], zones: Zones) -> list[Span]:
    """Each occurrence of an acronym the article defines (`organizations.article_acronyms`: "the Democratic
    Alliance (DA) ... DA leaders"), matched case-sensitively as a whole word, as an organization."""
    acronyms = article_acronyms(spans)
    if not acronyms:
        return []
    pattern = re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(a) for a in acronyms) + r")(?![\w\-])")
    out = []
    for m in pattern.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), label="ORG")
        if span is not None and not zones.covers(m.start(), m.end()):
            out.append(span)
    return out


@lru_cache(maxsize=1)
def _first_particles() -> frozenset[str]:
    return words("newsgraph.resolve", "name_first_particles.txt")


def _first_name_reference(word: str) -> bool:
    """May a full name's first word stand alone for the person ("Abiy" of "Abiy Ahmed", "Prabowo",
    "Tedros": people news calls by their first or only name)? Not an English word, a particle, a title, or
    the name of a country, place or organization ("Jordan" of "Jordan Bardella")."""
    return len(word) > 3 and not is_dictionary_word(word) and not is_title(word) and not is_honorific(word) \
        and word not in _first_particles() and not state_or_seat(word) and not place_country(word) and lookup(word) is None


def family_name_first(word: str) -> bool:
    """Is a full name's two-letter first word the family name news calls the person by ("Xi" of "Xi Jinping",
    "Li" of "Li Qiang", "Wu", "Ma")? Chinese and Korean names put the family name, one syllable, first
    (Wikipedia, "Chinese name"), and two-letter English words that start sentences are function words:
    not one of spaCy's English stop words ("He", "To", "An"), a title or an honorific."""
    return len(word) == 2 and word.isalpha() and word.lower() not in STOP_WORDS and not is_title(word) \
        and not is_honorific(word)


def split_person_suffix(span: Span) -> list[Span]:
    """"Haiti Noor Gabow" → "Haiti" + "Noor Gabow": a personal name glued after a place, country or table
    organization that NER took for one entity, or after an organization's name and "of" ("the Orange Democratic
    Movement of Raila Odinga")."""
    if span.label_ == "PERSON" or len(span) < 3:
        return [span]
    for cut in range(len(span) - 2, 0, -1):
        head = span[:cut]
        if looks_like_personal_name(span.doc, span.start + cut, span.end) and (
                country_word(head.text) or place_country(head.text) or lookup(head.text)):
            return [Span(span.doc, head.start, head.end, label=span.label_),
                    Span(span.doc, span.start + cut, span.end, label="PERSON")]
        if span.label_ == "ORG" and cut >= 3 and head[-1].lower_ == "of" and \
                looks_like_personal_name(span.doc, span.start + cut, span.end):
            # "Orange Democratic Movement of Raila Odinga": the party, then its leader's name
            return [Span(span.doc, head.start, head.end - 1, label="ORG"),
                    Span(span.doc, span.start + cut, span.end, label="PERSON")]
    return [span]


@lru_cache(maxsize=1)
def _state_name_pattern() -> re.Pattern[str]:
    names = [f for f, (_, kind) in state_names_table().items() if kind == "name"]
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)")


def state_name_spans(doc: Doc, zones: Zones) -> list[Span]:
    """Political names of states ("the Islamic Republic", "the Zionist entity"), as printed in the table."""
    out = []
    for m in _state_name_pattern().finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), label="GPE")
        if span is not None and not zones.covers(m.start(), m.end()):
            out.append(span)
    return out
