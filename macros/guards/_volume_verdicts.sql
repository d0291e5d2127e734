{#- volume_drop_guard's rule, on the buckets of _volume_buckets (bucket 1 = the newest complete one):

    1. judged buckets: settle + 1 .. settle + judge, and any empty bucket among 1 .. settle (nothing arriving is
       never late data);
    2. the baseline of bucket b: buckets b + 1 .. b + baseline (never b itself), with seasonality weekday only
       those of b's season (same weekday; same weekday and hour for hourly buckets);
    3. first pass: every bucket that can sit in a judged bucket's baseline (2 .. settle + judge + baseline) is
       compared with the median of its own full baseline (step 2); those that breach are left out;
    4. second pass: each judged bucket is compared with the median of its baseline minus the buckets left out in
       step 3 (one level: no recursion, two grouped self-joins of at most span buckets per group); a bucket whose
       whole baseline was left out is not judged;
    5. breach: row_count below the median by more than max_drop_percent (a median of 0 cannot drop), or, with
       max_rise_percent, above it by more than max_rise_percent (any row against a median of 0 is a rise).
    Output: one row per breaching bucket (and group). The median is percentile_cont(0.5) within group, which
    DuckDB and PostgreSQL both read. -#}

{% macro _volume_breach(row_count, median, settings) %}
    {%- set drop = "(" ~ median ~ " > 0 and (" ~ median ~ " - " ~ row_count ~ ") * 100 > " ~ settings.max_drop_percent ~ " * " ~ median ~ ")" -%}
    {%- if settings.max_rise_percent is none -%}{{ return(drop) }}{%- endif -%}
    {{ return("(" ~ drop ~ " or (" ~ row_count ~ " > " ~ median ~ " and (" ~ row_count ~ " - " ~ median ~ ") * 100 > " ~ settings.max_rise_percent ~ " * " ~ median ~ "))") }}
{% endmacro %}


{% macro _volume_baseline_join(bucket, settings) %}
    {#- the join condition of base (a baseline bucket) to `bucket` -#}
    base.group_id = {{ bucket }}.group_id
        and base.bucket_index > {{ bucket }}.bucket_index
        and base.bucket_index <= {{ bucket }}.bucket_index + {{ settings.baseline }}
        {%- if settings.seasonality == "weekday" %}
        and base.season = {{ bucket }}.season
        {%- endif %}
{% endmacro %}


{% macro _volume_verdicts(settings, aliases) %}
first_pass as (
    select
        candidate.group_id,
        candidate.bucket_index,
        candidate.row_count,
        percentile_cont(0.5) within group (order by base.row_count) as baseline_median
    from buckets as candidate
    inner join buckets as base
        on {{ steadyflow._volume_baseline_join("candidate", settings) }}
    where candidate.bucket_index between 2 and {{ settings.settle + settings.judge + settings.baseline }}
    group by candidate.group_id, candidate.bucket_index, candidate.row_count
),

left_out as (
    select group_id, bucket_index
    from first_pass
    where {{ steadyflow._volume_breach("row_count", "baseline_median", settings) }}
),

judged as (
    select *
    from buckets
    where
        bucket_index between {{ settings.settle + 1 }} and {{ settings.settle + settings.judge }}
        or (bucket_index <= {{ settings.settle }} and row_count = 0)
),

second_pass as (
    select
        judged.group_id,
        {%- for alias in aliases %}
        judged.{{ alias }},
        {%- endfor %}
        judged.bucket_start,
        judged.row_count,
        percentile_cont(0.5) within group (order by base.row_count) as baseline_median,
        count(*) as baseline_buckets
    from judged
    inner join buckets as base
        on {{ steadyflow._volume_baseline_join("judged", settings) }}
    left join left_out
        on left_out.group_id = base.group_id
        and left_out.bucket_index = base.bucket_index
    where left_out.bucket_index is null
    group by judged.group_id,{% for alias in aliases %} judged.{{ alias }},{% endfor %} judged.bucket_index, judged.bucket_start, judged.row_count
),

verdicts as (
    select
        second_pass.*,
        case when {{ steadyflow._volume_breach("row_count", "baseline_median", settings) }} then 1 else 0 end as breaching
    from second_pass
),

counted_verdicts as (
    select
        verdicts.*,
        sum(breaching) over () as breaching_buckets,
        count(*) over () as judged_buckets
    from verdicts
)

select
    {%- for alias in aliases %}
    {{ alias }},
    {%- endfor %}
    bucket_start,
    row_count,
    baseline_median,
    baseline_buckets,
    case when baseline_median > 0 then 100.0 * (row_count - baseline_median) / baseline_median end as change_percent,
    case
        when row_count = 0 then 'empty'
        when row_count < baseline_median then 'drop'
        else 'rise'
    end as reason,
    breaching_buckets,
    judged_buckets,
    100.0 * breaching_buckets / judged_buckets as breaching_percent
from counted_verdicts
where breaching = 1
{% endmacro %}
