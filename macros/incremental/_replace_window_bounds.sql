{#-
  The window the replace_window strategy replaces: the one the model's lookback_window resolved
  (read back from the `/* steadyflow.window ... */` comment in the compiled SQL), so the delete uses
  exactly the bounds the model selected. A model that does not call lookback_window gets the backfill
  vars' window (config event_time names the column) or a compile error.
  With lookback_window the target column is the one its window comment names (its target_event_time, which
  defaults to the model's config event_time, else its event_time); without it, config event_time names it.
  Bounds are steadyflow.utc_literal literals, as in lookback_window's predicate. 'column_setting' is what names
  the column, for the error when the target lacks it.
-#}
{% macro _replace_window_bounds() %}
  {%- set who = 'steadyflow.replace_window' -%}
  {%- set configured_column = config.get('event_time') -%}
  {%- set pattern = 'steadyflow\\.window column=(.+?) start=(\\S+) end=(\\S+) mode=(\\w+)' -%}
  {%- set found = modules.re.findall(pattern, compiled_code or '') | unique | list -%}

  {%- if found | length > 1 -%}
    {{ exceptions.raise_compiler_error(who ~ ": model " ~ this ~ " resolves " ~ found | length
        ~ " different windows (calls steadyflow.lookback_window with different arguments): " ~ found
        ~ "; use the same window everywhere so one delete covers every inserted row") }}
  {%- elif found | length == 1 -%}
    {%- set column = found[0][0] -%}
    {%- set start = steadyflow._parse_timestamp(found[0][1], who ~ ': window start') -%}
    {%- set end = steadyflow._parse_timestamp(found[0][2], who ~ ': window end') -%}
    {%- set column_setting = 'target_event_time' if configured_column and column != configured_column
          else 'config event_time' -%}
  {%- else -%}
    {%- set backfill = steadyflow._backfill_window() -%}
    {%- if backfill is none or not configured_column -%}
      {{ exceptions.raise_compiler_error(who ~ ": model " ~ this ~ " has no window to replace: call "
          ~ "steadyflow.lookback_window(event_time, ...) in its where clause, or set config event_time and vars "
          ~ "backfill_start/backfill_end or backfill_date; got event_time=" ~ steadyflow._shown_var(configured_column)
          ~ ", " ~ (steadyflow._backfill_vars_shown() or 'no backfill var')) }}
    {%- endif -%}
    {%- set column = configured_column -%}
    {%- set start = backfill.start -%}
    {%- set end = backfill.end -%}
    {%- set column_setting = 'config event_time' -%}
  {%- endif -%}
  {{ return({'column': column, 'start': start, 'end': end, 'column_setting': column_setting,
             'start_sql': steadyflow.utc_literal(start), 'end_sql': steadyflow.utc_literal(end)}) }}
{% endmacro %}
