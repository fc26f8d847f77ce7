# make bench: each language against what its users would use instead, as ratios.
BENCH_TARGETS += bench-rust

.PHONY: bench-rust
bench-rust:
	@echo "== Rust: cloudpartner vs serde_json / reqwest (release build)"
	$(CARGO) bench -p cloudpartner --bench compare
