"""docs/demo.md is what `make demo` prints: each step is played again (in its own process, as `make demo`
runs it) and its output compared with the page's, timings masked. A step that changes its output fails
here until `make demo` has rewritten the page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.dbt import REPO_ROOT

DEMO = REPO_ROOT / "integration_tests" / "demo" / "run.py"
PAGE = REPO_ROOT / "docs" / "demo.md"
# values that differ from run to run: durations, and the ids of manual runs (they hold the wall clock)
RUN_DEPENDENT = [
    (re.compile(r"took \d+(?:\.\d+)?s"), "took <n>s"),
    (re.compile(r"\d+\.\d+ ?s\b"), "<n>s"),
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?\+00:00"), "<timestamp>"),
]


def demo_steps() -> list[str]:
    """The step names of integration_tests/demo/run.py's STEPS, in order (read from the file, not imported)."""
    source = DEMO.read_text(encoding="utf-8")
    block = source[source.index("STEPS: dict") : source.index("\n}\n", source.index("STEPS: dict"))]
    return re.findall(r'^    "(\w+)": \(', block, flags=re.M)


STEPS = demo_steps()


def masked(text: str) -> str:
    for pattern, replacement in RUN_DEPENDENT:
        text = pattern.sub(replacement, text)
    return text


def step_output(transcript: str, step: str) -> str:
    match = re.search(rf"<!-- demo-step: {step} -->\n.*?```text\n(.*?)```", transcript, flags=re.S)
    assert match, f"the transcript has no output for the step {step}: run `make demo`"
    return match.group(1)


def test_the_page_holds_every_step_of_the_demo() -> None:
    page = PAGE.read_text(encoding="utf-8")
    for step in STEPS:
        assert step_output(page, step).strip()


@pytest.mark.parametrize("step", STEPS)
def test_the_demo_prints_what_docs_demo_md_shows(tmp_path: Path, step: str) -> None:
    transcript = tmp_path / "demo.md"
    env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "AIRFLOW__CORE__LOAD_EXAMPLES": "False"}
    cmd = [sys.executable, str(DEMO), "--steps", step, "--workdir", str(tmp_path / "work")]
    cmd += ["--transcript", str(transcript)]
    run = subprocess.run(cmd, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, f"the demo step {step} failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    fresh = masked(step_output(transcript.read_text(encoding="utf-8"), step))
    shown = masked(step_output(PAGE.read_text(encoding="utf-8"), step))
    assert fresh == shown, f"docs/demo.md is stale for the step {step}: run `make demo` and commit the page"
