# The two commands of the README: `make run` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck unit system-deps demo screenshots checklist-pngs bench build clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

system-deps:
	bash scripts/system-deps.sh

run: $(STAMP) system-deps
	$(BIN)/python -m desktop

test: $(STAMP) system-deps lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

demo: $(STAMP)
	$(BIN)/python -m desktop assess resources/examples/lighting-exporter.json

bench: $(STAMP)
	$(BIN)/python benchmarks/engine_throughput.py

build: $(STAMP) system-deps
	$(BIN)/python packaging/build.py

clean:
	rm -rf $(VENV) build dist packaging/build packaging/dist .mypy_cache .ruff_cache .pytest_cache
