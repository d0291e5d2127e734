"""The privacy subcommands of `steadyflow`: `salt set` and `purge` (registered by steadyflow.cli)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from steadyflow.privacy.purge import PurgeError, purge
from steadyflow.privacy.salt import DEFAULT_TABLE, SaltError, SaltTable, read_salt, store_duckdb_salt
from steadyflow.runtime.project import dbt_args


def _salt_set(args: argparse.Namespace) -> int:
    try:
        salt = read_salt(sys.stdin)
        print(
            f"steadyflow salt: {store_duckdb_salt(Path(args.duckdb), salt, SaltTable.parse(args.table), args.replace)}"
        )
    except SaltError as exc:
        print(f"steadyflow salt: {exc}", file=sys.stderr)
        return 2
    return 0


def _purge(args: argparse.Namespace) -> int:
    project = {"project_dir": args.project_dir, "profiles_dir": args.profiles_dir, "target": args.target}
    try:
        outcome = purge(args.relations, args.where, args.downstream, args.dry_run, dbt_args(project), args.max_rows)
    except PurgeError as exc:
        print(f"steadyflow purge: {exc}", file=sys.stderr)
        return 1
    if outcome.compacted:
        print(f"steadyflow purge: {outcome.compacted}")
    rows = sum(int(n) for n in outcome.summary.get("rows", {}).values())
    verb = "would delete" if args.dry_run else "deleted"
    print(f"steadyflow purge: {verb} {rows} row(s) in {len(outcome.summary.get('rows', {}))} table(s)")
    return 0


def add_parsers(sub: Any) -> None:
    salt = sub.add_parser("salt", help="store the PII salt of steadyflow.hash_pii outside dbt")
    salt_sub = salt.add_subparsers(dest="salt_command", required=True)
    p = salt_sub.add_parser(
        "set",
        help="write the salt (from STEADYFLOW_PII_SALT or stdin, never an argument) into a DuckDB file",
        description="On PostgreSQL, give the salt to dbt through the connection instead: "
        "PGOPTIONS='-c steadyflow.pii_salt=...' (docs/privacy.md).",
    )
    p.add_argument("--duckdb", required=True, metavar="FILE", help="the DuckDB file of the dbt-duckdb profile")
    p.add_argument("--table", default=DEFAULT_TABLE, help=f"schema.table of the salt (default {DEFAULT_TABLE})")
    p.add_argument("--replace", action="store_true", help="replace an existing different salt")
    p.set_defaults(func=_salt_set)

    p = sub.add_parser(
        "purge",
        help="delete rows (the right to be forgotten) with the steadyflow.purge run-operation, then remove their bytes",
        description="Runs `dbt run-operation steadyflow.purge`; on DuckDB then copies the database into a fresh "
        "file and swaps it in (freed blocks keep deleted bytes). See docs/privacy.md#purge-the-right-to-be-forgotten.",
    )
    p.add_argument("relations", nargs="+", help="model, seed or snapshot names (or schema.table without --downstream)")
    p.add_argument("--where", required=True, help='the rows to delete, one SQL condition: "customer_id = 42"')
    p.add_argument("--downstream", action="store_true", help="also every table built from them (manifest graph)")
    p.add_argument("--dry-run", action="store_true", help="count the rows and change nothing")
    p.add_argument(
        "--max-rows",
        type=int,
        metavar="N",
        help="refuse (deleting nothing) when the rows matched in all tables add up to more than N (default: no limit)",
    )
    p.add_argument("--project-dir", default=".", help="the dbt project (default: .)")
    p.add_argument("--profiles-dir")
    p.add_argument("--target")
    p.set_defaults(func=_purge)
