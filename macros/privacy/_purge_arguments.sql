{#- Argument checks of steadyflow.purge (the package's checks, macros/_arguments), before anything is looked up
    or deleted. Returns {'relations': [name, ...], 'where': str, 'downstream': bool, 'dry_run': bool,
    'max_rows': int or none}. -#}
{% macro _purge_arguments(relations, where, downstream, dry_run, max_rows, extra) %}
    {%- if extra -%}
        {{ exceptions.raise_compiler_error(
            "steadyflow.purge: unknown argument(s) " ~ (extra.keys() | sort | join(", ")) ~ ", got "
            ~ (extra | tojson) ~ " (accepted: relations, where, downstream, dry_run, max_rows)") }}
    {%- endif -%}
    {%- do steadyflow._check_required("purge", "relations", relations) -%}
    {%- set name_part = "[A-Za-z_][A-Za-z0-9_$]*" -%}
    {%- set names = steadyflow._check_string_list("purge", "relations", relations,
          "must be a model, seed or snapshot name, schema.table, or a list of them",
          "must list model, seed or snapshot names, schema.table or database.schema.table",
          separator=",", item_pattern=name_part ~ "(\\." ~ name_part ~ "){0,2}") -%}
    {%- do steadyflow._check_required("purge", "where", where) -%}
    {%- if where is not string or ";" in where -%}
        {{ steadyflow._argument_error("purge", "where", where, "must be one SQL condition (no `;`), such as \"customer_id = 42\"") }}
    {%- endif -%}
    {%- do steadyflow._check_boolean("purge", "downstream", downstream) -%}
    {%- do steadyflow._check_boolean("purge", "dry_run", dry_run) -%}
    {%- do steadyflow._check_number("purge", "max_rows", max_rows, minimum=0, integer=true,
          hint="(the most rows the purge may delete in all tables together; null: no limit)") -%}
    {%- if downstream -%}
        {%- for name in names if "." in name -%}
            {{ steadyflow._argument_error("purge", "relations", relations,
                "with downstream: true must name models, seeds or snapshots (the manifest's graph starts there)") }}
        {%- endfor -%}
    {%- endif -%}
    {{ return({'relations': names, 'where': where, 'downstream': downstream, 'dry_run': dry_run, 'max_rows': max_rows}) }}
{% endmacro %}
