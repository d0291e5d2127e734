"""Every relative link in README.md and docs/*.md points at a file (or folder) of this repository, and
every `#anchor` at a heading of the page it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.docs.pages import PAGES, anchors, relative_links
from tests.support.dbt import REPO_ROOT


def test_the_pages_link_to_each_other() -> None:
    readme = relative_links(REPO_ROOT / "README.md")
    for page in ("docs/late-data.md", "docs/guards.md", "docs/airflow-specs.md", "docs/demo.md"):
        assert page in readme, f"the README does not link {page}"


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_relative_link_points_at_something_that_exists(page: Path) -> None:
    broken = []
    for link in relative_links(page):
        target, _, anchor = link.partition("#")
        path = (page.parent / target).resolve() if target else page
        if not path.exists():
            broken.append(f"{link}: no such file {path}")
        elif anchor and path.suffix == ".md" and anchor not in anchors(path):
            broken.append(f"{link}: {path.name} has no heading with the anchor #{anchor}")
    assert not broken, f"{page.name}: broken links:\n" + "\n".join(broken)
