"""End to end: the docs' getting-started ingest DAG runs its script for real under `dag.test()`.

A new user copied `command: ./load_orders.sh {{ ds }}` and the task failed with exit 127: BashOperator
runs a command in a fresh temporary directory. The documented spec now says where the script is
(`cwd:`); this plays that spec, loaded from YAML by its loader as in a DAG folder, in a throwaway Airflow."""

from __future__ import annotations

import stat
from pathlib import Path

from steadyflow.loader import write_loaders

from tests.support.airflow_sandbox import AirflowSandbox

#: The docs' getting-started ingest DAG (notes/fix-airflow-docs.md), its script folder to be replaced.
DOCS_SPEC = """\
version: 1
dags:
  - dag_id: orders_ingest
    template: ingest
    schedule: "0 5 * * *"
    cwd: /opt/airflow/scripts          # where load_orders.sh is, on every worker
    command: ./load_orders.sh {{ ds }}
    outlets: [raw.orders]
"""

SCRIPT = """#!/bin/sh
echo "loaded raw_orders for $1" > "$(pwd)/loaded.txt"
"""


def test_the_documented_ingest_script_runs_from_its_cwd(tmp_path: Path) -> None:
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    script = scripts / "load_orders.sh"
    script.write_text(SCRIPT, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)

    sandbox = AirflowSandbox(root=tmp_path / "airflow")
    sandbox.prepare()
    spec = sandbox.dags / "orders.yaml"
    spec.write_text(DOCS_SPEC.replace("/opt/airflow/scripts", str(scripts)), encoding="utf-8")
    assert [p.name for p in write_loaders(sandbox.dags)] == ["orders.py"]

    report = sandbox.run(
        ["orders_ingest"], timeout=300, test_args={"orders_ingest": {"logical_date": "2024-03-10T05:00:00+00:00"}}
    )
    assert report.data["import_errors"] == {}
    run = report.run("orders_ingest")
    assert run["tasks"] == {"ingest": "success"}, report.output[-3000:]
    assert (scripts / "loaded.txt").read_text(encoding="utf-8") == "loaded raw_orders for 2024-03-10\n"
    assert [e["source_dag_id"] for e in report.events_for("raw.orders")] == ["orders_ingest"]
