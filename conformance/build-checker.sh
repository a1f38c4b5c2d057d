#!/usr/bin/env bash
# Builds the in-container checker as a static binary (it must run in any rootfs) into conformance/.work/checker.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/.work/checker}
mkdir -p "$(dirname "$out")"
src=$here/checker/checker.c
if [ -x "$out" ] && [ "$out" -nt "$src" ]; then exit 0; fi
gcc -static -O2 -Wall -Wextra -Werror -o "$out.tmp" "$src"
mv "$out.tmp" "$out"
echo "built $out" >&2
