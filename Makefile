# Build, test and run the book. `make help` lists the targets.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
export PATH := $(abspath $(BIN)):$(PATH)
export PYTHONHASHSEED := 0

VENV_STAMP   := $(VENV)/.stamp
ASSETS_STAMP := _build/.assets-stamp
BOOK_STAMP   := _build/.book-stamp
# Everything the built pages depend on: a change to any of these rebuilds all.
BOOK_INPUTS  := _config.yml _toc.yml tools/book_a11y.py tools/book_speed.py $(shell find book nnlib _static -type f \
                  -not -path '*/__pycache__/*' -not -path '*/.ipynb_checkpoints/*' 2>/dev/null)

.PHONY: help venv assets book test execute lab bench student portability clean

help:
	@echo "make book     set everything up and build the book into _build/html"
	@echo "make test     set up, build, and run every test (unit, nbval, browser)"
	@echo "make execute  re-execute every notebook in book/ in place"
	@echo "make lab      open the notebooks in JupyterLab"
	@echo "make bench    build the book, run benchmarks/*.py (exit 1 if a target is missed)"
	@echo "make student  write the student edition (no solutions) to _build/student"
	@echo "make portability  run every notebook live with OpenBLAS's Sandy Bridge kernels and compare"
	@echo "make clean    remove _build (keeps .venv and node_modules)"

venv: $(VENV_STAMP)
$(VENV_STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (nnlib)" >/dev/null
	touch $@

# Without npm, tools/assets.py warns and writes _build/_config.cdn.yml instead
# (no stamp), and `make book` then builds with the CDN config.
assets: $(ASSETS_STAMP)
$(ASSETS_STAMP): package.json package-lock.json tools/assets.py tools/widgets-setup.js | $(VENV_STAMP)
	$(PY) tools/assets.py

# Every page is rebuilt, but only notebooks whose code changed execute again;
# a change to nnlib/ (or to the pinned packages) executes them all
# (tools/build_book.py keys Jupyter Book's execution cache on it).
book: $(BOOK_STAMP)
	@echo "The book is in _build/html (open _build/html/index.html)."
$(BOOK_STAMP): $(BOOK_INPUTS) tools/build_book.py $(VENV_STAMP) $(ASSETS_STAMP)
	@config=_config.yml; [ -f $(ASSETS_STAMP) ] || config=_build/_config.cdn.yml; \
	start=$$(date +%s); \
	$(PY) tools/build_book.py --config $$config; \
	echo "Book built in $$(( $$(date +%s) - start )) s with $$config: _build/html/index.html"
	touch $@

# nbval compares the stored outputs with the run `make book` just made of the
# same code (--nbval-from-build, see conftest.py): no notebook executes twice.
test: book
	$(PY) -m pytest tests book --nbval --nbval-current-env --nbval-from-build \
	  --nbval-sanitize-with nbval.cfg -p no:cacheprovider

execute: $(VENV_STAMP)
	$(PY) tools/execute.py

lab: $(VENV_STAMP)
	$(BIN)/jupyter lab $$([ "$$(id -u)" = 0 ] && echo --allow-root) book/

bench: book
	@shopt -s nullglob; files=(benchmarks/[!_]*.py); \
	if [ $${#files[@]} -eq 0 ]; then echo "No benchmarks in benchmarks/ yet."; fi; \
	failed=(); for f in "$${files[@]}"; do echo "== $$f"; $(PY) "$$f" || failed+=("$$f"); done; \
	if [ $${#failed[@]} -gt 0 ]; then echo "missed a target: $${failed[*]}"; exit 1; fi

student: $(VENV_STAMP)
	$(PY) tools/student.py _build/student

# Stored outputs must not depend on the CPU: run every notebook live with the
# kernels OpenBLAS picks for another CPU (they round differently) and compare.
portability: $(VENV_STAMP)
	OPENBLAS_CORETYPE=Sandybridge $(PY) -m pytest book --nbval --nbval-current-env \
	  --nbval-sanitize-with nbval.cfg -p no:cacheprovider

clean:
	rm -rf _build
