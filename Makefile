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

.PHONY: help install install-test lock audit demo worker serve serve-prod migrate test test-browser check lint typecheck clean test-tools bench bench-reader bench-images bench-admin

help:
	@echo "make demo   - set up, load demo content and serve http://$(HOST):$(PORT)/"
	@echo "make test   - set up and run the whole test suite"

$(PY):
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Every package comes from the lock files, each file checked against its pinned hash; the project
# itself is then installed without dependencies. Reinstall only when a lock file changes.
APP_LOCK := requirements/app.lock
TEST_LOCK := requirements/test.lock

$(VENV)/.installed: pyproject.toml $(APP_LOCK) | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r $(APP_LOCK)
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(TEST_LOCK) | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r $(TEST_LOCK)
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@ $(VENV)/.installed

# After changing the dependencies in pyproject.toml: pin them again, with hashes.
LOCK_OPTIONS := --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links
lock: install-test
	$(BIN)/pip-compile $(LOCK_OPTIONS) --output-file $(APP_LOCK) pyproject.toml
	$(BIN)/pip-compile $(LOCK_OPTIONS) --extra test --output-file $(TEST_LOCK) pyproject.toml

# Known vulnerabilities in the locked packages (pip-audit asks PyPI's JSON API); where that service
# cannot be reached, it says so and fails rather than pass without looking.
audit: install-test
	@mkdir -p var; $(BIN)/pip-audit --strict --disable-pip --require-hashes --requirement $(TEST_LOCK) --progress-spinner off 2>var/audit.log \
	  && echo "pip-audit: no known vulnerabilities in $(TEST_LOCK)" \
	  || { cat var/audit.log; if grep -qiE "connection|resolve|timed out|404|ServiceError|not found on PyPI" var/audit.log; then \
	       echo "pip-audit could not reach its vulnerability service from this machine: nothing was audited."; fi; exit 1; }

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

# Production on this machine: nginx on FRONT_PORT (8080) in front of gunicorn on APP_PORT (8001) and
# the worker, debug off; DATABASE_URL and REDIS_URL from the environment. See docs/deployment.md.
serve-prod: install
	$(PY) deploy/serve_prod.py

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

# Readers' pages through the front layer, the app with and without its page cache, and a static
# nginx as the limit, with 100,000 stories in PostgreSQL; then publish-to-visible times. Needs
# Debian's nginx and wrk. Writes the table to docs/performance.md (figures, not a test).
bench: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) benchmarks/front.py $(BENCH_ARGS)

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
