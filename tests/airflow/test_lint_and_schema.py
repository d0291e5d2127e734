"""`steadyflow lint` over the examples (clean, one warning for the report nobody consumes), and
`steadyflow schema` writing a JSON Schema that the examples satisfy and a typo violates."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from steadyflow.cli import build_parser, main
from steadyflow.lint import lint_dir

from tests.airflow.conftest import EXAMPLES_DIR


def test_examples_lint_clean_with_one_unconsumed_asset_warning(capsys: Any) -> None:
    report = lint_dir(EXAMPLES_DIR)
    assert report.errors == []
    assert [w.message for w in report.warnings] == [
        "asset 'reports.daily_orders' is produced but no spec consumes it "
        "(declare it in external_assets.consumed if a DAG outside steadyflow does)"
    ]
    assert report.files == 4 and report.dags == 7
    assert main(["lint", str(EXAMPLES_DIR)]) == 0
    assert main(["lint", "--strict", str(EXAMPLES_DIR)]) == 1
    assert "0 error(s), 1 warning(s)" in capsys.readouterr().out


def test_lint_reports_broken_files_and_keeps_checking_the_rest(tmp_path: Path, capsys: Any) -> None:
    shutil.copytree(EXAMPLES_DIR, tmp_path / "specs")
    (tmp_path / "specs" / "typo.yaml").write_text("dags:\n  - dag_id: a\n    template: ingest\n    retries: x\n")
    assert main(["lint", str(tmp_path / "specs")]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'specs' / 'typo.yaml'}:4:5: error: dags[0].retries:" in out
    assert "1 error(s), 1 warning(s)" in out


def test_trigger_of_an_unknown_dag_is_a_warning(tmp_path: Path) -> None:
    spec = tmp_path / "t.yaml"
    spec.write_text("dags:\n  - dag_id: a\n    template: ingest\n    command: echo\n    trigger: [nobody_home]\n")
    report = lint_dir(spec)
    assert report.errors == []
    assert len(report.warnings) == 1 and "nobody_home" in report.warnings[0].format()
    assert report.warnings[0].line == 5


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("schema") / "steadyflow.schema.json"
    assert main(["schema", str(out)]) == 0
    loaded: dict[str, Any] = json.loads(out.read_text())
    return loaded


@pytest.mark.parametrize("path", sorted(EXAMPLES_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_examples_satisfy_the_json_schema(schema: dict[str, Any], path: Path) -> None:
    data = json.loads(json.dumps(yaml.safe_load(path.read_text()), default=str))  # dates as editors see them
    jsonschema.validate(data, schema)


def test_the_json_schema_rejects_a_typo(schema: dict[str, Any]) -> None:
    bad = {"dags": [{"dag_id": "a", "template": "ingest", "comand": "echo"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_cli_registers_secrets_config_when_installed() -> None:
    subparsers = next(a for a in build_parser()._actions if a.dest == "command")
    commands = set(subparsers.choices)  # type: ignore[attr-defined]
    assert {"lint", "render", "schema", "init-loaders"} <= commands
    pytest.importorskip("steadyflow.secrets.config_cli")
    assert "secrets-config" in commands


def test_a_dag_id_defined_in_two_files_is_a_lint_error(tmp_path: Path) -> None:
    for name in ("one", "two"):
        (tmp_path / f"{name}.yaml").write_text("dags:\n  - dag_id: same\n    template: ingest\n    command: echo\n")
    report = lint_dir(tmp_path)
    assert [(f.file, f.line, f.field) for f in report.errors] == [(str(tmp_path / "two.yaml"), 2, "dags[0].dag_id")]
    assert "also defined in" in report.errors[0].message


def test_the_committed_schema_for_editors_is_current() -> None:
    from steadyflow.specs.file import json_schema

    committed = json.loads((EXAMPLES_DIR.parent / "steadyflow.schema.json").read_text())
    assert committed == json.loads(json.dumps(json_schema())), (
        "run: steadyflow schema airflow_templates/steadyflow.schema.json"
    )


def test_an_ingest_callable_that_does_not_exist_is_a_lint_warning(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_text(
        "python_modules: [steadyflow_no_such_module]\ndags:\n  - dag_id: c\n    template: ingest\n"
        "    callable: {path: steadyflow_no_such_module.load}\n"
    )
    report = lint_dir(spec)
    assert report.errors == []
    (warning,) = report.warnings
    assert (warning.line, warning.field) == (5, "dags[0].callable.path")
    assert "cannot be imported here" in warning.message


def test_lint_of_a_folder_that_does_not_exist_says_so_instead_of_a_traceback(tmp_path: Path, capsys: Any) -> None:
    assert main(["lint", str(tmp_path / "no_such_dags")]) == 2
    assert f"no spec file or folder at {tmp_path / 'no_such_dags'}" in capsys.readouterr().err
