# make fuzz: every cargo fuzz target for FUZZ_SECONDS seconds each (default 60), two at a
# time, seeded from fixtures/ and the corpus of earlier runs. Needs the nightly toolchain;
# installs cargo-fuzz when it is missing. Not part of make test. A crash fails the run
# and leaves its input in fuzz/artifacts/TARGET/.
#
#   make fuzz FUZZ_SECONDS=600      what the README's results come from
#   make fuzz-cmin                  shrinks fuzz/corpus/ to the inputs that add coverage

FUZZ_SECONDS ?= 60
FUZZ_JOBS ?= 2
FUZZ_TARGETS := offer_status offer operation time_frame timestamp retry_after scenario redact_sas
FUZZ_ENV := CARGO_TARGET_DIR=$(CURDIR)/fuzz/target

.PHONY: fuzz fuzz-build fuzz-cmin

fuzz-build:
	@if ! rustup run nightly rustc --version >/dev/null 2>&1; then \
	  echo "make fuzz: cargo fuzz needs the nightly toolchain (rustup toolchain install nightly); nothing fuzzed"; \
	  exit 3; fi
	@command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked
	fuzz/seed.sh
	cd fuzz && $(FUZZ_ENV) cargo +nightly fuzz build

fuzz:
	@$(MAKE) --no-print-directory fuzz-build || { test $$? -eq 3 && exit 0; exit 1; }
	@printf '%s\n' $(FUZZ_TARGETS) | xargs -P $(FUZZ_JOBS) -I{} sh -c '\
	  mkdir -p fuzz/corpus/{}; \
	  cd fuzz && $(FUZZ_ENV) cargo +nightly fuzz run {} corpus/{} seeds/{} -- \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -print_final_stats=1 \
	    > target/{}.log 2>&1; \
	  echo "fuzz {}: $$(ls corpus/{} | wc -l) corpus inputs, $$(sed -n "s/^stat::number_of_executed_units: *//p" target/{}.log) runs in $(FUZZ_SECONDS) s"'
	@crashes=$$(find fuzz/artifacts -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) 2>/dev/null); \
	if [ -n "$$crashes" ]; then echo "make fuzz: crashes found:"; echo "$$crashes"; exit 1; fi
	@echo "make fuzz: every target ran $(FUZZ_SECONDS) s without a crash"

fuzz-cmin: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  (cd fuzz && $(FUZZ_ENV) cargo +nightly fuzz cmin $$t corpus/$$t >/dev/null 2>&1); \
	  echo "$$t: $$(ls fuzz/corpus/$$t | wc -l) inputs"; done
