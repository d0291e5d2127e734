"""`steadyflow secrets-config`: the [secrets] settings for aws, vault and local, with the kwargs checked."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys

import pytest
from steadyflow.secrets.config_cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def env_value(out: str, name: str) -> str:
    (line,) = [line for line in out.splitlines() if line.startswith(f"{name}=")]
    return shlex.split(line.split("=", 1)[1])[0]


def test_vault_prints_the_env_and_cfg_forms(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(
        capsys, "--backend", "vault", "--set", "url=https://vault.internal:8200", "--set", "mount_point=airflow",
        "--set", "kv_engine_version=2", "--set", "token_path=/run/vault/token",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert env_value(out, "AIRFLOW__SECRETS__BACKEND") == "airflow.providers.hashicorp.secrets.vault.VaultBackend"
    kwargs = json.loads(env_value(out, "AIRFLOW__SECRETS__BACKEND_KWARGS"))
    assert kwargs == {
        "connections_path": "connections",
        "variables_path": "variables",
        "mount_point": "airflow",
        "url": "https://vault.internal:8200",
        "kv_engine_version": 2,
        "token_path": "/run/vault/token",
    }
    assert "[secrets]\nbackend = airflow.providers.hashicorp.secrets.vault.VaultBackend\nbackend_kwargs = {" in out


def test_aws_and_local_name_their_backend_classes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--backend", "aws", "--format", "cfg", "--set", "region_name=eu-west-1")
    assert code == 0
    assert "backend = airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend" in out
    assert '"region_name": "eu-west-1"' in out and "AIRFLOW__" not in out
    code, out, _ = run_cli(
        capsys, "--backend", "local", "--format", "env", "--kwargs", '{"connections_file_path": "/opt/conns.json"}'
    )
    assert code == 0
    assert env_value(out, "AIRFLOW__SECRETS__BACKEND") == "airflow.secrets.local_filesystem.LocalFilesystemBackend"
    assert json.loads(env_value(out, "AIRFLOW__SECRETS__BACKEND_KWARGS")) == {
        "connections_file_path": "/opt/conns.json"
    }


VAULT = ["--backend", "vault", "--set", "url=https://v"]
BAD_INPUT = [
    (["--backend", "vault", "--set", "mount_point=airflow"], "vault: url is required"),
    ([*VAULT, "--set", "urll=x"], "unknown kwarg 'urll' (did you mean 'url'?); valid kwargs are assume_role_kwargs,"),
    ([*VAULT, "--set", "token=s.abc"], "kwarg 'token' would put a credential"),
    ([*VAULT, "--set", "kv_engine_version=3"], "kv_engine_version=3 is not one of 1, 2"),
    ([*VAULT, "--set", "auth_type=kubernetes"], "auth_type='kubernetes' needs kubernetes_role"),
    (["--backend", "aws", "--set", "aws_secret_access_key=x"], "aws: kwarg 'aws_secret_access_key' would put"),
    (["--backend", "aws", "--set", "sep=1"], "aws: sep=1 must be str"),
    (["--backend", "local"], "local: give at least connections_file_path"),
    (["--backend", "local", "--set", "connections_file_path=/x.txt"], "must end in .json, .yaml, .yml or .env"),
    (["--backend", "local", "--kwargs", "[1]"], "--kwargs '[1]' must be a JSON object"),
]


@pytest.mark.parametrize(("argv", "message"), BAD_INPUT)
def test_bad_kwargs_exit_2_with_a_message_naming_them(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run_cli(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("steadyflow secrets-config: error: ")
    assert message in err


def test_the_steadyflow_command_has_the_subcommand() -> None:
    cli = pytest.importorskip("steadyflow.cli")
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from steadyflow.cli import main; sys.exit(main(sys.argv[1:]))",
         "secrets-config", "--backend", "local", "--set", "connections_file_path=/c.json", "--format", "cfg"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert cli is not None
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# airflow.cfg\n[secrets]\nbackend = airflow.secrets.local_filesystem")


NESTED_SECRETS = [
    (
        ["--backend", "aws", "--kwargs", json.dumps({"assume_role_kwargs": {
            "aws_secret_access_key": "wJalrXUtnFEMI", "aws_access_key_id": "AKIAIOSFODNN7EXAMPLE"}})],
        "aws: kwarg 'assume_role_kwargs.aws_secret_access_key' would put a credential",
        ("wJalrXUtnFEMI", "AKIAIOSFODNN7EXAMPLE"),
    ),
    (
        ["--backend", "aws", "--set", 'config_kwargs={"proxies": ["http://u:pa55word@proxy:3128"]}'],
        "aws: kwarg 'config_kwargs.proxies.0' holds a credential (URL with user:password@)",
        ("pa55word",),
    ),
    (
        [*VAULT, "--set", "auth_type=aws_iam", "--set", 'assume_role_kwargs={"SecretKey": "hunter2-long"}'],
        "vault: kwarg 'assume_role_kwargs.SecretKey' holds a credential (secret in key 'SecretKey')",
        ("hunter2-long",),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "message", "secrets"), NESTED_SECRETS)
def test_a_credential_nested_in_a_dict_kwarg_exits_2_naming_its_path_not_its_value(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str, secrets: tuple[str, ...]
) -> None:
    code, out, err = run_cli(capsys, *argv)
    assert code == 2 and out == ""
    assert message in err, err
    assert not [s for s in secrets if s in err], err


def test_extra_conn_words_name_fields_and_are_not_secrets(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "--backend", "aws", "--set", 'extra_conn_words={"password": ["pwd"]}')
    assert (code, err) == (0, "")
    assert json.loads(env_value(out, "AIRFLOW__SECRETS__BACKEND_KWARGS"))["extra_conn_words"] == {"password": ["pwd"]}
