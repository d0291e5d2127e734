"""`SpecError`: every problem found in a spec file, each with its file, line, column and field path."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SpecIssue:
    """One problem at one place in a spec file."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: str
    suggestion: str | None = None

    def location(self) -> str:
        """`file:line:column`, as far as they are known."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def format(self) -> str:
        text = f"{self.location()}: {self.field or '<file>'}: {self.message}"
        if self.suggestion:
            text += f" (did you mean '{self.suggestion}'?)"
        return text


class SpecError(ValueError):
    """A spec file that cannot become DAGs. `issues` lists every problem found, in file order."""

    def __init__(self, issues: list[SpecIssue]) -> None:
        self.issues = sorted(issues, key=lambda i: (i.file, i.line or 0, i.column or 0, i.field))
        count = len(self.issues)
        head = f"{count} problem{'s' if count != 1 else ''} in steadyflow spec"
        super().__init__(head + ":\n" + "\n".join("  " + i.format() for i in self.issues))

    @classmethod
    def single(
        cls,
        file: str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        field: str = "",
        suggestion: str | None = None,
    ) -> SpecError:
        return cls([SpecIssue(file, line, column, field, message, suggestion)])
