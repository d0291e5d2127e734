"""`backfill`: a manual DAG with `start` and `end` params that replaces the window chunk by chunk
(`chunk_days` each) with dbt's window-replace models. Each chunk deletes and rewrites its own window,
so a re-run after a failure gives the same result. Each chunk's dbt run gets `steadyflow_now` pinned
to the run's time (`pin_now`), so the future-row bound and the guards judge a replay as the original."""

from __future__ import annotations

from typing import Any, ClassVar

from steadyflow.specs.template_params import BackfillDag
from steadyflow.templates.base import BuildContext, TemplateBuilder, asset
from steadyflow.templates.dbt_command import now_filters, run_vars
from steadyflow.templates.plan import Call, DagPlan, Ref, TaskPlan


def _param(default: object, description: str) -> Call:
    kwargs: dict[str, Any] = {"type": "string", "format": "date", "description": description}
    return Call("airflow.sdk.Param", (default.isoformat() if default is not None else None,), kwargs)  # type: ignore[attr-defined]


class BackfillTemplate(TemplateBuilder[BackfillDag]):
    name: ClassVar[str] = "backfill"

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
            "dbt": spec.dbt.model_dump(mode="json"),
            "select": list(spec.select),
            "window_vars": spec.window_vars.model_dump(mode="json"),
            "vars": run_vars(spec.vars, spec.pin_now),
        }
        plan.add(
            TaskPlan(
                "backfill_chunks",
                "python",
                {
                    "python_callable": Ref("steadyflow.runtime.backfill.run_backfill"),
                    "op_kwargs": op_kwargs,
                    "outlets": [asset(o) for o in spec.outlets],
                },
            )
        )
