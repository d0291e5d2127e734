"""`dbt_build`: `dbt build` (or `dbt run` then `dbt test`) for a selection, then a gate; the DAG's
outlets hang on the gate, so downstream DAGs wake only after a non-empty, passing load.

Every dbt call gets the var `steadyflow_now` rendered from the run (`pin_now`, on by default), so a
cleared run replays the window it loaded (see `steadyflow.runtime.clock`)."""

from __future__ import annotations

from typing import Any, ClassVar

from steadyflow.specs.template_params import DbtBuildDag, DbtTestGate, RowCountGate
from steadyflow.templates.base import BuildContext, TemplateBuilder, asset
from steadyflow.templates.dbt_command import dbt_command, now_filters, run_vars
from steadyflow.templates.plan import DagPlan, Ref, TaskPlan


class DbtBuildTemplate(TemplateBuilder[DbtBuildDag]):
    name: ClassVar[str] = "dbt_build"

    def extra_dag_kwargs(self, spec: DbtBuildDag) -> dict[str, Any]:
        return now_filters()

    def add_tasks(self, plan: DagPlan, spec: DbtBuildDag, ctx: BuildContext) -> None:
        extra = ["--full-refresh"] if spec.full_refresh else []
        common: dict[str, Any] = {
            "select": spec.select,
            "exclude": spec.exclude,
            "vars": run_vars(spec.vars, spec.pin_now),
        }
        if spec.mode == "build":
            last = plan.add(
                TaskPlan("dbt_build", "bash", {"bash_command": dbt_command(spec.dbt, ["build"], extra=extra, **common)})
            )
        else:
            run = plan.add(
                TaskPlan("dbt_run", "bash", {"bash_command": dbt_command(spec.dbt, ["run"], extra=extra, **common)})
            )
            last = plan.add(
                TaskPlan("dbt_test", "bash", {"bash_command": dbt_command(spec.dbt, ["test"], **common)}), after=run
            )
        outlets = [asset(o) for o in spec.outlets]
        if spec.gate is None:
            if outlets:  # unreachable: the spec model requires a gate with outlets
                raise ValueError(f"{spec.dag_id}: outlets without a gate")
            return
        plan.add(self._gate(spec, spec.gate, outlets), after=last)

    def _gate(self, spec: DbtBuildDag, gate: RowCountGate | DbtTestGate, outlets: list[Any]) -> TaskPlan:
        op_kwargs: dict[str, Any] = {
            "root_env": spec.dbt.root_env,
            "project_dir": spec.dbt.project_dir,
            "profiles_dir": spec.dbt.profiles_dir,
            "target": spec.dbt.target,
        }
        if isinstance(gate, DbtTestGate):
            # run in the task, not as a shell `dbt test`: that exits 0 on a selection with no test
            op_kwargs |= {"select": list(gate.select), "vars": run_vars(spec.vars, spec.pin_now)}
            callable_path = "steadyflow.runtime.gates.dbt_test_gate"
        else:
            op_kwargs |= {"model": gate.model, "min_rows": gate.min_rows}
            callable_path = "steadyflow.runtime.gates.row_count_gate"
        return TaskPlan(
            "gate",
            "python",
            {"python_callable": Ref(callable_path), "op_kwargs": op_kwargs, "outlets": outlets},
        )
