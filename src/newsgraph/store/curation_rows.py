"""The analyst's rows: curation rules (with the rewrite of stored rows each makes) and user dictionaries.

What a rule means for a new article, and what a dictionary entry says about a name, is decided
in resolve/ (curation.py, dictionaries.py, corpus.py); this module reads and writes the rows.
"""
from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from ..model import Actor
from ..resolve.text import fold
from . import summaries

# (op, actor id, value, actor's current name): the fields of resolve.curation.Rule, in its order.
CurationRow = tuple[str, str, str, "str | None"]
# type, name, aliases ("|"-separated), country, sector, role, of, valid_from, valid_to, source.
DictionaryRow = tuple[Any, ...]
DICTIONARY_COLUMNS = ("type", "name", "aliases", "country", "sector", "role", "of", "valid_from", "valid_to", "source")


def curation_rules(con: duckdb.DuckDBPyConnection) -> list[CurationRow]:
    """The curation rules in the order they were made."""
    rows = con.execute("""SELECT c.op, c.actor_id, c.value, a.name FROM curation c LEFT JOIN actors a ON a.id = c.actor_id
                          ORDER BY c.seq""").fetchall()
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def add_curation(con: duckdb.DuckDBPyConnection, op: str, actor_id: str, value: str, new_actor: Actor | None = None) -> None:
    """Record a curation rule and rewrite the stored rows the same way (one transaction).

    `merge` moves `value`'s rows to `actor_id`, `alias` moves mentions written as the folded
    `value`, `split` moves them off to `new_actor`, `rename` gives `actor_id` the name `value`
    (resolve/curation.py applies the same rules to later articles). The summaries of every actor
    whose rows moved are recomputed in the same transaction (store/summaries.py).
    """
    con.execute("BEGIN TRANSACTION")
    try:
        seq = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM curation").fetchall()[0][0]
        con.execute("INSERT INTO curation (seq, op, actor_id, value) VALUES (?, ?, ?, ?)", [seq, op, actor_id, value])
        folded_text = "lower(strip_accents(trim(text)))"
        touched = [actor_id]
        if op == "merge":
            touched.append(value)
            _reassign(con, value, actor_id)
            con.execute("""INSERT INTO aliases SELECT ?, alias, folded FROM aliases WHERE actor_id = ? ON CONFLICT DO NOTHING""",
                        [actor_id, value])
            con.execute("DELETE FROM aliases WHERE actor_id = ?", [value])
            con.execute("DELETE FROM actors WHERE id = ?", [value])
        elif op == "alias":
            touched += [r[0] for r in con.execute(f"SELECT DISTINCT actor_id FROM mentions WHERE {folded_text} = ? AND actor_id <> ?",
                                                  [value, actor_id]).fetchall()]
            con.execute(f"UPDATE mentions SET actor_id = ? WHERE {folded_text} = ? AND actor_id <> ?", [actor_id, value, actor_id])
            con.execute("INSERT INTO aliases VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [actor_id, value, value])
        elif op == "split" and new_actor is not None:
            touched.append(new_actor.id)
            con.execute("INSERT INTO actors (id, name, type, country, sector) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        [new_actor.id, new_actor.name, new_actor.type, new_actor.country, new_actor.sector])
            con.execute(f"UPDATE mentions SET actor_id = ? WHERE actor_id = ? AND {folded_text} = ?", [new_actor.id, actor_id, value])
            con.execute("DELETE FROM aliases WHERE actor_id = ? AND folded = ?", [actor_id, value])
            con.execute("INSERT INTO aliases VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [new_actor.id, new_actor.name, value])
        elif op == "rename":
            old = con.execute("SELECT name FROM actors WHERE id = ?", [actor_id]).fetchall()
            con.execute("UPDATE actors SET name = ? WHERE id = ?", [value, actor_id])
            for name in [value, *(r[0] for r in old)]:
                con.execute("INSERT INTO aliases VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [actor_id, name, fold(name)])
        if op != "rename":  # a name is read with the rows, never summarized
            summaries.refresh(con, touched)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _reassign(con: duckdb.DuckDBPyConnection, old: str, new: str) -> None:
    con.execute("UPDATE mentions SET actor_id = ? WHERE actor_id = ?", [new, old])
    con.execute("UPDATE quotes SET speaker = ? WHERE speaker = ?", [new, old])
    con.execute("UPDATE events SET source = ? WHERE source = ?", [new, old])
    con.execute("UPDATE events SET target = ? WHERE target = ?", [new, old])
    con.execute("UPDATE descriptors SET actor_id = ? WHERE actor_id = ?", [new, old])
    con.execute("UPDATE descriptors SET of_actor = ? WHERE of_actor = ?", [new, old])


def dictionary_version(con: duckdb.DuckDBPyConnection) -> Hashable | None:
    """A key that changes whenever the store's dictionary does (file and row count); None when it is empty.

    Entries are only ever added, so the count tells a changed dictionary from the one already indexed.
    """
    count = con.execute("SELECT count(*) FROM dictionary").fetchall()[0][0]
    if not count:
        return None
    return str(con.execute("SELECT file FROM pragma_database_list WHERE name = current_database()").fetchall()), count


def dictionary_rows(con: duckdb.DuckDBPyConnection) -> list[DictionaryRow]:
    """Every imported dictionary entry, as DICTIONARY_COLUMNS."""
    return con.execute('SELECT type, name, aliases, country, sector, role, "of", valid_from, valid_to, source '
                       "FROM dictionary").fetchall()


def insert_dictionary(con: duckdb.DuckDBPyConnection, entries: Sequence[Mapping[str, Any]]) -> int:
    """Add dictionary entries (dicts keyed by DICTIONARY_COLUMNS) in one statement; returns how many."""
    if not entries:
        return 0
    con.register("dict_rows", pa.Table.from_pylist([dict(e) for e in entries]))
    con.execute('INSERT INTO dictionary SELECT name, aliases, type, country, sector, role, "of", valid_from, valid_to, source FROM dict_rows')
    con.unregister("dict_rows")
    return len(entries)


def actors_lacking_codes(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str | None, str | None]]:
    """(id, name, country, sector) of stored actors without a country or a sector."""
    rows = con.execute("SELECT id, name, country, sector FROM actors WHERE country IS NULL OR sector IS NULL").fetchall()
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def set_actor_codes(con: duckdb.DuckDBPyConnection, updates: Sequence[tuple[str | None, str | None, str]]) -> None:
    """Set (country, sector) of actors by id: `updates` holds (country, sector, id)."""
    if updates:
        con.executemany("UPDATE actors SET country = ?, sector = ? WHERE id = ?", [list(u) for u in updates])
