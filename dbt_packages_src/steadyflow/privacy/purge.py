"""`steadyflow purge`: the `steadyflow.purge` run-operation, then what dbt cannot do itself.

DuckDB keeps deleted rows' bytes in the freed blocks of its file after a delete and a checkpoint (and after a
table rewrite); only copying the database into a new file drops them, and dbt cannot replace the file it is
connected to. So after the run-operation has deleted the rows (and checkpointed), this copies the database into
a fresh file next to it (`COPY FROM DATABASE`) and swaps it in. On PostgreSQL the run-operation's VACUUM FULL,
ANALYZE and CHECKPOINT already did the work, and there is nothing more to do here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SUMMARY_PREFIX = "steadyflow.purge summary: "
COUNTING_PREFIX = "steadyflow.purge: counting rows in "  # logged by the macro before each count
COUNTED = "steadyflow.purge: counted"  # logged after the last count, before anything is deleted
REDACTED = "<the --where condition>"
# `python -m dbt.cli.main` warns (RuntimeWarning, runpy) because dbt.cli imports dbt.cli.main; call the entry point
# that the `dbt` executable calls instead.
DBT = "import sys; from dbt.cli.main import cli; sys.exit(cli())"


class PurgeError(RuntimeError):
    """The purge did not complete; the message says which step and what to do."""


@dataclass
class PurgeOutcome:
    summary: dict[str, Any]
    compacted: str | None = None
    messages: list[str] = field(default_factory=list)


def run_operation(args: dict[str, Any], dbt_args: Sequence[str]) -> dict[str, Any]:
    """Run `dbt run-operation steadyflow.purge` as a child process (so no DuckDB handle stays open in this one),
    echoing its output with the `where` condition redacted; returns the summary the macro logged.

    A condition that fails on a table fails while the macro counts the matching rows, before anything is
    deleted: the error then names the table that the last "counting rows in" line announced."""
    cli = [sys.executable, "-c", DBT, "run-operation", "steadyflow.purge", "--args", json.dumps(args)]
    proc = subprocess.Popen([*cli, *dbt_args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    found: list[str] = []
    counting: str | None = None
    where = str(args.get("where") or "")
    assert proc.stdout is not None
    for line in proc.stdout:
        sys.stdout.write(line.replace(where, REDACTED) if where else line)
        if SUMMARY_PREFIX in line:
            found.append(line.split(SUMMARY_PREFIX, 1)[1].strip())
        elif COUNTING_PREFIX in line:
            counting = line.split(COUNTING_PREFIX, 1)[1].strip()
        elif COUNTED in line:
            counting = None
    if proc.wait() != 0 or not found:
        if counting is not None:
            raise PurgeError(
                f"the --where condition failed on {counting} while counting the rows to delete; nothing was "
                "deleted. Every table purged must have the columns the condition names (a downstream model may "
                "rename or drop them: purge it separately with its own --where); the warehouse's error is above"
            )
        raise PurgeError(
            f"dbt run-operation steadyflow.purge failed (exit code {proc.returncode}; see its output above)"
        )
    summary: dict[str, Any] = json.loads(found[-1])
    return summary


def compact_duckdb_file(path: Path) -> str:
    """Copy the DuckDB database at `path` into a fresh file and swap it in; returns what was done.

    The copy holds only live data, so bytes of deleted rows left in freed blocks of the old file are gone. The
    old file is replaced atomically (rename); its WAL, empty after the run-operation's checkpoint, is removed."""
    import duckdb

    if not path.exists():
        raise PurgeError(
            f"DuckDB file {path} not found (the `path` of the dbt-duckdb profile, relative to where dbt ran)"
        )
    fresh = path.with_name(path.name + ".purge-fresh")
    fresh.unlink(missing_ok=True)
    before = path.stat().st_size
    conn = duckdb.connect(":memory:")
    try:
        conn.execute("attach ? as purge_old (read_only)", [str(path)])
        conn.execute("attach ? as purge_fresh", [str(fresh)])
        conn.execute("copy from database purge_old to purge_fresh")
        conn.execute("detach purge_fresh")
        conn.execute("detach purge_old")
    except duckdb.Error as exc:
        fresh.unlink(missing_ok=True)
        raise PurgeError(f"copying {path} into a fresh file failed: {exc} (is another process using it?)") from exc
    finally:
        conn.close()
    with open(fresh, "rb") as f:
        os.fsync(f.fileno())
    os.replace(fresh, path)
    path.with_name(path.name + ".wal").unlink(missing_ok=True)
    return f"{path}: rewritten into a fresh file ({before} -> {path.stat().st_size} bytes); freed blocks are gone"


def purge(
    relations: list[str],
    where: str,
    downstream: bool,
    dry_run: bool,
    dbt_args: Sequence[str],
    max_rows: int | None = None,
) -> PurgeOutcome:
    args = {"relations": relations, "where": where, "downstream": downstream, "dry_run": dry_run, "max_rows": max_rows}
    summary = run_operation(args, dbt_args)
    outcome = PurgeOutcome(summary)
    if summary.get("target_type") == "duckdb" and not dry_run:
        outcome.compacted = compact_duckdb_file(Path(str(summary["duckdb_path"])).resolve())
    return outcome
