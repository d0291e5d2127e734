"""End to end: the example compaction DAG (airflow_templates/examples/maintenance.yaml), rendered and run with
`dag.test()` in a throwaway Airflow, compacts each of its tables in the DuckDB warehouse through
`dbt run-operation steadyflow_compact`, one task per table, and leaves their rows unchanged."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.airflow_sandbox import AirflowSandbox
from tests.support.dbt import REPO_ROOT, DbtProject, ensure_deps
from tests.support.orders_stream import (
    MODELS,
    create_raw_orders,
    generate_orders,
    insert_orders,
    table_fingerprint,
)

EXAMPLE = REPO_ROOT / "airflow_templates" / "examples" / "maintenance.yaml"


@pytest.fixture(scope="module")
def compaction_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    ensure_deps()
    root = tmp_path_factory.mktemp("e2e_compaction")
    sandbox = AirflowSandbox(root=root)
    # The warehouse the DAG's tasks use (sandbox.duckdb_path): the three example tables, built by the dbt CLI
    # in its own process, as the tasks run it (an in-process dbt-duckdb would keep the file locked), while
    # Airflow migrates its metadata DB. No --vars, so the tasks reuse this parse (dbt partial parsing).
    warehouse = DbtProject(work_dir=root, target="duckdb")
    assert warehouse.duckdb_path == sandbox.duckdb_path
    create_raw_orders(warehouse)
    insert_orders(warehouse, generate_orders(10, per_day=20))
    project = str(REPO_ROOT / "integration_tests")
    build_log = root / "dbt_build.log"
    with build_log.open("w", encoding="utf-8") as out:
        build = subprocess.Popen(
            [str(Path(sys.executable).with_name("dbt")), "run", "-s", *MODELS, "--quiet",
             "--project-dir", project, "--profiles-dir", project],
            env=sandbox.env(), stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        sandbox.prepare()
        code = build.wait(timeout=180)
    assert code == 0, f"dbt run of the example tables failed:\n{build_log.read_text(encoding='utf-8')[-3000:]}"
    before = {table: table_fingerprint(warehouse, table) for table in MODELS}

    (root / "specs").mkdir()
    shutil.copy(EXAMPLE, root / "specs" / EXAMPLE.name)
    assert sandbox.render(root / "specs") == ["maintenance.py"]
    report = sandbox.run(["orders_compaction"], retry_delay_seconds=1, timeout=180)
    after = {table: table_fingerprint(warehouse, table) for table in MODELS}
    return {"report": report, "before": before, "after": after}


def test_e2e_the_example_compaction_dag_compacts_each_table_in_its_own_task(compaction_run: dict[str, Any]) -> None:
    report = compaction_run["report"]
    assert report.data["import_errors"] == {}
    run = report.run("orders_compaction")
    assert run["state"] == "success"
    assert run["tasks"] == {f"compact__{table}": "success" for table in MODELS}
    for table in MODELS:
        assert (
            f'steadyflow_compact: {table} ("warehouse"."main"."{table}", duckdb): compacted, 2 statement(s) in '
            in report.output
        ), f"no compaction summary for {table} in the task logs"


def test_e2e_compaction_leaves_every_row_of_every_table_unchanged(compaction_run: dict[str, Any]) -> None:
    before, after = compaction_run["before"], compaction_run["after"]
    assert [before[t][0] for t in MODELS] == [200, 200, 200]
    assert after == before


def test_e2e_each_task_runs_the_package_operation_with_the_spec_arguments(compaction_run: dict[str, Any]) -> None:
    output = compaction_run["report"].output
    assert output.count("dbt run-operation steadyflow_compact --project-dir integration_tests") == len(MODELS)
    for table in MODELS:
        args = json.dumps({"dry_run": False, "relation": table}, sort_keys=True)
        assert f"--target duckdb --args \\'{args}\\'" in output, f"no task ran steadyflow_compact for {table}"
