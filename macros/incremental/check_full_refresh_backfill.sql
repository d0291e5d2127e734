{#-
  The package's on-run-start check (dbt_project.yml) against `--full-refresh` with backfill vars on a
  replace_window model: dbt rebuilds the table with a plain create table, which for a backfill-only model runs
  no steadyflow code at all, so it would load every row the model selects, ignoring the window (and a
  lookback_window model would keep only the backfill window, every other row lost). For `dbt run`, `build` and `retry`, when a backfill var is
  set and a selected replace_window model would be fully refreshed (--full-refresh, unless the model sets
  config full_refresh: false; or config full_refresh: true), stop before anything is built. Reads the manifest
  and the vars only: no query. lookback_window refuses the same for models with any other strategy.
-#}
{% macro check_full_refresh_backfill() %}
  {%- if not execute or flags.WHICH not in ('run', 'build', 'retry') -%}
    {{ return('') }}
  {%- endif -%}
  {%- if var('backfill_start', none) is none and var('backfill_end', none) is none
        and var('backfill_date', none) is none -%}
    {{ return('') }}
  {%- endif -%}
  {%- set models = [] -%}
  {%- for node in steadyflow._selected_replace_window_models() -%}
    {%- set configured = node.config.get('full_refresh') -%}
    {%- if (flags.FULL_REFRESH if configured is none else configured) -%}
      {%- do models.append(node.name) -%}
    {%- endif -%}
  {%- endfor -%}
  {%- if models -%}
    {{ steadyflow._full_refresh_backfill_error('steadyflow', ('model ' if models | length == 1 else 'models ')
        ~ models | join(', ') ~ ' from scratch', 'it would keep only that window and lose every other row'
        ~ ' (a model without lookback_window would load every row it selects, ignoring the window)') }}
  {%- endif -%}
  {{ return('') }}
{% endmacro %}
