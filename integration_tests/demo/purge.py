"""Demo step: forget a customer (the right to be forgotten) and prove the bytes are gone from the DuckDB file.

privacy_orders_raw holds customer 42's card number in the clear, and five tables are built from it (a table, an
incremental model, a table on a view, a snapshot, a test's stored failures). `steadyflow purge ... --downstream`
deletes the customer's rows from all of them (the steadyflow.purge run-operation), then copies the database
into a fresh file and swaps it in: a delete and a checkpoint alone leave the bytes in freed blocks of the file.
dbt runs as a child process here, as a scheduler would run it: the swapped file is then read fresh.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.dbt import INTEGRATION_DIR, DbtProject, query

CARD = "4916037519283748"
TABLES = [
    "privacy_orders_raw",
    "privacy_orders_enriched",
    "privacy_orders_by_customer",
    "privacy_orders_from_view",
    "privacy_orders_snapshot",
]


def child(project: DbtProject, *cmd: str) -> str:
    dirs = ["--project-dir", str(INTEGRATION_DIR), "--profiles-dir", str(INTEGRATION_DIR), "--target", "duckdb"]
    done = subprocess.run(
        [*cmd, *dirs], capture_output=True, text=True, env={**os.environ, **project.env()}, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def in_file(project: DbtProject) -> int:
    return project.duckdb_path.read_bytes().count(CARD.encode())


def rows_of_42(project: DbtProject) -> list[int]:
    return [int(query(project, f"select count(*) from {t} where customer_id = 42")[0][0]) for t in TABLES]


def run(workdir: Path) -> None:
    workdir.mkdir(parents=True, exist_ok=True)
    project = DbtProject(work_dir=workdir, target="duckdb")
    child(project, sys.executable, "-m", "dbt.cli.main", "build", "-s", "+privacy_orders_raw+", "--quiet")
    before_rows, before_bytes = rows_of_42(project), in_file(project)
    stored = "select count(*) from information_schema.tables where table_name = 'privacy_orders_card_numbers_stored'"
    print(f"card {CARD} of customer 42: found {before_bytes} times in {project.duckdb_path.name} before the purge")

    steadyflow = str(Path(sys.executable).parent / "steadyflow")
    out = child(project, steadyflow, "purge", "privacy_orders_raw", "--where", "customer_id = 42", "--downstream")
    print("\n$ steadyflow purge privacy_orders_raw --where 'customer_id = 42' --downstream")
    for line in out.splitlines():
        if "steadyflow.purge: " in line and "summary" not in line:
            print("  " + line.split("steadyflow.purge: ", 1)[1].split(" (", 1)[0])
        elif line.startswith("steadyflow purge: "):
            print(
                "  " + line.split(": rewritten", 1)[0].rsplit("/", 1)[-1] + ": rewritten into a fresh file"
                if "rewritten" in line
                else "  " + line
            )

    after_rows, after_bytes = rows_of_42(project), in_file(project)
    print("\n  table                          rows of customer 42 before  after")
    for table, b, a in zip(TABLES, before_rows, after_rows, strict=True):
        print(f"  {table:<30} {b:>26}  {a:>5}")
    print(f"  stored test failures table: {'dropped' if query(project, stored) == [(0,)] else 'still there'}")
    print(f"\ncard {CARD}: found {after_bytes} times in {project.duckdb_path.name} after the purge")
    assert before_bytes > 0 and after_bytes == 0 and not any(after_rows)
