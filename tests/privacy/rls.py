"""PostgreSQL roles and readers for the row_filter tests: real non-superuser roles (superusers bypass row
security even under FORCE), a schema they can use, and queries run as one of them."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import psycopg2

from tests.support.dbt import DbtProject
from tests.support.postgres import PostgresCluster

ANALYST, ADMIN, OWNER = "sf_analyst_de", "sf_admin", "sf_owner"  # the roles privacy_sales_filtered names
DBT_IN_SEE_ALL = "sf_dbt"  # a non-superuser dbt role, member of the see_all role sf_admin
DBT_PLAIN = "sf_dbt_plain"  # a non-superuser dbt role that would be filtered: row_filter must refuse it
FIXTURES = {"steadyflow_row_filter_fixtures": True}


def superuser(cluster: PostgresCluster) -> Any:
    conn = psycopg2.connect(cluster.dsn())
    conn.autocommit = True
    return conn


def create_roles(cluster: PostgresCluster) -> None:
    conn = superuser(cluster)
    with conn.cursor() as cur:
        for role in (ANALYST, ADMIN, OWNER, DBT_IN_SEE_ALL, DBT_PLAIN):
            cur.execute("select 1 from pg_roles where rolname = %s", (role,))
            if not cur.fetchone():
                cur.execute(f'create role "{role}" login nosuperuser nobypassrls')
        cur.execute(f'grant "{ADMIN}" to "{DBT_IN_SEE_ALL}"')
        cur.execute(f'grant pg_checkpoint to "{DBT_IN_SEE_ALL}"')  # steadyflow.purge ends with CHECKPOINT
    conn.close()


def rls_project(cluster: PostgresCluster, work_dir: Path, dbt_role: str | None = None) -> DbtProject:
    """A fresh schema every role may use; dbt connects as `dbt_role` (default: the cluster's superuser)."""
    schema = f"rls_{uuid.uuid4().hex[:10]}"
    conn = superuser(cluster)
    with conn.cursor() as cur:
        cur.execute(f'create schema "{schema}"')
        cur.execute(f'grant usage on schema "{schema}" to {ANALYST}, {ADMIN}, {OWNER}')
        cur.execute(f'grant all on schema "{schema}" to {DBT_IN_SEE_ALL}, {DBT_PLAIN}')
        cur.execute(f'grant create on database "{cluster.dbname}" to {DBT_IN_SEE_ALL}, {DBT_PLAIN}')
    conn.close()
    env = cluster.env()
    if dbt_role:
        env["STEADYFLOW_PG_USER"] = dbt_role
    return DbtProject(work_dir=work_dir, target="postgres", extra_env=env, schema=schema)


def as_role(cluster: PostgresCluster, project: DbtProject, role: str, sql: str) -> list[tuple[Any, ...]]:
    """Run `sql` connected as `role` (a real login, not SET ROLE) in the project's schema."""
    conn = psycopg2.connect(host=cluster.host, port=cluster.port, user=role, dbname=cluster.dbname)
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(f'set search_path to "{project.schema}"')
            cur.execute(sql)
            return list(cur.fetchall()) if cur.description else []
    finally:
        conn.close()


def as_superuser(cluster: PostgresCluster, project: DbtProject, sql: str) -> list[tuple[Any, ...]]:
    return as_role(cluster, project, cluster.user, sql)
