"""Every template, declared once. Each module of `steadyflow.templates` that sets `TEMPLATE = <builder>()`
is a template named after its module; the builder carries its spec model (`spec`). The template names,
the `dags:` union of spec models (`specs.file`), the JSON Schema and the allow-list all derive from here.

Adding a template is adding one module (plus docs): see docs/architecture.md."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import TYPE_CHECKING, Any

from steadyflow.specs.dag import CommonDagSpec
from steadyflow.templates.base import BuildContext, TemplateBuilder
from steadyflow.templates.plan import DagPlan

if TYPE_CHECKING:
    from steadyflow.specs.file import SpecFile

PACKAGE = "steadyflow.templates"


@cache
def templates() -> dict[str, TemplateBuilder[Any]]:
    """Template name -> builder, in name order (so the union, the schema and messages are stable)."""
    package = importlib.import_module(PACKAGE)
    found: dict[str, TemplateBuilder[Any]] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name == "registry":
            continue
        builder = getattr(importlib.import_module(f"{PACKAGE}.{info.name}"), "TEMPLATE", None)
        if builder is None:
            continue  # a helper module (base, plan, ...)
        if not isinstance(builder, TemplateBuilder):
            raise TypeError(f"{PACKAGE}.{info.name}.TEMPLATE must be a TemplateBuilder, got {builder!r}")
        if builder.name != info.name:
            raise TypeError(
                f"{PACKAGE}.{info.name}: its spec model {builder.spec.__name__} says template "
                f"{builder.name!r}; a template module is named after its template"
            )
        found[builder.name] = builder
    return found


def template_names() -> tuple[str, ...]:
    return tuple(templates())


def spec_models() -> dict[str, type[CommonDagSpec]]:
    """Template name -> its spec model."""
    return {name: builder.spec for name, builder in templates().items()}


def builder_for(dag: CommonDagSpec) -> TemplateBuilder[Any]:
    """The builder of a validated DAG spec (found by its model)."""
    for builder in templates().values():
        if type(dag) is builder.spec:
            return builder
    raise TypeError(f"{type(dag).__name__} is no template's spec model")


def plan_file(spec: SpecFile, spec_name: str) -> list[DagPlan]:
    """The DAG plans of every DAG in a validated spec file."""
    ctx = BuildContext(spec_name=spec_name, python_modules=tuple(spec.python_modules))
    return [builder_for(dag).plan(dag, ctx) for dag in spec.dags]
