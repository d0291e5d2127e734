"""The one duration grammar of steadyflow specs: `45s`, `30m`, `2h`, `1h30m`, `1d`, `1w`.

A duration is one or more `<digits><unit>` parts, units `w d h m s` in lower case, largest first,
each at most once (`1h30m`, not `30m1h` or `1H`). Whether zero is allowed depends on the field: only an
offset may be `0m`; a deadline, timeout, retry delay or poke interval must be longer than zero.

Standard library only: the spec models build their pydantic types on it (`specs.common`), and the
alerts runtime formats intervals with it without importing pydantic."""

from __future__ import annotations

import re
from datetime import timedelta

UNIT_SECONDS = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1}

#: The grammar as a regular expression (also the JSON Schema `pattern` of a duration): one group per unit.
PATTERN = r"^(?=\d)(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?$"
#: The same, for a duration that must be longer than zero (some part has a non-zero digit).
POSITIVE_PATTERN = r"^(?=.*[1-9])" + PATTERN[1:]

_GRAMMAR = re.compile(PATTERN)
#: Number-unit parts in any case, order or spacing: what a near miss looks like (for the hint only).
_LOOSE = re.compile(r"(?:\d+[wdhms])+")
EXAMPLES = "'45s', '30m', '2h', '1h30m', '1d' or '1w'"


class DurationError(ValueError):
    """A value that is not a duration of the grammar, or zero where a positive one is needed."""


def parse_duration(value: object, *, positive: bool = False) -> timedelta:
    """`'1h30m'` -> `timedelta(minutes=90)`; a `timedelta` is checked and returned as is.

    Raises DurationError saying what was expected and what was given (`positive`: zero is refused)."""
    if isinstance(value, timedelta):
        delta = value
    elif isinstance(value, str) and (match := _GRAMMAR.fullmatch(value)):
        parts = zip(match.groups(), UNIT_SECONDS.values(), strict=True)  # e.g. ("1h", 3600)
        delta = timedelta(seconds=sum(int(part[:-1]) * size for part, size in parts if part))
    else:
        raise DurationError(f"expected a duration like {EXAMPLES}{_hint(value)}, got {value!r}")
    if delta < timedelta(0) or (positive and delta == timedelta(0)):
        shown = value if isinstance(value, str) else format_duration(delta)
        raise DurationError(f"must be longer than zero, e.g. '5m' (got {shown!r})")
    return delta


def _hint(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return " (a number needs its unit: '300s', '5m')"
    if isinstance(value, str) and value != value.lower() and _GRAMMAR.fullmatch(value.lower()):
        return f" (units are lower-case: {value.lower()!r})"
    if isinstance(value, str) and _LOOSE.fullmatch(value.lower().replace(" ", "")):
        return " (lower-case units, largest first, no spaces)"
    return ""


def format_duration(delta: timedelta) -> str:
    """The grammar's spelling of a whole number of seconds: `timedelta(minutes=90)` -> `'1h30m'`."""
    remaining = int(delta.total_seconds())
    parts: list[str] = []
    for unit, size in UNIT_SECONDS.items():
        if remaining >= size:
            parts.append(f"{remaining // size}{unit}")
            remaining %= size
    return "".join(parts) or "0s"
