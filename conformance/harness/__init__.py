"""The runtime-neutral OCI runtime-spec conformance harness: runner, bundles, runtime CLI, checker glue."""
