-- One event per source at times the test passes in UTC (vars guard_clock_fresh_at, guard_clock_stale_at).
select
    events.source_name,
    cast(events.event_at as timestamp) as event_at
from (
    values
    ('fresh', '{{ var("guard_clock_fresh_at", "2024-01-01 00:00:00") }}'),
    ('stale', '{{ var("guard_clock_stale_at", "2024-01-01 00:00:00") }}')
) as events (source_name, event_at)
