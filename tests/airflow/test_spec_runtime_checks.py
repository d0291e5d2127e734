"""Run-time failures the spec check can see: a command ending in `.sh` runs its script (BashOperator would
otherwise read it as a Jinja template file and fail with TemplateNotFound), and Jinja is parsed, never
rendered, at load time, only in the fields Airflow renders."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
from steadyflow.specs import SpecError, load_spec

from tests.airflow.conftest import load_dagbag, make_dag_folder


def _ingest_spec(folder: Path, command: str, extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    spec = folder / "scripted.yaml"
    spec.write_text(
        f"version: 1\ndags:\n  - dag_id: scripted_ingest\n    template: ingest\n    command: {command}\n{extra}",
        encoding="utf-8",
    )
    return spec


@pytest.mark.parametrize("suffix", [".sh", ".bash"])
def test_a_command_ending_in_sh_runs_the_script_in_a_real_dagbag(tmp_path: Path, suffix: str) -> None:
    marker = tmp_path / "ran.txt"
    script = tmp_path / "scripts" / f"load{suffix}"
    script.parent.mkdir()
    script.write_text(f"#!/bin/sh\necho loaded > {marker}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    spec = _ingest_spec(tmp_path / "specs", str(script))

    bag: Any = load_dagbag(make_dag_folder(tmp_path / "dags", [spec]))
    assert bag.import_errors == {}
    task = bag.dags["scripted_ingest"].get_task("ingest")
    task.render_template_fields(context={})  # what the worker does first: TemplateNotFound here before the fix
    task.execute(context={})

    assert marker.read_text(encoding="utf-8") == "loaded\n"


def test_valid_jinja_and_raw_blocks_load_and_plain_text_fields_are_not_parsed(tmp_path: Path) -> None:
    spec = _ingest_spec(
        tmp_path,
        "\"load.py --day {{ ds }} {% raw %}{{ not jinja{% endraw %} ${{ '{#' }}rows[@]}\"",
        "    description: 'a literal {{ in a description is only text'\n",
    )
    loaded = load_spec(spec)
    assert loaded.spec.dags[0].description == "a literal {{ in a description is only text"


def test_broken_jinja_in_an_inherited_default_is_reported_once_at_defaults(tmp_path: Path) -> None:
    spec = tmp_path / "two_builds.yaml"
    spec.write_text(
        "version: 1\n"
        "defaults:\n"
        "  dbt:\n"
        '    target: "{{ var.value.target"\n'
        "dags:\n"
        "  - {dag_id: build_a, template: dbt_build, select: [a]}\n"
        "  - {dag_id: build_b, template: dbt_build, select: [b]}\n",
        encoding="utf-8",
    )
    with pytest.raises(SpecError) as caught:
        load_spec(spec)
    assert [(i.line, i.field) for i in caught.value.issues] == [(4, "defaults.dbt.target")], str(caught.value)
    assert "invalid Jinja" in str(caught.value)


@pytest.mark.parametrize("command", ['"psql {{ conn Sup3rSecretW0rd }}"', '"psql {% Sup3rSecretW0rd %}"'])
def test_a_jinja_error_does_not_echo_the_words_of_the_value(tmp_path: Path, command: str) -> None:
    spec = _ingest_spec(tmp_path, command)
    with pytest.raises(SpecError) as caught:
        load_spec(spec)
    message = str(caught.value)
    assert f"{spec}:5:" in message and "dags[0].command: invalid Jinja" in message, message
    assert "Sup3rSecretW0rd" not in message, message


def test_a_jinja_opener_spelled_with_yaml_escapes_is_still_parsed(tmp_path: Path) -> None:
    spec = _ingest_spec(tmp_path, '"load.py --day \\x7b\\x7b ds"')  # YAML turns \x7b into '{': Airflow sees '{{ ds'
    with pytest.raises(SpecError) as caught:
        load_spec(spec)
    assert [(i.line, i.field) for i in caught.value.issues] == [(5, "dags[0].command")], str(caught.value)
