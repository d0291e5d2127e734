"""A model test (recency_guard, row_count_guard, parity_guard, late_rows_missed) placed under a column used to
break the parse of the whole project (`macro 'dbt_macro__test_recency_guard' takes no keyword argument
'column_name'`). Now the project parses, the other tests run, and each misplaced test alone stops at compile
time with a steadyflow error naming the column, the model and where the test goes.

The misplaced tests go in a copy of the integration project (tests/late_data/project_copy.py)."""

from __future__ import annotations

from pathlib import Path

from tests.late_data.project_copy import project_copy
from tests.support.dbt import DbtProject

ANCHOR = """\
      - name: customer_id
        data_tests:
"""
MISPLACED = {
    "misplaced_recency_guard": ("recency_guard", "{field: ordered_at, datepart: day, interval: 1}"),
    "misplaced_row_count_guard": ("row_count_guard", "{min_rows: 1}"),
    "misplaced_parity_guard": ("parity_guard", "{expression: sum(amount), compare_model: \"ref('guards_orders')\"}"),
    "misplaced_late_rows_missed": (
        "late_rows_missed",
        "{source_relation: \"ref('guards_orders')\", event_time: ordered_at}",
    ),
}


def with_misplaced_model_tests(base: DbtProject, work_dir: Path) -> DbtProject:
    def edit(project_dir: Path) -> None:
        schema = project_dir / "models" / "guards" / "guards_schema.yml"
        text = schema.read_text()
        assert text.index(ANCHOR) < text.index("  - name: guards_orders_usd\n")  # under guards_orders
        added = "".join(
            f"        - steadyflow.{test}:\n            name: {name}\n            arguments: {arguments}\n"
            for name, (test, arguments) in MISPLACED.items()
        )
        schema.write_text(text.replace(ANCHOR, ANCHOR + added, 1))

    return project_copy(base, work_dir, edit)


def expected_message(test: str) -> list[str]:
    return [
        f"steadyflow.{test} is a model test, but it is attached to column customer_id of model guards_orders."
        " Move it under the model's data_tests:",
        "  models:",
        "    - name: guards_orders",
        "      data_tests:",
        f"        - steadyflow.{test}:",
        "            arguments: {...}",
    ]


def test_a_model_test_under_a_column_fails_alone_naming_the_column_and_the_model(
    duckdb_project: DbtProject, tmp_path: Path
) -> None:
    project = with_misplaced_model_tests(duckdb_project, tmp_path)

    project.dbt("run", "-s", "path:models/guards")  # the whole project parses

    res = project.dbt("test", "-s", "guards_orders", expect=False)

    lines = [line.removeprefix("  ") for line in res.text.splitlines()]
    for name, (test, _) in MISPLACED.items():
        assert res.statuses[name] == "error", (name, res.text)
        message = expected_message(test)
        assert message[0] in lines, res.text
        first = lines.index(message[0])
        assert lines[first : first + len(message)] == message, res.text
    # the model's other tests ran as always
    others = {name: status for name, status in res.statuses.items() if name not in MISPLACED}
    assert others["guards_rel_clean"] == "pass"
    assert set(others.values()) <= {"pass", "warn"}, others
    assert len(others) > 5
