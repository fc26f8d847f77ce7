# make bench: each language against what its users would use instead, in the same run,
# as ratios (cloudpartner time / their time: below 1 is faster). Release builds.

BENCH_TARGETS += bench-rust bench-python bench-node

.PHONY: bench-rust bench-python bench-node

bench-rust:
	@echo "== Rust: cloudpartner vs serde_json::Value / reqwest"
	$(CARGO) bench -p cloudpartner --bench compare

# A release build of the extension into the test venv, plus requests to compare with.
bench-python: python-venv
	cd python && VIRTUAL_ENV=$(PY_VENV) $(PY_VENV)/bin/maturin develop --release --quiet
	$(PY) -m pip install --quiet --disable-pip-version-check requests
	@echo "== Python: cloudpartner vs json.loads / requests.Session"
	$(PY) bench/python_compare.py
	@echo "(make test-python rebuilds the debug extension)"

bench-node: node-deps
	cd node && $(NPM) run --silent build:release
	@echo "== Node: cloudpartner vs JSON.parse / fetch"
	node bench/node_compare.mjs
	@echo "(make test-node rebuilds the debug addon)"
