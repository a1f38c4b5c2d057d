"""Tables: per measurement median/min/max per runtime, then the ratios of the medians. Markdown, for the
terminal and for bench/RESULTS.md alike."""
from .runtimes import ORDER

RATIOS = (("swiftlet", "crun"), ("swiftlet", "runc"), ("swiftlet", "floor"),
          ("runc", "crun"), ("runc", "floor"), ("crun", "floor"))


def render_tables(measurements):
    out = []
    for measurement in measurements:
        unit = display_unit(measurement.unit)
        out.append(f"### ({measurement.key}) {measurement.title}, {unit}\n")
        header = ["runtime", "median", "min", "max", "n", *measurement.extra_columns, "note"]
        out.append(table_row(header))
        out.append(table_row(["---"] * len(header)))
        for name in ORDER:
            if name not in measurement.rows:
                continue
            row = measurement.rows[name]
            summary = row.summary()
            numbers = [scaled(value, measurement.unit) for value in summary] if summary else ["—"] * 3
            extras = [str(row.extra.get(column, "—")) for column in measurement.extra_columns]
            note = row.note + (f" ({row.failures} failed runs)" if row.failures and row.samples else "")
            out.append(table_row([name, *numbers, str(len(row.samples)), *extras, note.replace("|", "/")]))
        out.append("")
    return "\n".join(out)


def render_ratios(measurements):
    out = ["### Ratios of the medians (lower is better for the first runtime)\n"]
    header = ["measurement", *[f"{a}/{b}" for a, b in RATIOS]]
    out.append(table_row(header))
    out.append(table_row(["---"] * len(header)))
    for measurement in measurements:
        cells = []
        for a, b in RATIOS:
            top, bottom = measurement.median(a), measurement.median(b)
            cells.append(f"{top / bottom:.2f}" if top is not None and bottom else "—")
        out.append(table_row([f"({measurement.key}) {measurement.title}", *cells]))
    out.append("")
    return "\n".join(out)


def render_machine(lines):
    out = ["| | |", "|---|---|"]
    out += [table_row([key, value]) for key, value in lines]
    return "\n".join(out) + "\n"


def display_unit(unit):
    return "MiB" if unit == "KiB" else unit


def scaled(value, unit):
    if unit == "KiB":
        return f"{value / 1024:.2f}"
    return f"{value:.2f}"


def table_row(cells):
    return "| " + " | ".join(cells) + " |"
