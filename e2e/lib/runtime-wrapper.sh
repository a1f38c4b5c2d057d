# The argv-logging wrapper the engines are pointed at instead of the runtime itself (sourced).
# Engines scrub the environment (conmon keeps almost nothing), so the real runtime and the log path are
# written into the wrapper; the wrapper has the runtime's basename because podman decides by basename
# whether a runtime understands --log-format=json.
# shellcheck shell=bash

# make_runtime_wrapper DIR RUNTIME LOG: creates DIR/<basename of RUNTIME>; sets RUNTIME_WRAPPER.
make_runtime_wrapper() {
  local dir=$1 runtime=$2 log=$3
  mkdir -p "$dir"
  RUNTIME_WRAPPER="$dir/$(basename "$runtime")"
  RUNTIME_ARGV_LOG=$log
  : > "$log"
  cat > "$RUNTIME_WRAPPER" <<EOF
#!/bin/bash
# swiftlet e2e: records each call (argv, then exit status), then runs the runtime with the same stdio.
# Not exec'd, so that the exit status can be logged; the container init is not our child either way.
log=$(printf '%q' "$log")
{ printf 'call %s' "\$\$"; printf ' %q' "\$@"; printf '\n'; } >> "\$log"
$(printf '%q' "$runtime") "\$@"
status=\$?
printf 'exit %s %s\n' "\$\$" "\$status" >> "\$log"
exit "\$status"
EOF
  chmod 755 "$RUNTIME_WRAPPER"
}

# Scenario boundaries in the log, so a failure shows only the runtime calls made for that scenario.
mark_runtime_log() { RUNTIME_LOG_MARK=$(wc -l < "$RUNTIME_ARGV_LOG"); }

# The runtime calls since the mark that exited non-zero, as "runtime exit N: argv".
runtime_failures() {
  tail -n +"$((${RUNTIME_LOG_MARK:-0} + 1))" "$RUNTIME_ARGV_LOG" | awk '
    $1 == "call" { id = $2; $1 = ""; $2 = ""; sub(/^  /, ""); argv[id] = $0 }
    $1 == "exit" && $3 != 0 { print "runtime exit " $3 ": " argv[$2] }'
}

# Every runtime call since the mark (for diagnostics of scenarios that failed without a runtime error).
runtime_calls() {
  tail -n +"$((${RUNTIME_LOG_MARK:-0} + 1))" "$RUNTIME_ARGV_LOG"
}
