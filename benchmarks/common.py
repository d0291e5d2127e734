"""Helpers shared by the benchmark modules."""

from __future__ import annotations

import os


def env_int(name: str, default: int, what: str = "rows") -> int:
    """An integer from the environment (`10_000_000` allowed); `what` names the unit in the error."""
    raw = os.environ.get(name, str(default))
    try:
        return int(raw.replace("_", ""))
    except ValueError:
        raise SystemExit(f"{name} must be an integer number of {what}, got {raw!r}") from None
