"""`compaction`: an hourly maintenance DAG, apart from ingestion, running one
`dbt run-operation <operation>` per table (default operation: the package's `steadyflow_compact`)."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import Field, field_validator

from steadyflow.specs.common import Identifier, JsonValue
from steadyflow.specs.dag import CommonDagSpec, DbtProjectSpec
from steadyflow.specs.schedule import Schedule
from steadyflow.templates.base import BuildContext, TemplateBuilder
from steadyflow.templates.dbt_command import dbt_words, shell
from steadyflow.templates.plan import DagPlan, TaskPlan


class CompactionDag(CommonDagSpec):
    """Hourly maintenance: one `dbt run-operation <operation>` per table, apart from ingestion."""

    template: Literal["compaction"]
    schedule: Schedule | None = "@hourly"
    dbt: DbtProjectSpec = Field(default_factory=DbtProjectSpec)
    tables: list[Identifier] = Field(min_length=1)
    operation: Identifier = "steadyflow_compact"
    operation_args: dict[str, JsonValue] = Field(default_factory=dict)

    @field_validator("operation_args")
    @classmethod
    def _table_is_per_task(cls, value: dict[str, JsonValue]) -> dict[str, JsonValue]:
        if "relation" in value:
            raise ValueError(
                "'relation' is set per task from 'tables'; remove it from operation_args "
                f"(got relation={value['relation']!r})"
            )
        return value


class CompactionTemplate(TemplateBuilder[CompactionDag]):
    spec = CompactionDag

    def extra_dag_kwargs(self, spec: CompactionDag) -> dict[str, Any]:
        return {"max_active_tasks": 1}  # one table at a time: compaction competes with loads for locks

    def add_tasks(self, plan: DagPlan, spec: CompactionDag, ctx: BuildContext) -> None:
        for table in spec.tables:
            args = json.dumps({**spec.operation_args, "relation": table}, sort_keys=True)
            words = [*dbt_words(spec.dbt, ["run-operation", spec.operation]), "--args", args]
            plan.add(TaskPlan(f"compact__{table}", "bash", {"bash_command": shell(spec.dbt, words)}))


TEMPLATE = CompactionTemplate()
