"""The README's Install section gives the root wrapper exactly as the integration project (which installs
the package as a user would) defines it, and says what happens without it."""

from __future__ import annotations

from tests.docs.pages import code_blocks
from tests.support.dbt import INTEGRATION_DIR, REPO_ROOT

README = REPO_ROOT / "README.md"
WRAPPER = INTEGRATION_DIR / "macros" / "get_incremental_replace_window_sql.sql"


def test_the_readme_gives_the_wrapper_the_integration_project_uses() -> None:
    blocks = [b.text.strip() for b in code_blocks(README, "sql") if "{% macro" in b.text]
    assert blocks == [WRAPPER.read_text(encoding="utf-8").strip()]


def test_the_install_section_says_a_missing_wrapper_fails_the_first_run() -> None:
    text = " ".join(README.read_text(encoding="utf-8").split())
    install = text[text.index("## Install") : text.index("## Try it / develop")]
    assert "macros/get_incremental_replace_window_sql.sql" in install
    assert "the first `dbt run`/`build`/`retry` that selects a model with" in install
    assert "make dist" in install and "pip install" in install
