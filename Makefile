# Two commands for a fresh machine: `make site` builds the site into site/, `make test` runs
# every test. Both create .venv and install what they need first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

CHROMIUM := /usr/bin/chromium

.PHONY: site serve test check lint schema clean browser

site: $(VENV)/.site
	rm -rf .site-build
	$(BIN)/mkdocs build --strict --site-dir .site-build
	rm -rf site && mv .site-build site
	@echo "Built site/ (open site/index.html, or run 'make serve')."

serve: $(VENV)/.site
	$(BIN)/mkdocs serve --livereload

check: $(VENV)/.site
	$(BIN)/coursewright check

schema: $(VENV)/.site
	$(BIN)/coursewright schema

test: $(VENV)/.test browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/coursewright check
	$(BIN)/python -m pytest

# The browser tests drive Debian's Chromium; install it when it is missing.
browser:
	@test -x $(CHROMIUM) || { \
	  echo "Installing Chromium for the browser tests (apt-get)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium; }

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) || { \
	  echo "Creating a virtual environment failed. On Debian or Ubuntu: apt-get install python3-venv"; \
	  exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.site: pyproject.toml $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[site]'
	touch $@

$(VENV)/.test: pyproject.toml $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.site

clean:
	rm -rf site .site-build $(VENV) .pytest_cache .mypy_cache .ruff_cache
