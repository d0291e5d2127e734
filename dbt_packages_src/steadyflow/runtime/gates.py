"""Gates that run before a DAG publishes its Assets. They run inside the task, never at parse time."""

from __future__ import annotations

import logging
from typing import Any

from steadyflow.runtime.project import dbt_cli_args, project_root

log = logging.getLogger(__name__)


class GateFailed(RuntimeError):
    """The load did not pass its gate; the DAG's outlets are not published."""


def row_count_gate(
    *,
    root_env: str,
    project_dir: str,
    profiles_dir: str | None,
    target: str | None,
    model: str,
    min_rows: int = 1,
) -> int:
    """Count the rows of `model` through dbt; fail unless there are at least `min_rows`."""
    from dbt.cli.main import dbtRunner

    root = project_root(root_env)
    sql = f"select count(*) as n from {{{{ ref('{model}') }}}}"
    args = ["show", "--inline", sql, "--limit", "1", *dbt_cli_args(root, project_dir, profiles_dir, target)]
    result: Any = dbtRunner().invoke(args)
    if not result.success:
        raise GateFailed(f"row_count gate could not count rows of '{model}': {result.exception or 'dbt show failed'}")
    table = result.result.results[0].agate_table
    count = int(table.rows[0][0])
    log.info("row_count gate: %s has %d rows (need >= %d)", model, count, min_rows)
    if count < min_rows:
        raise GateFailed(f"row_count gate: '{model}' has {count} rows, fewer than {min_rows}; outlets not published")
    return count
