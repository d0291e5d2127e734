"""Where a value's bytes live on disk: the DuckDB file (and its WAL), or a PostgreSQL table's data files
(pg_relation_filepath under the cluster's data directory, all segments, its TOAST table) and pg_statistic's."""

from __future__ import annotations

from pathlib import Path

from tests.support.dbt import DbtProject, query
from tests.support.postgres import PostgresCluster


def duckdb_hits(project: DbtProject, needle: str) -> int:
    """Occurrences of `needle` in the DuckDB file and its WAL."""
    paths = [project.duckdb_path, project.duckdb_path.with_name(project.duckdb_path.name + ".wal")]
    return sum(p.read_bytes().count(needle.encode()) for p in paths if p.exists())


def pg_checkpoint(project: DbtProject) -> None:
    """Write every dirty page to the data files, so they show what the database holds."""
    query(project, "checkpoint")


def pg_table_files(project: DbtProject, cluster: PostgresCluster, table: str) -> list[Path]:
    """The data files of `table` in the project's schema and of its TOAST table (every segment)."""
    rows = query(
        project,
        "select pg_relation_filepath(c.oid), pg_relation_filepath(nullif(c.reltoastrelid, 0))"
        " from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = %s and c.relname = %s",
        (project.schema, table),
    )
    assert rows, f"no table {project.schema}.{table}"
    files: list[Path] = []
    for relative in (r for r in rows[0] if r):
        first = cluster.data_dir / str(relative)
        files += [first, *sorted(first.parent.glob(first.name + ".[0-9]*"))]
    return files


def pg_statistic_files(project: DbtProject, cluster: PostgresCluster) -> list[Path]:
    (row,) = query(project, "select pg_relation_filepath('pg_catalog.pg_statistic')")
    first = cluster.data_dir / str(row[0])
    return [first, *sorted(first.parent.glob(first.name + ".[0-9]*"))]


def file_hits(files: list[Path], needle: str) -> int:
    """Occurrences of `needle` in the files that exist (a file dropped or rewritten away counts 0)."""
    return sum(p.read_bytes().count(needle.encode()) for p in files if p.exists())


def pg_wal_hits(cluster: PostgresCluster, needle: str) -> int:
    return file_hits(sorted((cluster.data_dir / "pg_wal").glob("0*")), needle)
