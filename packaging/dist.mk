# packaging/dist.mk — what a release publishes, into dist/ (gitignored), each built the way
# its ecosystem expects. Included by the root Makefile (run from the repository root).
# Neither target is part of `make test`: both make optimised builds (minutes).
#
#   make dist        dist/cloudpartner-$(V)-cp39-abi3-manylinux_2_34_x86_64.whl   maturin build (the
#                                  pyproject's dist profile, stripped; maturin's auditwheel check
#                                  of PY_MANYLINUX, below)
#                    dist/cloudpartner-$(V).tar.gz     maturin sdist (the workspace crates it needs)
#                    dist/cloudpartner-$(V).tgz        npm pack (prepack: the release addon, stripped)
#                    dist/cloudpartner-c-$(V)-linux-x86_64.tar.gz   make install-c (dist profile) into
#                                  a staging prefix: include/cloudpartner.h, lib/libcloudpartner.so.$(V)
#                                  (stripped, SONAME .so.0) with the .so.0 and .so links,
#                                  lib/libcloudpartner.a, lib/pkgconfig/cloudpartner.pc (its prefix
#                                  relative to the file: the tree works wherever it is unpacked)
#   make test-dist   each of them installed into an empty environment (a venv for the wheel, another
#                    for the sdist, an empty npm project, an empty prefix found by pkg-config), where
#                    the README's quick start runs against the emulator the package ships
#                    (packaging/test-dist.sh)

DIST := $(CURDIR)/dist
DIST_VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
DIST_C_NAME := cloudpartner-c-$(DIST_VERSION)-linux-x86_64
DIST_STAGE := $(CARGO_TARGET_DIR)/dist-stage
# The wheel's platform tag, checked by maturin's auditwheel (it refuses a wheel whose glibc
# symbols need more). Built on this host (Debian 12, glibc 2.36), Rust's std links the
# pthread and dl symbols that moved into libc in glibc 2.34: manylinux_2_34 is the lowest
# tag it allows. An older one (manylinux_2_28) needs a build inside that manylinux image.
PY_MANYLINUX ?= manylinux_2_34

.PHONY: dist dist-python dist-node dist-c test-dist

dist: dist-python dist-node dist-c
	@echo "make dist: into dist/:"; cd $(DIST) && ls -l

# The wheel and the sdist. maturin's auditwheel check refuses a wheel that needs more than
# its manylinux tag allows.
dist-python: python-venv
	@mkdir -p $(DIST)
	rm -f $(DIST)/cloudpartner-*.whl $(DIST)/cloudpartner-$(DIST_VERSION).tar.gz
	cd python && $(PY_VENV)/bin/maturin sdist --out $(DIST)
	cd python && $(PY_VENV)/bin/maturin build --auditwheel check --compatibility $(PY_MANYLINUX) \
	  --out $(DIST) 2>&1 | tee $(DIST_STAGE).maturin.log
	grep -q 'Finished `dist` profile' $(DIST_STAGE).maturin.log \
	  || { echo "FAIL the wheel was not built with the dist profile (python/pyproject.toml)" >&2; exit 1; }
	@ls $(DIST)/cloudpartner-$(DIST_VERSION)-cp39-abi3-$(PY_MANYLINUX)_x86_64.whl >/dev/null \
	  || { echo "FAIL no abi3 manylinux wheel in dist/" >&2; ls $(DIST) >&2; exit 1; }

dist-node: node-deps
	@mkdir -p $(DIST)
	rm -f $(DIST)/cloudpartner-$(DIST_VERSION).tgz
	cd node && $(NPM) pack --pack-destination $(DIST)

# install-c into a staging prefix, then the .pc made relative (${pcfiledir}) and the tree
# tarred with neutral owners.
dist-c:
	@mkdir -p $(DIST)
	rm -rf $(DIST_STAGE) && mkdir -p $(DIST_STAGE)
	$(MAKE) --no-print-directory install-c PREFIX=$(DIST_STAGE)/$(DIST_C_NAME) C_INSTALL_PROFILE=dist
	sed -i 's|^prefix=.*|prefix=$${pcfiledir}/../..|' $(DIST_STAGE)/$(DIST_C_NAME)/lib/pkgconfig/cloudpartner.pc
	cp LICENSE-MIT LICENSE-APACHE $(DIST_STAGE)/$(DIST_C_NAME)/
	@lib=$(DIST_STAGE)/$(DIST_C_NAME)/lib/libcloudpartner.so.$(DIST_VERSION); \
	if readelf -S $$lib | grep -q '\.symtab'; then echo "FAIL $$lib is not stripped" >&2; exit 1; fi
	tar -C $(DIST_STAGE) --owner=0 --group=0 --numeric-owner --sort=name \
	  -czf $(DIST)/$(DIST_C_NAME).tar.gz $(DIST_C_NAME)
	tar -tvzf $(DIST)/$(DIST_C_NAME).tar.gz

test-dist: dist
	bash packaging/test-dist.sh $(DIST) $(DIST_VERSION)
