"""`ingest`: run a shell command or an allow-listed Python callable, then publish the outlets."""

from __future__ import annotations

from typing import ClassVar

from steadyflow.specs.template_params import IngestDag
from steadyflow.templates.base import BuildContext, TemplateBuilder, asset
from steadyflow.templates.plan import DagPlan, Ref, TaskPlan


def inline_command(command: str) -> str:
    """`command` as BashOperator runs it inline: one ending in `.sh`/`.bash` would be read as a Jinja template
    file (TemplateNotFound at run time), so it gets the trailing space Airflow documents for running a script."""
    return command + " " if command.endswith((".sh", ".bash")) else command


class IngestTemplate(TemplateBuilder[IngestDag]):
    name: ClassVar[str] = "ingest"

    def add_tasks(self, plan: DagPlan, spec: IngestDag, ctx: BuildContext) -> None:
        outlets = [asset(o) for o in spec.outlets]
        if spec.command is not None:
            plan.add(TaskPlan("ingest", "bash", {"bash_command": inline_command(spec.command), "outlets": outlets}))
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
