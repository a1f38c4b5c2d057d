#!/usr/bin/env bash
# A deliberately broken runtime, to prove the harness can fail: it forwards everything to $REAL_RUNTIME but,
# on `create`, first drops "hostname" from the bundle's config.json. The hostname tests must then fail:
#   REAL_RUNTIME=/usr/sbin/runc conformance/run --runtime conformance/broken-runtime.sh
set -euo pipefail
real=${REAL_RUNTIME:?set REAL_RUNTIME to the runtime to wrap}
command="" bundle="."
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    create) [ -z "$command" ] && command=create ;;
    --bundle | -b) bundle=${args[i + 1]:-.} ;;
    --bundle=*) bundle=${args[i]#--bundle=} ;;
    --root | --log | --log-format | --criu) i=$((i + 1)) ;;
    -*) ;;
    *) [ -z "$command" ] && command=${args[i]} ;;
  esac
done
if [ "$command" = create ] && [ -f "$bundle/config.json" ]; then
  tmp=$(mktemp "$bundle/.config.XXXXXX")
  jq 'del(.hostname)' "$bundle/config.json" > "$tmp" && mv "$tmp" "$bundle/config.json"
fi
exec "$real" "$@"
