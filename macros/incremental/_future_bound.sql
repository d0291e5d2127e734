{#-
  The future bound: no steadyflow window loads rows at or after now + future_days days
  (now = steadyflow.now(); var future_days overrides the argument). Returns
  {'bound': datetime, 'now': datetime, 'future_days': int, 'origin': text for messages}.
-#}
{% macro _future_bound(future_days, caller_name) %}
  {%- set days = steadyflow._check_integer(caller_name, 'future_days', var('future_days', future_days), 0,
        '(the var future_days overrides the argument)') -%}
  {%- set now = steadyflow.now() -%}
  {%- set bound = now + modules.datetime.timedelta(days=days) -%}
  {{ return({'bound': bound, 'now': now, 'future_days': days,
             'origin': 'now ' ~ steadyflow._clock_origin(now) ~ ' + future_days=' ~ days}) }}
{% endmacro %}
