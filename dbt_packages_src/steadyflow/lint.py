"""`steadyflow lint DIR`: validate every spec in a folder, then check the Asset graph across them.

It reads the validated spec models (never the raw YAML) and reports `LintIssue`s, which are the loader's
`SpecIssue`s with a severity, so a finding looks like the DagBag import error and has the same "did you
mean". Across the folder:

- a spec that consumes an Asset no spec produces is an error (that DAG would wait forever), unless a
  spec file declares it under `external_assets: produced:` (a DAG outside steadyflow writes it);
- DAGs that wait for each other's Assets (A waits for y and produces x, B the reverse) are an error
  naming the cycle: none of them ever starts, or once started they wake each other forever;
- an Asset produced but consumed by no spec is a warning, unless declared `external_assets: consumed:`;
- `trigger:` / `wait_for:` naming a dag_id no spec defines is a warning (it may be a hand-written DAG);
- an `ingest` callable that cannot be found here is a warning (lint imports the declared module, which
  DAG parsing never does; fine if the module is installed on the workers only);
- a `deadline` with `reference: logical_date` on a DAG whose runs have no logical date (asset-scheduled or
  schedule-less) is an error, on a cron DAG a warning (`specs/deadline_pitfalls.py`, apache/airflow#71750).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from steadyflow.dotted import DottedPathError, import_callable
from steadyflow.specs.asset_graph import Edges, asset_cycles, cycle_message, link
from steadyflow.specs.deadline_pitfalls import deadline_pitfalls
from steadyflow.specs.errors import SpecError, SpecIssue
from steadyflow.specs.schedule import asset_paths
from steadyflow.specs.validate import LoadedSpec, load_spec, spec_files
from steadyflow.specs.yaml_source import PathKey, format_path
from steadyflow.templates.ingest import IngestDag


@dataclass(frozen=True)
class LintIssue(SpecIssue):
    """A `SpecIssue` with a severity: `file:line:col: error: field: message (did you mean '...'?)`."""

    severity: str = "error"  # "error" | "warning"

    def format(self) -> str:
        location = self.location()
        return f"{location}: {self.severity}: {super().format()[len(location) + 2 :]}"


@dataclass
class LintReport:
    findings: list[LintIssue]
    files: int
    dags: int

    @property
    def errors(self) -> list[LintIssue]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[LintIssue]:
        return [f for f in self.findings if f.severity == "warning"]

    def exit_code(self, strict: bool = False) -> int:
        return 1 if self.errors or (strict and self.warnings) else 0


@dataclass(frozen=True)
class _Use:
    """One place a DAG produces (an outlet) or consumes (a schedule entry) an asset."""

    dag_id: str
    spec: LoadedSpec
    path: PathKey


@dataclass
class _AssetGraph:
    producers: dict[str, list[_Use]] = field(default_factory=dict)
    consumers: dict[str, list[_Use]] = field(default_factory=dict)
    external_produced: set[str] = field(default_factory=set)
    external_consumed: set[str] = field(default_factory=set)

    def add(self, spec: LoadedSpec) -> None:
        self.external_produced.update(spec.spec.external_assets.produced)
        self.external_consumed.update(spec.spec.external_assets.consumed)
        for index, dag in enumerate(spec.spec.dags):
            for o, name in enumerate(dag.outlets):
                self.producers.setdefault(name, []).append(_Use(dag.dag_id, spec, ("dags", index, "outlets", o)))
            for name, path in asset_paths(dag.schedule):
                self.consumers.setdefault(name, []).append(_Use(dag.dag_id, spec, ("dags", index, "schedule", *path)))

    def edges(self) -> Edges:
        """producer dag -> consumer dag -> the (alphabetically first) asset linking them."""
        return link(
            {name: [u.dag_id for u in uses] for name, uses in self.producers.items()},
            {name: [u.dag_id for u in uses] for name, uses in self.consumers.items()},
        )


def _issue(spec: LoadedSpec, severity: str, path: PathKey, message: str, suggestion: str | None = None) -> LintIssue:
    line, col = spec.source.locate(path)
    return LintIssue(str(spec.path), line, col, format_path(path), message, suggestion, severity)


def _nearest(name: str, candidates: set[str] | list[str]) -> str | None:
    close = difflib.get_close_matches(name, sorted(candidates), n=1)
    return close[0] if close else None


def _callable_problem(path: str) -> str | None:
    try:
        import_callable(path)
    except DottedPathError as exc:  # any failure to import is worth reporting, not crashing lint
        return str(exc)
    return None


def _asset_findings(graph: _AssetGraph) -> list[LintIssue]:
    findings: list[LintIssue] = []
    known = set(graph.producers) | graph.external_produced
    for name, uses in graph.consumers.items():
        if name in known:
            continue
        hint = _nearest(name, known)
        msg = (
            f"consumes asset '{name}' but no spec produces it (nor external_assets.produced): "
            "this DAG would wait forever"
        )
        findings += [_issue(use.spec, "error", use.path, msg, hint) for use in uses]
    for name, uses in graph.producers.items():
        if name not in graph.consumers and name not in graph.external_consumed:
            msg = (
                f"asset '{name}' is produced but no spec consumes it "
                "(declare it in external_assets.consumed if a DAG outside steadyflow does)"
            )
            findings.append(_issue(uses[0].spec, "warning", uses[0].path, msg))
    for chain in asset_cycles(graph.edges()):
        start, waits_for = chain[0], chain[-2]
        use = next(u for u in graph.consumers[waits_for] if u.dag_id == start)
        findings.append(_issue(use.spec, "error", use.path, cycle_message(chain)))
    return findings


def _dag_findings(spec: LoadedSpec, dag_ids: set[str]) -> list[LintIssue]:
    findings: list[LintIssue] = []
    for index, dag in enumerate(spec.spec.dags):
        if isinstance(dag, IngestDag) and dag.callable is not None:
            problem = _callable_problem(dag.callable.path)
            if problem is not None:
                msg = f"callable '{dag.callable.path}': {problem}; the task would fail when it runs"
                findings.append(_issue(spec, "warning", ("dags", index, "callable", "path"), msg))
        for pitfall in deadline_pitfalls(dag):
            where: PathKey = ("dags", index, *pitfall.path)
            findings.append(_issue(spec, pitfall.severity, where, pitfall.message, pitfall.suggestion))
        for t, trig in enumerate(dag.trigger_specs()):
            if trig.dag_id not in dag_ids:
                msg = f"triggers dag_id '{trig.dag_id}', which no spec defines (fine if it is a hand-written DAG)"
                findings.append(
                    _issue(spec, "warning", ("dags", index, "trigger", t), msg, _nearest(trig.dag_id, dag_ids))
                )
        for w, wait in enumerate(dag.wait_for):
            if wait.dag_id not in dag_ids:
                msg = f"waits for dag_id '{wait.dag_id}', which no spec defines (fine if it is a hand-written DAG)"
                findings.append(
                    _issue(spec, "warning", ("dags", index, "wait_for", w), msg, _nearest(wait.dag_id, dag_ids))
                )
    return findings


def lint_dir(folder: str | Path) -> LintReport:
    """Validate every spec under `folder` (or one file) and check the Asset graph across them."""
    findings: list[LintIssue] = []
    loaded: list[LoadedSpec] = []
    files = spec_files(folder)
    for file in files:
        try:
            loaded.append(load_spec(file))
        except SpecError as exc:
            findings += [
                LintIssue(i.file, i.line, i.column, i.field, i.message, i.suggestion, "error") for i in exc.issues
            ]

    first: dict[str, LoadedSpec] = {}
    graph = _AssetGraph()
    for spec in loaded:
        graph.add(spec)
        for index, dag in enumerate(spec.spec.dags):
            where = first.setdefault(dag.dag_id, spec)
            if where is not spec:
                msg = f"dag_id '{dag.dag_id}' is also defined in {where.path}; DagBag would reject one of them"
                findings.append(_issue(spec, "error", ("dags", index, "dag_id"), msg))
    dag_ids = set(first)
    for spec in loaded:
        findings += _dag_findings(spec, dag_ids)
    findings += _asset_findings(graph)

    findings.sort(key=lambda f: (f.severity != "error", f.file, f.line or 0, f.column or 0))
    return LintReport(findings=findings, files=len(files), dags=sum(len(s.spec.dags) for s in loaded))
