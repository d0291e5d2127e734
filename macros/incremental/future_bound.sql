{#-
  The future bound: no steadyflow window loads rows at or after now + future_days days
  (now = steadyflow.now(); var future_days overrides the argument). Returns
  {'bound': datetime, 'now': datetime, 'future_days': int, 'origin': text for messages}.
-#}
{% macro future_bound(future_days=1, caller_name='steadyflow.lookback_window') %}
  {{ return(adapter.dispatch('future_bound', 'steadyflow')(future_days, caller_name)) }}
{% endmacro %}

{% macro default__future_bound(future_days, caller_name) %}
  {%- set days = steadyflow.validate_integer(var('future_days', future_days),
        caller_name ~ ": argument future_days (or var future_days)") -%}
  {%- set now = steadyflow.now() -%}
  {%- set bound = now + modules.datetime.timedelta(days=days) -%}
  {{ return({'bound': bound, 'now': now, 'future_days': days,
             'origin': 'now ' ~ steadyflow._clock_origin(now) ~ ' + future_days=' ~ days}) }}
{% endmacro %}
