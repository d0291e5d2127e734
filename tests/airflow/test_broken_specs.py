"""Every broken spec in broken_specs/ is rejected with a message that names its file, line and field,
and in a DAG folder it costs exactly its own import error: every good file's DAGs still load."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from steadyflow.lint import lint_dir
from steadyflow.specs import SpecError, load_spec

from tests.airflow.conftest import BROKEN_DIR, EXAMPLES_DIR, load_dagbag, make_dag_folder

BROKEN = sorted(BROKEN_DIR.glob("*.yaml"))


def corpus_text(path: Path) -> str:
    """A corpus file's text; some hold bytes that are not UTF-8 on purpose (their comments are ASCII)."""
    return path.read_text(encoding="utf-8", errors="replace")


PARSE_BROKEN = [p for p in BROKEN if "# check: lint" not in corpus_text(p)]
LINT_BROKEN = [p for p in BROKEN if p not in PARSE_BROKEN]


def expectations(path: Path) -> dict[str, Any]:
    text = corpus_text(path)
    line = re.search(r"^# expect-line: (\d+)$", text, re.M)
    field = re.search(r"^# expect-field: (.+)$", text, re.M)
    return {
        "line": int(line.group(1)) if line else None,
        "field": field.group(1).strip() if field else None,
        "fragments": re.findall(r"^# expect: (.+)$", text, re.M),
    }


def test_the_corpus_covers_at_least_fifteen_broken_specs() -> None:
    assert len(BROKEN) >= 15
    assert all(expectations(p)["line"] is not None and expectations(p)["fragments"] for p in BROKEN)


@pytest.mark.parametrize("path", PARSE_BROKEN, ids=lambda p: p.stem)
def test_broken_spec_error_names_file_line_and_field(path: Path) -> None:
    expected = expectations(path)
    with pytest.raises(SpecError) as caught:
        load_spec(path)
    message = str(caught.value)
    assert f"{path}:{expected['line']}:" in message, message
    if expected["field"] is not None:
        assert f": {expected['field']}: " in message, message
    for fragment in expected["fragments"]:
        assert fragment in message, message
    assert len(caught.value.issues) == 1, message  # one mistake, one issue


@pytest.mark.parametrize("path", LINT_BROKEN, ids=lambda p: p.stem)
def test_broken_asset_graph_is_a_lint_error_naming_file_line_and_field(path: Path, tmp_path: Path) -> None:
    expected = expectations(path)
    folder = make_dag_folder(tmp_path / "specs", [*sorted(EXAMPLES_DIR.glob("*.yaml")), path])
    report = lint_dir(folder)
    assert len(report.errors) == 1, [f.format() for f in report.findings]
    text = report.errors[0].format()
    assert text.startswith(f"{folder / path.name}:{expected['line']}:"), text
    assert f": {expected['field']}: " in text
    for fragment in expected["fragments"]:
        assert fragment in text
    assert report.exit_code() == 1


def test_each_broken_file_is_one_import_error_and_good_files_still_load(tmp_path: Path) -> None:
    good = sorted(EXAMPLES_DIR.glob("*.yaml"))
    folder = make_dag_folder(tmp_path / "dags", [*good, *PARSE_BROKEN])
    bag: Any = load_dagbag(folder)

    assert sorted(bag.import_errors) == sorted(f"{p.stem}.py" for p in PARSE_BROKEN)
    for path in PARSE_BROKEN:
        error = bag.import_errors[f"{path.stem}.py"]
        assert f"{folder / path.name}:{expectations(path)['line']}:" in error
    expected_ids = {dag.dag_id for spec in good for dag in load_spec(spec).spec.dags}
    assert set(bag.dag_ids) == expected_ids


def test_a_type_error_on_a_secret_value_names_the_field_but_not_the_value(tmp_path: Path) -> None:
    spec = tmp_path / "slack_url_as_conn_id.yaml"
    spec.write_text(
        "version: 1\n"
        "dags:\n"
        "  - dag_id: orders_ingest\n"
        "    template: ingest\n"
        "    command: echo hi\n"
        "    alerts:\n"
        '      webhook_conn_id: "https://hooks.slack.com/services/T0001/B0001/SuperSecretTok"\n'
    )
    with pytest.raises(SpecError) as caught:
        load_spec(spec)
    message = str(caught.value)
    assert f"{spec}:7:" in message and ": dags[0].alerts.webhook_conn_id: " in message, message
    assert "SuperSecretTok" not in message and "T0001/B0001" not in message, message  # not even truncated
