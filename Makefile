# Two commands for a fresh machine (see README):
#   make serve   install everything, then serve both languages at http://127.0.0.1:8000
#   make test    install everything (Chromium included), then run every test
.DEFAULT_GOAL := help
VENV     := .venv
PYTHON   := $(VENV)/bin/python
CHROMIUM ?= $(or $(CHROMIUM_PATH),/usr/bin/chromium)
export NO_MKDOCS_2_WARNING := 1
export CHROMIUM_PATH := $(CHROMIUM)
# make serve PORT=8001 when 8000 is taken.
PORT     ?= 8000

.PHONY: help setup serve build test bench chromium clean sync-specs record-stdlib

help:
	@echo "make serve   serve the site with live reload at http://127.0.0.1:8000 (PORT=8001 for another port)"
	@echo "make test    run the whole test suite"
	@echo "make build   build the static site into site/"
	@echo "make bench   run the benchmarks in benchmarks/"

setup: $(VENV)/.installed node_modules/.installed

# Pinned Python packages. The .pth file puts this checkout on the venv's path,
# so hooks, scripts and tests import glossary/, calculators/, crosslink/ and
# sitegen/ without an install step of their own.
$(VENV)/.installed: requirements.txt pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet -r requirements.txt
	echo "$(CURDIR)" > "$$($(PYTHON) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/cs-glossary.pth"
	touch $@

# Pyodide, KaTeX and axe-core from the npm registry, exactly as locked.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Browser tests drive Debian's Chromium (Playwright cannot download browsers here).
# Noto CJK too: without a Chinese font, Chromium prints the cheat sheet's
# Chinese as empty boxes, and the PDF test reads the PDF's text.
chromium:
	@if [ -x "$(CHROMIUM)" ] && [ -n "$$(fc-list :lang=zh 2>/dev/null)" ]; then echo "Chromium: $(CHROMIUM)"; \
	else \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk; \
	fi

serve: setup
	$(PYTHON) scripts/site.py serve --port $(PORT)

build: setup
	$(PYTHON) scripts/site.py build

# node's own test runner for the browser-side logic, then pytest for the rest.
test: setup chromium
	node --test tests/js/
	$(PYTHON) -m pytest

bench: setup chromium
	$(PYTHON) benchmarks/crosslink.py
	$(PYTHON) benchmarks/calculator.py

# Record the standard-library files the calculators load under Pyodide
# (sitegen/pyodide_stdlib_keep.txt); the build ships only those.
record-stdlib: setup
	$(PYTHON) scripts/record_stdlib.py

# Copy the upstream term inventory and formula contract into tests/data,
# which is all the tests read: make sync-specs SPECS=../shared
SPECS ?= ../shared
sync-specs:
	cp "$(SPECS)/term-inventory.yml" "$(SPECS)/formula-contract.yml" tests/data/

clean:
	rm -rf site site.building site.old site.fast .pytest_cache
