"""The harness itself: the integration project builds on DuckDB and on the throwaway PostgreSQL cluster."""

from tests.support.dbt import DbtProject, query


def test_the_integration_project_parses_and_reaches_its_warehouse(warehouse: DbtProject) -> None:
    warehouse.dbt("debug")
    query(warehouse, "create table harness_probe as select 1 as one")
    assert query(warehouse, "select one from harness_probe") == [(1,)]
