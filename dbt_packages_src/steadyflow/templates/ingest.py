"""`ingest`: run a shell command or an allow-listed Python callable, then publish the outlets."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from steadyflow.allowlist import NotAllowedError, check_callable
from steadyflow.specs.common import DOTTED_PATH, DottedPath, JsonValue, StrictModel
from steadyflow.specs.dag import CommonDagSpec
from steadyflow.templates.base import BuildContext, Problem, TemplateBuilder, asset
from steadyflow.templates.plan import DagPlan, Ref, TaskPlan


class CallableSpec(StrictModel):
    """An allow-listed Python callable, imported only when the task runs."""

    path: DottedPath
    kwargs: dict[str, JsonValue] = Field(default_factory=dict)


class IngestDag(CommonDagSpec):
    """Run a shell command or an allow-listed Python callable, then publish the outlets."""

    template: Literal["ingest"]
    command: str | None = None
    cwd: str | None = Field(
        default=None,
        description=(
            "working directory of `command` (an absolute path on the worker, no $variables or Jinja); "
            "without it the command runs in a new temporary directory, so `./script.sh` is not found"
        ),
    )
    callable: CallableSpec | None = None

    @field_validator("cwd")
    @classmethod
    def _plain_absolute_path(cls, value: str | None) -> str | None:
        if value is None:
            return value
        if "$" in value:
            raise ValueError("expected a plain absolute path, no $variables (the task does not expand them here)")
        if "{{" in value or "{%" in value:
            raise ValueError("expected a plain absolute path, no Jinja")
        if not value.startswith("/"):
            raise ValueError(f"expected an absolute path on the worker, e.g. '/opt/airflow/scripts' (got {value!r})")
        return value

    @model_validator(mode="after")
    def _one_action(self) -> IngestDag:
        if (self.command is None) == (self.callable is None):
            raise ValueError("an ingest DAG needs exactly one of 'command' or 'callable'")
        if self.cwd is not None and self.command is None:
            raise ValueError("'cwd' is the working directory of 'command'; remove it or use 'command'")
        return self


def inline_command(command: str) -> str:
    """`command` as BashOperator runs it inline: one ending in `.sh`/`.bash` would be read as a Jinja template
    file (TemplateNotFound at run time), so it gets the trailing space Airflow documents for running a script."""
    return command + " " if command.endswith((".sh", ".bash")) else command


def _callable_problems(path: str, python_modules: tuple[str, ...]) -> list[Problem]:
    try:
        check_callable(path, python_modules)
    except NotAllowedError as exc:
        return [(("callable", "path"), str(exc))]
    return []


class IngestTemplate(TemplateBuilder[IngestDag]):
    spec = IngestDag

    def file_problems(self, spec: IngestDag, python_modules: tuple[str, ...]) -> list[Problem]:
        """A callable must be steadyflow's or live in a module the file declares under `python_modules:`."""
        return [] if spec.callable is None else _callable_problems(spec.callable.path, python_modules)

    def raw_problems(self, dag: Mapping[str, Any], python_modules: tuple[str, ...]) -> list[Problem]:
        block = dag.get("callable")
        path = block.get("path") if isinstance(block, dict) else None
        if not isinstance(path, str) or not re.fullmatch(DOTTED_PATH, path):
            return []  # the model reports a missing or malformed path
        return _callable_problems(path, python_modules)

    def add_tasks(self, plan: DagPlan, spec: IngestDag, ctx: BuildContext) -> None:
        outlets = [asset(o) for o in spec.outlets]
        if spec.command is not None:
            kwargs: dict[str, Any] = {"bash_command": inline_command(spec.command), "outlets": outlets}
            if spec.cwd is not None:
                kwargs["cwd"] = spec.cwd
            plan.add(TaskPlan("ingest", "bash", kwargs))
            return
        assert spec.callable is not None  # the model requires exactly one of command / callable
        op_kwargs = {
            "target": spec.callable.path,
            "user_modules": list(ctx.python_modules),
            "kwargs": dict(spec.callable.kwargs),
        }
        plan.add(
            TaskPlan(
                "ingest",
                "python",
                {
                    "python_callable": Ref("steadyflow.runtime.call.call_allowed"),
                    "op_kwargs": op_kwargs,
                    "outlets": outlets,
                },
            )
        )


TEMPLATE = IngestTemplate()
