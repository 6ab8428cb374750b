# Two commands do everything on a fresh machine:
#   make app    - install, build the index if it is missing, start the chat UI
#   make test   - install, then run the whole test suite (model, FAISS, corpus, UI and browser tests)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: app test index eval bench install fuzz bench-scale

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# The CPU build of torch must go in first: a looser pin would pull several GB of CUDA packages.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

index: $(STAMP)
	$(BIN)/assistant index

app: index
	$(BIN)/streamlit run streamlit_app.py --server.headless true

test: $(STAMP)
	$(BIN)/assistant index
	$(BIN)/pytest -q

eval: index
	$(BIN)/assistant eval questions/questions.jsonl --out artifacts/eval.jsonl

bench: index
	$(BIN)/python scripts/benchmark.py
	$(BIN)/python scripts/bench_browser.py

# Not in CI: search and BM25 at 10k, 100k and 1M synthetic passages, and the whole pipeline at 10k (long).
bench-scale: $(STAMP)
	$(BIN)/python scripts/bench_scale.py

# Not in CI: >= 100,000 questions and 20,000 claims (seeded), reports crashes, invariant breaks and latency.
fuzz: index
	$(BIN)/python scripts/fuzz.py --questions 100000 --claims 20000 --out artifacts/fuzz.json
