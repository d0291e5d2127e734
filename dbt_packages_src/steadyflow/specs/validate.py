"""Read one spec file once and validate it into a `SpecFile`, or raise `SpecError` listing every
problem with its file:line:column, field path, what was expected, and a "did you mean" for typos."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from steadyflow.secrets.literal import find_literal_secrets, secret_key_word, value_problem
from steadyflow.specs.common import QUOTE_IT, jinja_problem
from steadyflow.specs.dag import TRIGGER_TAGS, DefaultsSpec
from steadyflow.specs.errors import SpecError, SpecIssue
from steadyflow.specs.file import SpecFile
from steadyflow.specs.file_checks import file_checks, raw_checks
from steadyflow.specs.schedule import UNION_TAGS
from steadyflow.specs.secret_issues import flagged_paths, secret_issues
from steadyflow.specs.yaml_source import PathKey, YamlSource, format_path, parse_yaml
from steadyflow.templates.registry import spec_models, template_names

SPEC_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LoadedSpec:
    """A validated spec file, with its source kept for locating later findings (e.g. lint)."""

    path: Path
    source: YamlSource
    spec: SpecFile


def _all_models() -> Iterator[type[BaseModel]]:
    seen: set[type[BaseModel]] = set()
    stack: list[type[BaseModel]] = [SpecFile]
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        yield model
        for sub in model.__subclasses__():
            stack.append(sub)
        for field in model.model_fields.values():
            stack.extend(_models_in(field.annotation))


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    out: list[type[BaseModel]] = []
    for arg in getattr(annotation, "__args__", ()) or ():
        out.extend(_models_in(arg))
    meta = getattr(annotation, "__metadata__", None)
    if meta is not None:
        out.extend(_models_in(getattr(annotation, "__origin__", None)))
    return out


def _suggest_key(bad: str, parent: dict[str, Any], parent_path: PathKey) -> str | None:
    """Nearest valid key for `bad`, among the models that could hold the other keys of `parent`."""
    models = spec_models()
    if len(parent_path) == 2 and parent_path[0] == "dags" and parent.get("template") in models:
        candidates: set[str] = set(models[str(parent["template"])].model_fields)
    elif parent_path in ((), ("defaults",)):  # their model is known: never suggest another model's key
        candidates = set((SpecFile if parent_path == () else DefaultsSpec).model_fields)
    else:
        siblings = {k for k in parent if k != bad}
        candidates = set()
        for model in _all_models():
            fields = set(model.model_fields)
            if siblings <= fields:
                candidates |= fields
    candidates.discard(bad)
    matches = difflib.get_close_matches(bad, sorted(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _clean_loc(data: object, loc: tuple[int | str, ...]) -> PathKey:
    """Drop union tags pydantic inserts into error locations, keeping real keys and indexes."""
    out: list[str | int] = []
    node = data
    for part in loc:
        found, child = _child(node, part)
        if found:
            out.append(part)
            node = child
        elif isinstance(part, str) and (
            part in UNION_TAGS or part in TRIGGER_TAGS or part in template_names() or part == "function-after"
        ):
            continue
        else:
            out.append(part)
            node = None
    return tuple(out)


def _describe(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _may_show_secret(path: PathKey, value: object, flagged: list[PathKey]) -> bool:
    """Whether quoting `value` (at `path`) could print a secret the literal-secret check reports without it."""
    if any(isinstance(part, str) and secret_key_word(part) for part in path):
        return True
    if any(path[: len(hit)] == hit or hit[: len(path)] == path for hit in flagged):
        return True
    if isinstance(value, str) and value_problem(value):
        return True
    return bool(find_literal_secrets(value))


def _issue_from_error(
    source: YamlSource, data: object, err: Any, inherited: dict[PathKey, PathKey], flagged: list[PathKey]
) -> SpecIssue:
    path = _clean_loc(data, tuple(err["loc"]))
    kind = err["type"]
    msg: str = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    suggestion = None
    if kind == "extra_forbidden":
        parent = _get(data, path[:-1])
        bad = str(path[-1])
        allowed_parent = parent if isinstance(parent, dict) else {}
        suggestion = _suggest_key(bad, allowed_parent, path[:-1])
        msg = f"unknown key '{bad}'"
        if path[:-1] == ("defaults",) and any(bad in m.model_fields for m in spec_models().values()):
            msg += f": '{bad}' cannot be a default, set it on each DAG"
    elif kind == "missing":
        msg = f"missing required key '{path[-1]}'"
        locate_at = path[:-1]
        line, col = _locate(source, locate_at, inherited)
        return SpecIssue(source.file, line, col, format_path(path), msg)
    elif (
        kind in ("union_tag_invalid", "union_tag_not_found") and err.get("ctx", {}).get("discriminator") == "'template'"
    ):
        node = _get(data, path)
        value = node.get("template") if isinstance(node, dict) else None
        path = (*path, "template")
        names = template_names()
        if value is None:
            msg = f"missing 'template'; expected one of: {', '.join(names)}"
        else:
            msg = f"unknown template {value!r}; expected one of: {', '.join(names)}"
            close = difflib.get_close_matches(str(value), names, n=1)
            suggestion = close[0] if close else None
    elif kind == "value_error" and msg.startswith(QUOTE_IT) and _may_show_secret(path, err.get("input"), flagged):
        msg = "a date or timestamp; quote it (write it as a string)"  # the usual message shows the value
    elif (
        "input" in err
        and kind not in ("schedule_shape", "asset_expression", "value_error")
        and not isinstance(err["input"], dict)
        and not _may_show_secret(path, err["input"], flagged)
    ):
        msg = f"{msg} (got {_describe(err['input'])})"
    line, col = _locate(source, path, inherited)
    return SpecIssue(source.file, line, col, format_path(path), msg, suggestion)


def _get(data: object, path: PathKey) -> object:
    node = data
    for part in path:
        found, node = _child(node, part)
        if not found:
            return None
    return node


def _child(node: object, part: str | int) -> tuple[bool, object]:
    if isinstance(node, dict) and part in node:
        return True, node[part]
    if isinstance(node, list) and isinstance(part, int) and part < len(node):
        return True, node[part]
    return False, None


def _locate(source: YamlSource, path: PathKey, inherited: dict[PathKey, PathKey]) -> tuple[int | None, int | None]:
    """Position of `path`; a value a DAG inherited from `defaults:` is reported where the default is."""
    for cut in range(len(path), 0, -1):
        if path[:cut] in inherited:
            path = inherited[path[:cut]] + path[cut:]
            break
    return source.locate(path)


def _apply_defaults(data: dict[str, Any]) -> dict[PathKey, PathKey]:
    """Copy `defaults:` into each DAG that lacks the key (dicts merge one level, the DAG wins)."""
    inherited: dict[PathKey, PathKey] = {}
    defaults = data.get("defaults")
    dags = data.get("dags")
    if not isinstance(defaults, dict) or not isinstance(dags, list):
        return inherited
    for index, dag in enumerate(dags):
        if not isinstance(dag, dict):
            continue
        model = spec_models().get(str(dag.get("template")))
        if model is None:
            continue
        for key, value in defaults.items():
            if key not in model.model_fields:
                continue
            if key not in dag:
                dag[key] = value
                inherited[("dags", index, key)] = ("defaults", key)
            elif isinstance(value, dict) and isinstance(dag[key], dict):
                for sub, sub_value in value.items():
                    if sub not in dag[key]:
                        dag[key] = {**dag[key], sub: sub_value}
                        inherited[("dags", index, key, sub)] = ("defaults", key, sub)
    return inherited


#: DAG keys whose text only describes the DAG; every other string ends up in a task field Airflow renders
#: with Jinja when the task runs (bash_command, op_kwargs, conf), so its syntax is checked at load time.
_PLAIN_TEXT_KEYS = frozenset({"description", "doc_md", "owner", "tags"})


def _strings(value: object, path: PathKey) -> Iterator[tuple[PathKey, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _jinja_issues(source: YamlSource, data: dict[str, Any], inherited: dict[PathKey, PathKey]) -> list[SpecIssue]:
    """Templated fields whose Jinja would not parse: today they load and fail when the task runs."""
    issues: list[SpecIssue] = []
    dags = data.get("dags")
    if not source.may_hold_jinja or not isinstance(dags, list):
        return issues
    for index, dag in enumerate(dags):
        if not isinstance(dag, dict):
            continue
        for key, value in dag.items():
            if key in _PLAIN_TEXT_KEYS:
                continue
            for path, text in _strings(value, ("dags", index, key)):
                problem = jinja_problem(text)
                if problem is not None:
                    line, col = _locate(source, path, inherited)
                    where = next(
                        (inherited[path[:c]] + path[c:] for c in range(len(path), 2, -1) if path[:c] in inherited), path
                    )
                    issues.append(SpecIssue(source.file, line, col, format_path(where), problem))
    return _dedupe(issues)


def _dedupe(issues: list[SpecIssue]) -> list[SpecIssue]:
    """One issue per place and message: a bad default is reported once, at `defaults:`, not per DAG."""
    kept: dict[tuple[int | None, int | None, str], SpecIssue] = {}
    # a typo'd required key shows up twice (unknown 'dag', missing 'dags'): keep the typo, it says more
    typos = {(i.field.rpartition(".")[0], i.suggestion) for i in issues if i.suggestion}
    for issue in issues:
        if issue.message.startswith("missing required key"):
            parent, _, name = issue.field.rpartition(".")
            if (parent, name) in typos:
                continue
        key = (issue.line, issue.column, issue.message)
        if key not in kept or issue.field.startswith("defaults"):
            kept[key] = issue
    return list(kept.values())


def validate_source(source: YamlSource) -> SpecFile:
    """Validate parsed YAML; raise SpecError with every problem found."""
    if not isinstance(source.data, dict):
        line, col = source.locate(())
        raise SpecError.single(
            source.file, "expected a mapping with a 'dags:' list at the top of the file", line=line, column=col
        )
    issues = secret_issues(source)
    data = {k: (list(v) if k == "dags" and isinstance(v, list) else v) for k, v in source.data.items()}
    if isinstance(data.get("dags"), list):
        data["dags"] = [dict(d) if isinstance(d, dict) else d for d in data["dags"]]
    inherited = _apply_defaults(data)
    try:
        spec = SpecFile.model_validate(data)
    except ValidationError as exc:
        flagged = flagged_paths(data)
        issues.extend(_issue_from_error(source, data, err, inherited, flagged) for err in exc.errors())
        issues.extend(raw_checks(source, data))
        raise SpecError(_dedupe(issues)) from None
    issues.extend(file_checks(source, spec))
    issues.extend(_jinja_issues(source, data, inherited))
    if issues:
        raise SpecError(issues)
    return spec


def load_spec(path: str | Path, *, max_bytes: int | None = None, max_nodes: int | None = None) -> LoadedSpec:
    """Read `path` once, parse and validate it.

    `max_bytes` / `max_nodes` bound the file's size and its expanded YAML tree (defaults: the environment
    variables STEADYFLOW_MAX_SPEC_BYTES / STEADYFLOW_MAX_SPEC_NODES, else 1 MiB / 200,000 nodes)."""
    spec_path = Path(path)
    source = parse_yaml(spec_path, max_bytes=max_bytes, max_nodes=max_nodes)
    return LoadedSpec(path=spec_path, source=source, spec=validate_source(source))


def spec_files(folder: str | Path) -> list[Path]:
    """The spec files in `folder` (recursively), sorted; a file path is returned as is."""
    root = Path(folder)
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise FileNotFoundError(f"no spec file or folder at {root}")
    return sorted(p for p in root.rglob("*") if p.suffix in SPEC_SUFFIXES and p.is_file())
