"""late_rows_missed compares the same slice on both sides, in both directions: `before` cuts the model too,
null event times are not missing rows, and rows deleted upstream but still in the model are extra rows.

late_rows_cutoff_source has 24 hourly events on 2024-03-01 (hh:30) and one event with a null event time;
late_rows_cutoff_model lacks the null event and the 02:30, 05:30 and 08:30 events;
late_rows_cutoff_model_stale is that model plus 3 rows deleted upstream: 2024-02-29 10:00 and 11:00 (a day
the source no longer has) and 2024-03-02 09:00 (after the cutoff).
"""

from __future__ import annotations

from datetime import date

from tests.support.dbt import DbtProject, DbtResult, query

MODELS = ("late_rows_cutoff_source", "late_rows_cutoff_model", "late_rows_cutoff_model_stale")


def per_date(project: DbtProject, result: DbtResult, name: str) -> list[tuple[object, ...]]:
    """The check's rows (event_date, source_rows, model_rows, missing_rows, extra_rows), re-read from its SQL."""
    node = next(r.node for r in result.raw.result.results if r.node.name == name)
    columns = "event_date, source_rows, model_rows, missing_rows, extra_rows"
    rows = query(project, f"select {columns} from ({node.compiled_code}) as check_rows order by event_date")
    return [(row[0], *(int(count) for count in row[1:])) for row in rows]


def test_a_mid_day_cutoff_counts_the_rows_missing_before_it_and_null_event_times_are_not_missing(
    warehouse: DbtProject,
) -> None:
    res = warehouse.dbt("build", "-s", *MODELS, expect=None)

    # before noon: 12 source events, 9 model events; the model's 12 afternoon events do not mask the 3
    assert res.failures["late_rows_cutoff_missed_before_noon"] == 3
    # no cutoff: 24 vs 21 on the day; the null event time is not a missing row
    assert res.failures["late_rows_cutoff_missed_any_time"] == 3
    assert res.statuses["late_rows_cutoff_missed_before_noon"] == "fail"
    assert res.statuses["late_rows_cutoff_missed_any_time"] == "fail"


def test_rows_deleted_upstream_but_still_in_the_model_count_as_extra_rows(warehouse: DbtProject) -> None:
    res = warehouse.dbt("build", "-s", *MODELS, expect=None)

    # before noon: 3 missing on 2024-03-01 + 2 extra on 2024-02-29; the extra 2024-03-02 row is after the cutoff
    assert res.failures["late_rows_cutoff_both_ways_before_noon"] == 5
    assert per_date(warehouse, res, "late_rows_cutoff_both_ways_before_noon") == [
        (date(2024, 2, 29), 0, 2, 0, 2),
        (date(2024, 3, 1), 12, 9, 3, 0),
    ]
    # no cutoff: the 2024-03-02 row counts too
    assert res.failures["late_rows_cutoff_both_ways_any_time"] == 6
    assert per_date(warehouse, res, "late_rows_cutoff_both_ways_any_time") == [
        (date(2024, 2, 29), 0, 2, 0, 2),
        (date(2024, 3, 1), 24, 21, 3, 0),
        (date(2024, 3, 2), 0, 1, 0, 1),
    ]
    assert res.statuses["late_rows_cutoff_both_ways_before_noon"] == "fail"
    assert res.statuses["late_rows_cutoff_both_ways_any_time"] == "fail"
