# The two quick-start commands: `make demo` and `make test` (see README). `make eval` is the eval gate.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint eval clean

$(BIN)/newsgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

setup: $(BIN)/newsgraph

demo: setup
	$(BIN)/newsgraph ingest examples/
	$(BIN)/newsgraph stats

lint: setup
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

test: lint
	bash scripts/ensure-chromium.sh
	$(BIN)/python -m pytest -q

# Recompute every development figure and fail when one falls more than 0.005 below its floor in
# eval_baseline.json (needs ../shared/eval-data or NEWSGRAPH_EVAL_DATA).
eval: setup
	$(BIN)/python -m newsgraph.eval.gate

clean:
	rm -rf $(VENV) newsgraph.duckdb
