"""On a real (throwaway) Airflow with `dag.test()` and dbt on DuckDB: a cleared run replays the window it
loaded (dbt's "now" is the run's data interval end, or its run_after), and a `dbt_test` gate that
selects no test fails instead of publishing the outlets.

Before: the `dbt_build` template let dbt use the wall clock, so a replay of a 2024 run loaded up to
today; and `gate: {type: dbt_test, select: ['tag:guards']}` (no test has that tag) ran `dbt test`,
which printed "Nothing to do", exited 0 and published the outlets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from tests.support.airflow_sandbox import AirflowSandbox, RunReport
from tests.support.dbt import ensure_deps

SPEC = """\
version: 1
defaults:
  retries: 0
  dbt: {project_dir: integration_tests, profiles_dir: integration_tests, target: duckdb}
dags:
  - dag_id: replay_clock
    template: dbt_build
    description: A daily load, run for 2024-03-10 and cleared (replayed) later.
    schedule: "0 6 * * *"
    select: [orders_replace_window]

  - dag_id: manual_clock
    template: dbt_build
    description: A manual run, which has no data interval; its run_after is dbt's now.
    select: [orders_merge]

  - dag_id: gate_selects_nothing
    template: dbt_build
    select: [airflow_orders_report]
    exclude: ['resource_type:test']   # the build loads; the gate runs the tests
    gate: {type: dbt_test, select: ['tag:guards']}
    outlets: [gate.nothing]

  - dag_id: gate_fails
    template: dbt_build
    select: [airflow_orders_report]
    exclude: ['resource_type:test']
    gate: {type: dbt_test, select: [airflow_orders_report]}
    outlets: [gate.failing]

  - dag_id: gate_passes
    template: dbt_build
    select: [airflow_orders_report]
    exclude: ['resource_type:test']
    gate: {type: dbt_test, select: [unique_airflow_orders_report_order_date]}
    outlets: [gate.passing]
"""

REPLAY_LOGICAL_DATE = "2024-03-10T06:00:00+00:00"
MANUAL_RUN_AFTER = "2024-03-20T08:30:15+00:00"
MARKER = re.compile(r"steadyflow\.window column=(\S+) start=(\S+) end=(\S+) mode=(\w+)")
COMPILED = Path("dbt_target", "compiled", "steadyflow_integration_tests", "models", "late_data")


@dataclass
class Played:
    sandbox: AirflowSandbox
    first: RunReport  # the gates, the scheduled run and the manual run
    replay: RunReport  # the scheduled run, cleared and run again
    first_windows: dict[str, tuple[str, ...]]
    replay_windows: dict[str, tuple[str, ...]]


def windows(root: Path) -> dict[str, tuple[str, ...]]:
    """The `/* steadyflow.window ... */` marker of each compiled late-data model."""
    found = {}
    for model in ("orders_replace_window", "orders_merge"):
        path = root / COMPILED / f"{model}.sql"
        if path.exists():
            match = MARKER.search(path.read_text())
            assert match, path.read_text()
            found[model] = match.groups()
    return found


def land(duckdb_path: Path) -> None:
    db = duckdb.connect(str(duckdb_path))
    try:
        db.execute(
            "create table raw_orders (order_id integer, customer_id integer, amount numeric(12, 2), "
            "ordered_at timestamp, loaded_on date)"
        )
        db.execute(
            "insert into raw_orders select i, 100 + i % 3, 10 + i, timestamp '2024-03-01' + i * interval 1 day, "
            "date '2024-03-01' + i::int from range(0, 9) t(i)"
        )
        db.execute("create table airflow_raw_orders (order_id integer, order_date date, amount double precision)")
        # one order without a date: the report's not_null test on order_date finds 1 failing row
        db.execute(
            "insert into airflow_raw_orders values (1, date '2024-03-01', 5), (2, date '2024-03-02', 6), (3, null, 7)"
        )
    finally:
        db.close()


@pytest.fixture(scope="module")
def played(tmp_path_factory: pytest.TempPathFactory) -> Played:
    ensure_deps()
    root = tmp_path_factory.mktemp("e2e_clock_gate")
    (root / "specs").mkdir()
    (root / "specs" / "clock_gate.yaml").write_text(SPEC, encoding="utf-8")
    sandbox = AirflowSandbox(root=root)
    sandbox.prepare()
    assert sandbox.render(root / "specs") == ["clock_gate.py"]
    land(sandbox.duckdb_path)
    first = sandbox.run(
        ["gate_selects_nothing", "gate_fails", "gate_passes", "replay_clock", "manual_clock"],
        test_args={
            "replay_clock": {"logical_date": REPLAY_LOGICAL_DATE},
            "manual_clock": {"logical_date": None, "run_after": MANUAL_RUN_AFTER},
        },
    )
    assert first.data["import_errors"] == {}
    first_windows = windows(root)
    replay = sandbox.run(["replay_clock"], test_args={"replay_clock": {"logical_date": REPLAY_LOGICAL_DATE}})
    return Played(sandbox, first, replay, first_windows, windows(root))


def plus_one_day(moment: str) -> str:
    return (datetime.fromisoformat(moment) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S")


def test_dbt_runs_on_the_data_interval_end_of_the_run_not_the_wall_clock(played: Played) -> None:
    run = played.first.run("replay_clock")
    assert (run["state"], run["tasks"]) == ("success", {"dbt_build": "success"})
    assert run["data_interval_end"] == "2024-03-10 06:00:00+00:00"
    column, start, end, mode = played.first_windows["orders_replace_window"]
    # the window ends at now + future_days (1 day), now being the run's data interval end
    assert (column, start, end, mode) == ("ordered_at", "2024-01-01T00:00:00", "2024-03-11T06:00:00", "begin")


def test_a_cleared_run_replays_the_same_window_end(played: Played) -> None:
    run = played.replay.run("replay_clock")
    assert run["state"] == "success" and run["data_interval_end"] == "2024-03-10 06:00:00+00:00"
    # the replay finds the rows the first run loaded, so it looks back from the newest (2024-03-09)
    assert played.replay_windows["orders_replace_window"] == (
        "ordered_at", "2024-03-06T00:00:00", "2024-03-11T06:00:00", "lookback"
    )  # fmt: skip
    db = duckdb.connect(str(played.sandbox.duckdb_path), read_only=True)
    try:
        assert db.execute("select count(*) from orders_replace_window").fetchone() == (9,)
    finally:
        db.close()


def test_a_run_without_a_data_interval_runs_on_its_run_after(played: Played) -> None:
    run = played.first.run("manual_clock")
    assert (run["state"], run["logical_date"], run["data_interval_end"]) == ("success", None, None)
    assert run["run_after"] == "2024-03-20 08:30:15+00:00"
    assert played.first_windows["orders_merge"][2] == plus_one_day(MANUAL_RUN_AFTER)


def test_a_dbt_test_gate_that_selects_no_test_fails_and_publishes_nothing(played: Played) -> None:
    run = played.first.run("gate_selects_nothing")
    assert (run["state"], run["tasks"]) == ("failed", {"dbt_build": "success", "gate": "failed"})
    assert played.first.events_for("gate.nothing") == []
    assert "dbt_test gate: --select tag:guards matches no test, so the gate cannot fail" in played.first.output


def test_a_dbt_test_gate_with_a_failing_test_fails_and_publishes_nothing(played: Played) -> None:
    run = played.first.run("gate_fails")
    assert (run["state"], run["tasks"]) == ("failed", {"dbt_build": "success", "gate": "failed"})
    assert played.first.events_for("gate.failing") == []
    assert (
        "dbt_test gate: 1 of 3 tests failed (not_null_airflow_orders_report_order_date: fail (1 failing rows))"
        in played.first.output
    )


def test_a_dbt_test_gate_whose_tests_pass_publishes_the_outlets(played: Played) -> None:
    run = played.first.run("gate_passes")
    assert (run["state"], run["tasks"]) == ("success", {"dbt_build": "success", "gate": "success"})
    (event,) = played.first.events_for("gate.passing")
    assert (event["source_dag_id"], event["source_task_id"]) == ("gate_passes", "gate")
