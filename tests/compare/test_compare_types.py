"""Column types in a comparison: a tolerance needs a number on both sides (a compile error naming the argument,
the column and both types otherwise); a type that differs between a and b is reported in the column's `detail`,
and a change of kind (number vs text vs date/time...) counts every shared row as differing; a duplicated key's
failing_percent is the share of that side's rows carrying it. On DuckDB and PostgreSQL."""

from __future__ import annotations

import pytest

from tests.compare.support import COMPARE, comparison, failed_compile_log
from tests.conftest import WAREHOUSES, fresh_warehouse
from tests.support.dbt import DbtProject, query

# the same three rows on both sides, equal values; only the declared types differ (code, amount)
TYPES_A = (
    "create table types_a as select * from (values (1, 1, cast(1.50 as decimal(12, 2)), 'x', timestamp '2024-01-01"
    " 10:00:00', date '2024-01-01'), (2, 2, 2.00, 'y', timestamp '2024-01-02 10:00:00', date '2024-01-02'), (3, 3,"
    " 3.25, 'z', timestamp '2024-01-03 10:00:00', date '2024-01-03')) as t (id, code, amount, name, loaded_at, day)"
)
CASTS_A = "cast(id as integer) as id, cast(code as integer) as code, cast(amount as decimal(12, 2)) as amount"
CASTS_B = "cast(id as integer) as id, cast(code as varchar(10)) as code, cast(amount as decimal(12, 3)) as amount"
REST = "cast(name as varchar(20)) as name, cast(loaded_at as timestamp) as loaded_at, cast(day as date) as day"
A_B = "a=adapter.get_relation(target.database, target.schema, 'types_a'), b=adapter.get_relation(target.database, target.schema, 'types_b')"  # noqa: E501


@pytest.fixture(scope="module", params=WAREHOUSES)
def typed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, integration_deps: None
) -> DbtProject:
    """Two tables equal in value, with code integer in a and varchar in b, amount decimal(12,2) vs (12,3); and
    the comparison fixtures (compare_new_orders_duplicated: 11 rows, order 7 twice)."""
    project = fresh_warehouse(request, request.param, tmp_path_factory.mktemp(f"compare_types_{request.param}"))
    project.dbt("build", "-s", *COMPARE, "--exclude", "test_type:data")
    query(project, TYPES_A.replace("create table types_a", "create table types_raw"))
    query(project, f"create table types_a as select {CASTS_A}, {REST} from types_raw")
    query(project, f"create table types_b as select {CASTS_B}, {REST} from types_raw")
    return project


def _types(project: DbtProject, duckdb: str, postgres: str) -> str:
    return duckdb if project.target == "duckdb" else postgres


@pytest.mark.parametrize(
    "column, tolerance",
    [
        ("name", "{'absolute': 0.01}"),
        ("loaded_at", "{'relative': 0.5}"),
        ("day", "{'absolute': 1}"),
        ("code", "{'absolute': 1}"),
    ],
)
def test_a_tolerance_on_a_column_that_is_not_numeric_is_a_compile_error(
    typed: DbtProject, column: str, tolerance: str
) -> None:
    type_in = {
        "name": (_types(typed, "varchar", "character varying"),) * 2,
        "loaded_at": (_types(typed, "timestamp", "timestamp without time zone"),) * 2,
        "day": ("date", "date"),
        "code": ("integer", _types(typed, "varchar", "character varying")),
    }[column]
    call = f"steadyflow.compare_relations({A_B}, primary_key='id', tolerance={{'{column}': {tolerance}}})"

    log = failed_compile_log(typed, "{{ " + call + " }}")

    kind = "absolute" if "absolute" in tolerance else "relative"
    amount = tolerance.split(": ")[1].rstrip("}")
    assert (
        f"steadyflow.compare_relations: argument `tolerance.{column}` must name a numeric column ({column} is "
        f'{type_in[0]} in a, {type_in[1]} in b), got {{"{kind}": {amount}}}'
    ) in log, log[-3000:]


def test_a_type_difference_is_in_the_detail_and_a_change_of_kind_counts_every_row(typed: DbtProject) -> None:
    rows = comparison(
        typed,
        f"steadyflow.compare_relations({A_B}, primary_key='id')",
        "column_name, rows_only_in_a, rows_only_in_b, rows_differing, rows_matching, detail",
    )

    text = _types(typed, "varchar", "character varying")
    decimal = _types(typed, "decimal", "numeric")
    assert rows == [
        (
            "code",
            0,
            0,
            3,
            0,
            f"types differ: integer vs {text} (number vs text: every shared row counted as differing)",
        ),
        ("amount", 0, 0, 0, 3, f"types differ: {decimal}(12,2) vs {decimal}(12,3)"),
        ("name", 0, 0, 0, 3, "exact"),
        ("loaded_at", 0, 0, 0, 3, "exact"),
        ("day", 0, 0, 0, 3, "exact"),
        ("(all columns)", 0, 0, 3, 0, "rows differing in any column"),
    ]


def test_excluding_a_retyped_column_leaves_the_values(typed: DbtProject) -> None:
    rows = comparison(
        typed,
        f"steadyflow.compare_relations({A_B}, primary_key='id', exclude_columns=['code'])",
        "column_name, rows_differing",
    )

    assert rows[-1] == ("(all columns)", 0)


def test_a_duplicated_key_s_percent_is_its_share_of_that_side_s_rows(typed: DbtProject) -> None:
    call = (
        "steadyflow.compare_relations(a=ref('compare_new_orders_duplicated'), b=ref('compare_legacy_orders'),"
        " primary_key='order_id')"
    )

    rows = comparison(typed, call, "row_kind, failing_rows, round(cast(failing_percent as numeric), 2), detail")

    # compare_new_orders_duplicated: 11 rows, 2 of them order 7
    assert [(kind, failing, float(percent), detail) for kind, failing, percent, detail in rows] == [
        ("duplicate_key", 2, 18.18, "order_id = 7 appears 2 times in a (compare_new_orders_duplicated)")
    ]


def test_a_duplicated_key_exceeds_a_percent_threshold_whatever_its_share(typed: DbtProject) -> None:
    name = "compare_duplicate_key_above_error_percent"  # error_above "50%"; order 7 is 2 of 11 rows

    result = typed.dbt("test", "-s", name, vars={"compare_threshold_checks": True}, expect=False)

    assert (result.statuses[name], result.failures[name]) == ("fail", 2)
