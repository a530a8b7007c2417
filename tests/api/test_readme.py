"""The README's Python examples run as written, against a store built from examples/."""
from __future__ import annotations

import re
from pathlib import Path

from newsgraph.ingest import ingest

ROOT = Path(__file__).resolve().parents[2]


def _python_blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Use it from Python"):]
    section = section[:section.index("\n## ", 3)]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def test_readme_has_examples():
    blocks = _python_blocks()
    assert len(blocks) >= 4 and any("add_pipe" in b for b in blocks) and any("to_pandas" in b for b in blocks)
    assert any("Curator" in b for b in blocks)


def test_readme_examples_run(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert ingest([str(ROOT / "examples")], "newsgraph.duckdb").failed == 0
    namespace: dict = {}
    for block in _python_blocks():
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - our own documentation
    out = capsys.readouterr().out
    assert "ASSAULT" in out
    quotes = namespace["quotes"]
    assert len(quotes) >= 1 and set(quotes["speaker_name"]) == {"Mark Rutte"}
    assert namespace["quote"].actor.name == "Mark Rutte"
    assert namespace["rutte"].actor.name == "Mark Rutte" and namespace["rutte"].articles == 3
    assert "<span" in namespace["html"]
