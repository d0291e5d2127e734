"""Demo step: a stored procedure rewritten as a dbt model, proven against the legacy output.

compare_legacy_orders is the legacy export (a seed); compare_new_orders is the rewrite. One call of
steadyflow.compare_relations, with a tolerance on the two money columns, joins them once and says per column
what differs; matches_relation, the same comparison as a test, fails with the rows that do not match; and a
fanned-out join (a key twice) is named before any comparison is trusted.
"""

from __future__ import annotations

from pathlib import Path

from guards import print_table

from tests.support.dbt import DbtProject, query

CALL = (
    "steadyflow.compare_relations(a=ref('compare_legacy_orders'), b=ref('{new}'), primary_key='order_id', "
    "tolerance={{'amount': {{'absolute': 0.01}}, 'fee': {{'relative': 0.001}}}})"
)
COLUMNS = ["column_name", "rows_only_in_a", "rows_only_in_b", "rows_differing", "rows_matching", "detail"]
TESTS = ["compare_with_tolerance", "compare_exact", "compare_duplicate_key_in_a"]


def comparison(project: DbtProject, new: str, columns: list[str]) -> list[tuple[object, ...]]:
    call = "{{ " + CALL.format(new=new) + " }}"
    compiled = project.dbt("compile", "--inline", call, "--log-level", "none").raw.result.results[0].node.compiled_code
    return query(project, f"select {', '.join(columns)} from ({compiled}) as c order by column_position, detail")


def run(workdir: Path) -> None:
    workdir.mkdir(parents=True, exist_ok=True)
    project = DbtProject(work_dir=workdir, target="duckdb")
    project.dbt("build", "-s", "path:seeds/compare", "path:models/compare", "--exclude", "test_type:data")
    print(f"{{{{ {CALL.format(new='compare_new_orders')} }}}}")
    print_table(
        "1. legacy (a) vs the rewrite (b), one row per column: one join of the two tables",
        COLUMNS,
        comparison(project, "compare_new_orders", COLUMNS),
    )
    print_table(
        "2. against a rewrite whose join fanned out: the key is checked first",
        ["row_kind", "failing_rows", "detail"],
        comparison(project, "compare_new_orders_duplicated", ["row_kind", "failing_rows", "detail"]),
    )
    result = project.dbt("test", "-s", *TESTS, "--log-level", "none", expect=None)
    print_table(
        "3. the same comparisons as tests (steadyflow.matches_relation)",
        ["test", "status", "failures"],
        [(name, result.statuses[name], result.failures[name]) for name in TESTS],
    )
