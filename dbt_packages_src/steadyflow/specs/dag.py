"""Fields every DAG spec has, whatever its template: identity, schedule, assets, cross-DAG links,
retries and timeouts, alerts."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

from pydantic import Discriminator, Field, Tag, model_validator

from steadyflow.durations import format_duration
from steadyflow.specs.alerts import AlertsSpec
from steadyflow.specs.common import (
    AssetName,
    Duration,
    Identifier,
    JsonValue,
    PositiveDuration,
    StrictModel,
)
from steadyflow.specs.schedule import Schedule

DEFAULT_RETRIES = 2
DEFAULT_RETRY_DELAY = timedelta(minutes=5)
#: A task on a dead worker is failed after this long instead of hanging in "running".
DEFAULT_EXECUTION_TIMEOUT = timedelta(hours=1)
DEFAULT_START_DATE = date(2024, 1, 1)


class TriggerSpec(StrictModel):
    """Trigger another DAG when this one has succeeded (TriggerDagRunOperator at the end)."""

    dag_id: Identifier
    wait_for_completion: bool = False
    conf: dict[str, JsonValue] = Field(default_factory=dict)


def _trigger_shape(value: Any) -> str | None:
    if isinstance(value, str):
        return "trigger_dag_id"
    if isinstance(value, dict | TriggerSpec):
        return "trigger_spec"
    return None


#: A `trigger:` entry: a dag id, or the full form. Told apart up front: a mistake is one message, not a union dump.
TriggerEntry = Annotated[
    Annotated[Identifier, Tag("trigger_dag_id")] | Annotated[TriggerSpec, Tag("trigger_spec")],
    Discriminator(
        _trigger_shape,
        custom_error_type="trigger_entry",
        custom_error_message="expected a dag id or {dag_id, wait_for_completion, conf}",
    ),
]
#: Tags pydantic puts into error locations for `TriggerEntry`; removed when errors are reported.
TRIGGER_TAGS = frozenset({"trigger_dag_id", "trigger_spec"})


class WaitForSpec(StrictModel):
    """Wait for a task (or whole run) of another DAG before starting (ExternalTaskSensor, reschedule mode).

    `offset` is how much earlier the other DAG's logical date is than this DAG's: state it even when
    it is 0m, because a wrong offset makes the sensor wait for a run that never exists."""

    dag_id: Identifier
    task_id: Identifier | None = None
    offset: Duration
    timeout: PositiveDuration = timedelta(hours=6)
    poke_interval: PositiveDuration = timedelta(minutes=5)

    @model_validator(mode="after")
    def _timeout_covers_a_poke(self) -> WaitForSpec:
        if self.timeout < self.poke_interval:
            raise ValueError(
                f"timeout ({format_duration(self.timeout)}) is shorter than its poke_interval "
                f"({format_duration(self.poke_interval)}): the sensor would time out before it looks a second "
                "time; raise timeout or lower poke_interval"
            )
        return self


class DbtProjectSpec(StrictModel):
    """Where the dbt project is. Paths are relative to the folder named by the environment variable
    `root_env`, read by the task's shell at run time (never expanded into the DAG or its docs)."""

    root_env: Annotated[str, Field(pattern=r"^[A-Z_][A-Z0-9_]*$")] = "STEADYFLOW_DBT_ROOT"
    project_dir: str = "."
    profiles_dir: str | None = None
    target: str | None = None
    executable: str = "dbt"


#: `pin_now:` of the templates that run dbt (`pin_now: PinNow = True`).
PinNow = Annotated[
    bool,
    Field(
        description=(
            "Pass dbt the var steadyflow_now = the run's data interval end (or its run_after when it has none), "
            "'YYYY-MM-DD HH:MM:SS' UTC, so a cleared run replays the window it loaded. A steadyflow_now in "
            "`vars` wins. false: dbt uses its own clock (run_started_at)."
        )
    ),
]


class CommonDagSpec(StrictModel):
    """Keys every template accepts."""

    dag_id: Identifier
    description: str | None = None
    doc_md: str | None = None
    schedule: Schedule | None = None
    start_date: date = DEFAULT_START_DATE
    catchup: bool = False
    max_active_runs: int = Field(default=1, ge=1, le=64)
    tags: list[str] = Field(default_factory=list)
    owner: str = "steadyflow"
    retries: int = Field(default=DEFAULT_RETRIES, ge=0, le=20)
    retry_delay: PositiveDuration = DEFAULT_RETRY_DELAY
    execution_timeout: PositiveDuration = Field(
        default=DEFAULT_EXECUTION_TIMEOUT, description="fails (and reports) a task whose worker died"
    )
    dagrun_timeout: PositiveDuration | None = None
    outlets: list[AssetName] = Field(default_factory=list)
    trigger: list[TriggerEntry] = Field(
        default_factory=list, description="dag ids (or {dag_id, wait_for_completion, conf}) to trigger at the end"
    )
    wait_for: list[WaitForSpec] = Field(default_factory=list)
    alerts: AlertsSpec | None = None

    def trigger_specs(self) -> list[TriggerSpec]:
        """`trigger:` entries, the `dag_id` shorthand expanded."""
        return [TriggerSpec(dag_id=t) if isinstance(t, str) else t for t in self.trigger]


class DefaultsSpec(StrictModel):
    """`defaults:` at the top of a file: values every DAG in the file inherits unless it sets its own."""

    owner: str | None = None
    tags: list[str] | None = None
    start_date: date | None = None
    catchup: bool | None = None
    retries: int | None = Field(default=None, ge=0, le=20)
    retry_delay: PositiveDuration | None = None
    execution_timeout: PositiveDuration | None = None
    alerts: AlertsSpec | None = None
    dbt: DbtProjectSpec | None = None
