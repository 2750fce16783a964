# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PRODUCTION := DJANGO_SETTINGS_MODULE=newsroom.settings.production
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup install install-dev migrate messages admin-messages compilemessages demo admin test lint format serve scheduler check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(MANAGE) migrate --noinput
	$(MANAGE) update_translation_fields

compilemessages: install
	$(MANAGE) compile_translations

setup: migrate compilemessages
	$(MANAGE) collectstatic --noinput -v 0

demo: setup
	$(MANAGE) load_demo_content --if-empty --warm
	$(MANAGE) rebuild_search_documents --if-empty

admin: setup
	$(MANAGE) ensure_local_admin

## make run: set everything up from a fresh clone and serve the site with demo content on SQLite.
run: demo admin
	$(MANAGE) set_site_url http://$(HOST):$(PORT)
	@echo "Serving at http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	trap "kill 0" EXIT INT TERM; $(MANAGE) run_scheduler & $(MANAGE) runserver $(HOST):$(PORT)

## make test: install what the tests need and run every test (SQLite, or PostgreSQL via DATABASE_URL).
test: install-dev compilemessages
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## make serve: production-style serving through gunicorn (needs the production environment, see .env.example):
## migrations, hashed static files and the deploy checks under production settings, the Wagtail Site set to
## SITE_URL, then gunicorn.
serve: install compilemessages
	$(PRODUCTION) $(MANAGE) migrate --noinput
	$(PRODUCTION) $(MANAGE) update_translation_fields
	$(PRODUCTION) $(MANAGE) collectstatic --noinput -v 0
	$(PRODUCTION) $(MANAGE) check --deploy
	$(PRODUCTION) $(MANAGE) set_site_url
	$(PRODUCTION) exec $(BIN)/gunicorn -c gunicorn.conf.py newsroom.wsgi

## make scheduler: publish scheduled pages every minute (production runs this from a timer).
scheduler: install
	$(MANAGE) run_scheduler

## make messages: extract interface strings into locale/az and locale/ru, then compile them.
messages: install
	$(MANAGE) makemessages -l az -l ru --no-location --ignore=.venv --ignore=staticfiles
	$(MANAGE) makemessages -d djangojs -l az -l ru --no-location --ignore=.venv --ignore=staticfiles
	$(MANAGE) compile_translations

## make admin-messages: after upgrading Wagtail, merge its new admin messages into locale/admin (TRANSLATING.md).
admin-messages: install
	$(MANAGE) merge_admin_messages
	$(MANAGE) compile_translations

## make check: migrations, lint, formatting, the import ladder (import-linter), deploy checks.
check: install-dev
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates newsdesk/templates
	PYTHONPATH=. $(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=newsroom.settings.production SECRET_KEY=check-only-$$(date +%s)-a-long-enough-random-value-for-django ALLOWED_HOSTS=example.org $(MANAGE) check --deploy --fail-level WARNING

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates newsdesk/templates
	PYTHONPATH=. $(BIN)/lint-imports

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates newsdesk/templates

clean:
	rm -rf $(VENV) staticfiles
