"""What a spec may reference. YAML never names an operator class: templates pick operator kinds from
`operators()` (the base kinds plus those a template declares). An ingest DAG may name a callable, but
only one of `callables()` (steadyflow's callables meant for specs; never its internal run-time functions,
such as the backfill loop or the gates) or one living in a module the spec file declares under
`python_modules:`; it is imported when the task runs, never while the DAG file is parsed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from steadyflow.dotted import import_path

#: Operator kinds any template may use -> their import path (standard provider only).
BASE_OPERATORS: dict[str, str] = {
    "bash": "airflow.providers.standard.operators.bash.BashOperator",
    "python": "airflow.providers.standard.operators.python.PythonOperator",
    "trigger_dag_run": "airflow.providers.standard.operators.trigger_dagrun.TriggerDagRunOperator",
    "external_task_sensor": "airflow.providers.standard.sensors.external_task.ExternalTaskSensor",
    "empty": "airflow.providers.standard.operators.empty.EmptyOperator",
}

#: The steadyflow callables an ingest spec may name. Internal run-time functions (gates, the backfill loop)
#: are not here: they take what their templates pass, and naming them from `ingest` bypasses those templates.
BASE_CALLABLES: frozenset[str] = frozenset({"steadyflow.runtime.call.noop"})


class NotAllowedError(ValueError):
    """A callable or operator that is not on the allow-list."""


@cache
def operators() -> dict[str, str]:
    """Every operator kind -> import path: the base kinds and those the templates declare."""
    from steadyflow.templates.registry import templates

    found = dict(BASE_OPERATORS)
    for template in templates().values():
        found.update(template.operators)
    return found


def callables() -> frozenset[str]:
    """steadyflow's callables a spec may name without declaring a module."""
    return BASE_CALLABLES


def is_callable_allowed(path: str, user_modules: Iterable[str]) -> bool:
    if path in callables():
        return True
    module = path.rpartition(".")[0]
    return any(module == m or module.startswith(m + ".") for m in user_modules)


def check_callable(path: str, user_modules: Iterable[str]) -> None:
    modules = list(user_modules)
    if not is_callable_allowed(path, modules):
        declared = ", ".join(modules) or "none declared"
        raise NotAllowedError(
            f"callable '{path}' is not allowed: name one of steadyflow's callables "
            f"({', '.join(sorted(callables()))}) or declare its module under 'python_modules:' (now: {declared})"
        )


def operator_path(kind: str) -> str:
    try:
        return operators()[kind]
    except KeyError:
        raise NotAllowedError(f"operator kind '{kind}' is not allowed; known: {', '.join(operators())}") from None


@cache
def operator_class(kind: str) -> Callable[..., Any]:
    cls: Callable[..., Any] = import_path(operator_path(kind))
    return cls
