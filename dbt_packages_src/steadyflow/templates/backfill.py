"""`backfill`: a manual DAG with `start` and `end` params that replaces the window chunk by chunk
(`chunk_days` each) with dbt's window-replace models. Each chunk deletes and rewrites its own window,
so a re-run after a failure gives the same result. Each chunk's dbt run gets `steadyflow_now` pinned
to the run's time (`pin_now`), so the future-row bound and the guards judge a replay as the original."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator

from steadyflow.specs.common import JsonValue, StrictModel
from steadyflow.specs.dag import CommonDagSpec, DbtProjectSpec, PinNow
from steadyflow.templates.base import BuildContext, TemplateBuilder, asset
from steadyflow.templates.dbt_command import now_filters, project_settings, run_vars
from steadyflow.templates.plan import Call, DagPlan, Ref, TaskPlan


class WindowVars(StrictModel):
    """Names of the dbt vars that carry a backfill chunk's window to the window-replace models."""

    start: str = "backfill_start"
    end: str = "backfill_end"


class BackfillDag(CommonDagSpec):
    """Manual DAG: replace the window [start, end) chunk by chunk with dbt (idempotent re-runs)."""

    template: Literal["backfill"]
    dbt: DbtProjectSpec = Field(default_factory=DbtProjectSpec)
    select: list[str] = Field(min_length=1)
    chunk_days: int = Field(default=30, ge=1, le=366)
    window_vars: WindowVars = Field(default_factory=WindowVars)
    vars: dict[str, JsonValue] = Field(default_factory=dict)
    pin_now: PinNow = True
    default_start: date | None = None
    default_end: date | None = None

    @field_validator("schedule")
    @classmethod
    def _manual_only(cls, value: object) -> object:
        if value is not None:
            raise ValueError("a backfill DAG is triggered by hand with start/end params; remove 'schedule'")
        return value

    @field_validator("default_end")
    @classmethod
    def _end_after_start(cls, end: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("default_start")
        if start is not None and end is not None and end <= start:
            raise ValueError(
                f"default_end ({end}) must be after default_start ({start}): the window [start, end) "
                "would be empty and the run would fail"
            )
        return end


RUN_BACKFILL = "steadyflow.runtime.backfill.run_backfill"


def _param(default: date | None, description: str) -> Call:
    kwargs: dict[str, Any] = {"type": "string", "format": "date", "description": description}
    return Call("airflow.sdk.Param", (default.isoformat() if default is not None else None,), kwargs)


class BackfillTemplate(TemplateBuilder[BackfillDag]):
    spec = BackfillDag

    def extra_dag_kwargs(self, spec: BackfillDag) -> dict[str, Any]:
        return {
            **now_filters(),
            "params": {
                "start": _param(spec.default_start, "First day to replace (inclusive), YYYY-MM-DD."),
                "end": _param(spec.default_end, "Day after the last day to replace (exclusive), YYYY-MM-DD."),
            },
        }

    def add_tasks(self, plan: DagPlan, spec: BackfillDag, ctx: BuildContext) -> None:
        op_kwargs = {
            "start": "{{ params.start }}",
            "end": "{{ params.end }}",
            "chunk_days": spec.chunk_days,
            "dbt": project_settings(spec.dbt),
            "select": list(spec.select),
            "window_vars": spec.window_vars.model_dump(mode="json"),
            "vars": run_vars(spec.vars, spec.pin_now),
        }
        plan.add(
            TaskPlan(
                "backfill_chunks",
                "python",
                {
                    "python_callable": Ref(RUN_BACKFILL),
                    "op_kwargs": op_kwargs,
                    "outlets": [asset(o) for o in spec.outlets],
                },
            )
        )


TEMPLATE = BackfillTemplate()
