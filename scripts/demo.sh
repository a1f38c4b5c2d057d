#!/usr/bin/env bash
# make demo: writes runc's default config with `swiftlet spec`, checks it with `swiftlet check`, then runs a
# container that prints its hostname, ids and namespaces, and shows that nothing is left behind.
set -euo pipefail
swiftlet=$(realpath "${1:?usage: demo.sh SWIFTLET}")
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/swiftlet-demo.XXXXXX)
root="$work/state"
trap 'rm -rf "$work"' EXIT
ln -s "$repo/spec-examples/busybox/rootfs" "$work/rootfs"
cd "$work"
echo "\$ swiftlet spec && swiftlet check"
"$swiftlet" spec
jq '.process.terminal = false
    | .hostname = "swiftlet-demo"
    | .process.args = ["sh", "-c", "echo \"hostname: $(hostname)\"; echo \"ids: $(id)\"; echo namespaces:; ls -l /proc/self/ns | sed -n \"s/.* \\([a-z_]*\\) -> \\(.*\\)/  \\1 \\2/p\""]' \
  config.json > config.json.new && mv config.json.new config.json
"$swiftlet" check
echo
echo "\$ swiftlet run demo"
"$swiftlet" --root "$root" run demo
echo
echo "host namespaces, for comparison:"
ls -l /proc/self/ns | sed -n 's/.* \([a-z_]*\) -> \(.*\)/  \1 \2/p'
echo
echo "\$ swiftlet list   (empty again: run deletes the container)"
"$swiftlet" --root "$root" list
