"""`steadyflow slim-ci`: build only what a change touches, against production's artifacts.

    steadyflow slim-ci --state prod-artifacts/ [--target ci] [--on-bad-state full|fail]

runs `dbt build --select state:modified+ --defer --favor-state --state DIR` and prints each node built and why
(modified, and how; or downstream of which modified node, built or left out by `--select`). `--favor-state`
(dbt >= 1.5): an unbuilt parent is always read from the state's (production's) relation, even when an older run
left a table of that name in the CI schema. A state manifest that is missing, unreadable or of another manifest
schema version than this dbt writes cannot say what changed: the command says so and then builds everything
(`--on-bad-state full`, the default) or fails without building (`fail`); it never silently builds nothing.
dbt runs as a child process (the `--dbt` executable), so its exit code is the command's."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from steadyflow.runtime.project import dbt_args

PREFIX = "steadyflow slim-ci"


@dataclass(frozen=True)
class StateCheck:
    """Whether the state manifest can drive `state:modified`, and what to tell the user."""

    usable: bool
    message: str
    manifest: dict[str, Any] | None = None


def this_dbt_manifest_version() -> str | None:
    """The manifest schema version (".../manifest/v12.json") the installed dbt-core writes; None without it."""
    try:
        module = importlib.import_module("dbt.contracts.graph.manifest")
    except ImportError:
        return None
    version = getattr(module.WritableManifest, "dbt_schema_version", None)
    return str(version) if version is not None else None


def check_state(state_dir: Path, expected_version: str | None) -> StateCheck:
    manifest_path = state_dir / "manifest.json"
    if not manifest_path.is_file():
        return StateCheck(False, f"state manifest {manifest_path} is missing")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        version = str(manifest["metadata"]["dbt_schema_version"])
        nodes = manifest["nodes"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        return StateCheck(False, f"state manifest {manifest_path} is unreadable ({type(exc).__name__}: {exc})")
    if not isinstance(nodes, dict):
        return StateCheck(False, f"state manifest {manifest_path} is unreadable (its `nodes` is not an object)")
    if expected_version is not None and version != expected_version:
        return StateCheck(
            False,
            f"state manifest {manifest_path} has manifest schema {_short(version)}, this dbt writes "
            f"{_short(expected_version)} (regenerate production's artifacts with this dbt version)",
        )
    return StateCheck(True, f"state manifest {manifest_path}: schema {_short(version)}, {len(nodes)} nodes", manifest)


def _short(version: str) -> str:
    return version.rsplit("/", 1)[-1].removesuffix(".json")


def _own_change(node: dict[str, Any], old: dict[str, Any] | None) -> str | None:
    """How a node itself changed against the state (new, SQL/definition, config), or None."""
    if old is None:
        return "modified: new (not in the state manifest)"
    if (node.get("checksum") or {}).get("checksum") != (old.get("checksum") or {}).get("checksum"):
        return "modified: its SQL/definition changed"
    if node.get("unrendered_config") != old.get("unrendered_config"):
        return "modified: its config changed"
    return None


def reasons(built: Sequence[str], current: dict[str, Any], state: dict[str, Any]) -> dict[str, str]:
    """Why each built node was selected: its own change, or the changed nodes upstream of it (built or not:
    a `--select` can leave a modified parent out, and its child is still built because of it)."""
    old_nodes: dict[str, Any] = state.get("nodes", {})
    new_nodes: dict[str, Any] = current.get("nodes", {})
    selected = set(built)
    affected: dict[str, bool] = {}

    def is_affected(unique_id: str) -> bool:
        """The node changed itself, or a node upstream of it did (within this manifest's nodes)."""
        if unique_id not in affected:
            affected[unique_id] = False  # a cycle guard; dbt's graph has none
            node = new_nodes.get(unique_id)
            affected[unique_id] = node is not None and (
                _own_change(node, old_nodes.get(unique_id)) is not None
                or any(is_affected(p) for p in node.get("depends_on", {}).get("nodes", []))
            )
        return affected[unique_id]

    why: dict[str, str] = {}
    for unique_id in built:
        node = new_nodes.get(unique_id, {})
        own = _own_change(node, old_nodes.get(unique_id))
        parents = [p for p in node.get("depends_on", {}).get("nodes", []) if p in selected or is_affected(p)]
        if own is not None:
            why[unique_id] = own
        elif parents:
            named = [p if p in selected else f"{p} (not built: outside --select)" for p in sorted(parents)]
            why[unique_id] = "downstream of " + ", ".join(named)
        else:
            why[unique_id] = "modified (dbt state:modified: a macro, description or other change)"
    return why


def _read_json(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def run(args: argparse.Namespace) -> int:
    if shutil.which(args.dbt) is None:
        on_path = "" if os.sep in args.dbt else " (it is not on PATH)"
        print(
            f"{PREFIX}: the dbt executable {args.dbt!r} was not found; pass --dbt /path/to/venv/bin/dbt{on_path}",
            file=sys.stderr,
        )
        return 2
    project_dir = Path(args.project_dir)
    state_dir = Path(args.state).resolve()
    target_path = Path(args.target_path or os.environ.get("DBT_TARGET_PATH") or project_dir / "target").resolve()
    if target_path == state_dir:
        print(f"{PREFIX}: --state {state_dir} is also dbt's target path; pass --target-path DIR", file=sys.stderr)
        return 2
    check = check_state(state_dir, this_dbt_manifest_version())
    project = {"project_dir": str(project_dir), "profiles_dir": args.profiles_dir, "target": args.target}
    common = [*dbt_args(project), "--target-path", str(target_path)]
    if args.exclude:
        common += ["--exclude", *args.exclude]
    if args.vars:
        common += ["--vars", args.vars]
    within = f" within {' '.join(args.select)}" if args.select else ""
    if check.usable:
        print(f"{PREFIX}: {check.message}; building state:modified+{within} with --defer --favor-state")
        selectors = [f"state:modified+,{s}" for s in args.select] if args.select else ["state:modified+"]
        command = [
            args.dbt,
            "build",
            "--select",
            *selectors,
            "--defer",
            "--favor-state",
            "--state",
            str(state_dir),
            *common,
        ]
    elif args.on_bad_state == "fail":
        print(f"{PREFIX}: {check.message}; nothing built (--on-bad-state fail)", file=sys.stderr)
        return 2
    else:
        print(f"{PREFIX}: {check.message}; building everything{within} (--on-bad-state full)")
        command = [args.dbt, "build", *(["--select", *args.select] if args.select else []), *common]
    results_path = target_path / "run_results.json"
    results_path.unlink(missing_ok=True)
    done = subprocess.run(command, check=False)
    if not results_path.is_file():
        print(f"{PREFIX}: dbt build wrote no run results (exit {done.returncode}); see dbt's output above")
        return done.returncode or 2
    built = [(r["unique_id"], r["status"]) for r in _read_json(results_path)["results"]]
    built = [(unique_id, status) for unique_id, status in built if not unique_id.startswith("operation.")]
    if check.usable and check.manifest is not None:
        why = reasons([u for u, _ in built], _read_json(target_path / "manifest.json"), check.manifest)
    else:
        why = {unique_id: "the state cannot be compared: everything is built" for unique_id, _ in built}
    for unique_id, status in built:
        print(f"{PREFIX}: built {unique_id} [{status}]: {why[unique_id]}")
    failed = sum(status in ("error", "fail") for _, status in built)
    if not built:
        print(f"{PREFIX}: 0 nodes built: nothing is modified against the state")
    else:
        print(f"{PREFIX}: {len(built)} node(s) built, {failed} failed")
    return done.returncode


def add_parser(sub: Any) -> None:
    """Register `slim-ci` on the `steadyflow` command's subparsers."""
    p = sub.add_parser("slim-ci", help="build what changed against production's artifacts (state:modified+)")
    p.add_argument("--state", required=True, help="folder holding production's manifest.json")
    p.add_argument("--target", help="dbt target to build in (e.g. ci)")
    p.add_argument(
        "--on-bad-state",
        choices=["full", "fail"],
        default="full",
        help="when the state manifest is missing, unreadable or of another schema version: "
        "build everything (full, default) or fail without building (fail)",
    )
    p.add_argument("--select", nargs="+", help="only within these selectors (each intersected with state:modified+)")
    p.add_argument("--exclude", nargs="+", help="dbt's --exclude")
    p.add_argument("--vars", help="dbt's --vars (YAML/JSON)")
    p.add_argument("--project-dir", default=".", help="the dbt project (default: .)")
    p.add_argument("--profiles-dir", help="dbt's --profiles-dir")
    p.add_argument("--target-path", help="this build's artifacts (default: DBT_TARGET_PATH or target/)")
    p.add_argument("--dbt", default="dbt", help="the dbt executable (default: dbt on PATH)")
    p.set_defaults(func=run)
