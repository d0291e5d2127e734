"""One duration grammar, the documented one: `45s`, `30m`, `2h`, `1h30m`, `1d`, `1w`, lower-case units,
largest first. Every case goes through the spec loader, so what a spec accepts is what the grammar says;
zero is refused wherever a positive duration is needed and allowed only for a sensor's `offset`."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from steadyflow.specs import SpecError, load_spec
from steadyflow.specs.file import json_schema

ACCEPTED = [
    ("45s", timedelta(seconds=45)),
    ("30m", timedelta(minutes=30)),
    ("2h", timedelta(hours=2)),
    ("1h30m", timedelta(minutes=90)),
    ("1d", timedelta(days=1)),
    ("1w", timedelta(weeks=1)),
    ("1w2d3h4m5s", timedelta(weeks=1, days=2, hours=3, minutes=4, seconds=5)),
    ("90m", timedelta(minutes=90)),
    ("0h5m", timedelta(minutes=5)),
]

REFUSED = [
    ("2H", "expected a duration like '45s', '30m', '2h', '1h30m', '1d' or '1w' (units are lower-case: '2h'), got '2H'"),
    ("1h 30m", "(lower-case units, largest first, no spaces), got '1h 30m'"),
    ("30m1h", "(lower-case units, largest first, no spaces), got '30m1h'"),
    ("two hours", "expected a duration like '45s', '30m', '2h', '1h30m', '1d' or '1w', got 'two hours'"),
    ("2 hours", "got '2 hours'"),
    ("1y", "got '1y'"),
    ("h", "got 'h'"),
    ("-5m", "got '-5m'"),
    ("1.5h", "got '1.5h'"),
    (300, "(a number needs its unit: '300s', '5m'), got 300"),
    (True, "got True"),
    ("0m", "must be longer than zero, e.g. '5m' (got '0m')"),
    ("0h0m", "must be longer than zero"),
]

#: Every field that takes a duration longer than zero, as a DAG key path with the value spliced in.
POSITIVE_FIELDS = {
    "retry_delay": "    retry_delay: {v}\n",
    "execution_timeout": "    execution_timeout: {v}\n",
    "dagrun_timeout": "    dagrun_timeout: {v}\n",
    "alerts.deadline.after": "    alerts: {{webhook_conn_id: hook, deadline: {{reference: queued_at, after: {v}}}}}\n",
    "wait_for[0].timeout": "    wait_for: [{{dag_id: up, offset: 0m, timeout: {v}}}]\n",
    "wait_for[0].poke_interval": "    wait_for: [{{dag_id: up, offset: 0m, poke_interval: {v}, timeout: 1h}}]\n",
}


def spec_with(tmp_path: Path, dag_lines: str, defaults: str = "") -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text(f"{defaults}dags:\n  - dag_id: a\n    template: ingest\n    command: echo hi\n{dag_lines}")
    return path


def yaml_value(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else f"'{value}'" if isinstance(value, str) else str(value)


@pytest.mark.parametrize(("text", "expected"), ACCEPTED, ids=[t for t, _ in ACCEPTED])
def test_a_documented_duration_is_accepted(tmp_path: Path, text: str, expected: timedelta) -> None:
    (dag,) = load_spec(spec_with(tmp_path, f"    retry_delay: {text}\n")).spec.dags
    assert dag.retry_delay == expected


@pytest.mark.parametrize(("value", "message"), REFUSED, ids=[repr(v) for v, _ in REFUSED])
def test_anything_else_is_refused_naming_the_field_and_the_grammar(tmp_path: Path, value: object, message: str) -> None:
    path = spec_with(tmp_path, f"    retry_delay: {yaml_value(value)}\n")
    with pytest.raises(SpecError) as caught:
        load_spec(path)
    (issue,) = caught.value.issues
    assert (issue.line, issue.field) == (5, "dags[0].retry_delay")
    assert message in issue.message


@pytest.mark.parametrize("field", list(POSITIVE_FIELDS))
def test_zero_is_refused_where_a_positive_duration_is_needed(tmp_path: Path, field: str) -> None:
    with pytest.raises(SpecError) as caught:
        load_spec(spec_with(tmp_path, POSITIVE_FIELDS[field].format(v="0m")))
    (issue,) = caught.value.issues
    assert issue.field == f"dags[0].{field}"
    assert issue.message == "must be longer than zero, e.g. '5m' (got '0m')"


@pytest.mark.parametrize("field", ["retry_delay", "execution_timeout"])
def test_zero_is_refused_in_defaults_too(tmp_path: Path, field: str) -> None:
    with pytest.raises(SpecError) as caught:
        load_spec(spec_with(tmp_path, "", defaults=f"defaults:\n  {field}: 0s\n"))
    assert [(i.line, i.field) for i in caught.value.issues] == [(2, f"defaults.{field}")]


def test_an_offset_may_be_zero(tmp_path: Path) -> None:
    (dag,) = load_spec(spec_with(tmp_path, "    wait_for: [{dag_id: up, offset: 0m}]\n")).spec.dags
    assert dag.wait_for[0].offset == timedelta(0)


def test_the_json_schema_pattern_for_editors_is_the_same_grammar() -> None:
    retry_delay = json_schema()["$defs"]["IngestDag"]["properties"]["retry_delay"]  # type: ignore[index]
    offset = json_schema()["$defs"]["WaitForSpec"]["properties"]["offset"]  # type: ignore[index]
    for text, _ in ACCEPTED:
        assert re.search(retry_delay["pattern"], text) and re.search(offset["pattern"], text), text
    for value, _ in REFUSED:
        assert not (isinstance(value, str) and re.search(retry_delay["pattern"], value)), value
    assert re.search(offset["pattern"], "0m")


def test_one_duration_parser_is_left_in_the_package() -> None:
    package = Path(__file__).resolve().parents[2] / "dbt_packages_src" / "steadyflow"
    parsers = sorted(
        str(p.relative_to(package)) for p in package.rglob("*.py") if "def parse_duration" in p.read_text()
    )
    assert parsers == ["durations.py"]
