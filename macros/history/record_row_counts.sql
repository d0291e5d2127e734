{#- record_row_counts (on-run-end, run by the package): with the var steadyflow_row_count_history on, appends one
    row per table model the run built successfully (materialized table or incremental; not views, ephemerals or
    the history itself) to steadyflow_row_count_history: the model, its schema and table, the invocation id,
    recorded_at = steadyflow.now() (the package's one clock, so a replayed day records that day) and count(*).
    Nothing is recorded under --empty (every count would be 0), when no table was built, or when the history
    table does not exist yet (a warning says to build it: dbt run -s steadyflow_row_count_history).
    Returns the one `insert ... select` statement (counts stacked with union all), or "" for nothing. -#}

{% macro record_row_counts() %}
    {{ return(adapter.dispatch("record_row_counts", "steadyflow")()) }}
{% endmacro %}


{% macro default__record_row_counts() %}
{%- if not execute or flags.EMPTY or not steadyflow._row_count_history_on() -%}
    {{ return("") }}
{%- endif -%}
{%- set history_node = graph.nodes.get("model.steadyflow.steadyflow_row_count_history") -%}
{%- if history_node is none -%}
    {{ return("") }}
{%- endif -%}
{%- set built = [] -%}
{%- for result in results or [] -%}
    {%- set node = result.node -%}
    {%- if node.resource_type == "model" and result.status == "success"
          and node.config.materialized in ["table", "incremental"]
          and node.unique_id != history_node.unique_id -%}
        {%- do built.append(node) -%}
    {%- endif -%}
{%- endfor -%}
{%- if not built -%}
    {{ return("") }}
{%- endif -%}
{%- set history = adapter.get_relation(history_node.database, history_node.schema, history_node.alias) -%}
{%- if history is none -%}
    {{ exceptions.warn("steadyflow.record_row_counts: " ~ built | length ~ " table(s) not recorded: steadyflow_row_count_history does not exist yet; build it once: dbt run -s steadyflow_row_count_history") }}
    {{ return("") }}
{%- endif -%}
{%- set columns = steadyflow._row_count_history_columns() -%}
insert into {{ history }} ({{ columns.keys() | join(", ") }})
{% for node in built -%}
select
    cast({{ dbt.string_literal(node.name) }} as {{ columns.model_name }}),
    cast({{ dbt.string_literal(node.schema) }} as {{ columns.schema_name }}),
    cast({{ dbt.string_literal(node.alias) }} as {{ columns.table_name }}),
    cast({{ dbt.string_literal(invocation_id) }} as {{ columns.invocation_id }}),
    cast({{ steadyflow.timestamp_literal(steadyflow.now()) }} as {{ columns.recorded_at }}),
    cast(count(*) as {{ columns.row_count }})
from {{ api.Relation.create(database=node.database, schema=node.schema, identifier=node.alias) }}
{% if not loop.last %}union all
{% endif -%}
{%- endfor %}
{% endmacro %}
