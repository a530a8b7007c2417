"""`python -m newsgraph.cli ...`, as the tests and benchmarks run it in a subprocess."""
from __future__ import annotations

from . import main

main()
