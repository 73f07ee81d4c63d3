"""One row of benchmark output and the table they are printed as."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    """A measured figure: `Result("overview page", "100,000 events", 0.41, "s", budget="< 2 s")`."""

    case: str
    size: str
    value: float
    unit: str = "s"
    budget: str = ""
    note: str = ""


def format_value(result: Result) -> str:
    if result.unit == "s":
        return f"{result.value:.3f} s"
    if result.unit == "MB":
        return f"{result.value:,.0f} MB"
    return f"{result.value:,.2f} {result.unit}"


def print_table(title: str, results: list[Result]) -> None:
    """Print results as an aligned plain-text table under a title."""
    header = ("case", "size", "value", "budget", "note")
    rows = [(r.case, r.size, format_value(r), r.budget, r.note) for r in results]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    print(f"\n== {title} ==")
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
