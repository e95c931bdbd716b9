# Two commands set everything up on a fresh machine: `make site` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve ingest eval bench lint check clean-site

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

ingest: $(STAMP)
	$(BIN)/briefbook ingest seeds --out briefings

site: ingest
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload --dirty

lint: $(STAMP)
	$(BIN)/ruff check .

check: $(STAMP)
	$(BIN)/briefbook check briefings

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/briefbook check briefings
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/python scripts/eval.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean-site:
	rm -rf site
