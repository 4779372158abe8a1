# NextLead: `make run` starts the server (demo mailbox when no account is configured),
# `make test` runs the whole suite. Both install into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench eval train fuzz clean ext

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: install
	$(BIN)/nextlead serve

test: install
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check server tests
	$(BIN)/ruff format --check server tests

bench: install
	$(BIN)/python -m tests.bench $(ARGS)

eval: install
	$(BIN)/python -m tests.eval

train: install
	$(BIN)/python -m tests.train_detector

fuzz: install
	$(BIN)/python -m tests.bench.fuzz

clean:
	rm -rf $(VENV) build *.egg-info server/*.egg-info .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# The browser extension: dist/nextlead-{chrome,firefox}-VERSION.zip, then `web-ext lint` on the
# Firefox build. web-ext (pinned) is installed with npm into .venv/web-ext, outside extension/.
WEB_EXT_VERSION := 10.7.0
WEB_EXT := $(VENV)/web-ext/node_modules/.bin/web-ext

$(WEB_EXT):
	npm install --prefix $(VENV)/web-ext --no-save --no-audit --no-fund --loglevel=error web-ext@$(WEB_EXT_VERSION)

ext: $(WEB_EXT)
	$(PYTHON) extension/build.py dist
	$(WEB_EXT) lint --source-dir dist/firefox --warnings-as-errors
