# make soak: not part of make test. The Rust soak (a release build: 10 000 reads and
# 1 000 writes at concurrency 64 with faults, the emulator in a child process, 100 000
# requests in all), then a shorter form in each binding (5 000 reads with faults).

SOAK_BINDING_REQUESTS ?= 5000

.PHONY: soak soak-rust soak-python soak-node soak-c

soak: soak-rust soak-python soak-node soak-c

soak-rust:
	$(CARGO) run --release --quiet -p cloudpartner-soak

soak-python: python-develop
	$(PY) bench/soak/soak.py $(SOAK_BINDING_REQUESTS)

soak-node: node-build
	node --expose-gc bench/soak/soak.mjs $(SOAK_BINDING_REQUESTS)

soak-c: build-c
	@mkdir -p $(C_OUT)
	gcc -O2 -std=c11 -Wall -Wextra -Werror -pthread -Iinclude bench/soak/soak.c \
	  -L$(C_LIB_DIR) -lcloudpartner -Wl,-rpath,$(C_LIB_DIR) -o $(C_OUT)/soak
	$(C_OUT)/soak $(SOAK_BINDING_REQUESTS)
