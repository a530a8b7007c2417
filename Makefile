# The two quick-start commands: `make demo` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test clean

$(BIN)/newsgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

setup: $(BIN)/newsgraph

demo: setup
	$(BIN)/newsgraph ingest examples/
	$(BIN)/newsgraph stats

test: setup
	bash scripts/ensure-chromium.sh
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) newsgraph.duckdb
