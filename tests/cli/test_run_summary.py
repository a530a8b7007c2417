"""RunSummary, the one record of an ingest, an extract and a load, and RunTally, what a run counts into.

The printed lines are the ones `newsgraph ingest`, `extract --out` and `load` printed before the
three summary classes became one; test_cli.py pins them end to end.
"""
from __future__ import annotations

import dataclasses

import pytest
import typer

from newsgraph.cli.output import report_run
from newsgraph.errors import InputError, ShardError
from newsgraph.model import Article
from newsgraph.readers import ReadStats
from newsgraph.summary import RunSummary, RunTally


def test_ingest_line_counts_read_stored_skipped_failed():
    summary = RunSummary("ingest", read=5, stored=3, skipped=1, failed=1)
    assert summary.line() == "read 5, stored 3, skipped 1 (already present), failed 1"


def test_ingest_line_names_copies_and_articles_kept_beside_another_text():
    summary = RunSummary("ingest", read=4, stored=4, copies=1, kept_beside=2)
    assert summary.line() == ("read 4, stored 4, skipped 0 (already present), failed 0, 1 syndicated copies linked "
                              "to a story, 2 kept beside another text of the same id or URL (see warnings)")


def test_shards_line_counts_the_shards_written():
    summary = RunSummary("shards", read=3, stored=2, skipped=1, failed=1,
                         shards={"000000": {"articles": 1}, "000001": {"articles": 1}})
    assert summary.line() == ("read 3, wrote 2 article(s) in 2 shard(s), skipped 1 duplicate(s), "
                              "0 syndicated copies linked, failed 1")


def test_load_line_counts_shards_loaded_of_all_and_refused():
    summary = RunSummary("load", stored=4, skipped=2, failed=1, shards={"000000": {"articles": 4, "present": 2}})
    assert summary.line() == "1 of 2 shard(s) loaded: 4 new article(s), 2 already present, 1 shard(s) refused"


def test_extract_line_says_what_was_printed_once():
    summary = RunSummary("extract", skipped=1, copies=2)
    assert summary.line() == "1 exact duplicate(s) printed once, 2 syndicated copies linked to a story"


def test_a_load_keeps_its_old_attribute_names():
    summary = RunSummary("load", stored=4, skipped=2, shards={"a": {"articles": 4, "present": 2}})
    assert (summary.loaded, summary.articles, summary.present) == (1, 4, 2)


def test_a_summary_cannot_be_changed():
    summary = RunSummary("ingest", read=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        summary.read = 2  # type: ignore[misc]


def test_a_summary_does_not_follow_its_tally_after_the_run():
    tally = RunTally()
    tally.shards["000000"] = {"articles": 1}
    summary = tally.summary("shards")
    tally.shards["000000"]["articles"] = 9
    tally.read = 9
    assert summary.shards == {"000000": {"articles": 1}} and summary.read == 0


def test_tally_fail_counts_keeps_and_passes_on_the_error():
    tally, seen = RunTally(), []
    error = InputError("broken.txt", "empty file")
    tally.fail(error, seen.append)
    summary = tally.summary("ingest")
    assert (summary.failed, summary.errors, seen) == (1, (error,), [error])


def test_tally_take_counts_what_the_copy_linker_did_and_passes_on_its_warnings():
    tally, seen = RunTally(), []
    tally.take(2, 1, ["a.txt: kept beside another text of its URL"], seen.append)
    summary = tally.summary("ingest")
    assert (summary.skipped, summary.copies, summary.kept_beside) == (2, 1, 1)
    assert summary.warnings == ("a.txt: kept beside another text of its URL",) and seen == list(summary.warnings)


def test_tally_summary_measures_seconds_since_the_tally_was_made():
    tally = RunTally(started=0.0)
    assert tally.summary("ingest").seconds > 0


def test_report_run_prints_the_line_with_seconds_rate_and_target(capsys):
    report_run(RunSummary("ingest", read=6, stored=6, seconds=2.0), "store.duckdb")
    assert capsys.readouterr().out.strip() == ("read 6, stored 6, skipped 0 (already present), failed 0 in 2.0s "
                                               "(3.0 articles/s) -> store.duckdb")


def test_report_run_of_a_load_prints_no_rate(capsys):
    report_run(RunSummary("load", stored=1, shards={"s": {"articles": 1, "present": 0}}, seconds=0.5), "x.duckdb")
    assert capsys.readouterr().out.strip() == ("1 of 1 shard(s) loaded: 1 new article(s), 0 already present, "
                                               "0 shard(s) refused in 0.5s -> x.duckdb")


def test_report_run_warns_of_undated_articles(capsys):
    stats = ReadStats()
    stats.undated = 2
    report_run(RunSummary("ingest", read=2, stored=2), "x.duckdb", stats=stats)
    assert "warning: 2 article(s) have no date line" in capsys.readouterr().err


def test_report_run_exits_1_when_a_shard_was_refused():
    summary = RunSummary("load", failed=1, errors=(ShardError("000000", "truncated"),))
    with pytest.raises(typer.Exit) as info:
        report_run(summary, "x.duckdb")
    assert info.value.exit_code == 1


def _article(n: int) -> Article:
    return Article(id=f"a{n}", source=f"a{n}.txt", date="2024-05-06", title=None, text=f"Minister {n} spoke in Lisbon.")


def test_tally_batches_cut_the_input_and_count_articles_and_errors():
    tally, seen = RunTally(), []
    error = InputError("empty.txt", "empty file")
    batches = list(tally.batches([_article(1), error, _article(2), _article(3)], 2, seen.append))
    assert [[a.id for a in b] for b in batches] == [["a1", "a2"], ["a3"]]
    assert (tally.read, tally.failed, seen) == (3, 1, [error])


def test_tally_batches_stop_at_the_limit():
    tally = RunTally()
    batches = list(tally.batches([_article(n) for n in range(5)], 10, lambda e: None, limit=2))
    assert [len(b) for b in batches] == [2] and tally.read == 2
