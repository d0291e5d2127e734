"""The PII salt of `steadyflow.hash_pii` on DuckDB (and any warehouse without a connection setting for it): a
one-row table, filled here, outside dbt, so the value never reaches dbt's compiled SQL, target/ or logs/.

The salt is read from the environment variable STEADYFLOW_PII_SALT or from stdin, never from the command line
(other users can read a process's arguments), and is never printed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO

SALT_ENV = "STEADYFLOW_PII_SALT"
DEFAULT_TABLE = "steadyflow_private.pii_salt"
MIN_LENGTH = 16
_NAME = r"[A-Za-z_][A-Za-z0-9_$]*"


class SaltError(ValueError):
    """A salt or salt table that cannot be used; the message says what to do (never shows the salt)."""


@dataclass(frozen=True)
class SaltTable:
    schema: str
    table: str

    @classmethod
    def parse(cls, name: str) -> SaltTable:
        if not re.fullmatch(rf"{_NAME}\.{_NAME}", name):
            raise SaltError(f"--table must be schema.table (the dbt var steadyflow_pii_salt_table), got {name!r}")
        schema, table = name.split(".")
        return cls(schema, table)

    def sql(self) -> str:
        return f'"{self.schema}"."{self.table}"'


def read_salt(stdin: IO[str], environ: dict[str, str] | None = None) -> str:
    """The salt from STEADYFLOW_PII_SALT, else the first line of stdin (its line break removed)."""
    env = os.environ if environ is None else environ
    salt = env.get(SALT_ENV)
    if salt is None:
        salt = stdin.readline().rstrip("\r\n")
    if len(salt) < MIN_LENGTH:
        raise SaltError(
            f"the salt has {len(salt)} characters; give one of {MIN_LENGTH} or more in {SALT_ENV} or on stdin "
            "(for example: `openssl rand -hex 32 > salt.txt; steadyflow salt set --duckdb wh.duckdb < salt.txt`)"
        )
    return salt


def store_duckdb_salt(path: Path, salt: str, table: SaltTable, replace: bool = False) -> str:
    """Write `salt` as the one row of `table` in the DuckDB file `path`; returns what was done.

    An existing different salt is kept unless `replace`: a new salt changes every digest already written."""
    import duckdb

    created = not path.exists()
    conn = duckdb.connect(str(path))
    try:
        conn.execute(f'create schema if not exists "{table.schema}"')
        exists = conn.execute(
            "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
            [table.schema, table.table],
        ).fetchone()
        if exists and exists[0]:
            same = conn.execute(f"select count(*), count(*) filter (where salt = ?) from {table.sql()}", [salt])
            rows, equal = same.fetchone() or (0, 0)
            if rows == 1 and equal == 1:
                return f"{path}: {table.schema}.{table.table} already holds this salt; nothing changed"
            if rows and not replace:
                raise SaltError(
                    f"{path}: {table.schema}.{table.table} already holds a different salt; a new salt changes every "
                    "digest hash_pii has written (joins on old digests stop matching). Pass --replace to replace it"
                )
        conn.execute(f"create or replace table {table.sql()} (salt varchar not null)")
        conn.execute(f"insert into {table.sql()} values (?)", [salt])
        conn.execute("checkpoint")
    finally:
        conn.close()
    made = " (new file: check it is the `path` of your dbt-duckdb profile)" if created else ""
    return f"{path}{made}: stored a {len(salt)}-character salt in {table.schema}.{table.table}"
