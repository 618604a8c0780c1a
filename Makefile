# Every target creates .venv on first use and installs what it needs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SPHINXOPTS ?= -W --keep-going -n
STAMPS := $(VENV)/.stamps

.PHONY: html test lint bench clean help

help:
	@echo "make html   - build the documentation into _build/html"
	@echo "make test   - run the test suite"
	@echo "make lint   - ruff and mypy --strict"
	@echo "make bench  - benchmarks (downloads SQLAlchemy's sdist into a cache)"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMPS)/%: pyproject.toml | $(PY)
	@mkdir -p $(STAMPS)
	$(PY) -m pip install --quiet -e ".[$*]"
	@touch $@

html: $(STAMPS)/docs
	$(PY) -m sphinx -b html $(SPHINXOPTS) -c . docs _build/html

test: $(STAMPS)/test
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMPS)/lint
	$(PY) -m ruff check ext tests
	$(PY) -m ruff format --check ext tests
	$(PY) -m mypy

clean:
	rm -rf _build .pytest_cache

.PHONY: bench-cli
bench: bench-cli
bench-cli: $(STAMPS)/test
	$(PY) bench/bench_cli_check.py
