"""Summaries of the stored rows, kept at write time: what the corpus step and an actor's page read.

Resolving a batch against the corpus and drawing an actor's page must cost the same in a store
of a million articles as in one of ten thousand. DuckDB scans columns rather than seeking in them
(its ART indexes answer point lookups of a few rows, and a scan of an unsorted table costs its
whole length), so these reads go to small tables derived from the stored rows:

* `actor_counts`: mentions and articles per actor (profiles, "most mentioned first");
* `actor_activity`: events as source / as target, quotes by / about, per actor, day and kind;
* `actor_counterparts`: events per actor, counterpart, direction and PLOVER type (the network);
* `actor_pairs`: events per source, target, day and type (`relation`);
* `actor_labels`: descriptors per actor, label and outlet, with first and last date;
* `role_holders`: the holders of each role of each organization or country, one row per day
  they were seen so (the corpus step's role lookup, and an actor's roles): a batch reads one
  row per holder, with its first day and its last day up to an article's date, however many
  articles name it; per day, and with the write position of the first and last description
  of that day (`first_row`, `last_row`: write time, then the row's place in its batch), so that
  "the holder seen nearest before the date, the first stored on a tie" is the same answer it
  was when every stored description was read in the order stored;
* `actor_quotes`: one row per quote and actor who said it (`by`) or is named inside its content
  (`about`), so "quotes about X" is a lookup, not a range join of quotes with mentions;
* `actor_events`: one row per event and actor that is its `source` or its `target`, dated as the
  event lists date it (the event's own date, else its article's);
* `actor_articles`: one row per article and actor mentioned in it, with the article's date;
* `pair_quotes`, `pair_events`: one row per quote and (speaker, actor named inside it), and per
  event and (source, target), dated as the lists date them: the keys of the quotes and events
  between two actors (the relation page) are one pair's rows, not the intersection of both
  actors' rows in `actor_quotes` / `actor_events` (at 10^5 articles the busiest actor's 166k
  quotes against its counterpart's 189k, 25 ms, for 100 shown);
* `quote_snippets`, `event_snippets`, `article_snippets`: the text a list shows of each quote
  (its attribution: speaker, cue and content), event (its sentence) and article (its opening,
  with its counts of quotes and events), cut from the article's text as the lists did at read
  time (`SNIPPET_OF`). An article's text is stored compressed (DuckDB picks ZSTD for long
  strings), and reading one row of it back decompresses a whole block: the texts of a page's 50
  articles cost more than a scan of 10^4 of them (about 80 ms), and counting a page's facts
  read every fact of its articles. Snippets are short and found through their article-id index,
  one table per kind (a second condition, on a kind column, would keep DuckDB from using it).

* `article_keys`: each article's id under its search key (DuckDB's `hash()` of the id, which the
  search index keeps, store/search_rows.py), found through an index on the key: the full-text
  lists join their hits back to article ids here, where they hashed every stored article's id
  (about 7 ms of CPU per list at 10^5 articles, linear in the store; a search page has three lists).

`actor_quotes`, `actor_events`, `actor_articles` and the pair tables are the keys of the analyst's lists filtered by actor (store/lists.py): their
total and page come from an actor's rows here, sorted by date, not from a scan of every stored
quote, event or mention.

The snippets name no actor (a curation rewrite leaves them alone) and are read through their
index rather than by ranges of their first column (they are not compacted).

Each table is a list of *deltas*: a batch appends the summary of its own rows (its articles are
new, so counts add up), reads sum them, and a rewrite by curation deletes the rows of the actors
it touched and appends their recomputation from the stored rows. Every read filters on the
table's first column, and DuckDB's min/max statistics per row group (122,880 rows) skip every
group whose range of that column misses the actor, so the tables are kept sorted by it in runs,
as log-structured merge trees keep theirs (O'Neil et al., "The Log-Structured Merge-Tree", Acta
Informatica 33, 1996): the rows appended since the last run (the unsorted tail, which every read
scans) are merged and sorted into a run of their own once there are `COMPACT_MIN_ROWS` of them,
and the whole table is merged and sorted once the runs since the last full sort hold
`COMPACT_FRACTION` of its rows. The cost is spread over the batches that grew the table.
`actor_quotes`, `actor_events` and `actor_articles` are sorted newest first within an actor, so a
page of an actor's latest rows stops after the first row groups (DuckDB's top-N filters later
groups by their dates); the pair tables by both actors, so a pair's rows are a few row groups.

Summaries are derived data: they are not exported, not written to shards, and `rebuild` makes
them again from the stored rows (an upgraded store, `check` finding a difference).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import duckdb

# A quote is "about" an actor named inside its content (the rule of `store.quotes(about=...)`).
_ABOUT = """SELECT DISTINCT m.actor_id, q.article_id, q.idx FROM {quotes} q JOIN {mentions} m
            ON m.article_id = q.article_id AND m."start" >= q."start" AND m."end" <= q."end\""""

# What the lists show of a fact, cut from its article's text (q: the quote, e: the event, a: its article):
# the attribution from the first of quote, cue and speaker to the last of them; the event's sentence; the
# article's opening. store/lists.py reads them from the `*_snippets` tables, and computes them so where it
# reads every row.
_SPAN_START = 'least(q."start", coalesce(q.cue_start, q."start"), coalesce(q.speaker_start, q."start"))'
_SPAN_END = 'greatest(q."end", coalesce(q.cue_end, 0), coalesce(q.speaker_end, 0))'
SNIPPET_CHARS = 240
SNIPPET_OF = {
    "quote": f"substring(a.text, {_SPAN_START} + 1, {_SPAN_END} - {_SPAN_START})",
    "event": "trim(substring(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start), chr(10) || ' ')",
    "article": f"trim(left(a.text, {SNIPPET_CHARS}), chr(10) || ' ')",
}
QUOTE_SPAN = (_SPAN_START, _SPAN_END)

# A description's write position: its article's write time (microseconds), then its row in the table written.
_ROW = "epoch_us(coalesce(a.ingested_at, current_timestamp::TIMESTAMP))::HUGEINT * 1000000000 + d.rowid"
COMPACT_MIN_ROWS = 200_000  # an unsorted tail this short costs a few milliseconds to scan: leave it
COMPACT_FRACTION = 0.25  # sort the whole table again when the runs since the last time hold this share of it


@dataclass(frozen=True)
class Summary:
    """One summary table: how a set of stored rows makes its rows, and how its deltas merge.

    `select` reads the tables named {articles}, {mentions}, {quotes}, {events} and {descriptors}
    (the store's, or a batch's staged copies) and gives `columns`; compaction groups by `keys`
    and merges the other columns with `merged` (no keys: rows are kept as they are); `actors`
    are the columns that name actors, which a curation rule can change.
    """

    table: str
    columns: tuple[str, ...]
    select: str
    keys: tuple[str, ...]
    merged: tuple[str, ...]
    actors: tuple[str, ...]
    positions: tuple[str, ...] = ()  # write positions: kept, but a recomputation numbers rows its own way
    order: str = ""  # the sort of a compacted run (default: the keys, or every column)
    compacted: bool = True  # False: read through an index, never sorted into runs

    def checked(self, source: str) -> str:
        """The merged rows of `source` without write positions, for `check`."""
        keep = [c for c in self.columns if c not in self.positions]
        return f"SELECT {', '.join(keep)} FROM ({self.merged_select(source)})"

    def rows_of(self, tables: Mapping[str, str]) -> str:
        return self.select.format(about=_ABOUT.format(**tables), **tables)

    def merged_select(self, source: str) -> str:
        """The rows of `source` (a table or subquery) merged by key, sorted by the key."""
        if not self.keys:
            return f"SELECT {', '.join(self.columns)} FROM {source} ORDER BY {self.order or ', '.join(self.columns)}"
        keys = ", ".join(self.keys)
        values = ", ".join(f"{expr} AS {column}" for expr, column in
                           zip(self.merged, [c for c in self.columns if c not in self.keys], strict=True))
        return f"SELECT {keys}, {values} FROM {source} GROUP BY {keys} ORDER BY {self.order or keys}"


SUMMARIES: tuple[Summary, ...] = (
    Summary("actor_counts", ("actor_id", "mentions", "articles"),
            "SELECT actor_id, count(*), count(DISTINCT article_id) FROM {mentions} GROUP BY actor_id",
            ("actor_id",), ("sum(mentions)::BIGINT", "sum(articles)::BIGINT"), ("actor_id",)),
    Summary("actor_activity", ("actor_id", "day", "kind", "n"),
            """SELECT e.source, CAST(coalesce(e.date, a.date) AS DATE), 'events_as_source', count(*)
               FROM {events} e JOIN {articles} a ON a.id = e.article_id WHERE e.source IS NOT NULL GROUP BY ALL
               UNION ALL
               SELECT e.target, CAST(coalesce(e.date, a.date) AS DATE), 'events_as_target', count(*)
               FROM {events} e JOIN {articles} a ON a.id = e.article_id WHERE e.target IS NOT NULL GROUP BY ALL
               UNION ALL
               SELECT q.speaker, a.date, 'quotes_by', count(*)
               FROM {quotes} q JOIN {articles} a ON a.id = q.article_id WHERE q.speaker IS NOT NULL GROUP BY ALL
               UNION ALL
               SELECT l.actor_id, a.date, 'quotes_about', count(*)
               FROM ({about}) l JOIN {articles} a ON a.id = l.article_id GROUP BY ALL""",
            ("actor_id", "day", "kind"), ("sum(n)::BIGINT",), ("actor_id",)),
    Summary("actor_counterparts", ("actor_id", "counterpart", "direction", "type", "n"),
            """SELECT source, target, 'out', type, count(*) FROM {events}
               WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target GROUP BY ALL
               UNION ALL
               SELECT target, source, 'in', type, count(*) FROM {events}
               WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target GROUP BY ALL""",
            ("actor_id", "counterpart", "direction", "type"), ("sum(n)::BIGINT",), ("actor_id", "counterpart")),
    Summary("actor_pairs", ("source", "target", "day", "type", "n"),
            """SELECT e.source, e.target, CAST(coalesce(e.date, a.date) AS DATE), e.type, count(*)
               FROM {events} e JOIN {articles} a ON a.id = e.article_id
               WHERE e.source IS NOT NULL AND e.target IS NOT NULL GROUP BY ALL""",
            ("source", "target", "day", "type"), ("sum(n)::BIGINT",), ("source", "target")),
    Summary("actor_labels", ("actor_id", "label", "outlet", "n", "first_date", "last_date"),
            """SELECT d.actor_id, d.label, coalesce(a.outlet, ''), count(*), min(a.date), max(a.date)
               FROM {descriptors} d JOIN {articles} a ON a.id = d.article_id WHERE d.actor_id IS NOT NULL GROUP BY ALL""",
            ("actor_id", "label", "outlet"), ("sum(n)::BIGINT", "min(first_date)", "max(last_date)"), ("actor_id",)),
    Summary("role_holders", ("of_actor", "role", "actor_id", "day", "n", "first_row", "last_row"),
            f"""SELECT d.of_actor, d.role, d.actor_id, a.date, count(*), min({_ROW}), max({_ROW})
               FROM {{descriptors}} d JOIN {{articles}} a ON a.id = d.article_id
               WHERE d.actor_id IS NOT NULL AND d.role IS NOT NULL AND d.kind <> 'description'
               GROUP BY d.of_actor, d.role, d.actor_id, a.date""",
            ("of_actor", "role", "actor_id", "day"), ("sum(n)::BIGINT", "min(first_row)", "max(last_row)"),
            ("of_actor", "actor_id"), ("first_row", "last_row")),
    Summary("actor_quotes", ("actor_id", "rel", "date", "article_id", "idx"),
            """SELECT q.speaker, 'by', a.date, q.article_id, q.idx
               FROM {quotes} q JOIN {articles} a ON a.id = q.article_id WHERE q.speaker IS NOT NULL
               UNION ALL
               SELECT l.actor_id, 'about', a.date, l.article_id, l.idx FROM ({about}) l JOIN {articles} a ON a.id = l.article_id""",
            (), (), ("actor_id",), order="actor_id, rel, date DESC NULLS LAST, article_id, idx"),
    Summary("actor_events", ("actor_id", "rel", "date", "article_id", "idx"),
            """SELECT e.source, 'source', CAST(coalesce(e.date, a.date) AS DATE), e.article_id, e.idx
               FROM {events} e JOIN {articles} a ON a.id = e.article_id WHERE e.source IS NOT NULL
               UNION ALL
               SELECT e.target, 'target', CAST(coalesce(e.date, a.date) AS DATE), e.article_id, e.idx
               FROM {events} e JOIN {articles} a ON a.id = e.article_id WHERE e.target IS NOT NULL""",
            (), (), ("actor_id",), order="actor_id, rel, date DESC NULLS LAST, article_id, idx"),
    Summary("actor_articles", ("actor_id", "date", "article_id"),
            """SELECT DISTINCT m.actor_id, a.date, m.article_id FROM {mentions} m JOIN {articles} a ON a.id = m.article_id""",
            (), (), ("actor_id",), order="actor_id, date DESC NULLS LAST, article_id"),
    Summary("pair_quotes", ("speaker", "about", "date", "article_id", "idx"),
            """SELECT q.speaker, l.actor_id, a.date, q.article_id, q.idx
               FROM {quotes} q JOIN ({about}) l ON l.article_id = q.article_id AND l.idx = q.idx
               JOIN {articles} a ON a.id = q.article_id WHERE q.speaker IS NOT NULL""",
            (), (), ("speaker", "about"), order="speaker, about, date DESC NULLS LAST, article_id, idx"),
    Summary("pair_events", ("source", "target", "date", "article_id", "idx"),
            """SELECT e.source, e.target, CAST(coalesce(e.date, a.date) AS DATE), e.article_id, e.idx
               FROM {events} e JOIN {articles} a ON a.id = e.article_id WHERE e.source IS NOT NULL AND e.target IS NOT NULL""",
            (), (), ("source", "target"), order="source, target, date DESC NULLS LAST, article_id, idx"),
    Summary("quote_snippets", ("article_id", "idx", "text"),
            f"""SELECT q.article_id, q.idx, {SNIPPET_OF['quote']} FROM {{quotes}} q JOIN {{articles}} a ON a.id = q.article_id""",
            (), (), (), compacted=False),
    Summary("event_snippets", ("article_id", "idx", "text"),
            f"""SELECT e.article_id, e.idx, {SNIPPET_OF['event']} FROM {{events}} e JOIN {{articles}} a ON a.id = e.article_id""",
            (), (), (), compacted=False),
    Summary("article_keys", ("akey", "article_id"), "SELECT hash(a.id), a.id FROM {articles} a", (), (), (), compacted=False),
    Summary("article_snippets", ("article_id", "text", "quotes", "events"),
            f"""SELECT a.id, {SNIPPET_OF['article']}, (SELECT count(*) FROM {{quotes}} q WHERE q.article_id = a.id),
                      (SELECT count(*) FROM {{events}} e WHERE e.article_id = a.id) FROM {{articles}} a""",
            (), (), (), compacted=False),
)
# Summaries added after schema 8, by the derived layout (store/connection.py) that brought them: made from the
# stored rows when a store of an older layout is opened.
SUMMARIES_OF_LAYOUT = {2: ("actor_events", "actor_articles"), 3: ("quote_snippets", "event_snippets", "article_snippets"),
                       4: ("pair_quotes", "pair_events"), 5: ("article_keys",)}
LATER_SUMMARIES = tuple(t for tables in SUMMARIES_OF_LAYOUT.values() for t in tables)
SUMMARY_TABLES = tuple(s.table for s in SUMMARIES)
STORED = {name: name for name in ("articles", "mentions", "quotes", "events", "descriptors")}
_SORTED_KEY = "sorted_rows:"  # meta key: rows of a summary table after its last full sort
_RUN_KEY = "sorted_upto:"  # meta key: the last rowid of a summary table's sorted runs (rows after it: the tail)


def _insert(con: duckdb.DuckDBPyConnection, summary: Summary, select: str) -> None:
    con.execute(f"INSERT INTO {summary.table} ({', '.join(summary.columns)}) {select}")


def add(con: duckdb.DuckDBPyConnection, tables: Mapping[str, str]) -> None:
    """Append the summaries of a batch's rows (`tables`: store table -> the batch's staged copy), then
    compact what is due. Inside the caller's transaction; the batch's articles must be new."""
    for summary in SUMMARIES:
        _insert(con, summary, summary.rows_of(tables))
    compact(con)


def refresh(con: duckdb.DuckDBPyConnection, actor_ids: Sequence[str]) -> None:
    """Recompute every summary row that names one of `actor_ids` from the stored rows (after a curation rewrite)."""
    ids = sorted({i for i in actor_ids if i})
    if not ids:
        return
    for summary in SUMMARIES:
        if not summary.actors:
            continue  # names no actor: a curation rewrite does not change it
        touched = " OR ".join(f"{c} IN (SELECT unnest(?::VARCHAR[]))" for c in summary.actors)
        params = [ids] * len(summary.actors)
        con.execute(f"DELETE FROM {summary.table} WHERE {touched}", params)
        con.execute(f"INSERT INTO {summary.table} ({', '.join(summary.columns)}) "
                    f"SELECT * FROM ({summary.rows_of(STORED)}) s ({', '.join(summary.columns)}) WHERE {touched}", params)


def rebuild(con: duckdb.DuckDBPyConnection, tables: Sequence[str] | None = None) -> None:
    """Make every summary (or those named in `tables`) again from the stored rows, merged and sorted
    (an upgraded store; repairs)."""
    for summary in SUMMARIES:
        if tables is not None and summary.table not in tables:
            continue
        con.execute(f"DELETE FROM {summary.table}")
        source = f"({summary.rows_of(STORED)}) s ({', '.join(summary.columns)})"
        _insert(con, summary, summary.merged_select(source))
        _mark_sorted(con, summary.table)


def compact(con: duckdb.DuckDBPyConnection, *, force: bool = False) -> list[str]:
    """Sort the tail of each summary table into a run, or the whole table, when due (see the module
    docstring; `force`: sort every table whole); returns the names of the tables sorted whole."""
    whole = []
    for summary in SUMMARIES:
        if not summary.compacted:
            continue
        total = _count(con, summary.table)
        sorted_rows, upto = _meta_int(con, _SORTED_KEY + summary.table), _meta_int(con, _RUN_KEY + summary.table, -1)
        if force or total - sorted_rows > max(COMPACT_MIN_ROWS, COMPACT_FRACTION * sorted_rows):
            _sort(con, summary, "TRUE", [])
            _mark_sorted(con, summary.table)
            whole.append(summary.table)
        elif con.execute(f"SELECT count(*) FROM {summary.table} WHERE rowid > ?", [upto]).fetchall()[0][0] > COMPACT_MIN_ROWS:
            _sort(con, summary, "rowid > ?", [upto])
            _mark_run(con, summary.table)
    return whole


def _sort(con: duckdb.DuckDBPyConnection, summary: Summary, where: str, params: list[int]) -> None:
    """Replace the rows `where` selects by their merge, appended sorted (a run)."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE _ng_compacted AS "
                f"{summary.merged_select(f'(SELECT * FROM {summary.table} WHERE {where})')}", params)
    con.execute(f"DELETE FROM {summary.table} WHERE {where}", params)
    _insert(con, summary, "SELECT * FROM _ng_compacted")
    con.execute("DROP TABLE _ng_compacted")


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])


def _meta_int(con: duckdb.DuckDBPyConnection, key: str, default: int = 0) -> int:
    rows = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
    return int(rows[0][0]) if rows else default


def _mark_run(con: duckdb.DuckDBPyConnection, table: str) -> None:
    last = con.execute(f"SELECT coalesce(max(rowid), -1) FROM {table}").fetchall()[0][0]
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [_RUN_KEY + table, str(last)])


def _mark_sorted(con: duckdb.DuckDBPyConnection, table: str) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [_SORTED_KEY + table, str(_count(con, table))])
    _mark_run(con, table)


def check(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows that differ between each summary (merged) and its recomputation from the stored rows; {} when all agree."""
    differences: dict[str, int] = {}
    for summary in SUMMARIES:
        kept = summary.checked(summary.table)
        fresh = summary.checked(f"({summary.rows_of(STORED)}) s ({', '.join(summary.columns)})")
        n = con.execute(f"SELECT count(*) FROM (({kept}) EXCEPT ALL ({fresh})) UNION ALL "
                        f"SELECT count(*) FROM (({fresh}) EXCEPT ALL ({kept}))").fetchall()
        total = sum(int(r[0]) for r in n)
        if total:
            differences[summary.table] = total
    return differences
