"""Helpers shared by the benchmark modules."""

from __future__ import annotations

import os
from pathlib import Path


def env_int(name: str, default: int, what: str = "rows") -> int:
    """An integer from the environment (`10_000_000` allowed); `what` names the unit in the error."""
    raw = os.environ.get(name, str(default))
    try:
        return int(raw.replace("_", ""))
    except ValueError:
        raise SystemExit(f"{name} must be an integer number of {what}, got {raw!r}") from None


def write_doc_section(doc: Path, name: str, body: str) -> None:
    """Replace what is between `<!-- section:<name> -->` and `<!-- /section:<name> -->` in `doc` with `body`
    (the section is appended when the markers are missing)."""
    start, end = f"<!-- section:{name} -->", f"<!-- /section:{name} -->"
    text = doc.read_text(encoding="utf-8")
    if start in text and end in text:
        head, rest = text.split(start, 1)
        _, tail = rest.split(end, 1)
    else:
        head, tail = text.rstrip("\n") + "\n\n", "\n"
    doc.write_text(f"{head}{start}\n{body.rstrip()}\n{end}{tail}", encoding="utf-8")
