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
	$(BIN)/streamlit run dashboard/serve.py

# Without Chromium the browser tests skip on a developer's machine; with CI=true a
# missing browser or font stops here (and fails those tests), never a silent skip.
test: $(STAMP)
	bash scripts/install-test-tools.sh || [ "$${CI:-}" != "true" ]
	$(BIN)/ruff check .
	$(BIN)/biome check
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2 --dist loadfile
