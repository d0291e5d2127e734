"""The examples of docs/changing-models.md, run: the compare_relations call (on the integration project's
fixtures, named as the page names them) gives the table the page shows, and the CI workflow file's
`steadyflow slim-ci` command is one the CLI accepts."""

from __future__ import annotations

import re
import shlex

import pytest
import yaml
from steadyflow.cli import build_parser

from tests.docs.pages import code_blocks
from tests.support.dbt import REPO_ROOT, DbtProject, query

PAGE = REPO_ROOT / "docs" / "changing-models.md"
FIXTURE_NAMES = {"orders_rewrite": "compare_new_orders", "legacy_orders": "compare_legacy_orders"}


def shown_table() -> list[tuple[object, ...]]:
    """The per-column table the page shows under the compare_relations example."""
    text = PAGE.read_text(encoding="utf-8")
    section = text.split("| column_name | rows_only_in_a |", 1)[1].split("\n\n", 1)[0]
    rows = []
    for line in section.splitlines()[2:]:
        name, *counts, detail = [cell.strip() for cell in line.strip("|").split("|")]
        rows.append((name, *(int(c) for c in counts), detail))
    return rows


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory: pytest.TempPathFactory, integration_deps: None) -> DbtProject:
    project = DbtProject(work_dir=tmp_path_factory.mktemp("compare_docs"), target="duckdb")
    project.dbt("build", "-s", "compare_legacy_orders", "compare_new_orders", "--exclude", "test_type:data")
    return project


def test_the_documented_call_gives_the_documented_table(fixtures: DbtProject) -> None:
    (example,) = [b.text for b in code_blocks(PAGE, "sql") if "compare_relations(" in b.text]
    for shown, fixture in FIXTURE_NAMES.items():
        example = example.replace(f"ref('{shown}')", f"ref('{fixture}')")

    compiled = fixtures.dbt("compile", "--inline", example).raw.result.results[0].node.compiled_code
    columns = "column_name, rows_only_in_a, rows_only_in_b, rows_differing, rows_matching, detail"
    rows = query(fixtures, f"select {columns} from ({compiled}) as c order by column_position")

    assert [tuple(r) for r in rows] == shown_table()


def test_the_ci_workflow_runs_a_slim_ci_command_the_cli_accepts() -> None:
    workflow = yaml.safe_load((REPO_ROOT / "docs" / "ci" / "slim-ci.yml").read_text(encoding="utf-8"))
    runs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    (command,) = [line for run in runs for line in run.splitlines() if line.startswith("steadyflow slim-ci")]

    args = build_parser().parse_args(shlex.split(command)[1:])

    assert (args.state, args.target, args.on_bad_state) == ("prod-artifacts", "ci", "full")
    assert re.search(
        r"name: dbt-prod-artifacts\n\s+path: prod-artifacts", (REPO_ROOT / "docs/ci/slim-ci.yml").read_text()
    )
