"""A new table: buckets before a group's first row are not part of its series (they are not 0), and a judged
bucket with no baseline bucket left is not judged. With 10 or 21 days of history (var volume_days of
volume_events.sql) clean data raises nothing under max_rise_percent: 50, and a region missing on the judged day is
caught per region. The same guards at 90 days are in test_volume_accuracy.py with the same counts."""

from __future__ import annotations

import pytest

from tests.support.dbt import DbtProject
from tests.volume.support import PINNED_NOW

GUARDS = ["volume_new_table_rise", "volume_new_table_rise_weekday", "volume_new_table_region_missing"]


@pytest.mark.parametrize(
    "days, expected",
    [
        # at 10 days the weekday guard has no earlier Monday: not judged (0)
        (
            10,
            {
                "volume_new_table_rise": 0,
                "volume_new_table_rise_weekday": 0,
                "volume_new_table_region_missing": 1,
                "volume_region_missing": 0,
            },
        ),
        (
            21,
            {
                "volume_new_table_rise": 0,
                "volume_new_table_rise_weekday": 0,
                "volume_new_table_region_missing": 1,
                "volume_region_missing": 1,
            },
        ),
    ],
    ids=["10 days", "21 days"],
)
def test_a_new_table_is_judged_on_the_days_it_has(warehouse: DbtProject, days: int, expected: dict[str, int]) -> None:
    vars = {**PINNED_NOW, "volume_days": days}
    warehouse.dbt("run", "-s", "volume_events", vars=vars)
    result = warehouse.dbt("test", "-s", *expected, vars=vars)

    assert {name: result.failures[name] for name in expected} == expected
