"""A spec file: `version`, the user's declared Python modules, assets shared with DAGs outside
steadyflow, file-wide `defaults`, and `dags`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Literal, Union

from pydantic import Field, field_validator

from steadyflow.specs.common import AssetName, StrictModel
from steadyflow.specs.dag import CommonDagSpec, DefaultsSpec
from steadyflow.templates.registry import spec_models

if TYPE_CHECKING:  # the union is built when this module loads, from the registry: to mypy, a CommonDagSpec
    DagSpec = CommonDagSpec
else:
    #: One DAG of `dags:`: the spec model of the template its `template:` names, among every registered one.
    DagSpec = Annotated[Union[tuple(spec_models().values())], Field(discriminator="template")]  # noqa: UP007


class ExternalAssets(StrictModel):
    """Assets that DAGs outside steadyflow (hand-written DAGs, other tools) produce or consume.

    Only `steadyflow lint` reads them: a spec may wait for an asset declared `produced` here, and an
    outlet declared `consumed` here is not reported as unused. They build no task."""

    produced: list[AssetName] = Field(
        default_factory=list, description="Assets written by DAGs outside steadyflow, which specs may wait for."
    )
    consumed: list[AssetName] = Field(
        default_factory=list, description="Assets read by DAGs outside steadyflow (not reported as unconsumed)."
    )


class SpecFile(StrictModel):
    """One YAML file holding one or more DAG specs."""

    version: Literal[1] = 1
    python_modules: list[Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_.]*$")]] = Field(
        default_factory=list,
        description="Your modules whose callables an ingest DAG may name (imported only when the task runs).",
    )
    external_assets: ExternalAssets = Field(
        default_factory=ExternalAssets,
        description="Assets produced or consumed by DAGs outside steadyflow, for lint's asset-graph check "
        "(they count for every spec in the linted folder).",
    )
    defaults: DefaultsSpec = Field(default_factory=DefaultsSpec)
    dags: list[DagSpec] = Field(min_length=1)

    @field_validator("python_modules")
    @classmethod
    def _not_stdlib(cls, modules: list[str]) -> list[str]:
        for module in modules:
            top = module.split(".")[0]
            if top in sys.stdlib_module_names or top == "steadyflow":
                raise ValueError(
                    f"'{module}' cannot be declared: python_modules is for your own packages, "
                    "not the standard library or steadyflow (whose callables are allow-listed already)"
                )
        return modules


def json_schema() -> dict[str, object]:
    """The JSON Schema of a spec file, for editors (`steadyflow schema`)."""
    schema = SpecFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "steadyflow DAG spec file"
    return schema
