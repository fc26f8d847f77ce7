# cloudpartner — one Rust core, bindings for Python, Node and C.
#
#   make demo    the emulator and a publish watched from start to live (~20 s)
#   make test    every test suite: Rust, Python, Node, C (installs what it needs)
#   make lint    rustfmt, clippy, and each ecosystem's own linters
#   make bench   benchmarks against what users would use instead (bench-release: a whole
#                release by cloudpartner, cloudpub and azure-img-utils on the emulator)
#   make soak    10 000 reads and 1 000 writes at concurrency 64 with faults; memory stays flat
#   make fuzz    every fuzz target for FUZZ_SECONDS each (nightly and cargo-fuzz)
#   make dist    the release artifacts into dist/: wheel and sdist, npm tarball, C tarball
#   make test-dist   each of them installed into an empty environment, its quick start run
#
# One target dir for the whole workspace; debug builds for tests.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo
export CARGO_TARGET_DIR ?= $(CURDIR)/target
export CARGO_TERM_COLOR ?= never

TEST_TARGETS := test-rust
LINT_TARGETS := lint-rust
BENCH_TARGETS :=

.PHONY: all demo test lint bench soak test-rust lint-rust build-cli check-tls-provider
all: test

# Each language adds its targets to the lists above.
-include python/python.mk
-include node/node.mk
-include bindings/c/c.mk
-include bench/bench.mk
-include fuzz/fuzz.mk
-include bench/soak/soak.mk
-include bench/release/release.mk
-include packaging/dist.mk

build-cli:
	$(CARGO) build -p cloudpartner-cli

demo: build-cli
	$(CARGO_TARGET_DIR)/debug/cloudpartner demo

test: $(TEST_TARGETS)
	@echo "make test: all suites passed ($(TEST_TARGETS))"

# The crates with Rust test suites (bindings test through their own languages).
RUST_TEST_CRATES := -p cloudpartner -p cloudpartner-emulator -p cloudpartner-cli -p cloudpartner-release-bench

test-rust: check-tls-provider
	$(CARGO) test $(RUST_TEST_CRATES)
	$(CARGO) run --quiet -p cloudpartner --example release
	$(CARGO) run --quiet -p cloudpartner --example ingestion_release

# rustls with ring, never aws-lc-rs: aws-lc-sys (C, built with cmake) was most of a release
# build's time. reqwest's `rustls` feature, or rustls's default features, would bring it back.
check-tls-provider:
	@if $(CARGO) tree --workspace --target all -e normal,build,dev -i aws-lc-sys >/dev/null 2>&1; then \
	  echo "FAIL aws-lc-sys is back in the build:" >&2; \
	  $(CARGO) tree --workspace -e normal,build,dev -i aws-lc-sys >&2; exit 1; fi
	@echo "rust: rustls uses ring; aws-lc-sys is not built"

lint: $(LINT_TARGETS)

lint-rust:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --no-deps -p cloudpartner -p cloudpartner-emulator

bench: $(BENCH_TARGETS)

