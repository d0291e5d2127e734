"""`steadyflow` command line: lint, render, schema, init-loaders, and `secrets-config` (from the
secrets module, when installed)."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path


def _lint(args: argparse.Namespace) -> int:
    from steadyflow.lint import lint_dir

    try:
        report = lint_dir(args.dir)
    except FileNotFoundError as exc:
        print(f"steadyflow lint: {exc}", file=sys.stderr)
        return 2
    for finding in report.findings:
        print(finding.format())
    print(
        f"steadyflow lint: {report.files} file(s), {report.dags} DAG(s), "
        f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)"
    )
    return report.exit_code(strict=args.strict)


def _render(args: argparse.Namespace) -> int:
    from steadyflow.render import render_dir
    from steadyflow.specs.errors import SpecError

    try:
        report = render_dir(args.spec_dir, args.out_dir)
    except FileNotFoundError as exc:
        print(f"steadyflow render: {exc}", file=sys.stderr)
        return 2
    for path in report.written:
        print(f"wrote {path}")
    if report.issues:
        print(str(SpecError(report.issues)), file=sys.stderr)
        print(f"steadyflow render: {len(report.written)} file(s) written, spec problems above", file=sys.stderr)
        return 1
    return 0


def _schema(args: argparse.Namespace) -> int:
    from steadyflow.specs.file import json_schema

    text = json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"
    if args.out in (None, "-"):
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


def _init_loaders(args: argparse.Namespace) -> int:
    from steadyflow.loader import write_loaders

    for path in write_loaders(args.spec_dir, args.dag_dir):
        print(f"wrote {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="steadyflow", description="Typed YAML DAG specs for dbt + Airflow.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("lint", help="validate specs and check the Asset graph across a folder")
    p.add_argument("dir", help="folder (or file) of spec YAML files")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.set_defaults(func=_lint)

    p = sub.add_parser("render", help="write plain Python DAG files from specs")
    p.add_argument("spec_dir", help="folder (or file) of spec YAML files (.yaml or .yml)")
    p.add_argument("out_dir")
    p.set_defaults(func=_render)

    p = sub.add_parser("schema", help="write the JSON Schema of spec files (for editors)")
    p.add_argument("out", nargs="?", help="output file (default: stdout)")
    p.set_defaults(func=_schema)

    p = sub.add_parser("init-loaders", help="write a loader .py beside each spec that has none")
    p.add_argument("spec_dir")
    p.add_argument("dag_dir", nargs="?", help="where to write loaders (default: beside each spec)")
    p.set_defaults(func=_init_loaders)

    try:
        secrets_cli = importlib.import_module("steadyflow.secrets.config_cli")
    except ModuleNotFoundError as exc:  # only a missing secrets module is tolerated, not a broken one
        if exc.name not in ("steadyflow.secrets", "steadyflow.secrets.config_cli"):
            raise
        secrets_cli = None
    if secrets_cli is not None and hasattr(secrets_cli, "add_parser"):
        secrets_cli.add_parser(sub)

    from steadyflow.privacy.cli import add_parsers as add_privacy_parsers  # salt, purge

    add_privacy_parsers(sub)

    from steadyflow.slim_ci import add_parser as add_slim_ci_parser  # slim-ci

    add_slim_ci_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
