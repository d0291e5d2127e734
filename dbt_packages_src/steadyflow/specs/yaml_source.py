"""Read a YAML spec once, keeping the line and column of every key and value.

`parse_yaml` composes the node tree with PyYAML's (C)SafeLoader (no arbitrary tags, no object
construction), then turns it into plain dicts/lists/scalars while recording, for each field path,
where its key (or list item) starts. Duplicate keys are an error instead of a silent overwrite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from steadyflow.specs.errors import SpecError, SpecIssue

PathKey = tuple[str | int, ...]
_STR_TAG = "tag:yaml.org,2002:str"

#: libyaml's parser when PyYAML was built with it (much faster), else the pure-Python one; both are safe.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlSource:
    """A parsed spec file: its data and a map of field path -> (line, column), both 1-based."""

    file: str
    data: object
    marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: PathKey) -> tuple[int | None, int | None]:
        """The position of `path`, or of its nearest ancestor that is in the file."""
        probe = tuple(path)
        while probe:
            if probe in self.marks:
                return self.marks[probe]
            probe = probe[:-1]
        return self.marks.get((), (None, None))


def format_path(path: PathKey) -> str:
    """('dags', 0, 'schedule') -> 'dags[0].schedule'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    def __init__(self, file: str, loader: yaml.SafeLoader) -> None:
        self.file = file
        self.loader = loader
        self.marks: dict[PathKey, tuple[int, int]] = {}
        self.issues: list[SpecIssue] = []

    def build(self, node: yaml.Node, path: PathKey) -> object:
        if isinstance(node, yaml.MappingNode):
            self.loader.flatten_mapping(node)
            out: dict[str, object] = {}
            for key_node, value_node in node.value:
                key = key_node.value if key_node.tag == _STR_TAG else self.loader.construct_object(key_node, deep=True)
                line, col = _mark(key_node)
                if not isinstance(key, str):
                    key = str(key)
                if key in out:
                    dotted = format_path((*path, key))
                    self.issues.append(
                        SpecIssue(self.file, line, col, dotted, f"duplicate key '{key}' (the later value would win)")
                    )
                    continue
                self.marks[(*path, key)] = (line, col)
                out[key] = self.build(value_node, (*path, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            items: list[object] = []
            for index, item in enumerate(node.value):
                self.marks[(*path, index)] = _mark(item)
                items.append(self.build(item, (*path, index)))
            return items
        if node.tag == _STR_TAG:  # the common case, without the constructor's dispatch
            return node.value
        return self.loader.construct_object(node, deep=True)


def parse_yaml(path: Path, text: str | None = None) -> YamlSource:
    """Parse `path` (or `text`, reported as `path`) into a `YamlSource`; YAML errors become SpecError."""
    file = str(path)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise SpecError.single(file, f"cannot read spec file: {exc.strerror or exc}") from exc
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise SpecError.single(file, "the file is empty; expected a mapping with a 'dags:' list", line=1, column=1)
        builder = _Builder(file, loader)
        data = builder.build(root, ())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        problem = exc.problem or str(exc)
        context = f" ({exc.context})" if exc.context else ""
        raise SpecError.single(file, f"invalid YAML: {problem}{context}", line=line, column=col) from exc
    except yaml.YAMLError as exc:
        raise SpecError.single(file, f"invalid YAML: {exc}") from exc
    finally:
        loader.dispose()
    if builder.issues:
        raise SpecError(builder.issues)
    marks = builder.marks
    marks[()] = _mark(root)
    return YamlSource(file=file, data=data, marks=marks)
