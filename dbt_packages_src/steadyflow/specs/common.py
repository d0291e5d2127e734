"""Small value types shared by the spec models: durations, identifiers, asset names, the strict base."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer, StringConstraints, WithJsonSchema

_DURATION_PART = re.compile(r"(\d+)\s*(d|h|m|s)")
_DURATION_FULL = re.compile(r"^\s*(?:\d+\s*[dhms]\s*)+$")
_UNIT_SECONDS = {"d": 86400, "h": 3600, "m": 60, "s": 1}


class StrictModel(BaseModel):
    """Every spec model: unknown keys are errors, values are not silently coerced between types."""

    model_config = ConfigDict(extra="forbid", strict=False, frozen=True, populate_by_name=False)


def parse_duration(value: object) -> timedelta:
    """'2h', '30m', '1h30m', '1d', '45s' or a number of seconds -> timedelta."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, bool):
        raise ValueError("expected a duration like '30m', '2h' or '1d', got a boolean")
    if isinstance(value, int):
        if value < 0:
            raise ValueError("a duration cannot be negative")
        return timedelta(seconds=value)
    if isinstance(value, str) and _DURATION_FULL.match(value):
        seconds = sum(int(n) * _UNIT_SECONDS[u] for n, u in _DURATION_PART.findall(value))
        return timedelta(seconds=seconds)
    raise ValueError(f"expected a duration like '30m', '2h', '1h30m' or '1d', got {value!r}")


def format_duration(value: timedelta) -> str:
    seconds = int(value.total_seconds())
    parts = []
    for unit, size in _UNIT_SECONDS.items():
        if seconds >= size:
            parts.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(parts) or "0s"


Duration = Annotated[
    timedelta,
    BeforeValidator(parse_duration),
    PlainSerializer(format_duration, return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^(\d+[dhms])+$", "examples": ["30m", "2h", "1d"]}),
]

#: Airflow's own rule for dag and task ids.
Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.\-]+$", min_length=1, max_length=250)]

#: An Asset name as used by `outlets:` and `schedule:`; `warehouse.orders` style, no spaces.
AssetName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.:/\-]*$", min_length=1)]

#: A dotted Python path, `package.module.function`.
DottedPath = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$")]

Scalar = str | int | float | bool | None
