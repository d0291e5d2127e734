"""Find a secret written into shell text: `PGPASSWORD=... psql`, `--password=...`, `mysql -p...`.

A spec's `command` lands in the serialized DAG (and the UI) as written, so a password set or passed in
it is as exposed as one under a `password:` key. What counts, in any string of a spec:

* an assignment to a secret-named variable: `PGPASSWORD=...`, `export API_TOKEN=...`, `DB_SECRET=...`
  (the name's parts end in password, passwd, pwd, pass, token, secret, apikey, or hold api_key /
  access_key / secret_key; `DBT_ENV_SECRET_*` too); not `*_FILE`, `*_PATH`, `*_URL`, ... nor `PWD`;
* a secret-named long flag with a value: `--password=...`, `--api-key ...`; the space form is not read
  for the MySQL/MariaDB and PostgreSQL clients, whose `--password` takes no separate value;
* `-p<value>` for MySQL/MariaDB clients, where `-p` is the password (for psql `-p` is the port), and
  `sshpass -p <value>`;
* `curl`/`wget` `-u` / `--user user:password`, an `Authorization: Bearer|Basic|Token <value>` header;
* a secret-named key in an inline mapping: `--vars "{password: ...}"`.

A value made only of references is fine: `{{ conn.db.password }}`, `$VAR`, `${VAR}`, `$(command)`,
quoted or not; but a secret read from an Airflow Variable (`PGPASSWORD={{ var.value.pg }}`) is reported:
Variables are what steadyflow keeps secrets out of. A reason names the variable or flag, never the value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_SINGLE_WORDS = ("password", "passwd", "pwd", "token", "secret", "apikey")
_TWO_PART_WORDS = ("api_key", "access_key", "secret_key")
#: A last name part saying the variable holds where the secret is (or something about it), not the secret.
_REFERENCE_PARTS = frozenset(
    {"file", "path", "dir", "id", "conn", "url", "uri", "name", "stdin", "env", "var", "prompt", "cmd", "command"}
)
_NOT_SECRETS = frozenset({"pwd", "oldpwd"})

MYSQL_CLIENTS = frozenset(
    {"mysql", "mariadb", "mysqldump", "mysqladmin", "mysqlimport", "mysqlshow", "mysqlcheck", "mysqlpump"}
    | {"mysqlsh", "mariadb-dump", "mariadb-admin", "mariadb-import", "mariadb-show", "mariadb-check"}
)
#: Clients whose `--password` never takes the next word as its value (it prompts, or takes `=value`).
_NO_SPACED_PASSWORD = MYSQL_CLIENTS | {
    "psql",
    "pg_dump",
    "pg_dumpall",
    "pg_restore",
    "createdb",
    "dropdb",
    "createuser",
    "dropuser",
    "vacuumdb",
    "reindexdb",
    "clusterdb",
    "pgbench",
}

#: A longer value is judged by its first characters (a secret is never this long; keeps the scan linear).
_MAX_WORD = 4096
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_SEPARATOR = re.compile(r"&&|\|\||[;|&\n]")
_ASSIGNMENT = re.compile(r"(?<![\w$.\-/])([A-Za-z_][A-Za-z0-9_]*)=")
_LONG_FLAG = re.compile(r"(?<![\w\-])--([A-Za-z][A-Za-z0-9_\-]*)(=|[ \t]+)")
_SHORT_P = re.compile(r"(?<![\w\-])-p(?=\S)")
_AUTH_HEADER = re.compile(r"Authorization:[ \t]*(?:Bearer|Basic|Token)[ \t]+", re.IGNORECASE)
_USER_FLAG = re.compile(r"(?<![\w\-])(-u|--user)(?:=|[ \t]*)(?=\S)")
_INLINE_KEY = re.compile(r"[{,][ \t]*[\"']?([A-Za-z_][A-Za-z0-9_\-]*)[\"']?[ \t]*:[ \t]*")
_INLINE_VALUE = re.compile(r"\{\{_*\}\}|[^,}\s]*")  # a masked `{{ ... }}` whole, else up to , or }
_HEADER_VALUE = re.compile(r"[^\s\"']*")
_USER_CLIENTS = frozenset({"curl", "wget"})
#: What a reason says when a secret is read from an Airflow Variable (not written literally).
READS_VARIABLE = "reads an Airflow Variable"
#: A Jinja expression that reads an Airflow Variable.
VARIABLE_READ = re.compile(r"\bvar\s*\.\s*(?:value|json)\b")
_REFERENCE = re.compile(r"\{\{_*\}\}|\{%_*%\}|\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_][A-Za-z0-9_]*|[\"']")


def shell_secret_name(name: str) -> bool:
    """Whether a variable or flag name says it holds a secret (`PGPASSWORD`, `api-key`; not `PASSWORD_FILE`)."""
    normal = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    parts = normal.split("_")
    if normal in _NOT_SECRETS or parts[-1] in _REFERENCE_PARTS or parts[0] == "no":
        return False
    if normal.startswith("dbt_env_secret_"):
        return True
    if any(part.rstrip("0123456789").endswith(_SINGLE_WORDS) or part == "pass" for part in parts):
        return True
    return any(word in normal for word in _TWO_PART_WORDS)


def _mask_templates(text: str) -> str:
    """Jinja blocks as same-length placeholders, so `|` or spaces inside them split nothing."""
    return _TEMPLATE.sub(lambda m: m.group(0)[:2] + "_" * (len(m.group(0)) - 4) + m.group(0)[-2:], text)


def _word(text: str, start: int) -> str:
    """The shell word at `start` (quotes and `$(...)` kept whole), at most `_MAX_WORD` characters."""
    i, depth, stop = start, 0, min(len(text), start + _MAX_WORD)
    while i < stop:
        char = text[i]
        if char in "\"'":
            close = text.find(char, i + 1)
            i = stop if close < 0 else min(close + 1, stop)
            continue
        if text.startswith("$(", i):
            depth += 1
            i += 2
            continue
        if char == ")" and depth:
            depth -= 1
        elif char in " \t<>)" and not depth:
            break
        i += 1
    return text[start:i]


def _values(segment: str, pattern: re.Pattern[str]) -> Iterator[tuple[re.Match[str], str]]:
    """Each match of `pattern` with the word after it, skipping matches inside an earlier value
    (`A=B=C` is one assignment), so a long word is scanned once."""
    skip_until = 0
    for match in pattern.finditer(segment):
        if match.start() < skip_until:
            continue
        word = _word(segment, match.end())
        if not word.startswith("-"):  # `--password --token x`: the next flag is no value
            skip_until = match.end() + len(word)
        yield match, word


def _is_literal(word: str) -> bool:
    """Whether a shell word holds anything besides references (and quotes)."""
    return bool(_REFERENCE.sub("", word).strip())


def _command_names(segment: str) -> set[str]:
    return {word.rsplit("/", 1)[-1] for word in segment.split()}


def _user_password_given(word: str) -> bool:
    """`user:password` with a literal password (`-u admin` alone prompts; `$USER:$PASS` is references)."""
    _user, colon, password = word.strip("\"'").partition(":")
    return bool(colon) and _is_literal(password)


def _client_problem(segment: str, clients: set[str], where: str) -> str | None:
    """Secrets passed the way particular clients take them: `-p` (MySQL, sshpass), `-u user:pw` (curl, wget)."""
    client = sorted(clients & MYSQL_CLIENTS)
    if client:
        for _match, word in _values(segment, _SHORT_P):
            if _is_literal(word):
                return f"{client[0]} -p<password> {where}"
    if "sshpass" in clients:
        for match in re.finditer(r"(?<![\w\-])-p[ \t]*(?=\S)", segment):
            if _is_literal(_word(segment, match.end())):
                return f"sshpass -p <password> {where}"
    user_client = sorted(clients & _USER_CLIENTS)
    if user_client:
        for match, word in _values(segment, _USER_FLAG):
            if _user_password_given(word):
                return f"{user_client[0]} {match.group(1)} user:password {where}"
    return None


def _text_problem(segment: str, where: str) -> str | None:
    """Secrets written as text inside a word: an Authorization header, an inline `{password: ...}` mapping."""
    for match in _AUTH_HEADER.finditer(segment):
        value = _HEADER_VALUE.match(segment, match.end())
        if value is not None and _is_literal(value.group(0)):
            return f"Authorization header {where}"
    for match in _INLINE_KEY.finditer(segment):
        value = _INLINE_VALUE.match(segment, match.end())
        if shell_secret_name(match.group(1)) and value is not None and _is_literal(value.group(0)):
            return f"{match.group(1)}: ... in an inline mapping {where}"
    return None


def _segment_problem(segment: str, original: str, where: str) -> str | None:
    for match, word in _values(segment, _ASSIGNMENT):
        if not shell_secret_name(match.group(1)):
            continue
        if _is_literal(word):
            return f"{match.group(1)}=... {where}"
        if VARIABLE_READ.search(original[match.end() : match.end() + len(word)]):
            return f"{match.group(1)}= {READS_VARIABLE} {where}"
    clients = _command_names(segment)
    for match, word in _values(segment, _LONG_FLAG):
        flag = match.group(1)
        if not shell_secret_name(flag):
            continue
        spaced = match.group(2) != "="
        if spaced and (clients & _NO_SPACED_PASSWORD or word.startswith("-")):
            continue
        if _is_literal(word):
            return f"--{flag}{' <value>' if spaced else '=...'} {where}"
    return _client_problem(segment, clients, where) or _text_problem(segment, where)


def shell_secret_problem(text: str, where: str = "in a shell command") -> str | None:
    """Why `text` sets or passes a secret in shell form (naming the variable or flag, then `where`), or None."""
    if not any(mark in text for mark in "=-:"):
        return None
    masked = _mask_templates(text)  # same length: offsets into `masked` are offsets into `text`
    start = 0
    for separator in [*_SEPARATOR.finditer(masked), None]:
        end = separator.start() if separator is not None else len(masked)
        problem = _segment_problem(masked[start:end], text[start:end], where)
        if problem:
            return problem
        start = separator.end() if separator is not None else end
    return None
