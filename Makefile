# NextLead: `make run` starts the server (demo mailbox when no account is configured),
# `make test` runs the whole suite. Both install into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench eval clean

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
	$(BIN)/python -m tests.bench

eval: install
	$(BIN)/python -m tests.eval

clean:
	rm -rf $(VENV) build *.egg-info server/*.egg-info .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
