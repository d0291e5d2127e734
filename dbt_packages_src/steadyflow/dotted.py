"""The one importer of dotted paths (`package.module.name`): DAG plans, operator kinds, allow-listed
callables at run time and lint all resolve a path here, with the same errors."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


class DottedPathError(ImportError):
    """A dotted path that is malformed, whose module cannot be imported, or that names nothing there."""


def _split(path: str) -> tuple[str, str]:
    module_name, _, attr = path.rpartition(".")
    if not module_name or not attr:
        raise DottedPathError(f"'{path}' is not a dotted path like package.module.name")
    return module_name, attr


def _module(module_name: str) -> Any:
    try:
        return importlib.import_module(module_name)
    except Exception as exc:  # whatever the module raises while importing, name the module
        raise DottedPathError(f"module '{module_name}' cannot be imported here ({type(exc).__name__}: {exc})") from exc


def import_path(path: str) -> Any:
    """The object at `package.module.name`."""
    module_name, attr = _split(path)
    try:
        return getattr(_module(module_name), attr)
    except AttributeError:
        raise DottedPathError(f"module '{module_name}' has no attribute '{attr}'") from None


def import_callable(path: str) -> Callable[..., Any]:
    """The callable at `package.module.name`; DottedPathError when it is missing or not callable."""
    module_name, attr = _split(path)
    found: Callable[..., Any] | None = getattr(_module(module_name), attr, None)
    if not callable(found):
        raise DottedPathError(f"module '{module_name}' has no callable '{attr}'")
    return found
