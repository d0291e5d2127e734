{#- The comparison behind row_count_guard (compare_model) and parity_guard: one aggregate per group on each
    side, stacked with `union all` and grouped once more, so each table is read once and no join is needed.
    Grouping treats null keys as equal on every warehouse, and a group seen on one side only is a mismatch.

    Output, one row per mismatched group: the group keys, model_value, compare_value, difference, diff_percent
    (100 * |model - compare| / |compare|; null when unbounded: compare is 0 or the group is one-sided) and
    reason ("missing in model" / "missing in compare_model" / "values differ").
    Standard SQL on every adapter (a guard is overridden whole, through its default__test_<guard>). -#}

{% macro _guard_compare_aggregates(model, model_expression, compare_model, compare_expression, group_by, compare_group_by, compare_where, tolerance_percent) %}
{%- set aliases = steadyflow._guard_group_aliases(group_by) -%}
with model_side as (
    select
        {%- for expression in group_by %}
        {{ expression }} as {{ aliases[loop.index0] }},
        {%- endfor %}
        {{ model_expression }} as side_value
    from {{ model }}
    {%- if group_by %}
    group by {% for expression in group_by %}{{ loop.index }}{{ ", " if not loop.last }}{% endfor %}
    {%- endif %}
),

compare_side as (
    select
        {%- for expression in compare_group_by %}
        {{ expression }} as {{ aliases[loop.index0] }},
        {%- endfor %}
        {{ compare_expression }} as side_value
    from {{ compare_model }}
    {%- if compare_where %}
    where {{ compare_where }}
    {%- endif %}
    {%- if compare_group_by %}
    group by {% for expression in compare_group_by %}{{ loop.index }}{{ ", " if not loop.last }}{% endfor %}
    {%- endif %}
),

stacked as (
    select {% for alias in aliases %}{{ alias }}, {% endfor %}side_value, 1 as from_model
    from model_side
    union all
    select {% for alias in aliases %}{{ alias }}, {% endfor %}side_value, 0 as from_model
    from compare_side
),

compared as (
    select
        {%- for alias in aliases %}
        {{ alias }},
        {%- endfor %}
        coalesce(sum(case when from_model = 1 then side_value end), 0) as model_value,
        coalesce(sum(case when from_model = 0 then side_value end), 0) as compare_value,
        max(from_model) as in_model,
        1 - min(from_model) as in_compare
    from stacked
    {%- if aliases %}
    group by {% for alias in aliases %}{{ alias }}{{ ", " if not loop.last }}{% endfor %}
    {%- endif %}
)

select
    {%- for alias in aliases %}
    {{ alias }},
    {%- endfor %}
    model_value,
    compare_value,
    model_value - compare_value as difference,
    case
        when in_model = 1 and in_compare = 1 and compare_value <> 0
            then 100.0 * abs(model_value - compare_value) / abs(compare_value)
    end as diff_percent,
    case
        when in_model = 0 then 'missing in model'
        when in_compare = 0 then 'missing in compare_model'
        else 'values differ'
    end as reason
from compared
where
    in_model = 0
    or in_compare = 0
    or (compare_value = 0 and model_value <> 0)
    or abs(model_value - compare_value) * 100 > {{ tolerance_percent }} * abs(compare_value)
{% endmacro %}
