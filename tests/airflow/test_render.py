"""`steadyflow render` writes plain Python DAG files that read no YAML, and they give the same DAGs as
the YAML loader: the serialized forms (as the DAG processor stores them) are equal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from steadyflow.cli import main

from tests.airflow.conftest import EXAMPLES_DIR, load_dagbag

LOCATION_KEYS = {"fileloc", "relative_fileloc"}


def serialized(dag: Any) -> dict[str, Any]:
    from airflow.serialization.serialized_objects import DagSerialization

    data = DagSerialization.to_dict(dag)
    for key in LOCATION_KEYS:
        data["dag"].pop(key, None)
    return data


def test_rendered_files_give_identical_dags(examples_dagbag: Any, tmp_path: Path) -> None:
    out = tmp_path / "rendered"
    assert main(["render", str(EXAMPLES_DIR), str(out)]) == 0
    rendered = sorted(p.name for p in out.glob("*.py"))
    assert rendered == sorted(f"{p.stem}.py" for p in EXAMPLES_DIR.glob("*.yaml"))
    for path in out.glob("*.py"):
        text = path.read_text()
        assert "yaml" not in text.replace(".yaml", "")  # no YAML read at parse time
        compile(text, str(path), "exec")

    bag: Any = load_dagbag(out)
    assert bag.import_errors == {}
    assert sorted(bag.dag_ids) == sorted(examples_dagbag.dag_ids)
    for dag_id in bag.dag_ids:
        assert serialized(bag.dags[dag_id]) == serialized(examples_dagbag.dags[dag_id]), dag_id


def test_render_refuses_a_broken_spec_and_says_where(tmp_path: Path, capsys: Any) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "bad.yaml").write_text("dags:\n  - dag_id: a\n    template: ingest\n    comand: echo\n")
    assert main(["render", str(specs), str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert f"{specs / 'bad.yaml'}:4:5: dags[0].comand: unknown key 'comand' (did you mean 'command'?)" in err


def test_render_refuses_a_non_finite_number_it_could_not_write_as_python(tmp_path: Path, capsys: Any) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "inf.yaml").write_text(
        "dags:\n  - dag_id: a\n    template: ingest\n    callable:\n      path: steadyflow.runtime.call.noop\n"
        "      kwargs: {ratio: .inf, bounds: [0, .nan]}\n"
    )
    assert main(["render", str(specs), str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("2 problems in steadyflow spec:"), err
    assert f"{specs / 'inf.yaml'}:6:" in err
    assert "dags[0].callable.kwargs.ratio: expected a finite number, got inf" in err
    assert "dags[0].callable.kwargs.bounds: expected a finite number, got nan" in err
    assert not (tmp_path / "out" / "inf.py").exists()
