# The two commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# Parallel test workers (pytest-xdist); 2 suits the 2-core CI machine.
JOBS ?= 2

.PHONY: run dev test install install-dev install-test-tools lint format catalogues prod-check bench bench-scale backup restore screenshots

$(VENV)/.runtime: requirements.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt constraints.txt
	$(PIP) install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

# Test-only tools from npm, pinned in package-lock.json: the Nu Html Checker (vnu-jar),
# axe-core and Lighthouse (driven against Debian's chromium). --ignore-scripts: vnu-jar's postinstall would download a Java runtime; we use the
# system's (default-jre-headless). Nothing from node_modules is ever served.
# Without npm the step is skipped with a note: the browser tests then skip locally and fail in CI.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --ignore-scripts --no-audit --no-fund && touch $@; \
	else \
		echo "npm not found: axe-core, vnu and lighthouse are not installed; browser tests will skip (CI installs npm)."; \
	fi

install-test-tools: node_modules/.installed

catalogues: $(VENV)/.runtime
	$(PY) manage.py compile_catalogues

# The site as readers get it, on SQLite with the demo content, at http://127.0.0.1:8000/: DEBUG off,
# the site's own error pages, production middleware and headers, static files through WhiteNoise,
# media served with safe headers, gunicorn, and the scheduled-publishing runner in the background
# (deploy/run-local with nexus_cms.settings.local; state in var/, a generated secret included).
run: install
	PYTHON=$(PY) HOST=$(HOST) PORT=$(PORT) deploy/run-local

# Development: runserver with DEBUG and auto-reload (nexus_cms.settings.dev), same demo content.
dev: install catalogues
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py publish_scheduled_locked --every 60 & runner=$$!; \
	trap 'kill $$runner' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# Style, templates, the architecture (layers, no circles: import-linter) and requirements in step
# with imports (deptry); the contracts and rules live in pyproject.toml.
lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates
	$(VENV)/bin/lint-imports
	$(VENV)/bin/deptry .

format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml templates

# Install the test dependencies, lint, and run the whole suite (SQLite unless DATABASE_URL is set).
# The browser tests (tests/browser/) need Debian's chromium and a Java runtime (.ci/run installs
# both); without them they are skipped locally and fail when CI=true.
test: install-dev install-test-tools catalogues lint
	$(VENV)/bin/pytest -n $(JOBS) $(PYTEST_ARGS)

# The production stack on this machine: gunicorn with nexus_cms.settings.production behind a real
# nginx (Debian's package; installed when missing and root), the demo content in a temp dir on
# 127.0.0.1, driven by tests/test_prod_stack.py: pages, static, media, 404, headers, the path
# prefix, every scheduled job. `deploy/prod-check` alone serves the stack until Ctrl-C.
prod-check: install-dev
	NEXUS_PROD_CHECK=1 $(VENV)/bin/pytest -p no:xdist -q tests/test_prod_stack.py

# The production stack under load (benchmarks/http_stack.py): deploy/prod-check's stack with the
# demo content, wrk (Debian's package) at concurrency 8 and 64 against seven pages, a static file
# from gunicorn + WhiteNoise and from nginx as references, plus queries and CPU ms per render.
# BENCH_DURATION (s per run, 10), BENCH_OUTPUT (JSON file), BENCH_VARNISH=1 (Varnish in front too),
# BENCH_DATABASE_URL (PostgreSQL instead of a temp SQLite file). About five minutes on an idle
# machine; longer when other jobs load it (the ratios stay comparable).
bench: install
	PYTHON=$(abspath $(PY)) $(PY) benchmarks/http_stack.py

# The same against a PostgreSQL database filled by `manage.py load_scale` (10 000 news pages,
# 1 000 trainings, 2 000 press releases; filled once, reused while it holds them).
BENCH_SCALE_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/nexus_bench_scale
bench-scale: install
	BENCH_SCALE=1 BENCH_DATABASE_URL=$(BENCH_SCALE_DATABASE_URL) PYTHON=$(abspath $(PY)) $(PY) benchmarks/http_stack.py

# The home page at 375 and 1280 px in Swedish and Arabic into docs/screenshots/ (linked from the
# README): the demo served by deploy/run-local from a throwaway folder, Debian's chromium.
screenshots: install-dev
	$(PY) scripts/screenshots.py

# Database and media into NEXUS_BACKUP_DIR (var/backups by default), and back (docs/operations.md).
# They use the settings of the environment: on a server export DJANGO_SETTINGS_MODULE and the
# variables of /etc/nexus/nexus.env first. restore refuses a database with content unless
# RESTORE_ARGS=--force.
backup: install
	$(PY) manage.py backup

restore: install
	$(PY) manage.py restore $(RESTORE_ARGS)
