{#-
  The check for rows the model and its source disagree on, per event date, in both directions:
  missing_rows (the source has more: rows that arrived later than the lookback window) and extra_rows
  (the model has more: rows deleted upstream that the model still holds). One row per date where the
  counts differ. Failures = missing_rows + extra_rows over all dates. Only events before `before` (default:
  steadyflow.now()) are compared, on both sides. `model_event_time` names the column in the model when the
  model renames it (default: event_time, the same name in both relations).
-#}
{% test late_rows_missed(model, source_relation, event_time, before=none, model_event_time=none, column_name=none) %}
  {%- if column_name is not none %}{{ return(steadyflow._misplaced_model_test('late_rows_missed', model, column_name)) }}{% endif -%}
  {{ return(adapter.dispatch('test_late_rows_missed', 'steadyflow')(model, source_relation, event_time, before, model_event_time)) }}
{% endtest %}

{% macro default__test_late_rows_missed(model, source_relation, event_time, before, model_event_time=none) %}
  {%- do steadyflow._check_required('late_rows_missed', 'source_relation', source_relation) -%}
  {%- do steadyflow._check_required('late_rows_missed', 'event_time', event_time) -%}
  {%- set model_column = event_time if model_event_time is none
        else steadyflow._check_required('late_rows_missed', 'model_event_time', model_event_time) -%}
  {{ config(fail_calc='coalesce(sum(missing_rows + extra_rows), 0)') }}
  {#- before defaults to steadyflow.now(): rows dated at or after now are future rows (lookback_window reports
      them), not late ones -#}
  {%- set cutoff = none if not execute else steadyflow.utc_literal(steadyflow.now() if before is none
        else steadyflow._parse_timestamp(before, 'steadyflow.late_rows_missed: argument before')) -%}
with source_days as (
    select cast({{ event_time }} as date) as event_date, count(*) as source_rows, 0 as model_rows
    from {{ source_relation }}
    where {{ event_time }} is not null
    {%- if cutoff %}
        and {{ event_time }} < {{ cutoff }}
    {%- endif %}
    group by cast({{ event_time }} as date)
),

model_days as (
    select cast({{ model_column }} as date) as event_date, 0 as source_rows, count(*) as model_rows
    from {{ model }}
    where {{ model_column }} is not null
    {%- if cutoff %}
        and {{ model_column }} < {{ cutoff }}
    {%- endif %}
    group by cast({{ model_column }} as date)
),

{#- stacked and grouped once more: a date on one side only is compared with 0, no full outer join needed -#}
compared as (
    select event_date, sum(source_rows) as source_rows, sum(model_rows) as model_rows
    from (
        select event_date, source_rows, model_rows from source_days
        union all
        select event_date, source_rows, model_rows from model_days
    ) as both_sides
    group by event_date
)

select
    event_date,
    source_rows,
    model_rows,
    case when source_rows > model_rows then source_rows - model_rows else 0 end as missing_rows,
    case when model_rows > source_rows then model_rows - source_rows else 0 end as extra_rows
from compared
where source_rows <> model_rows
{% endmacro %}
