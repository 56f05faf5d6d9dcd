# Two commands for a fresh machine: `make site` builds the site into site/, `make test` runs
# every test. Both create .venv and install what they need first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

CHROMIUM := /usr/bin/chromium
VNU := $(VENV)/node/node_modules/vnu-jar/build/dist/vnu.jar
TSC := $(VENV)/node/node_modules/typescript/bin/tsc
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site trainer handouts serve test quick check own-words lint schema clean browser bench dist messages

# Build into a folder of its own next to site/ and swap it in only when the build succeeded:
# a failed or interrupted build leaves the previous site/ as it was, and two builds at once
# each use their own folder and take turns at the swap.
site: $(VENV)/.site
	@build=$$(mktemp -d .site-build-XXXXXX) && chmod 755 "$$build" && \
	{ $(BIN)/mkdocs build --strict --site-dir "$$build" || { rm -rf "$$build"; exit 1; }; } && \
	flock .site.lock sh -c '\
	  old=$$(mktemp -d .site-old-XXXXXX) && rmdir "$$old" && \
	  { [ ! -d site ] || mv site "$$old"; } && mv "$$0" site && rm -rf "$$old"' "$$build"
	@echo "Built site/ (open site/index.html, or run 'make serve')."

# The trainer edition (facilitator notes, agendas with notes, format descriptions) in
# site-trainer/: for the trainer's laptop or a private host, never the learners' site.
trainer: $(VENV)/.site
	$(BIN)/mkdocs build --strict --quiet -f mkdocs-trainer.yml
	@echo "Built site-trainer/ (the trainer edition: keep it private)."

# PDFs of the learner handout, the answer key, the scenario cards, the debrief sheet and each
# format's run-sheet and exercise sheet, in handouts/, printed by Chromium from both editions.
handouts: site trainer $(VENV)/.test browser
	$(BIN)/coursewright handouts --out handouts

serve: $(VENV)/.site
	$(BIN)/mkdocs serve --livereload --dirty --no-strict

check: $(VENV)/.site
	$(BIN)/coursewright check

schema: $(VENV)/.site
	$(BIN)/coursewright schema

# How close the course's sentences are to the texts it draws on, in SEEDS (see "Checking your
# own words" in the README); exit 1 if any is too close. Nothing to do without that folder.
SEEDS ?= ../shared/seeds
own-words: $(VENV)/.site
	@if [ -d $(SEEDS) ]; then $(BIN)/coursewright compare $(SEEDS); \
	else echo "No $(SEEDS) folder with the source texts, so nothing to compare with."; fi

test: $(VENV)/.test browser $(VNU) $(TSC)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	node $(TSC) --project tsconfig.json
	node --test tests/js/quiz.test.js tests/js/progress.test.js
	$(BIN)/coursewright check --strict
	$(MAKE) --no-print-directory own-words
	$(BIN)/python -m pytest

# The words of the pages, of the quiz script and of a new course: extract them from the
# templates, quiz.js and the starter course into the .pot files, and merge them into each language's catalogue (then translate the empty
# msgstr lines). A test fails when the .pot files or a catalogue are behind.
LOCALE := generator/locale
BABEL_OUT := --no-location --sort-output --no-wrap --omit-header
messages: $(VENV)/.test
	$(BIN)/pybabel -q extract -F $(LOCALE)/babel.cfg $(BABEL_OUT) -o $(LOCALE)/coursewright.pot .
	$(BIN)/pybabel -q extract -F $(LOCALE)/quiz.cfg -k _ -k _n:1,2 -k N_ $(BABEL_OUT) \
	  -o $(LOCALE)/quiz.pot .
	$(BIN)/pybabel -q extract -F $(LOCALE)/starter.cfg -k t $(BABEL_OUT) -o $(LOCALE)/starter.pot .
	for domain in coursewright quiz starter; do \
	  $(BIN)/pybabel -q update -i $(LOCALE)/$$domain.pot -d $(LOCALE) -D $$domain \
	    --no-wrap --omit-header --no-fuzzy-matching || exit 1; done

# A wheel of coursewright in dist/, to install it elsewhere (pip install 'dist/...whl[site]').
dist: $(VENV)/bin/python
	rm -rf dist
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist .
	@ls dist/*.whl

# The fast loop while editing the generator: no browser, no site builds (about 10 s).
quick: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -m "not browser and not slow"

# The browser tests drive Debian's Chromium; install it when it is missing.
browser:
	@test -x $(CHROMIUM) || { \
	  echo "Installing Chromium for the browser tests (apt-get)"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium; }

# TypeScript, to check the JSDoc types of quiz.js (5.x: the compiler written in JavaScript),
# from npm; installs npm first when it is missing.
$(TSC):
	@command -v npm >/dev/null || { $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q npm; }
	mkdir -p $(VENV)/node
	cd $(VENV)/node && npm install --silent --no-audit --no-fund --ignore-scripts typescript@5.9.3

# The Nu HTML checker: a Java program from npm (--ignore-scripts: its installer fetches a JDK).
# After TypeScript, which brings npm, so that the two installs into .venv/node never overlap.
$(VNU): | $(TSC)
	@command -v java >/dev/null || { $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q default-jre-headless; }
	cd $(VENV)/node && npm install --silent --no-audit --no-fund --ignore-scripts vnu-jar@26.9.27

# Synthetic courses of 10, 100 and 1,000 lessons; writes BENCHMARKS.md (several minutes).
bench: $(VENV)/.site
	cd benchmarks && ../$(BIN)/python bench.py

lint: $(VENV)/.test $(TSC)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	node $(TSC) --project tsconfig.json
	node --test tests/js/quiz.test.js tests/js/progress.test.js

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
	rm -rf site site-trainer .site-build dist $(VENV) .pytest_cache .mypy_cache .ruff_cache
