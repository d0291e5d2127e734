{#- Hand-written baselines, as dbt tests so they pay the same per-test overhead as the guards. -#}

{% test anti_join_floor(model, column_name, to, field) %}
{#- the floor for relationship checks: DuckDB's own anti join, the least work that finds orphan rows -#}
select child.{{ column_name }}
from {{ model }} as child
anti join {{ to }} as parent
    on child.{{ column_name }} = parent.{{ field }}
where child.{{ column_name }} is not null
{% endtest %}


{% test row_count_floor(model, compare_model) %}
{#- the floor for a row-count comparison: two counts -#}
select model_side.n_rows, compare_side.n_rows as compare_rows
from (select count(*) as n_rows from {{ model }}) as model_side
cross join (select count(*) as n_rows from {{ compare_model }}) as compare_side
where model_side.n_rows <> compare_side.n_rows
{% endtest %}


{% test row_count_per_group_floor(model, compare_model, group_by) %}
{#- the floor for a per-group row-count comparison: two group-bys and a null-safe full outer join -#}
with model_side as (
    select {{ group_by }} as group_key, count(*) as n_rows from {{ model }} group by 1
),
compare_side as (
    select {{ group_by }} as group_key, count(*) as n_rows from {{ compare_model }} group by 1
)
select *
from model_side
full outer join compare_side
    on model_side.group_key is not distinct from compare_side.group_key
where model_side.n_rows is distinct from compare_side.n_rows
{% endtest %}
