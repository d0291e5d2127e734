"""late_rows_missed compares the same slice on both sides: `before` cuts the model too, and null event times
are not missing rows.

late_rows_cutoff_source has 24 hourly events on 2024-03-01 (hh:30) and one event with a null event time;
late_rows_cutoff_model lacks the null event and the 02:30, 05:30 and 08:30 events.
"""

from __future__ import annotations

from tests.support.dbt import DbtProject


def test_a_mid_day_cutoff_counts_the_rows_missing_before_it_and_null_event_times_are_not_missing(
    warehouse: DbtProject,
) -> None:
    res = warehouse.dbt("build", "-s", "late_rows_cutoff_source", "late_rows_cutoff_model", expect=None)

    # before noon: 12 source events, 9 model events; the model's 12 afternoon events do not mask the 3
    assert res.failures["late_rows_cutoff_missed_before_noon"] == 3
    # no cutoff: 24 vs 21 on the day; the null event time is not a missing row
    assert res.failures["late_rows_cutoff_missed_any_time"] == 3
    assert res.statuses["late_rows_cutoff_missed_before_noon"] == "fail"
    assert res.statuses["late_rows_cutoff_missed_any_time"] == "fail"
