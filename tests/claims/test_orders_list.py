"""`scripts/claims-orders.py --diagnose --list`: the quotes of several gold claims and the gold links no quote
holds are listed for the dev part of a set only (every fifth file is held out and its errors never read)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "claims-orders.py"
TWO_CLAIMS = "the ferry will run again on Monday and that fares will be halved"


@pytest.fixture(scope="module")
def orders() -> ModuleType:
    spec = importlib.util.spec_from_file_location("claims_orders", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _link(prefix: str, claim: str, speaker: str | None = "Port Authority") -> dict[str, object]:
    return {"prefix": prefix, "claim": claim, "speaker": speaker}


def _set(root: Path) -> list[dict[str, object]]:
    """Five files: the first four are the dev part, the fifth is held out; each file's one quote holds K1
    and K2, and each gold row also links K3 to words no quote holds."""
    rows, articles = [], []
    for i in range(1, 6):
        name = f"{i:02d}-outlet.txt"
        rows.append({"file": name, "claims": ["K1", "K2", "K3"],
                     "claim_links": [_link("the ferry will run again", "K1"), _link("fares will be halved", "K2"),
                                     _link("the harbour master resigned", "K3", None)]})
        articles.append({"source": str(root / name), "quotes": [{"text": TWO_CLAIMS}]})
    (root / "gold.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return articles


def test_dev_part_quotes_of_several_claims_are_listed(orders, tmp_path) -> None:
    lines = orders.listed(_set(tmp_path), tmp_path)
    several = [line for line in lines if "K1+K2" in line]
    assert len(several) == 4
    assert all(TWO_CLAIMS in line for line in several)


def test_links_no_quote_holds_are_listed_as_narrated(orders, tmp_path) -> None:
    lines = orders.listed(_set(tmp_path), tmp_path)
    unheld = [line for line in lines if " K3 " in line]
    assert len(unheld) == 4
    assert all("narrated: the harbour master" in line for line in unheld)


def test_the_held_out_file_is_never_listed(orders, tmp_path) -> None:
    lines = orders.listed(_set(tmp_path), tmp_path)
    assert not any("05-outlet.txt" in line for line in lines)
    assert lines[0].endswith(": 4")
