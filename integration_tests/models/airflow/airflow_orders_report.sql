select
    order_date,
    count(*) as orders,
    sum(amount) as amount
from {{ source('airflow_raw', 'airflow_raw_orders') }}
group by order_date
