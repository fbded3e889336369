# Set-up and everyday commands. `make demo` and `make test` are the README's two commands.
PY ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= rashomon-out

.PHONY: install install-test demo test browser bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# torch is pinned to the CPU build that pip finds on local disk; installing it first keeps
# sentence-transformers from pulling a multi-GB CUDA build.
install: $(BIN)/python
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e .

install-test: install
	$(BIN)/pip install -q -e '.[test]'

browser:
	@test -x /usr/bin/chromium || { command -v apt-get >/dev/null && (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "chromium not installed: browser tests will be skipped"; }

demo: install
	$(BIN)/rashomon analyze examples/kursk --out $(OUT)

test: install-test browser
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

bench: install-test
	for b in benchmarks/*.py; do case $$b in */_*) continue;; esac; echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(OUT) .pytest_cache .hypothesis build dist src/*.egg-info
