"""`make bench`: run every benchmark module in this folder that exposes `main()`; each writes its own
section of docs/benchmarks.md."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def main() -> None:
    here = Path(__file__).resolve().parent
    for mod in sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_")):
        module = importlib.import_module(f"benchmarks.{mod}")
        if not getattr(module, "IN_MAKE_BENCH", True):  # e.g. bench_airflow: its own target (make bench-airflow)
            continue
        print(f"== {mod}")
        module.main()


if __name__ == "__main__":
    main()
