"""compare_relations joins the two relations once, whatever the number of columns: DuckDB's plan for 5 and for
50 compared columns has exactly one join (a FULL hash join on the key) and scans each table twice (the
comparison, and the group by of its key that names duplicates), never once per column; and that group by runs
only when the check made within the join finds a repeated key: without one, it groups no row."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.support.dbt import DbtProject, query


def compiled_comparison(project: DbtProject, width: int) -> str:
    columns = ", ".join(f"i * {n} as c{n}" for n in range(width))
    for side in ("wide_a", "wide_b"):
        query(project, f"create or replace table {side} as select i as id, {columns} from range(1000) as t(i)")
    relation = "adapter.get_relation(target.database, target.schema, '{}')"
    call = (
        f"steadyflow.compare_relations(a={relation.format('wide_a')}, b={relation.format('wide_b')}, primary_key='id')"
    )
    compiled: str = project.dbt("compile", "--inline", "{{ " + call + " }}").raw.result.results[0].node.compiled_code
    return compiled


def plan_of(project: DbtProject, width: int) -> str:
    return "\n".join(str(row[1]) for row in query(project, "explain " + compiled_comparison(project, width)))


def rows_out_of_group_bys(nodes: list[dict[str, Any]]) -> list[int]:
    """The rows each group by (HASH_GROUP_BY, PERFECT_HASH_GROUP_BY...) returned, in the operators of a DuckDB
    `explain (analyze, format json)` profile."""
    found = []
    for node in nodes:
        if node["name"].endswith("GROUP_BY"):
            found.append(int(node["intermediate_rows"]))
        found += rows_out_of_group_bys(node.get("children", []))
    return found


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


def test_without_a_duplicate_no_key_is_grouped(duckdb_project: DbtProject) -> None:
    compiled = compiled_comparison(duckdb_project, 5)  # 1000 distinct keys on each side, all matched

    profile = json.loads(query(duckdb_project, "explain (analyze, format json) " + compiled)[0][1])

    # the two group bys that name duplicated keys (one per side) are in the plan, and see no row
    assert rows_out_of_group_bys(profile["operator"]) == [0, 0]
