"""Every guard and option passes on clean data and fails on broken data with the exact failure count.

The fixtures and guards live in integration_tests/models/guards (guards_schema.yml). Broken fixtures carry
inverted expectations (`error_if: "!= N"`), so dbt itself reports `pass` only when the guard finds exactly N
failures; here we assert that status and, independently, recompute N from each guard's compiled SQL.
"""

from __future__ import annotations

import pytest

from tests.guards.support import GUARDS, guard_rows, guard_runs
from tests.support.dbt import DbtProject

# failure counts: orphan rows for relationship_guard, mismatched groups for row_count_guard (compare_model)
# and parity_guard, 1 for broken row bounds, stale groups for recency_guard
EXPECTED = {
    # relationship_guard on guards_orders_orphans: 10 clean rows, 90 x2 (old), 91 x3 (2 h old), null x1,
    # -1 x4 (sentinel), 5 x5 (parent deleted)
    "guards_rel_clean": 0,
    "guards_rel_clean_null_not_allowed": 0,  # guards_orders has no null customer
    "guards_rel_orphans": 9,  # 90, 91 and -1; the null is not an orphan
    "guards_rel_grace": 6,  # 91 is inside the 1-day grace period
    "guards_rel_grace_hours": 9,  # ... but not inside a 1-hour one
    "guards_rel_grace_only_recent_orphans": 0,  # without 90: 91 is in the grace period, -1 ignored
    "guards_rel_ignore": 2,  # ignore_values: [-1]
    "guards_rel_null_not_allowed": 3,  # allow_null: false counts the null row
    "guards_rel_to_where": 7,  # to_where drops the deleted parent 5 -> its 5 rows are orphans
    "guards_rel_where": 5,  # the child filter (where config) removes the -1 rows
    "guards_rel_within_max_percent": 0,  # 9 of 24 rows = 37.5% <= 40%
    "guards_rel_beyond_max_percent": 9,  # 37.5% > 30%: every orphan row is reported
    # the currency incident: a rate table without GBP, seen by relationship_guard
    "guards_rel_currency_rate_missing": 4,
    "guards_rel_currency_ignored": 0,
    # string keys with a quote (guards_customer_names): O'Brien x2 and Zed x1 have no parent
    "guards_rel_quoted_orphans": 3,
    "guards_rel_quoted_ignored": 1,  # ignore_values: ["O'Brien"] is escaped, compiles and ignores both rows
    # row_count_guard: bounds
    "guards_rows_min_default": 0,
    "guards_rows_within_bounds": 0,
    "guards_rows_above_max": 1,
    "guards_rows_below_min": 1,
    "guards_rows_empty_model": 1,
    # row_count_guard: compare_model, clean conversion
    "guards_rows_clean": 0,
    "guards_rows_clean_per_day": 0,
    "guards_rows_clean_per_source": 0,  # null source_system groups compare equal
    "guards_rows_clean_compare_group_by": 0,
    "guards_rows_where_both_sides": 0,
    "guards_rows_where_one_side": 1,
    # row_count_guard: the inner join that dropped the 4 GBP orders (16 vs 20 rows)
    "guards_rows_dropped": 1,
    "guards_rows_dropped_within_tolerance": 0,  # 20% <= 25%
    "guards_rows_dropped_beyond_tolerance": 1,  # 20% > 10%
    "guards_rows_dropped_per_day": 2,  # 2024-01-02 and 2024-01-04
    "guards_rows_dropped_compare_group_by": 2,
    "guards_rows_dropped_group_missing": 1,  # GBP present on one side only
    "guards_rows_dropped_per_source": 3,  # web, app and the null source
    "guards_rows_dropped_compare_where_match": 0,
    "guards_rows_dropped_compare_where_other": 1,
    # row_count_guard: the edges
    "guards_rows_0_vs_0": 0,
    "guards_rows_0_vs_0_per_day": 0,
    "guards_rows_0_vs_n": 1,
    "guards_rows_0_vs_n_per_day": 5,  # every day is missing on the model side
    "guards_rows_n_vs_0": 1,
    # parity_guard: local-currency revenue, 1860 in the source, 860 after the broken join
    "guards_parity_clean": 0,
    "guards_parity_clean_per_day": 0,
    "guards_parity_clean_compare_group_by": 0,
    "guards_parity_dropped": 1,
    "guards_parity_dropped_per_day": 2,
    "guards_parity_dropped_compare_group_by": 2,
    "guards_parity_dropped_group_missing": 1,
    "guards_parity_dropped_within_tolerance": 0,  # 53.8% <= 60%
    "guards_parity_dropped_beyond_tolerance": 1,  # 53.8% > 50%
    "guards_parity_dropped_compare_where": 0,  # the source without GBP matches
    "guards_parity_dropped_compare_where_other": 1,
    "guards_parity_dropped_where_both_sides": 0,  # EUR only, on both sides
    "guards_parity_dropped_same_expression": 1,  # compare_expression defaults to expression
    "guards_parity_0_vs_0": 0,
    "guards_parity_0_vs_n": 1,
    "guards_parity_n_vs_0": 1,
    # recency_guard on guards_events: a, b fresh; c silent 3 days; d silent 5 days + a row 2 days in the future
    "guards_recency_overall": 0,  # the newest event is 1 h old: a global check misses c and d
    "guards_recency_per_source": 2,
    "guards_recency_per_source_4_days": 1,  # only d
    "guards_recency_per_source_minutes": 3,  # b (2 h), c, d
    "guards_recency_fresh_sources": 0,
    "guards_recency_future_row": 1,  # d alone: its future row does not make it fresh
    "guards_recency_empty_model": 1,
    "guards_recency_empty_model_groups": 1,  # grouped or not, an empty model is stale
}


@pytest.mark.parametrize("clock", [{}, {"steadyflow_now": "2024-01-10 12:00:00"}], ids=["today", "a pinned past day"])
def test_each_guard_passes_clean_data_and_counts_broken_data_exactly(
    warehouse: DbtProject, clock: dict[str, str]
) -> None:
    # the fixtures' ages and the guards' "now" are both steadyflow.now(): a replayed day counts the same
    result = warehouse.dbt("build", "-s", GUARDS, vars=clock)
    runs = guard_runs(warehouse, result)

    assert sorted(runs) == sorted(EXPECTED), "guards_schema.yml and EXPECTED list different tests"
    counted = {name: run.counted for name, run in runs.items()}
    assert counted == EXPECTED
    # clean guards pass with 0 failures; broken ones pass only through their exact inverted expectation
    assert {name: run.status for name, run in runs.items()} == dict.fromkeys(EXPECTED, "pass")


def test_an_empty_model_is_one_stale_group_with_a_row_saying_so_grouped_or_not(warehouse: DbtProject) -> None:
    empty_checks = ("guards_recency_empty_model", "guards_recency_empty_model_groups")
    selection = ("guards_orders", "guards_orders_empty", *empty_checks)
    result = warehouse.dbt("build", "-s", *selection, "--indirect-selection", "empty")

    columns = "reason, latest_at, future_rows, stale_groups, checked_groups, stale_percent"
    for name in empty_checks:
        assert guard_rows(warehouse, result, name, columns) == [("model is empty", None, 0, 1, 1, 100)], name
    assert guard_rows(warehouse, result, "guards_recency_empty_model_groups", "source_system") == [(None,)]


def test_stale_groups_say_why(warehouse: DbtProject) -> None:
    result = warehouse.dbt("build", "-s", "guards_events")

    rows = guard_rows(warehouse, result, "guards_recency_per_source", "source_name, reason, future_rows")
    # c is quiet; d is quiet too, and its one row dated 2 days ahead does not count as fresh
    assert sorted(rows) == [("c", "newest row too old", 0), ("d", "newest row too old", 1)]
