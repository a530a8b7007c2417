"""The one pronoun resolver's two fallbacks (resolve/coref.py): a same-sentence antecedent for event
roles and the last actor before a speaker pronoun, each pinned without the rest of the pipeline."""
from __future__ import annotations

from newsgraph.model import Actor, Mention
from newsgraph.resolve.coref import clause_antecedent, last_actor_before, plural_since

_KINDS = {"Lindoria": "GPE", "Tomas Berg": "PERSON", "Harbour Union": "ORG", "Maria Lopez": "PERSON"}


def _index(doc, names):
    """token index -> actor id (the name itself) for each name written in the text."""
    owner: list[str | None] = [None] * len(doc)
    for name in names:
        start = doc.text.index(name)
        span = doc.char_span(start, start + len(name))
        for t in span:
            owner[t.i] = name
    return owner


def _resolve(doc, pronoun: str, names, *, plural=False, wants_person=False):
    owner = _index(doc, names)
    tok = next(t for t in doc if t.lower_ == pronoun)
    return clause_antecedent(tok, plural=plural, wants_person=wants_person, head_steps=6,
                             subject_actors=lambda c: [owner[c.i]] if owner[c.i] else [],
                             token_actor=owner.__getitem__, is_person=lambda a: _KINDS[a] == "PERSON")


def test_it_takes_the_subject_of_the_governing_clause(nlp):
    doc = nlp("Lindoria says it is ready to talk with Tomas Berg.")
    assert _resolve(doc, "it", ["Lindoria", "Tomas Berg"]) == "Lindoria"


def test_he_skips_a_nearer_organization_for_a_person(nlp):
    doc = nlp("After Tomas Berg met the Harbour Union, he left the port.")
    assert _resolve(doc, "he", ["Tomas Berg", "Harbour Union"], wants_person=True) == "Tomas Berg"


def test_they_prefer_a_group_to_a_nearer_person(nlp):
    doc = nlp("The Harbour Union thanked Maria Lopez as they ended the strike.")
    assert _resolve(doc, "they", ["Harbour Union", "Maria Lopez"], plural=True) == "Harbour Union"


def test_no_antecedent_outside_the_sentence(nlp):
    doc = nlp("Tomas Berg spoke. He left.")
    assert _resolve(doc, "he", ["Tomas Berg"], wants_person=True) is None


def _mention(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention(name, start, start + len(name), name, "name")


def test_last_actor_before_skips_a_name_inside_quotation_marks():
    text = 'Maria Lopez spoke first. "Tomas Berg is wrong," she said.'
    mentions = [_mention(text, "Maria Lopez"), _mention(text, "Tomas Berg")]
    actors = {n: Actor(id=n, name=n, type="PERSON") for n in ("Maria Lopez", "Tomas Berg")}
    quoted = (text.index('"'), text.rindex('"'))
    found = last_actor_before(mentions, [m.start for m in mentions], actors, text.index("she"), ("PERSON",),
                              lambda char: quoted[0] < char < quoted[1])
    assert found == "Maria Lopez"


def test_last_actor_before_wants_the_given_kind():
    text = "Tomas Berg visited Lindoria. It said"
    mentions = [_mention(text, "Tomas Berg"), _mention(text, "Lindoria")]
    actors = {"Tomas Berg": Actor(id="Tomas Berg", name="Tomas Berg", type="PERSON"),
              "Lindoria": Actor(id="Lindoria", name="Lindoria", type="GPE")}
    found = last_actor_before(mentions, [m.start for m in mentions], actors, text.index("It"), ("PERSON",),
                              lambda char: False)
    assert found == "Tomas Berg"


def test_last_actor_before_keeps_a_plural_in_its_sentence():
    text = "The Harbour Union met in May. They said the strike would go on."
    mentions = [_mention(text, "Harbour Union")]
    actors = {"Harbour Union": Actor(id="Harbour Union", name="Harbour Union", type="ORG")}
    they = text.index("They")
    assert last_actor_before(mentions, [m.start for m in mentions], actors, they, ("ORG",), lambda char: False) \
        == "Harbour Union"
    assert last_actor_before(mentions, [m.start for m in mentions], actors, they, ("ORG",), lambda char: False,
                             since=they) is None


def test_plural_since_is_the_sentence_of_they_only(nlp):
    doc = nlp("The union met in May. They said the strike would go on. He agreed.")
    they = next(t for t in doc if t.text == "They")
    he = next(t for t in doc if t.text == "He")
    assert plural_since(they) == they.sent.start_char > 0
    assert plural_since(he) == 0
