"""Literal secrets in a spec as `SpecIssue`s, each with the fix that exists for the field it is in.

A secret in `command` is read from a connection when the task runs (`{{ conn.<conn_id>.password }}`) or
from the worker's environment; dbt `vars` leave secrets to profiles.yml (`env_var('DBT_ENV_SECRET_...')`);
a callable or a triggered DAG gets a connection id and reads the connection itself; text shown in the UI
(tags, description) simply must not hold one. The message names the field, never the value."""

from __future__ import annotations

from steadyflow.secrets.literal import find_literal_secrets
from steadyflow.secrets.shell import READS_VARIABLE
from steadyflow.specs.errors import SpecIssue
from steadyflow.specs.yaml_source import PathKey, YamlSource, format_path

_CONN_JINJA = "{{ conn.<conn_id>.password }}"
_BACKEND = "served by a secrets backend, see `steadyflow secrets-config`"

#: Field -> what to write instead; the first key found in the path (nearest the value) decides.
_ADVICE = {
    "command": f"read it when the task runs from an Airflow connection, by its connection id: {_CONN_JINJA} "
    f"({_BACKEND}), or $VARIABLE from the worker's environment",
    "kwargs": "pass a connection id in kwargs (e.g. `source_conn_id: crm`) and have the callable read that "
    f"connection (BaseHook.get_connection), {_BACKEND}",
    "conf": "pass a connection id in conf and have the triggered DAG read that connection, " + _BACKEND,
    "vars": "dbt takes secrets in profiles.yml: `password: \"{{ env_var('DBT_ENV_SECRET_<NAME>') }}\"`, set on "
    f"the worker; or pass '{_CONN_JINJA}' from an Airflow connection ({_BACKEND})",
    "operation_args": "keep it in profiles.yml (`env_var('DBT_ENV_SECRET_<NAME>')`); the operation reads it "
    "from the dbt connection",
    "alerts": "name the webhook's Airflow connection in `webhook_conn_id` and keep the URL in it, " + _BACKEND,
}
_SHOWN_IN_UI = frozenset({"tags", "description", "doc_md", "owner"})
_GENERIC = f"keep it in an Airflow connection {_BACKEND} and reference it by its connection id"
_FROM_VARIABLE = (
    f"Airflow Variables are not a secrets store: read it from a connection instead, {_CONN_JINJA}, " + _BACKEND
)


def secret_advice(path: PathKey) -> str:
    """What to write instead of a secret found at `path` (a spec field path)."""
    for part in reversed(path):
        if isinstance(part, str) and part in _SHOWN_IN_UI:
            return "remove it: this text is shown in the Airflow UI and stored in the serialized DAG"
        if isinstance(part, str) and part in _ADVICE:
            return _ADVICE[part]
    return _GENERIC


def _split_field_path(text: str) -> PathKey:
    parts: list[str | int] = []
    for raw in text.replace("[", ".").replace("]", "").split("."):
        if raw:
            parts.append(int(raw) if raw.isdigit() else raw)
    return tuple(parts)


def flagged_paths(data: object) -> list[PathKey]:
    """Field paths holding a secret, to keep their values out of every other message."""
    return [_split_field_path(where) for where, _ in find_literal_secrets(data)]


def secret_issues(source: YamlSource) -> list[SpecIssue]:
    issues = []
    for field_path, reason in find_literal_secrets(source.data):
        path = _split_field_path(field_path)
        line, col = source.locate(path)
        if READS_VARIABLE in reason:
            message = f"secret read from an Airflow Variable ({reason}): {_FROM_VARIABLE}"
        else:
            message = f"literal secret ({reason}): {secret_advice(path)}"
        issues.append(SpecIssue(source.file, line, col, format_path(path), message))
    return issues
