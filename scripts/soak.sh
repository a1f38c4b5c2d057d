#!/usr/bin/env bash
# Leak soak: N (default 1000) run/delete cycles against one private state root, comparing before and after:
# host mounts naming the soak's paths, cgroup directories of the soak's containers, entries under --root,
# processes left behind, fds inside the container (what swiftlet leaks into it), fds of a long-lived
# `swiftlet run` (its parent stays up for the whole soak) and the host's allocated file handles.
# Each cycle: a foreground `run` of a short program (create+start+wait+delete), then `run --detach` of a sleeper
# and `delete --force`. Exit status 1 when a figure grew or a cycle failed.
# Usage: scripts/soak.sh [N]   (SWIFTLET_BIN: the binary; default .build/release/swiftlet, else .build/debug/swiftlet)
set -uo pipefail
cycles=${1:-1000}
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${SWIFTLET_BIN:-$repo/.build/release/swiftlet}
[ -x "$bin" ] || bin=$repo/.build/debug/swiftlet
[ -x "$bin" ] || { echo "soak: no swiftlet binary (make build, or set SWIFTLET_BIN)" >&2; exit 2; }
rootfs=$repo/spec-examples/busybox/rootfs
[ -x "$rootfs/bin/busybox" ] || { echo "soak: $rootfs missing (make bundle)" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "soak: needs root" >&2; exit 2; }

work=$(mktemp -d /tmp/swiftlet-soak-XXXXXX)
root=$work/root
tag=soak$$
cleanup() {
  [ -n "${keeper_pid:-}" ] && kill "$keeper_pid" 2>/dev/null
  for id in $("$bin" --root "$root" list -q 2>/dev/null); do "$bin" --root "$root" delete --force "$id" >/dev/null 2>&1; done
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

make_bundle() {  # make_bundle DIR ARGS-JSON
  mkdir -p "$1" && ln -sfn "$rootfs" "$1/rootfs"
  "$bin" spec --bundle "$1" >/dev/null
  jq --argjson args "$2" '.process.terminal = false | .process.args = $args' "$1/config.json" > "$1/config.tmp" \
    && mv "$1/config.tmp" "$1/config.json"
}
make_bundle "$work/short" '["sh","-c","ls /proc/self/fd | wc -l"]'
make_bundle "$work/sleeper" "[\"sh\",\"-c\",\"sleep 1000; echo $tag\"]"
make_bundle "$work/keeper" "[\"sh\",\"-c\",\"sleep 100000; echo $tag-keeper\"]"

mounts()   { grep -c -e "$work" -e "$rootfs" /proc/self/mountinfo; }
cgroups()  { find /sys/fs/cgroup -mindepth 1 -maxdepth 2 -type d -name "$tag-*" ! -name "$tag-keeper" 2>/dev/null | wc -l; }
entries()  { find "$root" -mindepth 1 -maxdepth 1 ! -name "$tag-keeper" 2>/dev/null | wc -l; }
leftover() { pgrep -f -- "echo $tag\$" | wc -l; }
keeper_fds() { ls "/proc/$keeper_pid/fd" 2>/dev/null | wc -l; }
file_handles() { cut -f1 /proc/sys/fs/file-nr; }

# The long-lived process: a foreground `run` that waits for its container during the whole soak.
"$bin" --root "$root" run --bundle "$work/keeper" "$tag-keeper" </dev/null >/dev/null 2>&1 &
keeper_pid=$!
for _ in $(seq 100); do [ "$("$bin" --root "$root" state "$tag-keeper" 2>/dev/null | jq -r .status)" = running ] && break; sleep 0.05; done

before_mounts=$(mounts) before_cgroups=$(cgroups) before_entries=$(entries) before_left=$(leftover)
before_keeper=$(keeper_fds) before_handles=$(file_handles)
first_inside=""
failures=0
start=$(date +%s.%N)
for i in $(seq 1 "$cycles"); do
  inside=$("$bin" --root "$root" run --bundle "$work/short" "$tag-r$i" </dev/null 2>>"$work/errors") || failures=$((failures + 1))
  inside=$(echo "$inside" | tr -d ' ')
  [ -z "$first_inside" ] && first_inside=$inside
  "$bin" --root "$root" delete --force "$tag-r$i" 2>>"$work/errors" || failures=$((failures + 1))
  "$bin" --root "$root" run --detach --bundle "$work/sleeper" "$tag-d$i" </dev/null >/dev/null 2>>"$work/errors" || failures=$((failures + 1))
  "$bin" --root "$root" delete --force "$tag-d$i" 2>>"$work/errors" || failures=$((failures + 1))
  if (( i % 100 == 0 )); then echo "soak: $i/$cycles cycles, $failures failures"; fi
done
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
sleep 0.5  # let the last SIGKILLed processes be reaped before counting
after_mounts=$(mounts) after_cgroups=$(cgroups) after_entries=$(entries) after_left=$(leftover)
after_keeper=$(keeper_fds) after_handles=$(file_handles)

grew=0
row() {  # row NAME BEFORE AFTER STRICT
  printf '%-40s %8s %8s\n' "$1" "$2" "$3"
  if [ "$4" = strict ] && [ "$3" != "$2" ]; then grew=1; fi
}
echo
printf 'soak: %d cycles (%d containers) in %.1f s, %d failed commands, binary %s\n' \
  "$cycles" $((cycles * 2)) "$elapsed" "$failures" "$bin"
printf '%-40s %8s %8s\n' "figure" "before" "after"
row "host mounts naming the soak's paths" "$before_mounts" "$after_mounts" strict
row "cgroup directories of soak containers" "$before_cgroups" "$after_cgroups" strict
row "entries under --root (besides keeper)" "$before_entries" "$after_entries" strict
row "leftover container processes" "$before_left" "$after_left" strict
row "fds of the long-lived swiftlet run" "$before_keeper" "$after_keeper" strict
row "fds in the container (ls's own incl.)" "$first_inside" "$inside" strict
row "host file handles (others run too)" "$before_handles" "$after_handles" info
if [ -s "$work/errors" ]; then echo "first errors:"; sort "$work/errors" | uniq -c | sort -rn | head -5; fi
[ "$failures" = 0 ] && [ "$grew" = 0 ]
