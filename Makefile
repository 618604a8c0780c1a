# Every target creates .venv on first use and installs what it needs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SPHINXOPTS ?= -W --keep-going -n
STAMPS := $(VENV)/.stamps

.PHONY: html test lint bench test-matrix clean help screenshots

help:
	@echo "make html   - build the documentation into _build/html"
	@echo "make test   - run the test suite (2 pytest workers; PYTEST_WORKERS=0: one)"
	@echo "make lint   - ruff and mypy --strict"
	@echo "make bench  - benchmarks (downloads SQLAlchemy's and Alembic's sdists into a cache)"
	@echo "make test-matrix - the tests on Sphinx 7.4, 8.1, 8.2 (py3.11) and 9.x (py3.12, 3.13)"
	@echo "make screenshots - retake the before/after pictures of the docs' landing page"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMPS)/%: pyproject.toml | $(PY)
	@mkdir -p $(STAMPS)
	$(PY) -m pip install --quiet -e ".[$*]"
	@touch $@

html: $(STAMPS)/docs
	$(PY) -m sphinx -b html $(SPHINXOPTS) -c . docs _build/html

# pytest-xdist workers (0: one process); PYTEST_ARGS adds pytest options.
PYTEST_WORKERS ?= 2

test: $(STAMPS)/test $(STAMPS)/docs
	bash .ci/ensure-chromium
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

screenshots: $(STAMPS)/test $(STAMPS)/docs
	bash .ci/ensure-chromium
	$(PY) docs/_tools/screenshots.py

lint: $(STAMPS)/lint
	$(PY) -m ruff check ext tests
	$(PY) -m ruff format --check ext tests
	$(PY) -m mypy

# Benchmarks get their own venv: zzzeeksphinx pins the Sphinx line they run on.
BENCH_VENV ?= .venv-bench
$(BENCH_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet -e ".[bench]"
	@touch $@

# Every bench/bench_*.py but the bench_cli_*.py ones, which bench-cli runs in .venv.
bench: $(BENCH_VENV)/.installed
	$(BENCH_VENV)/bin/python bench/run.py --exclude cli_check --exclude cli_scale $(BENCH)

test-matrix:
	$(PYTHON) .ci/test_matrix.py $(MATRIX_ARGS)

clean:
	rm -rf _build .pytest_cache

.PHONY: bench-cli
bench: bench-cli
bench-cli: $(STAMPS)/test
	$(PY) bench/bench_cli_check.py
	$(PY) bench/bench_cli_scale.py
