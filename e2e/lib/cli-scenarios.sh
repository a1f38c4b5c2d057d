# Scenarios that docker and podman run the same way (their CLIs agree): the engine script sets CLI to its
# command prefix (dk, pm) before sourcing this; "${CLI}_run" runs a container with the script's run flags,
# "$CLI" calls the engine, "${CLI}_bounded" calls it with a deadline.

# Detached init that exits 0 on SIGTERM, so "stop" is a real SIGTERM delivered by the runtime's kill.
DETACHED_INIT=(sh -c 'trap "exit 0" TERM; sleep 300 & wait')

s_true() { run_captured "$E2E_STEP_TIMEOUT" "${CLI}_run" --rm "$IMAGE" true; expect_status "$1" 0; }

s_exit_code() { run_captured "$E2E_STEP_TIMEOUT" "${CLI}_run" --rm "$IMAGE" sh -c 'exit 3'; expect_status "$1" 3; }

s_stdout() { run_captured "$E2E_STEP_TIMEOUT" "${CLI}_run" --rm "$IMAGE" echo hello-e2e; expect_output "$1" hello-e2e; }

s_env() {
  run_captured "$E2E_STEP_TIMEOUT" "${CLI}_run" --rm --env E2E_VAR=value-42 "$IMAGE" sh -c 'echo "$E2E_VAR"'
  expect_output "$1" value-42
}

s_hostname() {
  run_captured "$E2E_STEP_TIMEOUT" "${CLI}_run" --rm --hostname e2e-host "$IMAGE" hostname
  expect_output "$1" e2e-host
}

s_user() {
  run_captured "$E2E_STEP_TIMEOUT" "${CLI}_run" --rm --user 1000:1000 "$IMAGE" sh -c 'echo "$(id -u):$(id -g)"'
  expect_output "$1" 1000:1000
}

s_memory_limit() {
  run_captured "$E2E_STEP_TIMEOUT" "${CLI}_run" --rm --memory 64m "$IMAGE" \
    sh -c 'cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max'
  expect_output "$1" 67108864
}

s_exec() {
  local id=e2e-exec name=$1
  run_captured "$E2E_STEP_TIMEOUT" "${CLI}_run" -d --name "$id" "$IMAGE" "${DETACHED_INIT[@]}"
  if [ "$RC" -ne 0 ]; then tap_not_ok "$name" "detached run failed (exit $RC):" "$OUT" "$(runtime_failures)"; remove_container "$id"; return; fi
  run_captured "$E2E_STEP_TIMEOUT" "$CLI" exec "$id" sh -c 'echo exec-ok'
  local exec_rc=$RC exec_out=$OUT
  run_captured "$E2E_STEP_TIMEOUT" "$CLI" stop --time 20 "$id"
  local stop_rc=$RC stop_out=$OUT exit_code
  exit_code=$("${CLI}_bounded" inspect --format '{{.State.ExitCode}}' "$id" 2>&1)
  run_captured "$E2E_STEP_TIMEOUT" "$CLI" rm "$id"
  if [ "$exec_rc" -eq 0 ] && [ "$exec_out" = exec-ok ] && [ "$stop_rc" -eq 0 ] && [ "$exit_code" = 0 ] && [ "$RC" -eq 0 ]; then
    tap_ok "$name"
  else
    tap_not_ok "$name" "exec: exit $exec_rc, output: $exec_out" "stop: exit $stop_rc $stop_out (container exit code $exit_code, want 0 from SIGTERM)" \
      "rm: exit $RC $OUT" "$(runtime_failures)"
  fi
  remove_container "$id"
}

s_read_only() {
  run_captured "$E2E_STEP_TIMEOUT" "${CLI}_run" --rm --read-only "$IMAGE" \
    sh -c 'if touch /e2e-probe 2>/dev/null; then echo writable; else echo read-only; fi'
  expect_output "$1" read-only
}

s_pause() {
  local id=e2e-pause name=$1 paused=no resumed=no
  run_captured "$E2E_STEP_TIMEOUT" "${CLI}_run" -d --name "$id" "$IMAGE" "${DETACHED_INIT[@]}"
  if [ "$RC" -ne 0 ]; then tap_not_ok "$name" "detached run failed (exit $RC):" "$OUT" "$(runtime_failures)"; remove_container "$id"; return; fi
  run_captured "$E2E_STEP_TIMEOUT" "$CLI" pause "$id"
  local pause_out="pause: exit $RC $OUT"
  wait_until 10 state_is "$id" paused && paused=yes
  run_captured "$E2E_STEP_TIMEOUT" "$CLI" unpause "$id"
  local resume_out="unpause: exit $RC $OUT"
  wait_until 10 state_is "$id" running && resumed=yes
  if [ "$paused" = yes ] && [ "$resumed" = yes ]; then
    tap_ok "$name"
  else
    tap_not_ok "$name" "$pause_out (state paused: $paused)" "$resume_out (state running again: $resumed)" "$(runtime_failures)"
  fi
  remove_container "$id"
}

s_missing_binary() {
  run_captured "$E2E_STEP_TIMEOUT" "${CLI}_run" --rm --name e2e-missing "$IMAGE" /no/such/binary
  expect_status "$1" 127
  remove_container e2e-missing
}

# The scenarios both engines run, in this order (name:description); each engine script defines s_tty itself
# (their terminal flags differ) and appends its own scenarios after these.
CLI_SCENARIOS=(
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
)
