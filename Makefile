# warwire: set up and run. Everything installs into .venv; rerunning does only what changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXTRAS ?= dev,pg,ray

.PHONY: install demo serve test bench bench-big lint clean

install: $(STAMP)

# Reinstall only when pyproject.toml changes (the package itself is editable).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $(STAMP)

demo: install
	$(BIN)/warwire extract samples/ --format table
	@if [ -d ../shared/corpus/seeds ]; then echo; echo "Seed pages (../shared/corpus/seeds):"; \
		$(BIN)/warwire extract ../shared/corpus/seeds --format table; fi

# The review desk over a demo ledger: the bundled samples, and the seed pages when ../shared is there.
DEMO_DB ?= sqlite:///demo-desk.db
serve: install
	$(BIN)/warwire ingest samples/ --db $(DEMO_DB) --workers 1
	@if [ -d ../shared/corpus/seeds ]; then $(BIN)/warwire ingest ../shared/corpus/seeds --db $(DEMO_DB) --workers 1; fi
	$(BIN)/warwire serve --db $(DEMO_DB) $(SERVE_ARGS)

test: install
	$(BIN)/pytest -q

bench: install
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_scale.py

# The scaling table plus a synthetic 100k-record JSONL (memory at 10k and 100k): about 15 minutes.
bench-big: install
	$(BIN)/python scripts/bench_scale.py --big

lint: install
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache
