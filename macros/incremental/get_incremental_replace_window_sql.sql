{#-
  Incremental strategy `replace_window`; see incremental.yml. A consuming project enables it with a
  one-line wrapper in its own macros/ (dbt looks strategy macros up in the root project only):
    {% macro get_incremental_replace_window_sql(arg_dict) %}
      {{ return(steadyflow.get_incremental_replace_window_sql(arg_dict)) }}
    {% endmacro %}
-#}
{% macro get_incremental_replace_window_sql(arg_dict) %}
  {{ return(adapter.dispatch('get_incremental_replace_window_sql', 'steadyflow')(arg_dict)) }}
{% endmacro %}

{% macro default__get_incremental_replace_window_sql(arg_dict) %}
  {%- set who = 'steadyflow.replace_window' -%}
  {%- if arg_dict.get('incremental_predicates') -%}
    {{ exceptions.raise_compiler_error(who ~ ": the window is the predicate; remove incremental_predicates, got '"
        ~ arg_dict['incremental_predicates'] ~ "'") }}
  {%- endif -%}
  {%- set window = steadyflow.replace_window_bounds() -%}
  {{ return(steadyflow.replace_window_sql(arg_dict['target_relation'], arg_dict['temp_relation'], window.column,
                                          window.start_sql, window.end_sql, arg_dict['dest_columns'])) }}
{% endmacro %}
