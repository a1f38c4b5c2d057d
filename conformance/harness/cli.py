"""Entry point: parse arguments, prepare the checker and rootfs, run every selected requirement test, report."""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback

from . import leftovers, reaper
from .cgroups import HostCgroups
from .context import RunEnvironment, SkipTest, TestContext
from .requirement import REGISTRY
from .runtime import RuntimeCLI
from .tap import TapReporter

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # conformance/
REPO = os.path.dirname(HERE)


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="conformance/run", description="OCI runtime-spec conformance tests for any runc-compatible runtime.")
    parser.add_argument("--runtime", required=True, help="path of the runtime binary (runc CLI contract)")
    parser.add_argument("--filter", help="regular expression matched against test ids, sections and requirement texts")
    parser.add_argument("--json", help="write per-assertion results to this file")
    parser.add_argument("--keep-going", action="store_true",
                        help="continue even when a test leaves processes, mounts or cgroups behind (default: bail out)")
    parser.add_argument("--spec-dir", default=os.path.normpath(os.path.join(HERE, "..", "..", "shared", "runtime-spec")),
                        help="runtime-spec checkout, used to confirm every cited section exists")
    parser.add_argument("--list", action="store_true", help="list the selected tests and exit")
    parser.add_argument("--expected-failures", metavar="FILE",
                        help="file of 'test-id reason' lines: deliberate deviations of this runtime, reported as TAP TODO")
    return parser.parse_args(argv)


def read_expected_failures(path):
    """'test-id reason…' per line; blank lines and '#' comments ignored."""
    if not path:
        return {}
    expected = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            test_id, _, reason = line.partition(" ")
            expected[test_id] = reason.strip() or "deliberate deviation"
    return expected


def load_tests():
    from tests import MODULES  # noqa: F401 - importing registers the tests
    return list(REGISTRY)


def select(tests, pattern):
    if not pattern:
        return tests
    rx = re.compile(pattern)
    return [t for t in tests if rx.search(t.id) or rx.search(t.section) or rx.search(t.text) or rx.search(t.spec_file)]


def cited_sections_missing(tests, spec_dir):
    """Sections cited by tests that do not appear as headings in the spec files."""
    missing = []
    headings = {}
    for test in tests:
        if test.spec_file not in headings:
            try:
                with open(os.path.join(spec_dir, test.spec_file)) as f:
                    headings[test.spec_file] = [re.sub(r"<a name=\"[^\"]*\"\s*/>", "", line).strip("# \n") for line in f if line.startswith("#")]
            except OSError:
                headings[test.spec_file] = None
        known = headings[test.spec_file]
        if known is not None and test.section not in known:
            missing.append(f"{test.id}: \"{test.section}\" is not a heading of {test.spec_file}")
    return missing


def prepare_rootfs(work):
    """The busybox rootfs (made once) with the checker copied in as /checker."""
    checker = os.path.join(work, "checker")
    subprocess.run([os.path.join(HERE, "build-checker.sh"), checker], check=True)
    rootfs = os.path.join(work, "rootfs")
    subprocess.run([os.path.join(REPO, "scripts", "make-busybox-rootfs.sh"), rootfs], check=True, stdout=subprocess.DEVNULL)
    target = os.path.join(rootfs, "checker")
    if not os.path.exists(target) or os.path.getmtime(target) < os.path.getmtime(checker):
        shutil.copy2(checker, target + ".tmp")
        os.chmod(target + ".tmp", 0o755)
        os.replace(target + ".tmp", target)
    return rootfs


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    sys.path.insert(0, HERE)
    tests = select(load_tests(), args.filter)
    if args.list:
        for t in tests:
            print(f"{t.id}\t[{t.level}] {t.spec_file} \"{t.section}\": {t.text}")
        return 0
    if os.geteuid() != 0:
        print("conformance/run: must run as root (containers need namespaces, mounts and cgroups)", file=sys.stderr)
        return 2
    runtime_path = os.path.abspath(args.runtime) if os.sep in args.runtime else shutil.which(args.runtime) or args.runtime
    if not os.access(runtime_path, os.X_OK):
        print(f"conformance/run: runtime {args.runtime} is not executable", file=sys.stderr)
        return 2

    reporter = TapReporter(expected_failures=read_expected_failures(args.expected_failures))
    reporter.begin()
    reporter.comment(f"runtime: {runtime_path}")
    for problem in cited_sections_missing(tests, args.spec_dir):
        reporter.comment(f"warning: {problem}")
    if not reaper.become_subreaper():
        reporter.comment("warning: cannot become a child subreaper; exited container processes are reaped by init")

    work_root = os.path.join(HERE, ".work")
    os.makedirs(work_root, exist_ok=True)
    rootfs = prepare_rootfs(work_root)
    run_dir = tempfile.mkdtemp(prefix="swiftlet-conformance-")
    os.chmod(run_dir, 0o755)  # user-namespaced containers must traverse it
    state_root = os.path.join(run_dir, "runtime-root")
    os.makedirs(state_root)
    env = RunEnvironment(RuntimeCLI(runtime_path, state_root), reporter, run_dir, rootfs, HostCgroups(), args.keep_going)

    bailed = False
    for test in tests:
        ctx = TestContext(env, test)
        try:
            test.run(ctx)
            if ctx.recorded == 0:
                ctx.fail("", "the test recorded no assertion (harness defect)")
        except SkipTest as skip:
            if ctx.recorded == 0:
                reporter.record(test, "", "skip", str(skip))
            else:
                reporter.comment(f"{test.id}: remaining assertions skipped: {skip}")
        except Exception as e:  # noqa: BLE001 - a harness error fails the test, not the run
            ctx.fail("", f"harness error: {type(e).__name__}: {e}")
            reporter.comment(traceback.format_exc())
        left = ctx.finish()
        if left:
            reporter.comment(f"{test.id} left behind: {'; '.join(left)}")
            if not args.keep_going:
                reporter.bail_out(f"{test.id} left processes, mounts or cgroups behind (use --keep-going to continue)")
                bailed = True
                break

    reaper.reap()
    final = leftovers.processes([run_dir], f"/{env.cgroup_prefix}") + [f"mount {m}" for m in leftovers.mounts(run_dir)]
    final += [f"cgroup {d}" for d in _run_cgroups(env)]
    if final:
        reporter.comment("leftovers after the run: " + "; ".join(final))
        _remove_empty_run_cgroups(env)
    else:
        reporter.comment("no leftovers: no processes, mounts or cgroups from this run remain")
        shutil.rmtree(run_dir, ignore_errors=True)
    reporter.end()
    if args.json:
        reporter.write_json(args.json, runtime_path)
    passed, failed, skipped = reporter.counts()
    return 1 if failed or bailed or final else 0


def _remove_empty_run_cgroups(env):
    """Cgroups named for this run that a runtime failed to remove: rmdir only succeeds on empty ones."""
    for directory in _run_cgroups(env):
        try:
            os.rmdir(directory)
        except OSError:
            pass


def _run_cgroups(env):
    found = []
    mounts = [m.mountpoint for m in env.cgroups.v1.values()] + ([env.cgroups.v2.mountpoint] if env.cgroups.v2 else [])
    for mountpoint in sorted(set(mounts)):
        try:
            for name in os.listdir(mountpoint):
                if name.startswith(env.cgroup_prefix):
                    found.append(os.path.join(mountpoint, name))
        except OSError:
            pass
    return found
