"""The README's glossary is exactly what `newsgraph.vocabulary.format_glossary` prints, so the two stay in step."""

from pathlib import Path

from newsgraph.vocabulary import format_glossary

ROOT = Path(__file__).resolve().parents[1]


def test_readme_holds_the_generated_glossary():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    glossary = format_glossary().strip("\n")
    assert f"## Glossary\n\n{glossary}\n" in readme, (
        "README's glossary differs from format_glossary(); regenerate it with "
        "`.venv/bin/python -c \"from newsgraph.vocabulary import format_glossary; print(format_glossary())\"`"
    )
