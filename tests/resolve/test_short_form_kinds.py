"""Short forms take back only an actor of their kind (data/short_forms.tsv): "the party" a party."""
from __future__ import annotations

import pytest
from resolve_helpers import actor_name


@pytest.mark.parametrize("text, short, party", [
    ("The Green Party met in Leeds, weeks before the Treasury review. The party said fuel duty must rise.",
     "The party", "Green Party"),
    ("Reform UK gathered on Friday as Microsoft reported its results. The party said taxes were too high.",
     "The party", "Reform UK"),
])
def test_the_party_is_a_party_not_the_nearer_organization(analyze_text, text, short, party):
    assert actor_name(analyze_text(text, "2025-10-01"), short) == party


def test_the_party_without_a_party_stays_open(analyze_text):
    a = analyze_text("Microsoft reported its results on Monday. The party said taxes were too high.", "2025-10-01")
    assert actor_name(a, "The party") != "Microsoft"
