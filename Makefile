# Two commands for a newcomer: `make run` and `make test`. Both create or update the
# project's virtualenv .venv from uv.lock (pinned) first. Only Python >= 3.11 and the
# package registries are needed: uv itself is installed into .tools/ by pip.
PYTHON ?= python3
UV_VERSION := 0.13.9
UV := .tools/bin/uv
VENV := .venv
STAMP := $(VENV)/.synced

.PHONY: setup browser run test test-fast lint format bench bench-deps bench-quick clean

setup: $(STAMP)

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# --compile-bytecode: write every package's .pyc at install time. uv does not by default,
# and where PYTHONDONTWRITEBYTECODE=1 is set (this machine, CI) Python never writes them
# either, so every process compiled its imports from source: ~2.5 s per `marsad` command
# and per Prefect server / worker start (measured: import prefect.server.api.server
# 6.7 s -> 4.1 s on a loaded machine).
$(STAMP): $(UV) uv.lock pyproject.toml Makefile
	$(UV) sync --frozen --quiet --compile-bytecode
	touch $(STAMP)

run: setup
	$(VENV)/bin/marsad run

# The report's browser tests need Debian's chromium + chromium-driver and a font with
# Arabic glyphs (STACK.md: test tools cannot download a browser here). Installed only when
# missing and only as root; otherwise the tests say how to install them (and fail under CI=true).
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! fc-list :lang=ar 2>/dev/null | grep -q .; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "browser: installing chromium, chromium-driver, fonts-dejavu-core (apt-get)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      chromium chromium-driver fonts-dejavu-core >/dev/null; \
	  else \
	    echo "browser: /usr/bin/chromium missing; the report's browser tests will skip (sudo make browser)"; \
	  fi; \
	fi

test: setup browser
	$(VENV)/bin/python -m pytest

test-fast: setup
	$(VENV)/bin/python -m pytest -m "not slow"

lint: setup
	$(VENV)/bin/ruff check marsad flows tests
	$(VENV)/bin/ruff format --check marsad flows tests

format: setup
	$(VENV)/bin/ruff format marsad flows tests
	$(VENV)/bin/ruff check --fix marsad flows tests

# the peers of the benchmark (dateparser, pyarabic) are the `bench` dependency group
bench-deps: $(UV)
	$(UV) sync --frozen --quiet --compile-bytecode --group bench

bench: bench-deps
	$(VENV)/bin/python -m bench.run

bench-quick: bench-deps
	$(VENV)/bin/python -m bench.run --quick --out bench/results.local.json --no-doc

clean:
	rm -rf data/export data/marsad.duckdb .pytest_cache
