{#- Argument checks of steadyflow_compact (the package's checks, macros/_arguments). Each raises a compiler error
    naming the argument and the value it got, before anything is looked up or run, so a typo in a DAG spec's
    operation_args fails loudly. -#}

{% macro _compact_arguments(relation, dry_run, zorder_by, extra) %}
    {#- Returns {'relation': str, 'dry_run': bool, 'zorder_by': [column, ...]}. -#}
    {%- if extra -%}
        {{ exceptions.raise_compiler_error(
            "steadyflow_compact: unknown argument(s) " ~ (extra.keys() | sort | join(", ")) ~ ", got "
            ~ (extra | tojson) ~ " (accepted: relation, dry_run, zorder_by)") }}
    {%- endif -%}
    {%- set name_part = "[A-Za-z_][A-Za-z0-9_$]*" -%}
    {%- if relation is not string
          or not modules.re.fullmatch(name_part ~ "(\\." ~ name_part ~ "){0,2}", relation) -%}
        {{ steadyflow._argument_error("steadyflow_compact", "relation", relation,
            "must be a model, seed or snapshot name, a table in the target schema, schema.table or database.schema.table") }}
    {%- endif -%}
    {%- do steadyflow._check_boolean("steadyflow_compact", "dry_run", dry_run) -%}
    {%- set columns = steadyflow._check_string_list("steadyflow_compact", "zorder_by", zorder_by,
          "must be a column name, \"col_a, col_b\" or a list of column names", "must list plain column names",
          separator=",", item_pattern=name_part) -%}
    {{ return({'relation': relation, 'dry_run': dry_run, 'zorder_by': columns}) }}
{% endmacro %}
