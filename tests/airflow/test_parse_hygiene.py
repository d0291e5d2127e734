"""Parse-time hygiene: a spec is read and validated once per parse; parsing touches no network,
database or Variable, imports no callable named in YAML, and never expands environment variables into
the DAG or its docs."""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path
from typing import Any

import pytest
import steadyflow.specs.validate as validate_module

from tests.airflow.conftest import EXAMPLES_DIR, load_dagbag, make_dag_folder


class Forbidden(AssertionError):
    pass


def test_parse_reads_each_spec_once_and_touches_no_network_db_or_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlalchemy.engine
    from airflow.sdk import Variable

    reads: list[str] = []
    real_parse = validate_module.parse_yaml

    def counting_parse(path: Path, text: str | None = None, **limits: Any) -> Any:
        reads.append(Path(path).name)
        return real_parse(path, text, **limits)

    def forbid(*args: Any, **kwargs: Any) -> Any:
        raise Forbidden("touched at parse time")

    monkeypatch.setattr(validate_module, "parse_yaml", counting_parse)
    monkeypatch.setattr(socket.socket, "connect", forbid)
    monkeypatch.setattr(socket, "create_connection", forbid)
    monkeypatch.setattr(sqlalchemy.engine.Engine, "connect", forbid)
    monkeypatch.setattr(Variable, "get", forbid)

    folder = make_dag_folder(tmp_path / "dags", sorted(EXAMPLES_DIR.glob("*.yaml")))
    bag: Any = load_dagbag(folder)
    assert bag.import_errors == {}
    assert sorted(reads) == sorted(p.name for p in EXAMPLES_DIR.glob("*.yaml"))


def test_callables_named_in_yaml_are_not_imported_at_parse_time(tmp_path: Path) -> None:
    module = "steadyflow_test_never_imported"
    spec = tmp_path / "user.yaml"
    spec.write_text(
        f"python_modules: [{module}]\n"
        "dags:\n  - dag_id: u\n    template: ingest\n"
        f"    callable: {{path: {module}.load, kwargs: {{day: '{{{{ ds }}}}'}}}}\n"
    )
    from steadyflow.loader import build_dags

    (dag,) = build_dags(spec)
    assert module not in sys.modules
    assert dag.task_dict["ingest"].op_kwargs["target"] == f"{module}.load"


def test_environment_is_never_expanded_into_dags_or_docs(monkeypatch: pytest.MonkeyPatch) -> None:
    from airflow.serialization.serialized_objects import DagSerialization
    from steadyflow.loader import build_dags

    sentinel = "/very/private/root-7f3a"
    monkeypatch.setenv("STEADYFLOW_DBT_ROOT", sentinel)
    monkeypatch.setenv("HOME", sentinel)
    for spec in sorted(EXAMPLES_DIR.glob("*.yaml")):
        for dag in build_dags(spec):
            text = json.dumps(DagSerialization.to_dict(dag), default=str)
            assert sentinel not in text
            assert "$STEADYFLOW_DBT_ROOT" not in (dag.doc_md or "")
