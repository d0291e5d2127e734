"""What `steadyflow purge` tells the user (trial-12 findings), on DuckDB: a purged seed warns that its CSV reloads
the rows; a `--where` that fails on one table becomes a steadyflow error naming the table, saying nothing was
deleted and not repeating the condition; `--max-rows` refuses a purge broader than expected; the tables left
without --downstream "may" hold rows; and the child dbt prints no Python RuntimeWarning."""

from __future__ import annotations

import pytest

from tests.privacy.support import Captured, run_cli, run_dbt
from tests.privacy.test_purge import CARD, PURGE_42, TABLES, build_chain, rows_of_42
from tests.support.dbt import DbtProject, query

SEED = "privacy_pii_labelled"
SEED_WARNING = "a seed: its CSV file still holds the rows, edit it or the next `dbt seed` reloads them"


def purge(project: DbtProject, *args: str) -> Captured:
    """`steadyflow purge <args>` on the project, as a child process (any exit code)."""
    dirs = ["--project-dir", str(project.project_dir), "--profiles-dir", str(project.project_dir)]
    return run_cli("purge", *args, *dirs, "--target", project.target, env=project.env())


def seed_rows(project: DbtProject) -> int:
    return int(str(query(project, f"select count(*) from {SEED} where sample_id = 1")[0][0]))


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry_run", "real"])
def test_purging_a_seed_warns_that_its_csv_reloads_the_rows(duckdb_project: DbtProject, dry_run: bool) -> None:
    done = run_dbt(duckdb_project, "seed", "-s", SEED)
    assert done.returncode == 0, done.output

    result = purge(duckdb_project, SEED, "--where", "sample_id = 1", *(["--dry-run"] if dry_run else []))

    assert result.returncode == 0, result.output
    assert f"{SEED}: 1 row(s) {'would be deleted' if dry_run else 'deleted'}" in result.output
    assert SEED_WARNING in result.output
    assert seed_rows(duckdb_project) == (1 if dry_run else 0)


def test_the_child_dbt_prints_no_python_runtime_warning(duckdb_project: DbtProject) -> None:
    done = run_dbt(duckdb_project, "seed", "-s", SEED)
    assert done.returncode == 0, done.output

    result = purge(duckdb_project, SEED, "--where", "sample_id = 1", "--dry-run")

    assert result.returncode == 0, result.output
    assert "RuntimeWarning" not in result.output and "found in sys.modules" not in result.output


@pytest.fixture(scope="module")
def built_chain(tmp_path_factory: pytest.TempPathFactory, integration_deps: None) -> DbtProject:
    """One built chain for the refusals below: none of them may change it."""
    project = DbtProject(work_dir=tmp_path_factory.mktemp("purge_messages"), target="duckdb")
    build_chain(project)
    return project


def steadyflow_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("steadyflow purge:")]


def test_a_where_by_the_pii_value_that_fails_names_the_table_and_never_repeats_the_value(
    built_chain: DbtProject,
) -> None:
    """privacy_orders_by_customer has last_card_number, not card_number: the count fails there, first."""
    result = purge(built_chain, "privacy_orders_raw", "--where", f"card_number = '{CARD}'", "--downstream")

    assert result.returncode == 1
    [message] = steadyflow_lines(result.output)
    assert "the --where condition failed on privacy_orders_by_customer" in message
    assert "nothing was deleted" in message
    assert CARD not in message
    assert CARD not in result.output  # dbt's own error, echoed to the terminal, has it redacted
    assert rows_of_42(built_chain) == TABLES


def test_a_where_naming_a_column_missing_from_a_downstream_table_is_a_steadyflow_error(
    built_chain: DbtProject,
) -> None:
    result = purge(built_chain, "privacy_orders_raw", "--where", "card_number is not null", "--downstream", "--dry-run")

    assert result.returncode == 1
    [message] = steadyflow_lines(result.output)
    assert message.startswith("steadyflow purge: the --where condition failed on privacy_orders_by_customer (")
    assert "nothing was deleted" in message
    assert rows_of_42(built_chain) == TABLES


def test_max_rows_refuses_a_purge_that_would_delete_more_rows(built_chain: DbtProject) -> None:
    result = purge(built_chain, *PURGE_42, "--downstream", "--max-rows", "3")

    assert result.returncode == 1
    assert "would delete 9 row(s), more than max_rows 3; nothing was deleted" in result.output
    assert rows_of_42(built_chain) == TABLES


def test_max_rows_lets_a_purge_within_it_through(duckdb_project: DbtProject) -> None:
    build_chain(duckdb_project)

    result = purge(duckdb_project, *PURGE_42, "--downstream", "--max-rows", "9")

    assert result.returncode == 0, result.output
    assert rows_of_42(duckdb_project) == dict.fromkeys(TABLES, 0)


def test_without_downstream_the_tables_left_are_said_to_may_hold_rows(built_chain: DbtProject) -> None:
    result = purge(built_chain, *PURGE_42, "--dry-run")

    assert result.returncode == 0, result.output
    assert "may still hold rows built from the purged ones" in result.output
    assert "still hold rows built from it (" not in result.output
