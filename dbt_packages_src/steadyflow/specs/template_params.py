"""One model per template: the common keys plus what that template needs."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from steadyflow.specs.common import DottedPath, Identifier, Scalar, ScalarOrCollection, StrictModel
from steadyflow.specs.dag import CommonDagSpec, DbtProjectSpec
from steadyflow.specs.schedule import Schedule


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


def _pin_now() -> bool:
    return Field(
        default=True,
        description=(
            "Pass dbt the var steadyflow_now = the run's data interval end (or its run_after when it has none), "
            "'YYYY-MM-DD HH:MM:SS' UTC, so a cleared run replays the window it loaded. A steadyflow_now in "
            "`vars` wins. false: dbt uses its own clock (run_started_at)."
        ),
    )


class DbtBuildDag(CommonDagSpec):
    """`dbt build` (or `dbt run` then `dbt test`) for a selection; a gate runs before outlets publish."""

    template: Literal["dbt_build"]
    dbt: DbtProjectSpec = Field(default_factory=DbtProjectSpec)
    select: list[str] = Field(min_length=1)
    exclude: list[str] = Field(default_factory=list)
    vars: dict[str, Scalar] = Field(default_factory=dict)
    mode: Literal["build", "run_test"] = "build"
    full_refresh: bool = False
    gate: Gate | None = None
    pin_now: bool = _pin_now()

    @model_validator(mode="after")
    def _gate_before_outlets(self) -> DbtBuildDag:
        if self.outlets and self.gate is None:
            raise ValueError(
                "a dbt_build DAG that publishes outlets needs a gate, e.g. "
                "gate: {type: row_count, model: <model>} or gate: {type: dbt_test, select: [<model>]}"
            )
        return self


class CallableSpec(StrictModel):
    """An allow-listed Python callable, imported only when the task runs."""

    path: DottedPath
    kwargs: dict[str, ScalarOrCollection] = Field(default_factory=dict)


class IngestDag(CommonDagSpec):
    """Run a shell command or an allow-listed Python callable, then publish the outlets."""

    template: Literal["ingest"]
    command: str | None = None
    callable: CallableSpec | None = None

    @model_validator(mode="after")
    def _one_action(self) -> IngestDag:
        if (self.command is None) == (self.callable is None):
            raise ValueError("an ingest DAG needs exactly one of 'command' or 'callable'")
        return self


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
    vars: dict[str, Scalar] = Field(default_factory=dict)
    pin_now: bool = _pin_now()
    default_start: date | None = None
    default_end: date | None = None

    @field_validator("schedule")
    @classmethod
    def _manual_only(cls, value: object) -> object:
        if value is not None:
            raise ValueError("a backfill DAG is triggered by hand with start/end params; remove 'schedule'")
        return value


class CompactionDag(CommonDagSpec):
    """Hourly maintenance: one `dbt run-operation <operation>` per table, apart from ingestion."""

    template: Literal["compaction"]
    schedule: Schedule | None = "@hourly"
    dbt: DbtProjectSpec = Field(default_factory=DbtProjectSpec)
    tables: list[Identifier] = Field(min_length=1)
    operation: Identifier = "steadyflow_compact"
    operation_args: dict[str, Scalar] = Field(default_factory=dict)

    @field_validator("operation_args")
    @classmethod
    def _table_is_per_task(cls, value: dict[str, Scalar]) -> dict[str, Scalar]:
        if "relation" in value:
            raise ValueError(
                "'relation' is set per task from 'tables'; remove it from operation_args "
                f"(got relation={value['relation']!r})"
            )
        return value


TEMPLATE_NAMES = ("dbt_build", "ingest", "backfill", "compaction")
