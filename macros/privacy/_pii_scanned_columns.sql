{#- The columns no_raw_pii scans: `columns` when given (each must exist once the model is built), else every string or JSON column of
    the tested model. `model` is the relation, or with a `where` config "(select * from <relation> where ...)";
    the relation is read from it for the column lookup. -#}
{% macro _pii_scanned_columns(model, columns) %}
    {%- if model.identifier is defined and model.identifier -%}
        {%- set relation = model -%}
    {%- else -%}
        {%- set found = modules.re.search("from\\s+(\\S+)", model | string) -%}
        {%- set parts = found.group(1).split(".") | map("trim", '"`') | list if found else [] -%}
        {%- set relation = adapter.get_relation(database=parts[-3] if parts | length > 2 else target.database,
                                                schema=parts[-2] if parts | length > 1 else target.schema,
                                                identifier=parts[-1]) if parts else none -%}
        {%- if relation is none -%}
            {{ exceptions.raise_compiler_error("steadyflow.no_raw_pii: cannot find the tested relation in " ~ model ~ "; pass `columns`") }}
        {%- endif -%}
    {%- endif -%}
    {%- set available = adapter.get_columns_in_relation(relation) -%}
    {%- if columns and not available -%}
        {#- not built yet (dbt compile on a fresh warehouse): the query names the columns given -#}
        {{ return(columns) }}
    {%- elif columns -%}
        {%- set names = available | map(attribute="name") | map("lower") | list -%}
        {%- for column in columns -%}
            {%- if column | lower not in names -%}
                {{ steadyflow._argument_error("no_raw_pii", "columns", columns, "must name columns of " ~ relation.identifier
                    ~ " (it has " ~ (available | map(attribute="name") | join(", ")) ~ ")") }}
            {%- endif -%}
        {%- endfor -%}
        {{ return(columns) }}
    {%- endif -%}
    {%- set scanned = [] -%}
    {%- for column in available -%}
        {%- if column.is_string() or column.dtype | lower in ["json", "jsonb"] -%}
            {%- do scanned.append(column.name) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(scanned) }}
{% endmacro %}
