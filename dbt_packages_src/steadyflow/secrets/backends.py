"""The secrets backends steadyflow configures, their kwargs, and the `[secrets]` settings they become.

Kwarg names follow the backends' constructors (checked against the provider sources):
`LocalFilesystemBackend(variables_file_path, connections_file_path, configs_file_path)`,
`SecretsManagerBackend(connections_prefix, variables_prefix, config_prefix, sep, extra_conn_words,
**aws connection extras)` and `VaultBackend(connections_path, variables_path, config_path, url,
auth_type, mount_point, kv_engine_version, token_path, ...)`.

Kwargs that would put a credential into `airflow.cfg` or the environment (`token`, `password`,
`secret_id`, `aws_secret_access_key`, ...) are refused: use the file-based or ambient alternative the
error names instead.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from steadyflow.secrets.literal import find_literal_secrets, value_problem


class SecretsConfigError(ValueError):
    """Bad `secrets-config` input; the message names the backend, the kwarg and the value."""


@dataclass(frozen=True)
class Kwarg:
    types: tuple[type, ...]
    help: str
    choices: tuple[Any, ...] = ()
    #: the value holds field *names* (`extra_conn_words={"password": ["pwd"]}`), not values to scan for secrets
    holds_names: bool = False


@dataclass(frozen=True)
class Backend:
    name: str
    class_path: str
    kwargs: Mapping[str, Kwarg]
    forbidden: Mapping[str, str] = field(default_factory=dict)
    check: Callable[[dict[str, Any]], None] | None = None
    defaults: Mapping[str, Any] = field(default_factory=dict)


STR = (str,)
NULLABLE_STR = (str, type(None))


def _check_local(kwargs: dict[str, Any]) -> None:
    if not any(kwargs.get(k) for k in ("connections_file_path", "variables_file_path", "configs_file_path")):
        raise SecretsConfigError(
            "local: give at least connections_file_path (or variables_file_path / configs_file_path)"
        )
    for key in ("connections_file_path", "variables_file_path", "configs_file_path"):
        value = kwargs.get(key)
        if value and not str(value).lower().endswith((".json", ".yaml", ".yml", ".env")):
            raise SecretsConfigError(f"local: {key}={value!r} must end in .json, .yaml, .yml or .env")


_VAULT_AUTH_NEEDS: dict[str, tuple[str, ...]] = {
    "token": (),  # token_path, or VAULT_TOKEN in the environment of every Airflow component
    "github": ("token_path",),
    "approle": ("role_id",),
    "kubernetes": ("kubernetes_role",),
    "jwt": ("jwt_role", "jwt_token_path"),
    "aws_iam": (),
    "azure": ("azure_tenant_id", "azure_resource"),
    "gcp": ("role_id", "gcp_scopes"),
    "ldap": ("username",),
    "userpass": ("username",),
    "radius": ("radius_host",),
}


def _check_vault(kwargs: dict[str, Any]) -> None:
    url = kwargs.get("url")
    if not url:
        raise SecretsConfigError("vault: url is required, e.g. --set url=https://vault.example.com:8200")
    if not str(url).startswith(("http://", "https://")):
        raise SecretsConfigError(f"vault: url={url!r} must start with http:// or https://")
    auth_type = kwargs.get("auth_type", "token")
    missing = [k for k in _VAULT_AUTH_NEEDS[auth_type] if not kwargs.get(k)]
    if missing:
        raise SecretsConfigError(f"vault: auth_type={auth_type!r} needs {', '.join(missing)}")


BACKENDS: dict[str, Backend] = {
    "local": Backend(
        name="local",
        class_path="airflow.secrets.local_filesystem.LocalFilesystemBackend",
        kwargs={
            "connections_file_path": Kwarg(STR, "JSON/YAML/.env file of connections"),
            "variables_file_path": Kwarg(STR, "JSON/YAML/.env file of variables"),
            "configs_file_path": Kwarg(STR, "JSON/YAML/.env file of config options"),
        },
        check=_check_local,
    ),
    "aws": Backend(
        name="aws",
        class_path="airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend",
        kwargs={
            "connections_prefix": Kwarg(NULLABLE_STR, "prefix of connection secrets (null: do not look up)"),
            "variables_prefix": Kwarg(NULLABLE_STR, "prefix of variable secrets (null: do not look up)"),
            "config_prefix": Kwarg(NULLABLE_STR, "prefix of config secrets (null: do not look up)"),
            "sep": Kwarg(STR, "separator between prefix and id"),
            "extra_conn_words": Kwarg((dict,), "extra field names per connection part", holds_names=True),
            "profile_name": Kwarg(STR, "AWS profile"),
            "region_name": Kwarg(STR, "AWS region"),
            "role_arn": Kwarg(STR, "role to assume"),
            "assume_role_method": Kwarg(STR, "how to assume role_arn"),
            "assume_role_kwargs": Kwarg((dict,), "kwargs for the assume-role call"),
            "endpoint_url": Kwarg(STR, "custom endpoint (e.g. a VPC endpoint)"),
            "verify": Kwarg((bool, str), "TLS verification: bool or CA bundle path"),
            "api_version": Kwarg(STR, "Secrets Manager API version"),
            "use_ssl": Kwarg((bool,), "use TLS"),
            "config_kwargs": Kwarg((dict,), "botocore Config kwargs"),
        },
        forbidden={
            "aws_access_key_id": "use an instance/task role, role_arn or profile_name",
            "aws_secret_access_key": "use an instance/task role, role_arn or profile_name",
            "aws_session_token": "use an instance/task role, role_arn or profile_name",
        },
        defaults={"connections_prefix": "airflow/connections", "variables_prefix": "airflow/variables"},
    ),
    "vault": Backend(
        name="vault",
        class_path="airflow.providers.hashicorp.secrets.vault.VaultBackend",
        kwargs={
            "url": Kwarg(STR, "base URL of Vault (required)"),
            "connections_path": Kwarg(NULLABLE_STR, "path of connection secrets (null: do not look up)"),
            "variables_path": Kwarg(NULLABLE_STR, "path of variable secrets (null: do not look up)"),
            "config_path": Kwarg(NULLABLE_STR, "path of config secrets (null: do not look up)"),
            "mount_point": Kwarg(NULLABLE_STR, "secrets engine mount point"),
            "kv_engine_version": Kwarg((int,), "KV engine version", choices=(1, 2)),
            "auth_type": Kwarg(STR, "authentication method", choices=tuple(_VAULT_AUTH_NEEDS)),
            "auth_mount_point": Kwarg(STR, "mount point of the auth method"),
            "token_path": Kwarg(STR, "file holding the token (token/github auth)"),
            "username": Kwarg(STR, "user for ldap/userpass auth"),
            "key_id": Kwarg(STR, "key id for aws_iam/azure auth"),
            "role_id": Kwarg(STR, "role id for approle/aws_iam/gcp auth"),
            "region": Kwarg(STR, "AWS region for aws_iam auth"),
            "assume_role_kwargs": Kwarg((dict,), "AWS assume-role kwargs for aws_iam auth"),
            "kubernetes_role": Kwarg(STR, "role for kubernetes auth"),
            "kubernetes_jwt_path": Kwarg(STR, "service account token path for kubernetes auth"),
            "gcp_key_path": Kwarg(STR, "service account key file for gcp auth"),
            "gcp_scopes": Kwarg(STR, "comma-separated OAuth2 scopes for gcp auth"),
            "azure_tenant_id": Kwarg(STR, "tenant for azure auth"),
            "azure_resource": Kwarg(STR, "application URL for azure auth"),
            "radius_host": Kwarg(STR, "host for radius auth"),
            "radius_port": Kwarg((int,), "port for radius auth"),
            "jwt_role": Kwarg(STR, "role for jwt auth"),
            "jwt_token_path": Kwarg(STR, "file holding the JWT for jwt auth"),
            "verify": Kwarg((bool, str), "TLS verification: bool or CA bundle path"),
        },
        forbidden={
            "token": "use token_path, or VAULT_TOKEN in each component's environment",
            "password": "use a non-password auth_type (kubernetes, aws_iam, jwt with jwt_token_path, token_path)",
            "secret_id": "use kubernetes, aws_iam or jwt auth, or token_path",
            "jwt_token": "use jwt_token_path",
            "radius_secret": "use another auth_type",
            "gcp_keyfile_dict": "use gcp_key_path",
        },
        check=_check_vault,
        defaults={"connections_path": "connections", "variables_path": "variables", "mount_point": "secret"},
    ),
}


@dataclass(frozen=True)
class SecretsConfig:
    backend: str
    class_path: str
    kwargs: dict[str, Any]

    @property
    def kwargs_json(self) -> str:
        return json.dumps(self.kwargs, sort_keys=True)

    def env_lines(self) -> list[str]:
        quoted = "'" + self.kwargs_json.replace("'", "'\\''") + "'"
        return [f"AIRFLOW__SECRETS__BACKEND={self.class_path}", f"AIRFLOW__SECRETS__BACKEND_KWARGS={quoted}"]

    def cfg_text(self) -> str:
        return f"[secrets]\nbackend = {self.class_path}\nbackend_kwargs = {self.kwargs_json}\n"


def _type_names(types: tuple[type, ...]) -> str:
    return " or ".join("null" if t is type(None) else t.__name__ for t in types)


def _nested_keys(value: object, path: str) -> list[tuple[str, str]]:
    """`(dotted path, key)` of every mapping key inside `value`, e.g. `("assume_role_kwargs.Token", "Token")`."""
    found: list[tuple[str, str]] = []
    if isinstance(value, Mapping):
        for key, item in value.items():
            found.append((f"{path}.{key}", str(key)))
            found.extend(_nested_keys(item, f"{path}.{key}"))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found.extend(_nested_keys(item, f"{path}.{index}"))
    return found


def _check_nested(spec: Backend, key: str, value: object) -> None:
    """A credential inside a dict/list kwarg (`assume_role_kwargs.aws_secret_access_key`); names the path only."""
    for where, name in _nested_keys(value, key):
        if name in spec.forbidden:
            raise SecretsConfigError(
                f"{spec.name}: kwarg {where!r} would put a credential into airflow.cfg or the environment; "
                f"{spec.forbidden[name]}"
            )
    if spec.kwargs[key].holds_names:
        return
    for where, why in find_literal_secrets(value, key):
        raise SecretsConfigError(
            f"{spec.name}: kwarg {where!r} holds a credential ({why}); it would end up in airflow.cfg or the "
            "environment: use an instance/task role, a profile or a file path instead"
        )


def build_config(backend: str, kwargs: Mapping[str, Any]) -> SecretsConfig:
    """Validate `kwargs` for `backend` (aws, vault, local) and return the settings to print."""
    spec = BACKENDS.get(backend)
    if spec is None:
        raise SecretsConfigError(f"backend {backend!r} is not one of {', '.join(sorted(BACKENDS))}")
    merged: dict[str, Any] = {**spec.defaults, **kwargs}
    for key, value in merged.items():
        if key in spec.forbidden:
            raise SecretsConfigError(
                f"{backend}: kwarg {key!r} would put a credential into airflow.cfg or the environment; "
                f"{spec.forbidden[key]}"
            )
        if key not in spec.kwargs:
            close = difflib.get_close_matches(key, list(spec.kwargs), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise SecretsConfigError(
                f"{backend}: unknown kwarg {key!r}{hint}; valid kwargs are {', '.join(sorted(spec.kwargs))}"
            )
        kwarg = spec.kwargs[key]
        if isinstance(value, Mapping | list | tuple):
            _check_nested(spec, key, value)
        if isinstance(value, str) and value_problem(value):
            raise SecretsConfigError(f"{backend}: {key} holds a credential ({value_problem(value)}); it must not")
        ok_type = isinstance(value, kwarg.types) and not (isinstance(value, bool) and bool not in kwarg.types)
        if not ok_type:
            raise SecretsConfigError(f"{backend}: {key}={value!r} must be {_type_names(kwarg.types)}")
        if kwarg.choices and value not in kwarg.choices:
            choices = ", ".join(repr(c) for c in kwarg.choices)
            raise SecretsConfigError(f"{backend}: {key}={value!r} is not one of {choices}")
    if spec.check is not None:
        spec.check(merged)
    return SecretsConfig(backend=backend, class_path=spec.class_path, kwargs=merged)


def parse_assignment(text: str) -> tuple[str, Any]:
    """`key=value` from the command line; the value is read as JSON when it parses (`2`, `true`, `null`, `{}`)."""
    key, sep, raw = text.partition("=")
    if not sep or not key.strip():
        raise SecretsConfigError(f"--set {text!r}: expected key=value")
    try:
        value: Any = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    return key.strip(), value
