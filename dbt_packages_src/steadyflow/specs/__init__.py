"""Typed spec models (pydantic v2) and the YAML loading that validates them with file:line:column errors."""

from steadyflow.specs.errors import SpecError, SpecIssue
from steadyflow.specs.validate import LoadedSpec, load_spec, spec_files

__all__ = ["LoadedSpec", "SpecError", "SpecIssue", "load_spec", "spec_files"]
