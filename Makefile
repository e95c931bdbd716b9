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

.PHONY: help site test test-all serve ingest eval bench lint check clean-site

# `make help`: the targets with a `## ` comment, in this order.
help:
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 18

# The venv's own pip first: the one Python ships (23.2 with 3.12) does not read `lxml[html_clean]`
# (jusText's) as lxml's `html-clean` extra and warns on every install; pip 25.3 normalises it.
PIP := pip==25.3

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check $(PIP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

ingest: $(STAMP) ## articles in seeds/ become briefings in briefings/ (only what changed)
	$(BIN)/briefbook ingest seeds --briefings briefings

site: ingest ## ingest, then build site/ with --strict (the first run installs .venv: 3-6 min)
	$(BIN)/mkdocs build --strict

# `make serve PORT=8001` for another port. Strict like `make site`: a rebuild that fails says why in
# the terminal and on the page, and the server goes on (site/serve.py). seeds/ is watched too: a new
# or changed article is ingested. --dirty rebuilds only the pages whose content changed.
PORT ?= 8000
serve: $(STAMP) ## the site on http://127.0.0.1:8000 (PORT=8001 for another), rebuilt on every edit of briefings/, seeds/, registry.yml
	$(BIN)/mkdocs serve --livereload --dirty --dev-addr 127.0.0.1:$(PORT)

lint: $(STAMP) ## ruff
	$(BIN)/ruff check .

check: $(STAMP) ## briefbook check: every briefing and registry.yml validated
	$(BIN)/briefbook check briefings

# `make test TESTS=tests/test_ingest.py` runs some of the tests (all of them by default).
# `make test` builds the browser tests' site of volume from 36 of the 181 benchmark pages;
# `make test-all` (what CI runs) from all of them. Neither runs a wall-clock test (`make bench`).
# scripts/test.py runs the test files in two groups at once on two cores (plain pytest for TESTS=...).
TESTS ?=
VOLUME_PAGES ?= 36
test: $(STAMP) ## ruff, briefbook check, the tests (site of volume on a sample: about 2 min on 2 cores)
	$(BIN)/ruff check .
	$(BIN)/briefbook check briefings
	BRIEFBOOK_VOLUME_PAGES=$(VOLUME_PAGES) $(BIN)/python scripts/test.py -m "not speed" $(TESTS)

test-all: VOLUME_PAGES = all
test-all: test ## make test with the whole site of volume (181 pages): what CI runs

# `make eval EVAL_ARGS=--train` adds PolNeAR's and CoNLL-2003's train splits (when converted beside the checkout)
EVAL_ARGS ?=
eval: $(STAMP) ## quality against the annotated articles and benchmarks: docs/quality.md
	$(BIN)/python scripts/eval.py $(EVAL_ARGS)

bench: $(STAMP) ## speed at 100 to 10,000 articles and the wall-clock tests: docs/benchmarks.md
	$(BIN)/python -m pytest -m speed
	$(BIN)/python -m tools.bench.adversarial
	$(BIN)/python scripts/bench.py --pagefind

clean-site: ## remove site/
	rm -rf site
