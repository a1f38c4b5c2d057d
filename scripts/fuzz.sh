#!/usr/bin/env bash
# Fuzzes config.json decoding and validation (fuzz/OCISpecFuzz) with libFuzzer + AddressSanitizer for SECONDS
# (default 600). The corpus starts from the runtime-spec schema test files (copied, never committed) and grows in
# .build-fuzz/corpus; crash, timeout and out-of-memory inputs land in .build-fuzz/artifacts. Exit status: libFuzzer's
# (0 = nothing found). A crash file is replayed without the fuzzer by `swift run OCISpecFuzz FILE`; turn each one
# into a case of Tests/OCISpecTests/FuzzRegressionTests.swift.
set -euo pipefail
seconds=${1:-600}
repo=$(cd "$(dirname "$0")/.." && pwd)
scratch="$repo/.build-fuzz"
spec_tests=${SPEC_TESTS:-$repo/../shared/runtime-spec/schema/test}
cd "$repo"

swift build --scratch-path "$scratch" -c debug -Xswiftc -sanitize=fuzzer,address --product OCISpecFuzz
mkdir -p "$scratch/corpus" "$scratch/artifacts"
if [ -d "$spec_tests" ]; then
  # Every schema test file (config, state, features; good and bad): prefixed by directory so names do not collide.
  find "$spec_tests" -type f -name '*.json' | while read -r file; do
    rel=${file#"$spec_tests"/}
    cp "$file" "$scratch/corpus/seed-${rel//\//-}"
  done
fi
[ -f spec-examples/busybox/config.json ] && cp spec-examples/busybox/config.json "$scratch/corpus/seed-busybox.json"
echo "fuzz: $(ls "$scratch/corpus" | wc -l) corpus inputs, ${seconds}s"

# The Swift backtracer would wait on a crashing fuzzer instead of letting libFuzzer report; ASan reports instead.
# -max_len 64 KiB: room for whole configs; -timeout 10: a slow input is a finding (huge inputs are unit tests).
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 \
  "$scratch/debug/OCISpecFuzz" "$scratch/corpus" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$scratch/artifacts/" -print_final_stats=1
