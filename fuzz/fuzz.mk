# make fuzz: every cargo fuzz target for FUZZ_SECONDS seconds each (default 60), seeded
# from fixtures/ and the committed corpus. Needs the nightly toolchain; installs
# cargo-fuzz when it is missing. Not part of make test.
#
#   make fuzz FUZZ_SECONDS=600      what the README's results come from

FUZZ_SECONDS ?= 60
FUZZ_TARGETS := offer_status offer operation time_frame timestamp retry_after scenario redact_sas

.PHONY: fuzz fuzz-build

fuzz-build:
	@if ! rustup run nightly rustc --version >/dev/null 2>&1; then \
	  echo "make fuzz: cargo fuzz needs the nightly toolchain (rustup toolchain install nightly); nothing fuzzed"; \
	  exit 3; fi
	@command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked
	fuzz/seed.sh
	cd fuzz && CARGO_TARGET_DIR=$(CURDIR)/fuzz/target cargo +nightly fuzz build

fuzz:
	@$(MAKE) --no-print-directory fuzz-build || { test $$? -eq 3 && exit 0; exit 1; }
	@set -e; for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t; \
	  echo "== fuzz $$t for $(FUZZ_SECONDS) s"; \
	  (cd fuzz && CARGO_TARGET_DIR=$(CURDIR)/fuzz/target cargo +nightly fuzz run $$t corpus/$$t seeds/$$t -- \
	     -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -print_final_stats=1 2>&1 \
	     | grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written|thread .* panicked)' || true); \
	  if ls fuzz/artifacts/$$t/crash-* fuzz/artifacts/$$t/timeout-* >/dev/null 2>&1; then \
	    echo "make fuzz: $$t found a crash: fuzz/artifacts/$$t/"; exit 1; fi; \
	done
	@echo "make fuzz: every target ran $(FUZZ_SECONDS) s without a crash"

# Keeps the committed corpus to the inputs that add coverage.
fuzz-cmin: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  (cd fuzz && CARGO_TARGET_DIR=$(CURDIR)/fuzz/target cargo +nightly fuzz cmin $$t corpus/$$t >/dev/null 2>&1); \
	  echo "$$t: $$(ls fuzz/corpus/$$t | wc -l) inputs"; done
