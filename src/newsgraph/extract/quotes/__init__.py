"""Quote attribution: who said (or believes, or wants) what, over the one dependency parse.

Each attribution has a speaker (source), a cue and a content span, as in PolNeAR (Newell,
Margolin & Ruths 2018) and PARC (Pareti 2016). Every stage reads the article's one spaCy parse
and the per-article `index`; one module per stage, in the order they run:

1. `attributions` (with `cues`, `frames/`, `speakers`): each cue word's best frame, the content
   it governs (a clause, an infinitive, an object, a prepositional object, the clause of a
   parenthetical cue, a noun's that-clause), and its speaker; "according to X" too.
2. `colon_lines`: "Speaker: content" lines (headlines, transcripts), and headlines ending in
   "- Speaker".
3. `passages`: contents widened to the quoted passages (`marks`) they sit in; split quotes
   joined; a cue inside another attribution's content dropped (PolNeAR's attributions do not nest),
   unless the outer one only relays it ("X said ..., Reuters reported" is X's); `anaphoric`: "This
   was announced by X", "X disclosed this on Monday" report the sentence before it.
4. `floating`: quoted passages without a cue take a speech verb next to them or continue the
   previous speaker (the Gender Gap Tracker's "floating quotes", Asr et al. 2021).
5. `continuation`: "also", "in addition" right after a reported passage keep its speaker.
6. Co-speakers ("A and B said", a joint statement's parties) get the same words each, and
   every quote its `confidence` (`confidence`, fitted by `calibrate`).

Speakers (`speakers`): a name, pronoun or title (a name after a title the NER missed or typed as a body
is the title's holder: `titled_names`); an unnamed source ("a senior official") becomes
an anonymous actor and marks the quote `anonymous` (`anonymous`); a document ("a joint
statement") speaks for its issuers (`documents`); page furniture never speaks (`not_speakers`).
A quote needs a speech, thought or stance cue: action verbs are never cues, and a frame only the
learned table licenses needs `QuoteSettings.min_learned_frame_score` precision on PolNeAR train.

Word lists are data (`lexicons`, files in `extract/data/`); thresholds are `QuoteSettings`.

    >>> quotes = extract_quotes(doc, mentions, actors)                  # doctest: +SKIP
    >>> quotes = extract_quotes(doc, mentions, actors, settings=QuoteSettings(min_frame_score=0.3))  # doctest: +SKIP
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ...model import Actor, Mention, Quote
from .anaphoric import demonstrative_object_quotes, with_antecedent_contents
from .attributions import cue_word_quotes
from .colon_lines import colon_line_quotes, dash_line_quotes
from .confidence import confidence_model, confidence_of
from .continuation import continuations
from .floating import floating_quotes, looks_like_title
from .index import ArticleIndex
from .lexicons import lexicon
from .marks import quoted_passages
from .passages import outermost, widen_to_passages, without_relays
from .settings import QuoteSettings

__all__ = ["QuoteSettings", "extract_quotes", "lexicon", "looks_like_title", "quoted_passages"]

DEFAULT_SETTINGS = QuoteSettings()


def extract_quotes(doc: Doc, mentions: list[Mention], actors: dict[str, Actor],
                   settings: QuoteSettings = DEFAULT_SETTINGS) -> list[Quote]:
    """Attributions in `doc`: speaker (actor id or None), cue and content spans (char offsets),
    whether the speaker is an unnamed source, and a calibrated confidence.

    Args:
        doc: the article's one spaCy parse.
        mentions: resolved actor mentions (offsets into `doc.text`).
        actors: actor id -> Actor; the anonymous speakers the quotes name are added to it.
        settings: thresholds and windows (the defaults are the tuned values).
    Returns:
        Quotes in text order.
    """
    quotes, index = attribute(doc, mentions, actors, settings)
    model = confidence_model()
    return [replace(q, confidence=confidence_of(q, index.evidence_of(q), actors.get(q.speaker or ""), model, index))
            for q in quotes]


def attribute(doc: Doc, mentions: list[Mention], actors: dict[str, Actor],
              settings: QuoteSettings = DEFAULT_SETTINGS) -> tuple[list[Quote], ArticleIndex]:
    """The quotes of `extract_quotes` before their confidence, and the index that knows how each
    was found (`index.evidence_of`): what `calibrate` fits the confidence model on."""
    index = ArticleIndex.build(doc, mentions, actors, settings)
    quotes, bare_cues = cue_word_quotes(index)
    quotes.extend(colon_line_quotes(index))
    quotes.extend(dash_line_quotes(index))
    quotes = widen_to_passages(index, quotes)
    quotes = outermost(index, without_relays(index, quotes))
    quotes = demonstrative_object_quotes(index, with_antecedent_contents(index, quotes))
    quotes = floating_quotes(index, quotes, bare_cues)
    quotes = continuations(index, quotes)
    quotes = with_co_speakers(index, quotes)
    quotes.sort(key=lambda q: q.start)
    return quotes, index


def with_co_speakers(index: ArticleIndex, quotes: list[Quote]) -> list[Quote]:
    """`quotes` and, for each quote with co-speakers ("A and B said", a joint statement), the same
    words given to each of them (the convention of the news development set for joint statements)."""
    out = list(quotes)
    for q in quotes:
        ev = index.evidence_of(q)
        if ev is None:
            continue
        for other in ev.co_speakers:
            out.append(index.carry(replace(q, speaker=other), q))
    return out
