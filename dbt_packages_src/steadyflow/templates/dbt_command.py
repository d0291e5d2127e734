"""How the templates that run dbt hand it the project: shell commands that run dbt from the project root
named by an environment variable, and `project_settings`, the one form in which run-time code
(gates, backfill) receives a spec's `dbt:` block.

The variable is expanded by the task's shell (or read by run-time code) when the task runs, so its
value never lands in the DAG, its serialized form, or its docs."""

from __future__ import annotations

import json
import shlex
from collections.abc import Mapping, Sequence
from typing import Any

from steadyflow.runtime.clock import PINNED_NOW
from steadyflow.runtime.project import dbt_args
from steadyflow.specs.common import JsonValue
from steadyflow.specs.dag import DbtProjectSpec
from steadyflow.templates.plan import Call

#: The dbt var that is the dbt package's clock (macros/clock/now.sql).
NOW_VAR = "steadyflow_now"


def run_vars(vars: Mapping[str, JsonValue], pin_now: bool) -> dict[str, JsonValue]:
    """The spec's dbt vars plus `steadyflow_now` pinned to the run's time (unless the spec sets it,
    or turns pinning off with `pin_now: false`)."""
    merged = dict(vars)
    if pin_now:
        merged.setdefault(NOW_VAR, PINNED_NOW)
    return merged


def now_filters() -> dict[str, Call]:
    """`user_defined_filters` of a DAG that runs dbt: `{{ dag_run | steadyflow_now }}` in templated fields."""
    return {"user_defined_filters": Call("steadyflow.runtime.clock.now_filters")}


def cd_root(dbt: DbtProjectSpec) -> str:
    var = dbt.root_env
    return f'cd "${{{var}:?set {var} to the folder that holds the dbt project}}"'


def project_settings(dbt: DbtProjectSpec) -> dict[str, Any]:
    """The spec's `dbt:` block as the plain dict run-time code takes (`runtime.project.dbt_project`).
    Its fields are plain strings (or None): a copy of the model's field values is that dict (a dump, or
    pydantic's own iteration, cost ~10x more, and this runs for every dbt task of every DAG parse)."""
    return dict(vars(dbt))


def dbt_words(dbt: DbtProjectSpec, command: Sequence[str]) -> list[str]:
    """`dbt <command> --project-dir ...` (paths relative to the root the shell `cd`s into)."""
    return [dbt.executable, *command, *dbt_args(project_settings(dbt))]


def shell(dbt: DbtProjectSpec, words: Sequence[str]) -> str:
    """`cd "$ROOT" && <words, shell-quoted>`."""
    return cd_root(dbt) + " && " + " ".join(shlex.quote(w) for w in words)


def dbt_command(
    dbt: DbtProjectSpec,
    command: Sequence[str],
    *,
    select: Sequence[str] = (),
    exclude: Sequence[str] = (),
    vars: Mapping[str, JsonValue] | None = None,
    extra: Sequence[str] = (),
) -> str:
    words = dbt_words(dbt, command)
    if select:
        words += ["--select", *select]
    if exclude:
        words += ["--exclude", *exclude]
    if vars:
        words += ["--vars", json.dumps(dict(vars), sort_keys=True)]
    words += list(extra)
    return shell(dbt, words)
