"""`make demo`: the main job, played on an embedded DuckDB file under .demo/.

Each step module in this folder exposes `run(workdir: Path) -> None` and prints its own tables. What the
steps print is also written, as it was printed, to docs/demo.md (the transcript the README links to);
tests/docs/test_demo_transcript.py plays the steps again and compares, so the page cannot drift.

    python integration_tests/demo/run.py                      # every step, writes docs/demo.md
    python integration_tests/demo/run.py --steps guards --workdir /tmp/d --transcript /tmp/d/demo.md
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import shutil
import sys
from pathlib import Path
from typing import TextIO

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
TRANSCRIPT = REPO / "docs" / "demo.md"

# step module -> (title, what it shows); the titles and texts are the page's prose around each output.
STEPS: dict[str, tuple[str, str]] = {
    "late_data": (
        "1. Late data",
        "`integration_tests/demo/late_data.py`: ten days of orders with late arrivals, one run a day; then the"
        " check for rows later than the window (`steadyflow.late_rows_missed`); then the same backfill twice.",
    ),
    "guards": (
        "2. Guards",
        "`integration_tests/demo/guards.py`: a currency join loses its GBP rate and silently drops orders;"
        " `row_count_guard` and `parity_guard` (per day, against the source) catch it; with the rate back, the"
        " same model and guards pass.",
    ),
    "airflow_pipeline": (
        "3. Airflow pipeline",
        "`integration_tests/demo/airflow_pipeline.py`: renders the example specs with `steadyflow render`, then"
        " runs the producers and the consumer with `dag.test()` in a throwaway `AIRFLOW_HOME`, connections"
        " served by the local-file secrets backend.",
    ),
    "volume": (
        "4. Volume guard",
        "`integration_tests/demo/volume.py`: 90 generated days with a weekend dip and late events; a partial load"
        " (a Monday 40% short) is caught by `volume_drop_guard` against the median of its Mondays, and a clean"
        " week passes.",
    ),
    "purge": (
        "5. Purge (right to be forgotten)",
        "`integration_tests/demo/purge.py`: customer 42's card number sits in a raw table and five tables built"
        " from it; `steadyflow purge --downstream` deletes the rows everywhere and rewrites the DuckDB file; the"
        " card number is found in the file before and not after.",
    ),
    "parity": (
        "6. Legacy vs new (parity)",
        "`integration_tests/demo/parity.py`: a stored procedure's legacy export against its dbt rewrite with"
        " `steadyflow.compare_relations` (one join, a tolerance on the money columns): the per-column table,"
        " a duplicated key named before any comparison, and the same checks as `matches_relation` tests.",
    ),
}

HEADER = """# Demo transcript (`make demo`)

<!-- Written by integration_tests/demo/run.py (`make demo`); do not edit by hand.
     tests/docs/test_demo_transcript.py compares it with a fresh run, timings masked. -->

`make demo` sets up `.venv` and plays its steps on embedded DuckDB files under `.demo/`
(`integration_tests/demo/run.py`). This is the real output, as printed by the last `make demo`.
"""


class _Tee(io.TextIOBase):
    """Writes to the terminal and keeps a copy."""

    def __init__(self, terminal: TextIO) -> None:
        self.terminal = terminal
        self.copy = io.StringIO()

    def write(self, text: str) -> int:
        self.terminal.write(text)
        return self.copy.write(text)

    def flush(self) -> None:
        self.terminal.flush()


def transcript(outputs: dict[str, str]) -> str:
    """docs/demo.md: the header, then per step its title, what it shows, and its output in a text block."""
    parts = [HEADER]
    for name, output in outputs.items():
        title, about = STEPS[name]
        text = "\n".join(line.rstrip() for line in output.strip("\n").splitlines())
        parts.append(f"\n<!-- demo-step: {name} -->\n## {title}\n\n{about}\n\n```text\n{text}\n```\n")
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", nargs="+", choices=list(STEPS), default=list(STEPS))
    parser.add_argument("--workdir", type=Path, default=REPO / ".demo")
    parser.add_argument("--transcript", type=Path, default=TRANSCRIPT, help="where to write the transcript")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(HERE))
    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    outputs: dict[str, str] = {}
    for name in args.steps:
        print(f"\n===== {name.replace('_', ' ')} =====", flush=True)
        tee = _Tee(sys.stdout)
        with contextlib.redirect_stdout(tee):
            importlib.import_module(name).run(args.workdir / name)
        outputs[name] = tee.copy.getvalue()
    args.transcript.write_text(transcript(outputs), encoding="utf-8")
    print(f"\ntranscript written to {args.transcript}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
