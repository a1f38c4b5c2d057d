"""One measurement: a title, a unit, and per runtime its samples, failures and a note.

Serialised to JSON so the part measured inside the cgroup2 namespace can hand its results to the report.
"""
import statistics
from dataclasses import asdict, dataclass, field


@dataclass
class Row:
    samples: list = field(default_factory=list)
    failures: int = 0
    note: str = ""                 # why there are no samples (unavailable, first error), or a remark
    extra: dict = field(default_factory=dict)

    def fail(self, error):
        self.failures += 1
        if not self.note:
            self.note = error

    def summary(self):
        """(median, min, max) or None without samples."""
        if not self.samples:
            return None
        return statistics.median(self.samples), min(self.samples), max(self.samples)


@dataclass
class Measurement:
    key: str                       # "a", "b", "c-state" … as in bench/README.md
    title: str
    unit: str                      # "ms", "KiB"
    rows: dict = field(default_factory=dict)   # runtime name -> Row
    extra_columns: list = field(default_factory=list)  # keys of Row.extra shown as columns

    def row(self, name):
        return self.rows.setdefault(name, Row())

    def mark_unavailable(self, name, reason):
        self.row(name).note = f"unavailable: {reason}"

    def median(self, name):
        row = self.rows.get(name)
        summary = row.summary() if row else None
        return summary[0] if summary else None

    def to_json(self):
        return asdict(self)

    @staticmethod
    def from_json(data):
        rows = {name: Row(**row) for name, row in data.pop("rows").items()}
        return Measurement(rows=rows, **data)


def interleaved(participants, rounds, warmup, one_run, measurement, give_up_after=3):
    """Runs one_run(participant, round) for every participant in every round, rotating the order each round
    (ABC, BCA, CAB …) so no runtime is always first after a pause. Warm-up rounds are not recorded.
    one_run returns (value, error): value None means it failed. A participant that fails its first
    `give_up_after` attempts without one success is dropped, its note carrying the first error; one that
    times out is dropped at once (a hanging runtime would otherwise cost a timeout per round)."""
    active = list(participants)
    for round_number in range(warmup + rounds):
        shift = round_number % max(1, len(active))
        dropped = []
        for participant in active[shift:] + active[:shift]:
            value, error = one_run(participant, round_number)
            row = measurement.row(participant.name)
            if value is not None:
                if round_number >= warmup:
                    row.samples.append(value)
                continue
            row.fail(error)
            if "timed out" in error:
                row.note += "" if "timed out" in row.note else f"; dropped after a timeout ({error})"
                dropped.append(participant)
            elif row.failures >= give_up_after and not row.samples:
                dropped.append(participant)
        active = [participant for participant in active if participant not in dropped]
