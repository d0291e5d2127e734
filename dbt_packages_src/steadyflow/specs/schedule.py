"""`schedule:` in a spec: a cron or preset, a list of Assets (all of them), an `all`/`any` expression,
or `{assets: ..., cron: ...}` (assets-or-time). Shapes are told apart up front so an error names one
expectation instead of every member of a union."""

from __future__ import annotations

import difflib
from typing import Annotated, Any

from pydantic import AfterValidator, Discriminator, Field, Tag, field_validator

from steadyflow.specs.common import AssetName, StrictModel

PRESETS = ("@once", "@continuous", "@hourly", "@daily", "@weekly", "@monthly", "@quarterly", "@yearly")
SCHEDULE_SHAPES = (
    "a cron string or preset (e.g. '0 6 * * *', '@daily'), a list of assets (all of them), "
    "{all: [...]}, {any: [...]}, or {assets: ..., cron: '...'}"
)


def check_cron(value: str) -> str:
    from croniter import croniter  # type: ignore[import-untyped]

    text = value.strip()
    if text in PRESETS:
        return text
    if text.startswith("@"):
        close = difflib.get_close_matches(text, PRESETS, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ValueError(f"unknown schedule preset {text!r}{hint}; presets are {', '.join(PRESETS)}")
    if not croniter.is_valid(text):
        raise ValueError(f"{text!r} is not a valid cron expression (5 fields: minute hour day month weekday)")
    return text


class AllOf(StrictModel):
    """Run when every listed asset (or sub-expression) has been updated."""

    all: list[AssetExpr] = Field(min_length=1)


class AnyOf(StrictModel):
    """Run when any listed asset (or sub-expression) has been updated."""

    any: list[AssetExpr] = Field(min_length=1)


def _expr_shape(value: Any) -> str | None:
    if isinstance(value, str):
        return "asset"
    if isinstance(value, dict):
        if set(value) == {"all"}:
            return "all_of"
        if set(value) == {"any"}:
            return "any_of"
    if isinstance(value, AllOf):
        return "all_of"
    if isinstance(value, AnyOf):
        return "any_of"
    return None


AssetExpr = Annotated[
    Annotated[AssetName, Tag("asset")] | Annotated[AllOf, Tag("all_of")] | Annotated[AnyOf, Tag("any_of")],
    Discriminator(
        _expr_shape,
        custom_error_type="asset_expression",
        custom_error_message="expected an asset name, {all: [...]} or {any: [...]}",
    ),
]

AllOf.model_rebuild()
AnyOf.model_rebuild()


class AssetsOrTime(StrictModel):
    """Run when the assets are updated, and also on the cron, whichever comes first."""

    assets: AssetExpr | list[AssetExpr]
    cron: str

    @field_validator("cron")
    @classmethod
    def _cron(cls, value: str) -> str:
        if value.strip() in ("@once", "@continuous"):
            raise ValueError(f"{value.strip()!r} is not a time schedule; use a cron expression or @hourly..@yearly")
        return check_cron(value)


def _schedule_shape(value: Any) -> str | None:
    if isinstance(value, str):
        return "cron_expr"
    if isinstance(value, list):
        return "asset_list"
    if isinstance(value, dict):
        keys = set(value)
        if keys == {"all"}:
            return "all_of"
        if keys == {"any"}:
            return "any_of"
        if "assets" in keys or "cron" in keys:
            return "assets_or_time"
    for cls, tag in ((AllOf, "all_of"), (AnyOf, "any_of"), (AssetsOrTime, "assets_or_time")):
        if isinstance(value, cls):
            return tag
    return None


CronExpr = Annotated[str, AfterValidator(check_cron), Field(description="cron expression or preset")]

Schedule = Annotated[
    Annotated[CronExpr, Tag("cron_expr")]
    | Annotated[list[AssetExpr], Tag("asset_list")]
    | Annotated[AllOf, Tag("all_of")]
    | Annotated[AnyOf, Tag("any_of")]
    | Annotated[AssetsOrTime, Tag("assets_or_time")],
    Discriminator(
        _schedule_shape, custom_error_type="schedule_shape", custom_error_message=f"expected {SCHEDULE_SHAPES}"
    ),
]

#: Tags pydantic puts into error locations for the unions above; removed when errors are reported.
UNION_TAGS = frozenset({"asset", "all_of", "any_of", "cron_expr", "asset_list", "assets_or_time"})


def asset_paths(schedule: object) -> list[tuple[str, tuple[str | int, ...]]]:
    """Every asset name a validated schedule waits on, with its path under `schedule:` (e.g.
    `('assets', 'any', 0)`), in order of appearance; a cron schedule waits on none."""
    if isinstance(schedule, list):
        return [(name, (i, *path)) for i, item in enumerate(schedule) for name, path in _expr_paths(item)]
    if isinstance(schedule, AssetsOrTime):
        inner = asset_paths(schedule.assets) if isinstance(schedule.assets, list) else _expr_paths(schedule.assets)
        return [(name, ("assets", *path)) for name, path in inner]
    if isinstance(schedule, AllOf | AnyOf):
        return _expr_paths(schedule)
    return []


def consumed_assets(schedule: object) -> list[str]:
    """Every asset name a schedule waits on, in order of appearance."""
    return [name for name, _ in asset_paths(schedule)]


def _expr_paths(expr: object) -> list[tuple[str, tuple[str | int, ...]]]:
    if isinstance(expr, str):
        return [(expr, ())]
    if isinstance(expr, AllOf):
        key, items = "all", expr.all
    elif isinstance(expr, AnyOf):
        key, items = "any", expr.any
    else:
        return []
    return [(name, (key, i, *path)) for i, item in enumerate(items) for name, path in _expr_paths(item)]
