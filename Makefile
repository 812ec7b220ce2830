# The two quick-start commands, on a machine with only Python 3.11+:
#   make serve   the API on the embedded SQLite database (seeded when empty)
#   make test    the test suite (on PostgreSQL too when DATABASE_URL points at one)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: serve test lint clean bench

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

# The HTTP benchmark (not a test): bench/README in README.md. wrk is a Debian package.
BENCH_DB ?= bench/data/parley-1m.sqlite3
BENCH_SCALE ?= 1000000
bench: $(INSTALLED)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev,bench]'
	command -v wrk >/dev/null || apt-get install -y wrk
	test -e $(BENCH_DB) || $(BIN)/python -m bench.dataset --scale $(BENCH_SCALE) \
		--database-url sqlite:///$(BENCH_DB)
	$(BIN)/python -m bench.http_load --database-url sqlite:///$(BENCH_DB)

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache
