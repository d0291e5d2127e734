"""Run an allow-listed callable named in a spec. The import happens here, when the task runs."""

from __future__ import annotations

from typing import Any

from steadyflow.allowlist import check_callable
from steadyflow.dotted import import_callable


def call_allowed(target: str, user_modules: list[str], kwargs: dict[str, Any]) -> Any:
    """PythonOperator entry point for `ingest` callables: check the allow-list again, import, call."""
    check_callable(target, user_modules)
    return import_callable(target)(**kwargs)


def noop(**kwargs: Any) -> dict[str, Any]:
    """A callable that does nothing but return its arguments (for examples and tests)."""
    return dict(kwargs)
