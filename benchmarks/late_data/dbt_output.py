"""What a dbt invocation left behind: model times from run_results.json, statement times from dbt's debug log."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

SQL_STATUS = re.compile(r"SQL status: \S+ in (\d+\.\d+) seconds")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def model_time(results: list[dict[str, Any]]) -> tuple[float, int]:
    """The execution time dbt reports, summed over the results, and the number of successful batches."""
    batches = sum(len((r.get("batch_results") or {}).get("successful") or []) for r in results)
    return sum(r["execution_time"] for r in results), batches


def sql_log(log: Path, offset: int) -> list[tuple[float, str]]:
    """Every statement of the last invocation with its time, from dbt's debug log (`On <node>: <sql>`)."""
    if not log.exists():
        return []
    with log.open(encoding="utf-8", errors="replace") as fh:
        fh.seek(offset)
        text = ANSI.sub("", fh.read())
    found: list[tuple[float, str]] = []
    statement: str | None = None  # None: a statement outside the model node (dbt's own metadata queries)
    for entry in re.split(r"\n(?=\d\d:\d\d:\d\d\.\d+ )", text):
        if ": On model." in entry:
            body = entry.split(": ", 2)[-1]
            statement = " ".join(re.sub(r"/\*.*?\*/", "", body, flags=re.S).split())[:110]
        elif ": On " in entry:
            statement = None
        elif (m := SQL_STATUS.search(entry)) and statement is not None:
            found.append((float(m.group(1)), statement))
    return found
