"""Settings of the server: one object, so a test or a deployment can change a limit without touching code."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ServerSettings:
    """How much one request may ask for, how long it may take, and how the token is guarded.

    `max_param_chars`: the longest value of any query parameter or path segment (an actor name,
    an outlet, an id). Resolving a name runs country_converter's regular expressions over it
    (`resolve/countries.iso3_of`), whose cost grows with the square of its length: 200 characters
    take about 20 ms, 2,000 about 1.3 s and 100 kB several minutes, holding the GIL
    all along. No actor name or alias in the stores is near 200 characters.
    `max_query_chars`: the longest full-text query (`q`), which only tantivy's parser reads.
    `max_values`: how often one parameter may repeat (`outlet=...&outlet=...`).
    `max_path_chars`: the longest request path (an article id may be a long JSONL id).
    `request_seconds`: a request still running after this long is answered 503 (the work it
    started finishes in the background; the caps above keep that work short).
    `min_token_chars`: the shortest token `run` accepts (16 characters of a random token are
    about 95 bits; a short one can be guessed).
    `auth_failures` within `auth_window_seconds` from one client address: further requests from
    it are answered 429 until the window since its last failure has passed.
    `store_idle_seconds`: the store's read-only connections are shared by the requests that run
    together and kept open between requests for this long (see `deps.SharedStore`). An ingest
    needs the file to itself and retries its open with growing pauses (up to 1 s), marking itself
    waiting: then the connections close as soon as no request runs, whatever this is (a grace
    while a writer waits let a steady stream of requests starve it: tests/web/test_concurrent_ingest.py
    failed with 0.1 s). `writer_poll_seconds`: how often an idle pool looks for a waiting writer.
    `cache_bytes`: memory for answers kept while the store does not change (`cache`), each at most
    `cache_entry_bytes` (a CSV download of 10,000 rows is larger and is computed each time); 0
    turns the cache off.
    """

    max_param_chars: int = 200
    max_query_chars: int = 500
    max_values: int = 50
    max_path_chars: int = 1_000
    request_seconds: float = 10.0
    min_token_chars: int = 16
    auth_failures: int = 10
    auth_window_seconds: float = 60.0
    store_idle_seconds: float = 60.0
    writer_poll_seconds: float = 0.1
    cache_bytes: int = 64_000_000
    cache_entry_bytes: int = 4_000_000


DEFAULT = ServerSettings()
