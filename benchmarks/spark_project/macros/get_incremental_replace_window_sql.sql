{% macro get_incremental_replace_window_sql(arg_dict) %}{{ return(steadyflow.get_incremental_replace_window_sql(arg_dict)) }}{% endmacro %}
