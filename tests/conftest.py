"""Shared fixtures. Tests that read ../shared skip with a reason when it is absent
(a user's clone has no ../shared; CI does)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside this checkout (it holds the real documents; CI has it)")
    return SHARED
