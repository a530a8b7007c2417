"""The command line (typer): one module per command group, each a thin face over the core.

    ingest.py     extract, ingest, load, export, reindex (progress.py: the ingest progress bar)
    query.py      stats, actors, show, quotes, events, articles, search, types, relation, actor, labels, resolve
    curation.py   merge, split, alias add, rename, curation export/import, import-actors
    evaluate.py   eval quotes|events|actors|news
    serve.py      serve
    output.py     consoles, error lines, tables and JSON Lines; options.py, corpus.py: shared options, opening the store

Commands are registered here, in the order `newsgraph --help` lists them.
"""
from __future__ import annotations

import typer

from . import claims, curation, evaluate, ingest, query, serve

app = typer.Typer(help="newsgraph: who said what, about whom, and who did what to whom, when.",
                  no_args_is_help=True, add_completion=False)
eval_app = typer.Typer(help="Score newsgraph against public gold data.", no_args_is_help=True)
alias_app = typer.Typer(help="Aliases of actors (curation).", no_args_is_help=True)
curation_app = typer.Typer(help="Share curation as a small CSV (op,actor,actor_name,value).", no_args_is_help=True)

app.command()(ingest.extract)
app.command()(ingest.ingest)
app.command()(query.actors)
app.command()(query.show)
app.command()(query.stats)
app.command()(query.quotes)
app.command()(claims.claims)
app.command()(query.events)
app.command()(query.articles)
app.command()(query.search)
app.command()(query.types)
app.command()(query.relation)
app.command()(ingest.load)
app.command()(ingest.export)
app.command()(ingest.reindex)
app.command()(serve.serve)
app.command("actor")(query.actor)
app.command()(query.labels)
app.command()(query.resolve)
app.command()(curation.merge)
app.command()(curation.split)
app.command()(curation.rename)
app.command("import-actors")(curation.import_actors)

app.add_typer(eval_app, name="eval")
eval_app.command("quotes")(evaluate.eval_quotes)
eval_app.command("events")(evaluate.eval_events)
eval_app.command("actors")(evaluate.eval_actors)
eval_app.command("news")(evaluate.eval_news)
eval_app.command("claims")(evaluate.eval_claims)

app.add_typer(alias_app, name="alias")
alias_app.command("add")(curation.alias_add)

app.add_typer(curation_app, name="curation")
curation_app.command("export")(curation.curation_export)
curation_app.command("import")(curation.curation_import)


def main() -> None:
    """The `newsgraph` console script."""
    app()


__all__ = ["app", "main"]
