"""compare_relations and matches_relation count a seeded legacy table against its rewrite exactly.

integration_tests/models/compare/compare_schema.yml lists every difference between compare_legacy_orders
and compare_new_orders (a missing row, an extra row, a changed text value, a rounding difference inside and
one outside an absolute and a relative tolerance, 0 vs 0, nulls on both sides, a duplicated key) and each
matches_relation test's failure count as `meta: {expected_failures: N}`."""

from __future__ import annotations

import pytest

from tests.compare.support import COMPARE, CompareRun, compare_runs, comparison, counted_test_names
from tests.conftest import WAREHOUSES, fresh_warehouse
from tests.support.dbt import DbtProject

TOLERANCE = "{'amount': {'absolute': 0.01}, 'fee': {'relative': 0.001}}"
NEW_VS_LEGACY = "a=ref('compare_new_orders'), b=ref('compare_legacy_orders'), primary_key='order_id'"


@pytest.fixture(scope="module", params=WAREHOUSES)
def compare_built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, integration_deps: None
) -> tuple[DbtProject, dict[str, CompareRun]]:
    """One `dbt build` of the comparison fixtures and their matches_relation tests on one warehouse."""
    project = fresh_warehouse(request, request.param, tmp_path_factory.mktemp(f"compare_{request.param}"))
    return project, compare_runs(project.dbt("build", "-s", *COMPARE))


@pytest.mark.parametrize("name", counted_test_names())
def test_matches_relation_counts_its_fixture_exactly(
    compare_built: tuple[DbtProject, dict[str, CompareRun]], name: str
) -> None:
    run = compare_built[1][name]
    assert (run.failures, run.status) == (run.expected_failures, run.expected_status)


def test_every_comparison_in_the_folder_has_an_expected_count(
    compare_built: tuple[DbtProject, dict[str, CompareRun]],
) -> None:
    assert sorted(compare_built[1]) == sorted(counted_test_names())


def test_one_row_per_column_and_a_summary_row_with_tolerances(
    compare_built: tuple[DbtProject, dict[str, CompareRun]],
) -> None:
    project = compare_built[0]
    rows = comparison(project, f"steadyflow.compare_relations({NEW_VS_LEGACY}, tolerance={TOLERANCE})")
    assert rows == [
        # column, only in a (order 99), only in b (order 5), differing, matching (of the 9 shared keys)
        ("customer_name", 1, 1, 0, 9),
        ("status", 1, 1, 1, 8),  # order 3: SHIPPED vs shipped
        ("amount", 1, 1, 1, 8),  # order 4 (0.05 off); order 2 (0.004) is inside 0.01
        ("fee", 1, 1, 1, 8),  # order 7 (0.5% off); order 6 (0.05%) inside 0.1%, order 8 is 0 vs 0
        ("discount", 1, 1, 1, 8),  # order 9: null vs 5; nulls on both sides match
        ("(all columns)", 1, 1, 4, 5),  # orders 3, 4, 7, 9
    ]


def test_without_tolerance_every_rounding_difference_counts(
    compare_built: tuple[DbtProject, dict[str, CompareRun]],
) -> None:
    rows = comparison(compare_built[0], f"steadyflow.compare_relations({NEW_VS_LEGACY})", "column_name, rows_differing")
    assert rows == [
        ("customer_name", 0),
        ("status", 1),
        ("amount", 2),
        ("fee", 2),
        ("discount", 1),
        ("(all columns)", 6),
    ]


def test_a_duplicated_key_is_named_with_its_count_instead_of_a_comparison(
    compare_built: tuple[DbtProject, dict[str, CompareRun]],
) -> None:
    call = (
        "steadyflow.compare_relations(a=ref('compare_new_orders_duplicated'), b=ref('compare_new_orders_duplicated'),"
        " primary_key='order_id')"
    )
    rows = comparison(compare_built[0], call, "row_kind, column_name, failing_rows, detail")
    assert rows == [
        ("duplicate_key", "order_id", 2, "order_id = 7 appears 2 times in a (compare_new_orders_duplicated)"),
        ("duplicate_key", "order_id", 2, "order_id = 7 appears 2 times in b (compare_new_orders_duplicated)"),
    ]


def test_a_two_column_key_is_named_whole(compare_built: tuple[DbtProject, dict[str, CompareRun]]) -> None:
    call = (
        "steadyflow.compare_relations(a=ref('compare_legacy_orders'), b=ref('compare_new_orders_duplicated'),"
        " primary_key=['order_id', 'status'])"
    )
    rows = comparison(compare_built[0], call, "row_kind, failing_rows, detail")
    assert rows == [
        ("duplicate_key", 2, "(order_id, status) = (7, returned) appears 2 times in b (compare_new_orders_duplicated)")
    ]


def test_threshold_above_error_above_fails(compare_built: tuple[DbtProject, dict[str, CompareRun]]) -> None:
    project = compare_built[0]
    vars = {"compare_threshold_checks": True}

    result = project.dbt("test", "-s", "compare_above_error_above", vars=vars, expect=False)

    assert (result.statuses["compare_above_error_above"], result.failures["compare_above_error_above"]) == ("fail", 6)


def test_under_empty_every_comparison_passes(compare_built: tuple[DbtProject, dict[str, CompareRun]]) -> None:
    project = compare_built[0]

    result = project.dbt("build", "-s", "path:models/compare", "--empty")
    project.dbt("run", "-s", "path:models/compare")  # the module's other tests read the full models again

    assert {
        status for name, status in result.statuses.items() if name.startswith("compare_") and name in compare_built[1]
    } == {"pass"}


def test_dbt_show_prints_the_comparison(compare_built: tuple[DbtProject, dict[str, CompareRun]]) -> None:
    call = "{{ steadyflow.compare_relations(" + NEW_VS_LEGACY + ", tolerance=" + TOLERANCE + ") }}"

    result = compare_built[0].dbt("show", "--inline", call, "--limit", "10")

    table = result.raw.result.results[0].agate_table
    shown = [(row["column_name"], int(row["rows_differing"])) for row in table.rows]
    assert shown == [
        ("customer_name", 0), ("status", 1), ("amount", 1), ("fee", 1), ("discount", 1), ("(all columns)", 4)
    ]  # fmt: skip
