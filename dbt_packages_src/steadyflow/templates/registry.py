"""Template name -> builder. `template:` in a spec picks one of these."""

from __future__ import annotations

from typing import Any

from steadyflow.specs.file import SpecFile
from steadyflow.templates.backfill import BackfillTemplate
from steadyflow.templates.base import BuildContext, TemplateBuilder
from steadyflow.templates.compaction import CompactionTemplate
from steadyflow.templates.dbt_build import DbtBuildTemplate
from steadyflow.templates.ingest import IngestTemplate
from steadyflow.templates.plan import DagPlan

TEMPLATES: dict[str, TemplateBuilder[Any]] = {
    b.name: b for b in (DbtBuildTemplate(), IngestTemplate(), BackfillTemplate(), CompactionTemplate())
}


def plan_file(spec: SpecFile, spec_name: str) -> list[DagPlan]:
    """The DAG plans of every DAG in a validated spec file."""
    ctx = BuildContext(spec_name=spec_name, python_modules=tuple(spec.python_modules))
    return [TEMPLATES[dag.template].plan(dag, ctx) for dag in spec.dags]
