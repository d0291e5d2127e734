"""A DAG as data: the builders produce a `DagPlan`; `materialize` turns it into an Airflow DAG and
`steadyflow.render` turns the same plan into Python source. Both paths call the same constructors with
the same arguments, which is why rendered and YAML-loaded DAGs are identical.

Values in a plan are literals (str, int, float, bool, None, list, dict) or `Call`s: a call of an
importable function or class by dotted path. Only steadyflow's builders create `Call`s; a path that
comes from YAML never does (user callables run through `steadyflow.runtime.call.call_allowed`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from steadyflow.dotted import import_path


@dataclass(frozen=True)
class Call:
    """`func(*args, **kwargs)` where `func` is imported from the dotted path `func`."""

    func: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Ref:
    """The object at a dotted path itself (e.g. a function passed as python_callable)."""

    path: str


@dataclass
class TaskPlan:
    task_id: str
    operator: str  # an operator kind of steadyflow.allowlist.operators()
    kwargs: dict[str, Any] = field(default_factory=dict)


@dataclass
class DagPlan:
    dag_id: str
    dag_kwargs: dict[str, Any]
    tasks: list[TaskPlan] = field(default_factory=list)
    edges: list[tuple[str, str]] = field(default_factory=list)

    def add(self, task: TaskPlan, *, after: str | None = None) -> str:
        self.tasks.append(task)
        if after is not None:
            self.edges.append((after, task.task_id))
        return task.task_id


@cache
def resolve(path: str) -> Any:
    return import_path(path)


def evaluate(value: Any) -> Any:
    if isinstance(value, Call):
        func = resolve(value.func)
        return func(*(evaluate(a) for a in value.args), **{k: evaluate(v) for k, v in value.kwargs.items()})
    if isinstance(value, Ref):
        return resolve(value.path)
    if isinstance(value, list):
        return [evaluate(v) for v in value]
    if isinstance(value, tuple):
        return tuple(evaluate(v) for v in value)
    if isinstance(value, dict):
        return {k: evaluate(v) for k, v in value.items()}
    return value


def materialize(plan: DagPlan) -> Any:
    """Build the Airflow DAG described by `plan`."""
    from airflow.sdk import DAG

    from steadyflow.allowlist import operator_class

    with DAG(dag_id=plan.dag_id, **evaluate(plan.dag_kwargs)) as dag:
        tasks = {t.task_id: operator_class(t.operator)(task_id=t.task_id, **evaluate(t.kwargs)) for t in plan.tasks}
        for upstream, downstream in plan.edges:
            tasks[upstream] >> tasks[downstream]
    return dag
