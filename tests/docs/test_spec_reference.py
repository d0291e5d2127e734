"""docs/airflow-specs.md's spec reference is generated from the JSON Schema, and is current."""

from __future__ import annotations

import json

from steadyflow.spec_reference import END, START, render_reference, splice

from tests.support.dbt import REPO_ROOT

SCHEMA = REPO_ROOT / "airflow_templates" / "steadyflow.schema.json"
PAGE = REPO_ROOT / "docs" / "airflow-specs.md"


def test_the_spec_reference_in_the_docs_is_the_one_the_schema_generates() -> None:
    page = PAGE.read_text(encoding="utf-8")
    assert START in page and END in page, "docs/airflow-specs.md lost its generated section's markers"
    fresh = splice(page, render_reference(json.loads(SCHEMA.read_text(encoding="utf-8"))))
    assert page == fresh, (
        "docs/airflow-specs.md's spec reference is stale (the JSON Schema changed): run `make docs`"
        " (python -m steadyflow.spec_reference) and commit the page"
    )


def test_the_reference_lists_every_template_and_every_key_of_it() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    reference = render_reference(schema)
    for template, ref in schema["properties"]["dags"]["items"]["discriminator"]["mapping"].items():
        assert f"### template: `{template}`" in reference
        for key in set(schema["$defs"][ref.rsplit("/", 1)[-1]]["properties"]) - {"template"}:
            assert f"| `{key}` |" in reference, f"{template}.{key} is missing from the reference"


def test_durations_read_as_written_in_a_spec() -> None:
    reference = render_reference(json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert "| `retry_delay` | duration" in reference
    assert "`5m`" in reference and "PT5M" not in reference
