{#- Hand-written comparisons for volume_drop_guard, as dbt tests so they pay the same per-test overhead. -#}

{% test count_per_day_floor(model, event_time) %}
{#- the floor: rows per day over the timestamp column alone, the least work any volume check does -#}
select date_trunc('day', {{ event_time }}) as bucket, count(*) as row_count
from {{ model }}
group by 1
{% endtest %}


{% test all_columns_baseline(model, event_time) %}
{#- what the anchor (elementary's volume_anomalies) reads: the monitored table with every column, then rows per
    day, then the newest day against the mean and standard deviation of the days before (3 sigma). DuckDB prunes
    an unused `select *` (and turns count(row) into count(*)), so a hash of the whole row, in a filter that keeps
    every row, makes it read all 20 columns as a warehouse scanning `select *` does. -#}
with buckets as (
    select date_trunc('day', monitored.{{ event_time }}) as bucket, count(*) as row_count
    from {{ model }} as monitored
    where hash(monitored) is not null
    group by 1
),

training as (
    select avg(row_count) as mean_count, stddev_samp(row_count) as stddev_count
    from buckets
    where bucket < (select max(bucket) from buckets)
)

select buckets.bucket, buckets.row_count, training.mean_count, training.stddev_count
from buckets
cross join training
where buckets.bucket = (select max(bucket) from buckets)
    and abs(buckets.row_count - training.mean_count) > 3 * training.stddev_count
{% endtest %}
