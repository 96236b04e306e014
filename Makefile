# Newsroom: `make demo` serves the site with demo content; `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Absolute links (canonical, Open Graph, feeds, sitemaps, e-mail) name the address being served.
NEWSROOM_BASE_URL ?= http://$(HOST):$(PORT)

BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_bench

.PHONY: help install install-test demo worker serve migrate test test-browser check lint typecheck clean test-tools bench-reader bench-images bench-admin

help:
	@echo "make demo   - set up, load demo content and serve http://$(HOST):$(PORT)/"
	@echo "make test   - set up and run the whole test suite"

$(PY):
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

migrate: install
	$(MANAGE) migrate --no-input

demo: migrate
	NEWSROOM_BASE_URL=$(NEWSROOM_BASE_URL) $(MANAGE) load_demo --admin
	@echo "Serving the newsroom at http://$(HOST):$(PORT)/ with a background worker (Ctrl-C stops both)"
	@trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	NEWSROOM_BASE_URL=$(NEWSROOM_BASE_URL) $(MANAGE) db_worker --no-reload --verbosity 0 & worker=$$!; \
	NEWSROOM_BASE_URL=$(NEWSROOM_BASE_URL) $(MANAGE) runserver $(HOST):$(PORT)

# The background worker alone (renditions, deliveries, polling); `make demo` starts one itself.
worker: migrate
	NEWSROOM_BASE_URL=$(NEWSROOM_BASE_URL) $(MANAGE) db_worker --no-reload

serve: migrate
	NEWSROOM_BASE_URL=$(NEWSROOM_BASE_URL) $(MANAGE) runserver $(HOST):$(PORT)

check: install-test
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

# Line and branch coverage of articles/ and newsroom/; below 90 % of lines the run fails.
test: install-test check
	$(PY) -m pytest --cov --cov-report=term $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint

typecheck: install-test
	$(BIN)/mypy

test-browser: install-test
	$(PY) -m pytest -m browser $(PYTEST_ARGS)

# The desk's article list with 100,000 articles in PostgreSQL: queries and milliseconds per variant.
bench-admin: install-test
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) benchmarks/admin_changelist.py $(BENCH_ARGS)

# The Nu HTML Checker and axe-core for the HTML and browser tests (.ci/run installs them too).
test-tools:
	test -f node_modules/vnu-jar/build/dist/vnu.jar -a -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund --ignore-scripts

# Queries, bytes and median render time of each reader page, uncached and from the page cache.
bench-reader: migrate
	$(MANAGE) load_demo
	$(MANAGE) bench_reader

# Time and peak memory to check a 24-megapixel JPEG and make all its renditions (figures, not a test).
bench-images: install
	$(PY) benchmarks/images.py

clean:
	rm -rf $(VENV) var/newsroom.sqlite3* .pytest_cache .coverage htmlcov
