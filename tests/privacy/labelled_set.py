"""The labelled set of the no_raw_pii tests (integration_tests/seeds/privacy/privacy_pii_labelled.csv), scored
in Python: per kind, the true and false positives of a detector that says yes or no per value."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from tests.support.dbt import INTEGRATION_DIR

LABELLED_CSV = INTEGRATION_DIR / "seeds" / "privacy" / "privacy_pii_labelled.csv"
KINDS = ("card", "email", "iban")
# what people write without a checksum test: a run of 13-19 digits
DIGITS_ONLY = re.compile(r"[0-9]{13,19}")


@dataclass(frozen=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int


def samples() -> list[tuple[str, str]]:
    """(label, value) per row: label is card, email, iban or none."""
    with LABELLED_CSV.open(encoding="utf-8", newline="") as f:
        return [(row["label"], row["sample_value"]) for row in csv.DictReader(f)]


def score(kind: str, flagged: Callable[[str], bool]) -> Score:
    rows = samples()
    positives = [value for label, value in rows if label == kind]
    others = [value for label, value in rows if label != kind]
    tp = sum(flagged(v) for v in positives)
    return Score(tp, sum(flagged(v) for v in others), len(positives) - tp)


def score_from_counts(kind: str, counts: Mapping[tuple[str, str], int]) -> Score:
    """The score of no_raw_pii from its output on privacy_pii_by_label, where each value sits in the column of
    its label (cards, emails, ibans, look_alikes): found in its own column = true positive, elsewhere = false."""
    own = f"{kind}s"
    positives = sum(label == kind for label, _ in samples())
    tp = counts.get((own, kind), 0)
    fp = sum(n for (column, found), n in counts.items() if found == kind and column != own)
    return Score(tp, fp, positives - tp)
