"""Bad guard arguments fail at compile time with a message naming the guard, the argument and the value."""

from __future__ import annotations

import pytest

from tests.support.dbt import DbtProject

CASES = {
    "negative min_rows": (
        "steadyflow.test_row_count_guard(model=ref('guards_orders'), min_rows=-1)",
        "steadyflow.row_count_guard: argument `min_rows` must be an integer >= 0, got -1",
    ),
    "percent threshold without compare_model": (
        "steadyflow.test_row_count_guard(model=ref('guards_orders'), warn_above='5%')",
        "steadyflow.row_count_guard: argument `warn_above` must be a count here (percent thresholds need "
        'compare_model), got "5%"',
    ),
    "threshold that is neither a count nor a percent": (
        "steadyflow.test_relationship_guard(model=ref('guards_orders'), column_name='customer_id', "
        "to=ref('guards_customers'), field='customer_id', error_above='5 percent')",
        "steadyflow.relationship_guard: argument `error_above` must be a row/group count (e.g. 10) or a percent "
        'string (e.g. "5%"), got "5 percent"',
    ),
    "grace period without an interval": (
        "steadyflow.test_relationship_guard(model=ref('guards_orders'), column_name='customer_id', "
        "to=ref('guards_customers'), field='customer_id', grace_period={'field': 'loaded_at'})",
        "steadyflow.relationship_guard: argument `grace_period.interval` is required, got null",
    ),
    "allow_null that is not a boolean": (
        "steadyflow.test_relationship_guard(model=ref('guards_orders'), column_name='customer_id', "
        "to=ref('guards_customers'), field='customer_id', allow_null='yes')",
        'steadyflow.relationship_guard: argument `allow_null` must be true or false, got "yes"',
    ),
    "group_by lists of different lengths": (
        "steadyflow.test_parity_guard(model=ref('guards_orders'), expression='sum(amount)', "
        "compare_model=ref('guards_orders'), group_by=['order_date', 'currency'], compare_group_by=['order_date'])",
        "steadyflow.parity_guard: argument `compare_group_by` must list as many expressions as group_by (2), "
        'got ["order_date"]',
    ),
    "a count given as a string": (
        "steadyflow.test_row_count_guard(model=ref('guards_orders'), min_rows='5')",
        'steadyflow.row_count_guard: argument `min_rows` must be an integer >= 0, got the string "5"',
    ),
    "a boolean given as a string": (
        "steadyflow.test_relationship_guard(model=ref('guards_orders'), column_name='customer_id', "
        "to=ref('guards_customers'), field='customer_id', allow_null='false')",
        'steadyflow.relationship_guard: argument `allow_null` must be true or false, got the string "false"',
    ),
    "unknown datepart": (
        "steadyflow.test_recency_guard(model=ref('guards_events'), field='event_at', datepart='fortnight', interval=1)",
        "steadyflow.recency_guard: argument `datepart` must be one of second, minute, hour, day, week, month, year, "
        'got "fortnight"',
    ),
}


@pytest.fixture(scope="module")
def compiler(tmp_path_factory: pytest.TempPathFactory, integration_deps: None) -> DbtProject:
    """One DuckDB project for all cases, so each `dbt compile --inline` reuses the partial parse."""
    return DbtProject(work_dir=tmp_path_factory.mktemp("guard_arguments"), target="duckdb")


@pytest.mark.parametrize("call, message", list(CASES.values()), ids=list(CASES))
def test_bad_arguments_are_named_in_the_error(compiler: DbtProject, call: str, message: str) -> None:
    assert message in compiler.failed_log("compile", "--inline", "{{ " + call + " }}")


MISPLACED_RELATIONSHIP_GUARD = """\
steadyflow.relationship_guard is a column test, but it is attached to model guards_customers without a column. \
Move it under the key column:
  models:
    - name: guards_customers
      columns:
        - name: <the key column>
          data_tests:
            - steadyflow.relationship_guard:
                arguments: {to: ..., field: ...}"""


@pytest.mark.parametrize(
    "test_name", ["guards_misplaced_relationship_guard", "guards_misplaced_relationship_guard_where"]
)
def test_relationship_guard_placed_on_a_model_says_it_is_a_column_test(
    duckdb_project: DbtProject, test_name: str
) -> None:
    # guards_misplaced.yml puts it under the model's data_tests, with no column (enabled by this var only)
    vars = {"guards_misplaced_relationship_guard": True}

    res = duckdb_project.dbt("build", "-s", test_name, vars=vars, expect=False)

    # dbt indents the message by 2 spaces under "Compilation Error in test guards_misplaced_relationship_guard"
    lines = res.text.splitlines()
    first = next(i for i, line in enumerate(lines) if "steadyflow.relationship_guard is a column test" in line)
    expected = MISPLACED_RELATIONSHIP_GUARD.splitlines()
    assert [line.removeprefix("  ") for line in lines[first : first + len(expected)]] == expected
    assert f"Compilation Error in test {test_name} " in lines[first - 1]
    assert "as child_key" not in res.text
