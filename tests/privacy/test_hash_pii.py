"""steadyflow.hash_pii: salted SHA-256 as lowercase hex, the same golden digests on DuckDB and PostgreSQL, with
the salt given outside dbt (PostgreSQL: PGOPTIONS; DuckDB: `steadyflow salt set`) and never written by dbt to
target/, logs/ or the terminal. A missing or short salt stops the model with an error saying how to give it."""

from __future__ import annotations

import pytest

from tests.privacy.support import SALT, digest, give_salt, logged_by, occurrences, run_dbt, with_salt
from tests.support.dbt import DbtProject, query

MODELS = ("-s", "privacy_customers", "privacy_customers_hashed")
# sha256("golden-salt-7f3a9c2e5b1d4680" || value), computed once with Python's hashlib and pinned here, so a
# change of the digest's definition on any adapter is caught even if the adapters agree with each other.
GOLDEN = {
    "ada.lovelace@example.com": "f3ce98e0987fc8ad8ad90e9d5a514df4240aa91f93976bd761e06155303c860a",
    "Ada Lovelace": "7a3d850393e90a7b84ceb3c85dab23027ec45de6b8f2fb61ef96d94e7cf2b94d",
    " Ada Lovelace": "009b7112ef1399c381f009e310d0c776a7e75714541142536f31da191c3ac3eb",
    "José Müller": "1ce4560bcc42db3e033ba9adeb1f197467ae66119065af521f9d974ae78afa3c",
}


def hashed_rows(project: DbtProject) -> list[tuple[object, ...]]:
    return query(
        project,
        "select customer_id, email_digest, name_digest, name_digest_as_is from privacy_customers_hashed"
        " order by customer_id",
    )


def test_the_golden_digests_are_python_sha256_of_salt_and_value() -> None:
    assert {value: digest(SALT, value) for value in GOLDEN} == GOLDEN


def test_hash_pii_gives_the_golden_digests_with_trim_and_email_normalisation(warehouse: DbtProject) -> None:
    with_salt(warehouse)
    warehouse.dbt("run", *MODELS)

    rows = hashed_rows(warehouse)

    grace_email, grace_name = digest(SALT, "grace@example.org"), digest(SALT, "Grace Hopper")
    assert rows == [
        # '  Ada.Lovelace@Example.COM ' -> 'ada.lovelace@example.com'; ' Ada Lovelace' trimmed, or as it is
        (1, GOLDEN["ada.lovelace@example.com"], GOLDEN["Ada Lovelace"], GOLDEN[" Ada Lovelace"]),
        (2, grace_email, grace_name, digest(SALT, "Grace Hopper  ")),
        (3, grace_email, grace_name, grace_name),  # 'GRACE@EXAMPLE.ORG': the same person's digest
        (4, None, GOLDEN["José Müller"], GOLDEN["José Müller"]),  # a null stays null; UTF-8 bytes hashed
        (5, digest(SALT, "alan@example.net"), None, None),
    ]


def test_the_salt_never_reaches_target_logs_or_the_terminal(warehouse: DbtProject) -> None:
    """dbt runs as a child process with --debug (every SQL statement echoed); the salt is counted in every file
    dbt wrote (manifest, partial-parse file, run results, compiled and run SQL, dbt.log) and in the output."""
    salt_env = give_salt(warehouse)

    run = run_dbt(warehouse, "run", *MODELS, env=salt_env)
    show = run_dbt(warehouse, "show", "-s", "privacy_customers_hashed", "--output", "json", env=salt_env)

    assert run.returncode == 0 and show.returncode == 0, run.output + show.output
    assert "current_setting('steadyflow.pii_salt')" in run.output or "steadyflow_private.pii_salt" in run.output
    assert GOLDEN["ada.lovelace@example.com"] in show.output  # the digest is there, the salt is not
    written = {name: occurrences(warehouse.work_dir / name, SALT) for name in ("target", "logs")}
    assert (warehouse.work_dir / "target" / "partial_parse.msgpack").exists()
    assert (warehouse.work_dir / "target" / "manifest.json").exists()
    assert (warehouse.work_dir / "logs" / "dbt.log").stat().st_size > 0
    assert written == {"target": {}, "logs": {}}
    assert (run.output + show.output).count(SALT) == 0


def test_a_missing_salt_stops_the_model_with_an_error_saying_how_to_give_it(warehouse: DbtProject) -> None:
    result = warehouse.dbt("run", *MODELS, expect=False)

    if warehouse.target == "postgres":
        want = "steadyflow.hash_pii: no PII salt on this PostgreSQL connection (setting steadyflow.pii_salt is not set)"
        assert "PGOPTIONS='-c steadyflow.pii_salt=<salt of 16+ characters>'" in result.text
    else:
        want = "steadyflow.hash_pii: no PII salt: table steadyflow_private.pii_salt does not exist in duckdb database"
        assert "steadyflow salt set --duckdb <file>" in result.text
    assert want in result.text
    assert result.statuses == {"privacy_customers": "success", "privacy_customers_hashed": "error"}


def test_a_short_salt_is_refused(warehouse: DbtProject) -> None:
    if warehouse.target == "postgres":
        warehouse.extra_env["PGOPTIONS"] = "-c steadyflow.pii_salt=tooshort"
        want = "steadyflow.pii_salt has 8 characters, fewer than 16"
    else:
        warehouse.work_dir.mkdir(parents=True, exist_ok=True)
        conn_sql = (
            "create schema steadyflow_private; create table steadyflow_private.pii_salt as select 'tooshort' as salt"
        )
        query(warehouse, conn_sql)
        want = "must hold exactly one salt of 16 characters or more; it holds 1 row(s), the shortest 8 characters"

    result = warehouse.dbt("run", *MODELS, expect=False)

    assert want in result.text


def test_the_cli_refuses_a_short_salt_and_never_replaces_a_salt_silently(duckdb_project: DbtProject) -> None:
    from tests.privacy.support import run_cli

    path = str(duckdb_project.duckdb_path)
    short = run_cli("salt", "set", "--duckdb", path, stdin="short\n")
    first = run_cli("salt", "set", "--duckdb", path, env={"STEADYFLOW_PII_SALT": SALT})
    again = run_cli("salt", "set", "--duckdb", path, stdin=SALT + "\n")
    other = run_cli("salt", "set", "--duckdb", path, stdin="another-salt-of-enough-length\n")
    replaced = run_cli("salt", "set", "--duckdb", path, "--replace", stdin="another-salt-of-enough-length\n")

    assert (short.returncode, first.returncode, again.returncode, other.returncode, replaced.returncode) == (
        2,
        0,
        0,
        2,
        0,
    )
    assert "the salt has 5 characters; give one of 16 or more in STEADYFLOW_PII_SALT or on stdin" in short.output
    assert "stored a 28-character salt in steadyflow_private.pii_salt" in first.output
    assert "already holds this salt; nothing changed" in again.output
    assert "already holds a different salt" in other.output and "Pass --replace" in other.output
    outputs = short.output + first.output + again.output + other.output + replaced.output
    assert SALT not in outputs and "another-salt-of-enough-length" not in outputs
    assert query(duckdb_project, "select salt from steadyflow_private.pii_salt") == [("another-salt-of-enough-length",)]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            "steadyflow.hash_pii('email', normalize='lower')",
            'steadyflow.hash_pii: argument `normalize` must be one of trim, email, none, got "lower"',
        ),
        ("steadyflow.hash_pii(none)", "steadyflow.hash_pii: argument `column` is required, got null"),
        (
            "steadyflow.hash_pii(3)",
            "steadyflow.hash_pii: argument `column` must be a column name or SQL expression (a string), got 3",
        ),
    ],
)
def test_a_bad_argument_is_a_compile_error_naming_it(duckdb_project: DbtProject, call: str, message: str) -> None:
    assert message in logged_by(duckdb_project, "compile", "--inline", "select {{ " + call + " }}")


def test_compile_and_an_empty_build_need_no_salt(warehouse: DbtProject) -> None:
    compiled = warehouse.dbt("compile", "-s", "privacy_customers_hashed")
    warehouse.dbt("build", "--empty", *MODELS)

    sql = compiled.raw.result.results[0].node.compiled_code
    assert SALT not in sql
    assert query(warehouse, "select count(*) from privacy_customers_hashed") == [(0,)]
