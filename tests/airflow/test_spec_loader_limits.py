"""The spec loader cannot be made to eat the DAG processor: a file over the size limit is refused before it
is parsed, and a document that expands (aliases counted each time they are used) past the node budget is
refused while it is built; both name file and line. Hostile files are loaded in a child process under an
address-space limit, so a regression fails with MemoryError there instead of swapping the machine.
(How long a refusal takes is measured by benchmarks/bench_spec_limits.py, not asserted here.)"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from steadyflow.specs import SpecError, load_spec
from steadyflow.specs.yaml_source import DEFAULT_MAX_SPEC_NODES, MAX_BYTES_ENV, MAX_DEPTH, MAX_NODES_ENV

from tests.airflow.conftest import BROKEN_DIR

ADDRESS_SPACE = 300 * 1024 * 1024
CHILD = """
import json, sys
from steadyflow.specs import SpecError, load_spec
try:
    load_spec(sys.argv[1])
except SpecError as exc:
    print(json.dumps([[i.file, i.line, i.field, i.message] for i in exc.issues]))
else:
    print("[]")
"""
SMALL_SPEC = "version: 1\ndags:\n  - dag_id: orders_ingest\n    template: ingest\n    command: echo hi\n"


def _limit_address_space() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    resource.setrlimit(resource.RLIMIT_CPU, (120, 120))  # a runaway child is killed, not waited on


def load_in_limited_child(spec: Path) -> list[list[object]]:
    """The issues load_spec reports for `spec`, loaded in a child that may use 300 MB of address space."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(spec)], capture_output=True, text=True, preexec_fn=_limit_address_space
    )
    assert done.returncode == 0, done.stderr[-2000:]  # MemoryError / a raw exception lands here
    issues: list[list[object]] = json.loads(done.stdout)
    return issues


def billion_laughs(depth: int = 9, width: int = 9, merge: bool = False) -> str:
    """~1 KB of YAML whose tree has width**depth leaves (as lists, or as mappings merged with `<<`)."""
    lines = ["version: 1"]
    if merge:
        lines.append("l1: &l1 {" + ", ".join(f"k{i}: lol" for i in range(width)) + "}")
        for level in range(2, depth + 1):
            refs = ", ".join(f"*l{level - 1}" for _ in range(width))
            lines.append(
                f"l{level}: &l{level} {{<<: [{refs}], " + ", ".join(f"n{i}: *l{level - 1}" for i in range(width)) + "}"
            )
    else:
        lines.append("l1: &l1 [" + ", ".join(["lol"] * width) + "]")
        for level in range(2, depth + 1):
            lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    lines += ["dags:", "  - dag_id: laughs", "    template: ingest", "    command: echo hi", f"    tags: *l{depth}"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("merge", [False, True], ids=["lists", "merged_mappings"])
def test_a_1kb_alias_bomb_is_refused_within_300mb_naming_file_and_line(tmp_path: Path, merge: bool) -> None:
    spec = tmp_path / "bomb.yaml"
    spec.write_text(billion_laughs(merge=merge), encoding="utf-8")
    assert spec.stat().st_size < 2048

    issues = load_in_limited_child(spec)

    assert len(issues) == 1, issues
    file, line, field, message = issues[0]
    assert file == str(spec) and isinstance(line, int) and line > 1 and str(field).startswith("l")
    assert f"more than {DEFAULT_MAX_SPEC_NODES:,} YAML nodes" in str(message) and MAX_NODES_ENV in str(message)


def test_a_24mb_data_dump_saved_as_yaml_is_refused_before_parsing_within_300mb(tmp_path: Path) -> None:
    spec = tmp_path / "dump.yaml"
    row = '  - {id: 123456, customer: "ACME Corp", amount: 1234.56, paid_at: 2024-01-01T00:00:00}\n'
    with spec.open("w", encoding="utf-8") as out:
        out.write("version: 1\nrows:\n")
        out.write(row * (24 * 1024 * 1024 // len(row)))
    assert spec.stat().st_size > 24_000_000

    issues = load_in_limited_child(spec)

    assert len(issues) == 1, issues
    file, line, field, message = issues[0]
    limit_line = 2 + (1024 * 1024 - len("version: 1\nrows:\n")) // len(row) + 1
    assert (file, line, field) == (str(spec), limit_line, "")
    assert "larger than the 1,048,576-byte limit" in str(message) and MAX_BYTES_ENV in str(message)


def test_a_1mib_flat_list_stops_at_the_node_budget_within_300mb(tmp_path: Path) -> None:
    spec = tmp_path / "flat.yaml"
    spec.write_text("version: 1\nrows: [" + "1," * (1024 * 1024 // 2 - 20) + "1]\n", encoding="utf-8")
    assert spec.stat().st_size <= 1024 * 1024

    issues = load_in_limited_child(spec)

    assert [(i[1], i[2]) for i in issues] == [(2, "")], issues  # counted from the event stream: line, no field


def test_the_size_limit_is_set_by_environment_variable_or_argument(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = tmp_path / "small.yaml"
    spec.write_text(SMALL_SPEC, encoding="utf-8")
    assert load_spec(spec).spec.dags[0].dag_id == "orders_ingest"

    monkeypatch.setenv(MAX_BYTES_ENV, "40")
    with pytest.raises(SpecError) as caught:
        load_spec(spec)
    assert [(i.line, i.column) for i in caught.value.issues] == [(3, 1)]  # byte 40 is on line 3
    assert "larger than the 40-byte limit" in str(caught.value)
    assert load_spec(spec, max_bytes=len(SMALL_SPEC)).spec.dags  # an argument wins over the environment

    monkeypatch.setenv(MAX_BYTES_ENV, "lots")
    with pytest.raises(SpecError, match=f"{MAX_BYTES_ENV} must be a positive integer"):
        load_spec(spec)


def test_the_node_budget_is_set_by_environment_variable_or_argument(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = tmp_path / "small.yaml"
    spec.write_text(SMALL_SPEC, encoding="utf-8")
    monkeypatch.setenv(MAX_NODES_ENV, "5")
    with pytest.raises(SpecError) as caught:
        load_spec(spec)
    assert [(i.line, i.field) for i in caught.value.issues] == [(2, "dags")]
    assert "more than 5 YAML nodes" in str(caught.value)
    assert load_spec(spec, max_nodes=100).spec.dags


def test_a_thousand_dag_spec_with_shared_anchors_fits_the_default_budget(tmp_path: Path) -> None:
    lines = ["version: 1", "x-alerts: &alerts {webhook_conn_id: ops_webhook, on_retry: false}", "dags:"]
    for i in range(1000):
        lines += [
            f"  - dag_id: build_{i:04d}",
            "    template: dbt_build",
            f"    select: ['tag:t{i}', 'tag:u{i}']",
            "    schedule: '@daily'",
            "    alerts: *alerts",
            "    tags: [bench, nightly]",
        ]
    spec = tmp_path / "thousand.yaml"
    spec.write_text("\n".join(lines).replace("x-alerts", "defaults:\n  alerts") + "\n", encoding="utf-8")
    assert len(load_spec(spec).spec.dags) == 1000


def test_nesting_deeper_than_the_limit_is_refused_with_file_and_line(tmp_path: Path) -> None:
    spec = tmp_path / "deep.yaml"
    spec.write_text("version: 1\ndags:\n  - tags: " + "[" * 200 + "]" * 200 + "\n", encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_spec(spec)
    assert [i.line for i in caught.value.issues] == [3]
    assert f"nested deeper than {MAX_DEPTH} levels" in str(caught.value)


def test_a_recursive_alias_is_refused_not_followed_forever(tmp_path: Path) -> None:
    spec = tmp_path / "loop.yaml"
    spec.write_text("version: 1\nloop: &loop [*loop]\n", encoding="utf-8")
    issues = load_in_limited_child(spec)
    assert len(issues) == 1 and issues[0][1] == 2, issues


def test_the_corpus_alias_bomb_is_small() -> None:
    assert (BROKEN_DIR / "alias_bomb.yaml").stat().st_size < 1024
