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

# The venv's own pip first: the one Python ships (23.2 with 3.12) does not read `lxml[html_clean]`
# (jusText's) as lxml's `html-clean` extra and warns on every install; pip 25.3 normalises it.
PIP := pip==25.3

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check $(PIP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

ingest: $(STAMP)
	$(BIN)/briefbook ingest seeds --briefings briefings

site: ingest
	$(BIN)/mkdocs build --strict

# `make serve PORT=8001` for another port. Strict like `make site`: a rebuild with a warning keeps
# the last good site and prints why. --dirty rebuilds only the pages whose content changed.
PORT ?= 8000
serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload --dirty --dev-addr 127.0.0.1:$(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .

check: $(STAMP)
	$(BIN)/briefbook check briefings

# `make test TESTS=tests/test_ingest.py` runs some of the tests (all of them by default).
TESTS ?=
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/briefbook check briefings
	$(BIN)/python -m pytest -m "not speed" $(TESTS)

EVAL_ARGS ?=
eval: $(STAMP)
	$(BIN)/python scripts/eval.py $(EVAL_ARGS)

bench: $(STAMP)
	$(BIN)/python -m pytest -m speed
	$(BIN)/python -m tools.bench.adversarial
	$(BIN)/python scripts/bench.py --pagefind

clean-site:
	rm -rf site
