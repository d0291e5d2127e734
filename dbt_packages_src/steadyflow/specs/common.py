"""Small value types shared by the spec models: durations (`steadyflow.durations`), identifiers, asset
names, the strict base."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    PlainValidator,
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
DOTTED_PATH = r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$"
DottedPath = Annotated[str, StringConstraints(pattern=DOTTED_PATH)]


#: How a JSON-value message about a YAML date or timestamp starts (it quotes the value).
QUOTE_IT = ("a date; quote it", "a timestamp; quote it")


def _json_problem(value: object, where: str = "") -> tuple[str, str] | None:
    """Where inside `value` (as read from YAML) something is not a JSON value (`''`, `a[1].b`), and why."""
    if isinstance(value, bool | int | str) or value is None:
        return None
    if isinstance(value, float):
        if math.isfinite(value):
            return None
        return where, f"expected a finite number, got {value!r} (.inf and .nan cannot be written into a DAG file)"
    if isinstance(value, datetime):
        return where, f"a timestamp; quote it: '{value}'"
    if isinstance(value, date):
        return where, f"a date; quote it: '{value.isoformat()}'"
    if isinstance(value, list):
        items = [(f"{where}[{index}]", item) for index, item in enumerate(value)]
    elif isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                return where, f"mapping keys must be strings; quote {key!r}"
        items = [(f"{where}.{key}" if where else str(key), item) for key, item in value.items()]
    else:
        return where, f"expected a string, number, boolean, null, list or mapping, got a {type(value).__name__}"
    for inner, item in items:
        problem = _json_problem(item, inner)
        if problem is not None:
            return problem
    return None


def _json_value(value: object) -> object:
    problem = _json_problem(value)
    if problem is not None:
        where, why = problem
        raise ValueError(f"{why} (in this value at {where})" if where else why)
    return value


#: A JSON value (string, integer, finite float, boolean, null, or a list / string-keyed mapping of them,
#: nested): dbt vars, trigger conf, callable kwargs. A wrong value is one message naming what to write.
JsonValue = Annotated[
    Any,
    PlainValidator(_json_value),
    WithJsonSchema({"description": "any JSON value: string, number, boolean, null, list or mapping (nested)"}),
]


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
