"""A spec may name connections but never hold a secret: every kind of literal secret is found, with its path."""

from __future__ import annotations

import pytest
from steadyflow.secrets.literal import ADVICE, find_literal_secrets, literal_secrets_message

SPEC_WITH_SECRETS = {
    "dags": [
        {
            "dag_id": "ingest_orders",
            "template": "ingest",
            "callable": {
                "path": "pipelines.load.orders",
                "kwargs": {
                    "password": "hunter2",
                    "api_key": "abc123",
                    "source_url": "postgres://loader:pa55@db.internal:5432/shop",
                    "aws_key": "AKIAIOSFODNN7EXAMPLE",
                },
            },
            "alerts": {"webhook_conn_id": "ops_webhook"},
            "description": "posts to https://hooks.slack.com/services/T000/B000/XXXX",
        },
        {"dag_id": "dbt_orders", "template": "dbt_build", "vars": {"DB-Token": 42, "clientSecret": "s"}},
    ]
}


def test_every_literal_secret_is_found_with_its_dotted_path() -> None:
    found = find_literal_secrets(SPEC_WITH_SECRETS)
    assert [path for path, _ in found] == [
        "dags.0.callable.kwargs.password",
        "dags.0.callable.kwargs.api_key",
        "dags.0.callable.kwargs.source_url",
        "dags.0.callable.kwargs.aws_key",
        "dags.0.description",
        "dags.1.vars.DB-Token",
        "dags.1.vars.clientSecret",
    ]
    assert dict(found) == {
        "dags.0.callable.kwargs.password": "password in key 'password'",
        "dags.0.callable.kwargs.api_key": "api_key in key 'api_key'",
        "dags.0.callable.kwargs.source_url": "URL with user:password@",
        "dags.0.callable.kwargs.aws_key": "AWS access key id",
        "dags.0.description": "Slack webhook URL, which is itself the credential",
        "dags.1.vars.DB-Token": "token in key 'DB-Token'",
        "dags.1.vars.clientSecret": "secret in key 'clientSecret'",
    }


@pytest.mark.parametrize(
    "clean",
    [
        {"webhook_conn_id": "ops_webhook", "password_conn_id": "db", "conn_id": "warehouse"},
        {"token_path": "/var/run/secrets/token", "password_file": "/run/pw", "api_key_connection_id": "k"},
        {"password": "", "token": None, "secret": "{{ conn.warehouse.password }}"},
        {"url": "https://example.com/path?q=1", "dsn": "postgres://db.internal:5432/shop", "enabled": True},
        {"passwords": {"db_conn_id": "db"}, "notes": ["user@example.com", "AKIA-not-a-key"]},
    ],
)
def test_references_to_secrets_and_ordinary_values_are_fine(clean: dict[str, object]) -> None:
    assert find_literal_secrets(clean) == []


def test_the_message_counts_and_lists_the_findings() -> None:
    message = literal_secrets_message(find_literal_secrets({"a": {"token": "x"}, "b": ["ftp://u:p@h/"]}), "dags.yml")
    lines = message.splitlines()
    assert lines == [
        "dags.yml: 2 literal secrets found:",
        "  a.token: literal secret (token in key 'token')",
        "  b.0: literal secret (URL with user:password@)",
        f"{ADVICE[0].upper()}{ADVICE[1:]}.",
    ]
    assert "connection id" in ADVICE


def test_text_between_two_jinja_expressions_is_a_literal_secret() -> None:
    assert find_literal_secrets({"token": "{{ ds }}s3cr3t{{ ds }}"}) == [("token", "token in key 'token'")]
    assert find_literal_secrets({"token": "{{ conn.api.password }}"}) == []


def test_every_scalar_in_a_list_or_mapping_under_a_secret_key_is_a_literal_secret() -> None:
    found = find_literal_secrets(
        {"kwargs": {"password": ["hunter2", "", None], "api_key": {"primary": "abc", "fallback": ["def"]}}}
    )
    assert found == [
        ("kwargs.password.0", "password in key 'password'"),
        ("kwargs.api_key.primary", "api_key in key 'api_key'"),
        ("kwargs.api_key.fallback.0", "api_key in key 'api_key'"),
    ]


# --- secrets in shell form: a command that sets or passes a password in plain text -------------------

SHELL_SECRETS = {
    "PGPASSWORD=Wint3r2024 psql -h db.internal -c 'select 1'": "PGPASSWORD",
    'export API_TOKEN="Wint3r2024"; ./load.sh': "API_TOKEN",
    "DB_SECRET='Wint3r2024' ./export.sh": "DB_SECRET",
    "env AWS_SECRET_ACCESS_KEY=Wint3r2024 aws s3 ls": "AWS_SECRET_ACCESS_KEY",
    "MYSQL_PWD=Wint3r2024 mysql shop": "MYSQL_PWD",
    "PGPASSWORD={{ ds }}Wint3r2024 psql": "PGPASSWORD",
    "mysqldump --password=Wint3r2024 shop > /tmp/shop.sql": "--password",
    "./sync --api-key Wint3r2024 --since {{ ds }}": "--api-key",
    "curl --token=Wint3r2024 https://api.example.com": "--token",
    "mysql -uroot -pWint3r2024 shop": "mysql -p",
    "mariadb -u loader -p'Wint3r2024' shop < load.sql": "mariadb -p",
    "cd /srv && /usr/bin/mysql -h db -pWint3r2024 -e 'select 1'": "mysql -p",
    "./sync --password --token Wint3r2024": "--token",  # a flag after a bare flag is no value
    "LABEL=nightly PGPASSWORD=Wint3r2024 psql": "PGPASSWORD",
}


@pytest.mark.parametrize("command", SHELL_SECRETS, ids=list(SHELL_SECRETS.values()))
def test_a_secret_set_or_passed_in_shell_form_is_found_without_echoing_it(command: str) -> None:
    found = find_literal_secrets({"dags": [{"command": command}]})
    assert [path for path, _ in found] == ["dags.0.command"]
    reason = found[0][1]
    assert SHELL_SECRETS[command] in reason and "shell" in reason
    assert "Wint3r" not in reason


SHELL_REFERENCES = [
    "PGPASSWORD={{ conn.warehouse.password }} psql -h db.internal",
    "PGPASSWORD=$PGPASSWORD psql",
    'PGPASSWORD="${WAREHOUSE_PASSWORD}" psql',
    "API_TOKEN=$(cat /run/secrets/api_token) ./load.sh",
    "mysql -u loader -p$MYSQL_PASSWORD shop",
    'mysql -u loader -p"{{ conn.shop.password | shell_quote }}" shop',
    "mysql -u loader -p shop",  # -p alone prompts; `shop` is the database
    "psql -p 5432 -h db.internal shop",  # for psql -p is the port
    "psql -p5432 -U loader shop",
    "psql --password -h db.internal shop",
    "pg_dump --password shop > /tmp/shop.sql",
    "./sync --password-file /run/secrets/pw --token-file=/run/secrets/token",
    "echo $TOKEN | docker login --username ci --password-stdin registry.example.com",
    "PASSWORD_FILE=/run/secrets/pw MAX_TOKENS=100 ./load.sh",
    "GOOGLE_APPLICATION_CREDENTIALS=/secrets/key.json dbt run",
    "PGPASSWORD= psql",
    "cd $(pwd) && PWD=/tmp ls",
    'echo "loading raw_orders for {{ ds }}"',
]


@pytest.mark.parametrize("command", SHELL_REFERENCES)
def test_a_secret_referenced_in_shell_form_is_fine(command: str) -> None:
    assert find_literal_secrets({"command": command}) == []


@pytest.mark.parametrize("name", ["literal_secret_shell_assignment", "literal_secret_mysql_flag"])
def test_a_spec_whose_command_holds_a_secret_is_refused_naming_file_line_and_field(name: str) -> None:
    from steadyflow.specs import SpecError, load_spec

    from tests.airflow.conftest import BROKEN_DIR

    path = BROKEN_DIR / f"{name}.yaml"
    with pytest.raises(SpecError) as caught:
        load_spec(path)
    (issue,) = caught.value.issues
    expected_line = 8 if name.endswith("assignment") else 9
    assert (issue.file, issue.line, issue.field) == (str(path), expected_line, "dags[0].command")
    assert "Wint3r" not in str(caught.value)
