"""compare_relations joins the two relations once, whatever the number of columns: DuckDB's plan for 5 and for
50 compared columns has exactly one join (a FULL hash join on the key) and reads each table twice (the
comparison and the duplicate-key check), never once per column."""

from __future__ import annotations

import re

import pytest

from tests.support.dbt import DbtProject, query


def plan_of(project: DbtProject, width: int) -> str:
    columns = ", ".join(f"i * {n} as c{n}" for n in range(width))
    for side in ("wide_a", "wide_b"):
        query(project, f"create or replace table {side} as select i as id, {columns} from range(1000) as t(i)")
    relation = "adapter.get_relation(target.database, target.schema, '{}')"
    call = (
        f"steadyflow.compare_relations(a={relation.format('wide_a')}, b={relation.format('wide_b')}, primary_key='id')"
    )
    compiled = project.dbt("compile", "--inline", "{{ " + call + " }}").raw.result.results[0].node.compiled_code
    return "\n".join(str(row[1]) for row in query(project, "explain " + compiled))


def operators(plan: str) -> list[str]:
    return re.findall(r"╭─ ([A-Za-z_ ]+?) ─", plan)


@pytest.mark.parametrize("width", [5, 50])
def test_one_full_join_whatever_the_number_of_columns(duckdb_project: DbtProject, width: int) -> None:
    plan = plan_of(duckdb_project, width)

    joins = [op for op in operators(plan) if "Join" in op]
    assert joins == ["Hash Join"]
    assert "Join Type: FULL" in plan
    # the other two-input operators pair one-row aggregates with the values list, not the tables
    assert operators(plan).count("Seq Scan") == 4
