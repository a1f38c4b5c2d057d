#!/bin/sh
# Regenerates linker/start-up-order.txt: the functions a `swiftlet run` executes (parent, namespace child, init),
# which the release link places next to each other (lld --symbol-ordering-file; every function has its own
# section), so the pages they touch — and the 64 KiB fault-around windows the kernel maps with each — are few:
# that is most of swiftlet's peak RSS and many of its page faults (bench (a), (f)). Needs root, valgrind, perf, jq, a built release swiftlet and the bench rootfs.
# usage: sudo scripts/make-start-up-order.sh [SWIFTLET]        (default .build/release/swiftlet)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
swiftlet=${1:-$repo/.build/release/swiftlet}
rootfs=$repo/bench/.work/rootfs
[ -d "$rootfs" ] || "$repo/scripts/make-busybox-rootfs.sh" "$rootfs"
work=$(mktemp -d /tmp/swiftlet-order-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bundle" "$work/root"
(cd "$work/bundle" && "$swiftlet" spec)
jq --arg rootfs "$rootfs" '.process.terminal=false | .process.args=["/bin/true"] | .root={"path":$rootfs,"readonly":true}
    | del(.process.rlimits) | .linux.cgroupsPath="/swiftlet-order-\(now|floor)"' \
    "$work/bundle/config.json" > "$work/config" && mv "$work/config" "$work/bundle/config.json"
cat > "$work/inner.sh" <<INNER
#!/bin/sh
# Exact lists from callgrind (valgrind lacks openat2, so the children stop at the first rooted open: their
# start is covered), then sampled lists from perf for the rest of the children's work.
for cmd in "run --bundle $work/bundle vg-run" "create --bundle $work/bundle vg-c" "state vg-c" "start vg-c" "delete -f vg-c" "list"; do
    valgrind --tool=callgrind --demangle=no --callgrind-out-file=$work/cg.%p $swiftlet --root $work/root \$cmd >/dev/null 2>&1 || true
done
perf record -q -F 50000 -e cpu-clock:u -o $work/perf.data -- sh -c 'for i in \$(seq 1 1000); do $swiftlet --root $work/root run --bundle $work/bundle p\$i; done' >/dev/null 2>&1
# Text page faults name the first function touched in each window the list does not cover yet.
perf record -q -e page-faults:u -c 1 -o $work/faults.data -- sh -c 'for i in \$(seq 1 20); do $swiftlet --root $work/root run --bundle $work/bundle f\$i; done' >/dev/null 2>&1
INNER
chmod +x "$work/inner.sh"
"$repo/bench/in-cgroup2-namespace.sh" "$work/inner.sh" || true
cat "$work"/cg.* | sed -nE 's/^c?fn=\([0-9]+\) //p' > "$work/names"
(perf script -i "$work/perf.data" -F comm,ip; perf script -i "$work/faults.data" -F comm,ip) 2>/dev/null |
    awk '$1 ~ /swiftlet/ {print $2}' | sort -u > "$work/ips"
nm -n --defined-only "$swiftlet" | awk '$2 ~ /^[tTwW]$/ {print $1, $3}' > "$work/symbols"
python3 - "$work/symbols" "$work/ips" >> "$work/names" <<'PY'
import bisect, sys
symbols = [(int(a, 16), n) for a, n in (l.split(None, 1) for l in open(sys.argv[1]) if len(l.split()) == 2)]
starts = [a for a, _ in symbols]
for line in open(sys.argv[2]):
    index = bisect.bisect_right(starts, int(line, 16)) - 1
    if index >= 0: print(symbols[index][1].strip())
PY
# Kept: the entries of the current list that the binary still has (sampling misses some functions each time).
awk '{print $2}' "$work/symbols" | sort -u > "$work/defined"
[ -f "$repo/linker/start-up-order.txt" ] && sort -u "$repo/linker/start-up-order.txt" | comm -12 - "$work/defined" >> "$work/names"
grep -v '^0x\|^???' "$work/names" | sort -u > "$work/order"
mv "$work/order" "$repo/linker/start-up-order.txt"
echo "$(wc -l < "$repo/linker/start-up-order.txt") functions -> linker/start-up-order.txt"
