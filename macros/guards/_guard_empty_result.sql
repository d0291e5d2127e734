{#- Under `dbt build --empty` every ref is an empty subquery, so nothing can be counted or dated. Guards that
    would fail on zero rows (row counts, recency) return this instead: the guard's own output columns, no rows,
    and no table read. `columns` maps output column -> SQL type ("number" or "text"). -#}

{% macro _guard_empty_result(columns) %}
select
    {%- for name, kind in columns.items() %}
    cast(null as {{ dbt.type_numeric() if kind == "number" else dbt.type_string() }}) as {{ name }}{{ "," if not loop.last }}
    {%- endfor %}
where 1 = 0
{% endmacro %}
