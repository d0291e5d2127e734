"""The user-facing pages (README.md and docs/*.md) as the docs tests read them: code blocks by language,
relative links, and GitHub's heading anchors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tests.support.dbt import REPO_ROOT

PAGES = [REPO_ROOT / "README.md", *sorted((REPO_ROOT / "docs").glob("*.md"))]
_FENCE = re.compile(r"^( *)```(\w*)\n(.*?)^\1```", flags=re.S | re.M)
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^()\s]+)\)")
_HEADING = re.compile(r"^#{1,6} +(.+?) *$", flags=re.M)


@dataclass(frozen=True)
class Block:
    page: Path
    number: int  # among the page's blocks of that language
    lang: str
    text: str

    @property
    def where(self) -> str:
        return f"{self.page.name}#{self.lang}{self.number}"


def code_blocks(page: Path, lang: str) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    found = [m for m in _FENCE.finditer(text) if m.group(2) == lang]
    return [Block(page, n, lang, _dedent(m.group(3), len(m.group(1)))) for n, m in enumerate(found)]


def _dedent(text: str, indent: int) -> str:
    return "\n".join(line[indent:] if line[:indent].isspace() else line for line in text.splitlines()) + "\n"


def without_code(text: str) -> str:
    """The page without its fenced blocks and inline code (where brackets are not links)."""
    return re.sub(r"`[^`\n]*`", "", _FENCE.sub("", text))


def relative_links(page: Path) -> list[str]:
    links = _LINK.findall(without_code(page.read_text(encoding="utf-8")))
    return [link for link in links if not re.match(r"^[a-z]+:", link)]


def anchors(page: Path) -> set[str]:
    """GitHub's anchors for the page's headings: lower case, punctuation dropped, spaces to hyphens."""
    found: set[str] = set()
    for heading in _HEADING.findall(_FENCE.sub("", page.read_text(encoding="utf-8"))):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        candidate, n = slug, 0
        while candidate in found:
            n += 1
            candidate = f"{slug}-{n}"
        found.add(candidate)
    return found
