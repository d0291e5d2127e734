-- Loads from four sources. a and b are fresh; c went silent 3 days ago; d went silent 5 days ago but also
-- carries a row stamped 2 days in the future (a clock bug), which must not make it look fresh.
-- Overall, the newest past event is 1 hour old, so only a per-source recency check sees c and d. Ages count
-- back from steadyflow.now(), the clock the guards read, so a pinned steadyflow_now gives the same verdicts.
{%- set now_at = "cast(" ~ steadyflow.timestamp_literal(steadyflow.now()) ~ " as timestamp)" %}
select
    events.event_id,
    events.source_name,
    {{ dbt.dateadd("hour", "-1 * events.age_hours", now_at) }} as event_at
from (
    values
    (1, 'a', 1),
    (2, 'a', 30),
    (3, 'b', 2),
    (4, 'b', -240),
    (5, 'c', 72),
    (6, 'c', 120),
    (7, 'd', 120),
    (8, 'd', -48)
) as events (event_id, source_name, age_hours)
