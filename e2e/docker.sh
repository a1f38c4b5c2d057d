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

CLI=dk
. "$E2E_LIB/cli-scenarios.sh"

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

SCENARIOS=(
  "${CLI_SCENARIOS[@]}"
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
