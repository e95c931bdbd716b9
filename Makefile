# Two commands set everything up on a fresh machine: `make site` and `make test`.
SHELL := /bin/bash
# Python 3.12 when the machine has it (also through pyenv): spaCy's wheels for older Pythons are
# compiled with profiling hooks that take the GIL twice per parser-state call, about a third of
# ingest's CPU (same briefings). An existing .venv keeps its Python: `rm -rf .venv` to switch.
PY312 := $(shell for p in python3.12 "$$(pyenv root 2>/dev/null)/versions/$$(pyenv latest 3.12 2>/dev/null)/bin/python3.12" $(HOME)/.pyenv/versions/3.12*/bin/python3.12; do "$$p" -c 'import sys; print(sys.executable)' 2>/dev/null && break; done)
PYTHON ?= $(or $(PY312),python3)
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
	$(BIN)/python -m briefbook.bench.adversarial
	$(BIN)/python scripts/bench.py --pagefind

clean-site:
	rm -rf site
