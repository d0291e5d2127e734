"""Small value types shared by the spec models: durations, identifiers, asset names, the strict base."""

from __future__ import annotations

import math
import re
from datetime import timedelta
from functools import cache
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer, StringConstraints, WithJsonSchema

if TYPE_CHECKING:
    import jinja2

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


def reject_non_finite(value: object) -> object:
    """`.inf`/`.nan` (also inside a list or mapping) are refused: a rendered DAG file would say `inf` (NameError)."""
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else (value,)
    for item in items:
        if isinstance(item, float) and not math.isfinite(item):
            raise ValueError(
                f"expected a finite number, got {item!r} (.inf and .nan cannot be written into a DAG file)"
            )
    return value


#: A plain YAML value: string, integer, finite float, boolean or null.
Scalar = Annotated[str | int | float | bool | None, BeforeValidator(reject_non_finite)]

#: A scalar, or a list or mapping of scalars (callable kwargs).
ScalarOrCollection = Annotated[Scalar | list[Scalar] | dict[str, Scalar], BeforeValidator(reject_non_finite)]


#: What opens a Jinja block; a string without one is not parsed at all (the common case, kept cheap).
_JINJA_OPENERS = ("{{", "{%", "{#")


@cache
def _jinja_env() -> jinja2.Environment:
    import jinja2

    # the syntax Airflow renders task fields with (its template env adds the `do` extension)
    return jinja2.Environment(extensions=["jinja2.ext.do"])


_JINJA_QUOTED = re.compile(r"'([^']*)'")
#: Jinja's own words a syntax error may quote; any other quoted word found in the value is the user's.
_JINJA_WORDS = frozenset({"if", "elif", "else", "for", "block", "macro", "call", "filter", "set", "with", "raw"})


def _redact_quoted(quoted: str, text: str) -> str:
    """A fragment Jinja quoted in its message, unless it is a word taken from the value (maybe a secret)."""
    from_value = quoted in text and any(ch.isalnum() for ch in quoted)
    if from_value and quoted not in _JINJA_WORDS and not quoted.startswith("end"):
        return "'...'"
    return f"'{quoted}'"


def jinja_problem(text: str) -> str | None:
    """Why Airflow could not render `text` as a Jinja template, or None. Parses, never renders.

    The reason names what Jinja expected, never a word of the value (which could be a secret)."""
    if "{" not in text or not any(opener in text for opener in _JINJA_OPENERS):
        return None
    import jinja2

    try:
        _jinja_env().parse(text)
    except jinja2.TemplateSyntaxError as exc:
        reason = _JINJA_QUOTED.sub(lambda m: _redact_quoted(m.group(1), text), exc.message or "syntax error")
        reason = reason.rstrip(".")
        where = f" at line {exc.lineno} of the value" if exc.lineno and "\n" in text else ""
        return (
            f"invalid Jinja (Airflow renders this field when the task runs): {reason}{where}; "
            "write a literal '{{' as {{ '{{' }} and a shell '${#' as ${{ '{#' }}, or wrap the text in "
            "{% raw %}...{% endraw %}"
        )
    return None
