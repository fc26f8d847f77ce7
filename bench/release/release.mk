# make bench-release (part of make bench; not of make test): the same Product Ingestion
# release by `cloudpartner product release`, by cloudpub's AzureService.publish and by
# azure-img-utils 2.x, each on a fresh emulator of bench/release/scenario.json; wall
# time beyond the simulated waits and requests sent, side by side (README: Benchmarks).
# The peers go into their own venv under the target dir, not the repository's .venv.
# RELEASE_BENCH_FLAGS adds to the bench's command line, e.g. --time-scale 10000, or
# --only cloudpub (repeatable), or --scenario FILE.

PYTHON ?= python3
RELEASE_BENCH_FLAGS ?=
RELEASE_BENCH_DIR := $(CARGO_TARGET_DIR)/bench-release
RELEASE_BENCH_VENV := $(RELEASE_BENCH_DIR)/venv
RELEASE_BENCH_PEERS := $(RELEASE_BENCH_VENV)/.peers-installed

BENCH_TARGETS += bench-release

.PHONY: bench-release

$(RELEASE_BENCH_PEERS): bench/release/requirements.txt
	test -x $(RELEASE_BENCH_VENV)/bin/python || $(PYTHON) -m venv $(RELEASE_BENCH_VENV)
	$(RELEASE_BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r bench/release/requirements.txt
	touch $@

bench-release: $(RELEASE_BENCH_PEERS)
	$(CARGO) build --release --quiet -p cloudpartner-cli -p cloudpartner-release-bench
	@echo "== Release: cloudpartner product release vs cloudpub vs azure-img-utils, on the emulator"
	$(CARGO_TARGET_DIR)/release/cloudpartner-release-bench \
	  --cli $(CARGO_TARGET_DIR)/release/cloudpartner \
	  --python $(RELEASE_BENCH_VENV)/bin/python \
	  --scripts bench/release \
	  --logs $(RELEASE_BENCH_DIR)/logs $(RELEASE_BENCH_FLAGS)
