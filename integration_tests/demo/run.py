"""`make demo`: the main job, played on an embedded DuckDB file under .demo/.

Each step module in this folder exposes `run(workdir: Path) -> None` and prints its own tables.
"""

from __future__ import annotations

import importlib
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
STEPS = ["late_data", "guards", "airflow_pipeline"]


def main() -> int:
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(HERE))
    workdir = REPO / ".demo"
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir()
    for name in STEPS:
        if not (HERE / f"{name}.py").exists():
            continue
        print(f"\n===== {name.replace('_', ' ')} =====")
        importlib.import_module(name).run(workdir / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
