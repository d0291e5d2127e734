"""`dbt_build`: `dbt build` (or `dbt run` then `dbt test`) for a selection, then a gate; the DAG's
outlets hang on the gate, so downstream DAGs wake only after a non-empty, passing load.

Every dbt call gets the var `steadyflow_now` rendered from the run (`pin_now`, on by default), so a
cleared run replays the window it loaded (see `steadyflow.runtime.clock`)."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from steadyflow.specs.common import Identifier, JsonValue, StrictModel
from steadyflow.specs.dag import CommonDagSpec, DbtProjectSpec, PinNow
from steadyflow.templates.base import BuildContext, TemplateBuilder, asset
from steadyflow.templates.dbt_command import dbt_command, dbt_words, now_filters, project_settings, run_vars, shell
from steadyflow.templates.plan import DagPlan, Ref, TaskPlan


class RowCountGate(StrictModel):
    """Fail unless `model` has at least `min_rows` rows (queried through dbt, at run time)."""

    type: Literal["row_count"]
    model: Identifier
    min_rows: int = Field(default=1, ge=1)


class DbtTestGate(StrictModel):
    """Fail unless `dbt test --select <select>` runs at least one test and every test passes (a selection
    that matches no test fails the gate: it could never fail otherwise). E.g. the model names, whose
    attached tests and guards run."""

    type: Literal["dbt_test"]
    select: list[str] = Field(min_length=1)


Gate = Annotated[RowCountGate | DbtTestGate, Field(discriminator="type")]


class CiState(StrictModel):
    """A CI DAG: build only what changed against production's artifacts, `steadyflow slim-ci` (`dbt build
    --select state:modified+ --defer --state <path>`, within `select`). Nothing modified: the run builds nothing
    and succeeds; a CI DAG publishes no outlets."""

    path: str = Field(
        min_length=1,
        description="Folder holding production's manifest.json, relative to the dbt root (root_env) or absolute.",
    )
    on_bad_state: Literal["full", "fail"] = Field(
        default="full",
        description="A missing, unreadable or other-version manifest: build the whole selection (full) or fail.",
    )


class DbtBuildDag(CommonDagSpec):
    """`dbt build` (or `dbt run` then `dbt test`) for a selection; a gate runs before outlets publish."""

    template: Literal["dbt_build"]
    dbt: DbtProjectSpec = Field(default_factory=DbtProjectSpec)
    select: list[str] = Field(min_length=1)
    exclude: list[str] = Field(default_factory=list)
    vars: dict[str, JsonValue] = Field(default_factory=dict)
    mode: Literal["build", "run_test"] = "build"
    full_refresh: bool = False
    gate: Gate | None = None
    pin_now: PinNow = True
    state: CiState | None = None

    @model_validator(mode="after")
    def _ci_state_alone(self) -> DbtBuildDag:
        if self.state is None:
            return self
        for name, value in (("outlets", self.outlets), ("gate", self.gate)):
            if value:
                raise ValueError(
                    f"a CI DAG (state:) builds what changed, often nothing, and publishes nothing: remove {name}"
                )
        if self.mode != "build":
            raise ValueError(f"a CI DAG (state:) runs `dbt build`: remove mode: {self.mode}")
        if self.full_refresh:
            raise ValueError("a CI DAG (state:) builds changes incrementally against production: remove full_refresh")
        return self

    @model_validator(mode="after")
    def _gate_before_outlets(self) -> DbtBuildDag:
        if self.outlets and self.gate is None:
            raise ValueError(
                "a dbt_build DAG that publishes outlets needs a gate, e.g. "
                "gate: {type: row_count, model: <model>} or gate: {type: dbt_test, select: [<model>]}"
            )
        return self


def slim_ci_command(spec: DbtBuildDag, state: CiState) -> str:
    """`steadyflow slim-ci --state <path> ...` from the dbt root, with the spec's project, selection and vars."""
    words = ["steadyflow", "slim-ci", "--state", state.path, "--on-bad-state", state.on_bad_state]
    words += [*dbt_words(spec.dbt, [])[1:], "--dbt", spec.dbt.executable, "--select", *spec.select]
    if spec.exclude:
        words += ["--exclude", *spec.exclude]
    vars = run_vars(spec.vars, spec.pin_now)
    if vars:
        words += ["--vars", json.dumps(vars, sort_keys=True)]
    return shell(spec.dbt, words)


ROW_COUNT_GATE = "steadyflow.runtime.gates.row_count_gate"
DBT_TEST_GATE = "steadyflow.runtime.gates.dbt_test_gate"


class DbtBuildTemplate(TemplateBuilder[DbtBuildDag]):
    spec = DbtBuildDag

    def extra_dag_kwargs(self, spec: DbtBuildDag) -> dict[str, Any]:
        return now_filters()

    def add_tasks(self, plan: DagPlan, spec: DbtBuildDag, ctx: BuildContext) -> None:
        extra = ["--full-refresh"] if spec.full_refresh else []
        common: dict[str, Any] = {
            "select": spec.select,
            "exclude": spec.exclude,
            "vars": run_vars(spec.vars, spec.pin_now),
        }
        if spec.state is not None:
            plan.add(TaskPlan("slim_ci", "bash", {"bash_command": slim_ci_command(spec, spec.state)}))
            return
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
        op_kwargs: dict[str, Any] = {"dbt": project_settings(spec.dbt)}
        if isinstance(gate, DbtTestGate):
            # run in the task, not as a shell `dbt test`: that exits 0 on a selection with no test
            op_kwargs |= {"select": list(gate.select), "vars": run_vars(spec.vars, spec.pin_now)}
            callable_path = DBT_TEST_GATE
        else:
            op_kwargs |= {"model": gate.model, "min_rows": gate.min_rows}
            callable_path = ROW_COUNT_GATE
        return TaskPlan(
            "gate",
            "python",
            {"python_callable": Ref(callable_path), "op_kwargs": op_kwargs, "outlets": outlets},
        )


TEMPLATE = DbtBuildTemplate()
