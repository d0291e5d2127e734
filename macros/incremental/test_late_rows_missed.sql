{#-
  The check for rows that arrived later than the lookback window: one row per event date where the
  model has fewer rows than its source. Failures = the number of missing rows.
-#}
{% test late_rows_missed(model, source_relation, event_time, before=none) %}
  {{ config(fail_calc='coalesce(sum(missing_rows), 0)') }}
  {{ adapter.dispatch('test_late_rows_missed', 'steadyflow')(model, source_relation, event_time, before) }}
{% endtest %}

{% macro default__test_late_rows_missed(model, source_relation, event_time, before) %}
  {%- set cutoff = none if (before is none or not execute) else steadyflow.timestamp_literal(
        steadyflow.parse_timestamp(before, 'steadyflow.late_rows_missed: argument before')) -%}
with source_days as (
    select cast({{ event_time }} as date) as event_date, count(*) as source_rows
    from {{ source_relation }}
    where {{ event_time }} is not null
    {%- if cutoff %}
        and {{ event_time }} < {{ cutoff }}
    {%- endif %}
    group by cast({{ event_time }} as date)
),

model_days as (
    select cast({{ event_time }} as date) as event_date, count(*) as model_rows
    from {{ model }}
    where {{ event_time }} is not null
    {%- if cutoff %}
        and {{ event_time }} < {{ cutoff }}
    {%- endif %}
    group by cast({{ event_time }} as date)
)

select
    s.event_date,
    s.source_rows,
    coalesce(m.model_rows, 0) as model_rows,
    s.source_rows - coalesce(m.model_rows, 0) as missing_rows
from source_days as s
left join model_days as m on s.event_date = m.event_date
where s.source_rows > coalesce(m.model_rows, 0)
{% endmacro %}
