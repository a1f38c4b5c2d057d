#!/usr/bin/python3
"""Turns the --json outputs of several conformance runs into one Markdown report (conformance/RESULTS.md).

    conformance/results.py --out conformance/RESULTS.md \\
        --run swiftlet=/tmp/sw.json --run runc=/tmp/runc.json --run crun=/tmp/crun.json \\
        --cgroups-not-comparable crun --notes conformance/results-notes.json

A requirement (one test) is met when every assertion it made passed; it is skipped when it only skipped (the host
lacks something). Per spec section the report counts met requirements out of those that ran, per runtime; then it
lists every failed assertion with the reason the harness saw and, when the notes file has one, why it fails.
--cgroups-not-comparable NAME: NAME ran without a cgroup manager (crun on a hybrid host), so its cgroup assertions
say nothing about it; they are left out of its counts and shown as n/c.
"""
import argparse
import json
import os
import platform
import re
import subprocess
import sys
from collections import OrderedDict
from datetime import datetime, timezone

# Sections whose every assertion is about the container's cgroups.
CGROUP_SECTIONS = {
    ("config-linux.md", s) for s in (
        "Control groups", "Cgroups Path", "Cgroup ownership", "Allowed Device list", "Memory", "CPU", "Block IO",
        "Huge page limits", "Network", "PIDs", "RDMA", "Unified",
    )
}
# Assertions about cgroups inside tests of other sections (create applies limits, delete removes cgroups).
CGROUP_DETAIL = re.compile(r"cgroup|pids limit", re.IGNORECASE)
SPEC_FILE_ORDER = ["runtime.md", "runtime-linux.md", "config.md", "config-linux.md"]


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--run", action="append", required=True, metavar="NAME=JSON",
                        help="a runtime's name and the --json file of its run (repeat; columns keep this order)")
    parser.add_argument("--out", required=True, help="the Markdown file to write")
    parser.add_argument("--cgroups-not-comparable", action="append", default=[], metavar="NAME",
                        help="a runtime whose cgroup assertions are left out (it ran without a cgroup manager)")
    parser.add_argument("--notes", help="JSON {runtime: {test id: why it fails}} shown beside the failures")
    parser.add_argument("--setup", action="append", default=[], metavar="NAME=TEXT",
                        help="how a runtime was run, printed in the header (repeat)")
    return parser.parse_args(argv)


def load_run(spec):
    name, _, path = spec.partition("=")
    if not name or not path:
        sys.exit(f"results.py: --run wants NAME=JSON, got {spec!r}")
    with open(path) as f:
        data = json.load(f)
    return name, data


def runtime_version(path):
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return out.splitlines()[0].strip() if out.strip() else "?"


def is_cgroup_assertion(result):
    return (result["spec_file"], result["section"]) in CGROUP_SECTIONS or bool(CGROUP_DETAIL.search(result["detail"]))


def short_reason(reason, limit=220):
    """The useful part of a harness reason: a runtime's own error message rather than the command line."""
    # The harness may have cut the reason short, so the closing quote can be missing.
    messages = [m[0] for m in re.findall(r'msg="((?:[^"\\]|\\.)*)("|$)', reason)]
    if messages:
        reason = reason.split("`")[0].strip() + " " + " / ".join(m.replace('\\"', '"').replace("\\n", "; ") for m in messages)
    else:
        reason = re.sub(r"`[^`]*`", "`...`", reason)
    reason = " ".join(reason.split()).replace("|", "\\|")
    return reason if len(reason) <= limit else reason[: limit - 3] + "..."


class Requirement:
    def __init__(self, first):
        self.id = first["id"]
        self.spec_file = first["spec_file"]
        self.section = first["section"]
        self.level = first["level"]
        self.text = first["requirement"]
        self.results = {}  # runtime -> [assertions]


def collect(runs, not_comparable):
    requirements = OrderedDict()
    for name, data in runs:
        for result in data["results"]:
            req = requirements.setdefault(result["id"], Requirement(result))
            if name in not_comparable and is_cgroup_assertion(result):
                result = dict(result, status="n/c")
            req.results.setdefault(name, []).append(result)
    return requirements


def outcome(assertions):
    """met / failed / skipped / n/c / absent for one runtime's assertions of one requirement."""
    if not assertions:
        return "absent"
    statuses = {a["status"] for a in assertions}
    if "fail" in statuses:
        return "failed"
    if "pass" in statuses:
        return "met"
    if statuses == {"n/c"}:
        return "n/c"
    return "skipped"


def section_key(item):
    spec_file, section = item
    order = SPEC_FILE_ORDER.index(spec_file) if spec_file in SPEC_FILE_ORDER else len(SPEC_FILE_ORDER)
    return (order, spec_file)


def render(runs, requirements, args):
    names = [name for name, _ in runs]
    notes = {}
    if args.notes and os.path.exists(args.notes):
        with open(args.notes) as f:
            notes = json.load(f)
    setups = dict(s.partition("=")[::2] for s in args.setup)
    lines = ["# Conformance results", ""]
    lines.append(f"Generated by `conformance/results.py` on {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} "
                 f"from `conformance/run --json` outputs. Host: Linux {platform.release()}, {platform.machine()}.")
    lines.append("")
    lines.append("A requirement (one test, one line of the spec) is **met** when every assertion it made passed. "
                 "Counts are met / requirements that ran (skips are host limits, not runtime gaps). "
                 "Assertions are the TAP lines; a requirement may make several.")
    lines.append("")
    lines += ["| runtime | version | requirements met | assertions passed | failed | skipped | how it ran |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    for name, data in runs:
        outcomes = [outcome(r.results.get(name, [])) for r in requirements.values()]
        met, ran = outcomes.count("met"), sum(o in ("met", "failed") for o in outcomes)
        assertions = [a for r in requirements.values() for a in r.results.get(name, [])]
        passed = sum(a["status"] == "pass" for a in assertions)
        failed = sum(a["status"] == "fail" for a in assertions)
        skipped = sum(a["status"] == "skip" for a in assertions)
        nc = sum(a["status"] == "n/c" for a in assertions)
        counted = passed + failed + skipped
        extra = f" ({nc} cgroup assertions n/c)" if nc else ""
        lines.append(f"| {name} | {runtime_version(data['runtime'])} | {met} / {ran} | {passed} / {counted}{extra} | "
                     f"{failed} | {skipped} | {setups.get(name, '')} |")
    lines.append("")

    lines += ["## Per spec section", "", "| spec file | section | " + " | ".join(names) + " |",
              "| --- | --- | " + " | ".join("---" for _ in names) + " |"]
    sections = OrderedDict()
    for req in requirements.values():
        sections.setdefault((req.spec_file, req.section), []).append(req)
    for key in sorted(sections, key=section_key):
        cells = []
        for name in names:
            outcomes = [outcome(r.results.get(name, [])) for r in sections[key]]
            met, ran = outcomes.count("met"), sum(o in ("met", "failed") for o in outcomes)
            if ran == 0:
                cell = "n/c" if "n/c" in outcomes else ("skipped" if "skipped" in outcomes else "-")
            else:
                cell = f"{met}/{ran}" + ("" if met == ran else " **✗**")
            cells.append(cell)
        lines.append(f"| {key[0]} | {key[1]} | " + " | ".join(cells) + " |")
    lines.append("")

    for name in names:
        failing = [r for r in requirements.values() if outcome(r.results.get(name, [])) == "failed"]
        lines += [f"## {name}: failed requirements ({len(failing)})", ""]
        if not failing:
            lines += ["None.", ""]
            continue
        lines += ["| requirement | level | failed assertions (what the harness saw) | why |", "| --- | --- | --- | --- |"]
        for req in failing:
            failed = [a for a in req.results[name] if a["status"] == "fail"]
            seen = "<br>".join(f"{a['detail']}: {short_reason(a['reason'])}" for a in failed[:4])
            if len(failed) > 4:
                seen += f"<br>(+{len(failed) - 4} more)"
            why = notes.get(name, {}).get(req.id, "").replace("|", "\\|")
            lines.append(f"| `{req.id}` ({req.spec_file} \"{req.section}\"): {req.text} | {req.level} | {seen} | {why} |")
        lines.append("")
    skipped = OrderedDict()
    for req in requirements.values():
        for name in names:
            for a in req.results.get(name, []):
                if a["status"] == "skip":
                    skipped.setdefault((req.id, a["reason"]), []).append(name)
    if skipped:
        lines += ["## Skipped (host limits)", ""]
        lines += [f"- `{rid}` ({', '.join(who)}): {reason}" for (rid, reason), who in skipped.items()]
        lines.append("")
    return "\n".join(lines)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    runs = [load_run(spec) for spec in args.run]
    requirements = collect(runs, set(args.cgroups_not_comparable))
    text = render(runs, requirements, args)
    with open(args.out + ".tmp", "w") as f:
        f.write(text)
    os.replace(args.out + ".tmp", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
