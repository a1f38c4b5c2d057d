#!/usr/bin/env bash
# docker end to end: a private dockerd (own data-root, exec-root, socket, pidfile; no bridge, no iptables)
# on a private containerd, the runtime added with --add-runtime and chosen per run. TAP on stdout.
# Debian's client is /usr/bin/docker (a different /usr/local/bin/docker may shadow it).
# Usage: RUNTIME=/path/to/runtime e2e/docker.sh
set -uo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$E2E_LIB/containerd-daemon.sh"

e2e_init docker
D="$T/docker"
mkdir -p "$D/client"
# Fixed paths dockerd 20.10 creates whatever it is told.
remember_host_path /run/docker
remember_host_path /run/docker/plugins
remember_host_path /etc/docker
remember_host_path /etc/docker/key.json

DOCKER_SOCK="$D/docker.sock"
DOCKER=(/usr/bin/docker --host "unix://$DOCKER_SOCK")
export DOCKER_CONFIG="$D/client"
unset DOCKER_HOST DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH
dk() { "${DOCKER[@]}" "$@"; }
dk_bounded() { timeout 30 "${DOCKER[@]}" "$@"; }
IMAGE=$E2E_IMAGE_NAME
RUN_FLAGS=(--runtime e2e --network none)
dk_run() { dk run "${RUN_FLAGS[@]}" "$@"; }

# start_dockerd: returns 1 (with the daemon's log) when it does not answer within 30 s.
start_dockerd() {
  # The trust key would go to /etc/docker/key.json.
  echo "{\"deprecated-key-path\": \"$D/key.json\"}" > "$D/daemon.json"
  dockerd --config-file "$D/daemon.json" --data-root "$D/data" --exec-root "$D/exec" --pidfile "$D/docker.pid" \
    --host "unix://$DOCKER_SOCK" --containerd "$CONTAINERD_SOCK" \
    --bridge none --iptables=false --ip6tables=false --ip-masq=false --ip-forward=false --userland-proxy=false \
    --exec-opt native.cgroupdriver=cgroupfs --cgroup-parent "/$CGROUP_PARENT" \
    --storage-driver overlay2 --add-runtime "e2e=$RUNTIME_WRAPPER" --log-level warn > "$D/dockerd.log" 2>&1 &
  DOCKERD_PID=$!
  on_exit bounded 40 stop_dockerd
  if ! wait_until 30 dk version; then
    echo "# dockerd did not answer on $DOCKER_SOCK within 30 s; its log:"
    sed 's/^/#   /' "$D/dockerd.log"
    return 1
  fi
}

# Every container removed (bounded), then the daemon: TERM, 20 s, KILL.
stop_dockerd() {
  [ -n "${DOCKERD_PID:-}" ] || return 0
  local ids
  ids=$(dk_bounded ps --all --quiet 2>/dev/null)
  # shellcheck disable=SC2086
  [ -n "$ids" ] && dk_bounded rm --force $ids >/dev/null 2>&1
  kill -TERM "$DOCKERD_PID" 2>/dev/null
  local deadline=$((SECONDS + 20))
  while kill -0 "$DOCKERD_PID" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
  kill -KILL "$DOCKERD_PID" 2>/dev/null
  wait "$DOCKERD_PID" 2>/dev/null
  DOCKERD_PID=
}

state_of() { dk_bounded inspect --format '{{.State.Status}}' "$1" 2>/dev/null; }
state_is() { [ "$(state_of "$1")" = "$2" ]; }
remove_container() { dk_bounded rm --force "$1" >/dev/null 2>&1; return 0; }

s_true() { run_captured "$E2E_STEP_TIMEOUT" dk_run --rm "$IMAGE" true; expect_status "$1" 0; }

s_exit_code() { run_captured "$E2E_STEP_TIMEOUT" dk_run --rm "$IMAGE" sh -c 'exit 3'; expect_status "$1" 3; }

s_stdout() { run_captured "$E2E_STEP_TIMEOUT" dk_run --rm "$IMAGE" echo hello-e2e; expect_output "$1" hello-e2e; }

s_env() {
  run_captured "$E2E_STEP_TIMEOUT" dk_run --rm --env E2E_VAR=value-42 "$IMAGE" sh -c 'echo "$E2E_VAR"'
  expect_output "$1" value-42
}

s_hostname() {
  run_captured "$E2E_STEP_TIMEOUT" dk_run --rm --hostname e2e-host "$IMAGE" hostname
  expect_output "$1" e2e-host
}

s_user() {
  run_captured "$E2E_STEP_TIMEOUT" dk_run --rm --user 1000:1000 "$IMAGE" sh -c 'echo "$(id -u):$(id -g)"'
  expect_output "$1" 1000:1000
}

s_memory_limit() {
  run_captured "$E2E_STEP_TIMEOUT" dk_run --rm --memory 64m "$IMAGE" \
    sh -c 'cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max'
  expect_output "$1" 67108864
}

# Detached init that exits 0 on SIGTERM, so "stop" is a real SIGTERM delivered by the runtime's kill.
DETACHED_INIT=(sh -c 'trap "exit 0" TERM; sleep 300 & wait')

s_exec() {
  local id=e2e-exec name=$1
  run_captured "$E2E_STEP_TIMEOUT" dk_run -d --name "$id" "$IMAGE" "${DETACHED_INIT[@]}"
  if [ "$RC" -ne 0 ]; then tap_not_ok "$name" "detached run failed (exit $RC):" "$OUT" "$(runtime_failures)"; remove_container "$id"; return; fi
  run_captured "$E2E_STEP_TIMEOUT" dk exec "$id" sh -c 'echo exec-ok'
  local exec_rc=$RC exec_out=$OUT
  run_captured "$E2E_STEP_TIMEOUT" dk stop --time 20 "$id"
  local stop_rc=$RC stop_out=$OUT exit_code
  exit_code=$(dk_bounded inspect --format '{{.State.ExitCode}}' "$id" 2>&1)
  run_captured "$E2E_STEP_TIMEOUT" dk rm "$id"
  if [ "$exec_rc" -eq 0 ] && [ "$exec_out" = exec-ok ] && [ "$stop_rc" -eq 0 ] && [ "$exit_code" = 0 ] && [ "$RC" -eq 0 ]; then
    tap_ok "$name"
  else
    tap_not_ok "$name" "exec: exit $exec_rc, output: $exec_out" "stop: exit $stop_rc $stop_out (container exit code $exit_code, want 0 from SIGTERM)" \
      "rm: exit $RC $OUT" "$(runtime_failures)"
  fi
  remove_container "$id"
}

s_tty() {
  local command
  printf -v command '%q ' env "DOCKER_CONFIG=$DOCKER_CONFIG" "${DOCKER[@]}" run -it --rm --name e2e-tty \
    "${RUN_FLAGS[@]}" "$IMAGE" sh -c 'tty; read -r a b; echo sum=$((a + b)); exit 4'
  run_tty "$E2E_STEP_TIMEOUT" /dev/pts/ $'40 2\n' "$command"
  if [ "$RC" -eq 4 ] && grep -q '^/dev/pts/' <<< "$OUT" && grep -q '^sum=42$' <<< "$OUT"; then
    tap_ok "$1"
  else
    tap_not_ok "$1" "want exit 4, a /dev/pts/N terminal and sum=42; got exit $RC, output:" "$OUT" "$(runtime_failures)"
  fi
  remove_container e2e-tty
}

s_read_only() {
  run_captured "$E2E_STEP_TIMEOUT" dk_run --rm --read-only "$IMAGE" \
    sh -c 'if touch /e2e-probe 2>/dev/null; then echo writable; else echo read-only; fi'
  expect_output "$1" read-only
}

s_pause() {
  local id=e2e-pause name=$1 paused=no resumed=no
  run_captured "$E2E_STEP_TIMEOUT" dk_run -d --name "$id" "$IMAGE" "${DETACHED_INIT[@]}"
  if [ "$RC" -ne 0 ]; then tap_not_ok "$name" "detached run failed (exit $RC):" "$OUT" "$(runtime_failures)"; remove_container "$id"; return; fi
  run_captured "$E2E_STEP_TIMEOUT" dk pause "$id"
  local pause_out="pause: exit $RC $OUT"
  wait_until 10 state_is "$id" paused && paused=yes
  run_captured "$E2E_STEP_TIMEOUT" dk unpause "$id"
  local resume_out="unpause: exit $RC $OUT"
  wait_until 10 state_is "$id" running && resumed=yes
  if [ "$paused" = yes ] && [ "$resumed" = yes ]; then
    tap_ok "$name"
  else
    tap_not_ok "$name" "$pause_out (state paused: $paused)" "$resume_out (state running again: $resumed)" "$(runtime_failures)"
  fi
  remove_container "$id"
}

# Not in the issue's list, but how docker reaches two more runtime commands: `docker top` calls
# `ps --format json`, `docker update` calls `update --resources -` with the resources as JSON on stdin.
s_top_update() {
  local id=e2e-update name=$1
  run_captured "$E2E_STEP_TIMEOUT" dk_run -d --name "$id" --memory 64m "$IMAGE" "${DETACHED_INIT[@]}"
  if [ "$RC" -ne 0 ]; then tap_not_ok "$name" "detached run failed (exit $RC):" "$OUT" "$(runtime_failures)"; remove_container "$id"; return; fi
  run_captured "$E2E_STEP_TIMEOUT" dk top "$id"
  local top_rc=$RC top_out=$OUT
  run_captured "$E2E_STEP_TIMEOUT" dk update --memory 128m --memory-swap 256m "$id"
  local update_rc=$RC update_out=$OUT
  run_captured "$E2E_STEP_TIMEOUT" dk exec "$id" sh -c \
    'cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max'
  if [ "$top_rc" -eq 0 ] && grep -q 'sleep 300' <<< "$top_out" && [ "$update_rc" -eq 0 ] && [ "$RC" -eq 0 ] &&
    [ "$OUT" = 134217728 ]; then
    tap_ok "$name"
  else
    tap_not_ok "$name" "top: exit $top_rc, output:" "$top_out" "update: exit $update_rc $update_out" \
      "memory limit seen after update (want 134217728): exit $RC $OUT" "$(runtime_failures)"
  fi
  remove_container "$id"
}

# docker maps the runtime's "no such file or directory" / "executable file not found" to 127.
s_missing_binary() {
  run_captured "$E2E_STEP_TIMEOUT" dk_run --rm --name e2e-missing "$IMAGE" /no/such/binary
  expect_status "$1" 127
  remove_container e2e-missing
}

SCENARIOS=(
  "s_true:run true"
  "s_exit_code:exit code propagated (sh -c 'exit 3')"
  "s_stdout:stdout captured"
  "s_env:env var"
  "s_hostname:hostname"
  "s_user:user 1000:1000"
  "s_memory_limit:memory limit visible inside"
  "s_exec:detached sleep, exec, stop, remove"
  "s_tty:interactive -t run"
  "s_read_only:read-only rootfs"
  "s_pause:pause and unpause"
  "s_missing_binary:missing binary exits 127"
  "s_top_update:top and update on a running container (runtime ps, update)"
  "check_container_cgroups_removed:container cgroups removed after rm"
)

ready=no
if start_containerd "$T/containerd" && start_dockerd; then
  run_captured 120 dk load --input "$IMAGE_TAR"
  if [ "$RC" -eq 0 ]; then
    ready=yes
  else
    echo "# docker: image load failed (exit $RC):"
    printf '%s\n' "$OUT" | sed 's/^/#   /'
  fi
fi
run_scenarios "$ready" "${SCENARIOS[@]}"
[ -n "${E2E_ARGV_OUT:-}" ] && cp "$RUNTIME_ARGV_LOG" "$E2E_ARGV_OUT"
tap_summary
[ "$E2E_FAILED" -eq 0 ]
