"""English dictionary words: the WordNet lemma index that the spaCy model's rule lemmatizer ships.

`en_core_web_sm`'s lemmatizer carries WordNet 3.0's lemma lists per part of speech (`lemma_index`),
its irregular forms (`lemma_exc`) and its suffix rules (`lemma_rules`), the same data spaCy itself
lemmatizes with. They answer two questions about a capitalised word that NER put into a name:
is it an ordinary English word ("Budget", "Drama": not a name on its own), and is it an inflected
verb ("Slams", "Halted", "Says": a headline verb glued to a name, not part of it)? A pipeline
without that lemmatizer answers "no" to both, so nothing is cut or dropped.
"""
from __future__ import annotations

from functools import lru_cache

from .. import nlp as nlp_module

_POS = ("noun", "verb", "adj", "adv")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, dict[str, list[str]]], dict[str, list[list[str]]]]:
    """(index, exceptions, rules) per part of speech, empty when the pipeline has no rule lemmatizer."""
    try:
        lemmatizer = nlp_module.load().get_pipe("lemmatizer")
        lookups = lemmatizer.lookups  # type: ignore[attr-defined]  # spaCy's Lemmatizer, typed as a callable
        index_table, exc_table, rule_table = (lookups.get_table(n) for n in ("lemma_index", "lemma_exc", "lemma_rules"))
    except (KeyError, AttributeError):
        return {}, {}, {}
    index = {pos: frozenset(index_table[pos]) for pos in _POS if pos in index_table}
    exceptions = {pos: dict(exc_table[pos]) for pos in _POS if pos in exc_table}
    rules = {pos: list(rule_table[pos]) for pos in _POS if pos in rule_table}
    return index, exceptions, rules


def _lemmas(word: str, pos: str) -> set[str]:
    """WordNet lemmas `word` can be an inflection of in `pos` (itself included when listed)."""
    index, exceptions, rules = _tables()
    known = index.get(pos, frozenset())
    found = {w for w in exceptions.get(pos, {}).get(word, [])}
    if word in known:
        found.add(word)
    for old, new in rules.get(pos, []):
        if old and word.endswith(old):
            form = word[: len(word) - len(old)] + new
            if form in known:
                found.add(form)
    return found


@lru_cache(maxsize=65536)
def is_dictionary_word(word: str) -> bool:
    """An English noun, verb, adjective or adverb (or an inflection of one) in WordNet."""
    low = word.lower()
    return any(_lemmas(low, pos) for pos in _POS)


@lru_cache(maxsize=65536)
def is_inflected_verb(word: str) -> bool:
    """"Slams", "Halted", "Says", "Has": a verb form that is not the verb's base form."""
    low = word.lower()
    return any(lemma != low for lemma in _lemmas(low, "verb"))


@lru_cache(maxsize=65536)
def is_common_adjective(word: str) -> bool:
    """An adjective that is no noun ("Unstable", "Worried")."""
    low = word.lower()
    return bool(_lemmas(low, "adj")) and not _lemmas(low, "noun")
