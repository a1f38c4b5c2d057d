"""A requirement of the runtime-spec and the registry of tests that check one requirement each."""
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Requirement:
    id: str  # stable test id, e.g. "config.process.user"
    spec_file: str  # e.g. "config.md"
    section: str  # the spec heading the requirement lives under, e.g. "User"
    level: str  # "MUST" or "SHOULD"
    text: str  # the requirement in one line
    run: Callable  # run(ctx) -> None; records assertions on ctx


REGISTRY: list[Requirement] = []


def requirement(id: str, spec_file: str, section: str, level: str, text: str):
    """Registers the decorated function as the test of one requirement."""
    if level not in ("MUST", "SHOULD"):
        raise ValueError(f"{id}: level must be MUST or SHOULD, not {level}")

    def register(func):
        if any(r.id == id for r in REGISTRY):
            raise ValueError(f"duplicate requirement id {id}")
        REGISTRY.append(Requirement(id, spec_file, section, level, text, func))
        return func

    return register
