"""`steadyflow lint DIR`: validate every spec in a folder, then check the Asset graph across them.

- a spec that consumes an Asset no spec produces is an error (that DAG would wait forever);
- an Asset produced but consumed by no spec is a warning (maybe a consumer outside steadyflow);
- `trigger:` / `wait_for:` naming a dag_id no spec defines is a warning (it may be a hand-written DAG);
- an `ingest` callable that cannot be found here is a warning (lint imports the declared module, which
  DAG parsing never does; fine if the module is installed on the workers only).
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from steadyflow.specs.errors import SpecError
from steadyflow.specs.template_params import IngestDag
from steadyflow.specs.validate import LoadedSpec, load_spec, spec_files
from steadyflow.specs.yaml_source import PathKey, format_path


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" | "warning"
    file: str
    line: int | None
    column: int | None
    field: str
    message: str

    def format(self) -> str:
        where = self.file + (f":{self.line}:{self.column}" if self.line is not None else "")
        return f"{where}: {self.severity}: {self.field}: {self.message}"


@dataclass
class LintReport:
    findings: list[Finding]
    files: int
    dags: int

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def exit_code(self, strict: bool = False) -> int:
        return 1 if self.errors or (strict and self.warnings) else 0


def _asset_strings(node: object, path: PathKey) -> Iterator[tuple[str, PathKey]]:
    """Asset names inside a raw `schedule:` value, with their paths (cron strings are skipped)."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            if isinstance(item, str):
                yield item, (*path, i)
            else:
                yield from _asset_strings(item, (*path, i))
    elif isinstance(node, dict):
        for key in ("all", "any", "assets"):
            if key in node:
                value = node[key]
                if isinstance(value, str):
                    yield value, (*path, key)
                else:
                    yield from _asset_strings(value, (*path, key))


def _finding(spec: LoadedSpec, severity: str, path: PathKey, message: str) -> Finding:
    line, col = spec.source.locate(path)
    return Finding(severity, str(spec.path), line, col, format_path(path), message)


def _callable_problem(path: str) -> str | None:
    module_name, _, attr = path.rpartition(".")
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:  # any failure to import is worth reporting, not crashing lint
        return f"module '{module_name}' cannot be imported here ({type(exc).__name__}: {exc})"
    if not callable(getattr(module, attr, None)):
        return f"module '{module_name}' has no callable '{attr}'"
    return None


def lint_dir(folder: str | Path) -> LintReport:
    findings: list[Finding] = []
    loaded: list[LoadedSpec] = []
    files = spec_files(folder)
    for file in files:
        try:
            loaded.append(load_spec(file))
        except SpecError as exc:
            findings += [Finding("error", i.file, i.line, i.column, i.field, i.message) for i in exc.issues]

    produced: dict[str, tuple[LoadedSpec, PathKey]] = {}
    consumed: dict[str, list[tuple[LoadedSpec, PathKey]]] = {}
    dag_ids: dict[str, LoadedSpec] = {}
    for spec in loaded:
        for index, dag in enumerate(spec.spec.dags):
            first = dag_ids.setdefault(dag.dag_id, spec)
            if first is not spec:
                msg = f"dag_id '{dag.dag_id}' is also defined in {first.path}; DagBag would reject one of them"
                findings.append(_finding(spec, "error", ("dags", index, "dag_id"), msg))
    for spec in loaded:
        raw_dags = spec.source.data["dags"] if isinstance(spec.source.data, dict) else []
        for index, dag in enumerate(spec.spec.dags):
            for o, name in enumerate(dag.outlets):
                produced.setdefault(name, (spec, ("dags", index, "outlets", o)))
            raw = raw_dags[index] if isinstance(raw_dags, list) and index < len(raw_dags) else {}
            schedule = raw.get("schedule") if isinstance(raw, dict) else None
            for name, path in _asset_strings(schedule, ("dags", index, "schedule")):
                consumed.setdefault(name, []).append((spec, path))
            if isinstance(dag, IngestDag) and dag.callable is not None:
                problem = _callable_problem(dag.callable.path)
                if problem is not None:
                    msg = f"callable '{dag.callable.path}': {problem}; the task would fail when it runs"
                    findings.append(_finding(spec, "warning", ("dags", index, "callable", "path"), msg))
            for t, trig in enumerate(dag.trigger_specs()):
                if trig.dag_id not in dag_ids:
                    msg = f"triggers dag_id '{trig.dag_id}', which no spec defines (fine if it is a hand-written DAG)"
                    findings.append(_finding(spec, "warning", ("dags", index, "trigger", t), msg))
            for w, wait in enumerate(dag.wait_for):
                if wait.dag_id not in dag_ids:
                    msg = f"waits for dag_id '{wait.dag_id}', which no spec defines (fine if it is a hand-written DAG)"
                    findings.append(_finding(spec, "warning", ("dags", index, "wait_for", w), msg))

    for name, uses in consumed.items():
        if name in produced:
            continue
        close = difflib.get_close_matches(name, list(produced), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        for spec, path in uses:
            msg = f"consumes asset '{name}' but no spec produces it: this DAG would wait forever{hint}"
            findings.append(_finding(spec, "error", path, msg))
    for name, (spec, path) in produced.items():
        if name not in consumed:
            findings.append(_finding(spec, "warning", path, f"asset '{name}' is produced but no spec consumes it"))

    findings.sort(key=lambda f: (f.severity != "error", f.file, f.line or 0, f.column or 0))
    return LintReport(findings=findings, files=len(files), dags=sum(len(s.spec.dags) for s in loaded))
