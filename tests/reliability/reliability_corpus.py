"""A small corpus (written for these tests) whose store depends on the order articles are seen in,
if anything does: dates out of input order, undated articles, an office held by two people in turn
and bare descriptions of it, syndicated copies, one claim reported by several outlets, repeated JSON
Lines ids and URLs.

Every sentence here is invented; names and places are fictional.
"""
from __future__ import annotations

import json
from pathlib import Path

from newsgraph import query
from newsgraph.export import export_jsonl

# (date or None, outlet, text); the order is the input order
ARTICLES: list[tuple[str | None, str, str]] = [
    ("2023-05-10", "varno-post.example", "Zembla League President Kari Holm opened the trade fair in Varno on Tuesday. "
     "\"The fair will bring record crowds to the harbour,\" Holm told reporters."),
    ("2021-03-02", "north-wire.example", "The Zembla League president cancelled the spring fair, officials said. "
     "Farmers in Ostrava protested against the decision on Monday."),
    ("2019-04-01", "varno-post.example", "Zembla League President Ola Nordmann signed a trade agreement with Karelia. "
     "Nordmann said the agreement would lower tariffs on grain."),
    ("2022-08-15", "harbour-news.example", "The Zembla League president met fishermen in Portvale on Monday. "
     "The fishermen demanded new quotas from the ministry."),
    ("2024-01-20", "north-wire.example", "Karelia accused Ostravia of violating the border agreement, "
     "Foreign Minister Lena Aho said on Saturday. Aho said Karelia would close the border crossing at Tamm."),
    ("2024-01-21", "east-daily.example", "Karelia accused Ostravia of violating the border agreement, "
     "Foreign Minister Lena Aho said on Saturday. Aho said Karelia would close the border crossing at Tamm "
     "within days."),
    ("2024-01-19", "harbour-news.example", "Ostravian Prime Minister Jonas Berg rejected the accusation. "
     "\"We have respected every line of the agreement,\" Berg said in a televised address."),
    (None, "blog.example", "Lena Aho said Karelia would close the border crossing at Tamm. "
     "Traders in Tamm said the closure would ruin the market."),
    ("2024-02-02", "east-daily.example", "Karelian troops moved toward the border near Tamm, the defence ministry said. "
     "Ostravia condemned the deployment and recalled its ambassador."),
    ("2024-02-01", "varno-post.example", "The Zembla League sent food aid to refugees in Tamm. "
     "Kari Holm said the League would send more aid next week."),
    ("2024-01-25", "north-wire.example", "Jonas Berg said Ostravia had respected every line of the agreement. "
     "Berg urged Karelia to return to talks in Varno."),
    ("2023-11-30", "harbour-news.example", "The Karelian foreign minister warned Ostravia against new tariffs. "
     "Ostravia said the tariffs would protect its farmers."),
    ("2022-06-01", "east-daily.example", "Karelian Foreign Minister Mikko Salo visited Varno to discuss grain exports. "
     "Salo praised the Zembla League for its help."),
    (None, "blog.example", "The Karelian foreign minister criticised the Zembla League for its silence. "
     "Critics said the League had failed the refugees."),
    ("2024-03-05", "varno-post.example", "Ostravia and Karelia agreed to reopen the crossing at Tamm after talks in Varno. "
     "\"This is a good day for both our peoples,\" Lena Aho said."),
    ("2024-03-04", "north-wire.example", "Negotiators from Ostravia and Karelia met in Varno for a second day. "
     "Kari Holm said the talks were making progress."),
    ("2024-03-06", "east-daily.example", "Ostravia and Karelia agreed to reopen the crossing at Tamm after talks in Varno. "
     "\"This is a good day for both our peoples,\" Lena Aho said on Wednesday."),
    ("2020-10-10", "harbour-news.example", "The Zembla League president praised fishermen in Portvale for their work. "
     "The ministry promised new quotas."),
    ("2024-04-12", "north-wire.example", "Jonas Berg said Ostravia would never accept new tariffs from Karelia. "
     "Farmers in Ostrava welcomed his remarks."),
    ("2024-04-11", "varno-post.example", "Lena Aho said Karelia would impose new tariffs on Ostravian steel. "
     "Berg called the tariffs an act of economic aggression."),
]

# Two JSON Lines records sharing an `id` with different texts, and two sharing a URL
JSONL_RECORDS: list[dict[str, str]] = [
    {"id": "wire-7", "date": "2024-05-02", "url": "https://wire.example/7", "outlet": "wire.example",
     "text": "The mayor of Lakeside opened a new bridge on Tuesday. Residents cheered the mayor."},
    {"id": "wire-8", "date": "2024-05-03", "url": "https://wire.example/latest", "outlet": "wire.example",
     "text": "The council of Hillview approved a budget on Friday. Teachers protested outside the hall."},
    {"id": "wire-7", "date": "2024-05-04", "url": "https://wire.example/7b", "outlet": "wire.example",
     "text": "Fishermen in Portvale demanded new quotas from the ministry on Monday."},
    {"id": "wire-9", "date": "2024-05-05", "url": "https://wire.example/latest", "outlet": "wire.example",
     "text": "The port of Varno reopened after a strike by dock workers ended on Sunday."},
]


def write_corpus(folder: Path, articles: list[tuple[str | None, str, str]] | None = None,
                 records: list[dict[str, str]] | None = None, prefix: str = "art") -> Path:
    """The corpus as one JSON Lines file (input order = line order) under `folder`, ids `<prefix>-NN`;
    returns the file."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [{"id": f"{prefix}-{i:02d}", "date": date, "outlet": outlet, "url": f"https://{outlet}/{prefix}/{i}", "text": text}
             for i, (date, outlet, text) in enumerate(ARTICLES if articles is None else articles)]
    for line in lines:
        if line["date"] is None:
            del line["date"]
    lines += JSONL_RECORDS if records is None else records
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def exported(db: str) -> str:
    """The store as `newsgraph export --format jsonl` writes it (sorted, every list in a stable order):
    two stores hold the same when these texts are equal, byte for byte."""
    out = Path(f"{db}.export.jsonl")
    with query.open(db) as corpus:
        export_jsonl(corpus, str(out))
    return out.read_text(encoding="utf-8")
