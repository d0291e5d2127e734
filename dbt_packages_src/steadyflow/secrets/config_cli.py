"""`steadyflow secrets-config`: print the `[secrets]` settings for AWS Secrets Manager, Vault or local files.

    steadyflow secrets-config --backend vault --set url=https://vault:8200 --set mount_point=airflow
    steadyflow secrets-config --backend local --kwargs '{"connections_file_path": "/opt/airflow/conns.json"}'

Prints the environment-variable form and the `airflow.cfg` form (`--format env|cfg|both`). Kwargs are
checked against the backend's constructor; bad input exits with status 2 and a message naming it.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from steadyflow.secrets.backends import BACKENDS, SecretsConfig, SecretsConfigError, build_config, parse_assignment

COMMAND = "secrets-config"


def configure_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--backend", required=True, choices=sorted(BACKENDS), help="which secrets backend")
    parser.add_argument("--kwargs", default=None, help="backend kwargs as a JSON object")
    parser.add_argument(
        "--set",
        dest="assignments",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="one backend kwarg (repeatable); VALUE is read as JSON when it parses",
    )
    parser.add_argument("--format", choices=("both", "env", "cfg"), default="both", help="what to print")
    parser.set_defaults(func=run)
    return parser


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `secrets-config` on the `steadyflow` CLI's subparsers."""
    parser = subparsers.add_parser(
        COMMAND,
        help="print [secrets] settings for aws, vault or local backends",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return configure_parser(parser)


def collect_kwargs(raw_json: str | None, assignments: list[str]) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    if raw_json:
        try:
            loaded = json.loads(raw_json)
        except json.JSONDecodeError as exc:
            raise SecretsConfigError(f"--kwargs {raw_json!r} is not JSON: {exc.msg}") from None
        if not isinstance(loaded, dict):
            raise SecretsConfigError(f"--kwargs {raw_json!r} must be a JSON object")
        kwargs.update(loaded)
    for text in assignments:
        key, value = parse_assignment(text)
        kwargs[key] = value
    return kwargs


def render(config: SecretsConfig, fmt: str = "both") -> str:
    parts: list[str] = []
    if fmt in ("both", "env"):
        parts.append("# environment variables (every Airflow component)\n" + "\n".join(config.env_lines()) + "\n")
    if fmt in ("both", "cfg"):
        parts.append("# airflow.cfg\n" + config.cfg_text())
    return "\n".join(parts)


def run(args: argparse.Namespace) -> int:
    try:
        config = build_config(args.backend, collect_kwargs(args.kwargs, args.assignments))
    except SecretsConfigError as exc:
        print(f"steadyflow {COMMAND}: error: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(render(config, args.format))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = configure_parser(argparse.ArgumentParser(prog=f"steadyflow {COMMAND}"))
    args = parser.parse_args(argv)
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
