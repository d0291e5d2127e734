"""Find literal secrets in a parsed spec, so a spec can only *name* an Airflow connection, never hold a secret.

A finding is `(dotted path, short reason)`, e.g. `("dags.0.callable.kwargs.password", "password in key
'password'")`; callers add the advice (`literal_secrets_message` does). What counts:

* a key whose name is or contains a secret word (password, passwd, pwd, token, secret, api_key, apikey,
  private_key, access_key, secret_key, client_secret, credentials) and whose value is a non-empty
  scalar — except keys that *refer* to a secret (`*_conn_id`, `*_connection_id`, `conn_id`,
  `*_path`, `*_file`) and values that are only one Jinja expression (`{{ conn.x.password }}`); when the
  value is a list or mapping (`password: [hunter2]`), every non-empty scalar inside it counts (path
  `...password.0`), except under keys that refer to a secret;
* any string value that is a URL with `user:password@` in it, an AWS access key id (`AKIA…`/`ASIA…`),
  a private key block, or a Slack webhook URL;
* a key named (or whose last name part is) pass, pw, auth, cred or creds, with a literal value;
* a secret-named key whose value reads an Airflow Variable (`{{ var.value.x }}`): keeping secrets out of
  Variables is the point, so the reason says so (`READS_VARIABLE`);
* any string value that sets or passes a secret in shell form (`PGPASSWORD=...`, `--password=...`,
  `mysql -p...`, `curl -u user:pw`; see `steadyflow.secrets.shell`), unless the value is a `{{ ... }}` or
  `$VAR` reference; the reason says "in a shell command" under a `command` key, "in this value" elsewhere;
* a `Bearer <token>` / `Basic <credentials>` value under any key.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from steadyflow.secrets.shell import READS_VARIABLE, VARIABLE_READ, shell_secret_problem

SECRET_WORDS = (
    "password",
    "passwd",
    "pwd",
    "token",
    "secret",
    "api_key",
    "apikey",
    "private_key",
    "access_key",
    "secret_key",
    "client_secret",
    "credentials",
)
#: Short secret words, counted only as a whole name part at the end (`db_pass`, not `passenger_count`).
SHORT_WORDS = ("pass", "pw", "auth", "cred", "creds")
REFERENCE_SUFFIXES = ("_conn_id", "_connection_id", "_path", "_file")
REFERENCE_KEYS = ("conn_id", "connection_id")

_URL_WITH_PASSWORD = re.compile(r"\b[a-z][a-z0-9+.\-]*://[^\s/:@]+:[^\s/@]+@", re.IGNORECASE)
_AWS_KEY_ID = re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")
_PRIVATE_KEY = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")
_SLACK_WEBHOOK = re.compile(r"hooks\.slack\.com/services/[A-Za-z0-9]+/", re.IGNORECASE)
_AUTH_VALUE = re.compile(r"\b(Bearer|Basic)[ \t]+(?=\S*\d)[A-Za-z0-9._~+/\-]{8,}=*")
_ONLY_JINJA = re.compile(r"^\s*\{\{(?:(?!\}\}).)*\}\}\s*$", re.DOTALL)  # exactly one `{{ ... }}`

ADVICE = "store it in an Airflow connection (secrets backend) and reference the connection id, e.g. `db_conn_id: my_db`"


def _normal(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", key.lower()).strip("_")


@lru_cache(maxsize=4096)
def secret_key_word(key: str) -> str | None:
    """The secret word a key name carries (`db_password` -> `password`), or None; `*_conn_id` keys carry none.

    Cached: every spec repeats the same few dozen key names (`dag_id`, `template`, ...) in every DAG."""
    name = _normal(key)
    if name in REFERENCE_KEYS or name.endswith(REFERENCE_SUFFIXES):
        return None
    squashed = name.replace("_", "")
    for word in SECRET_WORDS:
        if word in name or word.replace("_", "") in squashed:
            return word
    last = name.rpartition("_")[2]
    return last if last in SHORT_WORDS else None


def value_problem(value: str, where: str = "in this value") -> str | None:
    """Why a string value is itself a secret, or None; `where` ends a shell-form reason ("in a shell command")."""
    if _URL_WITH_PASSWORD.search(value):
        return "URL with user:password@"
    if _AWS_KEY_ID.search(value):
        return "AWS access key id"
    if _PRIVATE_KEY.search(value):
        return "private key block"
    if _SLACK_WEBHOOK.search(value):
        return "Slack webhook URL, which is itself the credential"
    shell = shell_secret_problem(value, where)
    if shell:
        return shell
    auth = _AUTH_VALUE.search(value)
    if auth:
        return "Bearer token" if auth.group(1) == "Bearer" else "Basic credentials"
    return None


def _is_literal(value: object) -> bool:
    if value is None or isinstance(value, bool):
        return False
    if isinstance(value, str):
        return bool(value.strip()) and not _ONLY_JINJA.match(value)
    return isinstance(value, int | float)


def _join(path: str, part: str) -> str:
    return f"{path}.{part}" if path else part


def _is_reference_key(key: str) -> bool:
    name = _normal(key)
    return name in REFERENCE_KEYS or name.endswith(REFERENCE_SUFFIXES)


def _literals_inside(data: object, path: str, reason: str) -> list[tuple[str, str]]:
    """Every literal scalar inside a list/mapping held by a secret-named key, all reported with `reason`."""
    found: list[tuple[str, str]] = []
    if isinstance(data, Mapping):
        for key, value in data.items():
            here = _join(path, str(key))
            if _is_reference_key(str(key)):
                found.extend(find_literal_secrets(value, here))
            else:
                found.extend(_literals_inside(value, here, reason))
    elif isinstance(data, list | tuple):
        for index, item in enumerate(data):
            found.extend(_literals_inside(item, _join(path, str(index)), reason))
    elif _is_literal(data):
        found.append((path, reason))
    elif isinstance(data, str):
        found.extend(find_literal_secrets(data, path))
    return found


def find_literal_secrets(data: object, path: str = "") -> list[tuple[str, str]]:
    """Every literal secret in `data` (dicts, lists, scalars, as read from YAML), in document order."""
    found: list[tuple[str, str]] = []
    if isinstance(data, Mapping):
        for key, value in data.items():
            here = _join(path, str(key))
            word = secret_key_word(str(key))
            if word is not None and _is_literal(value):
                found.append((here, f"{word} in key {str(key)!r}"))
                continue
            if word is not None and isinstance(value, str) and VARIABLE_READ.search(value):
                found.append((here, f"{word} in key {str(key)!r} {READS_VARIABLE}"))
                continue
            if word is not None and isinstance(value, Mapping | list | tuple):
                found.extend(_literals_inside(value, here, f"{word} in key {str(key)!r}"))
                continue
            found.extend(find_literal_secrets(value, here))
    elif isinstance(data, list | tuple):
        for index, item in enumerate(data):
            found.extend(find_literal_secrets(item, _join(path, str(index))))
    elif isinstance(data, str):
        problem = value_problem(data, "in a shell command" if path.rpartition(".")[2] == "command" else "in this value")
        if problem:
            found.append((path or "<value>", problem))
    return found


def literal_secrets_message(findings: list[tuple[str, str]], source: str = "spec") -> str:
    """A multi-line error for `findings`, one line per field, ending with what to do instead."""
    lines = [f"{source}: {len(findings)} literal secret{'s' if len(findings) != 1 else ''} found:"]
    lines += [f"  {where}: literal secret ({why})" for where, why in findings]
    lines.append(ADVICE[0].upper() + ADVICE[1:] + ".")
    return "\n".join(lines)
