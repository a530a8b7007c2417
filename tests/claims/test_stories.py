"""Story clusters: coverage of one story by different outlets joins; other stories and copies behave."""
from __future__ import annotations

from newsgraph.claims import StoryArticle, StoryIndex

FLOOD = ("Floods in the river valley forced thousands of residents to leave their homes on Monday as the "
         "river burst its banks after a week of heavy rain. Rescue teams used boats to reach villages cut off "
         "by the water, and the regional governor declared a state of emergency in the valley.")
FLOOD_OTHER = ("A state of emergency was declared by the governor of the region after the river burst its "
               "banks. Thousands of residents of the valley fled rising water, while rescuers in boats reached "
               "villages that the floods had cut off after days of heavy rain.")
ELECTION = ("The opposition won the mayoral election in the capital by a wide margin, according to official "
            "results published on Monday. Turnout rose compared with the last vote, and the outgoing mayor "
            "conceded defeat in a short speech to supporters at the party headquarters.")
TRADE = ("Exports of cars fell for the third month in a row as demand in foreign markets weakened, the "
         "statistics office said. Carmakers blamed higher tariffs and the strong currency for the decline in "
         "shipments, and several plants announced shorter working weeks.")


def _articles() -> list[StoryArticle]:
    return [StoryArticle("a1", FLOOD, "2024-09-02", actors=("region:valley",)),
            StoryArticle("a2", ELECTION, "2024-09-02"),
            StoryArticle("a3", TRADE, "2024-09-02"),
            StoryArticle("a4", FLOOD_OTHER, "2024-09-03", actors=("region:valley",))]


def test_coverage_of_one_story_joins():
    assigned, _ = StoryIndex().add(_articles())
    assert assigned["a1"] == assigned["a4"]


def test_other_stories_stay_apart():
    assigned, _ = StoryIndex().add(_articles())
    assert len({assigned["a1"], assigned["a2"], assigned["a3"]}) == 3


def test_a_syndicated_copy_joins_its_first_copys_story():
    index = StoryIndex()
    first, _ = index.add([StoryArticle("a1", FLOOD, "2024-09-02")])
    copy, _ = index.add([StoryArticle("a9", "completely different words about a local fair", "2024-09-02", story="a1")])
    assert copy["a9"] == first["a1"]


def test_a_later_batch_joins_stored_stories_and_rows_rebuild_the_index():
    articles = _articles()
    index = StoryIndex()
    first, _ = index.add(articles[:3])
    rebuilt = StoryIndex.from_rows(index.to_rows())
    second, rows = rebuilt.add(articles[3:])
    assert second["a4"] == first["a1"]
    assert [m.article_id for m in rows.members] == ["a4"] and rows.counts_are_increments


def test_the_same_story_months_later_is_a_new_story():
    index = StoryIndex()
    first, _ = index.add([StoryArticle("a1", FLOOD, "2024-09-02")])
    later, _ = index.add([StoryArticle("a4", FLOOD_OTHER, "2024-12-02")])
    assert later["a4"] != first["a1"]
