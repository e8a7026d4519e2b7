# One command to serve the site, one to run the tests (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: install sysdeps serve build offline pages test validate bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(BIN)/.installed

sysdeps:
	bash .ci/sysdeps

## serve: set up and serve the study site at http://127.0.0.1:8000
serve: install
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

## build: the static site in site/
build: install
	$(BIN)/mkdocs build --strict

## offline: the site plus its offline edition, site/cw-study-offline.zip (linked from the 离线版 page)
offline: build
	$(BIN)/cwexam offline -o site/cw-study-offline.zip

## pages: regenerate docs/practice/ and the printable papers (mkdocs build/serve do it too)
pages: install
	$(BIN)/cwexam pages

validate: install
	$(BIN)/cwexam validate

## test: set up (Debian packages + venv) and run the whole suite
test: sysdeps install
	$(BIN)/cwexam validate
	$(BIN)/pytest -q

bench: install
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf site .pytest_cache build *.egg-info

## fix-text: apply the Chinese copywriting linter's fixes to docs/ and questions/
fix-text: install
	$(BIN)/python .ci/fix_text.py
