# The two commands a fresh machine needs: `make app` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: app test setup

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

app: $(STAMP)
	$(BIN)/streamlit run dashboard/app.py

test: $(STAMP)
	bash scripts/install-chromium.sh
	$(BIN)/ruff check .
	$(BIN)/python -m pytest
