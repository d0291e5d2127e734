"""The Asset graph between DAGs: which DAG wakes which (through an Asset it publishes and the other's
`schedule:` waits on), and its cycles. The loader refuses a cycle among the DAGs of one file; lint finds
cycles across every file of a folder. Both name a cycle the same way."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from steadyflow.specs.file import SpecFile
from steadyflow.specs.schedule import asset_paths

PathKey = tuple[str | int, ...]
#: producer dag -> consumer dag -> the (alphabetically first) asset linking them
Edges = dict[str, dict[str, str]]


def link(producers: dict[str, list[str]], consumers: dict[str, list[str]]) -> Edges:
    """Edges from asset -> producing dag ids and asset -> consuming dag ids."""
    out: Edges = {}
    for name in sorted(producers):
        for producer in producers[name]:
            for consumer in consumers.get(name, []):
                out.setdefault(producer, {}).setdefault(consumer, name)
    return out


def _reach(start: str, edges: Edges) -> dict[str, str | None]:
    """Every dag reachable from `start` (itself only through a cycle) -> its predecessor on a shortest path."""
    parent: dict[str, str | None] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in sorted(edges.get(node, {})):
            if nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return parent


def asset_cycles(edges: Edges) -> list[list[str]]:
    """One shortest cycle per strongly connected group of DAGs, as `[dag, asset, dag, ..., dag]`,
    each starting (and ending) at the group's alphabetically first dag_id."""
    reverse: Edges = {}
    for src, targets in edges.items():
        for dst, asset in targets.items():
            reverse.setdefault(dst, {})[src] = asset
    cycles: list[list[str]] = []
    seen: set[str] = set()
    for start in sorted(edges):
        if start in seen:
            continue
        forward = _reach(start, edges)
        if start not in forward:
            continue
        seen |= set(forward) & set(_reach(start, reverse))
        nodes = [start]
        node = forward[start]
        while node is not None and node != start:
            nodes.append(node)
            node = forward[node]
        nodes = [start, *reversed(nodes[1:]), start]
        chain = [start]
        for src, dst in zip(nodes, nodes[1:], strict=False):
            chain += [edges[src][dst], dst]
        cycles.append(chain)
    return cycles


def cycle_message(chain: Iterable[str]) -> str:
    return (
        f"asset cycle {' -> '.join(chain)}: these DAGs wait for each other's assets, "
        "so none of them starts (or, once one is started, they wake each other forever)"
    )


def file_cycles(spec: SpecFile) -> list[tuple[PathKey, str]]:
    """Cycles among the DAGs of one file, each at the schedule entry where its first DAG waits."""
    producers: dict[str, list[str]] = {}
    consumers: dict[str, list[str]] = {}
    waits: dict[tuple[str, str], PathKey] = {}
    for index, dag in enumerate(spec.dags):
        for name in dag.outlets:
            producers.setdefault(name, []).append(dag.dag_id)
        for name, path in asset_paths(dag.schedule):
            consumers.setdefault(name, []).append(dag.dag_id)
            waits.setdefault((dag.dag_id, name), ("dags", index, "schedule", *path))
    if not producers or not consumers:
        return []
    return [(waits[(chain[0], chain[-2])], cycle_message(chain)) for chain in asset_cycles(link(producers, consumers))]
