#!/usr/bin/env bash
# The README's C "Fetch an offer" program, built and run against the default emulator:
# it prints what the README shows after it, and its state column lines up whatever the
# length of the step names ("Packaging and Lead Generation Registration" is 42 characters).
#
#   readme_fetch.sh README.md OUT_DIR LIB_DIR WITH_EMULATOR
set -euo pipefail
readme=$1 out=$2 lib=$3 with_emulator=$4
mkdir -p "$out"

# The section's first ```c block, and the first plain ``` block after it (the output).
awk -v src="$out/fetch.c" -v shown="$out/fetch.shown" '
    /^### / { in_section = ($0 == "### Fetch an offer") }
    !in_section { next }
    state == 0 && /^```c$/ { state = 1; next }
    state == 1 && /^```$/ { state = 2; next }
    state == 1 { print > src; next }
    state == 2 && /^```$/ { state = 3; next }
    state == 3 && /^```$/ { state = 4; next }
    state == 3 { print > shown }
' "$readme"
[ -s "$out/fetch.c" ] && [ -s "$out/fetch.shown" ] \
  || { echo "FAIL README.md: no C program and output block under '### Fetch an offer'" >&2; exit 1; }

gcc -std=c99 -Wall -Wextra -Werror -pedantic -Iinclude "$out/fetch.c" -o "$out/fetch" \
  -L"$lib" -lcloudpartner -Wl,-rpath,"$lib"
env -u CLOUDPARTNER_TOKEN -u AZURE_TOKEN "$with_emulator" "$out/fetch" > "$out/fetch.out"

# The column of the state: where the last run of spaces before it ends, on every step line.
columns=$(awk '/^  / { match($0, /[^ ] +[^ ]+$/); print RSTART + RLENGTH - length($NF) }' \
  "$out/fetch.out" | sort -u)
steps=$(grep -c '^  ' "$out/fetch.out" || true)
grep -q '^  Packaging and Lead Generation Registration  ' "$out/fetch.out" \
  || { echo "FAIL the long step name is cut or runs into its state:" >&2; cat "$out/fetch.out" >&2; exit 1; }
[ "$steps" -ge 6 ] && [ "$(wc -l <<< "$columns")" -eq 1 ] \
  || { echo "FAIL the states of the README's C fetch example do not line up:" >&2; cat "$out/fetch.out" >&2; exit 1; }
diff -u "$out/fetch.shown" "$out/fetch.out" \
  || { echo "FAIL README.md shows another output for the C fetch example (above: shown, then printed)" >&2; exit 1; }
echo "c: the README's C fetch example prints what the README shows, its $steps states in one column"
