{#-
  Incremental strategy `replace_window`; see incremental.yml. A consuming project enables it with a
  one-line wrapper in its own macros/ (dbt looks strategy macros up in the root project only):
    {% macro get_incremental_replace_window_sql(arg_dict) %}
      {{ return(steadyflow.get_incremental_replace_window_sql(arg_dict)) }}
    {% endmacro %}
  (steadyflow.check_replace_window_wrapper, the package's on-run-start hook, says so on the first run.)
-#}
{% macro get_incremental_replace_window_sql(arg_dict) %}
  {{ return(adapter.dispatch('get_incremental_replace_window_sql', 'steadyflow')(arg_dict)) }}
{% endmacro %}

{% macro default__get_incremental_replace_window_sql(arg_dict) %}
  {%- set who = 'steadyflow.replace_window' -%}
  {%- if flags.EMPTY -%}
    {#- dbt build --empty: the model's rows are an empty stand-in; replacing a window with them would delete it.
        The existing table is left exactly as it is. -#}
    {{ return(steadyflow._replace_window_noop_sql()) }}
  {%- endif -%}
  {%- if arg_dict.get('incremental_predicates') -%}
    {{ exceptions.raise_compiler_error(who ~ ": the window is the predicate; remove incremental_predicates, got '"
        ~ arg_dict['incremental_predicates'] ~ "'") }}
  {%- endif -%}
  {%- set window = steadyflow._replace_window_bounds() -%}
  {%- do steadyflow._target_has_column(arg_dict['target_relation'], window.column, who, arg_dict['dest_columns'],
                                       window.column_setting) -%}
  {{ return(steadyflow.replace_window_sql(arg_dict['target_relation'], arg_dict['temp_relation'], window.column,
                                          window.start_sql, window.end_sql, arg_dict['dest_columns'])) }}
{% endmacro %}

{#- The statement the strategy runs under --empty: touches no table. -#}
{% macro _replace_window_noop_sql() %}
  {{ return("select 1 as steadyflow_empty_build_leaves_the_table_unchanged") }}
{% endmacro %}
