"""Checks that need more than one DAG's model: dag ids unique in the file, the template checks that need
the file's `python_modules:` (`TemplateBuilder.file_problems`), and Asset cycles among the file's DAGs.

When the models do not validate, `raw_checks` still runs the template checks that only need raw values
(`TemplateBuilder.raw_problems`, e.g. the ingest allow-list), so one run reports every mistake instead of
revealing them in rounds."""

from __future__ import annotations

from typing import Any

from steadyflow.specs.asset_graph import file_cycles
from steadyflow.specs.errors import SpecIssue
from steadyflow.specs.file import SpecFile
from steadyflow.specs.yaml_source import PathKey, YamlSource, format_path
from steadyflow.templates.registry import builder_for, templates


def _issue(source: YamlSource, path: PathKey, message: str) -> SpecIssue:
    line, col = source.locate(path)
    return SpecIssue(source.file, line, col, format_path(path), message)


def file_checks(source: YamlSource, spec: SpecFile) -> list[SpecIssue]:
    """Problems of a file whose models validated."""
    issues = []
    seen: dict[str, int] = {}
    for index, dag in enumerate(spec.dags):
        if dag.dag_id in seen:
            msg = f"dag_id '{dag.dag_id}' is already used by dags[{seen[dag.dag_id]}] in this file"
            issues.append(_issue(source, ("dags", index, "dag_id"), msg))
        seen.setdefault(dag.dag_id, index)
        for where, message in builder_for(dag).file_problems(dag, tuple(spec.python_modules)):
            issues.append(_issue(source, ("dags", index, *where), message))
    issues += [_issue(source, path, message) for path, message in file_cycles(spec)]
    return issues


def raw_checks(source: YamlSource, data: dict[str, Any]) -> list[SpecIssue]:
    """The template checks that need only raw values, for a file whose models did not validate."""
    modules = data.get("python_modules")
    python_modules = tuple(m for m in modules if isinstance(m, str)) if isinstance(modules, list) else ()
    dags = data.get("dags")
    issues = []
    for index, dag in enumerate(dags if isinstance(dags, list) else []):
        builder = templates().get(str(dag.get("template"))) if isinstance(dag, dict) else None
        if builder is None:
            continue
        for where, message in builder.raw_problems(dag, python_modules):
            issues.append(_issue(source, ("dags", index, *where), message))
    return issues
