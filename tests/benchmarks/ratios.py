"""What every benchmark prints and writes: per measure the median time of each side, the ratio
of the medians, the spread of the rounds' own ratios, the target, with the load average; and
with ``--json FILE`` a list of objects with at least ``name``, ``ratio`` and ``target``."""

from __future__ import annotations

import json
import os
import statistics
from pathlib import Path
from typing import Any


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} {five:.1f} {fifteen:.1f} ({os.cpu_count()} cores)"


def measure(
    name: str, base: list[float], subject: list[float], target: float | None, **extra: Any
) -> dict[str, Any]:
    """One measure: ``subject`` (the app, or the big side) against ``base`` (the bare library,
    or the small side), both lists of seconds taken in alternating rounds."""
    ratios = [b and s / b for b, s in zip(base, subject, strict=True)]
    base_ms, subject_ms = statistics.median(base) * 1000, statistics.median(subject) * 1000
    ratio = subject_ms / base_ms if base_ms else float("inf")
    return {
        "name": name,
        "ratio": round(ratio, 3),
        "target": target,
        "met": None if target is None else ratio <= target,
        "spread": [round(min(ratios), 3), round(max(ratios), 3)],
        "base_ms": round(base_ms, 2),
        "subject_ms": round(subject_ms, 2),
        "rounds": len(base),
        "load": [round(x, 2) for x in os.getloadavg()],
        **extra,
    }


def show(measures: list[dict[str, Any]], base: str = "base", subject: str = "subject") -> None:
    print(
        f"\n{'measure (medians)':<58}{base + ' ms':>11}{subject + ' ms':>11}{'ratio':>8}  spread       target"
    )
    for m in measures:
        target = "—" if m["target"] is None else f"≤ {m['target']} {'ok' if m['met'] else 'MISSED'}"
        lo, hi = m["spread"]
        print(
            f"{m['name']:<58}{m['base_ms']:>11.1f}{m['subject_ms']:>11.1f}{m['ratio']:>8.2f}"
            f"  {lo:>5.2f}-{hi:<6.2f} {target}"
        )
    print(load(), flush=True)


def write(path: str | None, measures: list[dict[str, Any]]) -> None:
    if path:
        Path(path).write_text(json.dumps(measures, ensure_ascii=False, indent=2), encoding="utf-8")
