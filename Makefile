# eventdesk: make run | make test | make lint | make bench | make eval
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.test-installed
PORT ?= 8501
HOST ?= 127.0.0.1
SEEDS := $(wildcard seeds/*)

.PHONY: run test lint bench eval ingest clean browser

run: $(STAMP) data/events.parquet
	$(PY) -m eventdesk serve dashboard.py --server.address $(HOST) --server.port $(PORT)

$(STAMP): requirements.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	$(PY) -m eventdesk assets
	touch $(STAMP)

$(TEST_STAMP): $(STAMP) requirements-test.txt
	$(PY) -m pip install -q -r requirements-test.txt
	touch $(TEST_STAMP)

# The table is rebuilt when it is missing or older than a seed article.
data/events.parquet: $(SEEDS) $(STAMP)
	$(PY) -m eventdesk ingest seeds --store data

ingest: $(STAMP)
	$(PY) -m eventdesk ingest seeds --store data

# Debian's Chromium drives the browser tests (Playwright's own download is not used).
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "The browser tests need /usr/bin/chromium: install Debian's chromium package (apt-get install chromium)." >&2; exit 1; fi; }

test: $(TEST_STAMP) browser
	$(PY) -m pytest -q tests

lint: $(TEST_STAMP)
	$(PY) -m ruff check eventdesk pages tests bench dashboard.py

bench: $(TEST_STAMP)
	$(PY) -m bench

eval: $(STAMP)
	$(PY) -m bench.evaluate

clean:
	rm -rf $(VENV) data/events.* data/reports.* data/relations.csv data/eventdesk.duckdb* data/dataset static/vendor
