"""A small store of hand-written articles for the list API: built with the store's own writer and
indexed for full-text search, no spaCy pass, so every count in the tests is known in advance."""
from __future__ import annotations

import duckdb
import pytest

from newsgraph import search, store
from newsgraph.model import Actor, Article, Event, Mention, Quote
from newsgraph.resolve.actors import actor_id

ORTIZ = Actor(actor_id("person:lena ortiz"), "Lena Ortiz", "PERSON", "ESP", ("Ortiz",))
BRANDT = Actor(actor_id("person:karl brandt"), "Karl Brandt", "PERSON", "DEU", ("Brandt",))
COUNCIL = Actor(actor_id("org:harbour council"), "Harbour Council", "ORG", None, ())
OUTLETS = ("harbor-times.example", "coastal-news.example")
#: (sentence, speaker, cue, content) of the quote each article opens with
QUOTE_LINES = [
    ("Lena Ortiz said the harbour bridge would reopen in spring.", ORTIZ, "said", "the harbour bridge would reopen in spring"),
    ("Karl Brandt said the ferry timetable was a disgrace.", BRANDT, "said", "the ferry timetable was a disgrace"),
    ("Lena Ortiz said the lighthouse repairs were finished.", ORTIZ, "said", "the lighthouse repairs were finished"),
]
ARTICLES = 12


def _article(i: int) -> Article:
    """Article i: a quote (one of QUOTE_LINES), then an event sentence: Brandt accuses or Ortiz aids the council."""
    sentence, speaker, cue, content = QUOTE_LINES[i % len(QUOTE_LINES)]
    if i % 2 == 0:
        second, etype, source, target, trigger = "Karl Brandt accused the Harbour Council of waste.", "ACCUSE", BRANDT, COUNCIL, "accused"
    else:
        second, etype, source, target, trigger = "Lena Ortiz gave the Harbour Council new boats.", "AID", ORTIZ, COUNCIL, "gave"
    text = f"{sentence} {second}"
    start = text.index(content)
    name = speaker.name
    e_start = len(sentence) + 1
    t_start = text.index(trigger, e_start)
    src_text, tgt_text = source.name, "Harbour Council"
    mentions = [Mention(speaker.id, 0, len(name), name),
                Mention(source.id, e_start, e_start + len(src_text), src_text),
                Mention(target.id, text.index(tgt_text), text.index(tgt_text) + len(tgt_text), tgt_text)]
    quote = Quote(speaker.id, name, 0, len(name), cue, len(name) + 1, len(name) + 1 + len(cue), content, start,
                  start + len(content), "indirect")
    event = Event(etype, None, source.id, target.id, trigger, t_start, t_start + len(trigger), e_start, len(text),
                  "reported" if i % 3 == 0 else "asserted")
    return Article(id=f"harbour-{i:02d}", source=f"harbour-{i:02d}.txt", date=f"2024-05-{i + 1:02d}",
                   title=f"Harbour report {i}", text=text, outlet=OUTLETS[i % 2],
                   actors=sorted({speaker, source, target}, key=lambda a: a.id), mentions=mentions,
                   quotes=[quote], events=[event])


def build(db: str) -> None:
    """Write the articles, give events and quotes of article i a confidence of 0.05 * i, call the quotes of
    articles 0-3 anonymous (adding the columns a store of this version may not have yet), index them."""
    store.write_articles(db, [_article(i) for i in range(ARTICLES)])
    with duckdb.connect(db) as con:
        for table in ("events", "quotes"):
            con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS confidence DOUBLE")
            con.execute(f"UPDATE {table} SET confidence = CAST(substr(article_id, 9) AS INTEGER) * 0.05")
        con.execute("ALTER TABLE quotes ADD COLUMN IF NOT EXISTS anonymous BOOLEAN")
        con.execute("UPDATE quotes SET anonymous = CAST(substr(article_id, 9) AS INTEGER) < 4")
        search.sync(con)


@pytest.fixture(scope="session")
def harbour_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("harbour") / "harbour.duckdb")
    build(db)
    return db
