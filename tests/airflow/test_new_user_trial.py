"""What a new user tripped over when trying the Airflow specs from the README and docs alone
(notes/trial-airflow-fixes.md): each test is one of those trips, now a clear load-time answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from steadyflow.cli import main
from steadyflow.loader import build_dags
from steadyflow.specs import SpecError, load_spec


def write_spec(tmp_path: Path, dags: str, head: str = "version: 1\n", name: str = "spec.yaml") -> Path:
    path = tmp_path / name
    path.write_text(head + "dags:\n" + dags, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(SpecError) as caught:
        load_spec(path)
    return [issue.format() for issue in caught.value.issues]


DBT_BUILD = "  - dag_id: orders_build\n    template: dbt_build\n    select: [orders]\n"
INGEST = "  - dag_id: orders_ingest\n    template: ingest\n"


# item 1: a script beside the spec needs a working directory --------------------------------------------


def test_ingest_cwd_is_the_bash_operators_working_directory(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, INGEST + "    cwd: /opt/airflow/scripts\n    command: ./load_orders.sh {{ ds }}\n")
    (dag,) = build_dags(spec)
    task = dag.task_dict["ingest"]
    assert task.cwd == "/opt/airflow/scripts"
    assert task.bash_command == "./load_orders.sh {{ ds }}"


@pytest.mark.parametrize(
    ("cwd", "fragment"),
    [
        ("scripts", "an absolute path"),
        ("$AIRFLOW_HOME/scripts", "no $variables"),
        ("/opt/{{ ds }}", "no Jinja"),
    ],
)
def test_ingest_cwd_must_be_a_plain_absolute_path(tmp_path: Path, cwd: str, fragment: str) -> None:
    spec = write_spec(tmp_path, INGEST + f"    cwd: '{cwd}'\n    command: ./load.sh\n")
    (message,) = problems(spec)
    assert f"{spec}:5:5: dags[0].cwd: " in message and fragment in message


def test_cwd_needs_a_command(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, INGEST + "    cwd: /opt\n    callable: {path: steadyflow.runtime.call.noop}\n")
    (message,) = problems(spec)
    assert "'cwd' is the working directory of 'command'" in message


# item 2: dbt vars are JSON values; a wrong type is one message per key ---------------------------------


def test_dbt_vars_take_nested_json_values(tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path, DBT_BUILD + "    vars: {days: [1, 2], filters: {region: eu, ids: [1, {a: null}]}, on: true}\n"
    )
    (dag,) = build_dags(spec)
    command = dag.task_dict["dbt_build"].bash_command
    assert '"filters": {"ids": [1, {"a": null}], "region": "eu"}' in command
    assert '"days": [1, 2]' in command


def test_trigger_conf_and_callable_kwargs_take_nested_json_values(tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path,
        INGEST + "    callable: {path: steadyflow.runtime.call.noop, kwargs: {tables: {a: [1, [2]]}}}\n"
        "    trigger: [{dag_id: b, conf: {days: [1, 2], nested: {x: {y: 1}}}}]\n",
    )
    (dag,) = build_dags(spec)
    assert dag.task_dict["trigger__b"].conf == {"days": [1, 2], "nested": {"x": {"y": 1}}}
    assert dag.task_dict["ingest"].op_kwargs["kwargs"] == {"tables": {"a": [1, [2]]}}


def test_an_unquoted_date_in_vars_is_one_message_saying_quote_it(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, DBT_BUILD + "    vars: {start: 2024-01-01, at: 2024-01-01 06:00:00}\n")
    found = problems(spec)
    assert len(found) == 2, found
    assert f"{spec}:6:12: dags[0].vars.start: a date; quote it: '2024-01-01'" in found[0]
    assert "dags[0].vars.at: a timestamp; quote it: '2024-01-01 06:00:00'" in found[1]
    assert not any(".str:" in m or ".bool:" in m for m in found)


def test_a_wrong_trigger_entry_is_one_message_not_a_union_dump(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, INGEST + "    command: echo\n    trigger: [{dag_id: b, conf: {d: 2024-01-01}}, 5]\n")
    found = problems(spec)
    assert len(found) == 2, found
    assert "dags[0].trigger[0].conf.d: a date; quote it: '2024-01-01'" in found[0]
    assert "dags[0].trigger[1]: expected a dag id or {dag_id, wait_for_completion, conf}" in found[1]


# item 3: secrets that passed --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "reason"),
    [
        ('curl -H "Authorization: Bearer abc123def456ghi" https://api', "Authorization header"),
        ("curl -u admin:hunter2 https://api", "curl -u user:password"),
        ("curl --user admin:hunter2 https://api", "curl --user user:password"),
        ("sshpass -p hunter2 ssh etl@host", "sshpass -p <password>"),
        ('dbt run --vars "{password: hunter2}"', "password: ... in an inline mapping"),
    ],
)
def test_secrets_in_a_command_are_refused(tmp_path: Path, command: str, reason: str) -> None:
    spec = write_spec(tmp_path, INGEST + f"    command: '{command}'\n")
    (message,) = problems(spec)
    assert f"{spec}:5:5: dags[0].command: literal secret ({reason}" in message
    assert "hunter2" not in message and "abc123def456ghi" not in message


@pytest.mark.parametrize(
    "command",
    [
        'curl -H "Authorization: Bearer {{ conn.api.password }}" https://api',
        "curl -u {{ conn.api.login }}:{{ conn.api.password }} https://api",
        'curl -u "$API_USER:$API_PASSWORD" https://api',
        "sshpass -p {{ conn.host.password }} ssh etl@host",
        "sshpass -e ssh etl@host",
        'dbt run --vars "{password: {{ conn.db.password }}, day: 2024-01-01}"',
        "export DB_PASS={{ conn.db.password }}",
        'psql -U admin -p 5432 -c "select 1"',
    ],
)
def test_references_in_a_command_still_pass(tmp_path: Path, command: str) -> None:
    load_spec(write_spec(tmp_path, INGEST + f"    command: '{command}'\n"))


@pytest.mark.parametrize("key", ["pass", "pw", "auth", "creds", "db_pass", "basic_auth"])
def test_short_secret_key_names_in_vars_are_refused(tmp_path: Path, key: str) -> None:
    spec = write_spec(tmp_path, DBT_BUILD + f"    vars: {{{key}: hunter2}}\n")
    (message,) = problems(spec)
    assert f"dags[0].vars.{key}: literal secret" in message and "hunter2" not in message


@pytest.mark.parametrize("key", ["passenger_count", "compass", "author", "bypass_cache", "auth_method"])
def test_words_that_only_contain_a_short_secret_word_pass(tmp_path: Path, key: str) -> None:
    load_spec(write_spec(tmp_path, DBT_BUILD + f"    vars: {{{key}: x1}}\n"))


def test_a_bearer_token_under_any_key_is_refused(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, DBT_BUILD + "    vars: {header: 'Bearer abc123def456ghi'}\n")
    (message,) = problems(spec)
    assert "dags[0].vars.header: literal secret (Bearer token" in message


def test_a_secret_read_from_an_airflow_variable_is_refused(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, DBT_BUILD + "    vars: {password: '{{ var.value.db_password }}'}\n")
    (message,) = problems(spec)
    assert "dags[0].vars.password: secret read from an Airflow Variable (password in key 'password'" in message
    assert "{{ conn.<conn_id>.password }}" in message and "secrets backend" in message


def test_a_shell_secret_read_from_an_airflow_variable_is_refused(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, INGEST + "    command: 'export DB_PASS={{ var.value.db_pass }} && ./load.sh'\n")
    (message,) = problems(spec)
    assert "dags[0].command: secret read from an Airflow Variable (DB_PASS= reads an Airflow Variable" in message


# item 4: the advice names what exists for that field -------------------------------------------------


def test_secret_advice_fits_the_field(tmp_path: Path) -> None:
    command = problems(write_spec(tmp_path, INGEST + "    command: PGPASSWORD=hunter2 psql\n"))[0]
    assert "source_conn_id" not in command and "{{ conn.<conn_id>.password }}" in command
    dbt_vars = problems(write_spec(tmp_path, DBT_BUILD + "    vars: {password: hunter2}\n"))[0]
    assert "source_conn_id" not in dbt_vars and "env_var('DBT_ENV_SECRET_" in dbt_vars
    kwargs = problems(
        write_spec(tmp_path, INGEST + "    callable: {path: steadyflow.runtime.call.noop, kwargs: {password: x1}}\n")
    )[0]
    assert "a connection id in kwargs (e.g. `source_conn_id: crm`)" in kwargs


# item 5: an asset cycle inside one file ------------------------------------------------------------------


def test_an_asset_cycle_inside_one_file_is_refused_at_load(tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path,
        "  - {dag_id: a, template: ingest, command: echo, schedule: [y], outlets: [x]}\n"
        "  - {dag_id: b, template: ingest, command: echo, schedule: [x], outlets: [y]}\n",
    )
    (message,) = problems(spec)
    assert f"{spec}:3:" in message and "dags[0].schedule[0]: asset cycle a -> x -> b -> y -> a" in message


# item 6: durations ---------------------------------------------------------------------------------------


def test_an_upper_case_unit_gets_its_lower_case_spelling(tmp_path: Path) -> None:
    (message,) = problems(write_spec(tmp_path, INGEST + "    command: echo\n    dagrun_timeout: 2H\n"))
    assert "dags[0].dagrun_timeout: " in message and "units are lower-case: '2h'" in message


# item 7: backfill defaults -------------------------------------------------------------------------------


def test_backfill_default_end_before_start_is_refused(tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path,
        "  - dag_id: orders_backfill\n    template: backfill\n    select: [orders]\n"
        "    default_start: 2024-02-01\n    default_end: 2024-01-01\n",
    )
    (message,) = problems(spec)
    assert "default_end (2024-01-01) must be after default_start (2024-02-01)" in message


# item 8: broken YAML is reported where it starts ----------------------------------------------------------


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, INGEST + '    schedule: "@daily\n    command: echo\n    outlets: [x]\n')
    (message,) = problems(spec)
    assert f"{spec}:5:15: " in message and "quoted scalar" in message and "gave up at line 8" in message


def test_a_tab_in_the_indentation_says_tabs_are_not_allowed(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, "  - dag_id: a\n\t  template: ingest\n")
    (message,) = problems(spec)
    assert f"{spec}:4:1: " in message and "tabs are not allowed in YAML indentation" in message


# item 9: render writes every good spec ---------------------------------------------------------------------


def test_render_writes_every_good_spec_and_reports_every_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    write_spec(specs, INGEST + "    command: echo\n", name="a_good.yaml")
    write_spec(specs, INGEST.replace("orders_ingest", "x") + "    command: echo\n    retries: -1\n", name="b_bad.yaml")
    write_spec(specs, INGEST.replace("orders_ingest", "y") + "    comand: echo\n", name="c_bad.yml")
    write_spec(specs, INGEST.replace("orders_ingest", "z") + "    command: echo\n", name="d_good.yml")
    out = tmp_path / "out"
    assert main(["render", str(specs), str(out)]) == 1
    assert sorted(p.name for p in out.glob("*.py")) == ["a_good.py", "d_good.py"]
    err = capsys.readouterr().err
    assert "b_bad.yaml:6:5: dags[0].retries" in err and "c_bad.yml:5:5: dags[0].comand" in err


# item 10: the allow-list is checked even when the model has other errors ---------------------------------


def test_a_callable_outside_the_allow_list_is_reported_with_the_model_errors(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, INGEST + "    callable: {path: os.system}\n    retries: -1\n")
    found = problems(spec)
    assert len(found) == 2, found
    assert "dags[0].callable.path: callable 'os.system' is not allowed" in found[0]
    assert "dags[0].retries" in found[1]


# item 13: secret reasons say where they are ----------------------------------------------------------------


def test_a_shell_secret_outside_a_command_is_in_this_value(tmp_path: Path) -> None:
    (message,) = problems(write_spec(tmp_path, INGEST + "    command: echo\n    tags: ['PGPASSWORD=hunter2']\n"))
    assert "literal secret (PGPASSWORD=... in this value" in message and "shell command" not in message


def test_a_password_flag_reason_has_no_stray_space(tmp_path: Path) -> None:
    (message,) = problems(write_spec(tmp_path, INGEST + "    command: mytool --password=hunter2\n"))
    assert "(--password=... in a shell command" in message


# item 15: internals are not ingest callables ----------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["steadyflow.runtime.backfill.run_backfill", "steadyflow.runtime.gates.row_count_gate"]
)
def test_ingest_cannot_name_steadyflows_internal_runtime_functions(tmp_path: Path, path: str) -> None:
    (message,) = problems(write_spec(tmp_path, INGEST + f"    callable: {{path: {path}}}\n"))
    assert f"dags[0].callable.path: callable '{path}' is not allowed" in message


def test_a_date_under_a_secret_named_key_is_not_echoed(tmp_path: Path) -> None:
    (message,) = problems(write_spec(tmp_path, DBT_BUILD + "    vars: {password: 2031-05-17}\n"))
    assert "dags[0].vars.password: a date or timestamp; quote it" in message and "2031" not in message
