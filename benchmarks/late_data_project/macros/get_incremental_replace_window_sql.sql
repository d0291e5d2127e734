{#- dbt looks strategy macros up in the root project only: the one-line wrapper steadyflow documents. -#}
{% macro get_incremental_replace_window_sql(arg_dict) %}{{ return(steadyflow.get_incremental_replace_window_sql(arg_dict)) }}{% endmacro %}
