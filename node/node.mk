# Node package: build the addon with @napi-rs/cli into node/, test and type-check it.
#
#   make test-node   npm ci (when node_modules is missing or stale), a debug build of the
#                    addon (npm run build: napi build, then scripts/tables.js writes
#                    tables.d.ts from the addon's tables), node --test (the vectors of
#                    fixtures/, every client method against the emulator, aborted calls,
#                    the examples, the README's Node blocks, the packed tarball in an
#                    empty project), tsc --noEmit --strict on the typed example in
#                    node/test/types
#   make lint-node   tsc over the package's JavaScript and declarations, the typed
#                    example, and a check that the committed generated files (the
#                    loader native.js, native.d.ts, tables.d.ts) match the addon
#
# Cargo builds into the shared $(CARGO_TARGET_DIR).

NPM ?= npm
NODE_MODULES_STAMP := node/node_modules/.package-lock.json

.PHONY: node-deps node-build node-typecheck test-node lint-node

# npm ci writes node_modules/.package-lock.json: a stamp that follows the lock file.
$(NODE_MODULES_STAMP): node/package.json node/package-lock.json
	cd node && $(NPM) ci --no-audit --no-fund
	touch $@

node-deps: $(NODE_MODULES_STAMP)

node-build: node-deps
	cd node && $(NPM) run --silent build

node-typecheck: node-deps
	cd node && npx tsc -p tsconfig.json
	cd node && npx tsc --noEmit --strict -p test/types/tsconfig.json

test-node: node-build node-typecheck
	cd node && node --test --test-concurrency=2 test/

lint-node: node-build node-typecheck
	git diff --exit-code -- node/native.js node/native.d.ts node/tables.d.ts \
	  || { echo "node/native.js, node/native.d.ts or node/tables.d.ts is stale: commit what npm run build generated"; exit 1; }
	git ls-files --error-unmatch node/native.js node/native.d.ts node/tables.d.ts >/dev/null \
	  || { echo "commit the files npm run build generated"; exit 1; }

TEST_TARGETS += test-node
LINT_TARGETS += lint-node
