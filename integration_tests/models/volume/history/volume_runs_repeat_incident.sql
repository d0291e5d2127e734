-- A table whose row count history (30 recorded runs) tests/volume/test_volume_history_accuracy.py writes for the
-- scenario repeat_incident. The guard judges the live table as the newest run, so it holds that run's count (600 rows, as
-- runs_of("repeat_incident")[0] in tests/volume/support.py).
{{ config(materialized="table") }}
select n.row_number as id
from generate_series(1, 600) as n (row_number)
