# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUNTIME_STAMP := $(VENV)/.runtime-installed
TEST_STAMP := $(VENV)/.test-installed
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

.PHONY: run test test-fast lint format bench screenshots samples clean translations

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUNTIME_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(RUNTIME_STAMP)

resources/translations/%.qm: resources/translations/%.ts | $(RUNTIME_STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM_FILES)

# Qt's platform plugin needs the machine's X11/xcb libraries: found with ldd, installed with
# apt-get as root, else the one command to run is printed (tools/system_libraries.py).
run: $(RUNTIME_STAMP) translations
	$(PY) -m tools.system_libraries --platform xcb
	$(PY) main.py

# A real PostgreSQL for the LAN tests, in a temporary folder, stopped whatever the outcome.
test: $(TEST_STAMP) translations
	$(PY) -m tools.system_libraries --platform offscreen --test-tools
	@pg=$$(mktemp -u /tmp/seleksi-pg-XXXXXX); \
	trap "$(PY) -m tools.pg_server stop --dir $$pg" EXIT; \
	url=$$($(PY) -m tools.pg_server start --dir $$pg) || exit 1; \
	SELEKSI_TEST_PG="$$url" QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# The suite without the tests marked slow, for quick runs while developing; `make test` runs all.
test-fast: $(TEST_STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not slow"

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: $(TEST_STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(RUNTIME_STAMP)
	$(PY) -m bench.run

# The main screens on demo data as PNGs in docs/screenshots/: under Xvfb at the committee
# laptop's 1366x768 when xvfb-run is installed, else on Qt's offscreen platform.
screenshots: $(RUNTIME_STAMP) translations
	@if command -v xvfb-run >/dev/null 2>&1; then \
		xvfb-run -a -s "-screen 0 1366x768x24" $(PY) -m tools.screenshots; \
	else \
		QT_QPA_PLATFORM=offscreen $(PY) -m tools.screenshots; \
	fi

# Collect every tr() string of the interface into the English .ts (then translate it).
# Every module under app/ui, packages included: Qt keys a translation by the class (context)
# whose tr() asks for it, so a class that moves keeps its translations.
UI_SOURCES := $(shell find app/ui -name '*.py' | sort)
.PHONY: update-translations
update-translations: $(RUNTIME_STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations relative $(UI_SOURCES) \
		-ts resources/translations/seleksi_en.ts

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache

# A page of every document kind of every preset, rendered with poppler, in docs/samples/.
samples: $(RUNTIME_STAMP) translations
	$(PY) -m tools.document_samples --out docs/samples
