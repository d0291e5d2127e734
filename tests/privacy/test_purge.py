"""Purging a customer (the right to be forgotten) from a model and every table built from it, on DuckDB and
PostgreSQL, through `steadyflow purge` (the run-operation `purge`, then the compaction that removes the bytes):
a known card number is in the warehouse's files before, and in none after; the other customers' rows stay."""

from __future__ import annotations

import json

import pytest

from tests.privacy.support import logged_by, run_cli, run_dbt
from tests.privacy.warehouse_files import (
    duckdb_hits,
    file_hits,
    pg_checkpoint,
    pg_statistic_files,
    pg_table_files,
    pg_wal_hits,
)
from tests.support.dbt import DbtProject, query

CARD = "4916037519283748"  # customer 42's card, in privacy_orders_raw and everything built from it
CHAIN = ("-s", "+privacy_orders_raw+")  # the raw table, 4 tables and a view, the snapshot, the stored failures
# table -> rows of customer 42 in it after the build
TABLES = {
    "privacy_orders_raw": 2,
    "privacy_orders_enriched": 2,
    "privacy_orders_by_customer": 1,
    "privacy_orders_from_view": 2,
    "privacy_orders_snapshot": 2,
}
STORED_FAILURES = "privacy_orders_card_numbers_stored"
PURGE_42 = ("privacy_orders_raw", "--where", "customer_id = 42")


def purge_cli(project: DbtProject, *args: str) -> str:
    """`steadyflow purge <args>` on the project, as a child process; returns its output."""
    dbt_args = ["--project-dir", str(project.project_dir), "--profiles-dir", str(project.project_dir)]
    done = run_cli("purge", *args, *dbt_args, "--target", project.target, env=project.env())
    assert done.returncode == 0, done.output
    return done.output


def build_chain(project: DbtProject) -> None:
    """Build the chain in a child process: an in-process dbt-duckdb keeps its database open, which would hide the
    file that `steadyflow purge` swaps in from this process's later queries."""
    done = run_dbt(project, "build", *CHAIN)
    assert done.returncode == 0, done.output


def rows_of_42(project: DbtProject) -> dict[str, int]:
    return {t: int(str(query(project, f"select count(*) from {t} where customer_id = 42")[0][0])) for t in TABLES}


def audit_schema(project: DbtProject) -> str:
    return f"{project.schema or 'main'}_dbt_test__audit"


def stored_failures_exist(project: DbtProject) -> bool:
    found = query(
        project,
        "select count(*) from information_schema.tables where table_schema = '"
        + audit_schema(project)
        + f"' and table_name = '{STORED_FAILURES}'",
    )
    return bool(found[0][0])


def test_purge_downstream_removes_the_card_number_from_every_table_and_file(
    warehouse: DbtProject, request: pytest.FixtureRequest
) -> None:
    build_chain(warehouse)
    assert rows_of_42(warehouse) == TABLES and stored_failures_exist(warehouse)
    others = query(warehouse, "select count(*), sum(amount) from privacy_orders_enriched where customer_id <> 42")
    if warehouse.target == "postgres":
        cluster = request.getfixturevalue("pg_cluster")
        pg_checkpoint(warehouse)
        files = {t: pg_table_files(warehouse, cluster, t) for t in TABLES}
        files[STORED_FAILURES] = pg_table_files(
            DbtProject(warehouse.work_dir, "postgres", extra_env=warehouse.extra_env, schema=audit_schema(warehouse)),
            cluster,
            STORED_FAILURES,
        )
        assert {t: file_hits(f, CARD) > 0 for t, f in files.items()} == dict.fromkeys(files, True)
    else:
        assert duckdb_hits(warehouse, CARD) > 0

    output = purge_cli(warehouse, *PURGE_42, "--downstream")

    assert rows_of_42(warehouse) == dict.fromkeys(TABLES, 0)
    assert not stored_failures_exist(warehouse)  # dropped: the next `dbt test --store-failures` rebuilds it
    assert (
        query(warehouse, "select count(*), sum(amount) from privacy_orders_enriched where customer_id <> 42") == others
    )
    assert "privacy_orders_view: a view, no rows stored" in output
    if warehouse.target == "postgres":
        old_and_new = {t: f + pg_table_files(warehouse, cluster, t) for t, f in files.items() if t in TABLES}
        assert {t: file_hits(f, CARD) for t, f in old_and_new.items()} == dict.fromkeys(TABLES, 0)
        assert file_hits(files[STORED_FAILURES], CARD) == 0
        assert file_hits(pg_statistic_files(warehouse, cluster), CARD) == 0
        assert pg_wal_hits(cluster, CARD) > 0  # what the docs say a purge cannot reach: WAL until recycled
        assert "vacuum (full, analyze)" in output and "checkpoint" in output
    else:
        assert duckdb_hits(warehouse, CARD) == 0
        assert "rewritten into a fresh file" in output


def test_without_downstream_only_the_named_table_is_purged_and_the_rest_is_listed(warehouse: DbtProject) -> None:
    build_chain(warehouse)

    output = purge_cli(warehouse, *PURGE_42)

    assert rows_of_42(warehouse) == {**TABLES, "privacy_orders_raw": 0}
    assert "may still hold rows built from the purged ones (not counted" in output
    assert "privacy_orders_enriched" in output.split("may still hold rows built from the purged ones")[1]


def test_a_dry_run_counts_the_rows_and_changes_nothing(warehouse: DbtProject) -> None:
    build_chain(warehouse)
    size = warehouse.duckdb_path.stat().st_size if warehouse.target == "duckdb" else None

    output = purge_cli(warehouse, *PURGE_42, "--downstream", "--dry-run")

    assert rows_of_42(warehouse) == TABLES and stored_failures_exist(warehouse)
    assert "dry run: privacy_orders_raw: 2 row(s) would be deleted" in output
    assert "dry run: privacy_orders_by_customer: 1 row(s) would be deleted" in output
    if size is not None:
        assert warehouse.duckdb_path.stat().st_size == size and duckdb_hits(warehouse, CARD) > 0


def test_the_run_operation_alone_deletes_and_says_what_is_left_for_the_file(duckdb_project: DbtProject) -> None:
    build_chain(duckdb_project)
    args = {"relations": ["privacy_orders_raw"], "where": "customer_id = 42", "downstream": True}

    result = duckdb_project.dbt("run-operation", "steadyflow.purge", "--args", json.dumps(args))

    assert result.success and rows_of_42(duckdb_project) == dict.fromkeys(TABLES, 0)
    log = (duckdb_project.work_dir / "logs" / "dbt.log").read_text(encoding="utf-8")
    assert "the deleted bytes stay in freed blocks of the DuckDB file until it is copied into a fresh file" in log


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory, integration_deps: None) -> DbtProject:
    """One built chain for the argument checks: none of them may change it."""
    project = DbtProject(work_dir=tmp_path_factory.mktemp("purge_arguments"), target="duckdb")
    build_chain(project)
    return project


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"where": "customer_id = 42"}, "steadyflow.purge: argument `relations` is required, got null"),
        ({"relations": "privacy_orders_raw"}, "steadyflow.purge: argument `where` is required, got null"),
        (
            {"relations": "privacy_orders_raw", "where": "customer_id = 42; drop table x"},
            'steadyflow.purge: argument `where` must be one SQL condition (no `;`), such as "customer_id = 42", got',
        ),
        (
            {"relations": "privacy_orders_raw", "where": "true", "downstream": "yes"},
            'steadyflow.purge: argument `downstream` must be true or false, got "yes"',
        ),
        (
            {"relations": "no_such_model", "where": "id = 1"},
            "steadyflow.purge: relation 'no_such_model' not found",
        ),
        (
            {"relations": "main.privacy_orders_raw", "where": "customer_id = 42", "downstream": True},
            "steadyflow.purge: argument `relations` with downstream: true must name models, seeds or snapshots",
        ),
        (
            {"relations": "privacy_orders_raw", "where": "customer_id = 42", "max_rows": -1},
            "steadyflow.purge: argument `max_rows` must be an integer >= 0 (the most rows the purge may delete",
        ),
        (
            {"relations": "privacy_orders_raw", "where": "customer_id = 42", "dry_rn": True},
            "steadyflow.purge: unknown argument(s) dry_rn",
        ),
    ],
)
def test_bad_arguments_are_refused_before_anything_is_deleted(
    built_once: DbtProject, args: dict[str, object], message: str
) -> None:
    duckdb_project = built_once
    duckdb_project.dbt("run-operation", "steadyflow.purge", "--args", json.dumps(args), expect=False)

    log = (duckdb_project.work_dir / "logs" / "dbt.log").read_text(encoding="utf-8")
    assert message in log.rsplit("Running with dbt=", 1)[-1]
    assert rows_of_42(duckdb_project) == TABLES


def test_a_where_that_does_not_apply_to_a_downstream_table_fails_before_anything_is_deleted(
    built_once: DbtProject,
) -> None:
    """privacy_orders_by_customer has last_card_number, not card_number: the counts fail there, first."""
    args = {"relations": "privacy_orders_raw", "where": f"card_number = '{CARD}'", "downstream": True}

    log = logged_by(built_once, "run-operation", "steadyflow.purge", "--args", json.dumps(args))

    assert "privacy_orders_by_customer" in log and '"card_number" not found' in log
    assert rows_of_42(built_once) == TABLES
