#!/bin/bash
# Runs inside the pure cgroup v2 guest (scripts/test-cgroup-v2-guest.sh): swiftlet itself on a v2-only host —
# limits visible inside the container through its cgroup2 mount, pids limit, OOM kill, pause/resume with
# cgroup.freeze, update, and no cgroup left after delete. Prints TAP and "N passed, N failed, N skipped".
set -u
swiftlet=${1:?usage: swiftlet-v2-checks.sh SWIFTLET}
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/v2checks.XXXXXX)
root="$work/state"
passed=0 failed=0 n=0
ok() { n=$((n+1)); passed=$((passed+1)); echo "ok $n - $1"; }
not_ok() { n=$((n+1)); failed=$((failed+1)); echo "not ok $n - $1 # $2"; }
check() { local what=$1 expected=$2 actual=$3; if [ "$actual" = "$expected" ]; then ok "$what"; else not_ok "$what" "expected '$expected', got '$actual'"; fi; }

mkdir -p "$work/bundle"
ln -s "$repo/spec-examples/busybox/rootfs" "$work/bundle/rootfs"
cd "$work/bundle"
"$swiftlet" spec
base=$(jq '.process.terminal=false | .root.readonly=true
  | .linux.namespaces += [{"type":"cgroup"}]
  | .linux.cgroupsPath="/swiftlet-v2-check"
  | .linux.resources={"memory":{"limit":33554432},"pids":{"limit":20},"cpu":{"quota":50000,"period":100000,"shares":512}}' config.json)
config() { echo "$base" | jq "$1" > config.json; }

stat -fc %T /sys/fs/cgroup | grep -q cgroup2 && ok "host is pure cgroup v2" || not_ok "host is pure cgroup v2" "$(stat -fc %T /sys/fs/cgroup)"

config '.process.args=["sh","-c","cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/pids.max /sys/fs/cgroup/cpu.max; cat /proc/self/cgroup"]'
out=$("$swiftlet" --root "$root" run v1 2>&1)
check "memory.max inside the container" 33554432 "$(echo "$out" | sed -n 1p)"
check "pids.max inside the container" 20 "$(echo "$out" | sed -n 2p)"
check "cpu.max inside the container" "50000 100000" "$(echo "$out" | sed -n 3p)"
check "cgroup namespace root is the container's cgroup" "0::/" "$(echo "$out" | sed -n 4p)"

# runc's default spec denies every device in linux.resources.devices; the v2 device program (eBPF) must load for
# that long rule list and still allow the default devices.
config '.linux.resources.devices=[{"allow":false,"access":"rwm"}] | .process.args=["sh","-c","echo x > /dev/null && head -c 3 /dev/zero | wc -c"]'
out=$("$swiftlet" --root "$root" run v0 2>&1)
check "deny-all device rules: the device program loads, /dev/null and /dev/zero work" 3 "$(echo "$out" | tail -n 1 | tr -d ' ')"

config '.process.args=["sh","-c","for i in $(seq 1 40); do sleep 5 & done 2>&1 | grep -c \"Resource temporarily unavailable\" || true"]'
out=$("$swiftlet" --root "$root" run v2 2>&1)
[ "${out:-0}" -gt 0 ] 2>/dev/null && ok "forking past pids.limit fails with EAGAIN ($out times)" || not_ok "forking past pids.limit fails" "$out"

config '.process.args=["sh","-c","head -c 200000000 /dev/zero | tail > /dev/null"]'
"$swiftlet" --root "$root" run v3 >/dev/null 2>&1; rc=$?
[ $rc -ne 0 ] && ok "200 MB under a 32 MiB limit is OOM-killed (rc $rc)" || not_ok "OOM kill" "rc 0"

config '.process.args=["sleep","60"]'
"$swiftlet" --root "$root" run -d v4
"$swiftlet" --root "$root" pause v4
check "pause: status paused" paused "$("$swiftlet" --root "$root" state v4 | jq -r .status)"
check "pause: cgroup.freeze is 1" 1 "$(cat /sys/fs/cgroup/swiftlet-v2-check/cgroup.freeze)"
"$swiftlet" --root "$root" resume v4
check "resume: status running" running "$("$swiftlet" --root "$root" state v4 | jq -r .status)"
"$swiftlet" --root "$root" update --memory 67108864 --pids-limit 30 v4
check "update: memory.max" 67108864 "$(cat /sys/fs/cgroup/swiftlet-v2-check/memory.max)"
check "update: pids.max" 30 "$(cat /sys/fs/cgroup/swiftlet-v2-check/pids.max)"
check "ps lists the init" "[$("$swiftlet" --root "$root" state v4 | jq .pid)]" "$("$swiftlet" --root "$root" ps --format json v4)"
usage=$("$swiftlet" --root "$root" events --stats v4 | jq .data.memory.usage.usage)
[ "${usage:-0}" -gt 0 ] 2>/dev/null && ok "events --stats reports memory usage ($usage)" || not_ok "events --stats" "$usage"
"$swiftlet" --root "$root" pause v4
"$swiftlet" --root "$root" delete --force v4
[ ! -e /sys/fs/cgroup/swiftlet-v2-check ] && ok "delete --force of a paused container removes its cgroup" || not_ok "cgroup removed" "still there"

cd / && rm -rf "$work"
echo "1..$n"
echo "$passed passed, $failed failed, 0 skipped"
[ $failed -eq 0 ]
