"""The spec examples of the README and of every docs/*.md page are ones that work: each spec block loads
and renders to the same DAGs, and every gate they show names a model or selects tests that exist
in the integration project (the README once showed `select: ['tag:guards']`, which matched no test)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.airflow.test_render_equals_load import assert_render_equals_load
from tests.support.dbt import REPO_ROOT, DbtProject, ensure_deps

DOCS = [REPO_ROOT / "README.md", *sorted((REPO_ROOT / "docs").glob("*.md"))]
GATE = re.compile(r"\{type: (?:dbt_test|row_count), [^{}]*\}")


def yaml_blocks(path: Path) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)


def spec_blocks() -> list[tuple[str, str]]:
    found = []
    for path in DOCS:
        for number, block in enumerate(yaml_blocks(path)):
            text = textwrap.dedent(block)
            if re.search(r"^\s*dags:", text, flags=re.M):
                found.append((f"{path.name}#{number}", text))
    return found


def gates() -> list[tuple[str, dict[str, Any]]]:
    found: dict[str, dict[str, Any]] = {}  # each distinct gate once: `dbt ls` is slow
    for path in DOCS:
        for match in GATE.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(match.group(0), yaml.safe_load(match.group(0)))
    return sorted(found.items())


def test_the_docs_show_spec_examples_and_gates() -> None:
    pages = {where.split("#")[0] for where, _ in spec_blocks()}
    assert {"README.md", "airflow-specs.md", "maintenance.md"} <= pages
    kinds = {g["type"] for _, g in gates()}
    assert kinds == {"dbt_test", "row_count"}


@pytest.mark.parametrize(("where", "text"), spec_blocks(), ids=[w for w, _ in spec_blocks()])
def test_a_spec_example_loads_and_renders_to_the_same_dags(tmp_path: Path, where: str, text: str) -> None:
    spec = tmp_path / "example.yaml"
    spec.write_text(text, encoding="utf-8")
    assert_render_equals_load(spec)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    ensure_deps()
    return DbtProject(tmp_path_factory.mktemp("readme_gates"))


def listed(project: DbtProject, resource_type: str, select: list[str]) -> list[str]:
    result = project.dbt("ls", "--resource-type", resource_type, "--output", "name", "--select", *select)
    return list(result.raw.result or [])


@pytest.mark.parametrize(("where", "gate"), gates(), ids=[w for w, _ in gates()])
def test_every_gate_in_the_docs_names_what_exists(project: DbtProject, where: str, gate: dict[str, Any]) -> None:
    if gate["type"] == "dbt_test":
        assert listed(project, "test", gate["select"]), f"{where}: selects no test, the gate would always fail"
    else:
        assert listed(project, "model", [gate["model"]]) == [gate["model"]], where
