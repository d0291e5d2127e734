"""Bad compare_relations / matches_relation arguments fail at compile time naming the argument and the value."""

from __future__ import annotations

import duckdb
import pytest

from tests.compare.support import failed_compile_log
from tests.support.dbt import DbtProject, query

A_B = "a=ref('compare_new_orders'), b=ref('compare_legacy_orders')"
CASES = {
    "primary_key missing": (
        f"steadyflow.compare_relations({A_B}, primary_key=none)",
        "steadyflow.compare_relations: argument `primary_key` is required, got null",
    ),
    "primary_key not a column": (
        f"steadyflow.compare_relations({A_B}, primary_key='id')",
        "steadyflow.compare_relations: argument `primary_key` must name columns of both relations (id is missing "
        'from a), got "id"',
    ),
    "unknown column in tolerance": (
        f"steadyflow.compare_relations({A_B}, primary_key='order_id', tolerance={{'amout': {{'absolute': 0.01}}}})",
        "steadyflow.compare_relations: argument `tolerance` must name compared columns (customer_name, status, "
        'amount, fee, discount); amout is not one, got {"amout": {"absolute": 0.01}}',
    ),
    "both absolute and relative": (
        f"steadyflow.compare_relations({A_B}, primary_key='order_id', "
        "tolerance={'amount': {'absolute': 0.01, 'relative': 0.1}})",
        "steadyflow.compare_relations: argument `tolerance.amount` must be exactly one of {absolute: x} "
        '(|a - b| <= x) or {relative: y} (|a - b| <= y * max(|a|, |b|)), got {"absolute": 0.01, "relative": 0.1}',
    ),
    "negative tolerance": (
        f"steadyflow.compare_relations({A_B}, primary_key='order_id', tolerance={{'fee': {{'relative': -0.1}}}})",
        "steadyflow.compare_relations: argument `tolerance.fee.relative` must be a number >= 0, got -0.1",
    ),
    "tolerance given as a string": (
        f"steadyflow.compare_relations({A_B}, primary_key='order_id', tolerance={{'fee': {{'absolute': '0.1'}}}})",
        'steadyflow.compare_relations: argument `tolerance.fee.absolute` must be a number >= 0, got the string "0.1"',
    ),
    "unknown column in columns": (
        f"steadyflow.compare_relations({A_B}, primary_key='order_id', columns=['amount', 'total'])",
        "steadyflow.compare_relations: argument `columns` must name a column of a or b (order_id, customer_name, "
        'status, amount, fee, discount), got "total"',
    ),
    "a tolerance on an excluded column": (
        f"steadyflow.compare_relations({A_B}, primary_key='order_id', exclude_columns='fee', "
        "tolerance={'fee': {'relative': 0.1}})",
        "steadyflow.compare_relations: argument `tolerance` must name compared columns (customer_name, status, "
        'amount, discount); fee is not one, got {"fee": {"relative": 0.1}}',
    ),
    "the test without compare_model": (
        "steadyflow.test_matches_relation(model=ref('compare_new_orders'), compare_model=none, primary_key='order_id')",
        "steadyflow.matches_relation: argument `compare_model` is required, got null",
    ),
    "the test with a bad threshold": (
        "steadyflow.test_matches_relation(model=ref('compare_new_orders'), compare_model=ref('compare_legacy_orders'),"
        " primary_key='order_id', warn_above='5 percent')",
        "steadyflow.matches_relation: argument `warn_above` must be a row/group count (e.g. 10) or a percent string "
        '(e.g. "5%"), got "5 percent"',
    ),
}


@pytest.fixture(scope="module")
def compiler(tmp_path_factory: pytest.TempPathFactory, integration_deps: None) -> DbtProject:
    """One DuckDB project, seeded and built once, so the column lookups find both relations."""
    project = DbtProject(work_dir=tmp_path_factory.mktemp("compare_arguments"), target="duckdb")
    project.dbt("build", "-s", "compare_legacy_orders", "compare_new_orders", "--exclude", "test_type:data")
    return project


@pytest.mark.parametrize("call, message", list(CASES.values()), ids=list(CASES))
def test_bad_arguments_are_named_in_the_error(compiler: DbtProject, call: str, message: str) -> None:
    assert message in failed_compile_log(compiler, "{{ " + call + " }}")


def test_matches_relation_under_a_column_says_it_is_a_model_test(compiler: DbtProject) -> None:
    call = (
        "steadyflow.test_matches_relation(model=ref('compare_new_orders'), compare_model=ref('compare_legacy_orders'),"
        " primary_key='order_id', column_name='amount')"
    )
    result = compiler.dbt("compile", "--inline", "{{ " + call + " }}", expect=False)
    assert "steadyflow.matches_relation is a model test, but it is attached to column amount" in result.text


def test_a_relation_that_does_not_exist_fails_when_the_comparison_runs(compiler: DbtProject) -> None:
    # at compile time it has no columns to check (as before a first build); the SQL still names it
    missing = "api.Relation.create(database=target.database, schema=target.schema, identifier='no_such_table')"
    call = f"steadyflow.compare_relations(a=ref('compare_new_orders'), b={missing}, primary_key='order_id')"
    compiled = compiler.dbt("compile", "--inline", "{{ " + call + " }}").raw.result.results[0].node.compiled_code

    with pytest.raises(duckdb.CatalogException, match="no_such_table"):
        query(compiler, compiled)
