"""`steadyflow render SPEC_DIR OUT_DIR`: write plain Python DAG files from spec files, for teams who
want no YAML read at parse time. A rendered file calls the same constructors with the same arguments
as the YAML loader (both work from the same `DagPlan`), so both give identical DAGs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from steadyflow.allowlist import operator_path
from steadyflow.loader import variable_name
from steadyflow.specs.errors import SpecError, SpecIssue
from steadyflow.specs.validate import load_spec, spec_files
from steadyflow.templates.plan import Call, DagPlan, Ref
from steadyflow.templates.registry import plan_file


class _Names:
    """Every module-level name a rendered file binds (imports, DAGs, tasks): each is claimed once, so
    no DAG or task variable shadows an import or another one (`up-a` / `up_a` would otherwise share)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        name, number = wanted, 1
        while name in self.taken:
            number += 1
            name = f"{wanted}_{number}"
        self.taken.add(name)
        return name


class _Imports:
    def __init__(self, names: _Names) -> None:
        self.names: dict[str, str] = {}  # dotted path -> local name
        self.scope = names

    def use(self, path: str) -> str:
        if path not in self.names:
            module, _, name = path.rpartition(".")
            alias = name if name not in self.scope.taken else f"{module.replace('.', '_')}_{name}"
            self.names[path] = self.scope.claim(alias)
        return self.names[path]

    def lines(self) -> list[str]:
        by_module: dict[str, list[str]] = {}
        for path, alias in self.names.items():
            module, _, name = path.rpartition(".")
            by_module.setdefault(module, []).append(name + (f" as {alias}" if alias != name else ""))
        return [f"from {module} import {', '.join(sorted(names))}" for module, names in sorted(by_module.items())]


def _expr(value: Any, imports: _Imports, indent: int) -> str:
    pad = "    " * (indent + 1)
    end = "    " * indent
    if isinstance(value, Call):
        args = [_expr(a, imports, indent + 1) for a in value.args]
        args += [f"{k}={_expr(v, imports, indent + 1)}" for k, v in value.kwargs.items()]
        inline = f"{imports.use(value.func)}(" + ", ".join(args) + ")"
        if len(inline) + 4 * indent <= 100 and "\n" not in inline:
            return inline
        return f"{imports.use(value.func)}(\n" + "".join(f"{pad}{a},\n" for a in args) + f"{end})"
    if isinstance(value, Ref):
        return imports.use(value.path)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{pad}{k!r}: {_expr(v, imports, indent + 1)}," for k, v in value.items()]
        return "{\n" + "\n".join(items) + f"\n{end}}}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        items = [f"{pad}{_expr(v, imports, indent + 1)}," for v in value]
        return "[\n" + "\n".join(items) + f"\n{end}]"
    return repr(value)


def _render_dag(plan: DagPlan, imports: _Imports) -> list[str]:
    dag_cls = imports.use("airflow.sdk.DAG")
    lines = [f"with {dag_cls}(", f"    dag_id={plan.dag_id!r},"]
    lines += [f"    {k}={_expr(v, imports, 1)}," for k, v in plan.dag_kwargs.items()]
    lines.append(f") as {imports.scope.claim(variable_name(plan.dag_id))}:")
    names: dict[str, str] = {}
    for task in plan.tasks:
        op = imports.use(operator_path(task.operator))
        names[task.task_id] = imports.scope.claim("t_" + variable_name(task.task_id))
        lines.append(f"    {names[task.task_id]} = {op}(")
        lines.append(f"        task_id={task.task_id!r},")
        lines += [f"        {k}={_expr(v, imports, 2)}," for k, v in task.kwargs.items()]
        lines.append("    )")
    lines += [f"    {names[u]} >> {names[d]}" for u, d in plan.edges]
    return lines


def render_spec(spec_path: str | Path) -> str:
    """Python source for the DAGs of one spec file."""
    loaded = load_spec(spec_path)
    imports = _Imports(_Names())
    body: list[str] = []
    for plan in plan_file(loaded.spec, loaded.path.name):
        body += ["", "", *_render_dag(plan, imports)]
    header = [
        f'"""Airflow DAG file rendered by `steadyflow render` from {loaded.path.name}.',
        "",
        "Do not edit: change the spec and render again. No YAML is read when this file is parsed.",
        '"""',
        "",
        *imports.lines(),
    ]
    return "\n".join(header + body) + "\n"


@dataclass
class RenderReport:
    """What `render_dir` did: the files written, and every problem of the specs it could not render."""

    written: list[Path] = field(default_factory=list)
    issues: list[SpecIssue] = field(default_factory=list)


def render_dir(spec_dir: str | Path, out_dir: str | Path) -> RenderReport:
    """Render every spec in `spec_dir` (or the one spec file) to `<out_dir>/<spec stem>.py`; a broken spec
    is skipped, its problems collected, and every other spec still rendered (as lint reports them all)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = RenderReport()
    for spec_path in spec_files(spec_dir):
        try:
            source = render_spec(spec_path)
        except SpecError as exc:
            report.issues += exc.issues
            continue
        target = out / f"{spec_path.stem}.py"
        target.write_text(source, encoding="utf-8")
        report.written.append(target)
    return report
