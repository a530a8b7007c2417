-- newsgraph store, schema version 8 (store/connection.py migrates older files). Columns mirror newsgraph.model; offsets refer to articles.text.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, source VARCHAR, date DATE, title VARCHAR, url VARCHAR, outlet VARCHAR,
    text VARCHAR NOT NULL, blocks VARCHAR, ingested_at TIMESTAMP DEFAULT current_timestamp,
    language VARCHAR, date_source VARCHAR, story VARCHAR, story_cluster VARCHAR);
-- Syndicated copies (readers/copies.py): 128 MinHash values (uint32) per article, and its 32 LSH band keys.
CREATE TABLE IF NOT EXISTS article_minhash (article_id VARCHAR PRIMARY KEY, signature BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS minhash_bands (band_key BIGINT NOT NULL, article_id VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, type VARCHAR NOT NULL, country VARCHAR, sector VARCHAR);
CREATE TABLE IF NOT EXISTS aliases (
    actor_id VARCHAR NOT NULL, alias VARCHAR NOT NULL, folded VARCHAR NOT NULL, PRIMARY KEY (actor_id, alias));
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, actor_id VARCHAR NOT NULL,
    "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR, how VARCHAR, PRIMARY KEY (article_id, idx));
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, speaker VARCHAR, speaker_text VARCHAR,
    speaker_start INTEGER, speaker_end INTEGER, cue VARCHAR, cue_start INTEGER, cue_end INTEGER,
    text VARCHAR, "start" INTEGER, "end" INTEGER, kind VARCHAR, anonymous BOOLEAN, confidence DOUBLE, claim VARCHAR,
    PRIMARY KEY (article_id, idx));
CREATE TABLE IF NOT EXISTS events (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, type VARCHAR NOT NULL, mode VARCHAR,
    source VARCHAR, target VARCHAR, trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    sentence_start INTEGER, sentence_end INTEGER, modality VARCHAR, quote INTEGER, date DATE, location VARCHAR,
    location_iso3 VARCHAR, date_source VARCHAR, confidence DOUBLE, PRIMARY KEY (article_id, idx));
-- Roles and labels (resolve/roles.py): how an article describes an actor; actor_id NULL = an unresolved description.
CREATE TABLE IF NOT EXISTS descriptors (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, actor_id VARCHAR, label VARCHAR NOT NULL, role VARCHAR,
    of_actor VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR, kind VARCHAR, PRIMARY KEY (article_id, idx));
-- Curation (resolve/curation.py): merges, splits, aliases, renames in the order made; re-applied on every ingest.
CREATE TABLE IF NOT EXISTS curation (
    seq INTEGER PRIMARY KEY, op VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, value VARCHAR NOT NULL,
    created_at TIMESTAMP DEFAULT current_timestamp);
-- User actor dictionaries (`newsgraph import-actors`, resolve/dictionaries.py).
CREATE TABLE IF NOT EXISTS dictionary (
    name VARCHAR NOT NULL, aliases VARCHAR, type VARCHAR, country VARCHAR, sector VARCHAR, role VARCHAR, "of" VARCHAR,
    valid_from VARCHAR, valid_to VARCHAR, source VARCHAR);
-- Claim clusters (claims/rows.py, written by store/claim_rows.py): members, clusters, representative variants,
-- the (term, time bucket) postings (seq = insertion order, the newest `posting_cap` per key are read) and
-- document frequencies (term '' counts the clustered quotes). Dates are ISO strings as the clusterer gives them.
CREATE TABLE IF NOT EXISTS claim_members (
    quote_id VARCHAR PRIMARY KEY, claim_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, outlet VARCHAR, date VARCHAR,
    speaker VARCHAR, attribution VARCHAR, relation VARCHAR, score DOUBLE);
CREATE TABLE IF NOT EXISTS claims (
    claim_id VARCHAR PRIMARY KEY, first_quote_id VARCHAR, first_date VARCHAR, last_date VARCHAR, size INTEGER,
    speaker VARCHAR, speaker_group VARCHAR);
CREATE TABLE IF NOT EXISTS claim_variants (
    claim_id VARCHAR NOT NULL, quote_id VARCHAR NOT NULL, date VARCHAR, speaker VARCHAR, speaker_group VARCHAR,
    terms VARCHAR[], negated VARCHAR[], mixed VARCHAR[], numbers VARCHAR[], entities VARCHAR[], parts VARCHAR[],
    PRIMARY KEY (claim_id, quote_id));
CREATE TABLE IF NOT EXISTS claim_postings (
    term VARCHAR NOT NULL, bucket INTEGER NOT NULL, cluster_id VARCHAR NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (term, bucket, cluster_id));
CREATE TABLE IF NOT EXISTS claim_term_counts (term VARCHAR PRIMARY KEY, count BIGINT NOT NULL);
-- Story clusters (claims/stories.py): the same five tables for articles.
CREATE TABLE IF NOT EXISTS story_members (article_id VARCHAR PRIMARY KEY, story_cluster VARCHAR NOT NULL, score DOUBLE);
CREATE TABLE IF NOT EXISTS story_clusters (
    story_cluster VARCHAR PRIMARY KEY, first_article_id VARCHAR, first_date VARCHAR, last_date VARCHAR, size INTEGER);
CREATE TABLE IF NOT EXISTS story_variants (
    story_cluster VARCHAR NOT NULL, article_id VARCHAR NOT NULL, terms VARCHAR[], PRIMARY KEY (story_cluster, article_id));
CREATE TABLE IF NOT EXISTS story_postings (
    term VARCHAR NOT NULL, bucket INTEGER NOT NULL, cluster_id VARCHAR NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (term, bucket, cluster_id));
CREATE TABLE IF NOT EXISTS story_term_counts (term VARCHAR PRIMARY KEY, count BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS claim_members_claim ON claim_members (claim_id);
CREATE INDEX IF NOT EXISTS claim_postings_term ON claim_postings (term);
CREATE INDEX IF NOT EXISTS story_postings_term ON story_postings (term);
CREATE INDEX IF NOT EXISTS descriptors_actor ON descriptors (actor_id);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions (actor_id);
CREATE INDEX IF NOT EXISTS aliases_folded ON aliases (folded);
-- Point lookups of a batch (copy detection, fetching a page's quotes): DuckDB uses single-column indexes only.
CREATE INDEX IF NOT EXISTS articles_url ON articles (url);
CREATE INDEX IF NOT EXISTS minhash_bands_key ON minhash_bands (band_key);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_id);
-- A page's events and an article's mentions (store/lookups.py); added with derived layout 2 (store/connection.py).
CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id);
-- Summaries (store/summaries.py): derived from the rows above at write time, summed on read, never exported.
CREATE TABLE IF NOT EXISTS actor_counts (actor_id VARCHAR NOT NULL, mentions BIGINT NOT NULL, articles BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS actor_activity (actor_id VARCHAR NOT NULL, day DATE, kind VARCHAR NOT NULL, n BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS actor_counterparts (
    actor_id VARCHAR NOT NULL, counterpart VARCHAR NOT NULL, direction VARCHAR NOT NULL, type VARCHAR NOT NULL, n BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS actor_pairs (
    source VARCHAR NOT NULL, target VARCHAR NOT NULL, day DATE, type VARCHAR NOT NULL, n BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS actor_labels (
    actor_id VARCHAR NOT NULL, label VARCHAR NOT NULL, outlet VARCHAR NOT NULL, n BIGINT NOT NULL, first_date DATE, last_date DATE);
CREATE TABLE IF NOT EXISTS role_holders (
    of_actor VARCHAR, role VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, day DATE, n BIGINT NOT NULL,
    first_row HUGEINT NOT NULL, last_row HUGEINT NOT NULL);
CREATE TABLE IF NOT EXISTS actor_quotes (
    actor_id VARCHAR NOT NULL, rel VARCHAR NOT NULL, date DATE, article_id VARCHAR NOT NULL, idx INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS actor_events (
    actor_id VARCHAR NOT NULL, rel VARCHAR NOT NULL, date DATE, article_id VARCHAR NOT NULL, idx INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS actor_articles (actor_id VARCHAR NOT NULL, date DATE, article_id VARCHAR NOT NULL);
-- The quotes and events between two actors (the relation page's keys); derived layout 4.
CREATE TABLE IF NOT EXISTS pair_quotes (
    speaker VARCHAR NOT NULL, about VARCHAR NOT NULL, date DATE, article_id VARCHAR NOT NULL, idx INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS pair_events (
    source VARCHAR NOT NULL, target VARCHAR NOT NULL, date DATE, article_id VARCHAR NOT NULL, idx INTEGER NOT NULL);
-- What the lists show of each quote, event and article (its opening and counts of quotes and events); derived layout 3.
CREATE TABLE IF NOT EXISTS quote_snippets (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR);
CREATE TABLE IF NOT EXISTS event_snippets (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR);
CREATE TABLE IF NOT EXISTS article_snippets (article_id VARCHAR NOT NULL, text VARCHAR, quotes BIGINT NOT NULL, events BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS quote_snippets_article ON quote_snippets (article_id);
CREATE INDEX IF NOT EXISTS event_snippets_article ON event_snippets (article_id);
CREATE INDEX IF NOT EXISTS article_snippets_article ON article_snippets (article_id);
-- Each article's id under its search key (the search index's hits name articles by it); derived layout 5.
CREATE TABLE IF NOT EXISTS article_keys (akey UBIGINT NOT NULL, article_id VARCHAR NOT NULL);
CREATE INDEX IF NOT EXISTS article_keys_akey ON article_keys (akey);
