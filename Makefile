# The two quick-start commands, on a machine with only Python 3.11+:
#   make serve   the API on the embedded SQLite database (seeded when empty)
#   make test    the test suite (on PostgreSQL too when DATABASE_URL points at one)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: serve test lint clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

serve: $(INSTALLED)
	$(BIN)/parley serve

test: $(INSTALLED)
	$(BIN)/pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache
