"""What cannot work on Spark's Parquet tables, with the exact error a user gets (listed in docs/spark.md):
the row-level strategies (merge, delete+insert), a row delete, and Delta's `replace where`."""

from __future__ import annotations

import pytest

from tests.support.dbt import DbtProject, query


def test_the_row_level_strategies_are_refused_by_dbt_spark(spark: DbtProject) -> None:
    res = spark.dbt("run", "-s", "orders_merge", expect=False)
    assert "Invalid incremental strategy provided: merge" in res.text
    assert "You can only choose this strategy when file_format is set to 'delta' or 'iceberg' or 'hudi'" in res.text
    res = spark.dbt("run", "-s", "orders_delete_insert", expect=False)
    assert "Invalid incremental strategy provided: delete+insert" in res.text
    assert "Expected one of: 'append', 'merge', 'insert_overwrite', 'microbatch'" in res.text


def test_row_deletes_and_replace_where_are_refused_by_parquet_tables(spark: DbtProject) -> None:
    spark.dbt("run", "-s", "guards_orders")  # creates the landing tables too
    with pytest.raises(Exception, match=r"UNSUPPORTED_FEATURE.TABLE_OPERATION") as deleted:
        query(spark, "delete from raw_orders where order_id = 1")
    assert "does not support DELETE." in str(deleted.value)
    with pytest.raises(Exception, match=r"UNSUPPORTED_FEATURE.TABLE_OPERATION") as replaced:
        query(spark, "insert into raw_orders replace where order_id = 1 select * from raw_orders where order_id = 1")
    assert "does not support INSERT INTO ... REPLACE WHERE." in str(replaced.value)
