# eventdesk: make run | make test | make lint | make bench | make eval | make lock
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.test-installed
PORT ?= 8501
HOST ?= 127.0.0.1
SEEDS := $(wildcard seeds/*)

.PHONY: run test lint bench eval ingest clean browser lock

run: $(STAMP) data/events.parquet
	$(PY) -m eventdesk serve dashboard.py --server.address $(HOST) --server.port $(PORT)

# Installs exactly the locked versions, each checked against its hash (a known pip first).
$(STAMP): requirements-pip.lock requirements.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --require-hashes -r requirements-pip.lock
	$(PY) -m pip install -q --require-hashes -r requirements.lock
	$(PY) -m eventdesk assets
	touch $(STAMP)

$(TEST_STAMP): $(STAMP) requirements-test.lock
	$(PY) -m pip install -q --require-hashes -r requirements-test.lock
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

# requirements{,-test,-pip}.txt -> the locks, every transitive pin with its hashes.
# uv is installed in a throwaway venv, not in $(VENV).
LOCK_VENV ?= /tmp/eventdesk-lock-venv
UV_COMPILE = $(LOCK_VENV)/bin/uv pip compile --generate-hashes --python-version 3.11
lock:
	test -x $(LOCK_VENV)/bin/uv || { $(PYTHON) -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/pip install -q uv==0.13.8; }
	$(UV_COMPILE) -q requirements.txt -o requirements.lock
	$(UV_COMPILE) -q requirements-test.txt -c requirements.lock -o requirements-test.lock
	$(UV_COMPILE) -q requirements-pip.txt -o requirements-pip.lock

clean:
	rm -rf $(VENV) data/events.* data/reports.* data/relations.csv data/eventdesk.duckdb* data/dataset static/vendor
