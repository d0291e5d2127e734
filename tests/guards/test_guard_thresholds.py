"""warn_above / error_above: one guard warns at a low threshold and fails at a high one, and the failure count
stays the guard's own (orphan rows, mismatched groups, stale groups) whatever the level."""

from __future__ import annotations

from tests.support.dbt import DbtProject

THRESHOLD_CHECKS = {"guards_threshold_checks": True}

# name -> (status, failures dbt reports). dbt reports 0 failures for a passing test.
EXPECTED = {
    # 2 orphan rows of 17 checked (11.8%)
    "guards_threshold_rel_warn_percent": ("warn", 2),  # warn above 10%, error above 20%
    "guards_threshold_rel_error_percent": ("fail", 2),  # warn above 5%, error above 10%
    "guards_threshold_rel_pass_percent": ("pass", 0),  # warn above 15%: 2 orphans found, under both levels
    "guards_threshold_rel_warn_count": ("warn", 2),  # warn above 1 row, error above 5
    "guards_threshold_rel_error_count": ("fail", 2),  # error above 1 row
    "guards_threshold_rel_warn_only": ("warn", 9),  # warn_above alone never errors
    # 16 vs 20 rows: 20% off
    "guards_threshold_rows_warn": ("warn", 1),  # warn above 10%, error above 50%
    "guards_threshold_rows_error": ("fail", 1),  # error above 15%
    # revenue 860 vs 1860: 53.8% off
    "guards_threshold_parity_warn": ("warn", 1),  # warn above 50%, error above 60%
    "guards_threshold_parity_error": ("fail", 1),  # error above 50%
    "guards_threshold_parity_groups": ("warn", 2),  # 2 days off: warn above 1 group, error above 2
    # 2 of 4 sources stale: 50%
    "guards_threshold_recency_warn": ("warn", 2),  # warn above 25%, error above 75%
    "guards_threshold_recency_error": ("fail", 2),  # error above 40%
}


def test_warn_above_and_error_above_set_the_level_not_the_count(warehouse: DbtProject) -> None:
    warehouse.dbt("run", "-s", "+tag:guards_thresholds", vars=THRESHOLD_CHECKS)

    result = warehouse.dbt("test", "-s", "tag:guards_thresholds", vars=THRESHOLD_CHECKS, expect=False)

    got = {name: (result.statuses[name], result.failures[name]) for name in result.statuses}
    assert got == EXPECTED


def test_threshold_checks_are_off_by_default(warehouse: DbtProject) -> None:
    listed = warehouse.dbt("ls", "-s", "tag:guards_thresholds", "--resource-type", "test")
    assert listed.raw.result == []
