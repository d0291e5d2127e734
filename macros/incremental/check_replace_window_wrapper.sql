{#-
  The package's on-run-start check (dbt_project.yml): when `dbt run`, `build` or `retry` selects a model
  configured with incremental_strategy='replace_window' and the root project does not define the one-line
  get_incremental_replace_window_sql wrapper, stop before anything is built, printing the wrapper and where it
  goes. Without it the first build succeeds (a plain create table) and only the second run fails, with
  dbt's generic "could not find an incremental strategy macro". Reads the manifest only (graph,
  selected_resources): no query, and nothing at parse time or for compile, parse, test or docs.
-#}
{% macro check_replace_window_wrapper() %}
  {%- if not execute or flags.WHICH not in ('run', 'build', 'retry') -%}
    {{ return('') }}
  {%- endif -%}
  {%- do steadyflow._check_spark_strategy_overrides() -%}
  {%- set macro_name = 'get_incremental_replace_window_sql' -%}
  {%- set root_macros = context.get(project_name) -%}
  {%- if root_macros is not none and root_macros.get(macro_name) is not none -%}
    {{ return('') }}
  {%- endif -%}
  {%- set models = steadyflow._selected_replace_window_models() | map(attribute='name') | list -%}
  {%- if models -%}
    {%- set wrapper = '{% macro ' ~ macro_name ~ '(arg_dict) %}{{ return(steadyflow.' ~ macro_name
          ~ '(arg_dict)) }}{% endmacro %}' -%}
    {{ exceptions.raise_compiler_error("steadyflow: " ~ ("model " if models | length == 1 else "models ")
        ~ models | join(', ') ~ (" uses" if models | length == 1 else " use")
        ~ " incremental_strategy='replace_window', but the root project '" ~ project_name
        ~ "' does not define the macro " ~ macro_name ~ " (dbt looks strategy macros up in the root project only;"
        ~ " without it the first run builds the table and every later run fails). To fix it, add this file to the"
        ~ " root project: macros/" ~ macro_name ~ ".sql\n" ~ wrapper) }}
  {%- endif -%}
  {{ return('') }}
{% endmacro %}
