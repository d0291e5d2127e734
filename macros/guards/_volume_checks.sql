{#- volume_drop_guard's run-time checks of what it reads (execute only, never under --empty), so a guard that could
    never judge, or whose SQL would fail with a warehouse's raw message, stops with a steadyflow error instead:
      mode history: the tested model must be a table or incremental model (only those are recorded: a view would
      pass forever with nothing to judge), and steadyflow_row_count_history must exist;
      group_by: every entry that is a plain column name must be a column of the tested model (an expression such
      as lower(region) is left to the warehouse). -#}

{% macro _volume_check_reads(model, settings) %}
{%- if not execute or flags.EMPTY -%}{{ return(none) }}{%- endif -%}
{%- set guard = "volume_drop_guard" -%}
{%- set name = steadyflow._tested_model_name(model) -%}
{%- if settings.mode == "history" and not steadyflow._row_count_history_on() -%}
    {#- the var is off: _volume_history_buckets says so first -#}
{%- elif settings.mode == "history" -%}
    {%- set materialized = steadyflow._volume_materialized(model, name) -%}
    {%- if materialized not in ["table", "incremental"] -%}
        {{ steadyflow._argument_error(guard, "mode", "history", "needs a table or incremental model, but " ~ name ~ " is " ~ (("materialized " ~ materialized) if materialized else "not a model of this project") ~ ": only tables are recorded in steadyflow_row_count_history (views never are), so it would pass forever with nothing to judge; test the table it reads, or use mode event_time with an event_time column") }}
    {%- endif -%}
    {%- set history_node = graph.nodes.get("model.steadyflow.steadyflow_row_count_history") -%}
    {%- if history_node is none or adapter.get_relation(history_node.database, history_node.schema, history_node.alias) is none -%}
        {{ steadyflow._argument_error(guard, "mode", "history", "reads steadyflow_row_count_history, which does not exist yet (testing " ~ name ~ "): build it once with dbt run -s steadyflow_row_count_history") }}
    {%- endif -%}
{%- elif settings.group_by -%}
    {%- set columns = get_columns_in_query("select * from " ~ model) -%}
    {%- set known = columns | map("lower") | list -%}
    {%- for expression in settings.group_by -%}
        {%- set plain = modules.re.fullmatch('\\s*"?([A-Za-z_][A-Za-z0-9_$]*)"?\\s*', expression) -%}
        {%- if plain and plain.group(1) | lower not in known -%}
            {{ steadyflow._argument_error(guard, "group_by", expression, "names a column that " ~ name ~ " does not have (its columns: " ~ columns | join(", ") ~ ")") }}
        {%- endif -%}
    {%- endfor -%}
{%- endif -%}
{% endmacro %}


{% macro _volume_materialized(model, name) %}
    {#- the materialization of the tested model, found in the graph by its table name (and schema); "" when the
        tested relation is no model of the project (a source, a seed) -#}
    {%- for node in graph.nodes.values() -%}
        {%- if node.resource_type in ["model", "seed", "snapshot"] and (node.alias or node.name) | lower == name | lower
              and (model.schema is not defined or not model.schema or node.schema | lower == model.schema | lower) -%}
            {{ return(node.config.materialized if node.resource_type == "model" else node.resource_type) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return("") }}
{% endmacro %}
