"""One template registry: each template module declares its spec model and its builder once
(`TEMPLATE = <builder>()`), and every list of templates derives from that: the names, the `dags:`
union of spec models, the JSON Schema, the "unknown template" message and the allow-list. A new
template is one module: dropped into the package, it loads, builds, renders and is in the schema."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import typing
from pathlib import Path

import pytest
from steadyflow.allowlist import callables
from steadyflow.specs import SpecError, load_spec
from steadyflow.specs.file import SpecFile, json_schema
from steadyflow.templates.registry import spec_models, template_names, templates

from tests.airflow.conftest import EXAMPLES_DIR

PACKAGE_DIR = Path(__file__).resolve().parents[2] / "dbt_packages_src" / "steadyflow"


def test_every_template_module_is_registered_under_its_own_name() -> None:
    modules = sorted(p.stem for p in (PACKAGE_DIR / "templates").glob("*.py") if "\nTEMPLATE = " in p.read_text())
    assert list(template_names()) == modules == ["backfill", "compaction", "dbt_build", "ingest"]
    for name, builder in templates().items():
        assert builder.spec.model_fields["template"].annotation == typing.Literal[name]


def test_the_spec_file_union_and_the_json_schema_list_exactly_the_registered_templates() -> None:
    (dag_union,) = typing.get_args(SpecFile.model_fields["dags"].annotation)
    assert set(typing.get_args(typing.get_args(dag_union)[0])) == set(spec_models().values())
    mapping = json_schema()["properties"]["dags"]["items"]["discriminator"]["mapping"]  # type: ignore[index]
    assert sorted(mapping) == list(template_names())


def test_an_unknown_template_is_refused_naming_every_registered_one(tmp_path: Path) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text("dags:\n  - dag_id: a\n    template: nope\n")
    with pytest.raises(SpecError, match="unknown template 'nope'; expected one of: " + ", ".join(template_names())):
        load_spec(spec)


def test_no_internal_run_time_function_is_allow_listed() -> None:
    # an ingest spec naming the backfill loop or a gate would bypass the template that passes its arguments
    assert callables() == {"steadyflow.runtime.call.noop"}
    assert not hasattr(templates()["backfill"], "callables")


HELLO_TEMPLATE = '''
"""`hello`: a template that exists only in this test."""

from typing import Literal

from steadyflow.specs.dag import CommonDagSpec
from steadyflow.templates.base import BuildContext, TemplateBuilder
from steadyflow.templates.plan import DagPlan, TaskPlan


class HelloDag(CommonDagSpec):
    template: Literal["hello"]
    greeting: str = "hello"


class HelloTemplate(TemplateBuilder[HelloDag]):
    spec = HelloDag

    def add_tasks(self, plan: DagPlan, spec: HelloDag, ctx: BuildContext) -> None:
        plan.add(TaskPlan("say", "bash", {"bash_command": f"echo {spec.greeting}"}))


TEMPLATE = HelloTemplate()
'''

HELLO_PROBE = """
import sys
import steadyflow.templates
steadyflow.templates.__path__.append(sys.argv[1])  # as if hello.py were in the package

from steadyflow.loader import build_dags
from steadyflow.render import render_spec
from steadyflow.specs.file import json_schema

(dag,) = build_dags(sys.argv[2])
assert dag.task_dict["say"].bash_command == "echo hi", dag.task_dict
assert "template:hello" in dag.tags
assert "hello" in json_schema()["properties"]["dags"]["items"]["discriminator"]["mapping"]
assert "bash_command='echo hi'" in render_spec(sys.argv[2])
print("ok")
"""


def test_a_new_template_is_one_module(tmp_path: Path) -> None:
    (tmp_path / "extra").mkdir()
    (tmp_path / "extra" / "hello.py").write_text(textwrap.dedent(HELLO_TEMPLATE))
    spec = tmp_path / "greet.yaml"
    spec.write_text("dags:\n  - dag_id: greet\n    template: hello\n    greeting: hi\n")
    done = subprocess.run(
        [sys.executable, "-c", HELLO_PROBE, str(tmp_path / "extra"), str(spec)],
        capture_output=True,
        text=True,
        env={**os.environ, "AIRFLOW__CORE__LOAD_EXAMPLES": "False"},
        check=False,
    )
    assert done.returncode == 0 and done.stdout.strip().endswith("ok"), done.stderr[-3000:]


def test_spec_models_and_builders_import_no_airflow() -> None:
    probe = (
        "import sys\n"
        "from steadyflow.specs import load_spec\n"
        "from steadyflow.templates.registry import plan_file\n"
        f"loaded = load_spec({str(EXAMPLES_DIR / 'orders_build.yaml')!r})\n"
        "plan_file(loaded.spec, loaded.path.name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('airflow', 'dbt')))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "[]"
