"""The swiftlet start-up and memory benchmark: see bench/README.md. Python 3 standard library only."""
