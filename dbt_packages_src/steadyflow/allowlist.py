"""What a spec may reference. YAML never names an operator class: templates pick operators from
`OPERATORS`. An ingest DAG may name a callable, but only one listed in `CALLABLES` or living in a
module the spec file declares under `python_modules:`; it is imported when the task runs, never while
the DAG file is parsed."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

#: Operator kinds the templates use -> their import path (standard provider only).
OPERATORS: dict[str, str] = {
    "bash": "airflow.providers.standard.operators.bash.BashOperator",
    "python": "airflow.providers.standard.operators.python.PythonOperator",
    "trigger_dag_run": "airflow.providers.standard.operators.trigger_dagrun.TriggerDagRunOperator",
    "external_task_sensor": "airflow.providers.standard.sensors.external_task.ExternalTaskSensor",
    "empty": "airflow.providers.standard.operators.empty.EmptyOperator",
}

#: Callables shipped with steadyflow that a spec may name without declaring a module.
CALLABLES: frozenset[str] = frozenset(
    {
        "steadyflow.runtime.gates.row_count_gate",
        "steadyflow.runtime.backfill.run_backfill",
        "steadyflow.runtime.call.noop",
    }
)


class NotAllowedError(ValueError):
    """A callable or operator that is not on the allow-list."""


def is_callable_allowed(path: str, user_modules: Iterable[str]) -> bool:
    if path in CALLABLES:
        return True
    module = path.rpartition(".")[0]
    return any(module == m or module.startswith(m + ".") for m in user_modules)


def check_callable(path: str, user_modules: Iterable[str]) -> None:
    modules = list(user_modules)
    if not is_callable_allowed(path, modules):
        declared = ", ".join(modules) or "none declared"
        raise NotAllowedError(
            f"callable '{path}' is not allowed: name one of steadyflow's callables "
            f"({', '.join(sorted(CALLABLES))}) or declare its module under 'python_modules:' (now: {declared})"
        )


def import_path(path: str) -> Any:
    """Import `package.module.attr` and return the attribute."""
    module_name, _, attr = path.rpartition(".")
    if not module_name:
        raise NotAllowedError(f"'{path}' is not a dotted path like package.module.name")
    module = importlib.import_module(module_name)
    try:
        return getattr(module, attr)
    except AttributeError as exc:
        raise NotAllowedError(f"module '{module_name}' has no attribute '{attr}'") from exc


@cache
def operator_class(kind: str) -> Callable[..., Any]:
    try:
        path = OPERATORS[kind]
    except KeyError:
        raise NotAllowedError(f"operator kind '{kind}' is not allowed; known: {', '.join(OPERATORS)}") from None
    cls: Callable[..., Any] = import_path(path)
    return cls
