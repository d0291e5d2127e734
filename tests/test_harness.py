"""The harness itself: the integration project builds on DuckDB and on the throwaway PostgreSQL cluster."""

from tests.support.dbt import DbtProject, query


def test_the_integration_project_parses_and_reaches_its_warehouse(warehouse: DbtProject) -> None:
    warehouse.dbt("debug")
    query(warehouse, "create table harness_probe as select 1 as one")
    assert query(warehouse, "select one from harness_probe") == [(1,)]


def test_the_whole_integration_project_builds_with_empty_on_a_fresh_warehouse(warehouse: DbtProject) -> None:
    """`dbt build --empty` (schema-only CI runs) passes before anything has been loaded: the landing tables
    are created by the project's on-run-start hook and no guard fails on zero rows."""
    result = warehouse.dbt("build", "--empty")
    assert result.statuses, "dbt build --empty ran no node"
    assert not [name for name, status in result.statuses.items() if status not in ("success", "pass")]
