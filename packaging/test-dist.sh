#!/usr/bin/env bash
# make test-dist: each artifact of `make dist` installed into an empty environment, where the
# README's quick start of its language runs against the emulator the package itself ships.
#
#   packaging/test-dist.sh DIST_DIR VERSION
#
#   wheel   a fresh venv, pip install the .whl; the README's Python "Fetch" block
#   sdist   another fresh venv, pip install the .tar.gz (pip builds it: maturin from PyPI,
#           cargo with the pyproject's dist profile); the same block. With CARGO_TARGET_DIR
#           set (make sets it), cargo reuses what the wheel's build made of the same sources
#           (it hashes path crates by their place in the workspace, and a file missing from
#           the sdist fails the build all the same); unset, the sdist is built from scratch.
#   npm     an empty npm project, npm install the .tgz; the README's Node "Fetch" block
#   C       the tarball unpacked into an empty prefix; the README's C "Fetch an offer"
#           program built with pkg-config (shared, then static), run
set -euo pipefail
dist=$(cd "$1" && pwd) version=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
readme=$repo/README.md
work=$(mktemp -d "${TMPDIR:-/tmp}/cloudpartner-test-dist.XXXXXX")
trap 'rm -rf "$work"' EXIT
# Nothing of the caller's configuration reaches the quick starts but the emulator's.
unset CLOUDPARTNER_BASE_URL CLOUDPARTNER_TOKEN AZURE_TOKEN AZURE_TENANT_ID AZURE_CLIENT_ID \
  AZURE_CLIENT_SECRET PYTHONPATH NODE_PATH VIRTUAL_ENV || true

fail() { echo "FAIL test-dist: $*" >&2; exit 1; }

# The first ```LANG block under the heading HEADING of section SECTION of the README.
block() { # SECTION HEADING LANG
  awk -v section="$1" -v heading="$2" -v lang="$3" '
    /^## / { in_section = ($0 == section) }
    /^### / { in_heading = in_section && ($0 == heading) }
    in_heading && !done && $0 == "```" lang { keep = 1; next }
    keep && /^```$/ { keep = 0; done = 1 }
    keep { print }
  ' "$readme"
}

# --- Python: the wheel, then the sdist, each into a venv of its own ---------------------
block "## Python" "### Fetch" python > "$work/fetch.py"
[ -s "$work/fetch.py" ] || fail "no Python Fetch block in README.md"
cat > "$work/run_python.py" <<'EOF'
"""Runs the README's block (argv[1]) with the environment pointing at the package's emulator."""
import os, subprocess, sys
from cloudpartner.testing import Emulator

with Emulator() as emulator:
    env = dict(os.environ, CLOUDPARTNER_BASE_URL=emulator.base_url, CLOUDPARTNER_TOKEN=emulator.token)
    out = subprocess.run([sys.executable, sys.argv[1]], env=env, cwd=os.path.dirname(sys.argv[1]),
                         check=True, capture_output=True, text=True).stdout
print(out, end="")
assert "live-offer succeeded" in out and "no-such-offer not_found 404" in out, out
EOF
wheel=$(ls "$dist"/cloudpartner-"$version"-cp39-abi3-manylinux_*_x86_64*.whl)
sdist=$dist/cloudpartner-$version.tar.gz
for kind in wheel sdist; do
  artifact=$wheel; [ $kind = sdist ] && artifact=$sdist
  echo "== Python $kind: $(basename "$artifact") into a fresh venv"
  python3 -m venv "$work/venv-$kind"
  (cd "$work" && "$work/venv-$kind/bin/pip" install --no-cache-dir --disable-pip-version-check \
     $([ $kind = wheel ] && echo --no-index) -v "$artifact" > "$work/pip-$kind.log" 2>&1) \
    || { tail -n 40 "$work/pip-$kind.log" >&2; fail "pip install $(basename "$artifact")"; }
  if [ $kind = sdist ]; then
    grep -q 'Finished `dist` profile' "$work/pip-$kind.log" \
      || fail "pip's build of the sdist did not use the dist profile (see pyproject.toml)"
  fi
  "$work/venv-$kind/bin/pip" show cloudpartner > "$work/pip-show-$kind.txt"
  grep -q "^Version: $version$" "$work/pip-show-$kind.txt" || fail "not version $version"
  (cd "$work" && "$work/venv-$kind/bin/python" "$work/run_python.py" "$work/fetch.py") \
    || fail "the README's Python Fetch block with the $kind"
done

# --- Node: the tarball into an empty npm project ------------------------------------------
echo "== npm: cloudpartner-$version.tgz into an empty project"
mkdir -p "$work/npm"
block "## Node.js" "### Fetch" js > "$work/npm/fetch.mjs"
[ -s "$work/npm/fetch.mjs" ] || fail "no Node Fetch block in README.md"
(cd "$work/npm" && npm init -y > /dev/null && npm install --no-audit --no-fund --silent "$dist/cloudpartner-$version.tgz") \
  || fail "npm install cloudpartner-$version.tgz"
[ ! -e "$work/npm/node_modules/cloudpartner/node_modules" ] || fail "the package brought dependencies"
cat > "$work/npm/run.mjs" <<'EOF'
// Runs the README's block with the environment pointing at the package's emulator, on
// its default scenario (which has the offers the block names), as a user runs it.
import { execFileSync } from 'node:child_process'
import { Emulator } from 'cloudpartner'

const emulator = await Emulator.start()
try {
  const env = { ...process.env, CLOUDPARTNER_BASE_URL: emulator.baseUrl, CLOUDPARTNER_TOKEN: emulator.token }
  const out = execFileSync(process.execPath, ['fetch.mjs'], { env, encoding: 'utf8', timeout: 30000 })
  process.stdout.write(out)
  if (!/^running \d+% Certification$/m.test(out) || !/^live-offer succeeded$/m.test(out) || !/^no-such-offer not_found \(404\)$/m.test(out)) {
    throw new Error(`unexpected output:\n${out}`)
  }
} finally {
  await emulator.stop()
}
EOF
(cd "$work/npm" && node run.mjs) || fail "the README's Node Fetch block with the npm tarball"
node -e "const a = require('$work/npm/node_modules/cloudpartner/lib/addon.js'); if (a.buildProfile() !== 'release') process.exit(1)" \
  || fail "the npm tarball's addon is not a release build"

# --- C: the tarball into an empty prefix, found by pkg-config ------------------------------
echo "== C: $(basename "$dist"/cloudpartner-c-"$version"-linux-x86_64.tar.gz) into an empty prefix"
prefix=$work/prefix
mkdir -p "$prefix"
tar -xzf "$dist/cloudpartner-c-$version-linux-x86_64.tar.gz" -C "$prefix" --strip-components=1
lib=$prefix/lib
test "$(readlink "$lib/libcloudpartner.so")" = libcloudpartner.so.0 \
  && test "$(readlink "$lib/libcloudpartner.so.0")" = "libcloudpartner.so.$version" \
  || fail "the links .so -> .so.0 -> .so.$version"
readelf -d "$lib/libcloudpartner.so.$version" | grep -q 'SONAME.*\[libcloudpartner\.so\.0\]' || fail "no SONAME"
! readelf -S "$lib/libcloudpartner.so.$version" | grep -q '\.symtab' || fail "libcloudpartner.so is not stripped"
grep -q '^# pkg-config file of libcloudpartner, from bindings/c/cloudpartner.pc.in' "$lib/pkgconfig/cloudpartner.pc" \
  || fail "the comment of cloudpartner.pc was changed by the install: $(head -n 2 "$lib/pkgconfig/cloudpartner.pc")"
export PKG_CONFIG_PATH=$lib/pkgconfig
pkg-config --modversion cloudpartner | grep -qx "$version" || fail "pkg-config --modversion"
awk '/^### / { s = ($0 == "### Fetch an offer") } s && /^```c$/ { k = 1; next } k && /^```$/ { exit } k { print }' \
  "$readme" > "$work/fetch.c"
# A driver on the library's own emulator (the C repository's with_emulator, built here too).
cc -std=c99 -Wall -Wextra -Werror "$work/fetch.c" $(pkg-config --cflags --libs cloudpartner) -o "$work/fetch" \
  || fail "the README's C program with pkg-config"
cc -std=c11 -Wall -Wextra -Werror "$repo/bindings/c/tests/with_emulator.c" $(pkg-config --cflags --libs cloudpartner) \
  -o "$work/with_emulator" || fail "with_emulator with pkg-config"
cc -std=c99 -Wall -Wextra -Werror "$work/fetch.c" $(pkg-config --cflags cloudpartner) \
  "$lib/libcloudpartner.a" $(pkg-config --libs-only-l --static cloudpartner | sed 's/-lcloudpartner//') \
  -o "$work/fetch-static" || fail "the README's C program linked statically"
for program in fetch fetch-static; do
  out=$(LD_LIBRARY_PATH=$lib "$work/with_emulator" "$work/$program") || fail "$program"
  printf '%s\n' "$out"
  grep -q '^  Packaging and Lead Generation Registration  ' <<< "$out" || fail "$program: the long step name"
done
ldd "$work/fetch-static" | grep -q libcloudpartner && fail "fetch-static loads libcloudpartner.so"

echo "make test-dist: the wheel, the sdist, the npm tarball and the C tarball install into empty environments and run the README's quick starts"
