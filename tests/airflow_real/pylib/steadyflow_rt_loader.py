"""The ingest callable of the real-Airflow tests: read a connection, land orders in the PostgreSQL warehouse.

Imported by the worker when the task runs (never at parse time); the warehouse comes from the STEADYFLOW_PG_*
and STEADYFLOW_SCHEMA variables the test cluster sets, the connection from the secrets backend."""

import datetime
import hashlib
import os

import psycopg2
from airflow.sdk import BaseHook


def land_orders(source_conn_id, rows):
    conn = BaseHook.get_connection(source_conn_id)
    fingerprint = hashlib.sha256(conn.password.encode()).hexdigest()
    schema = os.environ["STEADYFLOW_SCHEMA"]
    db = psycopg2.connect(
        host=os.environ["STEADYFLOW_PG_HOST"],
        port=int(os.environ["STEADYFLOW_PG_PORT"]),
        user=os.environ["STEADYFLOW_PG_USER"],
        dbname=os.environ["STEADYFLOW_PG_DBNAME"],
    )
    try:
        with db, db.cursor() as cur:
            cur.execute(f'create schema if not exists "{schema}"')
            cur.execute(f'drop table if exists "{schema}".airflow_raw_orders')
            cur.execute(f'create table "{schema}".airflow_raw_orders (order_id int, order_date date, amount float)')
            first = datetime.date(2024, 1, 1)
            cur.executemany(
                f'insert into "{schema}".airflow_raw_orders values (%s, %s, %s)',
                [(i, first + datetime.timedelta(days=i % 3), 10.0 * i) for i in range(1, rows + 1)],
            )
            cur.execute(f'drop table if exists "{schema}".airflow_source_check')
            cur.execute(
                f'create table "{schema}".airflow_source_check as '
                "select %s::text as login, %s::text as password_sha256",
                (conn.login, fingerprint),
            )
    finally:
        db.close()
    return {"rows": rows, "login": conn.login}
