{#- The comparison's SQL for a plan of _compare_plan (none at parse time: the output columns, no rows; "unread"
    when a relation has no columns yet: no rows either, but both relations are named, so a missing one fails).

    Cost: each side is read once by the comparison; the two sides are joined once (a full outer join on the
    key), whatever the number of columns. Each joined row carries one 0/1 flag per column, one aggregate pass
    sums them, and a cross join with a values list turns the one totals row into one row per column (no union
    per column, no join per column). The key is checked in that same pass (compare_key_repeated: each side's
    row count, a `count(*)` DuckDB answers from its table statistics, against the joined rows holding that
    side, and the keys found on one side only, distinct); only when a key is repeated is each side's key
    grouped, to name the duplicates and their row counts. -#}
{% macro _compare_sql(a, b, plan) %}
{%- set text = dbt.type_string() -%}
{%- set number = dbt.type_bigint() -%}
{%- if plan is none or plan.get("unread") -%}
select
    cast(null as {{ text }}) as row_kind, cast(null as {{ number }}) as column_position,
    cast(null as {{ text }}) as column_name, cast(null as {{ number }}) as rows_only_in_a,
    cast(null as {{ number }}) as rows_only_in_b, cast(null as {{ number }}) as rows_differing,
    cast(null as {{ number }}) as rows_matching, cast(null as {{ number }}) as failing_rows,
    cast(null as {{ dbt.type_float() }}) as failing_percent, cast(null as {{ text }}) as detail
{%- if plan is not none %}
from (select 1 as one from {{ a }} where 1 = 0) as compare_a
cross join (select 1 as one from {{ b }} where 1 = 0) as compare_b
{%- endif %}
where 1 = 0
{%- else -%}
{%- set keys = plan["keys"] | map("string") | list -%}
{%- set columns = plan["columns"] -%}
{%- set quoted_keys = [] -%}{%- for k in keys -%}{%- do quoted_keys.append(adapter.quote(k)) -%}{%- endfor -%}
{%- set key_shown = quoted_keys[0] if keys | length == 1 else "(" ~ keys | join(", ") ~ ")" -%}
{%- set a_name = steadyflow._tested_model_name(a) -%}
{%- set b_name = steadyflow._tested_model_name(b) -%}
{%- set key_row_a, key_row_b = [], [] -%}
{%- for k in quoted_keys -%}
{%- do key_row_a.append("compare_key_a_" ~ loop.index) -%}{%- do key_row_b.append("compare_key_b_" ~ loop.index) -%}
{%- endfor -%}
with

compare_a as (
    select
        {%- for k in quoted_keys %}
        {{ k }},
        {%- endfor %}
        {%- for c in columns if c.in_a %}
        {{ adapter.quote(c.name) }},
        {%- endfor %}
        1 as compare_in_a
    from {{ a }}
),

compare_b as (
    select
        {%- for k in quoted_keys %}
        {{ k }},
        {%- endfor %}
        {%- for c in columns if c.in_b %}
        {{ adapter.quote(c.name) }},
        {%- endfor %}
        1 as compare_in_b
    from {{ b }}
),

compare_joined as (
    select
        compare_a.compare_in_a,
        compare_b.compare_in_b,
        {%- for k in quoted_keys %}
        compare_a.{{ k }} as compare_key_a_{{ loop.index }},
        compare_b.{{ k }} as compare_key_b_{{ loop.index }}{{ "," if not loop.last }}
        {%- endfor %}
        {%- for c in columns %},
        case
            when compare_a.compare_in_a is null or compare_b.compare_in_b is null then null
            {% if c.in_a and c.in_b and not c.kinds_differ -%}
            when {{ steadyflow._compare_equal(c.name, c.tolerance) }} then 0
            {% endif -%}
            else 1
        end as compare_differs_{{ loop.index }}
        {%- endfor %}
    from compare_a
    full outer join compare_b
        on {% for k in quoted_keys %}compare_a.{{ k }} = compare_b.{{ k }}{{ " and " if not loop.last }}{% endfor %}
),

compare_totals as (
    select
        count(case when compare_in_b is null then 1 end) as only_in_a,
        count(case when compare_in_a is null then 1 end) as only_in_b,
        count(case when compare_in_a = 1 and compare_in_b = 1 then 1 end) as in_both,
        count(compare_in_a) as joined_a,
        (select count(*) from {{ a }}) as rows_a,
        count(compare_in_b) as joined_b,
        (select count(*) from {{ b }}) as rows_b,
        {{ steadyflow._compare_distinct_count(key_row_a, "compare_in_b is null") }} as keys_only_in_a,
        {{ steadyflow._compare_distinct_count(key_row_b, "compare_in_a is null") }} as keys_only_in_b
        {%- for c in columns %},
        coalesce(sum(compare_differs_{{ loop.index }}), 0) as differs_{{ loop.index }}
        {%- endfor %},
        count(case when {% for c in columns %}compare_differs_{{ loop.index }} = 1{{ " or " if not loop.last }}{% else %}1 = 0{% endfor %} then 1 end) as differs_any
    from compare_joined
),

{# the key, checked within the join: with no duplicated key, each row of a (and of b) is in exactly one joined
    row, and the keys found on one side only are distinct (a null key never joins) -#}
compare_key_repeated as (
    select 1 as repeated
    from compare_totals
    where joined_a <> rows_a
        or joined_b <> rows_b
        or keys_only_in_a <> only_in_a
        or keys_only_in_b <> only_in_b
),

{# only when compare_key_repeated found one: each side's key counted per value, to name the duplicates -#}
compare_duplicates as (
    {%- for side, relation, name in [["a", a, a_name], ["b", b, b_name]] %}
    select
        {% if keys | length == 1 -%}
        '{{ keys[0] }} = ' || coalesce(cast({{ quoted_keys[0] }} as {{ text }}), 'null')
        {%- else -%}
        '({{ keys | join(", ") }}) = ('
        {%- for k in quoted_keys %} || coalesce(cast({{ k }} as {{ text }}), 'null'){{ " || ', '" if not loop.last }}{% endfor %} || ')'
        {%- endif %}
        || ' appears ' || cast(key_rows as {{ text }}) || ' times in {{ side }} ({{ name }})' as detail,
        key_rows,
        side_rows
    from (
        {#- side_rows: all rows of this side (the window runs before the filter below) -#}
        select {{ quoted_keys | join(", ") }}, count(*) as key_rows, sum(count(*)) over () as side_rows
        from {{ relation }}
        where exists (select 1 from compare_key_repeated)
        group by {{ quoted_keys | join(", ") }}
    ) as compare_keys_{{ side }}
    where key_rows > 1
    {{ "union all" if loop.first }}
    {%- endfor %}
),

compare_rows as (
    select
        compare_columns.column_position,
        compare_columns.row_kind,
        compare_columns.column_name,
        compare_totals.only_in_a,
        compare_totals.only_in_b,
        compare_totals.in_both,
        case compare_columns.column_position
            {%- for c in columns %}
            when {{ loop.index }} then compare_totals.differs_{{ loop.index }}
            {%- endfor %}
            else compare_totals.differs_any
        end as differing,
        compare_columns.detail
    from compare_totals
    cross join (
        values
        {%- for c in columns %}
        ({{ loop.index }}, 'column', '{{ c.name | replace("'", "''") }}', '{{ steadyflow._compare_column_detail(c) }}'),
        {%- endfor %}
        ({{ columns | length + 1 }}, 'all_columns', '(all columns)', 'rows differing in any column')
    ) as compare_columns (column_position, row_kind, column_name, detail)
)

select
    cast(row_kind as {{ text }}) as row_kind,
    cast(column_position as {{ number }}) as column_position,
    cast(column_name as {{ text }}) as column_name,
    cast(only_in_a as {{ number }}) as rows_only_in_a,
    cast(only_in_b as {{ number }}) as rows_only_in_b,
    cast(differing as {{ number }}) as rows_differing,
    cast(in_both - differing as {{ number }}) as rows_matching,
    cast(only_in_a + only_in_b + differing as {{ number }}) as failing_rows,
    cast(100.0 * (only_in_a + only_in_b + differing) / nullif(only_in_a + only_in_b + in_both, 0) as {{ dbt.type_float() }}) as failing_percent,
    cast(detail as {{ text }}) as detail
from compare_rows
where not exists (select 1 from compare_duplicates)

union all

select
    cast('duplicate_key' as {{ text }}) as row_kind,
    cast(0 as {{ number }}) as column_position,
    cast('{{ keys | join(", ") }}' as {{ text }}) as column_name,
    cast(null as {{ number }}) as rows_only_in_a,
    cast(null as {{ number }}) as rows_only_in_b,
    cast(null as {{ number }}) as rows_differing,
    cast(null as {{ number }}) as rows_matching,
    cast(key_rows as {{ number }}) as failing_rows,
    cast(100.0 * key_rows / side_rows as {{ dbt.type_float() }}) as failing_percent,
    cast(detail as {{ text }}) as detail
from compare_duplicates

order by column_position, detail
{%- endif %}
{% endmacro %}


{% macro _compare_column_detail(column) %}
    {%- if not column.in_b -%}{{ return("column missing from b") }}{%- endif -%}
    {%- if not column.in_a -%}{{ return("column missing from a") }}{%- endif -%}
    {%- if column.kinds_differ -%}
        {{ return("types differ: " ~ column.types | join(" vs ") ~ " (" ~ column.kinds | join(" vs ") ~ ": every shared row counted as differing)") }}
    {%- endif -%}
    {%- set compared = "exact" if column.tolerance is none else column.tolerance.kind ~ " tolerance " ~ column.tolerance.amount -%}
    {%- if column.types -%}
        {{ return("types differ: " ~ column.types | join(" vs ") ~ ("" if column.tolerance is none else "; " ~ compared)) }}
    {%- endif -%}
    {{ return(compared) }}
{% endmacro %}
