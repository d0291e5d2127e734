{#- The table steadyflow_compact works on, as a Relation that exists in the warehouse:
      `name`                  a model, seed or snapshot of the project (the root project's first, like ref),
                              else a table of that name in the target schema;
      `schema.table`          in the target database;
      `database.schema.table`
    Raises a compiler error naming `name` when it resolves to nothing, to several nodes, or to a view; `who` and
    `verb` word it for the caller (steadyflow.purge uses it too). -#}
{% macro _compact_resolve_relation(name, who="steadyflow_compact", verb="compacted") %}
    {%- set parts = name.split(".") -%}
    {%- set found = none -%}
    {%- if parts | length == 1 -%}
        {%- set nodes = graph.nodes.values()
              | selectattr("resource_type", "in", ["model", "seed", "snapshot"])
              | selectattr("name", "equalto", name) | list -%}
        {%- set own = nodes | selectattr("package_name", "equalto", project_name) | list -%}
        {%- set candidates = own if own else nodes -%}
        {%- if candidates | length > 1 -%}
            {{ exceptions.raise_compiler_error(
                who ~ ": relation '" ~ name ~ "' names " ~ candidates | length ~ " nodes ("
                ~ (candidates | map(attribute="unique_id") | sort | join(", ")) ~ "); use schema.table") }}
        {%- endif -%}
        {%- if candidates -%}
            {%- set node = candidates[0] -%}
            {%- set where = node.resource_type ~ " " ~ node.unique_id -%}
            {%- set found = adapter.get_relation(database=node.database, schema=node.schema,
                                                  identifier=node.alias or node.name) -%}
            {%- set looked = node.database ~ "." ~ node.schema ~ "." ~ (node.alias or node.name) -%}
        {%- else -%}
            {%- set where = "no model, seed or snapshot of that name; table in the target schema" -%}
            {%- set found = adapter.get_relation(database=target.database, schema=target.schema, identifier=name) -%}
            {%- set looked = target.database ~ "." ~ target.schema ~ "." ~ name -%}
        {%- endif -%}
    {%- else -%}
        {%- set database = parts[0] if parts | length == 3 else target.database -%}
        {%- set where = "table" -%}
        {%- set found = adapter.get_relation(database=database, schema=parts[-2], identifier=parts[-1]) -%}
        {%- set looked = database ~ "." ~ parts[-2] ~ "." ~ parts[-1] -%}
    {%- endif -%}
    {%- if found is none -%}
        {{ exceptions.raise_compiler_error(
            who ~ ": relation '" ~ name ~ "' not found: no table " ~ looked ~ " in the warehouse ("
            ~ where ~ "); build it first or fix the name") }}
    {%- endif -%}
    {%- if not found.is_table -%}
        {{ exceptions.raise_compiler_error(
            who ~ ": relation '" ~ name ~ "' is a " ~ found.type ~ " (" ~ found ~ "), not a table; only tables are " ~ verb) }}
    {%- endif -%}
    {{ return(found) }}
{% endmacro %}
