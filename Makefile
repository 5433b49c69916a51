# The two commands of the README: `make run` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck unit system-deps demo screenshots checklist-pngs bench build clean translations update-translations

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

system-deps:
	bash scripts/system-deps.sh

# The window's translations: `.ts` sources in the repository, `.qm` compiled from them (not in git).
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

translations: $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# After changing texts in desktop/ui: collect them into the .ts (then translate, e.g. with pyside6-linguist).
update-translations: $(STAMP)
	$(BIN)/python scripts/update_translations.py

run: $(STAMP) system-deps translations
	$(BIN)/python -m desktop

test: $(STAMP) system-deps lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

demo: $(STAMP)
	$(BIN)/python -m desktop assess resources/examples/lighting-exporter.json

# Pictures to look at before calling a screen or the checklist done.
screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py build/screenshots

checklist-pngs: $(STAMP)
	$(BIN)/python scripts/render_checklist.py build/checklists

# Speed scripts (not tests; the machine is shared, so read the figures, do not assert them).
bench: $(STAMP) translations
	$(BIN)/python benchmarks/engine_throughput.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/startup.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/ui_navigation.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/store_speed.py
	$(BIN)/python benchmarks/report_speed.py
	$(BIN)/python benchmarks/workspace_import.py
	$(BIN)/python benchmarks/refusals.py

build: $(STAMP) system-deps translations
	$(BIN)/python packaging/build.py

clean:
	rm -f $(QM_FILES)
	rm -rf $(VENV) build dist packaging/build packaging/dist .mypy_cache .ruff_cache .pytest_cache
