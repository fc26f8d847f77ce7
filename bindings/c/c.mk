# bindings/c/c.mk — the C library: libcloudpartner.so / .a with include/cloudpartner.h.
# Included by the root Makefile (run from the repository root).
#
#   make test-c       the committed header is fresh; Rust unit tests of the binding; the
#                     header compiles as C99 and C++17, and so do the README's C programs; the C tests (the status, offer and
#                     operation vectors, the core's tables, the client, the publishing API,
#                     the release, threads, the shared surface cases, the Product Ingestion
#                     API with its vectors), linked once shared and once static,
#                     each under valgrind; the examples against the emulator; an install into
#                     a temporary prefix (SONAME and links checked), found by pkg-config
#                     and a program linked against cargo's target/debug runs (the SONAME
#                     link .so.0 is laid out there by build.rs)
#   make lint-c       rustfmt, clippy, and gcc's static analyzer (-fanalyzer) on the C code
#   make example-c    examples/c/status against an emulator, examples/c/release (a whole
#                     release against the emulator it starts)
#   make install-c PREFIX=/usr/local [DESTDIR=...]   (also `make install`): lib
#                     (libcloudpartner.so.X.Y.Z with its SONAME link .so.X and the link .so,
#                     and .a), header, pkg-config file; built with the dist profile
#                     (stripped), C_INSTALL_PROFILE=debug skips that build

PREFIX ?= /usr/local
# The Cargo profile of an install: dist (Cargo.toml: optimised, stripped, no cross-crate
# LTO), or debug, or release.
C_INSTALL_PROFILE ?= dist
C_OUT := $(CARGO_TARGET_DIR)/c
C_CARGO_LIB_DIR := $(CARGO_TARGET_DIR)/debug
# The debug libraries as an install lays them out (the .so named by its SONAME, and the
# link for -lcloudpartner), as links into cargo's directory: what the tests link with.
C_LIB_DIR := $(C_OUT)/lib
# What a static link of a Rust library needs (`--print native-static-libs`).
C_STATIC_DEPS := -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc
C_WARNINGS := -Wall -Wextra -Werror
C_TEST_CFLAGS := -std=c11 $(C_WARNINGS) -pthread -g -Iinclude
C_TEST_SUPPORT := bindings/c/tests/check.c bindings/c/tests/json.c bindings/c/tests/support.c \
	bindings/c/tests/fixtures.c
C_TESTS := test_vectors test_publishing_vectors test_tables test_client test_publishing \
	test_release test_threads test_surface test_ingestion
C_EXAMPLES := status release ingestion_release
C_VALGRIND := valgrind --quiet --leak-check=full --show-leak-kinds=definite,possible \
	--errors-for-leak-kinds=definite,possible --error-exitcode=99 \
	--suppressions=bindings/c/tests/valgrind.supp
C_VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
# The SONAME is libcloudpartner.so.$(C_SOVERSION) (bindings/c/build.rs sets it).
C_SOVERSION := $(firstword $(subst ., ,$(C_VERSION)))

TEST_TARGETS += test-c
LINT_TARGETS += lint-c

.PHONY: c-tools build-c c-lib c-header-fresh c-unit c-header-compiles c-build-tree c-tests-build c-valgrind \
	example-c c-readme-fetch c-pkg-config test-c lint-c install-c install

# The tools a fresh Debian machine may lack (root there: apt-get works).
c-tools:
	@missing=""; for tool in gcc g++ valgrind pkg-config; do \
	  command -v $$tool >/dev/null || missing="$$missing $$tool"; done; \
	if [ -n "$$missing" ]; then \
	  echo "c: installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc g++ valgrind pkg-config; \
	fi

build-c:
	$(CARGO) build -p cloudpartner-c

# The links of $(C_LIB_DIR), after a build (by c-header-fresh).
c-lib: c-header-fresh
	@mkdir -p $(C_LIB_DIR)
	ln -sfn $(abspath $(C_CARGO_LIB_DIR))/libcloudpartner.so $(C_LIB_DIR)/libcloudpartner.so.$(C_SOVERSION)
	ln -sfn libcloudpartner.so.$(C_SOVERSION) $(C_LIB_DIR)/libcloudpartner.so
	ln -sfn $(abspath $(C_CARGO_LIB_DIR))/libcloudpartner.a $(C_LIB_DIR)/libcloudpartner.a

# build.rs regenerates include/cloudpartner.h when it differs from what cbindgen makes of
# bindings/c/src; a copy taken before the build tells whether the committed one was stale.
c-header-fresh:
	@mkdir -p $(C_OUT)
	@cp include/cloudpartner.h $(C_OUT)/cloudpartner.h.committed 2>/dev/null || : > $(C_OUT)/cloudpartner.h.committed
	$(CARGO) build -p cloudpartner-c
	@if ! cmp -s $(C_OUT)/cloudpartner.h.committed include/cloudpartner.h; then \
	  echo "FAIL include/cloudpartner.h was stale; the build regenerated it: commit it" >&2; \
	  diff -u $(C_OUT)/cloudpartner.h.committed include/cloudpartner.h | head -n 40 >&2; \
	  exit 1; \
	fi
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && git ls-files --error-unmatch include/cloudpartner.h >/dev/null 2>&1 \
	    && ! git diff --quiet HEAD -- include/cloudpartner.h; then \
	  echo "FAIL include/cloudpartner.h differs from the committed one: commit the regenerated header" >&2; \
	  git --no-pager diff --stat HEAD -- include/cloudpartner.h >&2; \
	  exit 1; \
	fi
	@echo "c: include/cloudpartner.h matches a fresh cbindgen run"

c-unit: c-header-fresh
	$(CARGO) test -p cloudpartner-c

c-header-compiles: c-tools c-lib
	@mkdir -p $(C_OUT)
	@for example in $(C_EXAMPLES); do \
	  echo "gcc -std=c99 -pedantic examples/c/$$example.c"; \
	  gcc -std=c99 $(C_WARNINGS) -pedantic -Iinclude -c examples/c/$$example.c -o $(C_OUT)/$${example}_c99.o || exit 1; \
	done
	@rm -rf $(C_OUT)/readme && mkdir -p $(C_OUT)/readme
	@awk '/^```c$$/ { n++; keep = 1; out = sprintf("$(C_OUT)/readme/snippet%02d.c", n); next } \
	     /^```$$/ { keep = 0 } keep { print > out }' README.md
	@count=0; for snippet in $(C_OUT)/readme/snippet*.c; do \
	  head -n 1 $$snippet | grep -q '^#include' || continue; \
	  gcc -std=c99 $(C_WARNINGS) -pedantic -Wno-unused-function -Iinclude -c $$snippet -o $$snippet.o \
	    || { echo "FAIL a C snippet of README.md does not compile: $$snippet" >&2; exit 1; }; \
	  count=$$((count + 1)); \
	done; \
	[ $$count -ge 2 ] || { echo "FAIL only $$count C snippets starting with #include found in README.md" >&2; exit 1; }; \
	echo "c: the $$count C snippets of README.md that start with #include compile as C99"
	g++ -std=c++17 $(C_WARNINGS) -pedantic -Iinclude bindings/c/tests/header_cpp.cpp \
	  -o $(C_OUT)/header_cpp -L$(C_LIB_DIR) -lcloudpartner -Wl,-rpath,$(C_LIB_DIR)
	$(C_OUT)/header_cpp

c-tests-build: c-tools c-lib
	@mkdir -p $(C_OUT)/shared $(C_OUT)/static
	@for program in $(C_TESTS) with_emulator; do \
	  echo "c: building $$program (shared, static)"; \
	  gcc $(C_TEST_CFLAGS) bindings/c/tests/$$program.c $(C_TEST_SUPPORT) -o $(C_OUT)/shared/$$program \
	    -L$(C_LIB_DIR) -lcloudpartner -Wl,-rpath,$(C_LIB_DIR) -lm; \
	  gcc $(C_TEST_CFLAGS) bindings/c/tests/$$program.c $(C_TEST_SUPPORT) -o $(C_OUT)/static/$$program \
	    $(C_LIB_DIR)/libcloudpartner.a $(C_STATIC_DEPS); \
	done

# Every test program, linked both ways, under valgrind; all run, then the totals.
c-valgrind: c-tests-build
	@rc=0; : > $(C_OUT)/results.txt; \
	for link in shared static; do for program in $(C_TESTS); do \
	  args=""; if [ $$program = test_vectors ]; then args=fixtures/status; fi; \
	  if [ $$program = test_surface ]; then args=fixtures/surface; fi; \
	  if [ $$program = test_publishing_vectors ]; then args=fixtures; fi; \
	  if [ $$program = test_ingestion ]; then args=fixtures/ingestion; fi; \
	  echo "== $$program ($$link) under valgrind"; \
	  $(C_VALGRIND) $(C_OUT)/$$link/$$program $$args | tee $(C_OUT)/last.txt || rc=1; \
	  tail -n 1 $(C_OUT)/last.txt >> $(C_OUT)/results.txt; \
	done; done; \
	awk '{ p += $$(NF-3); f += $$(NF-1) } END { printf "c: %d passed, %d failed\n", p, f }' $(C_OUT)/results.txt; \
	exit $$rc

# release starts its own emulator when no token is set: unset, so that it never reaches
# the real service from here.
example-c: c-tests-build
	@for example in $(C_EXAMPLES); do \
	  echo "gcc examples/c/$$example.c"; \
	  gcc -std=c99 $(C_WARNINGS) -Iinclude examples/c/$$example.c -o $(C_OUT)/$$example \
	    -L$(C_LIB_DIR) -lcloudpartner -Wl,-rpath,$(C_LIB_DIR) || exit 1; \
	done
	$(C_OUT)/shared/with_emulator --time-scale 40000 $(C_OUT)/status contoso vm-offer
	env -u CLOUDPARTNER_TOKEN -u AZURE_TOKEN -u CLOUDPARTNER_BASE_URL $(C_OUT)/release
	env -u CLOUDPARTNER_TOKEN -u AZURE_TOKEN -u CLOUDPARTNER_INGESTION_URL $(C_OUT)/ingestion_release

# The README's C fetch example, run against the emulator: what the README shows, in columns.
c-readme-fetch: c-tests-build
	bash bindings/c/tests/readme_fetch.sh README.md $(C_OUT)/readme-fetch $(C_LIB_DIR) \
	  $(C_OUT)/shared/with_emulator

# `make install` into a temporary prefix: the library has its SONAME and its links; the
# README's pkg-config line builds both examples, which load libcloudpartner.so.0 from there
# and run.
c-pkg-config: c-tests-build
	rm -rf $(C_OUT)/prefix
	$(MAKE) --no-print-directory install-c PREFIX=$(C_OUT)/prefix C_INSTALL_PROFILE=debug
	@lib=$(C_OUT)/prefix/lib; \
	readelf -d $$lib/libcloudpartner.so.$(C_VERSION) | grep -q 'SONAME.*\[libcloudpartner\.so\.$(C_SOVERSION)\]' \
	  || { echo "FAIL libcloudpartner.so.$(C_VERSION) has no SONAME libcloudpartner.so.$(C_SOVERSION)" >&2; exit 1; }; \
	test "$$(readlink $$lib/libcloudpartner.so.$(C_SOVERSION))" = libcloudpartner.so.$(C_VERSION) \
	  && test "$$(readlink $$lib/libcloudpartner.so)" = libcloudpartner.so.$(C_SOVERSION) \
	  || { echo "FAIL the links .so -> .so.$(C_SOVERSION) -> .so.$(C_VERSION) are not installed" >&2; ls -l $$lib >&2; exit 1; }; \
	echo "c: installed libcloudpartner.so -> .so.$(C_SOVERSION) (SONAME) -> .so.$(C_VERSION)"
	@diff <(grep '^#' bindings/c/cloudpartner.pc.in) <(grep '^#' $(C_OUT)/prefix/lib/pkgconfig/cloudpartner.pc) \
	  || { echo "FAIL make install-c changed the comment of cloudpartner.pc (above: template, installed)" >&2; exit 1; }
	PKG_CONFIG_PATH=$(C_OUT)/prefix/lib/pkgconfig; export PKG_CONFIG_PATH; \
	  for example in $(C_EXAMPLES); do \
	    cc examples/c/$$example.c $$(pkg-config --cflags --libs cloudpartner) -o $(C_OUT)/$$example-pkg-config || exit 1; \
	  done
	LD_LIBRARY_PATH=$(C_OUT)/prefix/lib ldd $(C_OUT)/release-pkg-config \
	  | grep "libcloudpartner.so.$(C_SOVERSION) => $(C_OUT)/prefix/lib/libcloudpartner.so.$(C_SOVERSION)"
	LD_LIBRARY_PATH=$(C_OUT)/prefix/lib $(C_OUT)/shared/with_emulator $(C_OUT)/status-pkg-config contoso live-offer
	LD_LIBRARY_PATH=$(C_OUT)/prefix/lib env -u CLOUDPARTNER_TOKEN -u AZURE_TOKEN -u CLOUDPARTNER_BASE_URL \
	  $(C_OUT)/release-pkg-config contoso vm-release byol 3.0.0 https://example.blob.core.windows.net/vhds/byol.vhd?sig=x
	LD_LIBRARY_PATH=$(C_OUT)/prefix/lib env -u CLOUDPARTNER_TOKEN -u AZURE_TOKEN -u CLOUDPARTNER_INGESTION_URL \
	  $(C_OUT)/ingestion_release-pkg-config vm-release byol 3.0.0 https://example.blob.core.windows.net/vhds/byol.vhd?sig=x

# A program linked against cargo's own directory (`-L target/debug -lcloudpartner`, with
# that directory as its rpath) starts: bindings/c/build.rs lays out the SONAME link
# libcloudpartner.so.$(C_SOVERSION) -> libcloudpartner.so there.
c-build-tree: c-header-fresh
	@mkdir -p $(C_OUT)
	test "$$(readlink $(C_CARGO_LIB_DIR)/libcloudpartner.so.$(C_SOVERSION))" = libcloudpartner.so
	gcc $(C_TEST_CFLAGS) bindings/c/tests/test_tables.c bindings/c/tests/check.c -o $(C_OUT)/build_tree_tables \
	  -L$(C_CARGO_LIB_DIR) -lcloudpartner -Wl,-rpath,$(abspath $(C_CARGO_LIB_DIR)) -lm
	env -u LD_LIBRARY_PATH $(C_OUT)/build_tree_tables | tail -n 1
	@echo "c: a program linked against $(C_CARGO_LIB_DIR) loads libcloudpartner.so.$(C_SOVERSION) from there"

# The valgrind runs last: their totals close the output.
test-c: c-header-fresh c-unit c-header-compiles c-build-tree example-c c-readme-fetch c-pkg-config c-valgrind

lint-c: c-tools
	$(CARGO) fmt -p cloudpartner-c --check
	$(CARGO) clippy -p cloudpartner-c --all-targets -- -D warnings
	@for source in bindings/c/tests/*.c examples/c/*.c; do \
	  gcc -std=c11 $(C_WARNINGS) -Wpedantic -Wshadow -Wstrict-prototypes -Wformat=2 -fanalyzer \
	    -pthread -Iinclude -c $$source -o /dev/null || exit 1; \
	done
	@echo "c: gcc -fanalyzer found nothing"

install: install-c

install-c:
	$(CARGO) build -p cloudpartner-c $(if $(filter debug,$(C_INSTALL_PROFILE)),,--profile $(C_INSTALL_PROFILE))
	install -d $(DESTDIR)$(abspath $(PREFIX))/include $(DESTDIR)$(abspath $(PREFIX))/lib/pkgconfig
	install -m 644 include/cloudpartner.h $(DESTDIR)$(abspath $(PREFIX))/include/
	install -m 755 $(CARGO_TARGET_DIR)/$(C_INSTALL_PROFILE)/libcloudpartner.so \
	  $(DESTDIR)$(abspath $(PREFIX))/lib/libcloudpartner.so.$(C_VERSION)
	ln -sfn libcloudpartner.so.$(C_VERSION) $(DESTDIR)$(abspath $(PREFIX))/lib/libcloudpartner.so.$(C_SOVERSION)
	ln -sfn libcloudpartner.so.$(C_SOVERSION) $(DESTDIR)$(abspath $(PREFIX))/lib/libcloudpartner.so
	install -m 644 $(CARGO_TARGET_DIR)/$(C_INSTALL_PROFILE)/libcloudpartner.a $(DESTDIR)$(abspath $(PREFIX))/lib/
	sed -e '/^#/!s|@PREFIX@|$(abspath $(PREFIX))|g' -e '/^#/!s|@VERSION@|$(C_VERSION)|g' \
	  bindings/c/cloudpartner.pc.in > $(DESTDIR)$(abspath $(PREFIX))/lib/pkgconfig/cloudpartner.pc
	@echo "c: installed libcloudpartner $(C_VERSION) into $(DESTDIR)$(abspath $(PREFIX))"
