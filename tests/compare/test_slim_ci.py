"""`steadyflow slim-ci` against production artifacts of the integration project.

Production: the comparison models and seeds built into schema `main` of one DuckDB file, and its target/ kept
as the state. CI: a copy of the same project built into schema `ci` of that file (unbuilt parents are
deferred to production). A copy where compare_new_orders renames status builds only that model and its
children, and fails on compare_customer_totals, which still selects status; an unchanged copy builds nothing.
The copies hold a frozen copy of the package (not the link to this checkout), so a macro edited meanwhile in
the checkout is not a change between production and CI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from tests.late_data.project_copy import copy_integration_project
from tests.schema_drift.dbt_process import DBT, child_env, dbt_process
from tests.support.dbt import REPO_ROOT, DbtProject, query

PREFIX = "steadyflow slim-ci: "


@dataclass(frozen=True)
class SlimCi:
    code: int
    out: str

    def built(self) -> dict[str, str]:
        """unique_id -> 'status: why', from the lines the command prints."""
        found = {}
        for line in self.out.splitlines():
            if line.startswith(PREFIX + "built "):
                unique_id, rest = line.removeprefix(PREFIX + "built ").split(" ", 1)
                found[unique_id] = rest
        return found


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory, integration_deps: None) -> DbtProject:
    """The integration project built (comparison models and seeds) in schema main; its target/ is the state."""
    work = tmp_path_factory.mktemp("slim_ci")
    project_dir = copy_integration_project(work / "production")
    freeze_package(project_dir)
    prod = DbtProject(work_dir=work, project_dir=project_dir, target="duckdb", schema="main")
    dbt_process(prod, "build", "-s", "path:models/compare", "path:seeds/compare")
    shutil.copytree(work / "target", work / "state")
    return prod


def freeze_package(project_dir: Path) -> None:
    """Replace the dbt_packages/steadyflow link by a copy of the package as it is now."""
    link = project_dir / "dbt_packages" / "steadyflow"
    link.unlink()
    link.mkdir()
    for part in ("dbt_project.yml", "macros", "models"):
        source = REPO_ROOT / part
        if source.is_dir():
            shutil.copytree(source, link / part)
        else:
            shutil.copy2(source, link / part)


def ci_copy(production: DbtProject, name: str) -> DbtProject:
    """The production project's files, copied (symlinks kept), building into schema `ci` of the same file."""
    project_dir = production.work_dir / name
    shutil.copytree(production.project_dir, project_dir, symlinks=True)
    return DbtProject(
        work_dir=production.work_dir,
        project_dir=project_dir,
        target="duckdb",
        schema="ci",
        extra_env={"DBT_TARGET_PATH": str(production.work_dir / f"{name}_target")},
    )


def slim_ci(project: DbtProject, state: Path, *extra: str) -> SlimCi:
    command = [
        sys.executable, "-m", "steadyflow.cli", "slim-ci", "--state", str(state),
        "--project-dir", str(project.project_dir), "--profiles-dir", str(project.project_dir),
        "--target", project.target, "--dbt", DBT, *extra,
    ]  # fmt: skip
    done = subprocess.run(command, env=child_env(project), capture_output=True, text=True, check=False)
    return SlimCi(done.returncode, done.stdout + done.stderr)


def test_a_renamed_column_builds_that_model_and_its_children_and_fails_on_the_child(production: DbtProject) -> None:
    ci = ci_copy(production, "renamed")
    model = ci.project_dir / "models" / "compare" / "compare_new_orders.sql"
    sql = model.read_text()
    renamed = sql.replace("else status end as status,", "else status end as order_status,")
    assert renamed != sql
    model.write_text(renamed)

    result = slim_ci(ci, production.work_dir / "state")

    built = result.built()
    models = {u: s for u, s in built.items() if u.startswith("model.")}
    assert models == {
        "model.steadyflow_integration_tests.compare_new_orders": "[success]: modified: its SQL/definition changed",
        "model.steadyflow_integration_tests.compare_new_orders_duplicated": "[success]: downstream of "
        "model.steadyflow_integration_tests.compare_new_orders",
        "model.steadyflow_integration_tests.compare_customer_totals": "[error]: downstream of "
        "model.steadyflow_integration_tests.compare_new_orders",
    }, result.out
    # nothing upstream (the legacy seed is deferred to production) and nothing unrelated
    assert all(u.split(".")[0] in ("model", "test") for u in built), built
    assert all("compare_" in u for u in built), built
    assert '"status" not found' in result.out  # dbt's output: the child's error names the old column
    assert result.code == 1
    assert f"{PREFIX}{len(built)} node(s) built, " in result.out
    # the rewrite was built in ci, reading the legacy seed from production
    file = DbtProject(work_dir=ci.work_dir)  # the same DuckDB file, tables named with their schema
    assert query(file, "select count(*) from ci.compare_new_orders") == [(10,)]
    in_ci = "select table_name from information_schema.tables where table_schema = 'ci' and table_name like 'compare%'"
    assert sorted(query(file, in_ci)) == [("compare_new_orders",), ("compare_new_orders_duplicated",)]


def test_an_unchanged_copy_builds_nothing(production: DbtProject) -> None:
    ci = ci_copy(production, "unchanged")

    result = slim_ci(ci, production.work_dir / "state")

    assert result.code == 0, result.out
    assert result.built() == {}
    assert PREFIX + "0 nodes built: nothing is modified against the state" in result.out


def test_an_unselected_parent_is_read_from_production_even_when_ci_holds_a_stale_copy(production: DbtProject) -> None:
    ci = ci_copy(production, "stale_parent")
    file = DbtProject(work_dir=ci.work_dir)  # the same DuckDB file
    # an old CI run left a copy of the parent in schema ci: one row, and a status production never had
    with duckdb.connect(str(file.duckdb_path)) as con:
        con.execute("create schema if not exists ci")
        con.execute("create or replace table ci.compare_new_orders as select * from main.compare_new_orders limit 0")
        con.execute("insert into ci.compare_new_orders (order_id, status, amount) values (1000, 'stale_ci_copy', 1)")
    child = ci.project_dir / "models" / "compare" / "compare_customer_totals.sql"
    child.write_text(child.read_text() + "\n-- a comment: only the child changes\n")

    result = slim_ci(ci, production.work_dir / "state", "--select", "compare_customer_totals")

    assert result.code == 0, result.out
    assert set(result.built()) == {"model.steadyflow_integration_tests.compare_customer_totals"}, result.out
    compiled = (ci.work_dir / "stale_parent_target" / "compiled").rglob("compare_customer_totals.sql")
    assert '"main"."compare_new_orders"' in next(compiled).read_text()
    statuses = {row[0] for row in query(file, "select status from ci.compare_customer_totals")}
    assert "stale_ci_copy" not in statuses and statuses, statuses


def test_a_child_of_an_unselected_modified_model_says_downstream_of_it(production: DbtProject) -> None:
    ci = ci_copy(production, "downstream_unselected")
    model = ci.project_dir / "models" / "compare" / "compare_new_orders.sql"
    model.write_text(model.read_text() + "\n-- a comment: the parent changes\n")

    result = slim_ci(ci, production.work_dir / "state", "--select", "compare_customer_totals")

    assert result.built() == {
        "model.steadyflow_integration_tests.compare_customer_totals": "[success]: downstream of "
        "model.steadyflow_integration_tests.compare_new_orders (not built: outside --select)"
    }, result.out


@pytest.mark.parametrize("how", ["an --dbt path that does not exist", "dbt not on PATH"])
def test_a_missing_dbt_executable_is_one_line_naming_the_dbt_option(tmp_path: Path, how: str) -> None:
    command = [sys.executable, "-m", "steadyflow.cli", "slim-ci", "--state", str(tmp_path / "state")]
    env = {**os.environ}
    if how == "dbt not on PATH":
        env["PATH"] = str(tmp_path)
        executable = "dbt"
    else:
        executable = str(tmp_path / "venv" / "bin" / "dbt")
        command += ["--dbt", executable]

    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)

    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        f"{PREFIX}the dbt executable {executable!r} was not found; pass --dbt /path/to/venv/bin/dbt"
        + (" (it is not on PATH)" if how == "dbt not on PATH" else "")
    ], done.stderr
