"""A copy of the integration project whose sessions run in America/New_York, with the pinned orders of
guard_clock_pinned_orders held as `timestamp with time zone` and guarded (tests/guards/test_guard_time_zones.py)."""

from __future__ import annotations

from pathlib import Path

from tests.late_data.project_copy import project_in_zone
from tests.support.dbt import DbtProject

ZONE = "America/New_York"

# guard_clock_pinned_orders' UTC times, as timestamp with time zone
ZONED_ORDERS = """\
select
    orders.order_id,
    orders.customer_id,
    cast(cast(orders.ordered_at as {{ dbt.type_string() }}) || '+00' as timestamp with time zone) as ordered_at,
    cast(cast(orders.loaded_at as {{ dbt.type_string() }}) || '+00' as timestamp with time zone) as loaded_at
from {{ ref('guard_clock_pinned_orders') }} as orders
"""

GUARDS = """\
version: 2
models:
  - name: guard_tz_orders
    data_tests:
      - steadyflow.recency_guard:
          name: guard_tz_fresh_within_2_hours
          arguments: {field: ordered_at, datepart: hour, interval: 2}
      - steadyflow.recency_guard:
          name: guard_tz_stale_within_1_hour
          arguments: {field: ordered_at, datepart: hour, interval: 1}
    columns:
      - name: customer_id
        data_tests:
          - steadyflow.relationship_guard:
              name: guard_tz_grace_3_hours
              arguments:
                to: ref('guard_clock_pinned_customers')
                field: customer_id
                grace_period: {field: loaded_at, interval: 3, datepart: hour}
          - steadyflow.relationship_guard:
              name: guard_tz_grace_1_day
              arguments:
                to: ref('guard_clock_pinned_customers')
                field: customer_id
                grace_period: {field: loaded_at, interval: 1, datepart: day}
"""


def in_new_york_with_zoned_orders(base: DbtProject, work_dir: Path) -> DbtProject:
    def add_zoned_orders(project_dir: Path) -> None:
        models = project_dir / "models" / "guard_tz"
        models.mkdir()
        (models / "guard_tz_orders.sql").write_text(ZONED_ORDERS)
        (models / "guard_tz.yml").write_text(GUARDS)

    return project_in_zone(base, work_dir, ZONE, add_zoned_orders)
