{#- Argument checks of steadyflow_compact. Each raises a compiler error naming the argument and the value it
    got, before anything is looked up or run, so a typo in a DAG spec's operation_args fails loudly. -#}

{% macro compact_fail(argument, value, expected) %}
    {{ exceptions.raise_compiler_error(
        "steadyflow_compact: argument `" ~ argument ~ "` " ~ expected ~ ", got " ~ (value | tojson if value is not none else "null")
    ) }}
{% endmacro %}


{% macro compact_arguments(relation, dry_run, zorder_by, extra) %}
    {#- Returns {'relation': str, 'dry_run': bool, 'zorder_by': [column, ...]}. -#}
    {%- if extra -%}
        {{ exceptions.raise_compiler_error(
            "steadyflow_compact: unknown argument(s) " ~ (extra.keys() | sort | join(", ")) ~ ", got "
            ~ (extra | tojson) ~ " (accepted: relation, dry_run, zorder_by)") }}
    {%- endif -%}
    {%- set name_part = "[A-Za-z_][A-Za-z0-9_$]*" -%}
    {%- if relation is not string
          or not modules.re.fullmatch(name_part ~ "(\\." ~ name_part ~ "){0,2}", relation) -%}
        {{ steadyflow.compact_fail("relation", relation,
            "must be a model, seed or snapshot name, a table in the target schema, schema.table or database.schema.table") }}
    {%- endif -%}
    {%- if dry_run is not boolean -%}
        {{ steadyflow.compact_fail("dry_run", dry_run, "must be true or false") }}
    {%- endif -%}
    {%- set columns = [] -%}
    {%- if zorder_by is not none -%}
        {%- set items = zorder_by.split(",") if zorder_by is string else zorder_by -%}
        {%- if items is string or items is mapping or items is not iterable or items | length == 0 -%}
            {{ steadyflow.compact_fail("zorder_by", zorder_by, "must be a column name, \"col_a, col_b\" or a list of column names") }}
        {%- endif -%}
        {%- for item in items -%}
            {%- if item is not string or not modules.re.fullmatch(name_part, item | trim) -%}
                {{ steadyflow.compact_fail("zorder_by", zorder_by, "must list plain column names") }}
            {%- endif -%}
            {%- do columns.append(item | trim) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return({'relation': relation, 'dry_run': dry_run, 'zorder_by': columns}) }}
{% endmacro %}
