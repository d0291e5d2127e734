"""steadyflow.hash_pii on Apache Spark (`make test-spark`): the same golden digests as on DuckDB and PostgreSQL
(tests/privacy/test_hash_pii.py), with the salt in the one-row table steadyflow_private.pii_salt, filled outside
dbt; a missing salt table stops the model with the error saying how to give it."""

from __future__ import annotations

from tests.privacy.support import SALT, digest
from tests.privacy.test_hash_pii import GOLDEN, MODELS, hashed_rows
from tests.support.dbt import DbtProject, query


def give_spark_salt(project: DbtProject) -> None:
    query(project, "create schema if not exists steadyflow_private")
    query(project, "drop table if exists steadyflow_private.pii_salt")
    query(project, "create table steadyflow_private.pii_salt (salt string) using parquet")
    query(project, f"insert into steadyflow_private.pii_salt values ('{SALT}')")


def test_hash_pii_gives_the_golden_digests_on_spark(spark: DbtProject) -> None:
    query(spark, "drop table if exists steadyflow_private.pii_salt")
    missing = spark.dbt("run", *MODELS, expect=False)
    assert "steadyflow.hash_pii: no PII salt: table steadyflow_private.pii_salt does not exist" in missing.text

    give_spark_salt(spark)
    spark.dbt("run", *MODELS)

    grace_email, grace_name = digest(SALT, "grace@example.org"), digest(SALT, "Grace Hopper")
    assert hashed_rows(spark) == [
        (1, GOLDEN["ada.lovelace@example.com"], GOLDEN["Ada Lovelace"], GOLDEN[" Ada Lovelace"]),
        (2, grace_email, grace_name, digest(SALT, "Grace Hopper  ")),
        (3, grace_email, grace_name, grace_name),
        (4, None, GOLDEN["José Müller"], GOLDEN["José Müller"]),
        (5, digest(SALT, "alan@example.net"), None, None),
    ]
