"""What every template shares: the `TemplateBuilder` a template module declares (with its spec model),
DAG arguments, schedules and Assets, alerts, and the cross-DAG links (`wait_for:` sensors before the
first tasks, `trigger:` operators after the last)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any, Generic, Literal, TypeVar, get_args, get_origin

from steadyflow.specs.dag import CommonDagSpec
from steadyflow.specs.schedule import AllOf, AnyOf, AssetsOrTime
from steadyflow.templates.plan import Call, DagPlan, TaskPlan

S = TypeVar("S", bound=CommonDagSpec)


@dataclass(frozen=True)
class BuildContext:
    """Facts about the spec file a DAG comes from."""

    spec_name: str  # the file's name, shown in the DAG docs
    python_modules: tuple[str, ...] = ()


def asset(name: str) -> Call:
    return Call("airflow.sdk.Asset", (name,))


def asset_expr(expr: object) -> Any:
    if isinstance(expr, str):
        return asset(expr)
    if isinstance(expr, AllOf):
        return Call("airflow.sdk.AssetAll", tuple(asset_expr(e) for e in expr.all))
    if isinstance(expr, AnyOf):
        return Call("airflow.sdk.AssetAny", tuple(asset_expr(e) for e in expr.any))
    if isinstance(expr, list):
        return Call("airflow.sdk.AssetAll", tuple(asset_expr(e) for e in expr))
    raise TypeError(f"not an asset expression: {expr!r}")


def schedule_value(schedule: object) -> Any:
    if schedule is None or isinstance(schedule, str):
        return schedule
    if isinstance(schedule, list):
        return [asset_expr(e) for e in schedule]
    if isinstance(schedule, AssetsOrTime):
        timetable = Call("airflow.sdk.CronTriggerTimetable", (schedule.cron,), {"timezone": "UTC"})
        return Call(
            "airflow.sdk.AssetOrTimeSchedule", kwargs={"timetable": timetable, "assets": asset_expr(schedule.assets)}
        )
    return asset_expr(schedule)


def seconds(value: Any) -> int:
    return int(value.total_seconds())


def timedelta_call(value: Any) -> Call:
    return Call("datetime.timedelta", kwargs={"seconds": seconds(value)})


#: A place in a DAG spec (`("callable", "path")`) and what is wrong there.
Problem = tuple[tuple[str | int, ...], str]


def template_name(model: type[CommonDagSpec]) -> str:
    """The name a spec model answers to: its `template: Literal["<name>"]` field."""
    field = model.model_fields.get("template")
    values = get_args(field.annotation) if field is not None and get_origin(field.annotation) is Literal else ()
    if len(values) != 1 or not isinstance(values[0], str):
        raise TypeError(f"{model.__name__} must declare its name once: template: Literal['<name>']")
    return values[0]


def alert_kwargs(spec: CommonDagSpec) -> dict[str, Any]:
    """The failure/retry alert arguments of `defaults.task_defaults`, as plain values (none without alerts)."""
    if spec.alerts is None:
        return {}
    alerts = spec.alerts
    return {"webhook_conn_id": alerts.webhook_conn_id, "on_failure": alerts.on_failure, "on_retry": alerts.on_retry}


class TemplateBuilder(ABC, Generic[S]):
    """One template: its spec model (`spec`) and how a validated spec becomes a `DagPlan`.

    A template module declares `TEMPLATE = <its builder>()`; `templates.registry` finds it, and every
    list of templates (names, the `dags:` union of spec models, the JSON Schema, the allow-list) is
    derived from those declarations."""

    #: The spec model; its `template: Literal["<name>"]` field is the template's name.
    spec: type[S]
    #: Operator kinds this template adds to `allowlist.BASE_OPERATORS`: kind -> import path.
    operators: Mapping[str, str] = MappingProxyType({})

    @cached_property
    def name(self) -> str:
        return template_name(self.spec)

    def file_problems(self, spec: S, python_modules: tuple[str, ...]) -> list[Problem]:
        """What the spec model alone cannot see because it needs the rest of the file (e.g. its
        `python_modules:`); paths are relative to the DAG."""
        return []

    def raw_problems(self, dag: Mapping[str, Any], python_modules: tuple[str, ...]) -> list[Problem]:
        """The `file_problems` that raw values already show, run when the file's models do not validate
        (so a mistake they catch is reported with the model errors, not after they are fixed)."""
        return []

    def plan(self, spec: S, ctx: BuildContext) -> DagPlan:
        plan = DagPlan(dag_id=spec.dag_id, dag_kwargs=self.dag_kwargs(spec, ctx))
        self.add_tasks(plan, spec, ctx)
        self._wire_cross_dag(plan, spec)
        return plan

    @abstractmethod
    def add_tasks(self, plan: DagPlan, spec: S, ctx: BuildContext) -> None:
        """Add this template's tasks to `plan`."""

    def extra_dag_kwargs(self, spec: S) -> dict[str, Any]:
        return {}

    def docs(self, spec: S, ctx: BuildContext) -> str:
        if spec.doc_md is not None:
            return spec.doc_md
        lines = [f"Built by steadyflow from `{ctx.spec_name}` (template `{self.name}`)."]
        if spec.description:
            lines.insert(0, spec.description + "\n")
        if spec.outlets:
            lines.append("\nPublishes: " + ", ".join(f"`{o}`" for o in spec.outlets))
        return "\n".join(lines)

    def dag_kwargs(self, spec: S, ctx: BuildContext) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "description": spec.description,
            "doc_md": self.docs(spec, ctx),
            "schedule": schedule_value(spec.schedule),
            "start_date": Call(
                "pendulum.datetime", (spec.start_date.year, spec.start_date.month, spec.start_date.day), {"tz": "UTC"}
            ),
            "catchup": spec.catchup,
            "max_active_runs": spec.max_active_runs,
            "tags": sorted({"steadyflow", f"template:{self.name}", *spec.tags}),
            "default_args": Call(
                "steadyflow.templates.defaults.task_defaults",
                kwargs={
                    "owner": spec.owner,
                    "retries": spec.retries,
                    "retry_delay_seconds": seconds(spec.retry_delay),
                    "execution_timeout_seconds": seconds(spec.execution_timeout),
                    **alert_kwargs(spec),
                },
            ),
        }
        if spec.dagrun_timeout is not None:
            kwargs["dagrun_timeout"] = timedelta_call(spec.dagrun_timeout)
        if spec.alerts is not None and spec.alerts.deadline is not None:
            kwargs["deadline"] = Call(
                "steadyflow.alerts.deadline.build_deadline_alert",
                kwargs={
                    "reference": spec.alerts.deadline.reference,
                    "after": timedelta_call(spec.alerts.deadline.after),
                    "webhook_conn_id": spec.alerts.webhook_conn_id,
                },
            )
        kwargs.update(self.extra_dag_kwargs(spec))
        return kwargs

    def _wire_cross_dag(self, plan: DagPlan, spec: S) -> None:
        ids = [t.task_id for t in plan.tasks]
        roots = [t for t in ids if not any(d == t for _, d in plan.edges)]
        leaves = [t for t in ids if not any(u == t for u, _ in plan.edges)]
        for wait in spec.wait_for:
            sensor = TaskPlan(
                task_id=f"wait_for__{wait.dag_id}" + (f"__{wait.task_id}" if wait.task_id else ""),
                operator="external_task_sensor",
                kwargs={
                    "external_dag_id": wait.dag_id,
                    "external_task_id": wait.task_id,
                    "execution_delta": timedelta_call(wait.offset),
                    "mode": "reschedule",
                    "timeout": seconds(wait.timeout),
                    "poke_interval": seconds(wait.poke_interval),
                    "doc_md": f"Waits for `{wait.dag_id}` run at logical date minus {wait.offset}.",
                },
            )
            plan.tasks.insert(0, sensor)
            plan.edges.extend((sensor.task_id, root) for root in roots)
        for trig in spec.trigger_specs():
            op = TaskPlan(
                task_id=f"trigger__{trig.dag_id}",
                operator="trigger_dag_run",
                kwargs={
                    "trigger_dag_id": trig.dag_id,
                    "wait_for_completion": trig.wait_for_completion,
                    "conf": dict(trig.conf),
                },
            )
            plan.tasks.append(op)
            plan.edges.extend((leaf, op.task_id) for leaf in leaves)
