"""Read a YAML spec once, keeping the line and column of every key and value.

`parse_yaml` reads at most `max_bytes` of the file, checked before anything is parsed (a spec is DAG
definitions, not data), decodes it as UTF-8 (a bad byte is reported with its line and field), composes
the node tree with PyYAML's (C)SafeLoader and hands it to `yaml_tree.TreeBuilder`, which turns it into
plain dicts/lists/scalars within a budget of `max_nodes` nodes with every alias expanded. A file above
`PRECOUNT_ABOVE_BYTES` is first counted from the parser's event stream, so a large flat file is refused
before its whole node graph is held in memory.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from steadyflow.specs.errors import SpecError
from steadyflow.specs.yaml_tree import MAX_DEPTH, BudgetExceeded, PathKey, TreeBuilder, format_path
from steadyflow.specs.yaml_tree import mark as node_mark

__all__ = ["MAX_DEPTH", "PathKey", "YamlSource", "format_path", "parse_yaml"]

#: Defaults of the two size limits; the environment variables below override them for every spec.
DEFAULT_MAX_SPEC_BYTES = 1024 * 1024
DEFAULT_MAX_SPEC_NODES = 200_000
MAX_BYTES_ENV = "STEADYFLOW_MAX_SPEC_BYTES"
MAX_NODES_ENV = "STEADYFLOW_MAX_SPEC_NODES"
#: A Jinja opener, possibly split over a folded line, or a backslash (a double-quoted escape can spell '{').
_JINJA_OR_ESCAPE = re.compile(r"\{\s*[{%#]|\\")

#: libyaml's parser when PyYAML was built with it (much faster), else the pure-Python one; both are safe.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlSource:
    """A parsed spec file: its data and a map of field path -> (line, column), both 1-based."""

    file: str
    data: object
    marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    #: False when no value can hold a Jinja opener ('{{', '{%', '{#'): the text has none, nor any escape
    may_hold_jinja: bool = True

    def locate(self, path: PathKey) -> tuple[int | None, int | None]:
        """The position of `path`, or of its nearest ancestor that is in the file."""
        probe = tuple(path)
        while probe:
            if probe in self.marks:
                return self.marks[probe]
            probe = probe[:-1]
        return self.marks.get((), (None, None))

    def field_at(self, line: int, column: int) -> PathKey:
        """The deepest field whose key starts at or before (line, column): where that position belongs."""
        best: tuple[tuple[int, int], int, PathKey] = ((0, 0), 0, ())
        for path, mark in self.marks.items():
            if mark <= (line, column) and (mark, len(path)) > best[:2]:
                best = (mark, len(path), path)
        return best[2]


def _limit(file: str, name: str, given: int | None, default: int) -> int:
    """`given`, else the environment variable `name`, else `default`; a bad setting is a SpecError."""
    if given is not None:
        return given
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip().replace("_", ""))
    except ValueError:
        value = 0
    if value <= 0:
        raise SpecError.single(file, f"{name} must be a positive integer, got {raw[:40]!r}")
    return value


def _too_big_message(max_nodes: int) -> str:
    return (
        f"the document expands to more than {max_nodes:,} YAML nodes (an alias counts each time it is used); "
        f"a spec this large is a mistake or an alias bomb. Raise the limit with {MAX_NODES_ENV} if it is real"
    )


def _too_big(file: str, builder: TreeBuilder, path: PathKey, max_nodes: int) -> SpecError:
    """The budget ran out at `path`: report the nearest enclosing key, where the expansion is written."""
    at = path
    while at and not isinstance(at[-1], str):
        at = at[:-1]
    line, col = builder.marks.get(at, (1, 1))
    return SpecError.single(
        file,
        _too_big_message(max_nodes),
        line=line,
        column=col,
        field=format_path(at),
    )


def _read(path: Path, file: str, max_bytes: int) -> bytes:
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise SpecError.single(file, f"cannot read spec file: {exc.strerror or exc}") from exc
    if len(raw) > max_bytes:
        line = raw.count(b"\n", 0, max_bytes) + 1
        raise SpecError.single(
            file,
            f"the file is larger than the {max_bytes:,}-byte limit for a spec (passed at line {line}): a spec holds "
            f"DAG definitions, not data. Split it into several files, or raise the limit with {MAX_BYTES_ENV}",
            line=line,
            column=1,
        )
    return raw


def _locate_in_text(text: str, file: str, index: int, max_nodes: int, parse: bool = True) -> tuple[int, int, str]:
    """Line, column and field of character `index` of `text` (the field only if `parse` and the text parses)."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    if not parse:
        return line, column, ""
    try:
        source = _parse_text(text, file, max_nodes, locate_fields=False)
    except SpecError:
        return line, column, ""
    return line, column, format_path(source.field_at(line, column))


def _decode(raw: bytes, file: str, max_nodes: int) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8", errors="replace")
        index = len(raw[: exc.start].decode("utf-8", errors="replace"))
        line, column, where = _locate_in_text(text, file, index, max_nodes)
        message = f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"
        raise SpecError.single(file, message, line=line, column=column, field=where) from None


def parse_yaml(
    path: Path, text: str | None = None, *, max_bytes: int | None = None, max_nodes: int | None = None
) -> YamlSource:
    """Parse `path` (or `text`, reported as `path`) into a `YamlSource`; every problem becomes a SpecError.

    `max_bytes` (default: $STEADYFLOW_MAX_SPEC_BYTES, else 1 MiB) is checked before anything is parsed;
    `max_nodes` (default: $STEADYFLOW_MAX_SPEC_NODES, else 200,000) bounds the expanded tree."""
    file = str(path)
    byte_limit = _limit(file, MAX_BYTES_ENV, max_bytes, DEFAULT_MAX_SPEC_BYTES)
    node_limit = _limit(file, MAX_NODES_ENV, max_nodes, DEFAULT_MAX_SPEC_NODES)
    if text is None:
        text = _decode(_read(path, file, byte_limit), file, node_limit)
    elif len(text) > byte_limit or len(text.encode("utf-8", errors="surrogatepass")) > byte_limit:
        line = text.count("\n", 0, byte_limit) + 1
        raise SpecError.single(
            file, f"the text is larger than the {byte_limit:,}-byte limit for a spec", line=line, column=1
        )
    return _parse_text(text, file, node_limit)


#: Above this size a file's nodes are counted from the parser's event stream before the tree is composed:
#: composing holds every node of the file at once (~250 MB for 1 MiB of `[1,1,...]`), events do not.
PRECOUNT_ABOVE_BYTES = 64 * 1024


def _precount(text: str, file: str, max_nodes: int) -> None:
    """Count the expanded tree from the event stream (an alias adds its anchor's size); refuse past the budget.
    YAML errors are left to the real parse, which reports them with their field."""
    loader = _Loader(text)
    sizes: dict[str, int] = {}
    open_at: list[tuple[str | None, int]] = []
    count = 0
    try:
        while True:
            event = loader.get_event()  # type: ignore[no-untyped-call]
            if event is None or isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.ScalarEvent):
                count += 1
                if event.anchor:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.AliasEvent):
                count += sizes.get(event.anchor or "", 1)
            elif isinstance(event, yaml.CollectionStartEvent):
                open_at.append((event.anchor, count))
                count += 1
            elif isinstance(event, yaml.CollectionEndEvent) and open_at:
                anchor, start = open_at.pop()
                if anchor:
                    sizes[anchor] = count - start
            if count > max_nodes:
                line = event.start_mark.line + 1
                raise SpecError.single(file, _too_big_message(max_nodes), line=line, column=event.start_mark.column + 1)
    except yaml.YAMLError:
        return
    finally:
        loader.dispose()


#: PyYAML contexts that start where something opened is never closed: reported where it opens.
_UNCLOSED_CONTEXTS = ("while scanning a quoted scalar", "while parsing a flow")
_TAB_PROBLEMS = ("found a tab character", "found character '\\t'")


def _yaml_error(exc: yaml.MarkedYAMLError) -> tuple[int, int | None, str]:
    """Line, column and message of a YAML syntax error. An unclosed quote or bracket is reported where it
    opens (PyYAML's context mark), with where the parser gave up, usually the end of the file."""
    problem = exc.problem or str(exc)
    if any(word in problem for word in _TAB_PROBLEMS):
        problem += "; tabs are not allowed in YAML indentation, indent with spaces"
    start, end = exc.context_mark, exc.problem_mark
    unclosed = bool(exc.context and exc.context.startswith(_UNCLOSED_CONTEXTS))
    if unclosed and start is not None and end is not None and (start.line, start.column) < (end.line, end.column):
        opened = str(exc.context).split(" ", 2)[2]  # "a quoted scalar", "a flow sequence", ...
        message = (
            f"{opened} starts here and is never closed (a missing quote or bracket?); the parser gave up at "
            f"line {end.line + 1}, column {end.column + 1}: {problem}"
        )
        return start.line + 1, start.column + 1, message
    mark = end or start
    context = f" ({exc.context})" if exc.context else ""
    return (mark.line + 1 if mark else 1), (mark.column + 1 if mark else None), f"{problem}{context}"


def _parse_text(text: str, file: str, max_nodes: int, *, locate_fields: bool = True) -> YamlSource:
    if len(text) > PRECOUNT_ABOVE_BYTES:
        _precount(text, file, max_nodes)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise SpecError.single(file, "the file is empty; expected a mapping with a 'dags:' list", line=1, column=1)
        builder = TreeBuilder(file, loader, max_nodes)
        data = builder.build(root, ())
    except BudgetExceeded as exc:
        raise _too_big(file, builder, exc.path, max_nodes) from None
    except yaml.reader.ReaderError as exc:
        index = len(text.encode("utf-8", errors="surrogatepass")[: exc.position].decode("utf-8", errors="replace"))
        blanked = text[:index] + " " + text[index + 1 :]  # to name the field the character is in
        line, column, where = _locate_in_text(blanked, file, index, max_nodes, parse=locate_fields)
        raise SpecError.single(file, f"invalid YAML: {exc.reason}", line=line, column=column, field=where) from None
    except yaml.MarkedYAMLError as exc:
        line, col, message = _yaml_error(exc)
        raise SpecError.single(file, f"invalid YAML: {message}", line=line, column=col) from exc
    except yaml.YAMLError as exc:
        raise SpecError.single(file, f"invalid YAML: {exc}", line=1) from exc
    finally:
        loader.dispose()
    if builder.issues:
        once = {(i.line, i.column, i.message): i for i in reversed(builder.issues)}  # an aliased node: once
        raise SpecError(list(once.values()))
    marks = builder.marks
    marks[()] = node_mark(root)
    return YamlSource(file=file, data=data, marks=marks, may_hold_jinja=bool(_JINJA_OR_ESCAPE.search(text)))
