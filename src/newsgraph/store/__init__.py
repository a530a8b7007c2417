"""The store: all of newsgraph's SQL, parameterised, over a versioned DuckDB schema (schema.sql).

The store persists and reads rows; what a new article means in the light of the corpus is
decided before it is written (`pipeline.corpus_step`). One module per job:

* `connection`: opening a store, schema version and upgrades, waiting for a writer's lock;
* `rows`: analyzed articles as the store's column tables, and back;
* `writes`: one transaction per batch, idempotent by article id;
* `reads`: every read query, and `CorpusRows`, what the corpus step reads;
* `curation_rows`: the analyst's curation rules and user dictionaries;
* `summaries`: per-actor counts, activity, network, labels, role holders and quote links, kept at
  write time so that pages and the corpus step cost the same in a large store as in a small one;
* `selection`: the reads behind `newsgraph export`;
* `parquet`: shards of the tables, written by the engines and loaded back.

The names callers need are re-exported here: `from newsgraph import store; store.connect(...)`.
"""
from __future__ import annotations

from .connection import SCHEMA_VERSION, connect, open_for_batch, opened, table_columns, table_names, writer_waiting
from .curation_rows import (
    CurationRow,
    DictionaryRow,
    actors_lacking_codes,
    add_curation,
    curation_rules,
    dictionary_rows,
    dictionary_version,
    insert_dictionary,
    set_actor_codes,
)
from .reads import (
    CorpusRows,
    Rows,
    activity,
    actor,
    actor_labels,
    actor_quote_keys,
    actor_roles,
    actors,
    articles,
    copies,
    counterparts,
    counterparts_over,
    events,
    find_actor_ids,
    known_for_copies,
    newest_first,
    quotes,
    quotes_by_keys,
    relation,
    role_holders,
    role_names,
    search_actors,
    stats,
    stored_actors,
)
from .writes import Minhashes, WriteResult, fresh_articles, insert_batch, stored_ids, write_articles

__all__ = [
    "SCHEMA_VERSION", "writer_waiting", "connect", "open_for_batch", "opened", "table_columns", "table_names",
    "CurationRow", "DictionaryRow", "actors_lacking_codes", "add_curation", "curation_rules", "dictionary_rows",
    "dictionary_version", "insert_dictionary", "set_actor_codes",
    "CorpusRows", "Rows", "activity", "actor", "actor_labels", "actor_quote_keys", "actor_roles", "actors", "articles",
    "copies", "counterparts", "counterparts_over", "events", "find_actor_ids", "known_for_copies", "newest_first", "quotes", "quotes_by_keys",
    "relation", "role_holders", "role_names", "search_actors", "stats", "stored_actors",
    "Minhashes", "WriteResult", "fresh_articles", "insert_batch", "stored_ids", "write_articles",
]
