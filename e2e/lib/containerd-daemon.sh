# A private containerd (sourced): its own root, state, sockets and opt dir under DIR, CRI and the snapshotters
# that probe the host disabled. Used by the containerd scenarios and as docker's containerd (as Debian's
# docker.service does with --containerd), so dockerd never starts a managed one with host defaults.
# shellcheck shell=bash

# start_containerd DIR: sets CONTAINERD_SOCK and CONTAINERD_PID; registers the stop. Returns 1 (with the
# daemon's log on stderr) when it does not answer within 30 s.
start_containerd() {
  local dir=$1
  mkdir -p "$dir"
  # The shims' sockets live in the fixed /run/containerd/s whatever the config says (containerd 1.6).
  remember_host_path /run/containerd
  remember_host_path /run/containerd/s
  CONTAINERD_SOCK="$dir/containerd.sock"
  cat > "$dir/config.toml" <<EOF
version = 2
root = "$dir/root"
state = "$dir/state"
disabled_plugins = [
  "io.containerd.grpc.v1.cri",
  "io.containerd.snapshotter.v1.btrfs",
  "io.containerd.snapshotter.v1.zfs",
  "io.containerd.snapshotter.v1.aufs",
  "io.containerd.snapshotter.v1.devmapper",
  "io.containerd.tracing.processor.v1.otlp",
  "io.containerd.internal.v1.tracing",
]
[grpc]
  address = "$CONTAINERD_SOCK"
[ttrpc]
  address = "$CONTAINERD_SOCK.ttrpc"
[debug]
  address = ""
[metrics]
  address = ""
[plugins."io.containerd.internal.v1.opt"]
  path = "$dir/opt"
EOF
  containerd --config "$dir/config.toml" --log-level warn > "$dir/containerd.log" 2>&1 &
  CONTAINERD_PID=$!
  on_exit bounded 30 stop_containerd
  if ! wait_until 30 ctr --address "$CONTAINERD_SOCK" version; then
    echo "# containerd did not answer on $CONTAINERD_SOCK within 30 s; its log:" >&2
    sed 's/^/#   /' "$dir/containerd.log" >&2
    return 1
  fi
}

# Every task killed and deleted, every container removed, in each namespace; then the daemon, bounded.
stop_containerd() {
  [ -n "${CONTAINERD_PID:-}" ] || return 0
  local ns id
  for ns in $(timeout 10 ctr --address "$CONTAINERD_SOCK" namespaces list -q 2>/dev/null); do
    for id in $(timeout 10 ctr --address "$CONTAINERD_SOCK" -n "$ns" tasks list -q 2>/dev/null); do
      timeout 10 ctr --address "$CONTAINERD_SOCK" -n "$ns" tasks kill -s SIGKILL "$id" 2>/dev/null
      timeout 10 ctr --address "$CONTAINERD_SOCK" -n "$ns" tasks delete --force "$id" 2>/dev/null
    done
    for id in $(timeout 10 ctr --address "$CONTAINERD_SOCK" -n "$ns" containers list -q 2>/dev/null); do
      timeout 10 ctr --address "$CONTAINERD_SOCK" -n "$ns" containers delete "$id" 2>/dev/null
    done
  done
  kill -TERM "$CONTAINERD_PID" 2>/dev/null
  local deadline=$((SECONDS + 10))
  while kill -0 "$CONTAINERD_PID" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
  kill -KILL "$CONTAINERD_PID" 2>/dev/null
  wait "$CONTAINERD_PID" 2>/dev/null
  CONTAINERD_PID=
}
