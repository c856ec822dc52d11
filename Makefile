# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
SHELL := /bin/bash

.PHONY: run test lint format messages install clean bench backup restore load-test fault-test guide-screenshots

# Re-install only when the dependencies change.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[test]"
	@touch $@

install: $(VENV)/.installed

messages: install
	$(PY) manage.py compile_translations

run: install messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_seed_content
	$(PY) manage.py setup_groups --verbosity 0
	$(PY) manage.py ensure_local_admin
	$(PY) manage.py set_site_address http://127.0.0.1:$(PORT)
	$(PY) manage.py collectstatic --noinput --verbosity 0
	@echo "Serving the ICSSI site on http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	@echo "Background tasks (emails, search index, image sizes): a worker runs beside it."
	@# The worker stops with the server (Ctrl-C), finishing the task in hand first.
	$(PY) manage.py task_worker --verbosity 0 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	  $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The whole suite; its output is also kept in .ci/last-pytest.log for CI.
test: install messages
	@mkdir -p .ci
	$(PY) -m pytest $(PYTEST_ARGS) 2>&1 | tee .ci/last-pytest.log; exit $${PIPESTATUS[0]}

# The screenshots of the editors' and translators' guides (docs/guides/screenshots/),
# taken anew by the browser test that checks the guides against the screens.
guide-screenshots: install messages
	UPDATE_GUIDE_SCREENSHOTS=1 $(PY) -m pytest tests/browser/test_guide_screenshots.py

# Figures, not pass/fail: queries, HTML size and Lighthouse scores (docs/performance.md).
bench: install messages
	$(PY) manage.py bench

# Reliability (docs/reliability.md): load-test on the shared PostgreSQL/Redis (its own
# database and Redis db, see --database-url/--redis-url); fault-test starts its own servers.
load-test: install messages
	$(PY) manage.py reliability load

fault-test: install messages
	$(PY) manage.py reliability faults

# The database and uploaded files in one archive (backups/), and back again.
backup: install
	$(PY) manage.py backup $(if $(FILE),--output $(FILE),)

restore: install
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/icssi-....tar.gz"; exit 2; }
	$(PY) manage.py restore "$(FILE)"

lint: install
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $$(git ls-files '*.html')

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $$(git ls-files '*.html')

clean:
	rm -rf $(VENV) collected_static media db.sqlite3
