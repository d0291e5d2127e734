-- The source without the null event and without the 02:30, 05:30 and 08:30 events (all before noon).
select
    event_id,
    event_at
from {{ ref('late_rows_cutoff_source') }}
where event_at is not null and event_id not in (3, 6, 9)
