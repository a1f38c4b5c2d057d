"""TAP version 13 output plus the per-assertion records behind --json."""
import json
import sys
from dataclasses import asdict, dataclass


@dataclass
class Result:
    number: int
    id: str
    spec_file: str
    section: str
    level: str
    requirement: str
    detail: str
    status: str  # "pass", "fail" or "skip"
    reason: str


def _clean(text: str) -> str:
    """TAP lines are single lines; '#' would start a directive."""
    return " ".join(str(text).split()).replace("#", "\\#")


class TapReporter:
    def __init__(self, out=sys.stdout, expected_failures=None):
        self.out = out
        self.results: list[Result] = []
        # test id -> why the runtime deliberately fails it; shown as TAP "# TODO", not counted as a failure.
        self.expected_failures = expected_failures or {}

    def begin(self):
        self._emit("TAP version 13")

    def record(self, req, detail: str, status: str, reason: str = ""):
        number = len(self.results) + 1
        result = Result(number, req.id, req.spec_file, req.section, req.level, req.text, detail, status, reason)
        self.results.append(result)
        what = f"{req.section}: {req.text}" + (f": {detail}" if detail else "")
        line = f"{'not ok' if status == 'fail' else 'ok'} {number} - {_clean(what)} [{req.level}] ({req.spec_file} \"{req.section}\")"
        if status == "fail" and req.id in self.expected_failures:
            result.status = "todo"
            line += f" # TODO known deviation: {_clean(self.expected_failures[req.id])} (saw: {_clean(reason)})"
        elif status == "fail":
            line += f" # {_clean(reason)}"
        elif status == "skip":
            line += f" # SKIP {_clean(reason)}"
        self._emit(line)
        return result

    def comment(self, text: str):
        for line in str(text).splitlines() or [""]:
            self._emit(f"# {line}")

    def bail_out(self, reason: str):
        self._emit(f"Bail out! {_clean(reason)}")

    def end(self):
        self._emit(f"1..{len(self.results)}")
        passed, failed, skipped = self.counts()
        todo = [r.status for r in self.results].count("todo")
        if todo:
            self.comment(f"{todo} known deviations (TODO, listed with --expected-failures) are counted as skipped")
        self._emit(f"{passed} passed, {failed} failed, {skipped} skipped")

    def counts(self):
        statuses = [r.status for r in self.results]
        return statuses.count("pass"), statuses.count("fail"), statuses.count("skip") + statuses.count("todo")

    def write_json(self, path: str, runtime: str):
        passed, failed, skipped = self.counts()
        document = {
            "runtime": runtime,
            "summary": {"passed": passed, "failed": failed, "skipped": skipped},
            "results": [asdict(r) for r in self.results],
        }
        with open(path, "w") as f:
            json.dump(document, f, indent=2)
            f.write("\n")

    def _emit(self, line: str):
        self.out.write(line + "\n")
        self.out.flush()
