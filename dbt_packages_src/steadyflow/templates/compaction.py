"""`compaction`: an hourly maintenance DAG, apart from ingestion, running one
`dbt run-operation <operation>` per table (default operation: the package's `steadyflow_compact`)."""

from __future__ import annotations

import json
import shlex
from typing import Any, ClassVar

from steadyflow.specs.template_params import CompactionDag
from steadyflow.templates.base import BuildContext, TemplateBuilder
from steadyflow.templates.dbt_command import cd_root, dbt_args
from steadyflow.templates.plan import DagPlan, TaskPlan


class CompactionTemplate(TemplateBuilder[CompactionDag]):
    name: ClassVar[str] = "compaction"

    def extra_dag_kwargs(self, spec: CompactionDag) -> dict[str, Any]:
        return {"max_active_tasks": 1}  # one table at a time: compaction competes with loads for locks

    def add_tasks(self, plan: DagPlan, spec: CompactionDag, ctx: BuildContext) -> None:
        for table in spec.tables:
            args = json.dumps({**spec.operation_args, "relation": table}, sort_keys=True)
            words = [spec.dbt.executable, "run-operation", spec.operation, *dbt_args(spec.dbt), "--args", args]
            command = cd_root(spec.dbt) + " && " + " ".join(shlex.quote(w) for w in words)
            plan.add(TaskPlan(f"compact__{table}", "bash", {"bash_command": command}))
