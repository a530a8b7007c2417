"""Claim clusters: the same claim across outlets, its record, and stories beyond syndicated copies.

    index = ClaimIndex()                      # or ClaimIndex.from_rows(rows) / ClaimIndex(lookup=store_lookup)
    batch = index.add(claim_quotes(article))  # quote id -> Assignment(claim_id, relation, score, new_claim)
    batch.rows                                # rows a store writes for the batch (rows.py)
    claim_records(quotes, {q: a.claim_id for q, a in batch.assignments.items()})

See index.py for the method, rows.py for what a store keeps, stories.py for story clusters.
"""
from .adapters import assign_claims, assign_story_clusters, claim_quotes, story_article
from .index import Assignment, ClaimBatch, ClaimIndex, ClaimLookup, claim_id
from .quotes import ClaimQuote, quote_key
from .records import ClaimRecord, claim_record, claim_records, wording_diff
from .rows import ClaimRows
from .settings import ClaimSettings, StorySettings
from .stories import StoryArticle, StoryIndex, StoryLookup, StoryRows

__all__ = ["Assignment", "ClaimBatch", "ClaimIndex", "ClaimLookup", "ClaimQuote", "ClaimRecord", "ClaimRows",
           "ClaimSettings", "StoryArticle", "StoryIndex", "StoryLookup", "StoryRows", "StorySettings",
           "assign_claims", "assign_story_clusters", "claim_id", "claim_quotes", "claim_record", "claim_records",
           "quote_key", "story_article", "wording_diff"]
