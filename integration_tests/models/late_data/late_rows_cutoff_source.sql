-- 24 hourly events on 2024-03-01 and one event without an event time.
select
    events.event_id,
    events.event_at
from (
    values
    (1, cast('2024-03-01 00:30:00' as timestamp)),
    (2, cast('2024-03-01 01:30:00' as timestamp)),
    (3, cast('2024-03-01 02:30:00' as timestamp)),
    (4, cast('2024-03-01 03:30:00' as timestamp)),
    (5, cast('2024-03-01 04:30:00' as timestamp)),
    (6, cast('2024-03-01 05:30:00' as timestamp)),
    (7, cast('2024-03-01 06:30:00' as timestamp)),
    (8, cast('2024-03-01 07:30:00' as timestamp)),
    (9, cast('2024-03-01 08:30:00' as timestamp)),
    (10, cast('2024-03-01 09:30:00' as timestamp)),
    (11, cast('2024-03-01 10:30:00' as timestamp)),
    (12, cast('2024-03-01 11:30:00' as timestamp)),
    (13, cast('2024-03-01 12:30:00' as timestamp)),
    (14, cast('2024-03-01 13:30:00' as timestamp)),
    (15, cast('2024-03-01 14:30:00' as timestamp)),
    (16, cast('2024-03-01 15:30:00' as timestamp)),
    (17, cast('2024-03-01 16:30:00' as timestamp)),
    (18, cast('2024-03-01 17:30:00' as timestamp)),
    (19, cast('2024-03-01 18:30:00' as timestamp)),
    (20, cast('2024-03-01 19:30:00' as timestamp)),
    (21, cast('2024-03-01 20:30:00' as timestamp)),
    (22, cast('2024-03-01 21:30:00' as timestamp)),
    (23, cast('2024-03-01 22:30:00' as timestamp)),
    (24, cast('2024-03-01 23:30:00' as timestamp)),
    (25, cast(null as timestamp))
) as events (event_id, event_at)
