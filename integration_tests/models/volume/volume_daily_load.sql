-- A table rebuilt whole on every run, with no event time: the kind of table history mode watches. Its size is the
-- var volume_daily_rows (default 100), so tests/volume/test_row_count_history.py can play a partial load.
select n.row_number as id
from generate_series(1, {{ var("volume_daily_rows", 100) }}) as n (row_number)
