"""Parse the short duration strings used in specs: `90s`, `30m`, `2h`, `1d`, `1w`, `1h30m`."""

from __future__ import annotations

import re
from datetime import timedelta

_PART = re.compile(r"(\d+)([smhdw])")
_WHOLE = re.compile(r"(?:\d+[smhdw])+")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text: str, *, field: str = "duration") -> timedelta:
    """`"2h"` -> `timedelta(hours=2)`; raises ValueError naming `field` and the value when malformed."""
    value = text.strip().lower() if isinstance(text, str) else text
    if not isinstance(value, str) or not _WHOLE.fullmatch(value):
        raise ValueError(
            f"{field}: {text!r} is not a duration; use a number and a unit s/m/h/d/w, e.g. '30m', '2h', '1h30m'"
        )
    seconds = sum(int(n) * _UNIT_SECONDS[unit] for n, unit in _PART.findall(value))
    if seconds <= 0:
        raise ValueError(f"{field}: {text!r} must be longer than zero")
    return timedelta(seconds=seconds)


def format_duration(delta: timedelta) -> str:
    """The inverse of `parse_duration` for whole seconds: `timedelta(minutes=90)` -> `"1h30m"`."""
    remaining = int(delta.total_seconds())
    parts: list[str] = []
    for unit in ("d", "h", "m", "s"):
        size = _UNIT_SECONDS[unit]
        if remaining >= size:
            parts.append(f"{remaining // size}{unit}")
            remaining %= size
    return "".join(parts) or "0s"
