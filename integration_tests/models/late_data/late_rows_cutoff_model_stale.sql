-- The source without the null event and the 02:30, 05:30 and 08:30 events, plus 3 rows deleted upstream
-- that the model still holds: two on 2024-02-29 (a day the source no longer has) and one on 2024-03-02.
select
    event_id,
    event_at
from {{ ref('late_rows_cutoff_source') }}
where event_at is not null and event_id not in (3, 6, 9)

union all

select
    deleted.event_id,
    cast(deleted.event_at as timestamp) as event_at
from (
    values
    (101, '2024-02-29 10:00:00'),
    (102, '2024-02-29 11:00:00'),
    (103, '2024-03-02 09:00:00')
) as deleted (event_id, event_at)
