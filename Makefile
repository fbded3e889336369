# Set-up and everyday commands. `make demo` and `make test` are the README's two commands.
# Tests come in tiers (tests/unit, tests/stages, tests/acceptance; see tests/conftest.py):
# `make test` runs them all, `make test-fast` the unit and stage tests that are not marked slow.
# `make eval` runs the benchmarks and the cluster evaluation on the public data in $(SHARED) and
# fails when a metric is below its floor in benchmarks/floors.yaml or when data is missing.
PY ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= rashomon-out
SHARED ?= ../shared
BENCH_DATA ?= $(SHARED)/bench
EVAL_OUT ?= eval-out

.PHONY: install install-test demo test test-fast browser postgres bench eval clean

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

# the store tests start their own throwaway PostgreSQL server from Debian's binaries (tests/pg.py)
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { command -v apt-get >/dev/null && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || echo "postgresql not installed: PostgreSQL store tests will be skipped (they fail under RASHOMON_REQUIRE_PG=1)"; }

demo: install
	$(BIN)/rashomon analyze examples/kursk --out $(OUT)

test: install-test browser postgres
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

# the fast run reinstalls only when pyproject.toml changed (pip's "already satisfied" takes seconds)
$(VENV)/.test-deps: pyproject.toml
	$(MAKE) install-test
	touch $@

test-fast: $(VENV)/.test-deps
	$(BIN)/python -m pytest -q -n 2 --dist loadfile -m "(unit or stages) and not slow" tests/unit tests/stages

bench: install-test
	for b in benchmarks/*.py; do case $$b in */_*|*/gate.py) continue;; esac; echo "== $$b"; $(BIN)/python $$b || exit 1; done

# Each benchmark writes $(EVAL_OUT)/NAME.json (none when its data is absent: the gate then fails);
# a failing benchmark does not stop the others, and the gate runs last in any case.
eval: install-test browser
	rm -rf $(EVAL_OUT) && mkdir -p $(EVAL_OUT)
	@rc=0; \
	run() { n=$$1; shift; echo "== $$n"; $(BIN)/python benchmarks/$$n.py --json $(EVAL_OUT)/$$n.json "$$@" || rc=1; }; \
	run article_extraction --data $(BENCH_DATA)/article-extraction; \
	run polnear --data $(BENCH_DATA)/polnear; \
	run tempeval3 --data $(BENCH_DATA)/tempeval3; \
	run quantulum3 --data $(BENCH_DATA)/quantulum3-tests; \
	run ecbplus --data $(BENCH_DATA)/ecbplus; \
	run fnc1 --data $(BENCH_DATA)/fnc1; \
	run fnc_stories --data $(BENCH_DATA)/fnc1; \
	run contradiction_pairs --data $(BENCH_DATA)/fnc1; \
	run pairs --data $(BENCH_DATA)/pairs; \
	run basil --data $(BENCH_DATA)/basil; \
	run basil_events --data $(BENCH_DATA)/basil; \
	run linking_scale --data $(BENCH_DATA)/polnear --fnc $(BENCH_DATA)/fnc1/train_bodies.csv; \
	run throughput --data $(BENCH_DATA)/polnear; \
	run scale --data $(BENCH_DATA) --limit 100 --engines inline,dask2 --skip-linking; \
	run report_render; \
	run service_load; \
	run incremental --data $(SHARED)/gold; \
	echo "== clusters"; \
	$(BIN)/python $(SHARED)/tools/eval_clusters.py --rashomon $(BIN)/rashomon --out $(EVAL_OUT)/clusters \
	    --json $(EVAL_OUT)/clusters.json || rc=1; \
	$(BIN)/python benchmarks/gate.py $(EVAL_OUT) --floors benchmarks/floors.yaml || rc=1; \
	exit $$rc

clean:
	rm -rf $(OUT) $(EVAL_OUT) .pytest_cache .hypothesis build dist src/*.egg-info
