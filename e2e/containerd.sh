#!/usr/bin/env bash
# containerd end to end: a private containerd, the runtime plugged in through `ctr run --runc-binary`
# (io.containerd.runc.v2, so containerd-shim-runc-v2 calls it as it calls runc). TAP on stdout.
# Usage: RUNTIME=/path/to/runtime e2e/containerd.sh
set -uo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$E2E_LIB/containerd-daemon.sh"

e2e_init containerd
NAMESPACE=swiftlet-e2e
IMAGE=docker.io/$E2E_IMAGE_NAME

ctr_() { ctr --address "$CONTAINERD_SOCK" -n "$NAMESPACE" "$@"; }
# ctr's own fifos default to /run/containerd/fifo, left there when ctr is killed: ours go to $T.
FIFO_DIR="$T/fifo"
ctr_bounded() { timeout 10 ctr --address "$CONTAINERD_SOCK" -n "$NAMESPACE" "$@"; }

# ctr_run [ctr run flags...] -- ID [ARGS...]: the runtime and its root given as the shim options, the
# cgroup under this run's parent, the busybox image.
ctr_run() {
  local flags=() id
  while [ "$1" != "--" ]; do flags+=("$1"); shift; done
  shift
  id=$1; shift
  ctr_ run --fifo-dir "$FIFO_DIR" --runc-binary "$RUNTIME_WRAPPER" --runc-root "$T/runc-root" \
    --cgroup "/$CGROUP_PARENT/$id" "${flags[@]}" "$IMAGE" "$id" "$@"
}

# ctr 1.6 has no --user/--hostname: those scenarios pass a whole spec. With --config, ctr takes no image
# (no snapshot is made), so the spec's root is a busybox rootfs of our own, by absolute path.
# ctr_run_spec ID JQ-FILTER ARGS...: containerd's default spec (which has no env), changed by the filter,
# running ARGS.
ctr_run_spec() {
  local id=$1 filter=$2; shift 2
  local spec="$T/spec-$id.json"
  [ -x "$T/spec-rootfs/bin/busybox" ] || "$REPO_DIR/scripts/make-busybox-rootfs.sh" "$T/spec-rootfs" >/dev/null
  # Each argument JSON-encoded on its own: jq would read "-c" in an --args list as its own option.
  local args arg
  args=$(for arg in "$@"; do printf '%s' "$arg" | jq -Rs .; done | jq -cs .)
  ctr oci spec | jq --arg cg "/$CGROUP_PARENT/$id" --arg root "$T/spec-rootfs" --argjson args "$args" \
    "$filter"' | .linux.cgroupsPath = $cg | .root.path = $root
      | .process.args = $args | .process.env = ["PATH=/usr/sbin:/usr/bin:/sbin:/bin"]' > "$spec" || return 1
  ctr_ run --fifo-dir "$FIFO_DIR" --runc-binary "$RUNTIME_WRAPPER" --runc-root "$T/runc-root" --rm \
    --config "$spec" "$id"
}

task_status() { ctr_bounded tasks list 2>/dev/null | awk -v id="$1" '$1 == id { print $3 }'; }
task_status_is() { [ "$(task_status "$1")" = "$2" ]; }

# Removes a scenario's container if it is still there (a failed scenario must not leak into the next).
remove_container() {
  ctr_bounded tasks kill -s SIGKILL "$1" >/dev/null 2>&1
  ctr_bounded tasks delete --force "$1" >/dev/null 2>&1
  ctr_bounded containers delete "$1" >/dev/null 2>&1
  return 0
}

s_true() { run_captured "$E2E_STEP_TIMEOUT" ctr_run --rm -- e2e-true true; expect_status "$1" 0; }

s_exit_code() { run_captured "$E2E_STEP_TIMEOUT" ctr_run --rm -- e2e-exit sh -c 'exit 3'; expect_status "$1" 3; }

s_stdout() { run_captured "$E2E_STEP_TIMEOUT" ctr_run --rm -- e2e-stdout echo hello-e2e; expect_output "$1" hello-e2e; }

s_env() {
  run_captured "$E2E_STEP_TIMEOUT" ctr_run --rm --env E2E_VAR=value-42 -- e2e-env sh -c 'echo "$E2E_VAR"'
  expect_output "$1" value-42
}

s_hostname() {
  run_captured "$E2E_STEP_TIMEOUT" ctr_run_spec e2e-hostname '.hostname = "e2e-host"' hostname
  expect_output "$1" e2e-host
}

s_user() {
  run_captured "$E2E_STEP_TIMEOUT" ctr_run_spec e2e-user '.process.user = {uid: 1000, gid: 1000}' \
    sh -c 'echo "$(id -u):$(id -g)"'
  expect_output "$1" 1000:1000
}

# containerd's default spec mounts no cgroup filesystem: the scenario adds one, read-only.
s_memory_limit() {
  run_captured "$E2E_STEP_TIMEOUT" ctr_run --rm --memory-limit 67108864 \
    --mount type=cgroup,src=cgroup,dst=/sys/fs/cgroup,options=ro:nosuid:nodev:noexec -- e2e-memory \
    sh -c 'cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max'
  expect_output "$1" 67108864
}

# Detached init that exits 0 on SIGTERM, so "stop" is a real SIGTERM delivered by the runtime's kill.
DETACHED_INIT=(sh -c 'trap "exit 0" TERM; sleep 300 & wait')

s_exec() {
  local id=e2e-exec name=$1
  run_captured "$E2E_STEP_TIMEOUT" ctr_run -d -- "$id" "${DETACHED_INIT[@]}"
  if [ "$RC" -ne 0 ]; then tap_not_ok "$name" "detached run failed (exit $RC):" "$OUT" "$(runtime_failures)"; remove_container "$id"; return; fi
  run_captured "$E2E_STEP_TIMEOUT" ctr_ tasks exec --fifo-dir "$FIFO_DIR" --exec-id e2e-exec-1 "$id" sh -c 'echo exec-ok'
  local exec_rc=$RC exec_out=$OUT
  run_captured "$E2E_STEP_TIMEOUT" ctr_ tasks kill "$id"
  local stopped=no
  wait_until 20 task_status_is "$id" STOPPED && stopped=yes
  run_captured "$E2E_STEP_TIMEOUT" ctr_ tasks delete "$id"
  local delete_rc=$RC delete_out=$OUT
  run_captured "$E2E_STEP_TIMEOUT" ctr_ containers delete "$id"
  if [ "$exec_rc" -eq 0 ] && [ "$(printf '%s' "$exec_out" | tr -d '\r')" = exec-ok ] && [ "$stopped" = yes ] &&
    [ "$delete_rc" -eq 0 ] && [ "$RC" -eq 0 ]; then
    tap_ok "$name"
  else
    tap_not_ok "$name" "exec: exit $exec_rc, output: $exec_out" "stopped by SIGTERM within 20 s: $stopped" \
      "task delete: exit $delete_rc $delete_out" "container delete: exit $RC $OUT" "$(runtime_failures)"
  fi
  remove_container "$id"
}

s_tty() {
  run_tty "$E2E_STEP_TIMEOUT" /dev/pts/ $'40 2\n' \
    "ctr --address $CONTAINERD_SOCK -n $NAMESPACE run -t --rm --fifo-dir $FIFO_DIR --runc-binary $RUNTIME_WRAPPER --runc-root $T/runc-root --cgroup /$CGROUP_PARENT/e2e-tty $IMAGE e2e-tty sh -c 'tty; read -r a b; echo sum=\$((a + b)); exit 4'"
  if [ "$RC" -eq 4 ] && grep -q '^/dev/pts/' <<< "$OUT" && grep -q '^sum=42$' <<< "$OUT"; then
    tap_ok "$1"
  else
    tap_not_ok "$1" "want exit 4, a /dev/pts/N terminal and sum=42; got exit $RC, output:" "$OUT" "$(runtime_failures)"
  fi
  remove_container e2e-tty
}

s_read_only() {
  run_captured "$E2E_STEP_TIMEOUT" ctr_run --rm --read-only -- e2e-readonly \
    sh -c 'if touch /e2e-probe 2>/dev/null; then echo writable; else echo read-only; fi'
  expect_output "$1" read-only
}

s_pause() {
  local id=e2e-pause name=$1 paused=no resumed=no
  run_captured "$E2E_STEP_TIMEOUT" ctr_run -d -- "$id" "${DETACHED_INIT[@]}"
  if [ "$RC" -ne 0 ]; then tap_not_ok "$name" "detached run failed (exit $RC):" "$OUT" "$(runtime_failures)"; remove_container "$id"; return; fi
  run_captured "$E2E_STEP_TIMEOUT" ctr_ tasks pause "$id"
  local pause_out="pause: exit $RC $OUT"
  wait_until 10 task_status_is "$id" PAUSED && paused=yes
  run_captured "$E2E_STEP_TIMEOUT" ctr_ tasks resume "$id"
  local resume_out="resume: exit $RC $OUT"
  wait_until 10 task_status_is "$id" RUNNING && resumed=yes
  if [ "$paused" = yes ] && [ "$resumed" = yes ]; then
    tap_ok "$name"
  else
    tap_not_ok "$name" "$pause_out (status PAUSED: $paused)" "$resume_out (status RUNNING again: $resumed)" "$(runtime_failures)"
  fi
  remove_container "$id"
}

# Not in the issue's list, but how containerd reaches one more runtime command: `ctr tasks ps` makes the
# shim call `ps --format json`; the container's init must be listed.
s_ps() {
  local id=e2e-ps name=$1 pid
  run_captured "$E2E_STEP_TIMEOUT" ctr_run -d -- "$id" "${DETACHED_INIT[@]}"
  if [ "$RC" -ne 0 ]; then tap_not_ok "$name" "detached run failed (exit $RC):" "$OUT" "$(runtime_failures)"; remove_container "$id"; return; fi
  pid=$(ctr_bounded tasks list 2>/dev/null | awk -v id="$id" '$1 == id { print $2 }')
  run_captured "$E2E_STEP_TIMEOUT" ctr_ tasks ps "$id"
  if [ "$RC" -eq 0 ] && [ -n "$pid" ] && awk 'NR > 1 { print $1 }' <<< "$OUT" | grep -qx "$pid"; then
    tap_ok "$name"
  else
    tap_not_ok "$name" "want the init pid ${pid:-?} listed; got exit $RC, output:" "$OUT" "$(runtime_failures)"
  fi
  remove_container "$id"
}

# ctr has no exit-code convention for a process that cannot be started: the run must fail and say why,
# naming the binary (a bare "no such file or directory" could be about anything, e.g. a missing log.json).
s_missing_binary() {
  run_captured "$E2E_STEP_TIMEOUT" ctr_run --rm -- e2e-missing /no/such/binary
  if [ "$RC" -ne 0 ] && grep -iE 'no such file or directory|executable file not found' <<< "$OUT" |
    grep -qF /no/such/binary; then
    tap_ok "$1"
  else
    tap_not_ok "$1" "want a failure naming the missing file; got exit $RC, output:" "$OUT" "$(runtime_failures)"
  fi
  remove_container e2e-missing
}

SCENARIOS=(
  "s_true:run true"
  "s_exit_code:exit code propagated (sh -c 'exit 3')"
  "s_stdout:stdout captured"
  "s_env:env var"
  "s_hostname:hostname (--config spec)"
  "s_user:user 1000:1000 (--config spec)"
  "s_memory_limit:memory limit visible inside"
  "s_exec:detached sleep, exec, stop, remove"
  "s_tty:interactive -t run"
  "s_read_only:read-only rootfs"
  "s_pause:pause and resume"
  "s_missing_binary:missing binary fails with not found"
  "s_ps:processes listed on a running container (runtime ps)"
  "check_container_cgroups_removed:container cgroups removed after delete"
)

ready=no
if start_containerd "$T/containerd"; then
  if run_captured 120 ctr_ images import "$IMAGE_TAR"; then
    ready=yes
  else
    echo "# containerd: image import failed (exit $RC): $OUT"
  fi
fi
run_scenarios "$ready" "${SCENARIOS[@]}"
[ -n "${E2E_ARGV_OUT:-}" ] && cp "$RUNTIME_ARGV_LOG" "$E2E_ARGV_OUT"
tap_summary
[ "$E2E_FAILED" -eq 0 ]
