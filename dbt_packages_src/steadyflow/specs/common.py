"""Small value types shared by the spec models: durations (`steadyflow.durations`), identifiers, asset
names, the strict base."""

from __future__ import annotations

import math
import re
from datetime import timedelta
from functools import cache
from typing import TYPE_CHECKING, Annotated

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
)

from steadyflow.durations import EXAMPLES, PATTERN, POSITIVE_PATTERN, format_duration, parse_duration

if TYPE_CHECKING:
    import jinja2


class StrictModel(BaseModel):
    """Every spec model: unknown keys are errors, values are not silently coerced between types."""

    model_config = ConfigDict(extra="forbid", strict=False, frozen=True, populate_by_name=False)


def _any_duration(value: object) -> timedelta:
    return parse_duration(value)


def _positive_duration(value: object) -> timedelta:
    return parse_duration(value, positive=True)


def _duration_schema(pattern: str, rule: str) -> WithJsonSchema:
    return WithJsonSchema(
        {
            "type": "string",
            "pattern": pattern,
            "description": f"a duration: {EXAMPLES} (lower-case units w/d/h/m/s, largest first{rule})",
            "examples": ["30m", "2h", "1d"],
        }
    )


#: A duration of the one grammar (`steadyflow.durations`), zero allowed: only an offset.
Duration = Annotated[
    timedelta,
    BeforeValidator(_any_duration),
    PlainSerializer(format_duration, return_type=str),
    _duration_schema(PATTERN, ""),
]

#: A duration longer than zero: deadlines, timeouts, retry delays, poke intervals.
PositiveDuration = Annotated[
    timedelta,
    BeforeValidator(_positive_duration),
    PlainSerializer(format_duration, return_type=str),
    _duration_schema(POSITIVE_PATTERN, ", longer than zero"),
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
