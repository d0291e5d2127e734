{#- Part of check_replace_window_wrapper (on-run-start), on Spark only: a selected replace_window model needs the
    root project's two overrides of dbt-spark's strategy macros (spark_incremental_strategy.sql); without them
    dbt-spark refuses the strategy name. Stops the run before anything is built, printing the file to add. -#}
{% macro _check_spark_strategy_overrides() %}
  {%- if target.type != 'spark' -%}
    {{ return(none) }}
  {%- endif -%}
  {%- set root_macros = context.get(project_name) or {} -%}
  {%- set names = ['dbt_spark_validate_get_incremental_strategy', 'dbt_spark_get_incremental_sql'] -%}
  {%- set missing = [] -%}
  {%- for name in names if root_macros.get(name) is none -%}{%- do missing.append(name) -%}{%- endfor -%}
  {%- set models = steadyflow._selected_replace_window_models() | map(attribute='name') | list -%}
  {%- if missing and models -%}
    {%- set file -%}
{{ '{%' }} macro dbt_spark_validate_get_incremental_strategy(s, f) {{ '%}{{' }} return(steadyflow.spark_validate_incremental_strategy(s, f)) {{ '}}{%' }} endmacro {{ '%}' }}
{{ '{%' }} macro dbt_spark_get_incremental_sql(s, src, t, e, k, p) {{ '%}{{' }} return(steadyflow.spark_get_incremental_sql(s, src, t, e, k, p)) {{ '}}{%' }} endmacro {{ '%}' }}
    {%- endset -%}
    {{ exceptions.raise_compiler_error("steadyflow: " ~ ("model " if models | length == 1 else "models ")
        ~ models | join(', ') ~ (" uses" if models | length == 1 else " use")
        ~ " incremental_strategy='replace_window' on Spark, but the root project '" ~ project_name
        ~ "' does not define " ~ missing | join(' and ') ~ " (dbt-spark accepts only its own strategy names, and"
        ~ " only the root project can override its macros). To fix it, add this file to the root project:"
        ~ " macros/steadyflow_spark.sql\n" ~ file) }}
  {%- endif -%}
{% endmacro %}
