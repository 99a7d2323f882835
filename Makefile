# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The settings read it too: SITE_URL defaults to http://127.0.0.1:$(PORT), the address served.
export PORT
MANAGE := $(BIN)/python manage.py

.PHONY: run test install install-dev migrate demo serve stack lint format check-migrations hadolint \
        test-unit test-browser messages bench clean backup restore

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Installs exactly what the lock files pin (hashes checked).
install: $(BIN)/activate
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock

install-dev: $(BIN)/activate
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock

migrate:
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo_content
	$(MANAGE) ensure_admin

# The site as visitors see it: DEBUG off, static files through whitenoise, media served,
# and the scheduler that publishes what editors scheduled.
serve:
	DEBUG=false $(MANAGE) collectstatic --noinput --verbosity 0
	PATH="$(CURDIR)/$(BIN):$$PATH" DEBUG=false bin/scheduler & scheduler=$$!; \
	trap 'kill $$scheduler' EXIT INT TERM; \
	DEBUG=false DJANGO_SETTINGS_MODULE=optnc_site.settings.dev \
	  $(BIN)/gunicorn optnc_site.wsgi:application --bind 127.0.0.1:$(PORT) --workers 2 \
	  --env DJANGO_SETTINGS_MODULE=optnc_site.settings.dev --access-logfile -

# What production runs, on this machine's Debian packages (README, « make stack »): nginx,
# Varnish when deploy/varnish/default.vcl exists, gunicorn with the production settings, the
# scheduler, and a PostgreSQL and a Redis of its own unless DATABASE_URL / REDIS_URL are set.
stack: install
	PORT=$(PORT) $(BIN)/python bin/stack

run: install demo
	@echo "Site : http://127.0.0.1:$(PORT)/  (administration : http://127.0.0.1:$(PORT)/admin/)"
	$(MAKE) --no-print-directory serve

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund

# pre-commit runs the hooks of .pre-commit-config.yaml (ruff check and format, djhtml,
# detect-secrets), all local, from .venv/bin; stylelint checks the CSS. Both run, and
# either failing fails lint. Nothing is rewritten: `make format` does that.
lint: node_modules/.package-lock.json
	@status=0; \
	PATH="$(CURDIR)/$(BIN):$$PATH" PRE_COMMIT_HOME="$(CURDIR)/$(VENV)/pre-commit" \
	  $(BIN)/pre-commit run --all-files || status=1; \
	node_modules/.bin/stylelint "static/css/**/*.css" || status=1; \
	exit $$status

# Applies what lint checks: ruff's fixes and formatting, djhtml's template indentation.
format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

check-migrations:
	$(MANAGE) makemigrations --check --dry-run

hadolint:
	$(BIN)/hadolint Dockerfile

test-unit:
	$(BIN)/pytest -m "not browser"

test-browser: node_modules/.package-lock.json
	$(BIN)/pytest -m browser

test: install-dev lint check-migrations hadolint test-unit test-browser

# Server-side timings and query counts of the main pages (see bench/benchmark.py).
bench: install-dev
	$(BIN)/python bench/benchmark.py

# One archive of the database and the media in var/backups/ (BACKUP_DIR), and its restore into
# an empty database and media folder: README, « Sauvegarde et restauration ».
backup:
	$(MANAGE) backup

restore:
	@test -n "$(FILE)" || { echo "Indiquez l'archive : make restore FILE=var/backups/optnc-AAAAMMJJ-HHMMSS.tar.gz" >&2; exit 2; }
	$(MANAGE) restore "$(FILE)" $(if $(FORCE),--force)

messages:
	$(MANAGE) makemessages -l en --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=media
	$(MANAGE) compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) node_modules staticfiles media db.sqlite3
