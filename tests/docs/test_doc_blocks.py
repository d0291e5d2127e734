"""Every dbt model and schema snippet in README.md and docs/*.md is one dbt accepts.

Each ```sql block with a config/ref/source is written as a model into a copy of the integration project and
compiled (its window queries run against the warehouse); each ```yaml block with `models:` is added as a
schema file and its tests compiled (the guards check their arguments then). The names the snippets use
that the project lacks (`source('shop', ...)`, `ref('dim_customers')`) are stand-ins added to the copy: a
source over the project's raw_orders, a one-column model per ref."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.docs.pages import PAGES, Block, code_blocks
from tests.late_data.project_copy import project_copy
from tests.support.dbt import INTEGRATION_DIR, DbtProject, ensure_deps

EXAMPLES = "docs_examples"
SHOP_SOURCE = """version: 2
sources:
  - name: shop   # what the docs call the landing schema: the project's raw_orders
    schema: "{{ target.schema }}"
    tables: [{name: raw_orders}]
"""
_REF = re.compile(r"""ref\(\s*['"]([A-Za-z0-9_]+)['"]\s*\)""")


def model_blocks() -> list[Block]:
    return [b for p in PAGES for b in code_blocks(p, "sql") if re.search(r"\b(config|ref|source)\(", b.text)]


def schema_blocks() -> list[Block]:
    found = []
    for page in PAGES:
        for block in code_blocks(page, "yaml"):
            data = yaml.safe_load(block.text)
            if isinstance(data, dict) and "models" in data:
                found.append(block)
    return found


def _name(block: Block) -> str:
    return re.sub(r"\W", "_", f"docs_{block.page.stem}_{block.lang}{block.number}")


def _existing_models() -> set[str]:
    return {p.stem for p in (INTEGRATION_DIR / "models").rglob("*.sql")}


def _write_examples(project_dir: Path) -> None:
    folder = project_dir / "models" / EXAMPLES
    folder.mkdir()
    (folder / "shop_source.yml").write_text(SHOP_SOURCE, encoding="utf-8")
    stand_ins: set[str] = set()
    for block in model_blocks():
        (folder / f"{_name(block)}.sql").write_text(block.text, encoding="utf-8")
        stand_ins |= set(_REF.findall(block.text))
    for block in schema_blocks():
        data: dict[str, Any] = yaml.safe_load(block.text)
        for model in data["models"]:  # each snippet documents its own copy of the model it names
            model["name"] = f"{model['name']}__{_name(block)}"
            stand_ins.add(model["name"])
        stand_ins |= set(_REF.findall(block.text))
        (folder / f"{_name(block)}.yml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    for name in stand_ins - _existing_models():
        (folder / f"{name}.sql").write_text("select 1 as id\n", encoding="utf-8")


@pytest.fixture(scope="module")
def docs_project(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    ensure_deps()
    work = tmp_path_factory.mktemp("doc_blocks")
    project = project_copy(DbtProject(work), work, _write_examples)
    project.dbt("run-operation", "create_landing_tables")
    return project


def test_the_docs_show_models_and_schema_snippets() -> None:
    assert len(model_blocks()) >= 3 and len(schema_blocks()) >= 5


def test_every_test_in_the_schema_snippets_compiles(docs_project: DbtProject) -> None:
    """Compiling runs each guard's argument checks (a bad argument is a compile error naming it)."""
    result = docs_project.dbt(
        "compile", "--select", f"path:models/{EXAMPLES}", "--exclude", "resource_type:model", expect=None
    )
    assert result.success, f"a test in the docs' schema snippets does not compile:\n{result.text}"


@pytest.mark.parametrize("block", model_blocks(), ids=[b.where for b in model_blocks()])
def test_every_model_in_the_docs_compiles(docs_project: DbtProject, block: Block) -> None:
    result = docs_project.dbt("compile", "--select", _name(block), vars={"steadyflow_now": "2024-01-12 23:00:00"})
    assert result.success, f"{block.where} does not compile:\n{result.text}"
