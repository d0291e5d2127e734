"""Typed spec models (pydantic v2) and the YAML loading that validates them with file:line:column errors.

`load_spec`, `spec_files` and `LoadedSpec` are imported on first use: a template module imports the spec
building blocks (`specs.common`, `specs.dag`) while the spec file model (`specs.file`) imports every
template module, so importing this package must not import the validator eagerly."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from steadyflow.specs.errors import SpecError, SpecIssue

if TYPE_CHECKING:
    from steadyflow.specs.validate import LoadedSpec, load_spec, spec_files

__all__ = ["LoadedSpec", "SpecError", "SpecIssue", "load_spec", "spec_files"]


def __getattr__(name: str) -> Any:
    if name in ("LoadedSpec", "load_spec", "spec_files"):
        from steadyflow.specs import validate

        return getattr(validate, name)
    raise AttributeError(f"module 'steadyflow.specs' has no attribute {name!r}")
