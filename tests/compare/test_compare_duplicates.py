"""A duplicated primary key is named with its row count, wherever it hides: on the side where the key has no
match, on the side where it has one, as a null key repeated, as a two-column key with a null part; a null key
once on each side is no duplicate (null never joins: one row only in a, one only in b). compare_relations finds
a duplicate from its one join (a key with one match multiplies rows; keys found on one side only must be
distinct) and only then counts each side's keys to name it. On DuckDB and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from tests.compare.support import comparison
from tests.conftest import WAREHOUSES, fresh_warehouse
from tests.support.dbt import DbtProject, query

# scenario -> (rows of a, rows of b): (id, v) or, for the two-column key, (k1, k2, v)
SIDES: dict[str, tuple[str, str]] = {
    "unmatched_in_a": ("(1, 'x'), (2, 'y'), (2, 'y'), (3, 'z')", "(1, 'x'), (3, 'z')"),
    "unmatched_in_b": ("(1, 'x')", "(1, 'x'), (5, 'e'), (5, 'f')"),
    "matched_once": ("(1, 'x'), (1, 'x'), (2, 'y')", "(1, 'x'), (2, 'y')"),
    "null_key_twice": ("(1, 'x'), (null, 'n'), (null, 'm')", "(1, 'x'), (null, 'n')"),
    "both_sides": ("(1, 'x'), (1, 'x'), (4, 'd'), (4, 'd'), (4, 'd')", "(1, 'x'), (1, 'x'), (2, 'y'), (2, 'y')"),
    "null_key_once_each": ("(1, 'x'), (null, 'n')", "(1, 'x'), (null, 'n')"),
    "two_column_null_part": ("(1, null, 'x'), (1, null, 'y'), (2, 'p', 'z')", "(2, 'p', 'z'), (3, null, 'w')"),
}
TWO_COLUMN = {"two_column_null_part"}


@pytest.fixture(scope="module", params=WAREHOUSES)
def sides(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, integration_deps: None
) -> DbtProject:
    """Each scenario's two tables, dup_<scenario>_a and dup_<scenario>_b."""
    project = fresh_warehouse(request, request.param, tmp_path_factory.mktemp(f"compare_dup_{request.param}"))
    for scenario, (a, b) in SIDES.items():
        columns = "k1, k2, v" if scenario in TWO_COLUMN else "id, v"
        casts = (
            "cast(k1 as integer) as k1, cast(k2 as varchar(10)) as k2, cast(v as varchar(10)) as v"
            if scenario in TWO_COLUMN
            else "cast(id as integer) as id, cast(v as varchar(10)) as v"
        )
        for side, values in (("a", a), ("b", b)):
            query(
                project, f"create table dup_{scenario}_{side} as select {casts} from (values {values}) as t ({columns})"
            )
    return project


def compared(project: DbtProject, scenario: str, columns: str) -> list[tuple[Any, ...]]:
    relation = "adapter.get_relation(target.database, target.schema, 'dup_{}_{}')"
    key = "['k1', 'k2']" if scenario in TWO_COLUMN else "'id'"
    call = (
        f"steadyflow.compare_relations(a={relation.format(scenario, 'a')}, b={relation.format(scenario, 'b')},"
        f" primary_key={key})"
    )
    return comparison(project, call, columns)


DUPLICATES = "row_kind, failing_rows, round(cast(failing_percent as numeric), 2), detail"


@pytest.mark.parametrize(
    "scenario, expected",
    [
        ("unmatched_in_a", [(2, 50.0, "id = 2 appears 2 times in a (dup_unmatched_in_a_a)")]),
        ("unmatched_in_b", [(2, 66.67, "id = 5 appears 2 times in b (dup_unmatched_in_b_b)")]),
        ("matched_once", [(2, 66.67, "id = 1 appears 2 times in a (dup_matched_once_a)")]),
        ("null_key_twice", [(2, 66.67, "id = null appears 2 times in a (dup_null_key_twice_a)")]),
        (
            "both_sides",
            [
                (2, 40.0, "id = 1 appears 2 times in a (dup_both_sides_a)"),
                (2, 50.0, "id = 1 appears 2 times in b (dup_both_sides_b)"),
                (2, 50.0, "id = 2 appears 2 times in b (dup_both_sides_b)"),
                (3, 60.0, "id = 4 appears 3 times in a (dup_both_sides_a)"),
            ],
        ),
        (
            "two_column_null_part",
            [(2, 66.67, "(k1, k2) = (1, null) appears 2 times in a (dup_two_column_null_part_a)")],
        ),
    ],
)
def test_a_duplicated_key_is_named_wherever_it_hides(
    sides: DbtProject, scenario: str, expected: list[tuple[int, float, str]]
) -> None:
    rows = compared(sides, scenario, DUPLICATES)

    assert [(kind, failing, float(percent), detail) for kind, failing, percent, detail in rows] == [
        ("duplicate_key", *row) for row in expected
    ]


def test_a_null_key_once_on_each_side_is_no_duplicate(sides: DbtProject) -> None:
    rows = compared(
        sides, "null_key_once_each", "column_name, rows_only_in_a, rows_only_in_b, rows_differing, rows_matching"
    )

    assert rows == [("v", 1, 1, 0, 1), ("(all columns)", 1, 1, 0, 1)]
