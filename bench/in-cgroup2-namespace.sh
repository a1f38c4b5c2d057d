#!/usr/bin/env bash
# usage: in-cgroup2-namespace.sh CMD [ARG...]
#
# Runs CMD where /sys/fs/cgroup is a pure cgroup2 hierarchy, on a hybrid host, without touching the host:
#   1. make our own cgroup2 cgroup NAME beside the host's (under the host's cgroup2 mount, e.g. /sys/fs/cgroup/unified)
#   2. a subshell moves itself into NAME, then unshares a private mount namespace and a cgroup namespace
#   3. inside, a fresh cgroup2 mount goes over /sys/fs/cgroup: its root is NAME (the cgroup namespace's root)
#   4. CMD runs there; every cgroup a runtime makes lands under NAME, and /proc/self/cgroup says 0::/ consistently
# On exit (any path): everything still alive under NAME is killed (cgroup.kill), then NAME's tree is removed.
#
# Why the cgroup namespace: runc's cgroup2 driver enables every available controller in each ancestor's
# cgroup.subtree_control, starting at the mount's root. Rooting the mount at NAME means it writes NAME, never
# the host's root cgroup. Why this exists at all: crun refuses hybrid hosts ("cgroups in hybrid mode not
# supported"); pair it with `crun --cgroup-manager=disabled` and configs without linux.resources.
#
# Environment: SWIFTLET_NS_CGROUP overrides NAME (default swiftlet-ns-<pid>).
# Exit status: CMD's, or 125 when the namespace could not be set up.
set -euo pipefail

die() { echo "in-cgroup2-namespace: $*" >&2; exit 125; }

[ $# -ge 1 ] || die "usage: in-cgroup2-namespace.sh CMD [ARG...]"
[ "$(id -u)" = 0 ] || die "must run as root (mounts and cgroups)"
command -v unshare >/dev/null || die "unshare (util-linux) missing"

# The host's cgroup2 mount: /sys/fs/cgroup/unified on hybrid hosts, /sys/fs/cgroup on pure cgroup2 hosts.
host_cgroup2=$(awk '$9 == "cgroup2" { print $5; exit }' /proc/self/mountinfo)
[ -n "$host_cgroup2" ] || die "no cgroup2 mount on this host"
name=${SWIFTLET_NS_CGROUP:-swiftlet-ns-$$}
case $name in */*|.*|"") die "SWIFTLET_NS_CGROUP must be a plain name: $name" ;; esac
cgroup=$host_cgroup2/$name

# Depth-first, because a cgroup directory can only be removed once it has no children.
remove_cgroup_tree() {
  local dir=$1 child
  [ -d "$dir" ] || return 0
  for child in "$dir"/*/; do
    [ -d "$child" ] && remove_cgroup_tree "${child%/}"
  done
  local tries
  for tries in 1 2 3 4 5 6 7 8 9 10; do
    rmdir "$dir" 2>/dev/null && return 0
    sleep 0.1   # processes killed a moment ago may not have left the cgroup yet
  done
  echo "in-cgroup2-namespace: could not remove $dir" >&2
}

cleanup() {
  [ -d "$cgroup" ] || return 0
  # Everything under NAME was started by CMD; cgroup.kill (Linux 5.14+) kills the whole subtree at once.
  if [ -w "$cgroup/cgroup.kill" ]; then echo 1 > "$cgroup/cgroup.kill" 2>/dev/null || true; fi
  remove_cgroup_tree "$cgroup"
}

mkdir "$cgroup" || die "mkdir $cgroup failed"
trap cleanup EXIT

# CMD runs as a background job so this shell can forward INT and TERM to it (a foreground job would
# delay the traps until CMD exits on its own) and CMD can clean up before cleanup() kills what is left.
(
  echo "$BASHPID" > "$cgroup/cgroup.procs" || exit 125
  # The inner shell mounts over /sys/fs/cgroup inside the new namespaces only, then becomes CMD.
  exec unshare --mount --cgroup --propagation private -- \
    /bin/sh -c 'mount -t cgroup2 cgroup2 /sys/fs/cgroup || exit 125; exec "$@"' in-cgroup2-namespace "$@"
) <&0 &   # explicit stdin: a background job would otherwise read /dev/null
child=$!
trap 'kill -TERM "$child" 2>/dev/null || true' INT TERM
set +e
while :; do
  wait "$child"
  status=$?
  kill -0 "$child" 2>/dev/null || break   # wait returned for a trap, not because CMD exited
done
set -e
exit "$status"
