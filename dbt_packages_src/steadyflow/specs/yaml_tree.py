"""Turn a composed YAML node graph into plain dicts/lists/scalars, recording where every field starts.

The builder refuses, as issues naming file, line and field, what a safe loader would let through or
blow up on: a tag outside the YAML core schema (`!!python/object/apply:...` on a list or mapping is
otherwise dropped silently and its argument kept as data), a scalar its tag cannot construct
(`2024-02-30`, `!!int x`), duplicate keys, and nesting deeper than `MAX_DEPTH`. It counts every node it
builds, so an alias counts each time it is used, and stops with `BudgetExceeded` past `max_nodes`: the
composed graph shares aliased nodes, the built data and every later walk of it would not.

Merge keys (`<<: *base`) follow YAML: the mapping's own keys win over merged ones, earlier merged
mappings over later ones.
"""

from __future__ import annotations

import yaml

from steadyflow.specs.errors import SpecError, SpecIssue

PathKey = tuple[str | int, ...]

_CORE = "tag:yaml.org,2002:"
_STR_TAG = _CORE + "str"
_MAP_TAG = _CORE + "map"
_SEQ_TAG = _CORE + "seq"
_MERGE_TAG = _CORE + "merge"
_SCALAR_KINDS = {
    _STR_TAG: "string",
    _CORE + "int": "integer",
    _CORE + "float": "number",
    _CORE + "bool": "boolean",
    _CORE + "null": "null",
    _CORE + "timestamp": "date",
}
#: Deeper than any spec needs (about 8), well inside Python's recursion limit.
MAX_DEPTH = 64


def format_path(path: PathKey) -> str:
    """('dags', 0, 'schedule') -> 'dags[0].schedule'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _show_tag(tag: str) -> str:
    text = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
    return text if len(text) <= 80 else text[:77] + "..."


class BudgetExceeded(Exception):
    def __init__(self, path: PathKey) -> None:
        self.path = path


class TreeBuilder:
    """Builds one document's data; `marks` and `issues` are read after `build`."""

    def __init__(self, file: str, loader: yaml.SafeLoader, max_nodes: int) -> None:
        self.file = file
        self.loader = loader
        self.max_nodes = max_nodes
        self.nodes = 0
        self.marks: dict[PathKey, tuple[int, int]] = {}
        self.issues: list[SpecIssue] = []
        self._built: set[int] = set()  # collection nodes built once already: meeting one again is an alias
        self._alias_entry: PathKey | None = None  # where the outermost alias being expanded is used

    def issue(self, node: yaml.Node, path: PathKey, message: str) -> None:
        line, col = mark(node)
        self.issues.append(SpecIssue(self.file, line, col, format_path(path), message))

    def build(self, node: yaml.Node, path: PathKey, depth: int = 0) -> object:
        self.nodes += 1
        if self.nodes > self.max_nodes:
            raise BudgetExceeded(self._alias_entry or path)
        if depth > MAX_DEPTH:
            line, col = mark(node)
            raise SpecError.single(
                self.file,
                f"nested deeper than {MAX_DEPTH} levels (or an alias used inside its own anchor)",
                line=line,
                column=col,
                field=format_path(path),
            )
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if id(node) not in self._built:
            self._built.add(id(node))
        elif self._alias_entry is None:
            self._alias_entry = path
            try:
                return self.collection(node, path, depth)
            finally:
                self._alias_entry = None
        return self.collection(node, path, depth)

    def collection(self, node: yaml.Node, path: PathKey, depth: int) -> object:
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                return self.refuse_tag(node, path)
            items: list[object] = []
            for index, item in enumerate(node.value):
                self.marks[(*path, index)] = mark(item)
                items.append(self.build(item, (*path, index), depth + 1))
            return items
        assert isinstance(node, yaml.MappingNode)
        if node.tag != _MAP_TAG:
            return self.refuse_tag(node, path)
        merged: dict[str, object] = {}
        for key_node, value_node in node.value:  # merged keys first: the mapping's own keys override them
            if key_node.tag == _MERGE_TAG:
                self.merge(value_node, path, depth, merged)
        out: dict[str, object] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                continue
            key = self.key(key_node, path)
            if key is None:
                continue
            if key in out:
                line, col = mark(key_node)
                dotted = format_path((*path, key))
                self.issues.append(
                    SpecIssue(self.file, line, col, dotted, f"duplicate key '{key}' (the later value would win)")
                )
                continue
            self.marks[(*path, key)] = mark(key_node)
            out[key] = self.build(value_node, (*path, key), depth + 1)
        return {**{k: v for k, v in merged.items() if k not in out}, **out} if merged else out

    def merge(self, value_node: yaml.Node, path: PathKey, depth: int, merged: dict[str, object]) -> None:
        sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        for source in sources:
            if not isinstance(source, yaml.MappingNode):
                self.issue(source, path, "a merge key '<<' takes a mapping or a list of mappings (e.g. <<: *defaults)")
                continue
            built = self.build(source, path, depth + 1)
            if isinstance(built, dict):
                for key, value in built.items():
                    merged.setdefault(key, value)

    def key(self, node: yaml.Node, path: PathKey) -> str | None:
        self.nodes += 1
        if not isinstance(node, yaml.ScalarNode):
            self.issue(node, path, "a mapping key must be a plain value, not a list or mapping")
            return None
        key = self.scalar(node, path)
        return None if key is REFUSED else key if isinstance(key, str) else str(key)

    def scalar(self, node: yaml.ScalarNode, path: PathKey) -> object:
        if node.tag == _STR_TAG:  # the common case, without the constructor's dispatch
            return node.value
        kind = _SCALAR_KINDS.get(node.tag)
        if kind is None:
            return self.refuse_tag(node, path)
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError:
            raise
        except Exception as exc:  # noqa: BLE001 - a constructor's ValueError/KeyError/... on a bad literal
            # only datetime's reasons are shown: int()/float() would echo the value, which may be a secret
            reason = f": {exc}" if kind == "date" and isinstance(exc, ValueError) else ""
            self.issue(node, path, f"not a valid {kind}{reason}")
            return REFUSED

    def refuse_tag(self, node: yaml.Node, path: PathKey) -> object:
        if node.tag == _CORE + "value":
            self.issue(node, path, "a bare '=' is a YAML value key; quote it: '='")
        elif node.tag in _SCALAR_KINDS or node.tag in (_MAP_TAG, _SEQ_TAG):
            shape = (
                "list"
                if isinstance(node, yaml.SequenceNode)
                else "mapping"
                if isinstance(node, yaml.MappingNode)
                else "plain value"
            )
            self.issue(node, path, f"the tag '{_show_tag(node.tag)}' does not fit a {shape}; remove it")
        else:
            self.issue(
                node,
                path,
                f"non-standard YAML tag '{_show_tag(node.tag)}': a spec holds plain strings, numbers, booleans, "
                "dates, lists and mappings; remove the tag",
            )
        return REFUSED


#: What a refused node is built as; never reaches validation (refusals are issues, raised first).
REFUSED: object = object()
